"""Replaying a case's events: each is checked against the rules before anything changes.

An event that is not allowed raises ``EventRefused`` with its index and the reason;
the state stays as it was before that event, and no later event is applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lifemeeting.case.model import Event
from lifemeeting.engine.chains import DRAFTING, PASSED
from lifemeeting.engine.quick import quick_run
from lifemeeting.engine.rounds import RoundRules
from lifemeeting.engine.stages import PREPARING, STAGE_NAMES, allowed_pairs
from lifemeeting.engine.state import AppraisalResult, MaterialState, Round, _copy_round, _need, _Refuse
from lifemeeting.engine.talks import Pair
from lifemeeting.engine.view import TEAM, CaseView
from lifemeeting.errors import EventRefused
from lifemeeting.source.problems import did_you_mean

__all__ = ["AppraisalResult", "CaseState", "MaterialState", "Round", "replay", "replay_as_of"]

QUICK = True  # take ``CaseState._quick`` for ordinary events; tests turn it off to compare


class CaseState(RoundRules):
    """Everything the events of a case have established so far, round by round."""

    def __init__(self, view: CaseView) -> None:
        self.view = view
        materials = {key: MaterialState(slot) for key, slot in view.slots.items()}
        self.rounds: list[Round] = [Round(1, "initial", None, None, materials, {}, {})]
        self.last_date: dt.date | None = None
        self.applied = 0
        rs = view.rules
        consequences = {a.below for a in rs.appraisals} | {o.consequence for o in rs.orders}
        self._redo = "redo" in consequences or "restart" in consequences
        self._reconvene = "reconvene" in consequences or "restart" in consequences
        self._allowed = allowed_pairs(self._redo, self._reconvene)
        self._duty_set = frozenset(d.id for d in view.duties)
        self._after_set = frozenset(m.id for m in rs.materials if m.after_meeting)  # events on these are duties

    @property
    def round(self) -> Round:
        return self.rounds[-1]

    @property
    def materials(self) -> dict[tuple[str, str], MaterialState]:
        return self.round.materials

    @property
    def talks(self) -> dict[Pair, dt.date]:
        return self.round.talks

    @property
    def done(self) -> dict[str, dt.date]:
        return self.round.done

    @property
    def stage(self) -> str:
        return self.round.stage

    def copy(self) -> CaseState:
        """An independent copy: later events applied to either leave the other as it was."""
        new = object.__new__(CaseState)
        new.__dict__.update(self.__dict__)
        new.rounds = [_copy_round(r) for r in self.rounds]
        return new

    @property
    def meeting_on(self) -> dt.date | None:
        """The date the current round's deadlines count from: its meeting, or the one it redoes."""
        for r in reversed(self.rounds):
            if r.held_on is not None:
                return r.held_on if (r is self.round or not self.round.needs_meeting) else None
        return None

    # -- the one way in -------------------------------------------------------------------
    def apply(self, event: Event, index: int | None = None) -> None:
        """Apply ``event`` or raise ``EventRefused``; on refusal nothing changes."""
        if QUICK and self._quick(event):
            return
        idx = self.applied if index is None else index
        try:
            change = self._check(event)
        except _Refuse as exc:
            location = None
            v = self.view
            if v._located is not None and ("events", idx) in v._located.marks:  # not for events applied later
                line, col = v._located.where(("events", idx))
                location = f"{v.origin}:{line}:{col}"
            raise EventRefused(idx, event.type, exc.reason, location=location) from None
        change()
        self.last_date = event.date
        self.applied += 1
        if self.rounds[-1].stage != PREPARING:  # only a held or redoing round can move on by itself
            self._settle(event.date)

    def _quick(self, e: Event) -> bool:
        """Apply one ordinary event the quick way (see ``_quick_run``); False, having changed nothing, otherwise."""
        return self._quick_run([e], 0, None) == 1

    def _quick_run(self, events: Sequence[Event], i: int, until: dt.date | None) -> int:
        """Apply ``events[i:]`` the quick way while they are ordinary (``_quick.quick_run``); the index it stopped at."""
        return quick_run(self, events, i, until)

    def _check(self, e: Event):  # returns the change to make once every check has passed
        last = self.last_date
        if last is not None and e.date < last:
            raise _Refuse(f"dated {e.date}, earlier than the event before it ({last})")
        kind = e.type
        trigger = (
            "record_duty"
            if (kind == "done" and e.task in self._duty_set) or e.material in self._after_set
            else _TRIGGERS[kind]
        )
        if (self.rounds[-1].stage, trigger) not in self._allowed:
            raise _Refuse(self._not_now(e, trigger))
        return getattr(self, _CHECKS[kind])(e)

    @property
    def _duty_ids(self) -> frozenset[str]:
        return self._duty_set

    def _not_now(self, e: Event, trigger: str) -> str:
        r = self.round
        stage = f"the case is at stage '{self.stage}' ({STAGE_NAMES[self.stage]}) in round {r.number}"
        if trigger == "record_duty":
            return (
                f"'{e.task}' is a post-meeting duty; the meeting has not been held in round {r.number}"
                if self.stage == PREPARING
                else stage
            )
        if trigger == "hold":
            return f"the meeting of round {r.number} was already held on {r.held_on}" if r.held_on else stage
        if trigger == "appraise":
            return f"an appraisal comes after the meeting; {stage}"
        return f"{stage}; preparation events are not taken now"

    # -- per event type -------------------------------------------------------------------
    def _check_done(self, e: Event):
        v = self.view
        task = _need(e, "task")
        if task not in v.task_by_id:
            known = set(v.task_by_id)
            every = {t.id for t in [*v.rules.tasks, *v.rules.duties]}
            if task in every:
                raise _Refuse(f"task '{task}' does not apply to this case's tier or unit")
            raise _Refuse(f"unknown task '{task}'{did_you_mean(task, known)}")
        record = self.round.duties if task in self._duty_ids else self.done
        if task in record:
            raise _Refuse(f"task '{task}' was already recorded as done on {record[task]}")
        return lambda: record.__setitem__(task, e.date)

    def _check_talk(self, e: Event):
        v = self.view
        parties = []
        for p in e.between or _need(e, "between"):
            resolved = v.resolve_party(p)
            if resolved is None:
                filled = v.role_members.get(p)
                if filled:  # a role several members fill names none of them in particular
                    raise _Refuse(
                        f"'{p}' ({v.roles[p].name}) is filled by {len(filled)} members ({', '.join(filled)}); name the member who talked"
                    )
                candidates = v.parties | set(v.role_members)
                raise _Refuse(
                    f"unknown talk party '{p}'{did_you_mean(p, candidates)}; a party is a member id, a role id, 'head:<department>' or a name from the case's lists"
                )
            parties.append(resolved)
        if parties[0] == parties[1]:
            raise _Refuse(f"a talk needs two different people, but both are '{parties[0]}'")
        pair, talks, date = frozenset(parties), self.talks, e.date
        return lambda: talks.setdefault(pair, date)

    def _material(self, e: Event) -> MaterialState:
        v = self.view
        material, subject = e.material, e.subject
        if material is None or subject is None:
            _need(e, "material")
            _need(e, "subject")
        if material not in v.material_ids:
            raise _Refuse(f"unknown material '{material}'{did_you_mean(material, {m.id for m in v.rules.materials})}")
        if subject != TEAM and subject not in v.members:
            raise _Refuse(
                f"unknown member '{subject}'{did_you_mean(subject, set(v.members) | {TEAM})}; use 'team' for the team's own material"
            )
        state = self.rounds[-1].materials.get((material, subject))
        if state is None:
            raise _Refuse(f"{v.subject_label(subject)} does not write a '{material}' under this rule set")
        return state

    def _check_submitted(self, e: Event):
        m = self._material(e)
        if m.state != DRAFTING:
            raise _Refuse(f"already submitted; it is {self._where(m)}")
        dest = m.slot.path.table[(DRAFTING, "submit")]
        return lambda: self._submit(m, dest, e.date)

    def _check_signed(self, e: Event):
        m = self._material(e)
        step = m.slot.path.step_at(m.state)
        if step is None or not step.pre_sign:
            raise _Refuse(f"nothing to sign: the material is {self._where(m)}")
        by = _need(e, "by")
        if not self._is(by, step.link.pre_sign.reviewer):
            raise _Refuse(
                f"'{by}' cannot sign here; the pre-sign is by '{step.link.pre_sign.reviewer}' ({self.view.name(step.link.pre_sign.reviewer)})"
            )
        dest = m.slot.path.table[(m.state, "sign")]
        return lambda: self._move(m, dest, "sign:" + step.link.id, e.date)

    def _check_approved(self, e: Event):
        m, step, reviewer = self._at_link(e)
        if reviewer in m.approvals:
            raise _Refuse(f"'{reviewer}' already approved at link '{step.link.id}'")
        reviewers = step.link.reviewers
        if len(reviewers) > 1 and set(reviewers) - m.approvals - {reviewer}:  # others must still approve
            return lambda: m.approvals.add(reviewer)
        dest = m.slot.path.table[(m.state, "approve")]
        return lambda: self._move(m, dest, step.link.id, e.date)

    def _check_returned(self, e: Event):
        m, step, _ = self._at_link(e)
        dest = m.slot.path.table[(m.state, "return")]

        def change() -> None:
            m.state, m.approvals, m.returns = dest, set(), m.returns + 1
            m.done_links.clear()
            m.passed_on = None

        return change

    # -- helpers --------------------------------------------------------------------------
    def _at_link(self, e: Event):
        m = self._material(e)
        link_id = e.link if e.link is not None else _need(e, "link")
        path = m.slot.path
        if link_id not in path.link_ids:
            raise _Refuse(
                f"unknown link '{link_id}' in chain '{path.chain.id}'{did_you_mean(link_id, set(path.link_ids))}"
            )
        step = path.at_link.get(link_id)
        if step is None:
            raise _Refuse(
                f"link '{link_id}' does not apply to {self.view.subject_label(m.slot.subject)}'s {m.slot.material.name}"
            )
        if m.state != step.state:
            raise _Refuse(f"the material is {self._where(m)}, not at link '{link_id}'")
        by = e.by if e.by is not None else _need(e, "by")
        role_members = self.view.role_members
        for reviewer in step.link.reviewers:
            if by == reviewer or by in role_members.get(reviewer, ()):  # as _is(), without the call
                break
        else:
            names = "、".join(f"'{r}' ({self.view.name(r)})" for r in step.link.reviewers)
            raise _Refuse(f"'{by}' is not a reviewer at link '{link_id}'; it is reviewed by {names}")
        return m, step, reviewer

    def _is(self, by: str, role: str) -> bool:
        return by == role or by in self.view.role_members.get(role, ())

    def _submit(self, m: MaterialState, dest: str, on: dt.date) -> None:
        m.state, m.approvals, m.submitted_on = dest, set(), on
        m.first_submitted_on = m.first_submitted_on or on
        if m.gate_passed:
            m.passed_on = on

    def _move(self, m: MaterialState, dest: str, done: str, on: dt.date) -> None:
        m.state, m.approvals = dest, set()
        m.done_links.append(done)
        if m.passed_on is None and m.gate_passed:
            m.passed_on = on

    def _where(self, m: MaterialState) -> str:
        if m.state == DRAFTING:
            return "in drafting"
        if m.state == PASSED:
            return "through its whole chain"
        return f"at '{m.state}'"


