"""The index (the cases the caller may see, the bundled rule sets) and signing in and out with a token."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from lifemeeting.ruleset.load import available, load_ruleset
from lifemeeting.service.auth import Auth
from lifemeeting.service.pages.access import COOKIE, posted_form, visible_cases, who
from lifemeeting.service.pages.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    actor = who(request)
    rulesets = []
    for rid, path in available().items():
        rs = load_ruleset(path).model
        rulesets.append({"id": rid, "title": rs.title, "source": rs.source.number or rs.source.title})
    return render(request, "index.html", rulesets=rulesets, cases=visible_cases(request, actor), title="首页")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return render(request, "login.html", title="登录")


@router.post("/login")
async def login(request: Request) -> Response:
    form = await posted_form(request)
    token = form.get("token", "")
    auth: Auth = request.app.state.auth
    if not auth.open and (len(token) < 16 or auth.actor(token) is None):
        return render(request, "login.html", code=401, title="登录", error="令牌无效。")
    response = RedirectResponse("/", status_code=303)
    if not auth.open:
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    await posted_form(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response
