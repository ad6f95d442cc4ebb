"""Routes about stored cases: open one, record events, and ask it questions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from lifemeeting.answers.chain_model import SubjectChain
from lifemeeting.answers.open import open_case
from lifemeeting.answers.plan_document import PlanDocument
from lifemeeting.answers.timeline_model import Timeline
from lifemeeting.case.model import Event
from lifemeeting.engine.answer_model import Readiness, Status
from lifemeeting.errors import EventRefused, UnknownRuleSet
from lifemeeting.ruleset.load import available
from lifemeeting.service.deps import CaseId, Clerk, TheStore, Who, Writer
from lifemeeting.service.errors import ERROR_RESPONSES, FieldError, ServiceError, forbidden, invalid, refused
from lifemeeting.service.models import AppendEvent, CreateCase
from lifemeeting.service.permissions import check_event, check_fields
from lifemeeting.store import CaseRecord, CaseSummary, StoredEvent

router = APIRouter(prefix="/v1", tags=["cases"], responses=ERROR_RESPONSES)

On = Annotated[dt.date | None, Query(description="the day to ask about, YYYY-MM-DD (default: today in Asia/Shanghai)")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="send the same key again to get the first answer instead of a second event",
    ),
]


@router.get("/cases", response_model=list[CaseSummary], summary="Stored cases the caller sees, by id")
def list_cases(
    store: TheStore,
    who: Who,
    after: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[CaseSummary]:
    return [c for c in store.cases(after=after, limit=limit) if who.sees(c.id)]


@router.post(
    "/cases",
    response_model=CaseRecord,
    status_code=201,
    summary="Open a case (its events, if any, are checked and recorded)",
)
def create_case(body: CreateCase, store: TheStore, who: Clerk, response: Response) -> CaseRecord:
    import uuid

    case_id = body.id or f"case-{uuid.uuid4().hex[:16]}"
    if not who.sees(case_id):
        raise forbidden(f"'{who.name}' may not open case '{case_id}'" + ("" if body.id else "; give an id it sees"))
    case = body.case
    if case.ruleset not in available():
        raise invalid(
            [
                FieldError(
                    field="case.ruleset",
                    loc=["body", "case", "ruleset"],
                    message=str(UnknownRuleSet(case.ruleset, list(available()))),
                )
            ]
        )
    if getattr(getattr(case, "pinned", None), "snapshot", None):  # a path on the server: not for clients to name
        raise invalid(
            [
                FieldError(
                    field="case.pinned.snapshot",
                    loc=["body", "case", "pinned", "snapshot"],
                    message="a snapshot is a file on the server; omit it over HTTP",
                )
            ]
        )
    view = open_case(case.model_copy(update={"events": []})).view
    for i, event in enumerate(case.events):
        check_fields(event, at=("body", "case", "events", i))
        try:
            check_event(who, view, event)
        except ServiceError as exc:
            raise forbidden(f"case.events[{i}] ({event.type}): {exc.out.message}") from None
    record = store.create_case(case, actor=who.name, case_id=case_id)
    response.headers["Location"] = f"/v1/cases/{record.id}"
    return record


@router.get(
    "/cases/{case_id}", response_model=CaseRecord, summary="The case document with every event, and its version"
)
def get_case(case_id: CaseId, store: TheStore) -> CaseRecord:
    return store.case(case_id)


@router.get(
    "/cases/{case_id}/events",
    response_model=list[StoredEvent],
    summary="The audit trail: who recorded what, when, under which rules",
)
def list_events(
    case_id: CaseId,
    store: TheStore,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
) -> list[StoredEvent]:
    return store.events(case_id, after=after, limit=limit)


@router.post(
    "/cases/{case_id}/events",
    response_model=StoredEvent,
    status_code=201,
    responses={
        200: {"model": StoredEvent, "description": "An idempotent repeat: the event first recorded with this key"}
    },
    summary="Record one event; the engine checks it first, and a refused event is not stored",
)
def append_event(
    case_id: CaseId,
    body: AppendEvent,
    store: TheStore,
    who: Writer,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> StoredEvent:
    event = body.event
    check_fields(event)
    view, target = store.with_case(case_id, lambda o: (o.view, _retracted(o.case.events, event)))
    check_event(who, view, target or event)  # a retraction: whoever may record the event it takes back
    try:
        appended = store.append(
            case_id, event, actor=who.name, expected_version=body.expected_version, idempotency_key=idempotency_key
        )
    except EventRefused as exc:
        blockers = (
            store.with_case(case_id, lambda o: o.can_convene(event.date).blockers) if event.type == "held" else []
        )
        raise refused(exc, blockers) from None
    response.status_code = 201 if appended.created else 200
    return appended.stored


def _retracted(events: list[Event], event: Event) -> Event | None:
    """The stored event ``event`` retracts, if it is a retraction naming one (else the engine refuses it)."""
    if event.type != "retracted" or event.retracts is None or event.retracts > len(events):
        return None
    return events[event.retracts - 1]


@router.get(
    "/cases/{case_id}/readiness",
    response_model=Readiness,
    summary="Can the meeting be convened on this day? Every blocker, cited",
)
async def readiness(case_id: CaseId, store: TheStore, on: On = None) -> Response:
    # The page view other systems ask on every view: run on the event loop, not the thread pool.
    # It blocks the loop for one short read (the events stored since; WAL readers and PostgreSQL
    # readers wait on no writer) and, after a new event, one catch-up (~0.3 ms): cheaper than the hop.
    # An open case gives the same (immutable) answer object until an event comes, so its JSON is
    # kept beside it and sent again without FastAPI validating and encoding it once more.
    # On PostgreSQL the read is a round trip to another process: it waits in the thread pool,
    # so that the loop serves other requests meanwhile.
    if store.kind == "sqlite":
        answer = store.with_case(case_id, lambda o: o.can_convene(on))
    else:
        answer = await run_in_threadpool(store.with_case, case_id, lambda o: o.can_convene(on))
    kept = _READINESS_JSON.get(case_id)
    if kept is None or kept[0] is not answer:
        if len(_READINESS_JSON) >= _KEEP:
            _READINESS_JSON.pop(next(iter(_READINESS_JSON)))
        kept = _READINESS_JSON[case_id] = (answer, answer.model_dump_json().encode())
    return Response(kept[1], media_type="application/json")


_KEEP = 4096
_READINESS_JSON: dict[str, tuple[Readiness, bytes]] = {}  # case id → (answer, its JSON), bounded


@router.get("/cases/{case_id}/status", response_model=Status, summary="Stage, round, duties done, due and overdue")
def status(case_id: CaseId, store: TheStore, on: On = None) -> Status:
    return store.with_case(case_id, lambda o: o.status(on))


MoveTo = Annotated[dt.date | None, Query(description="what if the meeting were held on this day instead")]


@router.get(
    "/cases/{case_id}/timeline",
    response_model=Timeline,
    summary="Every dated item, the earliest legal day, and a what-if move",
)
def timeline(case_id: CaseId, store: TheStore, on: On = None, move_to: MoveTo = None) -> Timeline:
    from lifemeeting.answers.whatif import timeline as plan

    return store.with_case(case_id, lambda o: plan(o, on=on, move_to=move_to))


@router.get(
    "/cases/{case_id}/timeline.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "RFC 5545 calendar of the timeline"}},
    summary="The timeline as an iCalendar file",
)
def timeline_ics(case_id: CaseId, store: TheStore, on: On = None) -> Response:
    from lifemeeting.answers.whatif import timeline as plan
    from lifemeeting.render.ics import timeline_ics as ics

    body = store.with_case(case_id, lambda o: ics(plan(o, on=on)))
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{case_id}.ics"'},
    )


DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "md": "text/markdown; charset=utf-8",
}


@router.get(
    "/cases/{case_id}/document",
    response_class=Response,
    responses={
        200: {
            "content": {DOCUMENT_TYPES["docx"]: {}, "text/markdown": {}},
            "description": "The 方案 as a Word document or as Markdown",
        }
    },
    summary="The plan document (方案): time, attendees, preparation, chains, talks, agenda, duties, cited",
)
def case_document(
    case_id: CaseId,
    store: TheStore,
    on: On = None,
    format: Literal["docx", "md"] = "docx",  # noqa: A002
) -> Response:
    from urllib.parse import quote

    from lifemeeting.answers.plan_document import plan_document

    if format == "docx":
        from lifemeeting.render.document_docx import document_docx as render
    else:
        from lifemeeting.render.document_md import document_md as render_md

        def render(d: PlanDocument) -> bytes:
            return render_md(d).encode("utf-8")

    body = store.with_case(case_id, lambda o: render(plan_document(o, on=on)))
    name = f"{case_id}-方案.{format}"
    return Response(
        body,
        media_type=DOCUMENT_TYPES[format],
        headers={"Content-Disposition": f"attachment; filename=\"{case_id}.{format}\"; filename*=UTF-8''{quote(name)}"},
    )


@router.get(
    "/cases/{case_id}/chains",
    response_model=list[SubjectChain],
    summary="The chains a member's (or the team's) materials pass in this case",
)
def case_chains(case_id: CaseId, store: TheStore, member: str, material: str | None = None) -> list[SubjectChain]:
    from lifemeeting.answers.chains import case_chains as query

    return store.with_case(case_id, lambda o: query(o, member=member, material=material))


@router.get(
    "/cases/{case_id}/diagram",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}, "image/svg+xml": {}}, "description": "Mermaid text or an SVG drawing"}
    },
    summary="Where a member's materials stand in their chains, as Mermaid or SVG",
)
def case_diagram(
    case_id: CaseId,
    store: TheStore,
    member: str,
    material: str | None = None,
    format: Literal["mermaid", "svg"] = "mermaid",  # noqa: A002
) -> Response:
    from lifemeeting.render.diagrams import case_diagram as draw
    from lifemeeting.service.rulesets import DIAGRAM_TYPES

    drawn = store.with_case(case_id, lambda o: draw(o, member=member, material=material, format=format))
    return Response(drawn, media_type=DIAGRAM_TYPES[format])
