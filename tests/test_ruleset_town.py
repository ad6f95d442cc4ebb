"""town-2014: a 镇党委 plan — talks, materials, criticism outlines read through by the principal."""

from __future__ import annotations

import datetime as dt

import pytest
from casetools import example_case, without_events
from conftest import EXAMPLES

import lifemeeting as lm

DIR = EXAMPLES / "town-2014"
MEETING = dt.date(2014, 7, 15)


def _case(name: str = "ready.yaml") -> dict:
    return example_case(DIR / name)


_without = without_events


def _answer(case: dict, on: dt.date = MEETING) -> lm.Readiness:
    return lm.open_case(case).can_convene(on)


def test_ready_case_can_convene_on_its_meeting_date():
    """With every preparation step, talk and outline review done, the meeting on 7月15日 may be held."""
    answer = lm.can_convene(DIR / "ready.yaml", on=MEETING)
    assert answer.convenable
    assert answer.blockers == []
    assert answer.earliest_date == MEETING


def test_unreviewed_outlines_block_the_meeting():
    """A 批评发言提纲 handed in but not yet read through by the principal blocks the meeting,
    one blocker per outline.
    """
    answer = lm.can_convene(DIR / "blocked-outlines-unreviewed.yaml", on=MEETING)
    assert not answer.convenable
    assert [(b.rule, b.subject, b.item) for b in answer.blockers] == [
        ("criticism_outlines_reviewed", "zheng", "criticism_outline"),
        ("criticism_outlines_reviewed", "wang", "criticism_outline"),
    ]
    for b in answer.blockers:
        assert "班子主要领导审阅把关" in b.message and "尚未通过" in b.message
        assert b.citation.section == "四1—2"
        assert "突然袭击" in b.citation.quote
    assert [a.who for a in answer.next_actions] == ["党委书记（周建平）", "党委书记（周建平）"]
    assert all(a.what.startswith("审阅") for a in answer.next_actions)


def test_outline_never_submitted_is_reported_as_missing():
    """A member who has not written a criticism outline is told to write and submit it."""
    case = _without(_case(), "criticism_outline sun")
    answer = _answer(case)
    assert [(b.rule, b.subject) for b in answer.blockers] == [("criticism_outlines_reviewed", "sun")]
    assert "孙丽娟的批评发言提纲尚未提交" in answer.blockers[0].message
    assert answer.next_actions[0].who == "孙丽娟"


def test_returned_outline_must_be_rewritten_and_reviewed_again():
    """An outline the principal sends back goes to drafting and blocks until resubmitted and read through."""
    opened = lm.open_case(_without(_case(), "criticism_outline wang principal_read_through"))
    opened.apply(
        {
            "date": "2014-07-11",
            "type": "returned",
            "material": "criticism_outline",
            "subject": "wang",
            "link": "principal_read_through",
            "by": "zhou",
            "reason": "失真失实",
        }
    )
    answer = opened.can_convene(MEETING)
    assert [(b.rule, b.subject) for b in answer.blockers] == [("criticism_outlines_reviewed", "wang")]
    assert "已退回1次" in answer.blockers[0].message
    assert answer.next_actions[0].what == "重新撰写并提交王德明的批评发言提纲"
    opened.apply({"date": "2014-07-12", "type": "submitted", "material": "criticism_outline", "subject": "wang"})
    opened.apply(
        {
            "date": "2014-07-13",
            "type": "approved",
            "material": "criticism_outline",
            "subject": "wang",
            "link": "principal_read_through",
            "by": "zhou",
        }
    )
    assert opened.can_convene(MEETING).convenable


def test_only_the_principal_reads_outlines_through():
    """A member who is not the principal cannot approve another member's outline at the principal's link."""
    opened = lm.open_case(_without(_case(), "criticism_outline wang principal_read_through"))
    with pytest.raises(lm.EventRefused, match="的审核人"):
        opened.apply(
            {
                "date": "2014-07-11",
                "type": "approved",
                "material": "criticism_outline",
                "subject": "wang",
                "link": "principal_read_through",
                "by": "sun",
            }
        )


def test_missing_talks_block_and_are_due_before_the_meeting():
    """Each uncovered 谈心 pair is named under its rule, and the talks are due by the meeting day (会前)."""
    answer = lm.can_convene(DIR / "blocked-talks-incomplete.yaml", on=MEETING)
    assert [(b.rule, b.item, b.missing_pairs) for b in answer.blockers] == [
        ("talks_covered", "members_with_each_other", [["sun", "wang"]]),
        ("talks_covered", "members_with_department_heads", [["wang", "head:村镇建设办"]]),
    ]
    assert all(b.citation.section == "三（一）3；五" for b in answer.blockers)
    assert "王德明—村镇建设办主要负责同志" in answer.blockers[1].message
    assert [a.by for a in answer.next_actions] == [MEETING, MEETING]


def test_principal_talks_are_required_with_every_member():
    """The principal (党委主要负责同志) must talk with each member: a missing one is reported under that rule too."""
    answer = _answer(_without(_case(), "talk zhou zheng"))
    assert [(b.item, b.missing_pairs) for b in answer.blockers] == [
        ("principal_with_members", [["zhou", "zheng"]]),
        ("members_with_each_other", [["zhou", "zheng"]]),
    ]
    assert len(answer.next_actions) == 1  # one pair is asked for once


