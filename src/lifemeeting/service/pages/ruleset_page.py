"""A rule set's page: its tiers, chains (drawn), gates, talks, deadlines and how much of its source it covers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lifemeeting.ruleset.load import available, load_ruleset
from lifemeeting.service.pages.access import PageError, who
from lifemeeting.service.pages.rendering import diagram, render

router = APIRouter(include_in_schema=False)


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
    drawing, drawing_kind = diagram(lambda fmt: _chain_diagram(loaded, tier, fmt))
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
