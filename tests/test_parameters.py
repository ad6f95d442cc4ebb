"""Typed case parameters: dates, day counts and numbers, with defaults, wherever the format takes a number."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

PARAMETERS = FIXTURES / "format" / "parameters.yaml"
MEETING = dt.date(2020, 6, 20)


def _case(parameters):
    data = {
        "ruleset": str(PARAMETERS),
        "unit": {"name": "某局党组"},
        "members": [{"id": "wu", "name": "吴书记"}],
        "meeting": {"date": MEETING, "length_days": 1},
        "parameters": parameters,
    }
    return lm.open_case(data, ruleset=PARAMETERS)


def test_a_day_count_parameter_moves_a_relative_due_date():
    """The plan's own due date, {days_before_meeting: {parameter: plan_lead_days}}, follows the case's value."""
    items = lm.timeline(_case({"plan_lead_days": 10, "min_days": 1}), on=MEETING).items
    plan = next(i for i in items if i.rule == "plan")
    assert plan.end == dt.date(2020, 6, 10)
    assert "参数 plan_lead_days" in (plan.basis or "")


def test_the_default_is_used_and_a_missing_parameter_is_warned():
    answer = _case({"min_days": 1}).can_convene(MEETING)
    assert "参数 report_due 未给出，相关时限无法计算" in answer.warnings
    assert not any("plan_lead_days" in w for w in answer.warnings)


@pytest.mark.parametrize(
    ("parameters", "reason"),
    [
        ({"report_due": 10}, "'report_due' is a date \\(YYYY-MM-DD\\), not the number 10"),
        ({"plan_lead_days": "2020-06-01"}, "'plan_lead_days' is a number of days, not the date 2020-06-01"),
        ({"plan_lead_days": 7.5}, "'plan_lead_days' is a whole number of days, not 7.5"),
        ({"min_days": -1}, "'min_days' cannot be negative"),
        ({"lead_days": 7}, "unknown parameter 'lead_days'"),
    ],
)
def test_case_values_must_fit_the_declared_type(parameters, reason):
    with pytest.raises(lm.CaseError, match=reason):
        _case(parameters)


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("days: {parameter: plan_lead_days}", "days: {parameter: lead_days}", "unknown parameter 'lead_days'"),
        (
            "days: {parameter: plan_lead_days}",
            "days: {parameter: report_due}",
            "'report_due' is a date parameter; a day-count \\(type: days\\) parameter is needed",
        ),
        (
            "days: {parameter: min_days}",
            "days: {parameter: report_due}",
            "'report_due' is a date parameter; a number \\(type: days or number\\) parameter is needed",
        ),
        (
            "due: {days_before_meeting: {parameter: plan_lead_days}}",
            "due: {days_before_meeting: {parameter: min_days}}",
            "'min_days' is a number parameter; a day-count",
        ),
        ("due: {parameter: report_due}", "due: {parameter: min_days}", "'min_days' is not a date parameter"),
        ("default: 15", "default: 2020-06-01", "'plan_lead_days' is a number of days, not the date 2020-06-01"),
        ("  - report_due\n", "  - report_due\n  - report_due\n", "parameter 'report_due' is declared twice"),
        (
            "due: {days_before_meeting: {parameter: plan_lead_days}}",
            "due: {days_before_meeting: {name: plan_lead_days}}",
            "days_before_meeting takes a whole number, or \\{parameter: NAME\\}",
        ),
    ],
)
def test_load_time_checks(tmp_path, old, new, reason):
    text = PARAMETERS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match=reason):
        lm.load_ruleset(path)


def test_diff_names_a_changed_default(tmp_path):
    path = tmp_path / "other.yaml"
    text = PARAMETERS.read_text(encoding="utf-8").replace("default: 15", "default: 10")
    path.write_text(text.replace("id: format-parameters", "id: format-parameters-b"), encoding="utf-8")
    diff = lm.diff_rulesets(lm.load_ruleset(PARAMETERS), lm.load_ruleset(path))
    (d,) = [d for d in diff.differences if d.section == "parameters"]
    assert (d.rule, d.change) == ("parameters.plan_lead_days", "changed")
    assert (d.a, d.b) == ("由案件给定的天数，默认15", "由案件给定的天数，默认10")
