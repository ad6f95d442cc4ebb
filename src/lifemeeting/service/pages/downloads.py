"""Downloads linked from the case page: the 方案 (Word, Markdown) and the status and timeline spreadsheets.

The API's ``/v1/cases/{id}/document`` reads only the ``Authorization`` header; these read the
pages' cookie as well, and answer exactly as the case page does: 401 without a known token,
403 for a case the caller may not see, 404 for no such case. Whoever may see the case page
may download (a reader too). Every file is named after the case id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response

from lifemeeting.errors import CaseNotFound
from lifemeeting.service.pages.access import PageError, day, seen, store_of

router = APIRouter(include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN = "text/markdown; charset=utf-8"

# (file name after the case id, its Chinese name in the filename*, media type)
FILES = {
    "plan.docx": ("方案.docx", DOCX),
    "plan.md": ("方案.md", MARKDOWN),
    "status.xlsx": ("状态.xlsx", XLSX),
    "timeline.xlsx": ("时间表.xlsx", XLSX),
}


def _plan_docx(o: Any, on: dt.date) -> bytes:
    from lifemeeting.answers.plan_document import plan_document
    from lifemeeting.render.document_docx import document_docx

    return document_docx(plan_document(o, on=on))


def _plan_md(o: Any, on: dt.date) -> bytes:
    from lifemeeting.answers.plan_document import plan_document
    from lifemeeting.render.document_md import document_md

    return document_md(plan_document(o, on=on)).encode("utf-8")


def _status_xlsx(o: Any, on: dt.date) -> bytes:
    from lifemeeting.render.sheets import status_tables, xlsx_bytes

    return xlsx_bytes(status_tables(o.status(on)))


def _timeline_xlsx(o: Any, on: dt.date) -> bytes:
    from lifemeeting.answers.whatif import timeline
    from lifemeeting.render.sheets import timeline_table, xlsx_bytes

    return xlsx_bytes([timeline_table(timeline(o, on=on))])


MAKERS: dict[str, Callable[[Any, dt.date], bytes]] = {
    "plan.docx": _plan_docx,
    "plan.md": _plan_md,
    "status.xlsx": _status_xlsx,
    "timeline.xlsx": _timeline_xlsx,
}


def _download(request: Request, case_id: str, name: str, on: str | None) -> Response:
    seen(request, case_id)
    when = day(on)
    try:
        body = store_of(request).with_case(case_id, lambda o: MAKERS[name](o, when))
    except CaseNotFound as exc:
        raise PageError(404, str(exc)) from None
    except ImportError as exc:  # python-docx / openpyxl: the office extra
        raise PageError(
            501, f"服务器未安装生成此文件所需的组件（pip install 'lifemeeting[office]'）：{exc.name}"
        ) from None
    chinese, media = FILES[name]
    stem, ext = name.split(".")
    disposition = f"attachment; filename=\"{case_id}-{stem}.{ext}\"; filename*=UTF-8''{quote(f'{case_id}-{chinese}')}"
    return Response(body, media_type=media, headers={"Content-Disposition": disposition})


@router.get("/cases/{case_id}/plan.docx")
def plan_docx(request: Request, case_id: str, on: str | None = None) -> Response:
    """The 方案 as a Word document."""
    return _download(request, case_id, "plan.docx", on)


@router.get("/cases/{case_id}/plan.md")
def plan_md(request: Request, case_id: str, on: str | None = None) -> Response:
    """The 方案 as Markdown."""
    return _download(request, case_id, "plan.md", on)


@router.get("/cases/{case_id}/status.xlsx")
def status_xlsx(request: Request, case_id: str, on: str | None = None) -> Response:
    """Where the case stands: one row per post-meeting duty and redo step of every round."""
    return _download(request, case_id, "status.xlsx", on)


@router.get("/cases/{case_id}/timeline.xlsx")
def timeline_xlsx(request: Request, case_id: str, on: str | None = None) -> Response:
    """Every deadline of the case with its owner and status."""
    return _download(request, case_id, "timeline.xlsx", on)
