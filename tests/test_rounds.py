"""After the meeting: duties, appraisal thresholds at their edges, redo and reconvene rounds."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

MINIMAL = FIXTURES / "rulesets" / "minimal.yaml"
D = dt.date


def _prep():
    ev = [{"date": "2020-06-01", "type": "done", "task": "study"}]
    ev += [
        {"date": "2020-06-02", "type": "submitted", "material": "examination", "subject": s}
        for s in ("team", "wang", "zhao")
    ]
    ev += [
        {
            "date": "2020-06-03",
            "type": "approved",
            "material": "examination",
            "subject": s,
            "link": "principal_review",
            "by": "wang",
        }
        for s in ("team", "wang", "zhao")
    ]
    ev += [
        {
            "date": "2020-06-04",
            "type": "approved",
            "material": "examination",
            "subject": "team",
            "link": "group_review",
            "by": "supervision_group",
        },
        {"date": "2020-06-05", "type": "talk", "between": ["wang", "zhao"]},
    ]
    return ev


def _case(*events, ruleset=MINIMAL):
    data = {
        "ruleset": str(ruleset),
        "tier": "unit",
        "unit": {"name": "某单位领导班子"},
        "meeting": {"date": "2020-06-20", "length_days": 1},
        "members": [
            {"id": "wang", "name": "王书记", "position": "head"},
            {"id": "zhao", "name": "赵委员", "position": "member"},
        ],
        "events": list(events),
    }
    return lm.open_case(data, ruleset=ruleset)


HELD = {"date": "2020-06-20", "type": "held"}


def vote(satisfied, total, date="2020-06-28"):
    return {"date": date, "type": "appraised", "appraisal": "satisfaction", "satisfied": satisfied, "total": total}


def test_meeting_cannot_be_held_while_blocked():
    """Holding the meeting is refused with every blocker's message while preparation is incomplete."""
    with pytest.raises(lm.EventRefused) as info:
        _case({"date": "2020-06-01", "type": "done", "task": "study"}, HELD)
    assert "2020-06-20 还不能召开会议：" in info.value.reason
    assert "谈心全覆盖" in info.value.reason and "材料审核通过" in info.value.reason


def test_duty_before_the_meeting_is_refused():
    """A post-meeting duty recorded before the meeting was held is refused."""
    with pytest.raises(lm.EventRefused, match="'briefing' 是会后的事，第1轮会议尚未召开"):
        _case(*_prep(), {"date": "2020-06-10", "type": "done", "task": "briefing"})


def test_after_holding_status_lists_duties_counted_from_the_meeting():
    """Once held, the duties fall due 10 and 15 days after the meeting day."""
    s = _case(*_prep(), HELD).status(D(2020, 6, 21))
    assert (s.stage, s.round) == ("held", 1)
    assert [(d.id, d.by, d.status) for d in s.due_next] == [
        ("briefing", D(2020, 6, 30), "open"),
        ("report", D(2020, 7, 5), "open"),
    ]


def test_overdue_duty_is_reported():
    """A duty not done by its deadline shows as overdue."""
    s = _case(*_prep(), HELD).status(D(2020, 7, 1))
    assert [d.id for d in s.overdue] == ["briefing"]


def test_holding_twice_is_refused():
    """The same round's meeting cannot be held twice."""
    with pytest.raises(lm.EventRefused, match="第1轮会议已于 2020-06-20 召开"):
        _case(*_prep(), HELD, {"date": "2020-06-21", "type": "held"})


@pytest.mark.parametrize(
    "satisfied,total,passed", [(6, 9, True), (2, 3, True), (5, 9, False), (66, 100, False), (67, 100, True)]
)
def test_two_thirds_threshold_edges(satisfied, total, passed):
    """Exactly 2/3 satisfied passes; anything below it sends the case to redo."""
    c = _case(*_prep(), HELD, vote(satisfied, total))
    s = c.status(D(2020, 6, 29))
    assert s.rounds[0].appraisals[0].passed is passed
    assert s.stage == ("held" if passed else "redoing")


def test_zero_votes_is_an_error_not_a_division():
    """A survey with zero votes is refused with a reason."""
    with pytest.raises(lm.EventRefused, match="零票的测评没有结果"):
        _case(*_prep(), HELD, vote(0, 0))


def test_more_satisfied_than_cast_is_refused():
    """More satisfied votes than votes cast is refused."""
    with pytest.raises(lm.EventRefused, match="共投9票，满意票不可能是10票"):
        _case(*_prep(), HELD, vote(10, 9))


