"""A case's page: the verdict on a day, next steps, the recording form, materials and their chains, the
timeline (also as .ics), downloads, the rounds after the meeting with their ratings, and the event trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from lifemeeting.dates import periods as _dates
from lifemeeting.engine.answer_model import DutyStatus, Readiness, RoundStatus, Status
from lifemeeting.engine.stages import PREPARING
from lifemeeting.errors import LifemeetingError
from lifemeeting.service.auth import Actor
from lifemeeting.service.pages import form as pages_form
from lifemeeting.service.pages.access import PageError, day, seen, store_of
from lifemeeting.service.pages.ratings import rounds_ratings
from lifemeeting.service.pages.rendering import diagram, render
from lifemeeting.service.permissions import identities

router = APIRouter(include_in_schema=False)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str, on: str | None = None, member: str | None = None) -> HTMLResponse:
    actor = seen(request, case_id)
    return render_case(request, actor, case_id, day(on), member)


def render_case(
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
    """The case page as of ``on``; after a refused event, with ``refusal`` and the form as it was posted."""
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

            drawing, kind = diagram(lambda fmt: case_diagram(o, member=chosen, format=fmt))
        standing = o.status(on)
        readiness = o.can_convene(on)
        # every party of a talk, held or missing (a department head, a listed person too), in the engine's words
        parties = {p for e in o.case.events for p in e.between or []}
        parties |= {p for b in readiness.blockers for pair in b.missing_pairs for p in pair}
        return {
            "readiness": readiness,
            "status": standing,
            "next_steps": next_steps(readiness, standing),
            "round_items": {r.number: round_items(r) for r in standing.rounds},
            "timeline": plan(o, on=on),
            "materials": _materials(view, state),
            "subjects": [(s, view.subject_label(s)) for s in subjects],
            "chosen": chosen,
            "drawing": drawing,
            "drawing_kind": kind,
            "choices": pages_form.choices(view, o.ruleset.model),
            "may": _may(actor, view),
            "names": pages_form.names(view) | {p: view.name(p) for p in parties},
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


def next_steps(readiness: Readiness, status: Status) -> list[dict[str, Any]]:
    """Who must do what next: before the meeting what would unblock it, as ``lifemeeting check`` orders it; once
    held, the round's overdue and open duties and steps to redo, as ``lifemeeting status`` orders them."""
    if status.stage == PREPARING:
        return [{"who": a.who, "what": a.what, "by": a.by, "overdue": a.overdue} for a in readiness.next_actions]
    steps = [  # the status's overdue and due next, each by deadline and then in the order the steps come
        {"who": d.owner or "—", "what": d.name, "by": d.by, "overdue": d.status == "overdue"}
        for d in (*status.overdue, *status.due_next)
    ]
    return sorted(steps, key=lambda s: s["by"] or dt.date.max)


def round_items(r: RoundStatus) -> list[DutyStatus]:
    """A round's steps to redo, then its duties: a duty the round redoes is listed once, among the steps (as
    ``lifemeeting status`` lists it)."""
    again = {d.id for d in r.redo}
    return [*r.redo, *(d for d in r.duties if d.id not in again)]


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
