"""Conditions in words a policy officer reads: a predicate or a condition on what happened, as a phrase.

``{kind: member, top_leader: true, not: {township: true}}`` reads ``班子成员个人，是党政主要负责同志，不是乡镇``:
attributes, positions and unit attributes by the names the rule set gives them; ``all`` is joined
with ``，``, ``any`` with ``或``, ``not`` says ``不是`` (or ``并非（…）`` around more than one test).
Only names the rule set declares are used; a key it does not know is shown as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lifemeeting.ruleset.model import RuleSet

ALWAYS = "全部"
KINDS = {"member": "班子成员个人", "team": "领导班子"}
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
        return _alternatives(value, lambda v: KINDS.get(v, str(v)))
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
