"""The gates on the meeting itself, one check per kind: its planned length, its window, and on the day, the
roll call against a quorum and the roles that must attend.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from lifemeeting.engine.gates_common import Found, _action, _cite, _days, _no_number
from lifemeeting.engine.readiness_model import Blocker, NextAction
from lifemeeting.ruleset.model import Gate
from lifemeeting.ruleset.shares import parse_fraction

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState


def _min_length(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    given = v.number(gate.days)
    if given is None:
        yield _no_number(state, gate, on)
        return
    need = given
    have = v.case.meeting.length_days
    if have is not None and have >= need:
        return
    text = _days(need)
    message = (
        f"「{gate.name}」：会期未定；须不少于{text}"
        if have is None
        else f"「{gate.name}」：计划会期{_days(have)}，须不少于{text}"
    )
    who = v.name(v.rules.meeting.chair) if v.rules.meeting.chair else v.rules.team.name
    yield (
        Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message),
        _action(gate, who, f"将会期安排为不少于{text}", None, on),
    )


def _max_length(state: CaseState, gate: Gate, on: dt.date) -> Found:
    """A planned length longer than the rule allows; a length not planned yet is for a min_length gate to ask."""
    v = state.view
    given = v.number(gate.days)
    if given is None:
        yield _no_number(state, gate, on)
        return
    have = v.case.meeting.length_days
    if have is None or have <= given:
        return
    text = _days(given)
    message = f"「{gate.name}」：计划会期{_days(have)}，超过{text}"
    who = v.name(v.rules.meeting.chair) if v.rules.meeting.chair else v.rules.team.name
    yield (
        Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message),
        _action(gate, who, f"将会期安排为不超过{text}", None, on),
    )


def _meeting_window(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    m = v.rules.meeting
    window = v.window(m.window, m.window_by_tier)
    if window is None:
        return
    start, end = window.start, window.end
    if start is not None and on < start:
        message = f"「{gate.name}」：会议时间为{start}至{end}，最早{start}可以召开"
        yield (
            Blocker.built(
                rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message, waiting=True, until=start
            ),
            None,
        )
    elif on > end:
        message = f"「{gate.name}」：会议应于{end}前召开，{on}已过期"
        who = v.name(m.chair) if m.chair else v.rules.team.name
        yield (
            Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message),
            _action(gate, who, "报上级同意后另定会期", window, on),
        )


def _roll_call(state: CaseState, gate: Gate, on: dt.date) -> tuple[Blocker, NextAction] | None:
    """A blocker when no roll call of the day ``on`` is recorded: attendance can only be judged on the day."""
    a = state.round.attendance
    if a is not None and a.date == on:
        return None
    v = state.view
    message = f"「{gate.name}」：尚未登记{on}会议的到会情况"
    who = v.name(v.rules.meeting.chair) if v.rules.meeting.chair else v.rules.team.name
    blocker = Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message)
    return blocker, _action(gate, who, "会前清点并登记到会情况", None, on)


def _quorum(state: CaseState, gate: Gate, on: dt.date) -> Found:
    missing = _roll_call(state, gate, on)
    if missing is not None:
        yield missing
        return
    v = state.view
    a = state.round.attendance
    assert a is not None and gate.share is not None  # the roll call is there; checks.py holds the share
    required = list(v.members) if gate.attendees is None else v.members_matching(gate.attendees)
    present = sum(1 for mid in required if mid in a.present)
    total = len(required)
    share = parse_fraction(gate.share)
    least = share * total  # the boundary: exactly this many is enough when inclusive (不少于), not when 超过
    need = math.ceil(least) if gate.inclusive else math.floor(least) + 1
    if present >= need:
        return
    leave = [v.name(mid) for mid in required if mid in a.on_leave]
    away = [v.name(mid) for mid in required if mid not in a.present and mid not in a.on_leave]
    bound = "不少于" if gate.inclusive else "超过"
    parts = [f"请假：{'、'.join(leave)}"] if leave else []
    parts += [f"缺席：{'、'.join(away)}"] if away else []
    detail = "；".join(parts)
    message = f"「{gate.name}」：应到{total}人，实到{present}人，须{bound}{gate.share}（至少{need}人）" + (
        f"；{detail}" if detail else ""
    )
    yield Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message), None


def _attendance(state: CaseState, gate: Gate, on: dt.date) -> Found:
    missing = _roll_call(state, gate, on)
    if missing is not None:
        yield missing
        return
    v = state.view
    a = state.round.attendance
    assert a is not None
    for role_id in gate.roles or []:
        role = v.roles[role_id]
        members = v.role_members.get(role_id)
        if members:
            if any(mid in a.present for mid in members):
                continue
        elif role_id in a.guests or role.name in a.guests:
            continue
        message = f"「{gate.name}」：{v.name(role_id)}未到会"
        yield (
            Blocker.built(rule=gate.id, kind=gate.kind, item=role_id, citation=_cite(v, gate), message=message),
            _action(gate, v.name(role_id), "到会", None, on),
        )
