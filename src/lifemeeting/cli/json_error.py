"""Bad input under ``--json``: one JSON object on stdout, in the service's error shape, as well as the message.

``{"error": {"code", "message", "file", "line", "column", …}}``: ``code`` and the other fields are
named as in the service's error bodies (docs/service.md): ``invalid_case`` (``invalid_ruleset`` for
a rule-set file) with every ``problems`` entry (``file``, ``line``, ``column``, ``message``),
``event_refused`` with ``index``, ``event_type`` and ``reason``, ``unknown_ruleset``,
``query_error``, ``not_found``, ``renderer_missing``, ``store_unavailable``, ``invalid`` (a date too
far out), and for the command line itself ``usage`` (a bad option or argument, such as a date that
is not YYYY-MM-DD; ``option`` names it) and ``file`` (a file that cannot be read or written).
``file``, ``line`` and ``column`` say where, when the error knows it; the exit code is the
command's as without ``--json``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import click

from lifemeeting.errors import (
    DATE_OUT_OF_RANGE,
    CaseExists,
    CaseNotFound,
    EventRefused,
    HistoryBroken,
    IdempotencyConflict,
    LifemeetingError,
    QueryError,
    RendererMissing,
    RuleSetError,
    SourceError,
    StoreUnavailable,
    UnknownRuleSet,
    VersionConflict,
)

_CODES: list[tuple[type[LifemeetingError], str]] = [
    (EventRefused, "event_refused"),
    (RuleSetError, "invalid_ruleset"),
    (SourceError, "invalid_case"),
    (UnknownRuleSet, "unknown_ruleset"),
    (QueryError, "query_error"),
    (CaseNotFound, "not_found"),
    (CaseExists, "case_exists"),
    (VersionConflict, "version_conflict"),
    (IdempotencyConflict, "idempotency_conflict"),
    (RendererMissing, "renderer_missing"),
    (HistoryBroken, "history_broken"),
    (StoreUnavailable, "store_unavailable"),
]
_PLACE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+)$")


def wants_json(argv: list[str]) -> bool:
    """Whether the command line asks for JSON (``--json`` before any ``--``)."""
    for arg in argv:
        if arg == "--":
            return False
        if arg == "--json":
            return True
    return False


def body(code: str, message: str, **where: Any) -> str:
    """The JSON text of an error: ``{"error": {"code": …, "message": …, …}}``, fields that do not apply left out."""
    error = {"code": code, "message": message} | {k: v for k, v in where.items() if v is not None}
    return json.dumps({"error": error}, ensure_ascii=False, indent=2)


def library_error(exc: LifemeetingError) -> str:
    """The JSON text of an error the library raised."""
    code = next((c for kind, c in _CODES if isinstance(exc, kind)), "invalid")
    if isinstance(exc, EventRefused):
        place = _PLACE.match(exc.location or "")
        return body(
            code,
            str(exc),
            **(_where(place.group("file"), place.group("line"), place.group("column")) if place else {}),
            index=exc.index,
            event_type=exc.event_type,
            reason=exc.reason,
        )
    if isinstance(exc, SourceError) and exc.problems:
        first = exc.problems[0]
        problems = [{"file": p.file, "line": p.line, "column": p.column, "message": p.message} for p in exc.problems]
        return body(code, str(exc), **_where(first.file, first.line, first.column), problems=problems)
    return body(code, str(exc))


def _where(file: str, line: int | str, column: int | str) -> dict[str, Any]:
    return {"file": file, "line": int(line), "column": int(column)}


def for_exception(exc: Exception) -> str:
    """The JSON text of whatever stopped the command (``cli.main`` catches the same kinds)."""
    if isinstance(exc, LifemeetingError):
        return library_error(exc)
    if isinstance(exc, click.ClickException):
        param = exc.param if isinstance(exc, click.BadParameter) else None
        return body("usage", exc.format_message(), option=param.opts[0] if param and param.opts else None)
    if isinstance(exc, OverflowError):
        return body("invalid", f"{DATE_OUT_OF_RANGE} ({exc})")
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename is not None else ""
        return body("file", f"{where}{exc.strerror or exc}", file=exc.filename)
    return body("internal", f"{type(exc).__name__}: {exc}")
