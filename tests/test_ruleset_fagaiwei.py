"""fagaiwei-2013: named owners and deadlines, the plan filed 15 days ahead, the 80% satisfaction rule."""

from __future__ import annotations

import datetime as dt

import pytest
from casetools import example_case, without_events
from conftest import EXAMPLES

import lifemeeting as lm

DIR = EXAMPLES / "fagaiwei-2013"
MEETING = dt.date(2013, 12, 27)


def _case(name: str = "ready.yaml") -> dict:
    return example_case(DIR / name)


_without = without_events


def _answer(case: dict, on: dt.date = MEETING) -> lm.Readiness:
    return lm.open_case(case).can_convene(on)


def test_ready_case_can_convene_on_its_meeting_date():
    """With the plan filed 17 days ahead and all preparation done by 12月20日, the meeting on 12月27日 may be held."""
    answer = lm.can_convene(DIR / "ready.yaml", on=MEETING)
    assert answer.convenable
    assert answer.blockers == []


def test_plan_filed_late_means_waiting_until_fifteen_days_have_passed():
    """A plan filed on 12月16日 makes the meeting wait until 12月31日, and nothing else is asked."""
    answer = lm.can_convene(DIR / "blocked-plan-filed-late.yaml", on=MEETING)
    assert not answer.convenable
    assert [(b.rule, b.waiting, b.until) for b in answer.blockers] == [("plan_lead_time", True, dt.date(2013, 12, 31))]
    assert answer.earliest_date == dt.date(2013, 12, 31)
    assert answer.next_actions == []
    assert "须满15天" in answer.blockers[0].message
    assert answer.blockers[0].citation.section == "三"
    assert lm.can_convene(DIR / "blocked-plan-filed-late.yaml", on=dt.date(2013, 12, 31)).convenable


def test_plan_never_filed_is_due_fifteen_days_before_the_meeting():
    """An unfiled plan blocks (not a wait) and is due 15 days before the planned meeting day."""
    answer = _answer(_without(_case(), "submitted plan"))
    assert [(b.rule, b.waiting) for b in answer.blockers] == [("plan_lead_time", False)]
    assert answer.earliest_date is None
    assert [(a.rule, a.by, a.overdue) for a in answer.next_actions] == [("plan_lead_time", dt.date(2013, 12, 12), True)]


def test_missing_talks_are_due_by_december_15():
    """Each missing 交流谈心 pair is named, and the talk deadline 12月15日 appears in the next actions, overdue."""
    answer = lm.can_convene(DIR / "blocked-talks-incomplete.yaml", on=MEETING)
    assert [(b.rule, b.item, b.missing_pairs) for b in answer.blockers] == [
        ("talks_covered", "principal_with_members", [["liu", "wu"]]),
        ("talks_covered", "members_with_each_other", [["liu", "wu"], ["he", "zhao"]]),
    ]
    assert all(b.citation.section == "四（一）三是" for b in answer.blockers)
    assert {a.by for a in answer.next_actions} == {dt.date(2013, 12, 15)}
    assert all(a.overdue for a in answer.next_actions)
    assert len(answer.next_actions) == 2  # 刘志远—吴国庆 is asked for once


def test_missing_opinions_name_the_owner_and_deadline():
    """征求意见 not done blocks with its 责任人 方磊 and 时限 12月10日; the 2012 summary not done blocks too."""
    answer = lm.can_convene(DIR / "blocked-opinions-missing.yaml", on=MEETING)
    assert [(b.rule, b.item) for b in answer.blockers] == [
        ("preparation_done", "opinions"),
        ("previous_rectification_summarised", "previous_rectification_summary"),
    ]
    assert "责任人：方磊" in answer.blockers[0].message and "2013-12-10" in answer.blockers[0].message
    assert answer.blockers[0].citation.section == "四（一）"
    assert answer.blockers[1].citation.section == "二；四（二）2（1）"
    actions = {a.rule: a for a in answer.next_actions}
    assert actions["preparation_done"].who == "方磊"
    assert actions["preparation_done"].by == dt.date(2013, 12, 10)
    assert actions["previous_rectification_summarised"].by is None


def test_study_is_due_by_december_6():
    """组织学习 not done is asked of 方磊 by 12月6日, not yet overdue on 12月5日."""
    answer = _answer(_without(_case(), "done study"), on=dt.date(2013, 12, 5))
    study = [a for a in answer.next_actions if a.what == "完成组织学习"]
    assert [(a.who, a.by, a.overdue) for a in study] == [("方磊", dt.date(2013, 12, 6), False)]


def test_missing_analysis_material_is_due_by_december_20():
    """A member's 剖析材料 not written blocks under analysis_written, due 12月20日; the team's is drafted by 政办科."""
    answer = _answer(_without(_case(), "analysis zhao", "analysis team"))
    assert [(b.rule, b.subject) for b in answer.blockers] == [
        ("analysis_written", "team"),
        ("analysis_written", "zhao"),
    ]
    assert answer.blockers[0].citation.section == "四（一）四是"
    assert sorted((a.who, a.by) for a in answer.next_actions) == [
        ("政办科", dt.date(2013, 12, 20)),
        ("赵敏", dt.date(2013, 12, 20)),
    ]


