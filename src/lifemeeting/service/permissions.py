"""Which events an actor may record, decided by the case's rule set.

- ``approved`` / ``returned`` at a link: only for a reviewer of that link (a role the actor
  speaks for, or the member filling it); ``signed``: only the pre-sign role.
- ``talk`` with a role outside the team (e.g. the supervision group): only that role
  records it; a talk between members, heads and listed people: a clerk or one of the two.
- ``done``: a clerk, or the task's owner role; everything else: a clerk (``record``).

The engine then checks the event itself; these checks only decide *who* may send it.
"""

from __future__ import annotations

from lifemeeting.case.model import Event
from lifemeeting.engine.view import CaseView
from lifemeeting.service.auth import Actor
from lifemeeting.service.errors import FieldError, forbidden, invalid

REQUIRED = {
    "done": ("task",),
    "talk": ("between",),
    "submitted": ("material", "subject"),
    "signed": ("material", "subject", "by"),
    "approved": ("material", "subject", "link", "by"),
    "returned": ("material", "subject", "link", "by"),
    "attended": ("present",),
    "granted": ("approval", "by"),
    "held": (),
    "appraised": ("appraisal", "satisfied", "total"),
    "rated": ("appraisal", "ratings"),
    "ordered": ("order",),
    "retracted": ("retracts", "reason"),
}


def check_fields(event: Event, *, at: tuple[str | int, ...] = ("body", "event")) -> None:
    """A 422 naming every field the event's type needs but lacks."""
    missing = [f for f in REQUIRED[event.type] if getattr(event, f) is None]
    if missing:
        shown = [str(p) for p in at[1:]]
        raise invalid(
            [
                FieldError(field=".".join([*shown, f]), loc=[*at, f], message=f"a '{event.type}' event needs '{f}'")
                for f in missing
            ]
        )


def identities(actor: Actor, view: CaseView) -> set[str]:
    """Role and member ids the actor speaks for in this case: its own, the members filling its roles, their roles."""
    ids = set(actor.roles)
    for role, members in view.role_members.items():
        if role in actor.roles:
            ids |= set(members)
        if set(members) & actor.roles:
            ids.add(role)
    return ids


def check_event(actor: Actor, view: CaseView, event: Event) -> None:
    """Raise a 403 unless ``actor`` may record ``event`` in this case."""
    if actor.everything:
        return
    ids = identities(actor, view)
    if event.type in ("approved", "returned", "signed"):
        by = event.by or ""
        if by not in ids:
            raise forbidden(f"'{actor.name}' may not record a '{event.type}' by '{by}'; it speaks for: {_listed(ids)}")
        allowed = _reviewers(view, event)
        if allowed is not None and by not in allowed:
            what = "sign before" if event.type == "signed" else "approve or return at"
            raise forbidden(
                f"only {_named(view, allowed)} may {what} link '{event.link or '-'}' of this material; '{by}' may not"
            )
        return
    if event.type == "talk":
        parties = list(event.between or [])
        outside = [p for p in parties if p in view.roles and view.roles[p].filled_by is None]
        if outside:
            if not set(outside) & ids:
                who = _named(view, outside)
                raise forbidden(f"a talk with {who} is recorded by {who} itself, not by '{actor.name}'")
            return
        if actor.record or set(parties) & ids:
            return
        raise forbidden(f"'{actor.name}' may record only its own talks, or needs a clerk token (record: true)")
    if event.type == "done" and event.task in view.task_by_id and view.task_by_id[event.task].owner in ids:
        return
    if not actor.record:
        raise forbidden(f"'{actor.name}' may not record '{event.type}' events; that needs a clerk token (record: true)")


def _reviewers(view: CaseView, event: Event) -> set[str] | None:
    """Who may act at the event's link (or pre-sign), with the members filling those roles; None if unknown."""
    slot = view.slots.get((event.material or "", event.subject or ""))
    if slot is None:
        return None
    links = slot.path.chain.links
    if event.type == "signed":
        roles = {link.pre_sign.reviewer for link in links if link.pre_sign is not None}
    else:
        link = next((link for link in links if link.id == event.link), None)
        if link is None:
            return None
        roles = set(link.reviewers)
    if not roles:
        return None
    return roles | {m for r in roles for m in view.role_members.get(r, ())}


def _named(view: CaseView, ids: set[str] | list[str]) -> str:
    return "、".join(f"'{i}' ({view.name(i)})" for i in sorted(ids))


def _listed(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "no role"
