"""My work: every action due in the cases the caller sees that is theirs to do, as a page and as a calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lifemeeting.errors import LifemeetingError
from lifemeeting.service.auth import Actor
from lifemeeting.service.pages.access import day, store_of, visible_cases, who
from lifemeeting.service.pages.rendering import render
from lifemeeting.service.permissions import identities

router = APIRouter(include_in_schema=False)


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
