"""What differs between two rule sets: an overview a policy officer can read, then rule by rule.

Rules are matched by section and id (links inside their chain, agenda items inside the
meeting); a rule only in one set is added or removed, a rule in both is compared value by
value. Rules that hold only under a condition (a tier, ``applies_to`` on the unit, the
first or a later round, ``when``) are alternatives, not rules that all bind at once: the
overview groups them by the condition each holds under (``仅当…``), and each rule says its
own. Citations are not compared — they differ wherever the documents differ — but every
other value is, and values are shown in the sources' words (会前15天, 2014年6月中旬).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import ParameterRef, RuleSet
from lifemeeting.ruleset.words import CONSEQUENCES, MEETING, ORDER, RATING, condition, deadline

SECTIONS = {
    "tiers": "层级",
    "positions": "职务",
    "roles": "角色（审核人、责任人）",
    "materials": "材料",
    "chains": "审核链",
    "talks": "必谈",
    "tasks": "会前准备",
    "gates": "召开条件",
    "meeting": "会议",
    "duties": "会后工作",
    "appraisals": "测评",
    "orders": "责令重开等决定",
    "parameters": "由案件给定的日期",
    "unchecked": "不能由机器核对的要求",
}
FIELD_NAMES = {
    "name": "名称",
    "due": "时限",
    "due_by_tier": "时限（分层级）",
    "days": "天数",
    "working_days": "按工作日",
    "threshold": "门槛",
    "below": "未达到时",
    "redo": "返工内容",
    "reviewers": "审核人",
    "applies_to": "适用于",
    "tiers": "层级",
    "kind": "类别",
    "owner": "责任人",
    "each": "谁",
    "with": "与谁",
    "tasks": "任务",
    "talks": "必谈",
    "material": "材料",
    "members": "撰写人",
    "team": "班子材料",
    "drafted_by": "起草",
    "pre_sign": "签字把关",
    "gate": "是否为召开条件",
    "note": "说明",
    "chair": "主持",
    "window": "会议时间",
    "window_by_tier": "会议时间（分层级）",
    "length_days": "会期（天）",
    "participants": "参会人员",
    "speaker": "发言人",
    "minutes": "时间（分钟）",
    "per_member": "每人",
    "consequence": "后果",
    "filled_by": "由谁担任",
    "attributes": "属性",
    "subject": "主体",
    "reason": "理由",
    "year": "年份",
    "when": "条件（依实际情况）",
    "rounds": "适用的召开轮次",
    "waived_by": "经批准可免",
}
_SKIP = {"id", "cite", "links", "agenda"}
_PREDICATES = {"applies_to", "members", "filled_by", "not"}
_CONDITIONS = {"applies_to", "members", "filled_by", "when", "attendees"}  # shown in words, by each set's names
_ROUNDS = {"first": "仅第一次召开", "later": "仅重新召开"}
_DATE_KEYS = ("days_before_meeting", "days_after_meeting", "months_after_meeting", "parameter")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RuleSetRef(_Frozen):
    id: str
    version: str
    title: str
    sha256: str


class OverviewRow(_Frozen):
    """One aspect side by side (审核链, 必谈, 召开条件 …) in the sources' words."""

    aspect: str
    a: str
    b: str
    same: bool


class Difference(_Frozen):
    """One rule only in A, only in B, or in both with one value changed."""

    section: str
    section_name: str
    rule: str = Field(description="dotted ids: 'talks.principal_with_members', 'chains.c.links.l'")
    name: str
    change: Literal["added", "removed", "changed"] = Field(description="added: only in B; removed: only in A")
    field: str | None = None
    field_name: str | None = None
    a: str | None = None
    b: str | None = None


class RuleSetDiff(_Frozen):
    """Everything that differs between rule set A and rule set B."""

    a: RuleSetRef
    b: RuleSetRef
    overview: list[OverviewRow]
    differences: list[Difference]

    @property
    def identical(self) -> bool:
        return not self.differences


def words(value: Any, field: str | None = None, counted_from: str = MEETING) -> str:
    """A value as the sources write it: dates in words, lists joined, yes/no, mappings as key: value.

    A relative date reads as ``ruleset.words.deadline`` says it, counted from ``counted_from`` (the meeting,
    the rating, the order).
    """
    if value == {} and field in _PREDICATES:
        return "全部"
    if value is None or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "、".join(words(v) for v in value)
    if isinstance(value, dict):
        if any(k in value for k in _DATE_KEYS):
            return deadline(value, counted_from)
        if field in ("due_by_tier", "window_by_tier"):
            return "；".join(f"{k} {words(v, None, counted_from)}" for k, v in value.items())
        return "{" + ", ".join(f"{k}: {words(v, k)}" for k, v in value.items()) + "}"
    return str(value)


