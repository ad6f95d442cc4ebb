"""A timeline as an RFC 5545 iCalendar file that calendar apps import.

Every event is all-day (``DTSTART;VALUE=DATE``, with an exclusive ``DTEND``): a deadline is
one day, a window spans its days, the meeting spans its planned length. UIDs are stable
for a case and an item — the rule set, tier and unit name, hashed, plus the item id — so
importing a newer timeline updates the events instead of duplicating them. ``DTSTAMP`` is
the ``on`` day at midnight in Asia/Shanghai, so the same question gives the same file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math

from lifemeeting.answers.timeline_model import Timeline, TimelineItem
from lifemeeting.engine.answer_model import CitationOut

STATUS_LABELS = {"done": "已完成", "open": "未完成", "overdue": "已逾期"}
_DAY = dt.timedelta(days=1)


def case_key(t: Timeline) -> str:
    """A short stable id for the case: the same rule set, tier and unit give the same key."""
    raw = f"{t.ruleset}\n{t.tier or ''}\n{t.unit}".encode()
    return hashlib.sha256(raw).hexdigest()[:16]


def timeline_ics(t: Timeline) -> bytes:
    """The timeline's dated items, the meeting and the rules' meeting window as VEVENTs."""
    from zoneinfo import ZoneInfo

    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//lifemeeting//timeline//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{t.unit}{t.meeting.name}")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    stamp = dt.datetime.combine(t.on, dt.time(), ZoneInfo("Asia/Shanghai")).astimezone(dt.UTC)
    key = case_key(t)

    def event(uid: str, summary: str, first: dt.date, last: dt.date, description: str, *, busy: bool = False) -> None:
        e = Event()
        e.add("uid", f"{uid.replace(':', '-')}.{key}@lifemeeting")
        e.add("dtstamp", stamp)
        e.add("summary", summary)
        e.add("dtstart", first)
        e.add("dtend", max(last, first) + _DAY)
        e.add("description", description)
        e.add("transp", "OPAQUE" if busy else "TRANSPARENT")
        cal.add_component(e)

    m = t.meeting
    if m.window_end is not None:
        lines = [f"规定的会议时间：{m.basis}"] + _cite_lines(m.citation)
        first = m.window_start or m.window_end
        event("meeting-window", f"{m.name}（规定的会议时间）", first, m.window_end, "\n".join(lines))
    if m.date is not None:
        days = max(1, math.ceil(m.length_days or 1))
        word = "已召开" if m.held else "计划召开"
        about = f"{word}：{m.date}，会期{m.length_days or 1:g}天"
        event("meeting", f"{m.name}（{word}）", m.date, m.date + (days - 1) * _DAY, about, busy=True)
    for item in t.items:
        if item.by is None:
            continue
        first = item.start if item.start is not None and item.start <= item.by else item.by
        prefix = "" if item.start is not None else "截止："
        event(item.id, f"{prefix}{item.name}（{_status(item)}）", first, item.by, _description(item))
    ical: bytes = cal.to_ical()
    return ical


def _status(item: TimelineItem) -> str:
    if item.status == "done":
        return f"已完成{item.done_on}" + ("，逾期" if item.late else "")
    return STATUS_LABELS[item.status]


def _description(item: TimelineItem) -> str:
    lines = [f"责任人：{item.owner or '—'}", f"时限：{item.basis or '—'}" + (f"（最迟{item.by}）" if item.by else "")]
    if item.before_meeting:
        lines.append("开会的前提：须在会前完成")
    lines.append(f"状态：{_status(item)}")
    for p in item.parts:
        if p.status != "done" or p.late:
            lines.append(f"  {p.who}：{STATUS_LABELS[p.status]}" + (f"（{p.done_on}，逾期）" if p.late else ""))
    if item.note:
        lines.append(f"说明：{item.note}")
    return "\n".join(lines + _cite_lines(item.citation))


def _cite_lines(c: CitationOut | None) -> list[str]:
    return [f"依据：{c.document} {c.section}：“{c.quote}”"] if c is not None else []
