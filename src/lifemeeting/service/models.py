"""Request and response bodies that are the service's own; answers are the library's models."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.case.model import Case, Event
from lifemeeting.engine.answer_model import Readiness, Receipt
from lifemeeting.ruleset.model import RuleSet
from lifemeeting.service.errors import ErrorOut

CASE_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"
BULK_LIMIT = 1000


class _In(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CreateCase(_In):
    """A new case: its id (the server makes one when omitted) and the case document; events in it are recorded too."""

    id: str | None = Field(None, pattern=CASE_ID, description="letters, digits, '.', '_' and '-'; at most 128")
    case: Case


class AppendEvent(_In):
    """One event to record, and the version the caller last read (omit to append on top of whatever is there)."""

    event: Event
    expected_version: int | None = Field(None, ge=0, description="the case's version as read; a newer one answers 409")


class BulkReadiness(_In):
    """Readiness of many cases on one day: stored ones by id, and case documents given inline."""

    on: dt.date
    case_ids: list[str] = Field(default_factory=list, max_length=BULK_LIMIT)
    cases: list[Case] = Field(default_factory=list, max_length=BULK_LIMIT, description="case documents not stored here")


class BulkItem(BaseModel):
    case: str = Field(description="the stored case's id, or 'cases[N]' for an inline one")
    readiness: Readiness | None = None
    error: ErrorOut | None = None


class TopBlocker(BaseModel):
    ruleset: str
    rule: str
    name: str
    cases: int


class OverdueOwner(BaseModel):
    who: str
    actions: int


class BulkSummary(BaseModel):
    cases: int
    convenable: int
    blocked: int
    errors: int
    top_blockers: list[TopBlocker]
    overdue_by_owner: list[OverdueOwner]


class BulkAnswer(BaseModel):
    on: dt.date
    answers: list[BulkItem]
    summary: BulkSummary


class RuleSetSummary(BaseModel):
    id: str
    version: str
    title: str
    source: str | None
    tiers: list[str]
    sha256: str


class RuleSetDocument(BaseModel):
    """A whole rule set and the receipt that identifies it."""

    receipt: Receipt
    ruleset: RuleSet


class Health(BaseModel):
    status: str
    engine: str
    store: str | None
    auth: str = Field(description="'tokens' or 'open' (no tokens file: loopback only, every request is 'local')")


def json_schema_of(what: str) -> dict[str, Any]:
    """The JSON Schema of a library model by short name."""
    from lifemeeting.answers.timeline_model import Timeline
    from lifemeeting.engine.answer_model import Status

    models: dict[str, type[BaseModel]] = {
        "ruleset": RuleSet,
        "case": Case,
        "event": Event,
        "answer": Readiness,
        "status": Status,
        "timeline": Timeline,
    }
    return models[what].model_json_schema(by_alias=True)


SCHEMAS = ("ruleset", "case", "event", "answer", "status", "timeline")
