"""The pages: index, rule set, case (with the recording form), my work (+ .ics), overview, login.

Who may see and record what is decided exactly as for the API: the same tokens
(``Authorization: Bearer`` or, for browsers, the HttpOnly cookie set by the login form), the
same ``Actor.sees`` and ``permissions.check_event``, and the engine's refusal shown as is.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from lifemeeting.case.model import Event
from lifemeeting.dates import periods as _dates
from lifemeeting.errors import EventRefused, LifemeetingError
from lifemeeting.ruleset.load import available, load_ruleset
from lifemeeting.ruleset.words import CONSEQUENCES, MEETING, ORDER, RATING, deadline
from lifemeeting.service.auth import LOCAL, Actor, Auth
from lifemeeting.service.errors import ServiceError
from lifemeeting.service.pages import form as pages_form
from lifemeeting.service.pages.ratings import rounds_ratings
from lifemeeting.service.permissions import check_event, check_fields, identities
from lifemeeting.store import Store

router = APIRouter(include_in_schema=False)
COOKIE = "lm_token"
EVENT_TYPES = {
    "talk": "谈心谈话",
    "submitted": "报送材料",
    "signed": "签字",
    "approved": "审核通过",
    "returned": "退回修改",
    "done": "完成任务",
    "held": "召开会议",
    "appraised": "测评",
    "rated": "评定等次",
    "ordered": "上级要求",
}
STATUS_NAMES = {"done": "已完成", "open": "未完成", "overdue": "已逾期", "due": "待办", "late": "逾期完成"}

env = Environment(
    loader=PackageLoader("lifemeeting.service.pages", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def due_text(spec: Any, counted_from: str = MEETING) -> str:
    """A rule's date in the words ``lifemeeting show`` uses (``ruleset.words.deadline``): '会前15个工作日',
    '评定后3个月内', '2014年5月25日前'; '—' for none."""
    return "—" if spec is None else deadline(spec, counted_from)


EVENT_FIELDS = {
    "between": "双方",
    "task": "任务",
    "material": "材料",
    "subject": "谁的",
    "link": "环节",
    "by": "审核人",
    "reason": "理由",
    "appraisal": "测评",
    "satisfied": "满意",
    "total": "总数",
    "ratings": "等次",
    "order": "要求",
    "note": "备注",
}


def event_text(event: Event, names: dict[str, str] | None = None) -> str:
    """An event's fields but type and date, ids shown as names: '双方：刘志远—吴国庆；备注：…'."""
    names = names or {}
    data = event.model_dump(mode="json", exclude_none=True, exclude={"type", "date"})
    shown = []
    for k, v in data.items():
        if isinstance(v, dict):  # a rating: member → level
            text = "、".join(f"{names.get(m, m)}（{names.get(str(lv), str(lv))}）" for m, lv in v.items())
        elif isinstance(v, list):
            text = "—".join(names.get(str(x), str(x)) for x in v)
        else:
            text = names.get(str(v), str(v))
        shown.append(f"{EVENT_FIELDS.get(k, k)}：{text}")
    return "；".join(shown)


def named(ids: list[str], names: dict[str, str]) -> str:
    return "—".join(names.get(i, i) for i in ids)


env.filters["named"] = named
env.filters["due"] = due_text
# what a relative deadline counts from (|due(RATING)), what an order does
env.globals.update(MEETING=MEETING, RATING=RATING, ORDER=ORDER, CONSEQUENCES=CONSEQUENCES)
env.filters["event_text"] = event_text
env.globals.update(event_types=EVENT_TYPES, status_names=STATUS_NAMES)


