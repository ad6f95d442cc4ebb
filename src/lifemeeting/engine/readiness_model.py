"""The answer to "can this meeting be convened on this date?": typed, frozen and JSON-ready.

``Readiness`` with its ``Blocker``s, ``NextAction``s, ``CitationOut``s and ``Receipt``: all that
``lifemeeting check`` builds, in a module of their own so that it does not make the models only
``status`` answers with (``engine/answer_model.py``, which also re-exports these).
"""

# No ``from __future__ import annotations`` here: pydantic would evaluate every field's annotation
# from its text when the class is made (measured: ~1 ms of every command's start-up).

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, Self, cast

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.ruleset.model import GateKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    @classmethod
    def built(cls, **values: Any) -> Self:
        """The model from values the engine has checked, without validating them again (``model_construct``).

        A field with a default factory that is not given gets a fresh value here: pydantic's
        ``model_construct`` would read the factory's signature (``inspect.signature`` of ``list``,
        parsed from its text) for every model it makes, a sixth of a bulk answer's time.
        """
        for name, factory in _factories(cls):
            if name not in values:
                values[name] = factory()
        return cast("Self", cls.model_construct(**values))


@cache
def _factories(cls: type[BaseModel]) -> tuple[tuple[str, Callable[[], Any]], ...]:
    """Each field of ``cls`` whose default comes from a factory taking no argument, with the factory."""
    return tuple(
        (name, cast("Callable[[], Any]", f.default_factory))
        for name, f in cls.model_fields.items()
        if f.default_factory is not None
    )


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
