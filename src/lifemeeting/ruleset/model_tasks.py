"""What must be done and what holds the meeting back: talk rules, tasks and duties, the gates, and the
approvals that waive a gate.
"""

# No ``from __future__ import annotations`` here, as in ``ruleset/model.py``.
# A class named before it is defined is written in quotes.

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, field_validator

from lifemeeting.dates.periods import MAX_DAYS
from lifemeeting.ruleset.model_base import (
    AFTER,
    Citation,
    DateSpec,
    Facts,
    Frozen,
    Id,
    ParameterRef,
    Predicate,
    Severity,
)

GateKind = Literal[
    "tasks_done",
    "talks_covered",
    "materials_passed",
    "lead_time",
    "min_length",
    "max_length",
    "meeting_window",
    "quorum",
    "attendance",
    "resubmitted_in_time",
]


class TalkRule(Frozen):
    """A pair-coverage rule: who must have talked with whom before the meeting."""

    id: Id
    name: str
    each: dict[str, Any] = Field(description="selector: {members: PREDICATE} | {role: ROLE} | {list: NAME}")
    with_: dict[str, Any] | Literal["each_other", "overseen_heads"] = Field(alias="with")
    tiers: list[Id] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit: in which units it binds")
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    cite: Citation

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Task(Frozen):
    """A preparation task or post-meeting duty with an owner and a deadline or window."""

    id: Id
    name: str
    owner: str | None = Field(None, description="a role id, or a name as the source writes it")
    tiers: list[Id] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit")
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    after: list[Id] | None = Field(None, description=AFTER)
    note: str | None = None
    per_rating: "RatingTrigger | None" = Field(
        None,
        description=(
            "a duty owed once per member an appraisal rated at one of 'levels' (限期改正 for each member rated"
            " 不合格), named after the member; its relative due counts from the day of the rating"
        ),
    )
    cite: Citation


class RatingTrigger(Frozen):
    """Which results of a rating appraisal make a duty owed: the members it rated at ``levels``."""

    appraisal: Id
    levels: list[Id] = Field(min_length=1)


class Gate(Frozen):
    """A precondition of convening the meeting."""

    id: Id
    name: str
    kind: GateKind
    tasks: list[Id] | None = None
    talks: list[Id] | None = Field(None, description="talk rules to cover; default all that apply")
    material: Id | None = None
    days: (
        Annotated[
            float,
            Field(
                ge=0,
                le=MAX_DAYS,
                strict=True,
                allow_inf_nan=False,
                description=f"a number of days, 0 to {MAX_DAYS} (about ten years); whole for a lead_time gate",
            ),
        ]
        | ParameterRef
        | None
    ) = Field(
        None,
        description=(
            f"a number of days (0 to {MAX_DAYS}, whole for a lead_time gate), or {{parameter: NAME}}:"
            " a parameter the case (or its default) gives"
        ),
    )
    working_days: bool = Field(
        False, description="a lead_time gate's days are 工作日 on the official calendar, not calendar days"
    )
    rounds: Literal["all", "first", "later"] = Field(
        "all", description="which meeting rounds it binds: all, only the first, or only reconvened ones"
    )
    tiers: list[Id] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit")
    share: str | None = Field(
        None, description="a quorum gate's share of the required attendees who must be present: '2/3', '80%'"
    )
    inclusive: bool = Field(
        True,
        description=(
            "a quorum gate: true when exactly the share is enough (不少于、达到), false when more is needed (超过)"
        ),
    )
    attendees: Predicate | None = Field(
        None, description="a quorum gate: which members are required attendees (应到); default every member"
    )
    waived_by: list[Id] | None = Field(
        None, description="approvals (under approvals:) any one of which, granted this round, lifts the gate"
    )
    when: Facts | None = Field(None, description="the gate binds only while this condition on what happened holds")
    roles: list[Id] | None = Field(
        None,
        description=(
            "an attendance gate: roles that must be present — a role filled by members when one of them is"
            " present, an outside role (督导组, 上级派员) when the attendance lists it as a guest"
        ),
    )
    severity: Severity = Field(
        "error",
        description=(
            "error: unmet, it blocks the meeting; warning: a soft rule (一般): unmet, it is reported in the"
            " warnings of check, status and the timeline and blocks nothing"
        ),
    )
    cite: Citation

    @field_validator("share")
    @classmethod
    def _share_form(cls, v: str | None) -> str | None:
        from lifemeeting.ruleset.shares import parse_fraction

        if v is not None:
            parse_fraction(v)
        return v


class Approval(Frozen):
    """A consent someone (usually the higher level) may grant, e.g. to hold the meeting outside its window;
    gates name it in ``waived_by``."""

    id: Id
    name: str
    by: Id = Field(description="the role that grants it")
    when: Facts | None = Field(None, description="it can be granted only while this holds; refused otherwise")
    cite: Citation
