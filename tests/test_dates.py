"""Dates as the sources write them: period words, ranges, offsets from the meeting, and their edges."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from lifemeeting.dates import periods as _dates
from lifemeeting.dates.periods import Window, basis, check_spec, parse_text, resolve

D = dt.date


@pytest.mark.parametrize(
    "text,start,end",
    [
        ("2014年6月上旬", D(2014, 6, 1), D(2014, 6, 10)),
        ("2014年6月中旬", D(2014, 6, 11), D(2014, 6, 20)),
        ("2014年6月下旬", D(2014, 6, 21), D(2014, 6, 30)),
        ("2014年7月下旬", D(2014, 7, 21), D(2014, 7, 31)),
        ("2024年2月下旬", D(2024, 2, 21), D(2024, 2, 29)),
        ("2023年2月下旬", D(2023, 2, 21), D(2023, 2, 28)),
        ("6月上旬—中旬", D(2014, 6, 1), D(2014, 6, 20)),
        ("2014年6月中旬—6月下旬", D(2014, 6, 11), D(2014, 6, 30)),
        ("5月19日—6月初", D(2014, 5, 19), D(2014, 6, 10)),
        ("2014年5月19日—31日", D(2014, 5, 19), D(2014, 5, 31)),
    ],
)
def test_period_words_read_as_windows(text, start, end):
    """上旬 is the 1st–10th, 中旬 the 11th–20th, 下旬 runs to the month's last day, ranges join two ends."""
    assert parse_text(text, 2014) == Window(start, end)


def test_leap_february_late_period_ends_on_the_29th():
    """2024年2月下旬 ends on 2月29日, in a leap year, and is a window of nine days."""
    w = parse_text("2024年2月下旬", 2024)
    assert w.end == D(2024, 2, 29) and (w.end - w.start).days + 1 == 9


@pytest.mark.parametrize(
    "text,end",
    [
        ("2014年5月25日前", D(2014, 5, 25)),
        ("6月底前", D(2014, 6, 30)),
        ("2月底前", D(2014, 2, 28)),
        ("2014-05-25", D(2014, 5, 25)),
    ],
)
def test_deadlines_have_only_an_end(text, end):
    """'…前' and ISO dates are deadlines: no start, the end inclusive; 底 is the month's last day."""
    assert parse_text(text, 2014) == Window(None, end)


def _at(spec, meeting):
    return resolve(spec, year=meeting.year, meeting=meeting, parameters={})


def test_days_after_the_meeting_cross_a_month_end():
    """会后10天 from 6月25日 is 7月5日; 会后15天 from 1月20日 is 2月4日."""
    assert _at({"days_after_meeting": 10}, D(2014, 6, 25)).end == D(2014, 7, 5)
    assert _at({"days_after_meeting": 15}, D(2014, 1, 20)).end == D(2014, 2, 4)


def test_fifteen_days_before_an_early_january_meeting_falls_in_the_year_before():
    """会前15天 for a meeting on 2015年1月5日 is 2014年12月21日, counted in calendar days."""
    assert _at({"days_before_meeting": 15}, D(2015, 1, 5)) == Window(None, D(2014, 12, 21))


def test_months_after_the_meeting_is_a_window_clamped_to_the_month_end():
    """会后3个月 runs from the meeting; 1月31日 plus one month is the last day of February."""
    assert _at({"months_after_meeting": 3}, D(2013, 12, 27)) == Window(D(2013, 12, 27), D(2014, 3, 27))
    assert _at({"months_after_meeting": 1}, D(2024, 1, 31)).end == D(2024, 2, 29)
    assert _at({"months_after_meeting": 1}, D(2023, 1, 31)).end == D(2023, 2, 28)


def test_working_days_use_the_given_counter():
    """A spec with working_days: true counts with add_days; without it, calendar days."""
    calls = []

    def add(day, n):
        calls.append((day, n))
        return D(2000, 1, 1)

    spec = {"days_before_meeting": 5, "working_days": True}
    assert resolve(spec, year=2024, meeting=D(2024, 2, 21), parameters={}, add_days=add).end == D(2000, 1, 1)
    assert calls == [(D(2024, 2, 21), -5)]
    assert resolve({"days_before_meeting": 5}, year=2024, meeting=D(2024, 2, 21), parameters={}, add_days=add).end == D(
        2024, 2, 16
    )


def test_relative_dates_wait_for_the_meeting_date():
    """Without a meeting date a relative deadline is unknown (None), not a guess."""
    assert resolve({"days_after_meeting": 15}, year=2014, meeting=None, parameters={}) is None


@pytest.mark.parametrize(
    "spec,message",
    [
        ({"months_after_meeting": 3, "working_days": True}, "working_days counts days"),
        ({"parameter": "xx", "working_days": True}, "working_days counts days"),
        ({"days_after_meeting": 3, "working_days": "yes"}, "working_days takes true or false"),
    ],
)
def test_working_days_only_with_day_counts(spec, message):
    """working_days goes with days_before_meeting or days_after_meeting and nothing else."""
    with pytest.raises(ValueError, match=message):
        check_spec(spec, 2024)


@pytest.mark.parametrize(
    "spec,words",
    [
        ("2014年5月25日前", "2014年5月25日前"),
        ({"days_before_meeting": 15}, "会前15天"),
        ({"days_before_meeting": 5, "working_days": True}, "会前5个工作日"),
        ({"days_after_meeting": 15}, "会后15天内"),
        ({"months_after_meeting": 3}, "会后3个月内"),
        ({"parameter": "study_due"}, "案例参数 study_due"),
        ({"days_before_meeting": 0}, "会前"),
    ],
)
def test_basis_says_the_date_in_the_sources_words(spec, words):
    """Each resolved date carries the words it was read from, for a reader to check."""
    assert basis(spec) == words


def test_today_is_the_day_in_shanghai():
    """Today is taken in Asia/Shanghai, where the sources' whole days are."""
    assert _dates.today() == dt.datetime.now(ZoneInfo("Asia/Shanghai")).date()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2014, 1, 31), 1, dt.date(2014, 2, 28)),  # the 31st of a shorter month becomes its last day
        (dt.date(2016, 1, 31), 1, dt.date(2016, 2, 29)),
        (dt.date(2014, 6, 30), 3, dt.date(2014, 9, 30)),
        (dt.date(2013, 11, 15), 3, dt.date(2014, 2, 15)),  # across the year
        (dt.date(2014, 3, 31), -1, dt.date(2014, 2, 28)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert _dates.add_months(day, months) == expected
