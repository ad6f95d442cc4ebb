"""``lifemeeting show --effective``: an overlay fully resolved, each rule marked with where it came from."""

from __future__ import annotations

from typing import Any

from lifemeeting.cli.text import table
from lifemeeting.ruleset.diff import SECTIONS, summary
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.provenance import Provenance

_SECTIONS = (
    "tiers",
    "roles",
    "materials",
    "chains",
    "talks",
    "tasks",
    "gates",
    "duties",
    "appraisals",
    "orders",
    "unchecked",
)


def _provenance(loaded: LoadedRuleSet) -> Provenance:
    return loaded.provenance or Provenance(lineage=(loaded.model.id,), files={loaded.model.id: loaded.origin})


def _rows(loaded: LoadedRuleSet) -> list[dict[str, Any]]:
    """One row per rule (links and agenda items included), with its origin and the changes made to it."""
    prov = _provenance(loaded)
    data = loaded.model.model_dump(mode="json", by_alias=True)
    rows = []

    def add(section: str, key: str, item: dict[str, Any], kind: str) -> None:
        rows.append(
            {
                "section": section,
                "rule": key,
                "name": str(item.get("name") or item.get("reason") or item["id"]),
                "facts": summary(kind, item),
                "from": prov.origin(key),
                "changed": [
                    f"{c.summary}（{c.ruleset}）" for c in prov.changes_to(key) if c.verb == "set" and c.rule == key
                ],
            }
        )

    for section in _SECTIONS:
        for item in data[section]:
            key = f"{section}.{item['id']}"
            add(section, key, item, section)
            if section == "chains":
                for link in item["links"]:
                    add(section, f"{key}.links.{link['id']}", link, "links")
    for item in data["meeting"]["agenda"]:
        add("meeting", f"meeting.agenda.{item['id']}", item, "agenda")
    return rows


def effective_json(loaded: LoadedRuleSet) -> dict[str, Any]:
    """The resolved rule set, the origin of each rule, and every change with its reason and citation."""
    prov = _provenance(loaded)
    return {
        "ruleset": loaded.model.model_dump(mode="json", by_alias=True, exclude_none=True),
        "receipt": {"sha256": loaded.sha256, "origin": loaded.origin},
        "lineage": list(prov.lineage),
        "files": dict(prov.files),
        "notes": dict(prov.notes),
        "rules": [{k: r[k] for k in ("rule", "name", "from", "facts")} for r in _rows(loaded)],
        "changes": [
            {
                "ruleset": c.ruleset,
                "change": c.verb,
                "target": c.target,
                "rule": c.rule,
                "summary": c.summary,
                "reason": c.reason,
                "cite": c.cite.model_dump(exclude_none=True),
                "where": c.where,
            }
            for c in prov.changes
        ],
    }


def effective_text(loaded: LoadedRuleSet) -> str:
    """Each section as a table with a 来自 column, then the changes in order with their reasons."""
    rs, prov = loaded.model, _provenance(loaded)
    out = [f"{rs.id} {rs.version} — {rs.title}", f"来源：{rs.source.number or ''}《{rs.source.title}》"]
    if len(prov.lineage) > 1:
        out.append("叠加关系：" + " → ".join(prov.lineage) + "（后者在前者基础上调整）")
        out += [f"说明（{rid}）：{note}" for rid, note in prov.notes.items()]
    out += [f"sha256:{loaded.sha256}", ""]
    rows = _rows(loaded)
    for section in (*_SECTIONS[:3], "chains", *_SECTIONS[4:], "meeting"):
        mine = [r for r in rows if r["section"] == section]
        if not mine:
            continue
        body = []
        for r in mine:
            mark = r["from"] if r["from"] == prov.base else f"{r['from']}（新增或替换）"
            if r["changed"]:
                mark += "；修改 " + "；".join(r["changed"])
            body.append([r["rule"], r["name"], mark])
        out += [SECTIONS[section], table(["规则", "名称", "来自"], body), ""]
    if prov.changes:
        out.append("调整说明（按顺序）")
        for n, c in enumerate(prov.changes, 1):
            cite = f"{c.cite.document or ''} {c.cite.section}：“{c.cite.quote}”".strip()
            out += [
                f"  {n}. [{c.ruleset}] {c.verb_name} {c.target} — {c.summary}",
                f"     理由：{c.reason}",
                f"     依据：{cite}",
                f"     位置：{c.where}",
            ]
    return "\n".join(out).rstrip()