def diff_rulesets(a: LoadedRuleSet | RuleSet, b: LoadedRuleSet | RuleSet) -> RuleSetDiff:
    """Compare two rule sets: an overview of the aspects a reader checks first, then each differing rule."""
    ma, mb = _model(a), _model(b)
    da, db = _dump(ma), _dump(mb)
    out: list[Difference] = []
    for section in SECTIONS:
        if section == "meeting":
            out += _compare_item("meeting", "meeting", "会议", da["meeting"], db["meeting"], (ma, mb))
            out += _compare_lists(
                "meeting", "meeting.agenda", da["meeting"]["agenda"], db["meeting"]["agenda"], (ma, mb), "agenda"
            )
        elif section == "parameters":
            pa, pb = _parameters(ma), _parameters(mb)
            changes: list[tuple[str, Literal["added", "removed", "changed"]]]
            changes = [(p, "removed") for p in pa if p not in pb] + [(p, "added") for p in pb if p not in pa]
            changes += [(p, "changed") for p in pa if p in pb and pa[p] != pb[p]]
            out += [
                Difference(
                    section=section,
                    section_name=SECTIONS[section],
                    rule=f"parameters.{p}",
                    name=p,
                    change=change,
                    a=pa.get(p) if change != "added" else None,
                    b=pb.get(p) if change != "removed" else None,
                )
                for p, change in changes
            ]
        else:
            out += _compare_lists(section, section, da[section], db[section], (ma, mb))
    if da["year"] != db["year"]:
        out.insert(
            0,
            Difference(
                section="year",
                section_name="年份",
                rule="year",
                name="年份",
                change="changed",
                field="year",
                field_name="年份",
                a=str(da["year"]),
                b=str(db["year"]),
            ),
        )
    return RuleSetDiff(a=_ref(a), b=_ref(b), overview=_overview(ma, mb), differences=out)


def _model(x: LoadedRuleSet | RuleSet) -> RuleSet:
    return x.model if isinstance(x, LoadedRuleSet) else x


def _ref(x: LoadedRuleSet | RuleSet) -> RuleSetRef:
    m = _model(x)
    return RuleSetRef(
        id=m.id, version=m.version, title=m.title, sha256=x.sha256 if isinstance(x, LoadedRuleSet) else ""
    )


def _dump(m: RuleSet) -> dict[str, Any]:
    return m.model_dump(mode="json", by_alias=True)


def _compare_lists(
    section: str,
    prefix: str,
    a: list[dict[str, Any]],
    b: list[dict[str, Any]],
    models: tuple[RuleSet, RuleSet],
    kind: str | None = None,
) -> list[Difference]:
    name = SECTIONS[section]
    kind = kind or section
    ia, ib = {x["id"]: x for x in a}, {x["id"]: x for x in b}
    out = []
    for rid, item in ia.items():
        if rid not in ib:
            out.append(
                Difference(
                    section=section,
                    section_name=name,
                    rule=f"{prefix}.{rid}",
                    name=_name(item),
                    change="removed",
                    a=summary(kind, item, models[0]),
                )
            )
    for rid, item in ib.items():
        if rid not in ia:
            out.append(
                Difference(
                    section=section,
                    section_name=name,
                    rule=f"{prefix}.{rid}",
                    name=_name(item),
                    change="added",
                    b=summary(kind, item, models[1]),
                )
            )
        else:
            out += _compare_item(section, f"{prefix}.{rid}", _name(item), ia[rid], item, models)
            if kind == "chains":
                links = f"{prefix}.{rid}.links"
                out += _compare_lists("chains", links, ia[rid]["links"], item["links"], models, "links")
    return out


def _compare_item(
    section: str, rule: str, name: str, a: dict[str, Any], b: dict[str, Any], models: tuple[RuleSet, RuleSet]
) -> list[Difference]:
    out = []
    for key in dict.fromkeys([*a, *b]):
        if key in _SKIP or a.get(key) == b.get(key):
            continue
        out.append(
            Difference(
                section=section,
                section_name=SECTIONS[section],
                rule=rule,
                name=name,
                change="changed",
                field=key,
                field_name=FIELD_NAMES.get(key, key),
                a=_value(models[0], a.get(key), key, _counted_from(section, a)),
                b=_value(models[1], b.get(key), key, _counted_from(section, b)),
            )
        )
    return out


