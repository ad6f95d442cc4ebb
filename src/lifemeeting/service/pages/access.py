"""Who is asking and what they may see, as for the API: the same tokens (``Authorization: Bearer`` or, for
browsers, the HttpOnly cookie set by the login form) and the same ``Actor.sees``; a refusal is a ``PageError``
shown as a page with its status code. Also the pages' shared readings of a request: the day asked about, a
posted form (after the same-origin check), the store."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import Request
from fastapi.responses import Response

from lifemeeting.dates import periods as _dates
from lifemeeting.errors import LifemeetingError
from lifemeeting.service.auth import LOCAL, Actor, Auth
from lifemeeting.service.errors import from_library
from lifemeeting.service.pages.rendering import render
from lifemeeting.store import Store

COOKIE = "lm_token"


class PageError(Exception):
    """A refusal shown as a page (401 with the login form, 403, 404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def page_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    response = render(request, "error.html", code=exc.status, status=exc.status, title="无法显示", message=exc.message)
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response


def library_error(
    api: Callable[[Request, Any], Response | Awaitable[Response]],
) -> Callable[[Request, Exception], Awaitable[Response]]:
    """The handler of the library's and the store's errors (a refused replay, a store that cannot be reached): the
    API's JSON under /v1, a page with the same status code and message elsewhere."""

    async def handle(request: Request, exc: Exception) -> Response:
        if request.url.path.startswith("/v1/") or not isinstance(exc, LifemeetingError):
            answer = api(request, exc)
            return await answer if inspect.isawaitable(answer) else answer
        out = from_library(exc)
        return page_error(request, PageError(out.status, out.message))

    return handle


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(COOKIE)


def who(request: Request) -> Actor:
    """The caller, as for the API: 401 without a known token unless the server is open."""
    auth: Auth = request.app.state.auth
    if auth.open:
        actor = LOCAL
    else:
        token = _token(request)
        if not token:
            raise PageError(401, "请先登录：输入您的令牌。")
        found = auth.actor(token)
        if found is None:
            raise PageError(401, "令牌无效，请重新登录。")
        actor = found
    request.state.page_actor = actor
    return actor


def store_of(request: Request) -> Store:
    s: Store = request.app.state.store
    return s


def seen(request: Request, case_id: str) -> Actor:
    actor = who(request)
    if not actor.sees(case_id):
        raise PageError(403, f"“{actor.name}”无权查看案例 {case_id}。")
    return actor


def day(value: str | None) -> dt.date:
    if not value:
        return _dates.today()  # Asia/Shanghai's, as everywhere a day is not given
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise PageError(400, f"日期格式应为 YYYY-MM-DD：{value}") from None


def visible_cases(request: Request, actor: Actor) -> list[Any]:
    return [c for c in store_of(request).cases(limit=1000) if actor.sees(c.id)]


async def posted_form(request: Request) -> dict[str, str]:
    """An urlencoded form, after the same-origin check (the cookie is SameSite=Strict as well)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise PageError(403, "跨站提交被拒绝。")
    body = (await request.body()).decode("utf-8", "replace")
    return {k: v[0].strip() for k, v in parse_qs(body, keep_blank_values=True).items()}
