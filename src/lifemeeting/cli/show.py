"""``lifemeeting show``: a rule set in words a policy officer can check against the source."""

from __future__ import annotations

from typing import Any

from lifemeeting.cli.text import table
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import Appraisal, DateSpec, Gate, Meeting, Order, Position, RuleSet, Task
from lifemeeting.ruleset.words import (
    CONSEQUENCES,
    GATE_KINDS,
    MEETING,
    ORDER,
    RATING,
    condition,
    deadline,
    name,
    share_limit,
)

ROUNDS = {"first": "仅第一次召开", "later": "仅重新召开"}


def _where(rs: RuleSet, item: Any) -> str:
    """Where a rule binds: its tiers and its condition on the unit, in words."""
    tiers = getattr(item, "tiers", None)
    names = {t.id: t.name for t in rs.tiers}
    parts = ["层级为" + "或".join(names.get(t, t) for t in tiers)] if tiers else []
    applies = getattr(item, "applies_to", None)
    if applies:
        parts.append(condition(rs, applies))
    return "；".join(parts) or "全部"


def _gate_terms(rs: RuleSet, g: Gate) -> str:
    """When a gate binds besides where: rounds, a condition on what happened, approvals that lift it."""
    parts = []
    if g.rounds != "all":
        parts.append(ROUNDS[g.rounds])
    if g.when:
        parts.append("仅当" + condition(rs, g.when))
    if g.waived_by:
        names = {a.id: a.name for a in rs.approvals}
        parts.append("经" + "或".join(names.get(a, a) for a in g.waived_by) + "可免")
    if g.severity == "warning":
        parts.append("一般要求：未满足时只提醒，不阻止召开")
    return "；".join(parts) or "-"


def _due(item: object, counted_from: str = MEETING) -> str:
    """A rule's deadline in words, per tier where it has them; relative ones say what they count from."""
    by_tier: dict[str, DateSpec] | None = getattr(item, "due_by_tier", None)
    if by_tier:
        return "；".join(f"{t}: {deadline(s, counted_from)}" for t, s in by_tier.items())
    return deadline(getattr(item, "due", None), counted_from)


def _owner(rs: RuleSet, owner: str | None) -> str:
    """An owner by the name of its role, or as the source writes it."""
    return next((r.name for r in rs.roles if r.id == owner), owner or "-")


def _step_row(rs: RuleSet, t: Task) -> list[str]:
    """A task or duty; a duty owed per rated member says so and counts its deadline from the rating."""
    if t.per_rating is None:
        return [t.id, t.name, _owner(rs, t.owner), _where(rs, t), _due(t)]
    appraisal = next((a for a in rs.appraisals if a.id == t.per_rating.appraisal), None)
    levels = {lv.id: lv.name for lv in appraisal.levels} if appraisal else {}
    named = "、".join(levels.get(lv, lv) for lv in t.per_rating.levels)
    whom = f"{appraisal.name if appraisal else t.per_rating.appraisal}评定为{named}的每名{rs.team.member}，各一项"
    where = _where(rs, t)
    return [t.id, t.name, _owner(rs, t.owner), whom if where == "全部" else f"{whom}；{where}", _due(t, RATING)]


def _steps(rs: RuleSet, items: list[Task]) -> str:
    """Tasks or duties; the column of what comes first ('after') only when some item has one."""
    head = ["id", "名称", "责任人", "适用于", "时限"]
    rows = [_step_row(rs, t) for t in items]
    return table(*_after(head, rows, items))


def _after(head: list[str], rows: list[list[str]], items: list[Any]) -> tuple[list[str], list[list[str]]]:
    """Add the column 在…之后 (the rule's 'after') when some item in the table has one."""
    if any(x.after for x in items):
        head = [*head, "在…之后"]
        rows = [[*row, "、".join(x.after) if x.after else "-"] for row, x in zip(rows, items, strict=True)]
    return head, rows


