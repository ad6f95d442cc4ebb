"""party-group-2017: "xx" deadlines as case parameters, 三个必谈, the plan filed and reviewed 15 days ahead."""

from __future__ import annotations

import datetime as dt

import pytest
from casetools import example_case, without_events
from conftest import EXAMPLES

import lifemeeting as lm

DIR = EXAMPLES / "party-group-2017"
MEETING = dt.date(2018, 1, 30)


def _case(name: str = "ready.yaml") -> dict:
    return example_case(DIR / name)


_without = without_events


def _answer(case: dict, on: dt.date = MEETING) -> lm.Readiness:
    return lm.open_case(case).can_convene(on)


def test_ready_case_can_convene_on_its_meeting_date():
    """With the plan reviewed, every 必谈 pair talked and the status report ready,
    the meeting on 1月30日 may be held.
    """
    answer = lm.can_convene(DIR / "ready.yaml", on=MEETING)
    assert answer.convenable
    assert answer.blockers == []
    assert answer.warnings == []


def test_plan_not_reviewed_by_the_organization_department_blocks():
    """A plan filed but not yet 审核 by the 市委组织部 blocks under plan_reviewed only."""
    answer = lm.can_convene(DIR / "blocked-plan-not-reviewed.yaml", on=MEETING)
    assert [(b.rule, b.item, b.subject) for b in answer.blockers] == [("plan_reviewed", "plan", "team")]
    assert "市委组织部审核" in answer.blockers[0].message and "尚未通过" in answer.blockers[0].message
    assert answer.blockers[0].citation.section == "六（六）；八"
    assert [a.who for a in answer.next_actions] == ["中共市委组织部"]


def test_plan_filed_late_means_waiting():
    """A plan filed on 1月20日 makes the meeting wait until 2月4日, 15 days later."""
    answer = lm.can_convene(DIR / "blocked-plan-filed-late.yaml", on=MEETING)
    assert [(b.rule, b.waiting, b.until) for b in answer.blockers] == [("plan_lead_time", True, dt.date(2018, 2, 4))]
    assert answer.earliest_date == dt.date(2018, 2, 4)
    assert answer.blockers[0].citation.section == "六（六）"
    assert lm.can_convene(DIR / "blocked-plan-filed-late.yaml", on=dt.date(2018, 2, 4)).convenable


def test_plan_not_filed_is_due_by_its_parameter_and_fifteen_days_ahead():
    """An unfiled plan blocks twice: the 15-day filing (by 1月15日) and the review (by the case's plan_due)."""
    answer = _answer(_without(_case(), "plan team"))
    assert [(b.rule, b.waiting) for b in answer.blockers] == [("plan_lead_time", False), ("plan_reviewed", False)]
    assert sorted((a.rule, a.by) for a in answer.next_actions) == [
        ("plan_lead_time", dt.date(2018, 1, 15)),
        ("plan_reviewed", dt.date(2018, 1, 12)),
    ]
    assert all(a.who == "党组书记（马文斌）" for a in answer.next_actions)


def test_missing_rectification_status_report_blocks_with_its_parameter_deadline():
    """The previous rectification status report must be ready before the meeting;
    its deadline is the case's parameter.
    """
    answer = lm.can_convene(DIR / "blocked-rectification-report-missing.yaml", on=MEETING)
    assert [(b.rule, b.item) for b in answer.blockers] == [
        ("rectification_report_ready", "rectification_status_report")
    ]
    assert "整改落实情况报告尚未完成" in answer.blockers[0].message
    assert answer.blockers[0].citation.section == "六（五）"
    assert [(a.by, a.overdue) for a in answer.next_actions] == [(dt.date(2018, 1, 26), True)]


def test_deadlines_follow_the_case_parameters():
    """Moving talks_due moves the talks' deadline in next_actions;
    no parameter given means no deadline and a warning.
    """
    case = _without(_case(), "talk du luo")
    case["parameters"] = {**case["parameters"], "talks_due": dt.date(2018, 1, 22)}
    answer = _answer(case, on=dt.date(2018, 1, 20))
    assert [(b.rule, b.item, b.missing_pairs) for b in answer.blockers if b.rule == "talks_covered"] == [
        ("talks_covered", "members_with_each_other", [["du", "luo"]]),
    ]
    talk = [a for a in answer.next_actions if a.rule == "talks_covered"]
    assert [(a.by, a.overdue) for a in talk] == [(dt.date(2018, 1, 22), False)]

    bare = {k: v for k, v in case.items() if k != "parameters"}
    answer = _answer(bare, on=dt.date(2018, 1, 20))
    assert [a.by for a in answer.next_actions if a.rule == "talks_covered"] == [None]
    assert len(answer.warnings) == 6 and any("talks_due" in w for w in answer.warnings)


