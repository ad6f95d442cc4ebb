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

from ._case_model import Event
from ._chains import DRAFTING
from ._stages import PREPARING

if TYPE_CHECKING:
    from ._replay import CaseState


def quick_run(state: CaseState, events: Sequence[Event], i: int, until: dt.date | None) -> int:
    """Apply ``events[i:]`` while they are ordinary and dated up to ``until``; the index it stopped at."""
    r = state.rounds[-1]
    if r.stage != PREPARING:
        return i
    v = state.view
    members, role_members, resolve, tasks, duties = v.members, v.role_members, v.resolve_party, v.task_by_id, state._duty_set
    materials, talks, done = r.materials, r.talks, r.done
    last, first, n = state.last_date, i, len(events)
    while i < n:
        e = events[i]
        date = e.date
        if (until is not None and date > until) or (last is not None and date < last):
            break
        kind = e.type
        if kind == "talk":
            if not e.between:
                break
            a, b = e.between
            if a not in members and (a := resolve(a)) is None:
                break
            if b not in members and (b := resolve(b)) is None:
                break
            if a == b:
                break
            talks.setdefault(frozenset((a, b)), date)
        elif kind == "approved":
            m = materials.get((e.material, e.subject))  # type: ignore[arg-type]
            if m is None or m.slot.material.after_meeting:
                break
            path = m.slot.path
            step = path.at_link.get(e.link)  # type: ignore[arg-type]  # None finds nothing
            if step is None or m.state != step.state or m.approvals:
                break
            reviewers = step.link.reviewers
            if len(reviewers) != 1 or (e.by != reviewers[0] and e.by not in role_members.get(reviewers[0], ())):
                break
            dest = m.state = path.table[(step.state, "approve")]  # as _move, approvals being empty already
            m.done_links.append(step.link.id)
            if m.passed_on is None and dest in path.gate_states:
                m.passed_on = date
        elif kind == "signed":  # as _check_signed and _move
            m = materials.get((e.material, e.subject))  # type: ignore[arg-type]
            if m is None or m.slot.material.after_meeting:
                break
            path = m.slot.path
            step = path.by_state.get(m.state)
            if step is None or not step.pre_sign or m.approvals:
                break
            signer = step.link.pre_sign.reviewer  # type: ignore[union-attr]
            if e.by != signer and e.by not in role_members.get(signer, ()):
                break
            dest = m.state = path.table[(step.state, "sign")]
            m.done_links.append("sign:" + step.link.id)
            if m.passed_on is None and dest in path.gate_states:
                m.passed_on = date
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
        elif kind == "submitted":
            m = materials.get((e.material, e.subject))  # type: ignore[arg-type]
            if m is None or m.state != DRAFTING or m.approvals or m.slot.material.after_meeting:
                break
            path = m.slot.path
            dest = m.state = path.table[(DRAFTING, "submit")]  # as _submit
            m.submitted_on = date
            if m.first_submitted_on is None:
                m.first_submitted_on = date
            if dest in path.gate_states:
                m.passed_on = date
        elif kind == "done":
            task = e.task
            if task in duties or task not in tasks or task in done:
                break
            done[task] = date  # type: ignore[index]  # not None: it is a task id
        else:
            break
        last = date
        i += 1
    if i > first:
        state.last_date = last
        state.applied += i - first
    return i
