"""Every refusal of the service is one JSON shape, ``ErrorOut``, carrying what the library said.

The status says what a client may do next: 401 send a token, 403 use another actor's
token, 404 check the id, 409 read the case again (it moved on), 422 fix the request or
the event (``code`` says which: ``invalid`` with ``fields``, ``event_refused`` with the
engine's ``index``, ``reason`` and, for a refused ``held``, the readiness ``blockers``
with their rule ids and citations), 501 install what the message names, 503 try again
later (the event store cannot be reached).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from lifemeeting.engine.answer_model import Blocker
from lifemeeting.errors import (
    DATE_OUT_OF_RANGE,
    EventRefused,
    LifemeetingError,
    QueryError,
    RendererMissing,
    SourceError,
    StoreUnavailable,
    UnknownRuleSet,
)
from lifemeeting.store import CaseExists, CaseNotFound, HistoryBroken, IdempotencyConflict, VersionConflict

log = logging.getLogger("lifemeeting.service")


class FieldError(BaseModel):
    """One malformed part of a request: where (``field``, dotted; ``loc`` as FastAPI gives it) and what."""

    model_config = ConfigDict(frozen=True)
    field: str
    loc: list[str | int]
    message: str


class SourceProblem(BaseModel):
    """A problem in a case document, as the library reports it for files."""

    model_config = ConfigDict(frozen=True)
    file: str
    line: int
    column: int
    message: str


class ErrorOut(BaseModel):
    """Why a request was refused. Nothing was written."""

    model_config = ConfigDict(frozen=True)
    status: int
    code: str = Field(
        description="unauthorized, forbidden, invalid, invalid_case, event_refused, not_found, unknown_ruleset, "
        "query_error, case_exists, version_conflict, idempotency_conflict, renderer_missing, history_broken, "
        "store_unavailable, internal"
    )
    message: str
    fields: list[FieldError] = Field(default_factory=list, description="for 'invalid': each malformed field")
    problems: list[SourceProblem] = Field(
        default_factory=list, description="for 'invalid_case': the library's problems"
    )
    index: int | None = Field(None, description="for 'event_refused': the event's 0-based index in the case")
    event_type: str | None = None
    reason: str | None = Field(None, description="for 'event_refused': the engine's reason")
    blockers: list[Blocker] = Field(
        default_factory=list, description="for a refused 'held': every blocker, with rule id and citation"
    )
    expected_version: int | None = Field(None, description="for 'version_conflict'")
    current_version: int | None = Field(None, description="for 'version_conflict'")


class ServiceError(Exception):
    """A refusal decided by the service itself (authentication, permission, request checks)."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.out = ErrorOut(status=status, code=code, message=message, **extra)


def unauthorized(message: str) -> ServiceError:
    return ServiceError(401, "unauthorized", message)


def forbidden(message: str) -> ServiceError:
    return ServiceError(403, "forbidden", message)


def invalid(fields: list[FieldError], message: str | None = None) -> ServiceError:
    return ServiceError(422, "invalid", message or "; ".join(f"{f.field}: {f.message}" for f in fields), fields=fields)


def refused(exc: EventRefused, blockers: list[Blocker] | None = None) -> ServiceError:
    return ServiceError(
        422,
        "event_refused",
        str(exc),
        index=exc.index,
        event_type=exc.event_type,
        reason=exc.reason,
        blockers=blockers or [],
    )


def from_library(exc: LifemeetingError) -> ErrorOut:
    """The HTTP form of an error the library or the store raised."""
    message = str(exc)
    if isinstance(exc, EventRefused):
        return refused(exc).out
    if isinstance(exc, SourceError):
        problems = [SourceProblem(file=p.file, line=p.line, column=p.column, message=p.message) for p in exc.problems]
        return ErrorOut(status=422, code="invalid_case", message=message, problems=problems)
    if isinstance(exc, VersionConflict):
        return ErrorOut(
            status=409,
            code="version_conflict",
            message=message,
            expected_version=exc.expected,
            current_version=exc.current,
        )
    simple: list[tuple[type[LifemeetingError], int, str]] = [
        (CaseNotFound, 404, "not_found"),
        (UnknownRuleSet, 404, "unknown_ruleset"),
        (QueryError, 404, "query_error"),
        (CaseExists, 409, "case_exists"),
        (IdempotencyConflict, 409, "idempotency_conflict"),
        (RendererMissing, 501, "renderer_missing"),
        (HistoryBroken, 500, "history_broken"),
        (StoreUnavailable, 503, "store_unavailable"),
    ]
    for kind, status, code in simple:
        if isinstance(exc, kind):
            return ErrorOut(status=status, code=code, message=message)
    return ErrorOut(status=422, code="invalid", message=message)


def respond(out: ErrorOut, headers: dict[str, str] | None = None) -> JSONResponse:
    """The error as JSON; top-level fields that do not apply are left out, nested answers are kept whole."""
    body = {k: v for k, v in out.model_dump(mode="json").items() if v is not None}
    return JSONResponse(body, status_code=out.status, headers=headers)


def field_errors(errors: list[dict[str, Any]]) -> list[FieldError]:
    """FastAPI's validation errors as ``FieldError``s; ``field`` drops the leading 'body' / 'query'."""
    out = []
    for e in errors:
        loc = [p if isinstance(p, int) else str(p) for p in e.get("loc", ())]
        shown = loc[1:] if loc and loc[0] in ("body", "query", "path", "header") and len(loc) > 1 else loc
        out.append(FieldError(field=".".join(map(str, shown)) or "body", loc=loc, message=e.get("msg", "invalid")))
    return out


def install(app: FastAPI) -> None:
    """Route every refusal through ``ErrorOut``."""

    @app.exception_handler(ServiceError)
    async def _service(_: Request, exc: ServiceError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.out.status == 401 else None
        return respond(exc.out, headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return respond(invalid(field_errors(list(exc.errors()))).out)

    @app.exception_handler(LifemeetingError)
    async def _library(_: Request, exc: LifemeetingError) -> JSONResponse:
        return respond(from_library(exc))

    @app.exception_handler(OverflowError)
    async def _far_date(_: Request, exc: OverflowError) -> JSONResponse:  # e.g. move_to=9999-12-31
        return respond(ErrorOut(status=422, code="invalid", message=f"{DATE_OUT_OF_RANGE} ({exc})"))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return respond(ErrorOut(status=exc.status_code, code=code, message=str(exc.detail)))

    @app.exception_handler(Exception)
    async def _internal(_: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error")
        return respond(
            ErrorOut(status=500, code="internal", message=f"internal error ({type(exc).__name__}); see the server log")
        )


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text}
    for status, text in {
        401: "No token, or one the server does not know",
        403: "The token's actor may not do this",
        404: "No such case, rule set, position or member",
        409: "The case moved on (version_conflict), the id is taken, or an idempotency key was reused",
        422: "Malformed request (invalid, with fields) or an event the rules refuse (event_refused)",
        503: "The event store cannot be reached or opened (store_unavailable); try again later",
    }.items()
}
