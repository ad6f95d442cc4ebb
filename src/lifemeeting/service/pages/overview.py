"""The overview for the organisation department: how many cases may convene on a day, the most common unmet
conditions, overdue items per owner, and every case's stage."""

from __future__ import annotations

from collections import Counter, defaultdict

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lifemeeting.engine.stages import PREPARING
from lifemeeting.errors import LifemeetingError
from lifemeeting.ruleset.load import available
from lifemeeting.service.pages.access import day, store_of, visible_cases, who
from lifemeeting.service.pages.rendering import render

router = APIRouter(include_in_schema=False)


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
            rows.append({"case": c, "convenable": None, "held": False, "blockers": [str(exc)], "stage": "—"})
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
            {
                "case": c,
                "convenable": r.convenable if r else None,
                "held": status.stage != PREPARING,
                "blockers": names,
                "stage": status.stage_name,
            }
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
