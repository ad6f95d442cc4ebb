"""Periodic windows: quarters, half-years and the year an annual rule set's case gives; the window warning."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm
from lifemeeting.dates.periods import Window, parse_text

PERIODIC = FIXTURES / "format" / "periodic.yaml"
D = dt.date


@pytest.mark.parametrize(
    ("text", "window"),
    [
        ("第一季度", Window(D(2023, 1, 1), D(2023, 3, 31))),
        ("二季度", Window(D(2023, 4, 1), D(2023, 6, 30))),
        ("2024年第4季度", Window(D(2024, 10, 1), D(2024, 12, 31))),
        ("上半年", Window(D(2023, 1, 1), D(2023, 6, 30))),
        ("下半年前", Window(None, D(2023, 12, 31))),
        ("全年", Window(D(2023, 1, 1), D(2023, 12, 31))),
    ],
)
def test_period_words(text, window):
    assert parse_text(text, 2023) == window


def test_a_fifth_quarter_is_not_a_date():
    with pytest.raises(ValueError, match="cannot read '第五季度'"):
        parse_text("第五季度", 2023)


def _case(**more):
    data = {"ruleset": str(PERIODIC), "unit": {"name": "某局党组"}, "members": [{"id": "wu", "name": "吴书记"}]}
    return lm.open_case({**data, **more}, ruleset=PERIODIC)


def test_without_year_or_meeting_the_rule_sets_year_is_used_and_said():
    answer = _case().can_convene(D(2020, 8, 1))
    assert "年度未给出（案件的 year 或会议日期），按2020年计算" in answer.warnings


def test_a_year_on_a_case_of_a_one_year_rule_set_is_refused():
    minimal = FIXTURES / "rulesets" / "minimal.yaml"
    data = {"ruleset": str(minimal), "tier": "unit", "unit": {"name": "某单位"}, "year": 2021}
    with pytest.raises(lm.CaseError, match="rule set 'minimal-2020' is for 2020, not annual"):
        lm.open_case({**data, "members": [{"id": "wang", "name": "王书记", "position": "head"}]}, ruleset=minimal)


def test_inside_the_window_there_is_no_warning():
    answer = _case(year=2023, meeting={"date": "2023-10-10"}).can_convene(D(2023, 10, 10))
    assert not any("会议时间" in w for w in answer.warnings)


def test_once_held_the_warning_is_about_the_day_it_was_held():
    """Asked after the meeting, the window is held against the day of the meeting, not the day asked."""
    case = _case(year=2023, meeting={"date": "2023-10-10"})
    case.apply({"type": "done", "task": "study", "date": "2023-09-01"})
    case.apply({"type": "held", "date": "2023-10-10"})
    assert not any("会议时间" in w for w in case.can_convene(D(2024, 1, 5)).warnings)
    early = _case(year=2023, meeting={"date": "2023-05-20"})
    early.apply({"type": "done", "task": "study", "date": "2023-05-01"})
    early.apply({"type": "held", "date": "2023-05-20"})
    warnings = early.can_convene(D(2023, 7, 1)).warnings
    expected = "于2023-05-20召开，不在规定的会议时间（2023-07-01至2023-12-31）之内"
    assert [w for w in warnings if "会议时间" in w] == [expected]
