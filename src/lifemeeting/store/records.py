"""What the store keeps and hands out: stored events with their audit facts, case records, exports."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.case.model import Case, Event
from lifemeeting.engine.answer_model import Receipt

EXPORT_FORMAT: Literal["lifemeeting-case/1"] = "lifemeeting-case/1"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StoredEvent(_Frozen):
    """One recorded event and its audit trail: who recorded it, when (server time), under which rules."""

    seq: int = Field(ge=1, description="1-based position in the case's stream; the case's version after it")
    event: Event
    recorded_by: str = Field(description="the actor whose token recorded it")
    recorded_at: dt.datetime = Field(description="server time, UTC")
    idempotency_key: str | None = None
    receipt: Receipt = Field(description="the rule set (id, version, sha256) and engine the event was checked under")


class CaseRecord(_Frozen):
    """A stored case: its id, who opened it and when, its version, and the case document with every event."""

    id: str
    version: int = Field(ge=0, description="number of events recorded; send it back as expected_version")
    created_by: str
    created_at: dt.datetime
    case: Case


class CaseSummary(_Frozen):
    id: str
    ruleset: str
    unit: str
    version: int
    created_by: str
    created_at: dt.datetime


class CaseExport(_Frozen):
    """One case moved between stores: header and every stored event with its audit facts, unchanged."""

    format: Literal["lifemeeting-case/1"] = EXPORT_FORMAT
    id: str
    created_by: str
    created_at: dt.datetime
    case: Case = Field(description="the case without events")
    events: list[StoredEvent]
