"""The quick way through a case's ordinary events: one loop, no call per event.

Replay spends its time on talks, submissions, pre-signs, approvals, returns and tasks
while a round is prepared. ``quick_run`` applies a run of those when every check would
pass, making exactly the change ``CaseState._check`` and its change would make; it stops,
having changed nothing for that event, at anything else, which ``CaseState.apply`` then
checks in full. ``tests/test_fastpaths.py`` holds the two ways to the same states,
answers and refusals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lifemeeting.case.model import Event
from lifemeeting.engine.stages import PREPARING

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState


def quick_run(state: CaseState, events: Sequence[Event], i: int, until: dt.date | None) -> int:
    """Apply ``events[i:]`` while they are ordinary and dated up to ``until``; the index it stopped at."""
    r = state.rounds[-1]
    if r.stage != PREPARING:
        return i
    v = state.view
    canonical, role_members, tasks, duties = v.canonical, v.role_members, v.task_by_id, state._duty_set
    materials, talks, done = r.materials, r.talks, r.done
    last, until = state.last_date or dt.date.min, until or dt.date.max  # events come in date order
    first = i
    for e in events[i:] if i else events:
        date = e.date
        if date > until or date < last:
            break
        kind = e.type
        if kind == "talk":
            if not e.between:
                break
            a, b = e.between
            a, b = canonical.get(a), canonical.get(b)  # as resolve_party
            if a is None or b is None or a == b:
                break
            talks.setdefault(frozenset((a, b)), date)
        elif kind == "done":
            task = e.task
            if task in duties or task not in tasks or task in done:
                break
            done[task] = date  # type: ignore[index]  # not None: it is a task id
        elif kind == "returned":  # as _check_returned
            m = materials.get((e.material, e.subject))  # type: ignore[arg-type]
            if m is None or m.slot.material.after_meeting:
                break
            path = m.slot.path
            step = path.at_link.get(e.link)  # type: ignore[arg-type]
            if step is None or m.state != step.state:
                break
            for reviewer in step.link.reviewers:
                if e.by == reviewer or e.by in role_members.get(reviewer, ()):
                    break
            else:
                break
            m.state, m.approvals, m.returns = path.table[(step.state, "return")], set(), m.returns + 1
            m.done_links.clear()
            m.passed_on = None
        else:  # submitted, signed, approved: the move compiled for the state the material is in
            m = materials.get((e.material, e.subject))  # type: ignore[arg-type]
            if m is None or m.approvals:
                break
            move = m.slot.path.moves.get(m.state)
            if move is None or move.event != kind or move.link != e.link or m.slot.material.after_meeting:
                break
            if kind == "submitted":  # as _submit
                m.state = move.dest
                m.submitted_on = date
                if m.first_submitted_on is None:
                    m.first_submitted_on = date
                if move.passes:
                    m.passed_on = date
            else:  # as _move, approvals being empty already
                by = move.by
                if by is None or (e.by != by and e.by not in role_members.get(by, ())):
                    break
                m.state = move.dest
                m.done_links.append(move.done)
                if move.passes and m.passed_on is None:
                    m.passed_on = date
        last = date
        i += 1
    if i > first:
        state.last_date = last
        state.applied += i - first
    return i
