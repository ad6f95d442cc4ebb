"""What lifemeeting answers: typed, frozen and JSON-ready."""

# No ``from __future__ import annotations`` here: pydantic would evaluate every field's annotation
# from its text when the class is made (measured: ~1 ms of every command's start-up).
# A class named before it is defined is written in quotes.

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.ruleset.model import GateKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class CitationOut(_Frozen):
    document: str
    section: str
    quote: str


class Receipt(_Frozen):
    """Which rules gave this answer: rule-set id, version, sha256 of its file, engine version."""

    ruleset: str
    version: str
    sha256: str
    engine: str


class Blocker(_Frozen):
    """One reason the meeting cannot be convened yet."""

    rule: str = Field(description="the gate's id in the rule set")
    kind: Literal[GateKind, Literal["stage"]]
    message: str
    citation: CitationOut | None = Field(description="where the rule comes from; absent only for kind 'stage'")
    waiting: bool = Field(False, description="nothing to do but wait until 'until'")
    until: dt.date | None = None
    subject: str | None = Field(None, description="member id or 'team' for a material")
    item: str | None = Field(
        None, description="the task, talk rule or material concerned; for kind stage, the stage the case is at"
    )
    missing_pairs: list[list[str]] = Field(default_factory=list)


class NextAction(_Frozen):
    """Who must do what, by when."""

    rule: str
    who: str
    what: str
    by: dt.date | None = None
    window_start: dt.date | None = None
    overdue: bool = False


class Readiness(_Frozen):
    """The answer to "can this meeting be convened on this date?" with every blocker."""

    convenable: bool
    on: dt.date
    meeting_date: dt.date | None
    meeting_name: str = Field("会议", description="what the rule set calls the meeting (its meeting.name)")
    ruleset: str
    tier: str | None
    tier_name: str | None = None
    unit: str
    blockers: list[Blocker]
    next_actions: list[NextAction]
    earliest_date: dt.date | None = Field(
        description="when only waiting is left: the first day it may be held; null otherwise"
    )
    warnings: list[str] = Field(default_factory=list)
    receipt: Receipt


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