def test_three_required_talks():
    """三个必谈: 书记 × each member, members with each other, member × heads of the sections they oversee."""
    answer = _answer(_without(_case(), "talk ma han", "talk han head:财务审计科"))
    assert [(b.item, b.missing_pairs) for b in answer.blockers] == [
        ("secretary_with_members", [["ma", "han"]]),
        ("members_with_each_other", [["ma", "han"]]),
        ("members_with_section_heads", [["han", "head:财务审计科"]]),
    ]
    assert all(b.rule == "talks_covered" and b.citation.section == "六（三）" for b in answer.blockers)
    assert {a.by for a in answer.next_actions} == {dt.date(2018, 1, 20)}


def test_members_write_their_own_outlines():
    """Each member's 个人发言提纲 not written blocks; the team's 对照检查材料 is drafted by the 党组书记."""
    answer = _answer(_without(_case(), "speech_outline du", "examination team"))
    assert [(b.rule, b.subject) for b in answer.blockers] == [
        ("team_examination_written", "team"),
        ("outlines_written", "du"),
    ]
    assert sorted((a.who, a.by) for a in answer.next_actions) == [
        ("党组书记（马文斌）", dt.date(2018, 1, 24)),
        ("杜志刚", dt.date(2018, 1, 24)),
    ]


@pytest.mark.parametrize("task", ["study", "opinions"])
def test_study_and_opinions_block_until_done(task):
    """学习研讨 and 征求意见 each block until recorded done, due by their own parameters."""
    answer = _answer(_without(_case(), f"done {task}"))
    assert [(b.rule, b.item) for b in answer.blockers] == [("preparation_done", task)]
    due = {"study": dt.date(2018, 1, 5), "opinions": dt.date(2018, 1, 12)}[task]
    assert [a.by for a in answer.next_actions] == [due]


def test_plan_chain_path():
    """The plan passes one gating review link, the 市委组织部, with no pre-sign."""
    view = lm.open_case(_case()).view
    steps = view.slots[("plan", "team")].path.steps
    assert [(s.link.id, s.link.kind, s.link.is_gate, s.pre_sign, s.link.reviewers) for s in steps] == [
        ("organization_department_review", "review", True, False, ["organization_department"]),
    ]
    assert view.slots[("speech_outline", "han")].path.steps == ()


def test_agenda_allows_twenty_minutes_per_speech_and_fifteen_per_criticism():
    """Each member speaks 20 minutes and is criticised about 15 minutes; the 督导组组长 speaks last."""
    agenda = lm.load_ruleset("party-group-2017").model.meeting.agenda
    timed = {a.id: (a.minutes, a.per_member) for a in agenda}
    assert timed["personal_speech"] == (20, True)
    assert timed["criticism"] == (15, True)
    assert [a.id for a in agenda] == ["team_examination", "personal_speech", "criticism", "supervision_speech"]


def test_post_meeting_duties_are_due_within_fifteen_days():
    """The rectification list, the briefing and the report are each due within 15 days of the meeting."""
    rs = lm.load_ruleset("party-group-2017").model
    assert [(d.id, d.due) for d in rs.duties] == [
        ("rectification_list", {"days_after_meeting": 15}),
        ("briefing", {"days_after_meeting": 15}),
        ("report", {"days_after_meeting": 15}),
    ]
    view = lm.open_case(_case()).view
    assert view.window(rs.duties[2].due, None).end == dt.date(2018, 2, 14)


def test_outline_contents_are_listed_as_unchecked():
    """What the outline must say (重大事项报告、配偶子女从业、巡视反馈、组织约谈)
    is kept as unchecked, with a reason.
    """
    unchecked = {u.id: u for u in lm.load_ruleset("party-group-2017").model.unchecked}
    quote = unchecked["outline_contents"].cite.quote
    for words in ("重大事项报告", "配偶子女从业", "巡视反馈", "组织约谈"):
        assert words in quote
    assert {f"requirement_{i}" for i in range(1, 7)} <= set(unchecked)
