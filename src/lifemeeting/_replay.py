"""Replaying a case's events: each is checked against the rules before anything changes.

An event that is not allowed raises ``EventRefused`` with its index and the reason;
the state stays as it was before that event, and no later event is applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ._case_model import Event
from ._chains import DRAFTING, PASSED
from ._errors import EventRefused
from ._numbers import meets
from ._quick import quick_run
from ._stages import HELD, PREPARING, REDOING, STAGE_NAMES, allowed_pairs, table
from ._talks import Pair
from ._validation import did_you_mean
from ._view import TEAM, CaseView, MaterialSlot


@dataclass(slots=True)
class MaterialState:
    """Where one material stands: its state, approvals given at the current link, returns so far."""

    slot: MaterialSlot
    state: str = DRAFTING
    approvals: set[str] = field(default_factory=set)
    returns: int = 0
    submitted_on: dt.date | None = None
    first_submitted_on: dt.date | None = None
    done_links: list[str] = field(default_factory=list)
    passed_on: dt.date | None = None

    @property
    def gate_passed(self) -> bool:
        return self.state in self.slot.path.gate_states


@dataclass(slots=True)
class AppraisalResult:
    appraisal: str
    date: dt.date
    satisfied: int
    total: int
    passed: bool


@dataclass(slots=True)
class Round:
    """One round of the meeting: the first, a redo (返工补课) or a reconvened meeting (重新召开).

    Each round keeps its own record; a new round starts from copies, so nothing of an
    earlier round is overwritten.
    """

    number: int
    kind: str  # "initial", "redo" or "reconvene"
    started_on: dt.date | None
    cause: str | None
    materials: dict[tuple[str, str], MaterialState]
    talks: dict[Pair, dt.date]
    done: dict[str, dt.date]
    stage: str = PREPARING
    held_on: dt.date | None = None
    duties: dict[str, dt.date] = field(default_factory=dict)
    appraisals: list[AppraisalResult] = field(default_factory=list)
    redo: list[str] = field(default_factory=list)

    @property
    def needs_meeting(self) -> bool:
        return self.kind != "redo"


QUICK = True  # take ``CaseState._quick`` for ordinary events; tests turn it off to compare


class CaseState:
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
        trigger = "record_duty" if (kind == "done" and e.task in self._duty_set) or e.material in self._after_set else _TRIGGERS[kind]
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
            return f"'{e.task}' is a post-meeting duty; the meeting has not been held in round {r.number}" if self.stage == PREPARING else stage
        if trigger == "hold":
            return f"the meeting of round {r.number} was already held on {r.held_on}" if r.held_on else stage
        if trigger == "appraise":
            return f"an appraisal comes after the meeting; {stage}"
        return f"{stage}; preparation events are not taken now"

    # -- stages and rounds ------------------------------------------------------------------
    def _settle(self, on: dt.date) -> None:
        """Move on by themselves: a redo whose steps are all done, a round whose duties are all done."""
        r = self.round
        if r.stage == REDOING and self._redo_complete():
            r.stage = table(self._redo, self._reconvene)[(REDOING, "finish_redo", "ok")]
        if r.stage == HELD and self._complete():
            r.stage = table(self._redo, self._reconvene)[(HELD, "close", "ok")]

    def _redo_complete(self) -> bool:
        r, v = self.round, self.view
        for item in r.redo:
            if item in v.task_by_id and item not in (r.duties if item in self._duty_ids else r.done):
                return False
            if item in v.required and any(p not in r.talks for p in v.required[item]):
                return False
            if any(k[0] == item and not m.gate_passed for k, m in r.materials.items()):
                return False
        return True

    def _complete(self) -> bool:
        r, v = self.round, self.view
        if any(d.id not in r.duties for d in v.duties):
            return False
        if any(key[0] in self._after_set and not m.gate_passed for key, m in r.materials.items()):
            return False
        needed = [a.id for a in self._appraisals() if a.threshold]
        return all(any(x.appraisal == a and x.passed for x in r.appraisals) for a in needed)

    def _appraisals(self):
        tier = self.view.tier
        return [a for a in self.view.rules.appraisals if a.tiers is None or tier in a.tiers]

    def _new_round(self, trigger: str, kind: str, on: dt.date, cause: str, redo: list[str]) -> Round:
        old = self.round
        materials = {}
        for key, m in old.materials.items():
            fresh = key[0] in redo or (kind == "reconvene" and key[0] in self._after_set)  # a new meeting, new reports
            materials[key] = MaterialState(m.slot) if fresh else _copy_material(m)
        redo_pairs = {p for item in redo for p in self.view.required.get(item, ())}
        talks = {p: d for p, d in old.talks.items() if p not in redo_pairs}
        done = {t: d for t, d in old.done.items() if t not in redo}
        new = Round(old.number + 1, kind, on, cause, materials, talks, done)
        new.stage = table(self._redo, self._reconvene)[(old.stage, trigger, kind)]
        if kind == "redo":
            new.held_on = old.held_on
            new.duties = {d: x for d, x in old.duties.items() if d not in redo}
        new.redo = list(redo)
        return new

    def _consequence(self, trigger: str, on: dt.date, kind: str, cause: str, redo: list[str]):
        """The change a failed appraisal or an order makes: reset steps, maybe start a round."""
        if kind == "restart":
            v = self.view
            redo = [t.id for t in v.tasks] + list(v.required) + sorted({k[0] for k in self.materials})
            kind = "reconvene" if self.round.held_on else "redo"
        if kind == "redo" and self.round.held_on is None:  # before the meeting: repeat in this round
            def change() -> None:
                r = self.round
                for key, m in list(r.materials.items()):
                    if key[0] in redo:
                        r.materials[key] = MaterialState(m.slot)
                pairs = {p for item in redo for p in self.view.required.get(item, ())}
                for p in pairs:
                    r.talks.pop(p, None)
                for t in redo:
                    r.done.pop(t, None)
            return change
        return lambda: self.rounds.append(self._new_round(trigger, kind, on, cause, redo))

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

    def _check_held(self, e: Event):
        from ._readiness import readiness

        answer = readiness(self, e.date)
        if not answer.convenable:
            reasons = "; ".join(b.message for b in answer.blockers)
            raise _Refuse(f"the meeting may not be held on {e.date}: {reasons}")

        def change() -> None:
            self.round.held_on = e.date
            self.round.stage = table(self._redo, self._reconvene)[(PREPARING, "hold", "ok")]

        return change

    def _check_appraised(self, e: Event):
        appraisal_id = _need(e, "appraisal")
        known = {a.id: a for a in self._appraisals()}
        if appraisal_id not in known:
            raise _Refuse(f"unknown appraisal '{appraisal_id}'{did_you_mean(appraisal_id, set(known))}")
        a = known[appraisal_id]
        satisfied, total = _need(e, "satisfied"), _need(e, "total")
        if total == 0:
            raise _Refuse("a survey with zero votes has no result; record the votes cast")
        if satisfied > total:
            raise _Refuse(f"{satisfied} satisfied votes out of {total} cast is not possible")
        passed = a.threshold is None or meets(a.threshold, satisfied, total)
        result = AppraisalResult(appraisal_id, e.date, satisfied, total, passed)
        if passed or a.below is None:
            return lambda: self.round.appraisals.append(result)
        then = self._consequence("appraise", e.date, a.below, f"{a.name}满意率{satisfied}/{total}低于{a.threshold}", list(a.redo))

        def change() -> None:
            self.round.appraisals.append(result)
            then()

        return change

    def _check_ordered(self, e: Event):
        v = self.view
        order_id = _need(e, "order")
        orders = {o.id: o for o in v.rules.orders if o.tiers is None or v.tier in o.tiers}
        if order_id not in orders:
            raise _Refuse(f"unknown order '{order_id}'{did_you_mean(order_id, set(orders))}")
        o = orders[order_id]
        if o.consequence == "reconvene" and self.round.held_on is None:
            raise _Refuse(f"'{order_id}' ({o.name}) needs a meeting that was held; the case is at stage '{self.stage}'")
        return self._consequence("order", e.date, o.consequence, o.name + (f"：{e.reason}" if e.reason else ""), list(o.redo))

    def _check_talk(self, e: Event):
        v = self.view
        members = v.members
        parties = []
        for p in e.between or _need(e, "between"):
            resolved = p if p in members else v.resolve_party(p)
            if resolved is None:
                candidates = v.parties | set(v.role_members)
                raise _Refuse(f"unknown talk party '{p}'{did_you_mean(p, candidates)}; a party is a member id, a role id, 'head:<department>' or a name from the case's lists")
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
            raise _Refuse(f"unknown member '{subject}'{did_you_mean(subject, set(v.members) | {TEAM})}; use 'team' for the team's own material")
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
            raise _Refuse(f"'{by}' cannot sign here; the pre-sign is by '{step.link.pre_sign.reviewer}' ({self.view.name(step.link.pre_sign.reviewer)})")
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
            raise _Refuse(f"unknown link '{link_id}' in chain '{path.chain.id}'{did_you_mean(link_id, set(path.link_ids))}")
        step = path.at_link.get(link_id)
        if step is None:
            raise _Refuse(f"link '{link_id}' does not apply to {self.view.subject_label(m.slot.subject)}'s {m.slot.material.name}")
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


_CHECKS = {kind: f"_check_{kind}" for kind in ("done", "talk", "submitted", "signed", "approved", "returned", "held", "appraised", "ordered")}
_TRIGGERS = {
    "done": "prepare", "talk": "prepare", "submitted": "prepare", "signed": "prepare",
    "approved": "prepare", "returned": "prepare", "held": "hold", "appraised": "appraise", "ordered": "order",
}


def _copy_material(m: MaterialState) -> MaterialState:
    return MaterialState(m.slot, m.state, set(m.approvals), m.returns, m.submitted_on, m.first_submitted_on, list(m.done_links), m.passed_on)


def _copy_round(r: Round) -> Round:
    materials = {key: _copy_material(m) for key, m in r.materials.items()}
    return Round(r.number, r.kind, r.started_on, r.cause, materials, dict(r.talks), dict(r.done), r.stage, r.held_on, dict(r.duties), list(r.appraisals), list(r.redo))


class _Refuse(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _need(e: Event, name: str):
    value = getattr(e, name)
    if value is None:
        raise _Refuse(f"a '{e.type}' event needs '{name}'")
    return value


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
