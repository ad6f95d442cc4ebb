"""Replaying a case's events: each is checked against the rules before anything changes.

An event that is not allowed raises ``EventRefused`` with its index and the reason;
the state stays as it was before that event, and no later event is applied.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ._case_model import Event
from ._chains import DRAFTING, PASSED
from ._errors import EventRefused
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

    @property
    def gate_passed(self) -> bool:
        return self.state in self.slot.path.gate_states


class CaseState:
    """Everything the events of a case have established so far."""

    def __init__(self, view: CaseView) -> None:
        self.view = view
        self.materials = {key: MaterialState(slot) for key, slot in view.slots.items()}
        self.talks: dict[Pair, dt.date] = {}
        self.done: dict[str, dt.date] = {}
        self.last_date: dt.date | None = None
        self.applied = 0

    # -- the one way in -------------------------------------------------------------------
    def apply(self, event: Event, index: int | None = None) -> None:
        """Apply ``event`` or raise ``EventRefused``; on refusal nothing changes."""
        idx = self.applied if index is None else index
        try:
            change = self._check(event)
        except _Refuse as exc:
            location = None
            v = self.view
            if v._located is not None:
                line, col = v._located.where(("events", idx))
                location = f"{v.origin}:{line}:{col}"
            raise EventRefused(idx, event.type, exc.reason, location=location) from None
        change()
        self.last_date = event.date
        self.applied += 1

    def _check(self, e: Event):  # returns the change to make once every check has passed
        if self.last_date is not None and e.date < self.last_date:
            raise _Refuse(f"dated {e.date}, earlier than the event before it ({self.last_date})")
        return getattr(self, f"_check_{e.type}")(e)

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
        if task in self.done:
            raise _Refuse(f"task '{task}' was already recorded as done on {self.done[task]}")
        return lambda: self.done.__setitem__(task, e.date)

    def _check_talk(self, e: Event):
        v = self.view
        parties = []
        for p in e.between or _need(e, "between"):
            resolved = v.resolve_party(p)
            if resolved is None:
                candidates = v.parties | set(v.role_members)
                raise _Refuse(f"unknown talk party '{p}'{did_you_mean(p, candidates)}; a party is a member id, a role id, 'head:<department>' or a name from the case's lists")
            parties.append(resolved)
        if parties[0] == parties[1]:
            raise _Refuse(f"a talk needs two different people, but both are '{parties[0]}'")
        pair = frozenset(parties)
        return lambda: self.talks.setdefault(pair, e.date)

    def _material(self, e: Event) -> MaterialState:
        v = self.view
        material = _need(e, "material")
        subject = _need(e, "subject")
        if material not in {m.id for m in v.rules.materials}:
            raise _Refuse(f"unknown material '{material}'{did_you_mean(material, {m.id for m in v.rules.materials})}")
        if subject != TEAM and subject not in v.members:
            raise _Refuse(f"unknown member '{subject}'{did_you_mean(subject, set(v.members) | {TEAM})}; use 'team' for the team's own material")
        state = self.materials.get((material, subject))
        if state is None:
            raise _Refuse(f"{v.subject_label(subject)} does not write a '{material}' under this rule set")
        return state

    def _check_submitted(self, e: Event):
        m = self._material(e)
        if m.state != DRAFTING:
            raise _Refuse(f"already submitted; it is {self._where(m)}")
        dest = m.slot.path.table[(DRAFTING, "submit")]

        def change() -> None:
            m.state, m.approvals, m.submitted_on = dest, set(), e.date
            m.first_submitted_on = m.first_submitted_on or e.date

        return change

    def _check_signed(self, e: Event):
        m = self._material(e)
        step = m.slot.path.step_at(m.state)
        if step is None or not step.pre_sign:
            raise _Refuse(f"nothing to sign: the material is {self._where(m)}")
        by = _need(e, "by")
        if not self._is(by, step.link.pre_sign.reviewer):
            raise _Refuse(f"'{by}' cannot sign here; the pre-sign is by '{step.link.pre_sign.reviewer}' ({self.view.name(step.link.pre_sign.reviewer)})")
        dest = m.slot.path.table[(m.state, "sign")]
        return lambda: self._move(m, dest, "sign:" + step.link.id)

    def _check_approved(self, e: Event):
        m, step, reviewer = self._at_link(e)
        if reviewer in m.approvals:
            raise _Refuse(f"'{reviewer}' already approved at link '{step.link.id}'")
        pending = set(step.link.reviewers) - m.approvals - {reviewer}
        if pending:
            return lambda: m.approvals.add(reviewer)
        dest = m.slot.path.table[(m.state, "approve")]
        return lambda: self._move(m, dest, step.link.id)

    def _check_returned(self, e: Event):
        m, step, _ = self._at_link(e)
        dest = m.slot.path.table[(m.state, "return")]

        def change() -> None:
            m.state, m.approvals, m.returns = dest, set(), m.returns + 1
            m.done_links.clear()

        return change

    # -- helpers --------------------------------------------------------------------------
    def _at_link(self, e: Event):
        m = self._material(e)
        link_id = _need(e, "link")
        path = m.slot.path
        chain_links = {l.id for l in path.chain.links}
        if link_id not in chain_links:
            raise _Refuse(f"unknown link '{link_id}' in chain '{path.chain.id}'{did_you_mean(link_id, chain_links)}")
        if link_id not in {s.link.id for s in path.steps}:
            raise _Refuse(f"link '{link_id}' does not apply to {self.view.subject_label(m.slot.subject)}'s {m.slot.material.name}")
        step = path.step_at("at:" + link_id)
        if m.state != step.state:
            raise _Refuse(f"the material is {self._where(m)}, not at link '{link_id}'")
        by = _need(e, "by")
        reviewer = next((r for r in step.link.reviewers if self._is(by, r)), None)
        if reviewer is None:
            names = "、".join(f"'{r}' ({self.view.name(r)})" for r in step.link.reviewers)
            raise _Refuse(f"'{by}' is not a reviewer at link '{link_id}'; it is reviewed by {names}")
        return m, step, reviewer

    def _is(self, by: str, role: str) -> bool:
        return by == role or by in self.view.role_members.get(role, ())

    def _move(self, m: MaterialState, dest: str, done: str) -> None:
        m.state, m.approvals = dest, set()
        m.done_links.append(done)

    def _where(self, m: MaterialState) -> str:
        if m.state == DRAFTING:
            return "in drafting"
        if m.state == PASSED:
            return "through its whole chain"
        return f"at '{m.state}'"


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
    for i, event in enumerate(view.case.events):
        if until is not None and event.date > until:
            break
        state.apply(event, i)
    return state
