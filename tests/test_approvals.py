"""Exceptions that depend on what happened: approvals that waive gates, and the engine's own facts in 'when'."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

APPROVALS = FIXTURES / "format" / "approvals.yaml"


def _case(meeting, *events):
    data = {
        "ruleset": str(APPROVALS),
        "unit": {"name": "某局党组"},
        "members": [{"id": "wu", "name": "吴书记"}],
        "meeting": {"date": meeting},
        "events": list(events),
    }
    return lm.open_case(data, ruleset=APPROVALS)


def _grant(by="organization_department", approval="move_meeting"):
    return {"date": dt.date(2020, 6, 18), "type": "granted", "approval": approval, "by": by}


def test_a_granted_approval_waives_only_the_gates_that_name_it():
    answer = _case("2020-06-25", _grant()).can_convene(dt.date(2020, 6, 26))
    assert [b.rule for b in answer.blockers] == ["move_reported"]


def test_only_the_approvals_role_grants_it():
    with pytest.raises(lm.EventRefused, match="'move_meeting'（同意调整会期）由上级组织部门批准，不是 'wu'"):
        _case("2020-06-25", _grant(by="wu"))


def test_an_unknown_approval_is_refused_with_a_suggestion():
    with pytest.raises(lm.EventRefused, match="没有批准事项 'move_meting'（是否指 'move_meeting'？）"):
        _case("2020-06-25", _grant(approval="move_meting"))


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("waived_by: [move_meeting]", "waived_by: [move]", "unknown approval 'move'"),
        ("when: {meeting.moved: true}", "when: {meeting.movd: true}", "unknown fact 'meeting.movd'.*meeting.moved"),
        ("by: organization_department", "by: organisation", "unknown role 'organisation'"),
    ],
)
def test_load_time_checks(tmp_path, old, new, reason):
    text = APPROVALS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match=reason):
        lm.load_ruleset(path)
