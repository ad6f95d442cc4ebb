"""``lifemeeting show``: a rule set in words a policy officer can check against the source."""

from __future__ import annotations

import json
from typing import Any

from lifemeeting.cli.text import table
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import DateSpec, Task


def _pred(p: dict[str, Any] | None) -> str:
    if not p:
        return "全部"
    return json.dumps(p, ensure_ascii=False)


def _due(item: object) -> str:
    by_tier: dict[str, DateSpec] | None = getattr(item, "due_by_tier", None)
    if by_tier:
        return "；".join(f"{t}: {_spec(s)}" for t, s in by_tier.items())
    return _spec(getattr(item, "due", None))


def _spec(s: DateSpec | None) -> str:
    if s is None:
        return "-"
    if isinstance(s, str):
        return s
    words = {
        "days_before_meeting": "会前{}天",
        "days_after_meeting": "会后{}天内",
        "months_after_meeting": "会后{}个月",
        "parameter": "由案件给定：{}",
    }
    text = "".join(words[k].format(v) for k, v in s.items() if k in words)
    return text + ("（工作日）" if s.get("working_days") else "")


def _steps(items: list[Task]) -> str:
    """Tasks or duties; the column of what comes first ('after') only when some item has one."""
    head, rows = ["id", "名称", "责任人", "时限"], [[t.id, t.name, t.owner or "-", _due(t)] for t in items]
    if any(t.after for t in items):
        head.append("在…之后")
        for row, t in zip(rows, items, strict=True):
            row.append("、".join(t.after) if t.after else "-")
    return table(head, rows)


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
                [[p.id, p.name, _pred(p.attributes) if p.attributes else "-"] for p in rs.positions],
            ),
            "",
        ]
    for c in rs.chains:
        tiers = ",".join(c.tiers) if c.tiers else "全部层级"
        out.append(f"审核链 {c.id}：{c.name}（材料 {c.material}；{tiers}）")
        rows = []
        for i, link in enumerate(c.links, 1):
            kind = "审核" if link.kind == "review" else "审阅（把关）" if link.is_gate else "审阅"
            pre = f"；先由{link.pre_sign.name}（{_pred(link.pre_sign.applies_to)}）" if link.pre_sign else ""
            rows.append([str(i), link.id, kind, "、".join(link.reviewers), _pred(link.applies_to) + pre, _due(link)])
        out += [table(["#", "环节", "类别", "审核人", "适用于", "时限"], rows), ""]
    if rs.talks:
        out += ["必谈", table(["id", "名称", "时限"], [[t.id, t.name, _due(t)] for t in rs.talks]), ""]
    if rs.tasks:
        out += ["会前准备", _steps(rs.tasks), ""]
    if rs.gates:
        out += [
            "召开条件",
            table(["id", "名称", "类别", "出处"], [[g.id, g.name, g.kind, g.cite.section] for g in rs.gates]),
            "",
        ]
    if rs.duties:
        out += ["会后工作", _steps(rs.duties), ""]
    ordered = [m for m in rs.materials if m.after]
    if ordered:
        out += [
            "材料的先后",
            table(["材料", "名称", "在…之后"], [[m.id, m.name, "、".join(m.after or ())] for m in ordered]),
            "",
        ]
    if rs.appraisals:
        out += [
            "测评",
            table(
                ["id", "名称", "门槛", "未达到"],
                [[a.id, a.name, a.threshold or "-", a.below or "-"] for a in rs.appraisals],
            ),
            "",
        ]
    return "\n".join(out).rstrip()