def _counted_from(section: str, item: dict[str, Any]) -> str:
    """What a rule's relative deadline counts from: the order for an order, the rating for a duty per rating."""
    if section == "orders":
        return ORDER
    return RATING if item.get("per_rating") else MEETING


def _value(rs: RuleSet, value: Any, key: str, counted_from: str = MEETING) -> str:
    """A compared value in words; a condition by the names its own rule set gives (全部 when it always holds)."""
    if (key in _CONDITIONS and isinstance(value, dict)) or (key in ("applies_to", "when") and value is None):
        return condition(rs, value)
    if key == "below" and isinstance(value, str):
        return CONSEQUENCES.get(value, value)
    if key == "rounds" and isinstance(value, str):
        return _ROUNDS.get(value, "每次召开")
    return words(value, key, counted_from)


def _name(item: dict[str, Any]) -> str:
    return str(item.get("name") or item.get("reason") or item["id"])


def summary(section: str, item: dict[str, Any], rs: RuleSet | None = None) -> str:
    """The facts of one rule in a line: what a reader needs to recognise it, and the condition it holds under."""
    parts: list[str] = []
    if item.get("tiers"):
        parts.append(f"层级 {words(item['tiers'])}")
    if rs is not None:
        for key in ("applies_to", "when"):
            if item.get(key):
                parts.append(f"仅当{condition(rs, item[key])}")
        if item.get("rounds") in _ROUNDS:
            parts.append(_ROUNDS[item["rounds"]])
    if section == "chains":
        marks = "①②③④⑤⑥⑦⑧⑨⑩"
        links = [
            f"{marks[i] if i < len(marks) else i + 1}{link['name']}"
            + (f"（仅当{condition(rs, link['applies_to'])}）" if rs is not None and link.get("applies_to") else "")
            for i, link in enumerate(item["links"])
        ]
        parts.append(f"材料 {item['material']}，{len(links)}个环节：{''.join(links)}")
    elif section == "links":
        parts.append(f"审核人 {words(item['reviewers'])}")
        if rs is not None and item.get("applies_to"):
            parts.append(f"仅当{condition(rs, item['applies_to'])}")
    elif section == "talks":
        parts.append(f"{words(item['each'])} 与 {words(item['with'])}")
    elif section == "gates":
        detail = {k: item[k] for k in ("tasks", "talks", "material", "days") if item.get(k) is not None}
        parts.append(f"{item['kind']} {words(detail)}" if detail else item["kind"])
    elif section in ("tasks", "duties") and item.get("owner"):
        parts.append(f"责任人 {item['owner']}")
    elif section == "appraisals":
        below = CONSEQUENCES.get(item.get("below") or "", "—")
        parts.append(f"门槛 {words(item.get('threshold'))}，未达到 {below}")
    for key in ("due", "due_by_tier"):
        if item.get(key):
            parts.append(f"时限 {words(item[key], key, _counted_from(section, item))}")
    return "；".join(parts) or "—"


def _overview(a: RuleSet, b: RuleSet) -> list[OverviewRow]:
    rows = [
        ("来源", _source(a), _source(b)),
        ("层级", "、".join(t.name for t in a.tiers) or "不分层级", "、".join(t.name for t in b.tiers) or "不分层级"),
        ("审核链（材料：环节数）", _chains(a), _chains(b)),
        ("必谈", _talks(a), _talks(b)),
        ("召开条件", _gates(a), _gates(b)),
        ("会前时限（报送在先）", _lead_times(a), _lead_times(b)),
        ("会期下限", _lengths(a, "min_length"), _lengths(b, "min_length")),
        ("会期上限", _lengths(a, "max_length"), _lengths(b, "max_length")),
        ("会后工作时限", _duties(a), _duties(b)),
        ("测评门槛", _thresholds(a), _thresholds(b)),
    ]
    return [OverviewRow(aspect=k, a=x, b=y, same=x == y) for k, x, y in rows]


def _source(rs: RuleSet) -> str:
    return f"{rs.source.number or ''}《{rs.source.title}》"