class PageError(Exception):
    """A refusal shown as a page (401 with the login form, 403, 404)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def render(request: Request, template: str, code: int = 200, **context: Any) -> HTMLResponse:
    actor: Actor | None = getattr(request.state, "page_actor", None)
    auth: Auth = request.app.state.auth
    html = env.get_template(template).render(request=request, actor=actor, open=auth.open, **context)
    return HTMLResponse(html, status_code=code)


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


# -- index, login ---------------------------------------------------------------------------


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
    form = await _form(request)
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
    await _form(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


async def _form(request: Request) -> dict[str, str]:
    """An urlencoded form, after the same-origin check (the cookie is SameSite=Strict as well)."""
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise PageError(403, "跨站提交被拒绝。")
    body = (await request.body()).decode("utf-8", "replace")
    return {k: v[0].strip() for k, v in parse_qs(body, keep_blank_values=True).items()}


# -- a rule set -----------------------------------------------------------------------------


@router.get("/rulesets/{ruleset_id}", response_class=HTMLResponse)
def ruleset_page(request: Request, ruleset_id: str, tier: str | None = None) -> HTMLResponse:
    who(request)
    known = available()
    if ruleset_id not in known:
        raise PageError(404, f"没有规则集 {ruleset_id}。")
    loaded = load_ruleset(known[ruleset_id])
    rs = loaded.model
    if tier is None and rs.tiers:
        tier = rs.tiers[0].id
    drawing, drawing_kind = _diagram(lambda fmt: _chain_diagram(loaded, tier, fmt))
    from lifemeeting.spec.coverage import source_coverage

    cov = source_coverage(loaded, [])
    return render(
        request,
        "ruleset.html",
        title=rs.title,
        rs=rs,
        rid=ruleset_id,
        tier=tier,
        drawing=drawing,
        drawing_kind=drawing_kind,
        coverage=cov,
        receipt=loaded.sha256[:12],
    )


def _chain_diagram(loaded: Any, tier: str | None, fmt: str) -> str | bytes:
    from lifemeeting.render.diagrams import chain_diagram

    return chain_diagram(loaded, tier=tier, format=fmt)


def _diagram(draw: Any) -> tuple[str, str]:
    """SVG from Graphviz, else the Mermaid text of the same graph."""
    try:
        svg = draw("svg")
        text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
        start = text.find("<svg")
        return text[start:] if start >= 0 else text, "svg"
    except LifemeetingError:
        drawn = draw("mermaid")
        return drawn.decode("utf-8") if isinstance(drawn, bytes) else drawn, "mermaid"


# -- a case ---------------------------------------------------------------------------------


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str, on: str | None = None, member: str | None = None) -> HTMLResponse:
    actor = seen(request, case_id)
    return _case(request, actor, case_id, day(on), member)


def _case(
    request: Request,
    actor: Actor,
    case_id: str,
    on: dt.date,
    member: str | None,
    *,
    status: int = 200,
    refusal: str | None = None,
    form: dict[str, str] | None = None,
) -> HTMLResponse:
    from lifemeeting.answers.whatif import timeline as plan

    store = store_of(request)
    try:
        record = store.case(case_id)
    except LifemeetingError as exc:
        raise PageError(404, str(exc)) from None

    def ask(o: Any) -> dict[str, Any]:
        view, state = o.view, o.state
        subjects = ["team", *view.members] if any(s == "team" for _, s in view.slots) else list(view.members)
        chosen = member if member in subjects else (subjects[0] if subjects else None)
        drawing, kind = ("", "")
        if chosen is not None and any(s == chosen for _, s in view.slots):
            from lifemeeting.render.diagrams import case_diagram

            drawing, kind = _diagram(lambda fmt: case_diagram(o, member=chosen, format=fmt))
        standing = o.status(on)
        return {
            "readiness": o.can_convene(on),
            "status": standing,
            "timeline": plan(o, on=on),
            "materials": _materials(view, state),
            "subjects": [(s, view.subject_label(s)) for s in subjects],
            "chosen": chosen,
            "drawing": drawing,
            "drawing_kind": kind,
            "choices": pages_form.choices(view, o.ruleset.model),
            "may": _may(actor, view),
            "names": pages_form.names(view),
            "ratings": rounds_ratings(view, standing),
        }

    answers = store.with_case(case_id, ask)
    events = store.events(case_id)
    return render(
        request,
        "case.html",
        code=status,
        title=record.case.unit.name,
        case_id=case_id,
        record=record,
        on=on,
        events=events,
        refusal=refusal,
        form=form or {},
        today=_dates.today(),
        **answers,
    )


@router.get("/cases/{case_id}/timeline.ics")
def case_ics(request: Request, case_id: str, on: str | None = None) -> Response:
    """The case's timeline as a calendar, for a browser signed in with the cookie (the API's needs the header)."""
    from lifemeeting.answers.whatif import timeline as plan
    from lifemeeting.render.ics import timeline_ics

    seen(request, case_id)
    when = day(on)
    body = store_of(request).with_case(case_id, lambda o: timeline_ics(plan(o, on=when)))
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{case_id}.ics"'},
    )


def _materials(view: Any, state: Any) -> list[dict[str, Any]]:
    from lifemeeting.engine.chains import DRAFTING, PASSED

    rows = []
    for (material, subject), slot in view.slots.items():
        m = state.materials.get((material, subject))
        if m is None:
            continue
        links = {link.id: link.name for link in slot.path.chain.links}
        links |= {f"sign:{link.id}": link.pre_sign.name for link in slot.path.chain.links if link.pre_sign}
        if m.state == DRAFTING:
            where = "起草中"
        elif m.state == PASSED:
            where = "已审核完毕"
        else:
            kind, _, link = m.state.partition(":")
            name = links.get(link, link)
            where = f"待「{links.get(m.state, name)}」" if kind == "sign" else f"在「{name}」"
        rows.append(
            {
                "subject": view.subject_label(subject),
                "material": pages_form.material_name(view, material),
                "chain": slot.path.chain.name,
                "where": where,
                "passed": m.state == PASSED,
                "done": [links.get(x, x) for x in m.done_links],
                "returns": m.returns,
            }
        )
    return rows


def _may(actor: Actor, view: Any) -> bool:
    return actor.everything or actor.record or bool(identities(actor, view))


@router.post("/cases/{case_id}/record", response_class=HTMLResponse)
async def record_event(request: Request, case_id: str) -> Response:
    actor = seen(request, case_id)
    form = await _form(request)
    on = day(form.get("on") or None)
    if not actor.writes:
        raise PageError(403, f"“{actor.name}”只能查看，不能登记事件。")
    data = pages_form.event_data(form)
    store = store_of(request)

    def again(message: str, status: int) -> HTMLResponse:
        return _case(request, actor, case_id, on, None, status=status, refusal=message, form=form)

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


# -- my work --------------------------------------------------------------------------------


def _my_items(request: Request, actor: Actor, on: dt.date) -> list[dict[str, Any]]:
    """Every action due in the cases the actor sees that is its to do: overdue first, soonest first."""
    store = store_of(request)
    items: list[dict[str, Any]] = []
    for c in visible_cases(request, actor):

        def ask(o: Any, c: Any = c) -> list[dict[str, Any]]:
            view = o.view
            mine = None if (actor.everything or actor.record) else {view.name(i) for i in identities(actor, view)}
            out = []
            status = o.status(on)
            actions = status.readiness.next_actions if status.readiness is not None else []
            for a in actions:
                if mine is None or any(n and n in a.who for n in mine):
                    out.append(
                        {
                            "case": c.id,
                            "unit": c.unit,
                            "who": a.who,
                            "what": a.what,
                            "by": a.by,
                            "overdue": a.overdue,
                            "rule": a.rule,
                        }
                    )
            for d in [*status.overdue, *status.due_next]:
                owner = view.name(d.owner) if d.owner else ""
                if mine is None or owner in mine or (d.owner or "") in identities(actor, view):
                    out.append(
                        {
                            "case": c.id,
                            "unit": c.unit,
                            "who": owner or "—",
                            "what": d.name,
                            "by": d.by,
                            "overdue": d.status == "overdue",
                            "rule": d.id,
                        }
                    )
            return out

        try:
            items += store.with_case(c.id, ask)
        except LifemeetingError:
            continue
    unique = {(i["case"], i["what"], i["by"]): i for i in reversed(items)}  # an action may also be a duty
    return sorted(unique.values(), key=lambda i: (not i["overdue"], i["by"] or dt.date.max, i["case"], i["what"]))


@router.get("/my", response_class=HTMLResponse)
def my_work(request: Request, on: str | None = None) -> HTMLResponse:
    actor = who(request)
    when = day(on)
    return render(request, "my.html", title="我的待办", items=_my_items(request, actor, when), on=when)


@router.get("/my.ics")
def my_work_ics(request: Request, on: str | None = None) -> Response:
    from icalendar import Calendar
    from icalendar import Event as VEvent

    actor = who(request)
    when = day(on)
    cal = Calendar()
    cal.add("prodid", "-//lifemeeting//my work//ZH")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{actor.name} 的待办")
    for i, item in enumerate(_my_items(request, actor, when)):
        if item["by"] is None:
            continue
        ev = VEvent()
        ev.add("uid", f"{item['case']}-{item['rule']}-{i}@lifemeeting")
        ev.add("summary", f"{'【逾期】' if item['overdue'] else ''}{item['what']}（{item['unit']}）")
        ev.add("dtstart", item["by"])
        ev.add("dtend", item["by"] + dt.timedelta(days=1))
        ev.add("dtstamp", dt.datetime.now(dt.UTC))
        ev.add("description", f"{item['who']} · {item['case']} · {item['rule']}")
        cal.add_component(ev)
    return Response(
        cal.to_ical(),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="my-work.ics"'},
    )


# -- overview -------------------------------------------------------------------------------


@router.get("/overview", response_class=HTMLResponse)
def overview(request: Request, on: str | None = None, ruleset: str | None = None) -> HTMLResponse:
    actor = who(request)
    when = day(on)
    store = store_of(request)
    rows = []
    blockers: Counter[str] = Counter()
    overdue: defaultdict[str, int] = defaultdict(int)
    for c in visible_cases(request, actor):
        if ruleset and c.ruleset != ruleset:
            continue
        try:
            status = store.with_case(c.id, lambda o: o.status(when))
        except LifemeetingError as exc:
            rows.append({"case": c, "convenable": None, "blockers": [str(exc)], "stage": "—"})
            continue
        r = status.readiness
        names = list(dict.fromkeys(b.message.split("」")[0].lstrip("「") for b in r.blockers)) if r is not None else []
        blockers.update(set(names))
        for a in r.next_actions if r is not None else []:
            if a.overdue:
                overdue[a.who] += 1
        for d in status.overdue:
            overdue[d.owner or "（未定负责人）"] += 1
        rows.append(
            {"case": c, "convenable": r.convenable if r else None, "blockers": names, "stage": status.stage_name}
        )
    top = blockers.most_common(10)
    return render(
        request,
        "overview.html",
        title="总览",
        on=when,
        rows=rows,
        convenable=sum(1 for r in rows if r["convenable"]),
        top=top,
        top_max=max((n for _, n in top), default=1),
        overdue=sorted(overdue.items(), key=lambda kv: (-kv[1], kv[0])),
        rulesets=sorted(available()),
        ruleset=ruleset,
    )


def page_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, PageError)
    response = render(request, "error.html", code=exc.status, status=exc.status, title="无法显示", message=exc.message)
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    return response
