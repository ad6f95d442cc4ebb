"""The case page's recording form: what it offers (members, materials, links, tasks, levels of a rating)
and how a posted form becomes an event's fields. ``permissions.check_event`` and the engine then judge the
event exactly as one sent to the API.
"""

from __future__ import annotations

from typing import Any

from lifemeeting.engine.ratings import rated_members, ratings_of
from lifemeeting.engine.view import TEAM

FIELDS = (
    "task",
    "material",
    "subject",
    "link",
    "by",
    "reason",
    "appraisal",
    "order",
    "note",
    "satisfied",
    "total",
    "retracts",
    "rework",
    "resubmit_by",
)
RATE = "rate."  # a rating's select: rate.<appraisal>.<member>


def material_name(view: Any, material: str) -> str:
    for (mid, _), slot in view.slots.items():
        if mid == material:
            return str(slot.material.name)
    return material


def choices(view: Any, rs: Any) -> dict[str, Any]:
    """What the form offers: members, materials, subjects, links, roles, tasks, appraisals, orders, ratings."""
    # every talk party, in the engine's order: members, roles nobody fills, department heads, people in lists
    parties = [(p, view.name(p)) for p in view.party_ids if p in view.parties]
    materials = sorted({m for m, _ in view.slots})
    links: dict[str, str] = {}
    for slot in view.slots.values():
        for link in slot.path.chain.links:
            links.setdefault(link.id, link.name)
    tasks = [(t.id, t.name) for t in [*view.tasks, *view.duties]]
    return {
        "parties": parties,
        "materials": [(m, material_name(view, m)) for m in materials],
        "subjects": [(TEAM, view.subject_label(TEAM)), *[(mid, m.name) for mid, m in view.members.items()]],
        "links": list(links.items()),
        "roles": [(rid, view.name(rid)) for rid in view.roles],
        "tasks": tasks,
        "appraisals": [(a.id, a.name) for a in rs.appraisals],
        "orders": [(o.id, o.name) for o in rs.orders],
        "ratings": [
            {
                "id": a.id,
                "name": a.name,
                "levels": [(lv.id, lv.name) for lv in a.levels],
                "members": [(mid, view.members[mid].name) for mid in rated_members(view, a)],
            }
            for a in ratings_of(view)
        ],
    }


def names(view: Any) -> dict[str, str]:
    """Ids an event names (members, roles, materials, links, tasks, appraisals, orders, approvals, levels) → their
    names."""
    out = {TEAM: view.subject_label(TEAM)}
    out |= {rid: view.name(rid) for rid in view.roles}
    out |= {t.id: t.name for t in [*view.tasks, *view.duties]}
    for (material, _), slot in view.slots.items():
        out[material] = slot.material.name
        out |= {link.id: link.name for link in slot.path.chain.links}
    out |= {x.id: x.name for x in [*view.rules.appraisals, *view.rules.orders, *view.rules.approvals]}
    for a in ratings_of(view):
        out |= {lv.id: lv.name for lv in a.levels}
    out |= {mid: m.name for mid, m in view.members.items()}
    return out


def event_data(form: dict[str, str]) -> dict[str, Any]:
    """The event a posted form describes; a ``rated`` one gathers each member's level from the rating's selects."""
    data: dict[str, Any] = {"type": form.get("type"), "date": form.get("date") or None}
    data |= {key: form[key] for key in FIELDS if form.get(key)}
    if form.get("a") and form.get("b"):  # one party alone: 'between' is missing, and said so
        data["between"] = [form["a"], form["b"]]
    if data["type"] == "rated":
        given: dict[str, dict[str, str]] = {}
        for key, level in form.items():
            if key.startswith(RATE) and level:
                appraisal, _, member = key[len(RATE) :].partition(".")
                given.setdefault(appraisal, {})[member] = level
        chosen = form.get("appraisal") or (next(iter(given)) if len(given) == 1 else "")
        if chosen:
            data["appraisal"] = chosen
        if given.get(chosen):
            data["ratings"] = given[chosen]
    return data
