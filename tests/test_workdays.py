"""工作日 on the official calendar: holidays, 补班 make-up days, extra lists, and the fallback beyond the data."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm
from lifemeeting.dates.workdays import WorkCalendar

D = dt.date
RULES = FIXTURES / "rulesets" / "workdays.yaml"


def test_a_make_up_saturday_is_a_working_day():
    """2014年10月11日, a Saturday worked for 国庆, counts: one working day after Friday 10月10日 is that Saturday."""
    cal = WorkCalendar()
    assert cal.is_workday(D(2014, 10, 11))
    assert cal.add(D(2014, 10, 10), 1) == D(2014, 10, 11)
    assert cal.label(D(2014, 10, 11)) == "周六（补班）"


def test_national_day_holiday_is_skipped():
    """One working day after 9月30日 2014 is 10月8日: 10月1日—7日 are off, even the weekdays."""
    cal = WorkCalendar()
    assert cal.add(D(2014, 9, 30), 1) == D(2014, 10, 8)
    assert not cal.is_workday(D(2014, 10, 1)) and cal.label(D(2014, 10, 1)) == "周三（休息日）"


def test_spring_festival_is_skipped_and_its_make_up_sunday_counted():
    """Five working days before 2024年2月21日 is 2月8日: 2月10日—17日 are off, Sunday 2月18日 is worked."""
    cal = WorkCalendar()
    assert cal.add(D(2024, 2, 21), -5) == D(2024, 2, 8)
    assert cal.add(D(2024, 2, 8), 5) == D(2024, 2, 21)


def test_working_days_across_new_year_and_a_month_end():
    """Fifteen working days before 2015年1月5日 is 2014年12月12日 (元旦 off, Sunday 1月4日 worked)."""
    assert WorkCalendar().add(D(2015, 1, 5), -15) == D(2014, 12, 12)


def test_counting_back_and_forth_returns_to_the_same_working_day():
    """add(add(d, -n), n) is d for a working day d, whatever holidays lie between."""
    cal = WorkCalendar()
    for day in (D(2014, 10, 8), D(2024, 2, 19), D(2014, 6, 3)):
        for n in (1, 5, 15):
            assert cal.add(cal.add(day, -n), n) == day


def test_beyond_the_data_falls_back_to_monday_to_friday_with_a_warning():
    """2027 has no official data: working days are Monday–Friday and the answer says so once, no crash."""
    cal = WorkCalendar()
    assert cal.add(D(2027, 1, 1), 5) == D(2027, 1, 8)  # Friday 1月1日 → the next Friday
    cal.add(D(2027, 3, 1), 3)
    assert len(cal.warnings) == 1
    assert "2027年" in cal.warnings[0] and "周一至周五" in cal.warnings[0]


def test_extra_holidays_and_workdays_apply_in_the_fallback_too():
    """A supplied holiday is skipped and a supplied workday counted, in a year the package cannot see."""
    cal = WorkCalendar(holidays=[D(2027, 1, 4)], workdays=[D(2027, 1, 2)])
    assert cal.add(D(2027, 1, 1), 1) == D(2027, 1, 2)
    assert cal.add(D(2027, 1, 2), 1) == D(2027, 1, 5)


def test_the_case_overrides_the_rule_set_day_by_day():
    """A day the rule set lists as a holiday but the case lists as a workday is a workday."""
    cal = WorkCalendar.layered(([D(2014, 6, 3)], [D(2014, 6, 7)]), ([], [D(2014, 6, 3)]))
    assert cal.is_workday(D(2014, 6, 3)) and cal.is_workday(D(2014, 6, 7))
    cal = WorkCalendar.layered(([], [D(2014, 6, 7)]), ([D(2014, 6, 7)], []))
    assert not cal.is_workday(D(2014, 6, 7))


def _case(meeting: dt.date, events: list[dict], **extra) -> dict:
    return {
        "ruleset": str(RULES),
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": meeting},
        "members": [
            {"id": "wang", "name": "王书记", "position": "head"},
            {"id": "zhao", "name": "赵委员", "position": "member"},
        ],
        "events": events,
        **extra,
    }


def test_working_day_lead_time_sets_the_earliest_date():
    """A plan filed on 2月8日 2024 with a 5-working-day lead time may meet on 2月21日, not before."""
    events = [
        {"date": D(2024, 2, 8), "type": "submitted", "material": "plan", "subject": "team"},
        {"date": D(2024, 2, 8), "type": "done", "task": "study"},
    ]
    case = lm.open_case(_case(D(2024, 2, 20), events))
    early = case.can_convene(D(2024, 2, 20))
    assert not early.convenable and early.earliest_date == D(2024, 2, 21)
    assert "须满5个工作日" in early.blockers[0].message
    assert case.can_convene(D(2024, 2, 21)).convenable


def test_beyond_data_case_answers_with_a_warning_not_an_error():
    """A 2027 meeting counts working days Monday–Friday and the answer carries the warning."""
    answer = lm.open_case(_case(D(2027, 2, 22), [])).can_convene(D(2027, 2, 1))
    assert any("2027年" in w for w in answer.warnings)
    (lead,) = [a for a in answer.next_actions if a.rule == "plan_lead_time"]
    assert lead.by == D(2027, 2, 15)  # five weekdays before Monday 2月22日


def test_case_holidays_move_a_working_day_deadline():
    """A case holiday on 2027年2月15日 pushes the five-working-day deadline back a day, to 2月12日."""
    answer = lm.open_case(_case(D(2027, 2, 22), [], holidays=[D(2027, 2, 15)])).can_convene(D(2027, 2, 1))
    (lead,) = [a for a in answer.next_actions if a.rule == "plan_lead_time"]
    assert lead.by == D(2027, 2, 12)


def test_a_case_may_not_list_one_day_as_both_holiday_and_workday():
    """The same date under holidays and workdays is refused with its place in the case."""
    with pytest.raises(lm.CaseError, match="2027-02-15 is listed both as a holiday and as a workday"):
        lm.open_case(_case(D(2027, 2, 22), [], holidays=[D(2027, 2, 15)], workdays=[D(2027, 2, 15)]))


def _broken(tmp_path, old: str, new: str):
    text = RULES.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(path)
    return [str(p).split(".yaml:", 1)[1] for p in info.value.problems]


def test_rule_set_lists_one_day_twice(tmp_path):
    """A rule set that lists a day as both holiday and workday is refused at that line."""
    problems = _broken(tmp_path, "year: 2024\n", "year: 2024\nholidays: [2024-02-19]\nworkdays: [2024-02-19]\n")
    assert problems == ["11:12: 2024-02-19 is listed both as a holiday and as a workday"]


def test_working_days_on_a_gate_without_a_lead_time(tmp_path):
    """working_days on a tasks_done gate is refused: it has no days to count."""
    problems = _broken(
        tmp_path, "kind: tasks_done, tasks: [study],", "kind: tasks_done, working_days: true, tasks: [study],"
    )
    assert len(problems) == 1 and "working_days counts a lead time; a 'tasks_done' gate has none" in problems[0]


def test_working_days_with_months_is_refused(tmp_path):
    """A months_after_meeting spec cannot count working days."""
    problems = _broken(tmp_path, "{months_after_meeting: 3}", "{months_after_meeting: 3, working_days: true}")
    assert len(problems) == 1 and "bad date: working_days counts days" in problems[0]