def test_redo_round_repeats_named_steps_then_closes():
    """Below 2/3, the named steps are redone in round 2; then a passing vote and the duties close the case."""
    events = [*_prep(), HELD, {"date": "2020-06-25", "type": "done", "task": "briefing"}, vote(5, 9)]
    c = _case(*events)
    s = c.status(D(2020, 6, 29))
    assert (s.stage, s.round) == ("redoing", 2)
    assert [(r.id, r.status) for r in s.rounds[1].redo] == [("study", "open"), ("examination", "open")]
    assert s.rounds[1].cause == "群众评议满意率5/9低于2/3"
    blockers = c.can_convene(D(2020, 6, 29)).blockers
    assert blockers[0].kind == "stage" and "正在返工补课" in blockers[0].message
    for e in [
        {"date": "2020-07-01", "type": "done", "task": "study"},
        *(
            {"date": "2020-07-02", "type": "submitted", "material": "examination", "subject": x}
            for x in ("team", "wang", "zhao")
        ),
        *(
            {
                "date": "2020-07-03",
                "type": "approved",
                "material": "examination",
                "subject": x,
                "link": "principal_review",
                "by": "wang",
            }
            for x in ("team", "wang", "zhao")
        ),
        {
            "date": "2020-07-04",
            "type": "approved",
            "material": "examination",
            "subject": "team",
            "link": "group_review",
            "by": "supervision_group",
        },
    ]:
        c.apply(e)
    assert c.status(D(2020, 7, 4)).stage == "held"
    c.apply({"date": "2020-07-05", "type": "done", "task": "report"})
    c.apply(vote(7, 9, "2020-07-10"))
    s = c.status(D(2020, 7, 10))
    assert (s.stage, s.round) == ("closed", 2)
    # nothing of round 1 was overwritten
    assert [(d.id, d.done_on) for d in s.rounds[0].duties] == [("briefing", D(2020, 6, 25)), ("report", None)]
    assert [a.passed for a in s.rounds[0].appraisals] == [False]
    assert [a.passed for a in s.rounds[1].appraisals] == [True]


def test_order_to_reconvene_starts_a_new_round_counted_from_its_own_date():
    """责令重开: round 2 must redo the talks and hold the meeting again; its duties count from the new date."""
    c = _case(
        *_prep(), HELD, {"date": "2020-06-22", "type": "ordered", "order": "order_reconvene", "reason": "相互评功摆好"}
    )
    s = c.status(D(2020, 6, 23))
    assert (s.stage, s.round) == ("preparing", 2)
    assert s.rounds[1].cause == "责令重开：相互评功摆好"
    assert [b.rule for b in s.readiness.blockers] == ["talked"]  # only the talks were sent back
    c.apply({"date": "2020-06-25", "type": "talk", "between": ["wang", "zhao"]})
    c.apply({"date": "2020-07-01", "type": "held"})
    s = c.status(D(2020, 7, 2))
    assert s.rounds[0].held_on == D(2020, 6, 20) and s.rounds[1].held_on == D(2020, 7, 1)
    assert [(d.id, d.by) for d in s.rounds[1].duties] == [("briefing", D(2020, 7, 11)), ("report", D(2020, 7, 16))]


def test_reconvene_order_before_the_meeting_is_refused():
    """There is nothing to hold again before the first meeting."""
    with pytest.raises(lm.EventRefused, match="针对已召开的"):
        _case(*_prep(), {"date": "2020-06-10", "type": "ordered", "order": "order_reconvene"})


@pytest.fixture
def eighty(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace(
        'threshold: "2/3", below: redo, redo: [study, examination]', 'threshold: "80%", below: reconvene, redo: [study]'
    )
    path = tmp_path / "eighty.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("satisfied,stage,rounds", [(80, "held", 1), (79, "preparing", 2)])
def test_eighty_percent_edge(eighty, satisfied, stage, rounds):
    """Exactly 80 % passes; 79 % means the meeting is held again in a new round."""
    c = _case(*_prep(), HELD, vote(satisfied, 100), ruleset=eighty)
    s = c.status(D(2020, 6, 29))
    assert (s.stage, len(s.rounds)) == (stage, rounds)


def test_reconvened_rounds_are_all_visible(eighty):
    """Repeated surveys below 80 % each start a round; all rounds stay in the status."""
    c = _case(*_prep(), HELD, vote(70, 100), ruleset=eighty)
    c.apply({"date": "2020-07-01", "type": "done", "task": "study"})
    c.apply({"date": "2020-07-10", "type": "held"})
    c.apply(vote(75, 100, "2020-07-20"))
    c.apply({"date": "2020-07-21", "type": "done", "task": "study"})
    c.apply({"date": "2020-08-01", "type": "held"})
    c.apply({"date": "2020-08-05", "type": "done", "task": "briefing"})
    c.apply({"date": "2020-08-06", "type": "done", "task": "report"})
    c.apply(vote(85, 100, "2020-08-10"))
    s = c.status(D(2020, 8, 11))
    assert (s.stage, s.round) == ("closed", 3)
    assert [(r.kind, r.held_on, [a.satisfied for a in r.appraisals]) for r in s.rounds] == [
        ("initial", D(2020, 6, 20), [70]),
        ("reconvene", D(2020, 7, 10), [75]),
        ("reconvene", D(2020, 8, 1), [85]),
    ]
