"""The case page's downloads: the 方案 (Word, Markdown) and the status and timeline spreadsheets, with the cookie.

They answer as the case page does: 200 for whoever may see it (a reader too), 401 without a
known token, 403 for a case out of the caller's reach, 404 for no such case.
"""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import pytest
from test_pages import DAY, bearer, token

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the pages need the service extra")
pytest.importorskip("docx", reason="the 方案 as Word needs the office extra")
openpyxl = pytest.importorskip("openpyxl", reason="the spreadsheets need the office extra")

import test_pages  # noqa: E402

open_client = test_pages.open_client  # the pages' fixtures: the same store, case and tokens
token_client = test_pages.token_client

DOWNLOADS = {
    "plan.docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "fg-方案.docx"),
    "plan.md": ("text/markdown; charset=utf-8", "fg-方案.md"),
    "status.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "fg-状态.xlsx"),
    "timeline.xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "fg-时间表.xlsx"),
}


def _names(disposition: str) -> tuple[str, str]:
    plain = re.search(r'filename="([^"]+)"', disposition)
    utf8 = re.search(r"filename\*=UTF-8''(\S+)", disposition)
    assert plain and utf8, disposition
    return plain.group(1), unquote(utf8.group(1))


def test_the_case_page_links_every_download(open_client):
    html = open_client.get(f"/cases/fg?on={DAY}").text
    section = html[html.index('id="downloads"') : html.index('id="rounds"')]
    for name in DOWNLOADS:
        assert f'href="/cases/fg/{name}?on={DAY}"' in section, name


@pytest.mark.parametrize("name", sorted(DOWNLOADS))
def test_a_reader_signed_in_with_the_cookie_downloads_each_file(token_client, name):
    client, _ = token_client
    assert client.post("/login", data={"token": token("reader")}, follow_redirects=False).status_code == 303
    r = client.get(f"/cases/fg/{name}", params={"on": DAY})
    assert r.status_code == 200, r.text
    media, chinese = DOWNLOADS[name]
    assert r.headers["content-type"] == media
    plain, utf8 = _names(r.headers["content-disposition"])
    assert r.headers["content-disposition"].startswith("attachment;")
    assert plain == f"fg-{name}" and utf8 == chinese


def test_the_files_hold_the_case(open_client):
    md = open_client.get("/cases/fg/plan.md", params={"on": DAY}).text
    assert "县发展和改革委员会" in md and "刘志远" in md
    book = openpyxl.load_workbook(io.BytesIO(open_client.get("/cases/fg/timeline.xlsx", params={"on": DAY}).content))
    cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row if c is not None]
    assert any("刘志远" in c for c in cells)
    status = openpyxl.load_workbook(io.BytesIO(open_client.get("/cases/fg/status.xlsx", params={"on": DAY}).content))
    assert status.active.max_row >= 1
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(open_client.get("/cases/fg/plan.docx").content)).paragraphs)
    assert "方案" in text


@pytest.mark.parametrize("name", sorted(DOWNLOADS))
def test_downloads_refuse_as_the_case_page_does(token_client, name):
    client, _ = token_client
    page = client.get("/cases/fg")
    r = client.get(f"/cases/fg/{name}")
    assert (r.status_code, page.status_code) == (401, 401)
    assert r.headers["www-authenticate"] == "Bearer"
    assert "请先登录" in r.text
    r = client.get(f"/cases/fg/{name}", headers=bearer("scoped"))
    assert (r.status_code, client.get("/cases/fg", headers=bearer("scoped")).status_code) == (403, 403)
    assert "无权查看案例 fg" in r.text
    r = client.get(f"/cases/nope/{name}", headers=bearer("clerk"))
    assert (r.status_code, client.get("/cases/nope", headers=bearer("clerk")).status_code) == (404, 404)
    r = client.get(f"/cases/fg/{name}", params={"on": "27.12.2013"}, headers=bearer("clerk"))
    assert r.status_code == 400
    assert client.get(f"/cases/fg/{name}", headers=bearer("clerk")).status_code == 200  # the header works too


def test_without_the_office_extra_a_download_says_what_to_install(open_client, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    r = open_client.get("/cases/fg/status.xlsx", params={"on": DAY})
    assert r.status_code == 501
    assert "openpyxl" in r.text and "lifemeeting[office]" in r.text


def test_a_page_without_a_day_answers_for_today_in_shanghai(open_client, monkeypatch):
    """Like the library and the API, the pages' "today" is Asia/Shanghai's, not the host's."""
    import datetime as dt

    from lifemeeting.dates import periods

    monkeypatch.setattr(periods, "today", lambda: dt.date(2013, 12, 27))
    html = open_client.get("/cases/fg").text
    assert "2013-12-27：暂不能召开" in html
    assert 'href="/cases/fg/plan.docx?on=2013-12-27"' in html