def describe(loaded: LoadedRuleSet) -> str:
    rs = loaded.model
    out = [
        f"{rs.id} {rs.version} — {rs.title}",
        f"来源：{rs.source.number or ''}《{rs.source.title}》",
        f"sha256:{loaded.sha256}",
        "",
    ]
    if rs.tiers:
        out += ["层级", table(["id", "名称"], [[t.id, t.name] for t in rs.tiers]), ""]
    if rs.positions:
        out += [
            "职务",
            table(
                ["id", "名称", "属性"],
                [[p.id, p.name, _position_terms(rs, p)] for p in rs.positions],
            ),
            "",
        ]
    for c in rs.chains:
        tiers = ",".join(c.tiers) if c.tiers else "全部层级"
        out.append(f"审核链 {c.id}：{c.name}（材料 {c.material}；{tiers}）")
        rows = []
        for i, link in enumerate(c.links, 1):
            kind = "审核" if link.kind == "review" else "审阅（把关）" if link.is_gate else "审阅"
            pre = f"；先由{link.pre_sign.name}（{condition(rs, link.pre_sign.applies_to)}）" if link.pre_sign else ""
            rows.append(
                [str(i), link.id, kind, "、".join(link.reviewers), condition(rs, link.applies_to) + pre, _due(link)]
            )
        out += [table(["#", "环节", "类别", "审核人", "适用于", "时限"], rows), ""]
    if rs.materials:
        rows = [[m.id, m.name, _writers(rs, m), _where(rs, m), _due(m)] for m in rs.materials]
        out += ["材料", table(*_after(["id", "名称", "撰写", "适用于", "时限"], rows, rs.materials)), ""]
    if rs.talks:
        rows = [[t.id, t.name, _where(rs, t), _due(t)] for t in rs.talks]
        out += ["必谈", table(["id", "名称", "适用于", "时限"], rows), ""]
    if rs.tasks:
        out += ["会前准备", _steps(rs, rs.tasks), ""]
    if rs.gates:
        rows = [[g.id, g.name, GATE_KINDS[g.kind], _where(rs, g), _gate_terms(rs, g), g.cite.section] for g in rs.gates]
        out += ["召开条件", table(["id", "名称", "类别", "适用于", "另有条件", "出处"], rows), ""]
    if rs.approvals:
        rows = [[a.id, a.name, a.by, condition(rs, a.when) if a.when else "随时", a.cite.section] for a in rs.approvals]
        out += ["批准", table(["id", "名称", "批准人", "可批准的条件", "出处"], rows), ""]
    out += _meeting(rs, rs.meeting)
    if rs.duties:
        out += ["会后工作", _steps(rs, rs.duties), ""]
    votes = [a for a in rs.appraisals if a.kind != "rating"]
    if votes:
        rows = [[a.id, a.name, a.threshold or "-", CONSEQUENCES[a.below] if a.below else "-"] for a in votes]
        out += [
            "测评",
            table(["id", "名称", "门槛", "未达到"], rows),
            "",
        ]
    for a in rs.appraisals:
        if a.kind == "rating":
            out += _rating(rs, a)
    if rs.orders:
        rows = [_order_row(rs, o) for o in rs.orders]
        out += ["决定", table(["id", "名称", "后果", "须重做", "时限", "出处"], rows), ""]
    return "\n".join(out).rstrip()


def _position_terms(rs: RuleSet, p: Position) -> str:
    """A position's attributes, and the unit attributes its team gives the unit, in words."""
    parts = [condition(rs, p.attributes)] if p.attributes else []
    if p.unit_attributes:
        parts.append("因此" + condition(rs, {f"unit.{k}": v for k, v in p.unit_attributes.items()}))
    return "；".join(parts) or "-"


def _writers(rs: RuleSet, m: Any) -> str:
    who = [rs.team.name] if m.team else []
    if m.members is not None:
        who.append(rs.team.member + (f"（{condition(rs, m.members)}）" if m.members else ""))
    return "、".join(who) or "-"


def _meeting(rs: RuleSet, m: Meeting) -> list[str]:
    """The meeting's windows, length and agenda time; nothing when the rule set sets none."""
    lines = []
    window_gate = any(g.kind == "meeting_window" for g in rs.gates)
    outside = "（在此之外不能召开）" if window_gate else "（在此之外召开时提醒）"
    if m.window_by_tier:
        names = {t.id: t.name for t in rs.tiers}
        lines += [f"  会议时间：{names.get(t, t)} {deadline(w)}{outside}" for t, w in m.window_by_tier.items()]
    elif m.window is not None:
        lines.append(f"  会议时间：{deadline(m.window)}{outside}")
    if rs.annual:
        lines.append("  每年召开：不写年份的日期落在案件的年份（year），否则落在会议日期的年份")
    if m.length_days is not None:
        lines.append(f"  会期：{m.length_days:g}天")
    if m.hours_per_day is not None:
        lines.append(f"  每天会议时间：{m.hours_per_day:g}小时（议程用时与计划会期核对）")
    for item in m.agenda:
        minutes = f"{item.minutes:g}分钟" + ("×每人" if item.per_member else "") if item.minutes is not None else ""
        speaker = f"（{item.speaker}）" if item.speaker else ""
        lines.append(f"  议程：{item.name}{speaker}{'：' + minutes if minutes else ''}")
    named = m.name if "name" in m.model_fields_set else f"{m.name}（规则集未写 meeting.name）"
    return [f"会议：{named}", *lines, ""] if lines else []


def _rating(rs: RuleSet, a: Appraisal) -> list[str]:
    """A rating appraisal in words: its levels, whom it rates, its steps, its limits and the duties it triggers."""
    names = {t.id: t.name for t in [*rs.duties, *rs.tasks]}
    lines = [
        f"评定 {a.id}：{a.name}（每名评定对象一个等次；出处：{a.cite.section}）",
        "  等次（由高到低）：" + "、".join(f"{lv.name}（{lv.id}）" for lv in a.levels),
        "  评定对象：" + (f"全部{rs.team.member}" if a.rated is None else condition(rs, a.rated)),
    ]
    if a.steps:
        lines.append("  步骤（依次，做完才能评定）：" + " → ".join(names.get(s, s) for s in a.steps))
    lines += [f"  比例：{share_limit(rs, a, limit)}（出处：{limit.cite.section}）" for limit in a.limits]
    levels = {lv.id: lv.name for lv in a.levels}
    for t in rs.duties:
        if t.per_rating and t.per_rating.appraisal == a.id:
            named = "、".join(levels.get(lv, lv) for lv in t.per_rating.levels)
            due = _due(t, RATING)
            lines.append(
                f"  评定为{named}的：每人一项“{t.name}”，责任人{_owner(rs, t.owner)}"
                + ("" if due == "-" else f"，{due}")
                + f"（出处：{t.cite.section}）"
            )
    return [*lines, ""]


def _order_row(rs: RuleSet, o: Order) -> list[str]:
    redo = "、".join(name(rs, i) for i in o.redo) or "-"
    return [o.id, o.name, CONSEQUENCES[o.consequence], redo, _due(o, ORDER), o.cite.section]
