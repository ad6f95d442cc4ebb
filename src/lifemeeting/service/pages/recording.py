"""Recording an event from the case page's form: judged exactly as one sent to the API (``check_fields``,
``permissions.check_event``, the engine's replay); a refusal re-draws the case page with the reason and the form
as it was posted, under the status code the API would give."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lifemeeting.case.model import Event
from lifemeeting.errors import EventRefused, LifemeetingError
from lifemeeting.service.errors import ServiceError
from lifemeeting.service.pages import form as pages_form
from lifemeeting.service.pages.access import PageError, day, posted_form, seen, store_of
from lifemeeting.service.pages.case_page import render_case
from lifemeeting.service.permissions import check_event, check_fields

router = APIRouter(include_in_schema=False)


@router.post("/cases/{case_id}/record", response_class=HTMLResponse)
async def record_event(request: Request, case_id: str) -> Response:
    actor = seen(request, case_id)
    form = await posted_form(request)
    on = day(form.get("on") or None)
    if not actor.writes:
        raise PageError(403, f"“{actor.name}”只能查看，不能登记事件。")
    data = pages_form.event_data(form)
    store = store_of(request)

    def again(message: str, status: int) -> HTMLResponse:
        return render_case(request, actor, case_id, on, None, status=status, refusal=message, form=form)

    try:
        event = Event.model_validate(data)
        check_fields(event)
        check_event(actor, store.with_case(case_id, lambda o: o.view), event)
        store.append(case_id, event, actor=actor.name, expected_version=_int(form.get("version")))
    except EventRefused as exc:
        return again(exc.reason, 422)
    except ServiceError as exc:
        detail = "；".join(f.message for f in exc.out.fields) if exc.out.fields else exc.out.message
        return again(detail, exc.out.status)
    except LifemeetingError as exc:
        return again(str(exc), 409)
    except ValueError as exc:  # pydantic's ValidationError
        return again(_validation_text(exc), 422)
    return RedirectResponse(f"/cases/{case_id}?on={on.isoformat()}#verdict", status_code=303)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _validation_text(exc: ValueError) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "；".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in errors())
    return str(exc)
