"""那么 … : whether the meeting can be convened, what blocks it, which talks are missing, what comes next."""

from __future__ import annotations

from pytest_bdd import then

import lifemeeting as lm
from steps.context import World, day, pieces, rows, step, yes

BLOCKER_COLUMNS = {"规则", "事项", "对象", "提示含", "出处", "等待至"}


def _show(blockers: list[lm.Blocker]) -> str:
    return (
        "\n".join(
            f"  {b.rule} | {b.item or ''} | {b.subject or ''} | {b.message} | {b.citation and b.citation.section}"
            for b in blockers
        )
        or "  (none)"
    )


@then(step("可以召开"))
def then_convenable(world: World) -> None:
    answer = world.ask()
    assert answer.convenable, f"expected no blockers on {answer.on}, got:\n{_show(answer.blockers)}"


@then(step("于 {date} 可以召开"))
def then_convenable_on(world: World, date: str) -> None:
    answer = world.ask(day(date))
    assert answer.convenable, f"expected no blockers on {answer.on}, got:\n{_show(answer.blockers)}"


@then(step("于 {date} 能否召开为 {answer}"))
def then_convenable_answer(world: World, date: str, answer: str) -> None:
    """For outlines: 是 (no blockers) or 否."""
    got = world.ask(day(date))
    assert got.convenable == yes(answer), f"convenable={got.convenable} on {got.on}:\n{_show(got.blockers)}"


@then(step("不能召开"))
def then_not_convenable(world: World) -> None:
    assert not world.ask().convenable, "expected the meeting to be blocked"


@then(step("于 {date} 不能召开"))
def then_not_convenable_on(world: World, date: str) -> None:
    assert not world.ask(day(date)).convenable, f"expected the meeting to be blocked on {date}"


def _matches(b: lm.Blocker, row: dict[str, str]) -> bool:
    unknown = set(row) - BLOCKER_COLUMNS
    assert not unknown, f"unknown column(s) {unknown}; use {', '.join(sorted(BLOCKER_COLUMNS))}"
    if b.rule != row["规则"]:
        return False
    if row.get("事项") and b.item != row["事项"]:
        return False
    if row.get("对象") and b.subject != row["对象"]:
        return False
    if row.get("出处") and (b.citation is None or b.citation.section != row["出处"]):
        return False
    if row.get("等待至") and (not b.waiting or b.until != day(row["等待至"])):
        return False
    return all(p in b.message for p in pieces(row.get("提示含", "")))


def _match_blockers(world: World, table: list[list[str]], *, exact: bool) -> None:
    blockers = list(world.last_answer().blockers)
    unused = list(blockers)
    for row in rows(table):
        hit = next((b for b in unused if _matches(b, row)), None)
        assert hit is not None, f"no blocker matches {row}; the blockers are:\n{_show(blockers)}"
        unused.remove(hit)
    if exact:
        assert not unused, f"blockers not in the table:\n{_show(unused)}"


@then(step("阻碍为"))
def then_blockers_are(world: World, datatable: list[list[str]]) -> None:
    """规则 | 事项 | 对象 | 提示含 | 出处 | 等待至 — exactly these blockers, one row each."""
    _match_blockers(world, datatable, exact=True)


@then(step("阻碍包括"))
def then_blockers_include(world: World, datatable: list[list[str]]) -> None:
    _match_blockers(world, datatable, exact=False)


@then(step("阻碍中没有 {rule}"))
def then_no_blocker(world: World, rule: str) -> None:
    answer = world.last_answer()
    assert all(b.rule != rule for b in answer.blockers), f"'{rule}' still blocks:\n{_show(answer.blockers)}"


@then(step("尚缺的必谈为"))
def then_missing_talks(world: World, datatable: list[list[str]]) -> None:
    """必谈 | 一方 | 另一方 — exactly the missing pairs per talk rule (member, role, head:部门 or listed name)."""
    answer = world.last_answer()
    have = {(b.item, frozenset(p)) for b in answer.blockers if b.kind == "talks_covered" for p in b.missing_pairs}
    want = {(r["必谈"], frozenset((r["一方"], r["另一方"]))) for r in rows(datatable)}
    show = lambda s: sorted(f"{i}: {'—'.join(sorted(p))}" for i, p in s)  # noqa: E731
    assert have == want, (
        f"missing but not in the table: {show(have - want)}; in the table but not missing: {show(want - have)}"
    )


@then(step("下一步包括"))
def then_next_actions(world: World, datatable: list[list[str]]) -> None:
    """规则 | 责任人含 | 事项含 | 起 | 时限 — each row matches one next action."""
    answer = world.last_answer()
    shown = "\n".join(
        f"  {a.rule} | {a.who} | {a.what} | {a.window_start or ''} | {a.by or ''}" for a in answer.next_actions
    )
    for row in rows(datatable):
        assert any(_fits(a, row) for a in answer.next_actions), f"no next action matches {row}; they are:\n{shown}"


def _fits(a: lm.NextAction, row: dict[str, str]) -> bool:
    return (
        a.rule == row["规则"]
        and all(p in a.who for p in pieces(row.get("责任人含", "")))
        and all(p in a.what for p in pieces(row.get("事项含", "")))
        and (not row.get("时限") or a.by == day(row["时限"]))
        and (not row.get("起") or a.window_start == day(row["起"]))
    )


@then(step("最早于 {date} 可以召开"))
def then_earliest(world: World, date: str) -> None:
    answer = world.last_answer()
    assert answer.earliest_date == day(date), f"earliest {answer.earliest_date}; blockers:\n{_show(answer.blockers)}"


@then(step("被拒绝，原因含 {words}"))
def then_refused(world: World, words: str) -> None:
    refused, world.refused = world.refused, None
    assert refused is not None, "expected the event to be refused, but it was applied"
    for piece in pieces(words):
        assert piece in refused.reason, f"'{piece}' not in the reason: {refused.reason}"


@then(step("案件被拒绝，原因含 {words}"))
def then_case_refused(world: World, words: str) -> None:
    """The case as given so far cannot be opened under the rule set (a unit or member the rules contradict)."""
    try:
        world.case()
    except lm.CaseError as exc:
        for piece in pieces(words):
            assert piece in str(exc), f"'{piece}' not in the refusal: {exc}"
        return
    raise AssertionError("expected the case to be refused, but it opened")


@then(step("未被拒绝"))
def then_accepted(world: World) -> None:
    world.unsurprised()


@then(step("提醒包括 {words}"))
def then_warning(world: World, words: str) -> None:
    """A warning of the answer holds these words (pieces separated by ……)."""
    answer = world.last_answer()
    assert any(all(p in w for p in pieces(words)) for w in answer.warnings), f"warnings: {answer.warnings}"


@then(step("时间线提醒包括 {words}"))
def then_timeline_warning(world: World, words: str) -> None:
    """A warning of the timeline as of the last event's day holds these words."""
    plan = lm.timeline(world.case(), on=world.on or world.default_day())
    assert any(all(p in w for p in pieces(words)) for w in plan.warnings), f"warnings: {plan.warnings}"


@then(step("没有提醒"))
def then_no_warning(world: World) -> None:
    answer = world.last_answer()
    assert answer.warnings == [], f"warnings: {answer.warnings}"
