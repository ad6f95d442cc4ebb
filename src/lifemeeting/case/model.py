"""A case: one team's meeting under one rule set, and the ordered events so far."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(min_length=1)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Member(_Frozen):
    """One person on the team."""

    id: Id
    name: str
    position: str | None = Field(None, description="a position id from the rule set")
    attributes: dict[str, str | bool] = Field(default_factory=dict)
    oversees: list[str] = Field(
        default_factory=list, description="departments whose heads are this member's talk partners"
    )


class Unit(_Frozen):
    name: str
    position: str | None = Field(None, description="the position of the team itself (e.g. a 县委常委班子)")
    attributes: dict[str, str | bool] = Field(default_factory=dict)


class PlannedMeeting(_Frozen):
    date: dt.date | None = None
    length_days: float | None = Field(None, gt=0)


class Pin(_Frozen):
    """The rule set a case started under; loaded against another version or content, it is refused (``pin``)."""

    version: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="the rule set's sha256 when the case was pinned")
    snapshot: str | None = Field(
        None, description="a copy of that rule set (JSON, relative to the case file) to show what changed since"
    )


NOTE_LENGTH = 4000
"""The longest note or reason an event may carry: a paragraph, not a document (attach those elsewhere)."""


class Event(_Frozen):
    """Something that happened. Which fields matter depends on ``type``:

    - done: ``task`` (a preparation task or duty id); a duty owed per rated member (``per_rating``) names
      the member as ``subject``
    - talk: ``between`` two parties (member ids, role ids, ``head:<department>`` or a listed name)
    - submitted: ``material`` and ``subject`` (``team`` or a member id)
    - signed: pre-sign of a submitted material, ``by`` the pre-sign role
    - approved / returned: at ``link``, ``by`` one of the link's reviewers; returned sends it back to drafting,
      optionally as ``rework`` (revise / rewrite) to be resubmitted by ``resubmit_by`` (限定时限重新撰写)
    - attended: the roll call on the meeting day — ``present`` and ``on_leave`` (member ids; the rest are absent)
      and ``guests`` (outside roles or named people who came: a supervision group, an observer of the higher level)
    - granted: ``approval`` (from the rule set's approvals) given ``by`` its role, e.g. consent to move the meeting
    - held: the meeting was held on ``date`` (refused while anything blocks it)
    - appraised: ``appraisal`` with ``satisfied`` of ``total`` votes; below the threshold starts a redo or a new round
    - rated: the result of a rating ``appraisal``: ``ratings`` maps member ids to levels (id or name); a later
      result of the same appraisal in the same round adds to or corrects it
    - ordered: a higher body's ``order`` (e.g. 责令重开), with its consequence from the rule set
    - retracted: takes back the event numbered ``retracts`` (its sequence number, from 1), with a
      ``reason``; the case replays as if that event had not happened, and the trail keeps both
    """

    type: Literal[
        "done",
        "talk",
        "submitted",
        "signed",
        "approved",
        "returned",
        "attended",
        "granted",
        "held",
        "appraised",
        "rated",
        "ordered",
        "retracted",
    ]
    date: dt.date
    task: str | None = None
    between: list[str] | None = Field(None, min_length=2, max_length=2)
    material: str | None = None
    subject: str | None = None
    link: str | None = None
    by: str | None = None
    reason: str | None = Field(None, max_length=NOTE_LENGTH)
    appraisal: str | None = None
    satisfied: int | None = Field(None, ge=0)
    total: int | None = Field(None, ge=0)
    order: str | None = None
    ratings: dict[str, str] | None = Field(
        None, description="rated: member id → the level given (its id or name, e.g. excellent or 优秀)"
    )
    approval: str | None = None
    rework: Literal["revise", "rewrite"] | None = Field(
        None, description="returned: to be revised (修改) or rewritten (重新撰写); unsaid, only 'returned'"
    )
    resubmit_by: dt.date | None = Field(None, description="returned: the last day the reviewer allows for resubmitting")
    present: list[str] | None = Field(None, description="attended: the members present")
    on_leave: list[str] | None = Field(None, description="attended: the members absent with leave (请假)")
    guests: list[str] | None = Field(
        None, description="attended: who came from outside — role ids, or names as the source writes them"
    )
    retracts: int | None = Field(None, ge=1, description="for 'retracted': the sequence number of the event taken back")
    note: str | None = Field(None, max_length=NOTE_LENGTH, description=f"free text, up to {NOTE_LENGTH} characters")


class Case(_Frozen):
    """One team's meeting: which rules, who is on the team, what is planned, what has happened."""

    ruleset: str
    pinned: Pin | None = Field(None, description="the version and sha256 of the rule set the case started under")
    tier: str | None = None
    unit: Unit
    meeting: PlannedMeeting = Field(default_factory=PlannedMeeting)
    year: int | None = Field(
        None, ge=1900, le=2999, description="for an annual rule set: the year its dates without a year fall in"
    )
    members: list[Member] = Field(min_length=1)
    parameters: dict[str, dt.date | float] = Field(
        default_factory=dict, description="values the rule set leaves open: dates (e.g. xx), day counts, numbers"
    )
    lists: dict[str, list[str]] = Field(
        default_factory=dict, description="named lists of outside parties for talk rules"
    )
    people: dict[str, str] = Field(default_factory=dict, description="role id → the name to show for it")
    holidays: list[dt.date] = Field(
        default_factory=list, description="extra days off when counting 工作日; override the rule set's"
    )
    workdays: list[dt.date] = Field(
        default_factory=list, description="extra days worked (补班) when counting 工作日; override the rule set's"
    )
    events: list[Event] = Field(default_factory=list)
