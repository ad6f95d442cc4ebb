"""What lifemeeting answers: typed, frozen and JSON-ready.

The answer of ``check`` (``Readiness`` and what it holds) is defined in ``engine/readiness_model.py``
and re-exported here; this module adds what ``status`` answers (``Status``, its rounds and duties).
"""

# No ``from __future__ import annotations`` here: pydantic would evaluate every field's annotation
# from its text when the class is made (measured: ~1 ms of every command's start-up).

import datetime as dt
from typing import Literal

from pydantic import Field

from lifemeeting.engine.readiness_model import Blocker, CitationOut, NextAction, Readiness, Receipt, _Frozen

__all__ = [
    "AppraisalOut",
    "Blocker",
    "CitationOut",
    "DutyStatus",
    "NextAction",
    "RatingOut",
    "Readiness",
    "Receipt",
    "RoundStatus",
    "Status",
]


class DutyStatus(_Frozen):
    """One post-meeting duty (or redo step) in one round."""

    id: str
    name: str
    owner: str | None
    by: dt.date | None
    window_start: dt.date | None = None
    done_on: dt.date | None
    status: Literal["done", "open", "overdue"]
    citation: CitationOut
    member: str | None = Field(None, description="a duty owed per rated member: the member's id")
    owed: Literal["again", "carried"] | None = Field(
        None,
        description=(
            "in a later round: again — to be done (anew) in this round; carried — its record carried over from"
            " the round before"
        ),
    )


class AppraisalOut(_Frozen):
    appraisal: str
    name: str
    date: dt.date
    satisfied: int
    total: int
    rate: float
    threshold: str | None
    passed: bool


class RatingOut(_Frozen):
    """One member's level in a rating appraisal (民主评议党员), as recorded in one round."""

    appraisal: str
    name: str
    member: str
    member_name: str
    level: str
    level_name: str
    date: dt.date


class RoundStatus(_Frozen):
    """One round's own record: the first meeting, a redo (返工补课) or a reconvened meeting."""

    number: int
    kind: Literal["initial", "redo", "reconvene"]
    cause: str | None
    started_on: dt.date | None
    held_on: dt.date | None
    stage: str
    redo: list[DutyStatus] = Field(description="steps this round must repeat, done or open")
    duties: list[DutyStatus]
    appraisals: list[AppraisalOut]
    ratings: list[RatingOut] = Field(default_factory=list, description="each rated member's level, per appraisal")
    deadline: dt.date | None = Field(None, description="the day an order gave for what it sent back (its due)")


class Status(_Frozen):
    """Where a case stands: its stage and round, what is done, what is due next, what is overdue."""

    stage: Literal["preparing", "held", "redoing", "closed"]
    stage_name: str
    round: int
    on: dt.date
    unit: str
    rounds: list[RoundStatus]
    due_next: list[DutyStatus]
    overdue: list[DutyStatus]
    readiness: Readiness | None = Field(description="while preparing: the answer to whether it can be convened")
    warnings: list[str] = Field(
        default_factory=list, description="what is reported but blocks nothing: a rating's limit that only flags"
    )
    receipt: Receipt
