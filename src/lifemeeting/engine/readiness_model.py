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
        """The model from values the engine has checked, without validating them again.

        What ``model_construct`` does for these models (no aliases, no extra fields, no private
        attributes, no post-init; the tests hold the result to what validation gives), with each
        field's default worked out once per class: ``model_construct`` looks every field up again
        per call and reads a default factory's signature (``inspect.signature`` of ``list``, parsed
        from its text) for every model it makes — a sixth of a bulk answer's time.
        """
        fields: dict[str, Any] = {}
        for name, factory, default in _defaults(cls):
            if name in values:
                fields[name] = values[name]
            elif factory is not None:
                fields[name] = factory()
            elif default is not _REQUIRED:
                fields[name] = default
        model = cls.__new__(cls)
        _set(model, "__dict__", fields)
        _set(model, "__pydantic_fields_set__", set(values))
        _set(model, "__pydantic_extra__", None)
        _set(model, "__pydantic_private__", None)
        return model


_set = object.__setattr__  # as pydantic sets them on a frozen model
_REQUIRED = object()


@cache
def _defaults(cls: type[BaseModel]) -> tuple[tuple[str, Callable[[], Any] | None, Any], ...]:
    """Each field of ``cls`` in order, with its default factory or its default (immutable here), or ``_REQUIRED``."""
    out: list[tuple[str, Callable[[], Any] | None, Any]] = []
    for name, f in cls.model_fields.items():
        if f.default_factory is not None:
            out.append((name, cast("Callable[[], Any]", f.default_factory), None))
        elif f.is_required():
            out.append((name, None, _REQUIRED))
        else:
            assert isinstance(f.default, str | int | float | dt.date | None), f"{cls.__name__}.{name}: a shared default"
            out.append((name, None, f.default))
    return tuple(out)


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