_CHECKS = {
    kind: f"_check_{kind}"
    for kind in ("done", "talk", "submitted", "signed", "approved", "returned", "held", "appraised", "ordered")
}
_TRIGGERS = {
    "done": "prepare",
    "talk": "prepare",
    "submitted": "prepare",
    "signed": "prepare",
    "approved": "prepare",
    "returned": "prepare",
    "held": "hold",
    "appraised": "appraise",
    "ordered": "order",
}


def replay(view: CaseView, *, until: dt.date | None = None) -> CaseState:
    """The state after every event dated on or before ``until`` (all events when None)."""
    state = CaseState(view)
    _run(state, view.case.events, 0, until)
    return state


def replay_as_of(view: CaseView, on: dt.date) -> tuple[CaseState, CaseState]:
    """The state after every event, and the state as of ``on``, from one pass over the events.

    The same as ``replay(view)`` and ``replay(view, until=on)``: the second is copied when
    the first event dated after ``on`` comes, instead of being replayed again.
    """
    state = CaseState(view)
    events = view.case.events
    i = _run(state, events, 0, on)
    if i == len(events):
        return state, state
    early = state.copy()
    _run(state, events, i, None)
    return state, early


def _run(state: CaseState, events: Sequence[Event], i: int, until: dt.date | None) -> int:
    """Apply ``events[i:]`` dated up to ``until``; the index of the first one left (``len(events)`` if none)."""
    n = len(events)
    while i < n:
        if QUICK:
            i = state._quick_run(events, i, until)
            if i == n:
                break
        event = events[i]
        if until is not None and event.date > until:
            break
        state.apply(event, i)
        i += 1
    return i
