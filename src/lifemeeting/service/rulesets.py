"""Routes about rule sets: list, show, JSON Schemas, review chains and their diagrams."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from lifemeeting.answers.chain_model import SubjectChain, TierChain
from lifemeeting.engine.answer_model import Receipt
from lifemeeting.ruleset.load import available, load_ruleset
from lifemeeting.service.deps import Who, ruleset_by_id
from lifemeeting.service.errors import ERROR_RESPONSES
from lifemeeting.service.models import SCHEMAS, RuleSetDocument, RuleSetSummary, json_schema_of
from lifemeeting.version import engine_version

router = APIRouter(prefix="/v1", tags=["rule sets"], responses=ERROR_RESPONSES)

Tier = Annotated[str | None, Query(description="tier id or name; needed when the rule set has tiers")]
Material = Annotated[str | None, Query(description="only this material's chain")]
UnitAttrs = Annotated[
    list[str] | None, Query(description="unit attributes, each 'name=value' (e.g. liaison_point=true)")
]


@router.get("/rulesets", response_model=list[RuleSetSummary], summary="The rule sets this server offers")
def list_rulesets(_: Who) -> list[RuleSetSummary]:
    out = []
    for rid, path in available().items():
        loaded = load_ruleset(path)
        rs = loaded.model
        out.append(
            RuleSetSummary(
                id=rid,
                version=rs.version,
                title=rs.title,
                source=rs.source.number or rs.source.title,
                tiers=[t.id for t in rs.tiers],
                sha256=loaded.sha256,
            )
        )
    return out


@router.get("/rulesets/{ruleset_id}", response_model=RuleSetDocument, summary="One rule set, whole, with its receipt")
def show_ruleset(ruleset_id: str, _: Who) -> RuleSetDocument:
    loaded = ruleset_by_id(ruleset_id)
    rs = loaded.model
    receipt = Receipt(ruleset=rs.id, version=rs.version, sha256=loaded.sha256, engine=engine_version())
    return RuleSetDocument(receipt=receipt, ruleset=rs)


@router.get(
    "/schemas/{what}", response_model=dict[str, Any], summary="JSON Schema of rule sets, cases, events or answers"
)
def schema(what: Literal["ruleset", "case", "event", "answer", "status", "timeline"], _: Who) -> dict[str, Any]:
    assert what in SCHEMAS
    return json_schema_of(what)


@router.get("/rulesets/{ruleset_id}/chains", response_model=list[TierChain], summary="Every review chain of a tier")
def tier_chains(
    ruleset_id: str,
    _: Who,
    tier: Tier = None,
    material: Material = None,
    unit: UnitAttrs = None,
) -> list[TierChain]:  # noqa: B006
    from lifemeeting.answers.chains import tier_chains as query

    return query(ruleset_by_id(ruleset_id), tier=tier, material=material, unit=unit)


@router.get(
    "/rulesets/{ruleset_id}/positions/{position}/chains",
    response_model=list[SubjectChain],
    summary="The chains a position's materials pass, link by link",
)
def position_chains(
    ruleset_id: str,
    position: str,
    _: Who,
    tier: Tier = None,
    material: Material = None,
    unit: UnitAttrs = None,
) -> list[SubjectChain]:
    from lifemeeting.answers.chains import subject_chains

    return subject_chains(ruleset_by_id(ruleset_id), position=position, tier=tier, material=material, unit=unit)


DIAGRAM_TYPES = {"mermaid": "text/plain; charset=utf-8", "svg": "image/svg+xml"}


@router.get(
    "/rulesets/{ruleset_id}/diagram",
    response_class=Response,
    responses={
        200: {"content": {t: {} for t in DIAGRAM_TYPES.values()}, "description": "Mermaid text or an SVG drawing"},
        501: {"description": "SVG needs Graphviz on the server"},
    },
    summary="A tier's chains (or one position's) as Mermaid or SVG",
)
def diagram(
    ruleset_id: str,
    _: Who,
    tier: Tier = None,
    position: Annotated[str | None, Query(description="one position's chains instead of the tier's")] = None,
    material: Material = None,
    unit: UnitAttrs = None,
    format: Literal["mermaid", "svg"] = "mermaid",  # noqa: A002
) -> Response:
    from lifemeeting.render.diagrams import chain_diagram

    drawn = chain_diagram(
        ruleset_by_id(ruleset_id), tier=tier, position=position, material=material, unit=unit, format=format
    )
    return Response(drawn, media_type=DIAGRAM_TYPES[format])