def test_team_examination_must_be_discussed_collectively():
    """The team's 对照检查材料 drafted but not discussed at a 党委会议 blocks, and so does the missing 征求意见."""
    answer = lm.can_convene(DIR / "blocked-examination-not-discussed.yaml", on=MEETING)
    assert [(b.rule, b.item, b.subject) for b in answer.blockers] == [
        ("preparation_sufficient", "examination_opinions", None),
        ("examinations_ready", "examination", "team"),
    ]
    assert answer.blockers[0].citation.section == "五"
    assert "准备不充分的，不急于开会" in answer.blockers[0].citation.quote
    assert "党委或领导班子会议集体讨论修改" in answer.blockers[1].message
    assert answer.blockers[1].citation.section == "三（一）4；五"
    assert "镇党委会议" in [a.who for a in answer.next_actions]


@pytest.mark.parametrize(
    ("task", "words"),
    [
        ("study", "精心组织学习"),
        ("find_problems", "深入查摆问题"),
        ("talk_plan", "谈心谈话方案"),
        ("examination_opinions", "征求意见"),
    ],
)
def test_each_preparation_task_blocks_when_not_done(task, words):
    """Every preparation task the plan lists blocks the meeting until it is recorded done (准备不充分的，不急于开会)."""
    answer = _answer(_without(_case(), f"done {task}"))
    assert [(b.rule, b.item) for b in answer.blockers] == [("preparation_sufficient", task)]
    assert words in answer.blockers[0].message


def test_member_examination_missing_blocks():
    """A member who has not written their own 对照检查材料 blocks the meeting."""
    answer = _answer(_without(_case(), "examination wang"))
    assert [(b.rule, b.subject) for b in answer.blockers] == [("examinations_ready", "wang")]
    assert answer.next_actions[0].who == "王德明"


def test_chain_paths():
    """Only the team's examination passes the collective discussion;
    outlines pass the principal's gating read-through; the report's 督导组 read-through gates its sending up.
    """
    view = lm.open_case(_case()).view
    team = view.slots[("examination", "team")].path.steps
    assert [(s.link.id, s.pre_sign) for s in team] == [("collective_discussion", False)]
    assert view.slots[("examination", "wang")].path.steps == ()
    outline = view.slots[("criticism_outline", "sun")].path.steps
    assert [(s.link.id, s.link.kind, s.link.is_gate, s.pre_sign) for s in outline] == [
        ("principal_read_through", "read_through", True, False)
    ]
    report = view.slots[("report", "team")].path.steps
    assert [(s.link.id, s.link.kind, s.link.is_gate) for s in report] == [
        ("supervision_read_through", "read_through", True)
    ]


def test_post_meeting_work_is_data():
    """The briefing chaired by the 党委书记, the report sent up and the published rectification list
    are duties, not gates.
    """
    rs = lm.load_ruleset("town-2014").model
    duties = {d.id: d for d in rs.duties}
    assert list(duties) == [
        "briefing",
        "report_sent_up",
        "public_briefing",
        "rectification_plan",
        "rectification_published",
    ]
    assert duties["briefing"].owner == "principal"
    assert "公示" in duties["rectification_published"].cite.quote
    assert rs.meeting.window == "2014年7月中旬"
    assert not any(g.material == "report" for g in rs.gates)


def _held(case: dict) -> lm.OpenCase:
    opened = lm.open_case(case)
    opened.apply({"date": "2014-07-15", "type": "held"})
    return opened


def test_briefing_report_review_and_sending_up_go_in_order():
    """三（三） 通报 → 专题报告 → 督导组审阅 → 报上级: the report before the briefing, or the sending up before
    the 督导组's read-through, is refused with what is missing; in order, each is accepted.
    """
    rs = lm.load_ruleset("town-2014").model
    assert next(m for m in rs.materials if m.id == "report").after == ["briefing"]
    assert next(d for d in rs.duties if d.id == "report_sent_up").after == ["report"]
    opened = _held(_case())
    report = {"date": "2014-07-17", "type": "submitted", "material": "report", "subject": "team"}
    early = r"'report'（民主生活会情况专题报告）须在党委书记主持召开通报会"
    with pytest.raises(lm.EventRefused, match=early):
        opened.apply(report)
    opened.apply({"date": "2014-07-18", "type": "done", "task": "briefing"})
    opened.apply({**report, "date": "2014-07-20"})
    sent_up = {"date": "2014-07-21", "type": "done", "task": "report_sent_up"}
    unreviewed = r"'report_sent_up'.*须在民主生活会情况专题报告之后，本轮尚未完成（三（三））"
    with pytest.raises(lm.EventRefused, match=unreviewed):
        opened.apply(sent_up)
    opened.apply(
        {
            "date": "2014-07-22",
            "type": "approved",
            "material": "report",
            "subject": "team",
            "link": "supervision_read_through",
            "by": "supervision_group",
        }
    )
    opened.apply({**sent_up, "date": "2014-07-23"})
    assert opened.state.round.duties["report_sent_up"] == dt.date(2014, 7, 23)


def test_show_says_which_read_throughs_gate_and_what_comes_first():
    """`lifemeeting show` marks a gating 审阅 and lists each step's 'after', so the order can be read off."""
    from lifemeeting.cli.show import describe

    text = describe(lm.load_ruleset("town-2014"))
    assert "supervision_read_through  审阅（把关）" in text
    assert any(line.startswith("report ") and line.rstrip().endswith("briefing") for line in text.splitlines())
    assert any(line.startswith("report_sent_up") and line.rstrip().endswith("report") for line in text.splitlines())
