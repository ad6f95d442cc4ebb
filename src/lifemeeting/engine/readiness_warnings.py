"""What an answer warns about though no gate blocks it: an agenda longer than the planned length, a meeting
day outside the meeting's window.
"""

from __future__ import annotations

import datetime as dt

from lifemeeting.engine.gates_common import _days
from lifemeeting.engine.view import CaseView


def agenda_too_long(v: CaseView) -> str | None:
    """The agenda's time against the planned length, with the arithmetic, when it does not fit."""
    m = v.rules.meeting
    length = v.case.meeting.length_days
    if m.hours_per_day is None or length is None:
        return None
    team = len(v.members)
    parts, need = [], 0.0
    for item in m.agenda:
        if item.minutes is None:
            continue
        if item.per_member:
            need += item.minutes * team
            parts.append(f"{item.name}{item.minutes:g}分钟×{team}人")
        else:
            need += item.minutes
            parts.append(f"{item.name}{item.minutes:g}分钟")
    have = length * m.hours_per_day * 60
    if need <= have:
        return None
    return (
        f"议程约需{need:g}分钟（{'+'.join(parts)}），计划会期{_days(length)}"
        f"（每天{m.hours_per_day:g}小时）只有{have:g}分钟"
    )


def _outside_window(v: CaseView, on: dt.date) -> str | None:
    """A meeting day outside meeting.window, said even where no gate forbids it (a gate says it as a blocker)."""
    if not v._compiled.warns_outside_window:
        return None
    m = v.rules.meeting
    window = v.window(m.window, m.window_by_tier)
    if window is None or ((window.start is None or window.start <= on) and on <= window.end):
        return None  # no window for this tier (or it depends on a date not given), or the day lies in it
    return f"于{on}召开，不在规定的会议时间（{window}）之内"
