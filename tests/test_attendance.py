"""Attendance and quorum: the 'attended' event and the 'quorum' and 'attendance' gates."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

ATTENDANCE = FIXTURES / "format" / "attendance.yaml"
DAY = dt.date(2020, 6, 20)
MEMBERS = [
    {"id": "wu", "name": "吴书记", "position": "head"},
    {"id": "qian", "name": "钱委员", "position": "member"},
    {"id": "shen", "name": "沈委员", "position": "member"},
]


def _case(events, *, members=MEMBERS):
    data = {"ruleset": str(ATTENDANCE), "unit": {"name": "某局党组"}, "members": members, "events": events}
    return lm.open_case(data, ruleset=ATTENDANCE)


def _roll(present, **more):
    return {"date": DAY, "type": "attended", "present": present, **more}


def test_two_of_three_meets_an_inclusive_two_thirds():
    answer = _case([_roll(["wu", "qian"], guests=["supervision_group"])]).can_convene(DAY)
    assert answer.convenable, [b.message for b in answer.blockers]


def test_one_of_three_is_short_and_says_the_arithmetic():
    answer = _case([_roll(["wu"], on_leave=["qian"], guests=["督导组"])]).can_convene(DAY)
    (b,) = answer.blockers
    assert (b.rule, b.kind) == ("quorum", "quorum")
    assert "应到3人，实到1人，须不少于2/3（至少2人）；请假：钱委员；缺席：沈委员" in b.message


def test_members_outside_the_attendees_predicate_do_not_count():
    members = [*MEMBERS, {"id": "li", "name": "李列席", "position": "nonvoting"}]
    answer = _case([_roll(["wu", "li"], guests=["supervision_group"])], members=members).can_convene(DAY)
    assert [b.rule for b in answer.blockers] == ["quorum"]
    assert "应到3人，实到1人" in answer.blockers[0].message


def test_a_member_both_present_and_on_leave_is_refused():
    with pytest.raises(lm.EventRefused, match="qian 不能既出席又请假"):
        _case([_roll(["wu", "qian"], on_leave=["qian"])])


def test_attendance_needs_the_present_list():
    with pytest.raises(lm.EventRefused, match="'attended' 事件须给出 'present'"):
        _case([{"date": DAY, "type": "attended"}])


def test_a_new_round_needs_a_new_roll_call(tmp_path):
    text = ATTENDANCE.read_text(encoding="utf-8") + (
        "orders:\n  - {id: reconvene, name: 责令重开, consequence: reconvene, cite: {section: 六, quote: 责令重开}}\n"
    )
    path = tmp_path / "attendance.yaml"
    path.write_text(text, encoding="utf-8")
    later = dt.date(2020, 7, 1)
    data = {
        "ruleset": str(path),
        "unit": {"name": "某局党组"},
        "members": MEMBERS,
        "events": [
            _roll(["wu", "qian", "shen"], guests=["supervision_group"]),
            {"date": DAY, "type": "held"},
            {"date": DAY + dt.timedelta(days=1), "type": "ordered", "order": "reconvene"},
        ],
    }
    answer = lm.open_case(data, ruleset=path).can_convene(later)
    assert "尚未登记2020-07-01会议的到会情况" in answer.blockers[0].message


@pytest.mark.parametrize(
    ("gate", "reason"),
    [
        ("{id: q, name: 法定人数, kind: quorum, cite: {section: 一, quote: 到会}}", "a 'quorum' gate needs 'share'"),
        ("{id: q, name: 到会, kind: attendance, cite: {section: 一, quote: 到会}}", "'attendance' gate needs 'roles'"),
        (
            "{id: q, name: 到会, kind: attendance, roles: [supervison_group], cite: {section: 一, quote: 到会}}",
            "unknown role 'supervison_group'.*supervision_group",
        ),
        (
            "{id: q, name: 到会, kind: min_length, days: 1, share: '2/3', cite: {section: 一, quote: 到会}}",
            "'share' belongs to a 'quorum' gate, not a 'min_length' one",
        ),
        (
            "{id: q, name: 到会, kind: quorum, share: '3/2', cite: {section: 一, quote: 到会}}",
            "threshold '3/2' must lie between 0 and 1",
        ),
        (
            "{id: q, name: 到会, kind: quorum, share: '2/3', attendees: {votng: true}, cite: {section: 一, quote: 会}}",
            "votng",
        ),
    ],
)
def test_load_time_checks(tmp_path, gate, reason):
    text = ATTENDANCE.read_text(encoding="utf-8").replace("gates:\n", f"gates:\n  - {gate}\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match=reason):
        lm.load_ruleset(path)
