"""Recording an event from the case page's form: judged exactly as one sent to the API (``check_fields``,
``permissions.check_event``, the engine's replay); a refusal re-draws the case page with the reason and the form
as it was posted, under the status code the API would give."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lifemeeting.case.model import Event
from lifemeeting.errors import EventRefused, LifemeetingError
from lifemeeting.service.cases import _retracted  # the API's own reading of a retraction, not a copy
from lifemeeting.service.errors import FieldError, ServiceError
from lifemeeting.service.pages import form as pages_form
from lifemeeting.service.pages.access import PageError, day, posted_form, seen, store_of
from lifemeeting.service.pages.case_page import render_case
from lifemeeting.service.pages.rendering import EVENT_FIELDS
from lifemeeting.service.permissions import check_event, check_fields

router = APIRouter(include_in_schema=False)
LABELS = EVENT_FIELDS | {"type": "事件类型", "date": "日期", "between": "甲方、乙方", "resubmit_by": "限期重新报送"}
PROBLEMS = {  # pydantic's error types → the form's words
    "missing": "须填写",
    "literal_error": "请从列表中选择",
    "date_from_datetime_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_parsing": "不是有效日期（应为 YYYY-MM-DD）",
    "date_type": "不是有效日期（应为 YYYY-MM-DD）",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "greater_than_equal": "不能小于{ge}",
    "string_too_long": "过长（至多{max_length}字）",
}


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
        view, target = store.with_case(case_id, lambda o: (o.view, _retracted(o.case.events, event)))
        check_event(actor, view, target or event)  # a retraction: whoever may record the event it takes back
        store.append(case_id, event, actor=actor.name, expected_version=_int(form.get("version")))
    except EventRefused as exc:
        return again(exc.reason, 422)
    except ServiceError as exc:
        detail = _missing_text(exc.out.fields) if exc.out.fields else exc.out.message
        return again(detail, exc.out.status)
    except LifemeetingError as exc:
        return again(str(exc), 409)
    except ValueError as exc:  # pydantic's ValidationError
        return again(_validation_text(exc), 422)
    return RedirectResponse(f"/cases/{case_id}?on={on.isoformat()}#verdict", status_code=303)


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _label(field: str | int) -> str:
    return LABELS.get(str(field), str(field))


def _missing_text(fields: list[FieldError]) -> str:
    """What ``check_fields`` found missing, in the form's words: '须填写「测评」；须填写「等次」'."""
    return "；".join(f"须填写「{_label(f.loc[-1])}」" for f in fields)


def _validation_text(exc: ValueError) -> str:
    """Pydantic's complaints about the posted form in the form's words: '日期：不是有效日期（应为 YYYY-MM-DD）'."""
    errors = getattr(exc, "errors", None)
    if not callable(errors):
        return str(exc)
    shown = []
    for e in errors():
        where = "、".join(_label(p) for p in e["loc"] if not isinstance(p, int)) or "表单"
        said = PROBLEMS.get(e["type"])
        shown.append(f"{where}：{said.format(**e.get('ctx', {})) if said else e['msg']}")
    return "；".join(shown)
