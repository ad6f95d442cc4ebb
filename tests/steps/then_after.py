"""那么 … : deadlines in the plan, the agenda, and after the meeting — stage, round, duties, redo, appraisal."""

from __future__ import annotations

from pytest_bdd import then

import lifemeeting as lm
from steps.context import World, day, pieces, rows, step, yes

# -- deadlines ---------------------------------------------------------------------------------


def _timeline(world: World) -> lm.Timeline:
    world.unsurprised()
    return lm.timeline(world.case(), on=world.on or world.default_day())


@then(step("计划中的时限为"))
def then_plan_dates(world: World, datatable: list[list[str]]) -> None:
    """项目 | 起 | 止 | 依据含 | 责任人含 — 项目 is a plan item id (task:study) or a rule id; 止 — for none."""
    plan = _timeline(world)
    shown = "\n".join(f"  {i.id} | {i.start or ''} | {i.end or ''} | {i.basis or ''}" for i in plan.items)
    for row in rows(datatable):
        key = row["项目"]
        found = [i for i in plan.items if i.id == key] or [i for i in plan.items if i.rule == key]
        assert len(found) == 1, f"'{key}' names {len(found)} plan items; the plan has:\n{shown}"
        item = found[0]
        if row.get("止"):
            want = None if row["止"] in ("—", "-", "无") else day(row["止"])
            assert item.end == want, f"{key}: last day {item.end}, not {row['止']}"
        for p in pieces(row.get("责任人含", "")):
            assert p in (item.owner or ""), f"{key}: owner '{item.owner}' lacks '{p}'"
        if row.get("起"):
            assert item.start == day(row["起"]), f"{key}: first day {item.start}, not {row['起']}"
        for p in pieces(row.get("依据含", "")):
            assert p in (item.basis or ""), f"{key}: basis '{item.basis}' lacks '{p}'"


@then(step("会议须于 {end} 前召开"))
def then_meeting_deadline(world: World, end: str) -> None:
    m = _timeline(world).meeting
    assert (m.window_start, m.window_end) == (None, day(end)), (
        f"the meeting window is {m.window_start} to {m.window_end}"
    )


@then(step("会议时间为 {start} 至 {end}"))
def then_meeting_window(world: World, start: str, end: str) -> None:
    m = _timeline(world).meeting
    assert (m.window_start, m.window_end) == (day(start), day(end)), (
        f"the meeting window is {m.window_start} to {m.window_end}"
    )


# -- the agenda --------------------------------------------------------------------------------


@then(step("会议议程依次为"))
def then_agenda(world: World, datatable: list[list[str]]) -> None:
    """序号 | 议程 | 发言人 | 分钟 | 每人 — the rule set's agenda items, in order."""
    agenda = world.rules.meeting.agenda
    want = rows(datatable)
    assert [a.id for a in agenda] == [r["议程"] for r in want], f"the agenda is {[a.id for a in agenda]}"
    for n, (a, r) in enumerate(zip(agenda, want, strict=True), start=1):
        if r.get("序号"):
            assert int(r["序号"]) == n
        if r.get("发言人"):
            assert a.speaker == r["发言人"], f"{a.id}: speaker {a.speaker}"
        if "分钟" in r:
            assert (a.minutes or None) == (float(r["分钟"]) if r["分钟"] not in ("", "—") else None), (
                f"{a.id}: minutes {a.minutes}"
            )
        if r.get("每人"):
            assert a.per_member == yes(r["每人"]), f"{a.id}: per member {a.per_member}"


@then(step("参会人员为"))
def then_participants(world: World, datatable: list[list[str]]) -> None:
    """人员 — who the rule set says attends, in its order."""
    want = [r["人员"] for r in rows(datatable)]
    assert world.rules.meeting.participants == want, f"the participants are {world.rules.meeting.participants}"


@then(step("会议由 {role} 主持"))
def then_chair(world: World, role: str) -> None:
    assert world.rules.meeting.chair == role, f"the chair is {world.rules.meeting.chair}"


# -- after the meeting -------------------------------------------------------------------------


@then(step("阶段为 {stage}"))
def then_stage(world: World, stage: str) -> None:
    s = world.status()
    assert stage in (s.stage, s.stage_name), f"stage {s.stage} ({s.stage_name}) on {s.on}"


@then(step("于 {date} 阶段为 {stage}"))
def then_stage_on(world: World, date: str, stage: str) -> None:
    s = world.status(day(date))
    assert stage in (s.stage, s.stage_name), f"stage {s.stage} ({s.stage_name}) on {s.on}"


@then(step("为第 {number} 轮"))
def then_round(world: World, number: str) -> None:
    s = world.status()
    assert s.round == int(number), f"round {s.round}"


@then(step("本轮起因含 {words}"))
def then_cause(world: World, words: str) -> None:
    cause = world.status().rounds[-1].cause or ""
    for p in pieces(words):
        assert p in cause, f"the round's cause is '{cause}'"


def _duty_table(found: list, datatable: list[list[str]], what: str) -> None:
    want = rows(datatable)
    shown = [(d.id, str(d.by or ""), d.status) for d in found]
    assert [d.id for d in found] == [r["事项"] for r in want], f"{what}: {shown}"
    for d, r in zip(found, want, strict=True):
        if r.get("时限"):
            assert d.by == day(r["时限"]), f"{d.id}: by {d.by}, not {r['时限']}"
        if r.get("状态"):
            assert (
                d.status == r["状态"] or {"done": "已完成", "open": "待办", "overdue": "已逾期"}[d.status] == r["状态"]
            ), f"{d.id}: {d.status}"


@then(step("于 {date} 待办为"))
def then_due_next(world: World, date: str, datatable: list[list[str]]) -> None:
    """事项 | 时限 — the open duties (and redo steps) by deadline, then what comes first (after), then as listed."""
    _duty_table(world.status(day(date)).due_next, datatable, "due next")


@then(step("于 {date} 已逾期为"))
def then_overdue(world: World, date: str, datatable: list[list[str]]) -> None:
    _duty_table(world.status(day(date)).overdue, datatable, "overdue")


@then(step("会后工作为"))
def then_duties(world: World, datatable: list[list[str]]) -> None:
    """事项 | 时限 | 状态 — this round's post-meeting duties, in rule-set order."""
    _duty_table(world.status().rounds[-1].duties, datatable, "duties")


@then(step("须重做"))
def then_redo(world: World, datatable: list[list[str]]) -> None:
    """事项 | 状态 — what this round must repeat (返工补课), in the rule set's order."""
    _duty_table(world.status().rounds[-1].redo, datatable, "redo")


@then(step("测评 {appraisal} 结果为 {verdict}"))
def then_appraisal(world: World, appraisal: str, verdict: str) -> None:
    results = [a for r in world.status().rounds for a in r.appraisals if a.appraisal == appraisal]
    assert results, f"no result for '{appraisal}'"
    passed = {"通过": True, "达到": True, "未通过": False, "未达到": False}[verdict]
    last = results[-1]
    assert last.passed == passed, f"{last.satisfied}/{last.total} against {last.threshold}: passed={last.passed}"
