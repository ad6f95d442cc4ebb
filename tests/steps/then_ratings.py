"""那么 … : ratings per member (民主评议党员), a round's duties owed again or carried over, status warnings."""

from __future__ import annotations

from pytest_bdd import then

import lifemeeting as lm
from steps.context import World, day, pieces, rows, step

OWED = {"再做": "again", "沿用": "carried", "": None, "—": None}


def _ratings(world: World, appraisal: str, number: int | None) -> list[lm.RatingOut]:
    s = world.status()
    r = s.rounds[-1] if number is None else s.rounds[number - 1]
    return [x for x in r.ratings if x.appraisal == appraisal]


def _table(found: list[lm.RatingOut], datatable: list[list[str]]) -> None:
    """成员 | 等次 — exactly these members, each with this level (its name or id), in the team's order."""
    shown = [f"{x.member}={x.level_name}" for x in found]
    want = rows(datatable)
    assert [x.member for x in found] == [r["成员"] for r in want], f"rated: {shown}"
    for x, r in zip(found, want, strict=True):
        assert r["等次"] in (x.level, x.level_name), f"{x.member}: {x.level_name}, not {r['等次']}"


@then(step("评定 {appraisal} 结果为"))
def then_ratings(world: World, appraisal: str, datatable: list[list[str]]) -> None:
    _table(_ratings(world, appraisal, None), datatable)


@then(step("第 {number} 轮评定 {appraisal} 结果为"))
def then_ratings_of_round(world: World, number: str, appraisal: str, datatable: list[list[str]]) -> None:
    _table(_ratings(world, appraisal, int(number)), datatable)


@then(step("第 {number} 轮会后工作为"))
def then_round_duties(world: World, number: str, datatable: list[list[str]]) -> None:
    """事项 | 名称 | 时限 | 状态 | 本轮 — the round's duties in order; 本轮 再做 (owed again) or 沿用 (carried over)."""
    found = world.status().rounds[int(number) - 1].duties
    shown = [(d.id, d.name, str(d.by or ""), d.status, d.owed) for d in found]
    want = rows(datatable)
    assert [d.id for d in found] == [r["事项"] for r in want], f"duties: {shown}"
    for d, r in zip(found, want, strict=True):
        if r.get("名称"):
            assert d.name == r["名称"], f"{d.id}: named {d.name}"
        if r.get("时限"):
            assert d.by == (None if r["时限"] in ("—", "无") else day(r["时限"])), f"{d.id}: by {d.by}"
        if r.get("状态"):
            assert {"done": "已完成", "open": "待办", "overdue": "已逾期"}[d.status] == r["状态"], f"{d.id}: {d.status}"
        if "本轮" in r:
            assert d.owed == OWED[r["本轮"]], f"{d.id}: owed {d.owed}"


@then(step("重做时限为 {date}"))
def then_redo_deadline(world: World, date: str) -> None:
    r = world.status().rounds[-1]
    assert r.deadline == day(date), f"the round's deadline is {r.deadline}"
    assert all(d.by == day(date) for d in r.redo), [(d.id, d.by) for d in r.redo]


@then(step("状态提醒包括 {words}"))
def then_status_warning(world: World, words: str) -> None:
    warnings = world.status().warnings
    assert any(all(p in w for p in pieces(words)) for w in warnings), f"status warnings: {warnings}"


@then(step("状态没有提醒"))
def then_no_status_warning(world: World) -> None:
    assert world.status().warnings == [], world.status().warnings
