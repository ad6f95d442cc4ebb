"""What ``lifemeeting timeline`` answers: a case's timeline, typed, frozen and JSON-ready.

Every dated item says which rule it comes from (``rule``, ``citation``) and how its date
was read (``basis``: the source's own words, e.g. '2014年5月25日前' or '会后15天内'), so a
reader can hold each date against the source.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.engine.answer_model import CitationOut, Receipt

ItemStatus = Literal["done", "open", "overdue"]
ItemKind = Literal["task", "talk", "material", "pre_sign", "link", "lead_time", "duty", "appraisal"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ItemPart(_Frozen):
    """One subject's or one pair's share of an item: a member's material, one required talk."""

    who: str = Field(description="the member, the team or the pair, as named in messages")
    status: ItemStatus
    done_on: dt.date | None = None
    late: bool = Field(False, description="done after the item's last day")


class TimelineItem(_Frozen):
    """One dated duty of the case: a task, talk rule, material, review link, lead time or post-meeting duty."""

    id: str = Field(description="stable within the case: 'task:study', 'link:examination:initial_review', …")
    kind: ItemKind
    rule: str = Field(description="the id of the rule in the rule set")
    name: str
    owner: str | None = None
    start: dt.date | None = Field(None, description="a window's first day; null for a deadline")
    end: dt.date | None = Field(None, description="the rule's last day; null when it depends on a date not yet known")
    basis: str | None = Field(None, description="the date as the source writes it, or how it counts from the meeting")
    before_meeting: bool = Field(False, description="a gate: must be complete before the meeting may be held")
    soft: bool = Field(
        False,
        description="a soft gate (一般, severity warning) asks for it before the meeting; unmet, it only warns",
    )
    by: dt.date | None = Field(
        None, description="the last day that counts: 'end', or the meeting day if earlier for a gate (a soft one too)"
    )
    status: ItemStatus
    done_on: dt.date | None = Field(
        None, description="the day of the event that completed it (the last part's, for several)"
    )
    late: bool = False
    parts: list[ItemPart] = Field(default_factory=list)
    citation: CitationOut | None = None
    note: str | None = None


class MeetingPlan(_Frozen):
    """The meeting itself: the planned (or held) date against the window the rules set."""

    name: str
    date: dt.date | None = Field(description="the date deadlines count from: held, else planned; null if neither")
    held: bool = False
    length_days: float | None = None
    window_start: dt.date | None = None
    window_end: dt.date | None = None
    basis: str | None = None
    in_window: bool | None = Field(None, description="null when there is no date or no window")
    citation: CitationOut | None = None


class Earliest(_Frozen):
    """The earliest day the meeting may be held, counting what is done and what is only waiting."""

    date: dt.date
    bounds: list[str] = Field(description="each thing that pushes the date later, with its arithmetic")
    still_to_do: list[str] = Field(
        default_factory=list, description="blockers that are not waiting; assumed done by then"
    )
    in_window: bool | None = Field(None, description="whether the date falls within the rule's meeting window")


class Change(_Frozen):
    """One item whose last day or status differs when the meeting moves."""

    id: str
    name: str
    by_before: dt.date | None
    by_after: dt.date | None
    status_before: ItemStatus
    status_after: ItemStatus
    late_before: bool = False
    late_after: bool = False


class Move(_Frozen):
    """What moving the meeting from one date to another does to the case's deadlines."""

    from_date: dt.date | None
    to_date: dt.date
    legal: bool = Field(description="on or after the earliest legal date, and not past a meeting window that is a gate")
    in_window: bool | None = None
    newly_missed: list[Change] = Field(default_factory=list)
    newly_met: list[Change] = Field(default_factory=list)
    moved: list[Change] = Field(
        default_factory=list, description="last days that shift with the meeting, status unchanged"
    )
    timeline: list[TimelineItem] = Field(
        default_factory=list, description="the items as they stand with the moved date"
    )


class Timeline(_Frozen):
    """Every dated item of a case, its owner and status as of ``on``; when the meeting can be held; what a move does."""

    on: dt.date
    ruleset: str
    tier: str | None
    unit: str
    round: int = 1
    meeting: MeetingPlan
    items: list[TimelineItem]
    earliest: Earliest | None = Field(None, description="null once the meeting has been held")
    move: Move | None = None
    warnings: list[str] = Field(default_factory=list)
    receipt: Receipt
