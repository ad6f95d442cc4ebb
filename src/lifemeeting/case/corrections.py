"""Corrections: a ``retracted`` event takes back an earlier one, and the case replays as if it had not happened.

The trail keeps both: the retracted event stays where it was and the retraction follows,
with its reason (and, in the store, who recorded it). ``retracts`` names the event by its
sequence number: its 1-based position among the case's events, the ``seq`` of the audit trail.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any, TypeVar

from lifemeeting.errors import EventRefused

RETRACTED = "retracted"
C = TypeVar("C")
_type = attrgetter("type")


def effective(events: Sequence[Any]) -> tuple[list[Any], list[int]]:
    """The events that count, and each one's index in ``events``: retractions and what they retract left out.

    A retraction that names no earlier event, a retraction, or an event already retracted
    raises ``EventRefused`` numbered as the retraction.
    """
    retracted: dict[int, int] = {}  # index of the retracted event → index of its retraction
    for i, e in enumerate(events):
        if e.type != RETRACTED:
            continue
        for field in ("retracts", "reason"):
            if getattr(e, field) is None:
                raise EventRefused(i, e.type, f"'{e.type}' 事件须给出 '{field}'")
        target = e.retracts - 1
        if target >= i:
            raise EventRefused(i, e.type, f"只能撤回在它之前的事件，不能撤回第{e.retracts}个（它本身是第{i + 1}个）")
        if events[target].type == RETRACTED:
            raise EventRefused(i, e.type, f"第{e.retracts}个事件本身是撤回；要恢复被撤回的事件，请重新记录它")
        if target in retracted:
            raise EventRefused(i, e.type, f"第{e.retracts}个事件已被第{retracted[target] + 1}个事件撤回")
        retracted[target] = i
    kept = [i for i, e in enumerate(events) if e.type != RETRACTED and i not in retracted]
    return [events[i] for i in kept], kept


def corrected(case: C) -> tuple[C, list[int] | None]:
    """``case`` as if its retracted events had not happened, and each kept event's index in its events.

    A case with no retraction is returned itself, with None: nothing to renumber.
    """
    events = case.events  # type: ignore[attr-defined]
    if RETRACTED not in map(_type, events):  # looked for at C speed: asked of every case answered
        return case, None
    kept, positions = effective(events)
    if hasattr(case, "model_copy"):
        return case.model_copy(update={"events": kept}), positions
    import msgspec

    return msgspec.structs.replace(case, events=kept), positions  # type: ignore[type-var]


def renumbered(exc: EventRefused, positions: list[int] | None) -> EventRefused:
    """``exc`` from a replay of the corrected events, numbered as in the whole trail."""
    if positions is None or exc.index >= len(positions):
        return exc
    return EventRefused(positions[exc.index], exc.event_type, exc.reason, location=exc.location)
