"""What a chain question answers: the links a material passes, typed, frozen and JSON-ready.

Two shapes: ``SubjectChain`` (one subject's material, link by link) and ``TierChain``
(every link of a tier's chain with the subjects it applies to). Both come from the rule
set's data through ``_chains.path_for``; the diagrams are drawn from these answers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.engine.answer_model import CitationOut

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
KindName = Literal["审核", "审阅"]
KIND_NAMES: dict[str, KindName] = {"review": "审核", "read_through": "审阅"}


def circled(number: int) -> str:
    """The link number as the sources write it: ①, ②, …"""
    return CIRCLED[number - 1] if 0 < number <= len(CIRCLED) else f"({number})"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Condition(_Frozen):
    """The unit attributes a link (or pre-sign) depends on, when they were not given."""

    when: list[dict[str, bool | str]] = Field(description="unit-attribute values under which it applies (any one)")
    text: str = Field(description="the condition in words, e.g. 仅市委书记联系点")


class Reviewer(_Frozen):
    id: str
    name: str


class PreSignStep(_Frozen):
    """A sign-off before a link (签字把关)."""

    name: str
    reviewer: Reviewer
    condition: Condition | None = None
    citation: CitationOut


class ChainStep(_Frozen):
    """One link a subject's material passes."""

    number: int = Field(description="the link's place in the whole chain, as the source numbers it")
    mark: str = Field(description="①, ②, …")
    link: str
    name: str
    kind: Literal["review", "read_through"]
    kind_name: KindName
    gate: bool = Field(description="must pass before the meeting")
    reviewers: list[Reviewer]
    pre_sign: PreSignStep | None = None
    condition: Condition | None = Field(None, description="null: the link always applies to this subject")
    citation: CitationOut


class SubjectRef(_Frozen):
    """Who a material belongs to: a position of the rule set, a case member, or a team."""

    kind: Literal["member", "team"]
    position: str | None = None
    member: str | None = None
    name: str


class SubjectChain(_Frozen):
    """The ordered links one subject's material passes in one chain."""

    ruleset: str
    tier: str | None
    tier_name: str | None
    subject: SubjectRef
    material: str
    material_name: str
    chain: str
    chain_name: str
    unit: dict[str, bool | str] = Field(default_factory=dict, description="unit attributes given")
    depends_on: list[str] = Field(default_factory=list, description="unit attributes not given that change this chain")
    steps: list[ChainStep]
    citation: CitationOut


class Applicability(_Frozen):
    """One subject a link applies to, and under which unit attributes."""

    subject: SubjectRef
    condition: Condition | None = None


class TierLink(_Frozen):
    """One link of a tier's chain and every subject whose material passes it."""

    number: int
    mark: str
    link: str
    name: str
    kind: Literal["review", "read_through"]
    kind_name: KindName
    gate: bool
    reviewers: list[Reviewer]
    applies_to: list[Applicability]
    pre_sign: PreSignStep | None = Field(None, description="the pre-sign step; its subjects are in pre_sign_for")
    pre_sign_for: list[Applicability] = Field(default_factory=list)
    citation: CitationOut


class TierChain(_Frozen):
    """A chain as it stands in one tier: every link, and whom it applies to."""

    ruleset: str
    tier: str | None
    tier_name: str | None
    material: str
    material_name: str
    chain: str
    chain_name: str
    unit: dict[str, bool | str] = Field(default_factory=dict)
    subjects: list[SubjectRef] = Field(description="the subjects of this tier whose material passes the chain")
    links: list[TierLink]
    citation: CitationOut
