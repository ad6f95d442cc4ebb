"""Rules in words a policy officer reads: a predicate or a condition on what happened, a deadline, a limit.

``{kind: member, top_leader: true, not: {township: true}}`` reads ``班子成员个人，是党政主要负责同志，不是乡镇``:
attributes, positions, unit attributes and kinds (its `team`) by the names the rule set gives them; ``all`` is joined
with ``，``, ``any`` with ``或``, ``not`` says ``不是`` (or ``并非（…）`` around more than one test).
Only names the rule set declares are used; a key it does not know is shown as written.

A relative deadline says what it counts from: ``{months_after_meeting: 3}`` is ``会后3个月内`` for a duty of
the meeting, ``评定后3个月内`` for a duty owed per rated member (counted from the rating) and ``决定后3个月内``
for what an order sends back (counted from the order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lifemeeting.ruleset.model import Appraisal, DateSpec, RuleSet, ShareLimit

ALWAYS = "全部"
FACT_WORDS = {  # fact → (words when true, words when false)
    "meeting.in_window": ("会议日期在规定的会议时间之内", "会议日期不在规定的会议时间之内"),
    "meeting.moved": ("会期已调整（不是计划的日期）", "会期未调整"),
}


def condition(rs: RuleSet, predicate: dict[str, Any] | None) -> str:
    """``predicate`` (an ``applies_to``, ``when`` or ``filled_by``) in words; ``全部`` when it always holds."""
    if not predicate:
        return ALWAYS
    return "，".join(_test(rs, key, value) for key, value in predicate.items())


def _test(rs: RuleSet, key: str, value: Any) -> str:
    if key == "all":
        return "，".join(condition(rs, p) for p in value)
    if key == "any":
        parts = [condition(rs, p) for p in value]
        return parts[0] if len(parts) == 1 else "（" + "；或".join(parts) + "）"
    if key == "not":
        if isinstance(value, dict) and len(value) == 1:
            ((inner, v),) = value.items()
            if isinstance(v, bool) and inner not in ("all", "any", "not"):
                return _test(rs, inner, not v)
        inner = condition(rs, value)
        return "并非" + (inner if inner.startswith("（") and inner.endswith("）") else f"（{inner}）")
    if key == "kind":
        kinds = {"member": f"{rs.team.member}个人", "team": rs.team.name}  # as the rule set calls them
        return _alternatives(value, lambda v: kinds.get(v, str(v)))
    if key == "position":
        names = {p.id: p.name for p in rs.positions}
        return "职务为" + _alternatives(value, lambda v: names.get(v, str(v)))
    if key == "id":
        return "成员" + _alternatives(value, str)
    if key in FACT_WORDS:
        yes, no = FACT_WORDS[key]
        return yes if value else no
    unit = key.startswith("unit.")
    attr = key.removeprefix("unit.")
    declared = rs.unit_attributes if unit else rs.attributes
    name = next((a.name for a in declared if a.id == attr), attr)
    who = "单位" if unit else ""
    if isinstance(value, bool):
        return f"{who}{'是' if value else '不是'}{name}"
    return f"{who}{name}为" + _alternatives(value, str)


def _alternatives(value: Any, word: Any) -> str:
    values = value if isinstance(value, list) else [value]
    return "或".join(word(v) for v in values)


MEETING, RATING, ORDER = "会", "评定", "决定"  # what a relative deadline counts from
# what each kind of gate checks, in words (``show``'s 类别)
GATE_KINDS = {
    "tasks_done": "准备工作完成",
    "talks_covered": "谈心谈话谈到",
    "materials_passed": "材料审核通过",
    "lead_time": "报送在先",
    "min_length": "会期下限",
    "max_length": "会期上限",
    "meeting_window": "会议时间",
    "quorum": "到会人数",
    "attendance": "应到人员到会",
    "resubmitted_in_time": "按时重新提交",
}
# what an order does, in words
CONSEQUENCES = {"redo": "重做所列事项", "reconvene": "重做后重新召开", "restart": "会前准备全部重来"}


def deadline(spec: DateSpec | None, counted_from: str = MEETING) -> str:
    """A deadline in words: ``会前15天``, ``会后30天内``, ``评定后3个月内``; ``-`` for none, a fixed one as written.

    ``counted_from`` names the day the offset counts from after it (the meeting, the rating, the order); a
    count before it is always before the meeting. A count may name a parameter the case gives.
    """
    if spec is None:
        return "-"
    if isinstance(spec, str):
        return spec
    if "parameter" in spec:
        return f"由案件给定：{spec['parameter']}"
    unit = "个工作日" if spec.get("working_days") else "天"
    if "days_before_meeting" in spec:
        return f"会前{_count(spec['days_before_meeting'])}{unit}"
    if "days_after_meeting" in spec:
        return f"{counted_from}后{_count(spec['days_after_meeting'])}{unit}内"
    if "months_after_meeting" in spec:
        return f"{counted_from}后{_count(spec['months_after_meeting'])}个月内"
    return "-"


def _count(n: Any) -> str:
    return f"（参数 {n['parameter']}）" if isinstance(n, dict) else str(n)


def share_limit(rs: RuleSet, appraisal: Appraisal, limit: ShareLimit) -> str:
    """A limit on a rating's shares, its boundary and what breaking it does: ``优秀不超过参加评定人数的1/3（恰为
    1/3的可以）；超过的，只提醒，结果有效；一般要求``."""
    names = {lv.id: lv.name for lv in appraisal.levels}
    levels = "、".join(names.get(lv, lv) for lv in limit.levels)
    share = limit.at_most or limit.at_least or ""
    upper = limit.at_most is not None
    if limit.inclusive:
        bound, edge = ("不超过" if upper else "不少于"), f"恰为{share}的可以"
    else:
        bound, edge = ("少于" if upper else "多于"), f"恰为{share}的也不可以"
    breaking = "超过的" if upper else "不足的"
    also = "（连同" + "、".join(name(rs, i) for i in limit.redo) + "）" if limit.redo else ""
    actions = {"refuse": "评定结果不予接受", "flag": "只提醒，结果有效", "redo": "结果保留，重新评定" + also}
    action = actions[limit.action]
    soft = "；一般要求" if limit.severity == "warning" else ""
    return f"{levels}{bound}参加评定人数的{share}（{edge}）；{breaking}，{action}{soft}"


def name(rs: RuleSet, item: str) -> str:
    """The name of a duty, task, talk, material or appraisal the rule set declares, else the id."""
    for group in (rs.duties, rs.tasks, rs.talks, rs.materials, rs.appraisals):
        for x in group:
            if x.id == item:
                return x.name
    return item
