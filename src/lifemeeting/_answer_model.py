"""What lifemeeting answers: typed, frozen and JSON-ready."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    kind: Literal["tasks_done", "talks_covered", "materials_passed", "lead_time", "min_length"]
    message: str
    citation: CitationOut
    waiting: bool = Field(False, description="nothing to do but wait until 'until'")
    until: dt.date | None = None
    subject: str | None = Field(None, description="member id or 'team' for a material")
    item: str | None = Field(None, description="the task, talk rule or material concerned")
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
    ruleset: str
    tier: str | None
    unit: str
    blockers: list[Blocker]
    next_actions: list[NextAction]
    earliest_date: dt.date | None = Field(description="when only waiting is left: the first day it may be held; null otherwise")
    warnings: list[str] = Field(default_factory=list)
    receipt: Receipt
