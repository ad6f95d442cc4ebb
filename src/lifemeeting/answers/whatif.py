"""The timeline answer, with its two what-ifs: the earliest legal day, and moving the meeting.

*Earliest*: the first day the meeting may be held if everything that still needs doing
were done at once — only the gates' waiting periods count: a lead time from the day its
material was filed (or from ``on``, if it has not been), a meeting window that is a gate.
What still needs doing is listed beside it, not guessed at.

*Move*: the same case with the planned date replaced, every item compared: which
deadlines are now missed, which are newly met, which last days merely shift.
"""

from __future__ import annotations

import datetime as dt
import os

from lifemeeting.answers.open import CaseSource, OpenCase, open_case
from lifemeeting.answers.timeline import items, meeting_plan, replay_with_dates
from lifemeeting.answers.timeline_model import Change, Earliest, MeetingPlan, Move, Timeline, TimelineItem
from lifemeeting.dates import periods as _dates
from lifemeeting.engine import ratings
from lifemeeting.engine.answer_model import Receipt
from lifemeeting.engine.readiness import agenda_too_long, late_resubmissions, readiness, soft_gates
from lifemeeting.engine.replay import CaseState
from lifemeeting.engine.stages import PREPARING
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.version import engine_version


def timeline(
    source: CaseSource | OpenCase,
    *,
    on: dt.date | None = None,
    move_to: dt.date | None = None,
    ruleset: LoadedRuleSet | str | os.PathLike[str] | None = None,
) -> Timeline:
    """Every dated item of a case as of ``on`` (default: today in Asia/Shanghai), the earliest day, and a move."""
    opened = source if isinstance(source, OpenCase) else open_case(source, ruleset=ruleset)
    on = on or _dates.today()
    state, passed = replay_with_dates(opened.view, on)
    found = items(state, passed, on)
    meeting = meeting_plan(state)
    first = earliest(state, on, meeting) if state.stage == PREPARING and state.round.held_on is None else None
    moved, moved_notes = move(opened, on, move_to, found, first) if move_to else (None, [])
    v = opened.view
    warnings = [f"参数 {p} 未给出，相关时限无法计算" for p in v.missing_parameters]
    if meeting.date is None:
        warnings.append("会议日期未定：会前、会后的相对时限无法计算；可用 --move-to 假定一个日期")
    elif meeting.in_window is False:
        warnings.append(f"会议日期{meeting.date}不在规定的会议时间（{meeting.basis}）之内")
    warnings += [message for _, _, message in late_resubmissions(state, on)]
    warnings += [short] if (short := agenda_too_long(v)) else []
    warnings += v.calendar.warnings
    if v._compiled.soft and state.stage == PREPARING:
        warnings += soft_gates(state, on)  # a soft rule (一般) unmet
    warnings += ratings.flags(state, state.round)  # a rating's limit that only flags
    warnings += [w for w in moved_notes if w not in warnings]
    rs = v.loaded
    return Timeline(
        on=on,
        ruleset=rs.model.id,
        tier=v.tier,
        unit=v.case.unit.name,
        round=state.round.number,
        meeting=meeting,
        items=found,
        earliest=first,
        move=moved,
        warnings=warnings,
        receipt=Receipt(ruleset=rs.model.id, version=rs.model.version, sha256=rs.sha256, engine=engine_version()),
    )


def earliest(state: CaseState, on: dt.date, meeting: MeetingPlan) -> Earliest:
    """The first day on or after ``on`` that no waiting period forbids; what must still be done by then.

    Waiting periods are the gates' own: a lead time (an unfiled material assumed filed on ``on``),
    a meeting window the rule set makes a gate. A window that is no gate is reported, not imposed.
    """
    v = state.view
    day, bounds = on, []
    for gate in v.gates:
        if gate.kind != "lead_time":
            continue
        given = v.number(gate.days)
        if given is None:
            continue  # readiness says which parameter is missing
        days = int(given)
        span = f"{days}个工作日" if gate.working_days else f"{days}天"
        for (material_id, _), m in state.materials.items():
            if material_id != gate.material:
                continue
            base = m.submitted_on or on
            until = v.calendar.add(base, days) if gate.working_days else base + dt.timedelta(days=days)
            filed = f"已于{base}报送" if m.submitted_on else f"尚未报送，若于{on}报送"
            bounds.append(f"「{gate.name}」：{m.slot.material.name}{filed}，须满{span}，{until}起可以召开")
            day = max(day, until)
    for _ in range(len(v.gates) + 1):  # each pass can only move the day later; stop when nothing waits
        answer = readiness(state, day)
        waits = [b for b in answer.blockers if b.waiting and b.until and b.until > day and b.kind != "lead_time"]
        if not waits:
            break
        bounds += [b.message for b in waits]
        day = max(b.until for b in waits if b.until)
    still = [b.message for b in answer.blockers if b.kind != "lead_time" and not b.waiting]
    in_window = None
    if meeting.window_end is not None:
        in_window = (meeting.window_start is None or day >= meeting.window_start) and day <= meeting.window_end
    return Earliest(date=day, bounds=bounds, still_to_do=still, in_window=in_window)


def move(
    opened: OpenCase, on: dt.date, to: dt.date, before: list[TimelineItem], first: Earliest | None
) -> tuple[Move, list[str]]:
    """The case with its meeting on ``to`` instead, item by item against ``before``; and its warnings."""
    moved = _with_date(opened, to)
    state, passed = replay_with_dates(moved.view, on)
    after = items(state, passed, on)
    meeting = meeting_plan(state)
    old = {i.id: i for i in before}
    missed, met, shifted = [], [], []
    for item in after:
        was = old.get(item.id)
        if was is None:
            continue
        change = Change(
            id=item.id,
            name=item.name,
            by_before=was.by,
            by_after=item.by,
            status_before=was.status,
            status_after=item.status,
            late_before=was.late,
            late_after=item.late,
        )
        if _bad(item) and not _bad(was):
            missed.append(change)
        elif _bad(was) and not _bad(item):
            met.append(change)
        elif was.by != item.by:
            shifted.append(change)
    # Work still to do can be done before ``to``; waiting periods and a closed window cannot.
    late_window = any(b.kind == "meeting_window" and not b.waiting for b in readiness(state, to).blockers)
    legal = (first is None or to >= first.date) and not late_window
    notes = list(moved.view.calendar.warnings)
    if state.round.held_on is not None:
        notes.append(f"会议已于{state.round.held_on}召开，会后时限从召开之日起算，改期到{to}不改变它们")
    answer = Move(
        from_date=opened.case.meeting.date,
        to_date=to,
        legal=legal,
        in_window=meeting.in_window,
        newly_missed=missed,
        newly_met=met,
        moved=shifted,
        timeline=after,
    )
    return answer, notes


def _bad(item: TimelineItem) -> bool:
    return item.status == "overdue" or item.late


def _with_date(opened: OpenCase, to: dt.date) -> OpenCase:
    case = opened.case
    changed = case.model_copy(update={"meeting": case.meeting.model_copy(update={"date": to})})
    return OpenCase(changed, opened.ruleset)
