"""Agenda time as a check: the agenda's minutes against the planned length, warned about with the arithmetic."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

import lifemeeting as lm

AGENDA = FIXTURES / "format" / "agenda.yaml"


def _answer(path, members, length):
    team = [{"id": f"m{i}", "name": f"成员{i}"} for i in range(members)]
    data = {"ruleset": str(path), "unit": {"name": "某局党组"}, "members": team}
    data["meeting"] = {"date": "2020-06-20", **({"length_days": length} if length else {})}
    return lm.open_case(data, ruleset=path).can_convene()


def test_exactly_enough_time_is_no_warning():
    # 30 + 35 × 6 = 240 minutes; 0.5 day of 8 hours would be 240 — here 7 hours: 210, so 5 members: 205
    assert _answer(AGENDA, 5, 0.5).warnings == []
    assert _answer(AGENDA, 6, 0.5).warnings == [
        "议程约需240分钟（通报30分钟+对照检查发言20分钟×6人+相互批评15分钟×6人），计划会期0.5天（每天7小时）只有210分钟"
    ]


def test_without_a_planned_length_or_hours_per_day_nothing_is_checked(tmp_path):
    assert _answer(AGENDA, 30, None).warnings == []
    path = tmp_path / "agenda.yaml"
    path.write_text(AGENDA.read_text(encoding="utf-8").replace("  hours_per_day: 7\n", ""), encoding="utf-8")
    assert _answer(path, 30, 0.5).warnings == []


def test_hours_per_day_is_a_day_at_most(tmp_path):
    path = tmp_path / "agenda.yaml"
    path.write_text(
        AGENDA.read_text(encoding="utf-8").replace("hours_per_day: 7", "hours_per_day: 25"), encoding="utf-8"
    )
    with pytest.raises(lm.RuleSetError, match="hours_per_day: Input should be less than or equal to 24"):
        lm.load_ruleset(path)
