"""Returns with a deadline and a kind: 'returned' with rework and resubmit_by; late resubmission flagged and gated."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

RETURNS = FIXTURES / "format" / "returns.yaml"


def _case(*events):
    submitted = {"date": dt.date(2020, 6, 1), "type": "submitted", "material": "examination", "subject": "team"}
    data = {
        "ruleset": str(RETURNS),
        "unit": {"name": "某局党组"},
        "members": [{"id": "wu", "name": "吴书记"}],
        "meeting": {"date": "2020-06-20"},
        "events": [submitted, *events],
    }
    return lm.open_case(data, ruleset=RETURNS)


def _returned(date, **more):
    link = {"link": "group_review", "by": "supervision_group", "material": "examination", "subject": "team"}
    return {"date": date, "type": "returned", **link, **more}


def test_a_revision_says_revise_and_carries_the_deadline():
    case = _case(_returned(dt.date(2020, 6, 3), rework="revise", resubmit_by=dt.date(2020, 6, 6)))
    answer = case.can_convene(dt.date(2020, 6, 4))
    (action,) = [a for a in answer.next_actions if a.rule == "reviewed"]
    assert (action.what, action.by) == ("修改后重新提交领导班子的对照检查材料", dt.date(2020, 6, 6))


def test_a_return_without_a_deadline_is_as_before():
    answer = _case(_returned(dt.date(2020, 6, 3))).can_convene(dt.date(2020, 6, 30))
    assert [b.rule for b in answer.blockers] == ["reviewed"]
    assert answer.warnings == []


def test_late_resubmission_is_in_status_and_blocks_through_the_gate():
    late = {"date": dt.date(2020, 6, 10), "type": "submitted", "material": "examination", "subject": "team"}
    case = _case(_returned(dt.date(2020, 6, 3), resubmit_by=dt.date(2020, 6, 8)), late)
    status = case.status(dt.date(2020, 6, 10))
    assert status.readiness is not None
    assert any("2020-06-10才提交（逾期2天）" in w for w in status.readiness.warnings)
    assert [b.rule for b in status.readiness.blockers] == ["reviewed", "on_time"]


def test_a_new_return_after_a_late_one_keeps_the_record():
    events = [
        _returned(dt.date(2020, 6, 3), resubmit_by=dt.date(2020, 6, 4)),
        {"date": dt.date(2020, 6, 5), "type": "submitted", "material": "examination", "subject": "team"},
        _returned(dt.date(2020, 6, 6), resubmit_by=dt.date(2020, 6, 9)),
        {"date": dt.date(2020, 6, 9), "type": "submitted", "material": "examination", "subject": "team"},
    ]
    answer = _case(*events).can_convene(dt.date(2020, 6, 10))
    assert [b.message for b in answer.blockers if b.rule == "on_time"] == [
        "「按期重新报送」：领导班子的对照检查材料限2020-06-04前重新提交，2020-06-05才提交（逾期1天）"
    ]


def test_rework_takes_only_revise_or_rewrite():
    with pytest.raises(lm.CaseError, match="rework"):
        _case(_returned(dt.date(2020, 6, 3), rework="redo"))
