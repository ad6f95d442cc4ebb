"""What units write and who reviews it: materials and their review chains (links, pre-signing)."""

# No ``from __future__ import annotations`` here, as in ``ruleset/model.py``.

from typing import Literal

from pydantic import Field

from lifemeeting.ruleset.model_base import AFTER, Citation, DateSpec, Frozen, Id, Predicate


class Material(Frozen):
    id: Id
    name: str
    team: bool = Field(False, description="the team writes one")
    drafted_by: Id | None = Field(None, description="the role that drafts or files the team's one")
    members: Predicate | None = Field(None, description="which members write their own; omit for none")
    tiers: list[Id] | None = Field(None, description="the tiers in which it is written; omit for every tier")
    after_meeting: bool = Field(
        False,
        description=(
            "written after the meeting (a report, a rectification plan): a post-meeting duty, not a precondition"
        ),
    )
    due: DateSpec | None = Field(None, description="when it must be written and submitted")
    due_by_tier: dict[str, DateSpec] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit: which units write it")
    after: list[Id] | None = Field(None, description=AFTER)
    cite: Citation


class PreSign(Frozen):
    reviewer: Id
    name: str
    applies_to: Predicate
    cite: Citation


class Link(Frozen):
    """One step of a review chain."""

    id: Id
    name: str
    reviewers: list[Id] = Field(min_length=1, description="roles that must all approve at this link")
    kind: Literal["review", "read_through"] = "review"
    gate: bool | None = Field(
        None, description="must pass before the meeting; default: yes for review, no for read_through"
    )
    applies_to: Predicate = Field(default_factory=dict)
    pre_sign: PreSign | None = None
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    cite: Citation

    @property
    def is_gate(self) -> bool:
        return self.kind == "review" if self.gate is None else self.gate


class Chain(Frozen):
    id: Id
    name: str
    material: Id
    tiers: list[Id] | None = None
    note: str | None = None
    links: list[Link]
    cite: Citation
