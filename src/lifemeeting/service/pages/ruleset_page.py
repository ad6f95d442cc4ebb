"""A rule set's page: its tiers, chains (drawn), gates, talks, deadlines and how much of its source it covers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from lifemeeting.ruleset import words
from lifemeeting.ruleset.load import available, load_ruleset
from lifemeeting.ruleset.model import RuleSet
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
        w=RuleWords(rs),
    )


class RuleWords:
    """A rule set's ids in its own words, for a policy officer reading its page: roles, talk parties, the things
    gates name and the kinds of gate (as ``lifemeeting show`` words them: ``ruleset.words``)."""

    def __init__(self, rs: RuleSet) -> None:
        self.rs = rs
        self.role_names = {r.id: r.name for r in rs.roles}

    def role(self, rid: str | None) -> str:
        """A role id's name; an owner written as the source writes it, as is; '—' for none."""
        return "—" if rid is None else self.role_names.get(rid, rid)

    def roles(self, rids: list[str]) -> str:
        return "、".join(self.role(r) for r in rids)

    def party(self, selector: dict[str, Any] | str) -> str:
        """Who a talk rule names: '全体党员', '党员（是党支部委员）', a role, a list, '相互之间'."""
        if selector == "each_other":
            return "相互之间"
        if selector == "overseen_heads":
            return "分管部门主要负责同志"
        if isinstance(selector, dict) and "role" in selector:
            return self.role(selector["role"])
        if isinstance(selector, dict) and "members" in selector:
            said = words.condition(self.rs, selector["members"])
            member = self.rs.team.member
            return f"全体{member}" if said == words.ALWAYS else f"{member}（{said}）"
        if isinstance(selector, dict) and "list" in selector:
            return f"案例所列名单 {selector['list']}"
        return str(selector)

    def named(self, item: str | None) -> str:
        """A task, duty, talk, material or appraisal by its name."""
        return "" if item is None else words.name(self.rs, item)

    def names(self, items: list[str]) -> str:
        return "、".join(self.named(i) for i in items)

    def kind(self, kind: str) -> str:
        return words.GATE_KINDS.get(kind, kind)


def _chain_diagram(loaded: Any, tier: str | None, fmt: str) -> str | bytes:
    from lifemeeting.render.diagrams import chain_diagram

    return chain_diagram(loaded, tier=tier, format=fmt)
