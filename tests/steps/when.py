"""当 … : events applied to the opened case, a refusal kept for 那么 to judge, and questions asked."""

from __future__ import annotations

from pytest_bdd import when

from steps.context import World, day, event_rows, step


@when(step("发生"))
def when_events(world: World, datatable: list[list[str]]) -> None:
    """Events in order; the first refused one is kept (那么 … 被拒绝) and the rest are not applied."""
    world.apply(event_rows(datatable), expect_refusal=True)


@when(step("于 {date} 完成 {task}"))
def when_done(world: World, date: str, task: str) -> None:
    world.apply([{"date": day(date), "type": "done", "task": task}], expect_refusal=True)


@when(step("于 {date} 召开会议"))
def when_held(world: World, date: str) -> None:
    world.apply([{"date": day(date), "type": "held"}], expect_refusal=True)


@when(step("于 {date} 测评 {appraisal} 满意 {satisfied} 人，共 {total} 人"))
def when_appraised(world: World, date: str, appraisal: str, satisfied: str, total: str) -> None:
    event = {
        "date": day(date),
        "type": "appraised",
        "appraisal": appraisal,
        "satisfied": int(satisfied),
        "total": int(total),
    }
    world.apply([event], expect_refusal=True)


@when(step("于 {date} 上级作出决定 {order}"))
def when_ordered(world: World, date: str, order: str) -> None:
    world.apply([{"date": day(date), "type": "ordered", "order": order}], expect_refusal=True)


@when(step("于 {date} 询问能否召开"))
def when_asked(world: World, date: str) -> None:
    world.ask(day(date))
