"""What replaying a case builds: where each material stands, and one record per meeting round."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lifemeeting.case.model import Event
from lifemeeting.engine.chains import DRAFTING
from lifemeeting.engine.stages import PREPARING
from lifemeeting.engine.talks import PairCode
from lifemeeting.engine.view import MaterialSlot

NONE: frozenset[str] = frozenset()  # no approvals yet at the current link: shared by every material without any


@dataclass(slots=True, init=False)
class MaterialState:
    """Where one material stands: its state, approvals given at the current link, returns so far.

    Made in drafting with nothing done (``MaterialState(slot)``: a case makes one per slot, so
    its ``__init__`` is written out instead of taking every field), or copied (``copy``).
    """

    slot: MaterialSlot
    state: str
    approvals: frozenset[str]  # replaced, never changed: copies and moves share the empty one
    returns: int
    submitted_on: dt.date | None
    first_submitted_on: dt.date | None
    passed_on: dt.date | None
    resubmit_by: dt.date | None  # the deadline of the last return, until it is resubmitted
    rework: str | None  # revise / rewrite, as the last return said
    late: tuple[tuple[dt.date, dt.date], ...]  # (deadline, resubmitted on) of each late resubmission

    def __init__(self, slot: MaterialSlot) -> None:
        self.slot = slot
        self.state = DRAFTING
        self.approvals = NONE
        self.returns = 0
        self.late = ()
        self.submitted_on = self.first_submitted_on = self.passed_on = self.resubmit_by = self.rework = None

    def copy(self) -> MaterialState:
        """An independent copy."""
        new = MaterialState.__new__(MaterialState)
        new.slot = self.slot
        new.state = self.state
        new.approvals = self.approvals
        new.returns = self.returns
        new.submitted_on = self.submitted_on
        new.first_submitted_on = self.first_submitted_on
        new.passed_on = self.passed_on
        new.resubmit_by = self.resubmit_by
        new.rework = self.rework
        new.late = self.late
        return new

    @property
    def done_links(self) -> tuple[str, ...]:
        """The pre-signs (``sign:<link>``) and links passed since drafting, in order: where the state is on the path."""
        return self.slot.path.done_before[self.state]

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


@dataclass(frozen=True, slots=True)
class Attendance:
    """A roll call (``attended``): who of the team was present or on leave, and who came from outside."""

    date: dt.date
    present: frozenset[str]
    on_leave: frozenset[str]
    guests: frozenset[str]


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
    talks: dict[PairCode, dt.date]  # by pair code (engine.talks; CaseView.pair gives the ids)
    done: dict[str, dt.date]
    stage: str = PREPARING
    held_on: dt.date | None = None
    duties: dict[str, dt.date] = field(default_factory=dict)
    appraisals: list[AppraisalResult] = field(default_factory=list)
    redo: list[str] = field(default_factory=list)
    attendance: Attendance | None = None
    granted: dict[str, dt.date] = field(default_factory=dict)  # approval id → the day it was granted
    ratings: dict[str, dict[str, tuple[str, dt.date]]] = field(default_factory=dict)  # appraisal → member → level, day
    deadline: dt.date | None = None  # an order's due: the day what it sends back must be done again

    @property
    def needs_meeting(self) -> bool:
        return self.kind != "redo"


def _copy_material(m: MaterialState) -> MaterialState:
    return m.copy()


def _copy_round(r: Round) -> Round:
    materials = {key: _copy_material(m) for key, m in r.materials.items()}
    return Round(
        r.number,
        r.kind,
        r.started_on,
        r.cause,
        materials,
        dict(r.talks),
        dict(r.done),
        r.stage,
        r.held_on,
        dict(r.duties),
        list(r.appraisals),
        list(r.redo),
        r.attendance,
        dict(r.granted),
        {a: dict(given) for a, given in r.ratings.items()},
        r.deadline,
    )


class _Refuse(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


def _need(e: Event, name: str) -> Any:
    value = getattr(e, name)
    if value is None:
        raise _Refuse(f"'{e.type}' 事件须给出 '{name}'")
    return value
