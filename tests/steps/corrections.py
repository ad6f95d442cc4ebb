"""Corrections: 撤回以下事件 (a ``retracted`` event naming an earlier one), who may do it, and the trail.

The event to take back is written as in 发生 (日期 | 事件 | 双方 | 事项 | 材料 | 对象 | 环节 | 由); the
step finds it in the trail, so a scenario never counts events. A 记录人 is checked as the service
checks a token: the rights the retracted event needed (``service.permissions.check_event``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from pytest_bdd import given, then, when

from steps.context import EVENT_TYPES, World, day, event_rows, items, pieces, rows, step

NAMES = {v: k for k, v in reversed(EVENT_TYPES.items())} | {"retracted": "撤回"}


@dataclass
class Recorders:
    """The people recording events in a scenario, and the last permission refusal."""

    actors: dict[str, Any] = field(default_factory=dict)
    forbidden: str | None = None


@pytest.fixture
def recorders() -> Recorders:
    return Recorders()


def _same(value: Any, wanted: Any) -> bool:
    if isinstance(wanted, list):
        return sorted(map(str, value or [])) == sorted(map(str, wanted))
    if isinstance(wanted, dt.date):
        return value == wanted
    return str(value) == str(wanted)


def _seq(world: World, wanted: dict[str, Any]) -> int:
    """The trail number (from 1) of the last event, not itself a retraction, that has every field of ``wanted``."""
    events = world.case().case.events
    found = [
        n
        for n, e in enumerate(events, start=1)
        if e.type != "retracted" and all(_same(getattr(e, k, None), v) for k, v in wanted.items())
    ]
    assert found, f"no event in the trail matches {wanted}"
    return found[-1]


def describe(event: Any, events: list[Any]) -> str:
    """An event as a line of the trail: 谈话 sun—zhou, 完成 study, 提交 examination/team, 撤回（…）：原因."""
    name = NAMES.get(event.type, event.type)
    if event.type == "retracted":
        target = events[event.retracts - 1]
        return f"撤回（{target.date} {describe(target, events)}）：{event.reason}"
    if event.type == "talk":
        return f"{name} {'—'.join(event.between or [])}"
    if event.material:
        link = f" {event.link}" if event.link else ""
        by = f" 由 {event.by}" if event.by else ""
        return f"{name} {event.material}/{event.subject}{link}{by}"
    if event.task:
        return f"{name} {event.task}"
    return name


def _retraction(world: World, date: str, reason: str, datatable: list[list[str]]) -> dict[str, Any]:
    (wanted,) = event_rows(datatable)
    return {"date": day(date), "type": "retracted", "retracts": _seq(world, wanted), "reason": reason}


@given(step("记录人 {name} 代表 {roles}"))
def given_recorder(recorders: Recorders, name: str, roles: str) -> None:
    """Someone who speaks for these roles or members (as a token's ``roles``), without a clerk's rights."""
    from lifemeeting.service.auth import Actor

    recorders.actors[name] = Actor(name, roles=frozenset(items(roles)))


@given(step("记录人 {name} 为文书"))
def given_clerk(recorders: Recorders, name: str) -> None:
    """A clerk (a token with ``record: true``)."""
    from lifemeeting.service.auth import Actor

    recorders.actors[name] = Actor(name, record=True)


@when(step("于 {date} 撤回以下事件，原因 {reason}"))
def when_retracted(world: World, date: str, reason: str, datatable: list[list[str]]) -> None:
    world.apply([_retraction(world, date, reason, datatable)], expect_refusal=True)


@when(step("{name} 于 {date} 撤回以下事件，原因 {reason}"))
def when_retracted_by(
    world: World, recorders: Recorders, name: str, date: str, reason: str, datatable: list[list[str]]
) -> None:
    """As the service would: whoever may record the event taken back may retract it; then the engine decides."""
    from lifemeeting.service.errors import ServiceError
    from lifemeeting.service.permissions import check_event

    event = _retraction(world, date, reason, datatable)
    opened = world.case()
    recorders.forbidden = None
    try:
        check_event(recorders.actors[name], opened.view, opened.case.events[event["retracts"] - 1])
    except ServiceError as exc:
        recorders.forbidden = exc.out.message
        return
    world.apply([event], expect_refusal=True)


@then(step("无权撤回，原因含 {words}"))
def then_forbidden(world: World, recorders: Recorders, words: str) -> None:
    forbidden, recorders.forbidden = recorders.forbidden, None
    assert forbidden is not None, "expected the retraction to be refused for want of rights, but it was allowed"
    for piece in pieces(words):
        assert piece in forbidden, f"'{piece}' not in the refusal: {forbidden}"


@then(step("有权撤回"))
def then_allowed(world: World, recorders: Recorders) -> None:
    assert recorders.forbidden is None, f"refused for want of rights: {recorders.forbidden}"
    world.unsurprised()


@then(step("记录中依次有"))
def then_trail(world: World, datatable: list[list[str]]) -> None:
    """日期 | 记录: these lines stand in the trail in this order (others may come between)."""
    events = world.case().case.events
    trail = [(e.date, describe(e, events)) for e in events]
    at = 0
    for row in rows(datatable):
        wanted = (day(row["日期"]), row["记录"])
        assert wanted in trail[at:], f"{wanted} not in the trail after line {at}: {trail[at:]}"
        at = trail.index(wanted, at) + 1


@then(step("记录中没有撤回"))
def then_no_retraction(world: World) -> None:
    assert [e for e in world.case().case.events if e.type == "retracted"] == []