def _chains(rs: RuleSet) -> str:
    names = {m.id: m.name for m in rs.materials}
    tiers = {t.id: t.name for t in rs.tiers}
    by_material: dict[str, list[str]] = {}
    for c in rs.chains:
        where = "、".join(tiers.get(t, t) for t in c.tiers) if c.tiers else ""
        some = sum(1 for link in c.links if link.applies_to)
        count = f"{len(c.links)}" + (f"（{some}个视撰写人而定）" if some else "")
        by_material.setdefault(names.get(c.material, c.material), []).append(f"{where}{count}")
    return "；".join(f"{m}：{'，'.join(v)}" for m, v in by_material.items()) or "—"


def under(rs: RuleSet, rule: Any, *, tiers: bool = True) -> str:
    """``仅当…``: the condition a rule holds under — its tiers, ``applies_to``, ``when``, rounds — or ``""``."""
    parts = []
    if tiers and getattr(rule, "tiers", None):
        names = {t.id: t.name for t in rs.tiers}
        parts.append("层级为" + "或".join(names.get(t, t) for t in rule.tiers))
    for key in ("applies_to", "when"):
        value = getattr(rule, key, None)
        if value:
            parts.append(condition(rs, value))
    rounds = getattr(rule, "rounds", "all")
    if rounds in _ROUNDS:
        parts.append(_ROUNDS[rounds].removeprefix("仅"))
    return "仅当" + "，".join(parts) if parts else ""


def _grouped(count: str, rules: list[tuple[str, str]]) -> str:
    """(condition, words) of rules as one line when they all bind, else one line per condition.

    Rules under different conditions are alternatives (one tier's talks, another's): listed
    together they would read as if every one bound the same unit.
    """
    if not rules:
        return "无"
    groups: dict[str, list[str]] = {}
    for cond, text in rules:
        groups.setdefault(cond, []).append(text)
    if list(groups) == [""]:
        return (f"{count}：" if count else "") + "；".join(groups[""])
    lines = [f"{cond or '都适用'}：{'；'.join(texts)}" for cond, texts in groups.items()]
    return f"{count}{'，' if count else ''}视条件而定：" + "".join(f"\n{line}" for line in lines)


def _talks(rs: RuleSet) -> str:
    if not rs.talks:
        return "—"
    return _grouped(f"{len(rs.talks)}条", [(under(rs, t), t.name) for t in rs.talks])


def _gates(rs: RuleSet) -> str:
    if not any(under(rs, g) for g in rs.gates):
        return f"{len(rs.gates)}项"
    return _grouped(f"{len(rs.gates)}项", [(under(rs, g), g.name) for g in rs.gates])


def _lead_times(rs: RuleSet) -> str:
    names = {m.id: m.name for m in rs.materials}
    return _grouped(
        "",
        [
            (
                under(rs, g),
                f"{names.get(g.material or '', g.material)}会前{_gate_days(g.days)}"
                + ("个工作日" if g.working_days else "天"),
            )
            for g in rs.gates
            if g.kind == "lead_time"
        ],
    )


def _lengths(rs: RuleSet, kind: str) -> str:
    return _grouped("", [(under(rs, g), g.name) for g in rs.gates if g.kind == kind])


def _duties(rs: RuleSet) -> str:
    """Each duty's deadline (by tier where the rule set gives them by tier), grouped by its condition on the unit."""
    return _grouped(
        "",
        [
            (
                under(rs, d, tiers=not d.due_by_tier),
                f"{d.name}：{words(d.due or d.due_by_tier, 'due_by_tier', RATING if d.per_rating else MEETING)}",
            )
            for d in rs.duties
        ],
    )


def _thresholds(rs: RuleSet) -> str:
    def below(a: Any) -> str:
        return CONSEQUENCES[a.below] if a.below else "—"

    return _grouped(
        "", [(under(rs, a), f"{a.name} {a.threshold}（未达到：{below(a)}）") for a in rs.appraisals if a.threshold]
    )


def _gate_days(days: float | ParameterRef | None) -> str:
    return f"（参数 {days.parameter}）" if isinstance(days, ParameterRef) else words(days)


def _parameters(rs: RuleSet) -> dict[str, str]:
    """Each parameter in words: what the case gives, and the default."""
    kinds = {"date": "日期", "days": "天数", "number": "数"}
    out = {}
    for pid, p in rs.parameter_specs().items():
        default = f"，默认{words(p.default)}" if p.default is not None else ""
        out[pid] = f"由案件给定的{kinds[p.type]}{default}"
    return out
