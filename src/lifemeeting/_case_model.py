"""A case: one team's meeting under one rule set, and the ordered events so far."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(min_length=1)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Member(_Frozen):
    """One person on the team."""

    id: Id
    name: str
    position: str | None = Field(None, description="a position id from the rule set")
    attributes: dict[str, str | bool] = Field(default_factory=dict)
    oversees: list[str] = Field(default_factory=list, description="departments whose heads are this member's talk partners")


class Unit(_Frozen):
    name: str
    position: str | None = Field(None, description="the position of the team itself (e.g. a 县委常委班子)")
    attributes: dict[str, str | bool] = Field(default_factory=dict)


class PlannedMeeting(_Frozen):
    date: dt.date | None = None
    length_days: float | None = Field(None, gt=0)


EVENT_TYPES = ("done", "talk", "submitted", "signed", "approved", "returned")


class Event(_Frozen):
    """Something that happened. Which fields matter depends on ``type``:

    - done: ``task`` (a preparation task or duty id)
    - talk: ``between`` two parties (member ids, role ids, ``head:<department>`` or a listed name)
    - submitted: ``material`` and ``subject`` (``team`` or a member id)
    - signed: pre-sign of a submitted material, ``by`` the pre-sign role
    - approved / returned: at ``link``, ``by`` one of the link's reviewers; returned sends it back to drafting
    """

    type: Literal["done", "talk", "submitted", "signed", "approved", "returned"]
    date: dt.date
    task: str | None = None
    between: list[str] | None = Field(None, min_length=2, max_length=2)
    material: str | None = None
    subject: str | None = None
    link: str | None = None
    by: str | None = None
    reason: str | None = None
    note: str | None = None


class Case(_Frozen):
    """One team's meeting: which rules, who is on the team, what is planned, what has happened."""

    ruleset: str
    tier: str | None = None
    unit: Unit
    meeting: PlannedMeeting = Field(default_factory=PlannedMeeting)
    members: list[Member] = Field(min_length=1)
    parameters: dict[str, dt.date] = Field(default_factory=dict, description="dates the rule set leaves open (e.g. xx)")
    lists: dict[str, list[str]] = Field(default_factory=dict, description="named lists of outside parties for talk rules")
    people: dict[str, str] = Field(default_factory=dict, description="role id → the name to show for it")
    events: list[Event] = Field(default_factory=list)