def test_chain_paths_after_the_meeting():
    """Personal measures pass the principal's read-through;
    the team plan the 党组扩大会议 then the 市政府分管领导; none gates the meeting.
    """
    view = lm.open_case(_case()).view
    personal = view.slots[("personal_rectification", "chen")].path.steps
    assert [(s.link.id, s.link.kind, s.link.is_gate, s.pre_sign) for s in personal] == [
        ("principal_read_through", "read_through", False, False)
    ]
    plan = view.slots[("rectification_plan", "team")].path.steps
    assert [(s.link.id, s.link.reviewers, s.link.is_gate) for s in plan] == [
        ("enlarged_meeting_discussion", ["enlarged_party_group_meeting"], False),
        ("city_leader_read_through", ["city_government_leader"], False),
    ]
    assert view.window(plan[1].link.due, None).end == dt.date(2014, 2, 28)


def test_owners_and_deadlines_are_kept_as_the_source_names_them():
    """The 责任人 and 时限 of each preparation item are the rule set's data, in 2013."""
    rs = lm.load_ruleset("fagaiwei-2013").model
    tasks = {t.id: (t.owner, t.due) for t in rs.tasks}
    assert tasks["study"] == ("方磊", "12月6日前")
    assert tasks["opinions"] == ("方磊", "12月10日前")
    assert tasks["organise_talks"] == ("唐军、孟平", "12月15日前")
    assert tasks["organise_analysis"] == ("委领导班子全体成员", "12月20日前")
    assert rs.year == 2013
    assert rs.meeting.window == "2013年12月31日前"


def test_agenda_has_nine_items_with_an_onsite_appraisal():
    """The agenda lists the nine items in order, with 唐军 and 方磊 first and 民主测评 as item (6)."""
    rs = lm.load_ruleset("fagaiwei-2013").model
    agenda = rs.meeting.agenda
    assert len(agenda) == 9
    assert [a.speaker for a in agenda[:2]] == ["唐军", "方磊"]
    assert agenda[5].id == "onsite_appraisal" and agenda[5].cite.section == "四（二）2（6）"
    onsite = next(a for a in rs.appraisals if a.id == "onsite_appraisal")
    assert (onsite.kind, onsite.threshold, onsite.below) == ("appraisal", None, None)


def test_satisfaction_below_80_percent_reconvenes():
    """The satisfaction survey by 2014年6月底 has threshold 80%;
    below it the meeting is held again and the 整改方案 revised.
    """
    rs = lm.load_ruleset("fagaiwei-2013").model
    survey = next(a for a in rs.appraisals if a.id == "satisfaction")
    assert (survey.kind, survey.threshold, survey.below, survey.redo) == (
        "public_appraisal",
        "80%",
        "reconvene",
        ["rectification_plan"],
    )
    assert survey.due == "2014年6月底前"
    duties = {d.id: d for d in rs.duties}
    assert duties["report"].due == {"days_after_meeting": 15}
    assert duties["focused_rectification"].due == {"months_after_meeting": 3}


def _reconvened(case: dict) -> dict:
    """The ready case held on 12月27日, its satisfaction survey 70/100 on 2014-06-20, held again on 2014-07-10."""
    events = [
        {"date": "2013-12-27", "type": "held"},
        {"date": "2014-06-20", "type": "appraised", "appraisal": "satisfaction", "satisfied": 70, "total": 100},
        {"date": "2014-07-10", "type": "held"},
    ]
    return {**case, "events": [*case["events"], *events]}


def test_focused_rectification_counts_three_months_from_the_meeting():
    """四（三）三是 "民主生活会后三个月为集中整改时间": three months from the day the meeting was held,
    the hearing within them — not the fixed 2014年4月底, which after a reconvened meeting is long past.
    """
    held = {**_case(), "events": [*_case()["events"], {"date": "2013-12-27", "type": "held"}]}
    first = {d.id: d.by for d in lm.open_case(held).status(dt.date(2013, 12, 28)).due_next}
    assert (first["focused_rectification"], first["rectification_hearing"]) == (dt.date(2014, 3, 27),) * 2
    status = lm.open_case(_reconvened(_case())).status(dt.date(2014, 7, 11))
    assert status.round == 2
    due = {d.id: d.by for d in status.due_next}
    assert (due["focused_rectification"], due["rectification_hearing"]) == (dt.date(2014, 10, 10),) * 2
    assert {d.id for d in status.overdue}.isdisjoint({"focused_rectification", "rectification_hearing"})


@pytest.mark.parametrize("member", ["liu", "chen", "he", "zhao", "wu"])
def test_every_member_writes_an_analysis(member):
    """Every team member (the principal included) writes their own 剖析材料."""
    view = lm.open_case(_case()).view
    assert ("analysis", member) in view.slots
    assert ("analysis", "team") in view.slots


def test_meeting_after_year_end_is_blocked():
    """三：the meeting must be held by 2013年12月底; on 2014-01-02 the ready case is blocked by that alone."""
    answer = _answer(_case(), on=dt.date(2014, 1, 2))
    assert [b.rule for b in answer.blockers] == ["held_by_year_end"]
    assert answer.blockers[0].citation.section == "三"
    assert answer.earliest_date is None
