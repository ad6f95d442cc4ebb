"""The rule-set format: what a jurisdiction's YAML file may say, as typed, frozen models.

Every rule carries a ``cite`` (section and quoted words; the document defaults to the
rule set's source). Who a rule applies to is a declarative ``Predicate`` over subject
attributes, evaluated by ``_predicate`` — never ``eval``.

``RuleSet``, the root, is defined here; its parts are in ``model_base`` (building blocks, citations,
parameters), ``model_sources``, ``model_who``, ``model_materials``, ``model_tasks`` and ``model_meeting``,
and every name of theirs is re-exported here, so ``from lifemeeting.ruleset.model import Gate`` works.
"""

# No ``from __future__ import annotations`` here: pydantic would evaluate every field's annotation
# from its text when the class is made (measured: ~3 ms of every command's start-up).
# A class named before it is defined is written in quotes.

import datetime as dt

from pydantic import Field

from lifemeeting.ruleset.model_base import (
    AFTER,
    FACTS,
    Citation,
    ClauseRef,
    DateSpec,
    Facts,
    Frozen,
    Id,
    Parameter,
    ParameterRef,
    Predicate,
    RuleSetId,
    Severity,
)
from lifemeeting.ruleset.model_materials import Chain, Link, Material, PreSign
from lifemeeting.ruleset.model_meeting import AgendaItem, Appraisal, Level, Meeting, Order, ShareLimit
from lifemeeting.ruleset.model_sources import Clause, Source, Unchecked
from lifemeeting.ruleset.model_tasks import Approval, Gate, GateKind, RatingTrigger, TalkRule, Task
from lifemeeting.ruleset.model_who import Attribute, Position, Role, Team, Tier

__all__ = [
    "AFTER",
    "FACTS",
    "AgendaItem",
    "Appraisal",
    "Approval",
    "Attribute",
    "Chain",
    "Citation",
    "Clause",
    "ClauseRef",
    "DateSpec",
    "Facts",
    "Frozen",
    "Gate",
    "GateKind",
    "Id",
    "Level",
    "Link",
    "Material",
    "Meeting",
    "Order",
    "Parameter",
    "ParameterRef",
    "Position",
    "PreSign",
    "Predicate",
    "RatingTrigger",
    "Role",
    "RuleSet",
    "RuleSetId",
    "Severity",
    "ShareLimit",
    "Source",
    "TalkRule",
    "Task",
    "Team",
    "Tier",
    "Unchecked",
]


class RuleSet(Frozen):
    """One jurisdiction's rules for one kind of meeting (民主生活会, a branch's 组织生活会 …): see ``meeting.name``."""

    id: RuleSetId
    version: str
    title: str
    team: Team = Field(
        default_factory=Team,
        description="what the source calls the team and its members; default 领导班子 and 班子成员",
    )
    source: Source
    year: int = Field(ge=1900, le=2200, description="the year dates without a year fall in (1900 to 2200)")
    annual: bool = Field(
        False,
        description=(
            "held every year: dates without a year fall in the case's year (its 'year', else its meeting's);"
            " 'year' is then only the year of the examples"
        ),
    )
    tiers: list[Tier] = Field(default_factory=list)
    attributes: list[Attribute] = Field(default_factory=list)
    unit_attributes: list[Attribute] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    chains: list[Chain] = Field(default_factory=list)
    talks: list[TalkRule] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    gates: list[Gate] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    duties: list[Task] = Field(default_factory=list)
    appraisals: list[Appraisal] = Field(default_factory=list)
    orders: list[Order] = Field(default_factory=list)
    approvals: list[Approval] = Field(default_factory=list, description="consents a gate may be waived by")
    parameters: list[Id | Parameter] = Field(
        default_factory=list,
        description=(
            "values the case supplies: a bare id is a date with no default; a mapping gives its type"
            " (date, days, number) and a default"
        ),
    )
    holidays: list[dt.date] = Field(
        default_factory=list,
        description="extra days off when counting 工作日 (beyond or instead of the official calendar)",
    )
    workdays: list[dt.date] = Field(default_factory=list, description="extra days worked (补班) when counting 工作日")
    unchecked: list[Unchecked] = Field(default_factory=list)
    clauses: list[Clause] = Field(
        default_factory=list, description="the source's passages in order: its clause inventory"
    )
    blocks_nothing: str | None = Field(
        None,
        min_length=1,
        description=(
            "why this rule set has no gate, so that nothing can block a meeting under it; without it a rule set"
            " with no gates is refused (a file cut short loses its gates first)"
        ),
    )

    def parameter_specs(self) -> dict[str, Parameter]:
        """Every parameter by id, a bare id read as a date parameter without a default."""
        specs = (Parameter(id=p) if isinstance(p, str) else p for p in self.parameters)
        return {p.id: p for p in specs}
