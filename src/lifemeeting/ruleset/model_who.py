"""Whom the rules speak of: tiers, attributes, positions, roles, and what the source calls the team and its
members.
"""

# No ``from __future__ import annotations`` here, as in ``ruleset/model.py``.

from typing import Literal

from pydantic import Field

from lifemeeting.ruleset.model_base import Citation, Frozen, Id, Predicate


class Tier(Frozen):
    id: Id
    name: str
    note: str | None = None
    cite: Citation | None = None


class Attribute(Frozen):
    """A subject or unit attribute that predicates may test."""

    id: Id
    name: str
    values: list[str] | None = Field(
        None, description="allowed values; omit for yes/no (a subject or unit that does not give it: no)"
    )
    required: bool | list[Id] = Field(
        False,
        description=(
            "a unit attribute every case must settle — by giving it or by naming a team position that derives it"
            " (unit_attributes); a list of tier ids: only cases of those tiers. A case that does neither is refused"
        ),
    )


class Position(Frozen):
    """A named kind of subject: a post (县委书记) or a team (县委常委班子), with its attributes."""

    id: Id
    name: str
    subject: Literal["member", "team"] = "member"
    tiers: list[Id] | None = None
    attributes: dict[str, str | bool] = Field(default_factory=dict)
    unit_attributes: dict[str, str | bool] = Field(
        default_factory=dict,
        description=(
            "a team position: unit attributes the unit has because its team holds this position (a case cannot"
            " leave them out or say otherwise)"
        ),
    )


class Role(Frozen):
    """Someone who reviews, signs, talks or owns a task; ``filled_by`` picks a team member."""

    id: Id
    name: str
    filled_by: Predicate | None = Field(None, description="predicate over the case's members")


class Team(Frozen):
    """What the rule set calls the body that holds the meeting and each of its members, in the source's words."""

    name: str = Field(
        "领导班子",
        min_length=1,
        description=(
            "the body that holds the meeting (领导班子, 党支部班子): owner of what no role owns, author of the team's"
            " materials in messages"
        ),
    )
    member: str = Field(
        "班子成员",
        min_length=1,
        description="one of its members (班子成员, 党员): messages say 全体班子成员 / 全体党员 for all of them",
    )
