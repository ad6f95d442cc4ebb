"""branch-2018: a party branch's annual 组织生活会 — the commands answer for it and name its meeting."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT
from test_coverage import run

import lifemeeting as lm
from lifemeeting.cli import cli

DIR = EXAMPLES / "branch-2018"
MEETING = dt.date(2018, 12, 20)


def test_the_rule_set_is_bundled_annual_and_names_its_meeting() -> None:
    assert "branch-2018" in lm.available()
    rs = lm.load_ruleset("branch-2018").model
    assert rs.annual and rs.meeting.name == "组织生活会"
    assert rs.source.file == "branch-2018.txt"


def test_ready_example_can_convene_and_says_so_in_the_meetings_own_name(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(DIR / "ready.yaml"), "--on", "2018-12-20")
    assert code == 0
    assert out.splitlines()[:2] == ["市统计局机关第一党支部 — 2018-12-20 能否召开组织生活会？", "结论：可以召开。"]


def test_a_missing_talk_blocks_and_names_the_pair(capsys: pytest.CaptureFixture[str]) -> None:
    answer = lm.can_convene(DIR / "blocked-talk-missing.yaml", on=MEETING)
    assert [(b.rule, b.missing_pairs) for b in answer.blockers] == [("talked", [["zhao", "zhou"]])]
    code, out, _ = run(capsys, "check", str(DIR / "blocked-talk-missing.yaml"), "--on", "2018-12-20")
    assert code == 3
    assert "党支部书记与每名党员谈心谈话，尚缺1对：赵立群—周海涛" in out


def test_no_study_no_meeting() -> None:
    answer = lm.can_convene(DIR / "blocked-not-studied.yaml", on=MEETING)
    (blocker,) = answer.blockers
    assert blocker.rule == "studied"
    assert blocker.citation is not None and blocker.citation.quote == "没有组织集中学习的，不得召开组织生活会"


def test_timeline_and_status_name_the_meeting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "timeline", str(DIR / "blocked-talk-missing.yaml"), "--on", "2018-12-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "市统计局机关第一党支部 — 组织生活会时间表（截至 2018-12-01）"
    assert lines[1].startswith("组织生活会：计划 2018-12-20（周四）；规定的会议时间：第四季度（2018-10-01至")
    code, out, _ = run(capsys, "status", str(DIR / "ready.yaml"), "--on", "2018-12-20")
    assert code == 0 and "能否召开组织生活会？" in out


def test_a_held_meeting_is_named_in_the_stage_blocker() -> None:
    case = lm.open_case(DIR / "ready.yaml")
    case.apply({"date": "2018-12-20", "type": "held"})
    (blocker,) = case.can_convene(dt.date(2018, 12, 21)).blockers
    assert blocker.kind == "stage" and blocker.message.startswith("第1轮组织生活会已于2018-12-20召开")


def test_show_and_coverage_list_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "branch-2018")
    assert code == 0 and "党支部书记与每名党员谈心谈话" in out
    code, out, _ = run(capsys, "coverage", "branch-2018", "--json")
    assert code == 0
    (source,) = json.loads(out)["sources"]
    assert source["percent"] == 100.0 and source["rules_without_scenario"] == []
    status = {c["id"]: c["status"] for c in source["clause_detail"]}
    assert status["br-18-2-steps"] == status["br-w-excellent-share"] == status["br-q-term"] == "tested"
    assert status["br-q-who"] == "explained"


def test_show_says_the_appraisal_its_limit_and_what_a_rating_owes_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    """show: the levels best first, whom it rates, the steps in order, the limit with its boundary and action, the
    duty per rated member counted from the rating, and a soft gate said as one."""
    code, out, _ = run(capsys, "show", "branch-2018")
    assert code == 0
    lines = [line.rstrip() for line in out.splitlines()]
    at = lines.index("评定 member_review：民主评议党员（每名评定对象一个等次；出处：评定等次）")
    assert lines[at + 1 : at + 6] == [
        "  等次（由高到低）：优秀（excellent）、合格（qualified）、基本合格（basically_qualified）、"
        "不合格（unqualified）",
        "  评定对象：全部党员",
        "  步骤（依次，做完才能评定）：个人自评 → 党员互评 → 民主测评",
        "  比例：优秀不超过参加评定人数的1/3（恰为1/3的可以）；超过的，只提醒，结果有效；一般要求（出处：评定等次）",
        "  评定为不合格的：每人一项“限期改正”，责任人党支部书记，评定后12个月内（出处：限期改正）",
    ]
    (rectify,) = [line for line in lines if line.startswith("rectify ")]
    whom = "民主评议党员评定为不合格的每名党员，各一项"
    assert rectify.split() == ["rectify", "限期改正", "党支部书记", whom, "评定后12个月内"]
    (soft,) = [line for line in lines if line.startswith("members_talked ")]
    assert "一般要求：未满足时只提醒，不阻止召开" in soft


def test_too_many_rated_excellent_is_flagged_not_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """2 优秀 of 5 is over 1/3 (at most 1): 一般不超过, so the result stands and status and timeline warn."""
    path = DIR / "held-too-many-excellent.yaml"
    status = lm.open_case(path).status(dt.date(2019, 1, 15))
    assert [(r.member, r.level_name) for r in status.rounds[0].ratings] == [
        ("zhao", "优秀"),
        ("qian", "优秀"),
        ("sun", "合格"),
        ("li", "合格"),
        ("zhou", "合格"),
    ]
    flagged = "第1轮民主评议党员：优秀2人，占参加评议的5人的2/5，超过1/3（至多1人）（一般要求）"
    assert status.warnings == [flagged]
    code, out, _ = run(capsys, "status", str(path), "--on", "2019-01-15")
    assert code == 0
    assert "    2018-12-21 民主评议党员：赵立群优秀、钱晓燕优秀、孙国平合格、李文静合格、周海涛合格" in out.splitlines()
    assert f"提醒：{flagged}" in out
    code, out, _ = run(capsys, "timeline", str(path), "--on", "2019-01-15")
    assert code == 0 and f"注意：{flagged}" in out


def test_a_member_rated_unqualified_owes_rectification_named_after_him_a_year_from_the_rating(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DIR / "held-unqualified.yaml"
    case = lm.open_case(path)
    duties = {d.id: d for d in case.status(dt.date(2019, 1, 15)).rounds[0].duties}
    owed = duties["rectify/zhou"]
    assert (owed.name, owed.by, owed.status) == ("周海涛限期改正", dt.date(2019, 12, 21), "open")
    assert case.status(dt.date(2019, 12, 22)).stage == "held"
    code, out, _ = run(capsys, "status", str(path), "--on", "2019-01-15")
    assert "接下来：周海涛限期改正（党支部书记（赵立群），2019-12-21前）" in out
    code, out, _ = run(capsys, "timeline", str(path), "--on", "2019-01-15")
    (row,) = [line for line in out.splitlines() if "周海涛限期改正" in line]
    assert row.split()[:3] == ["2018-12-21至2019-12-21", "未完成", "周海涛限期改正"]
    with pytest.raises(lm.EventRefused, match=r"'li'（李文静）第1轮评为基本合格"):
        case.apply({"date": "2019-06-01", "type": "done", "task": "rectify", "subject": "li"})
    case.apply({"date": "2019-06-01", "type": "done", "task": "rectify", "subject": "zhou"})
    assert case.status(dt.date(2019, 6, 2)).stage == "closed"


def test_members_talks_with_each_other_are_a_soft_rule() -> None:
    """党员和党员之间……一般不少于1次: a missing pair is a warning naming it, never a blocker."""
    case = lm.open_case(DIR / "ready.yaml")
    assert case.can_convene(MEETING).warnings == []
    data = yaml.safe_load((DIR / "ready.yaml").read_text(encoding="utf-8"))
    data["events"] = [e for e in data["events"] if e.get("between") != ["li", "zhou"]]
    answer = lm.can_convene(data, on=MEETING)
    assert answer.convenable and not answer.blockers
    (warning,) = answer.warnings
    assert "党员和党员之间谈心谈话（一般要求，不阻止召开）" in warning and warning.endswith("尚缺1对：李文静—周海涛")


def test_the_reappraisal_order_rests_on_the_2014_notice_word_for_word_and_has_no_deadline() -> None:
    """对民主评议流于形式、失真失实的，要责令重新进行: the whole appraisal again, steps and all; no time given."""
    rs = lm.load_ruleset("branch-2018").model
    (order,) = rs.orders
    assert (order.id, order.name, order.consequence) == ("redo_review", "上级党组织责令重新评议", "redo")
    assert order.redo == ["self_review", "mutual_review", "democratic_test", "member_review"]
    assert order.due is None
    clauses = {c.id: c.text for c in rs.clauses}
    assert order.cite.clause == ["br-m-redo", "br-m-guidance"]
    assert clauses["br-m-redo"] == "对民主评议流于形式、失真失实的，要责令重新进行。"
    sources = ROOT / "tests" / "fixtures" / "sources"
    text = (sources / "branch-2018.txt").read_text(encoding="utf-8")
    assert all(clauses[c] in text for c in ("br-m-lead", "br-m-guidance", "br-m-quality", "br-m-redo"))
    assert "https://xz89xzkegr.pixnet.net/blog/post/182560998" in (sources / "README.md").read_text(encoding="utf-8")


def test_a_reappraisal_ordered_after_the_round_closed_is_a_redo_round_done_only_when_rated_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = DIR / "held-reappraisal-ordered.yaml"
    case = lm.open_case(path)
    status = case.status(dt.date(2019, 1, 15))
    assert (status.round, status.stage) == (2, "redoing")
    first, second = status.rounds
    assert second.cause == "上级党组织责令重新评议：民主测评未经讨论，评定结果失真失实"
    assert [(d.id, d.status, d.by) for d in second.redo] == [
        ("self_review", "open", None),
        ("mutual_review", "open", None),
        ("democratic_test", "open", None),
        ("member_review", "open", None),
    ]
    assert second.deadline is None
    kept = [("zhao", "合格"), ("qian", "合格"), ("sun", "合格"), ("li", "合格"), ("zhou", "合格")]
    assert [(r.member, r.level_name) for r in first.ratings] == kept
    code, out, _ = run(capsys, "status", str(path), "--on", "2019-01-15")
    assert code == 0
    assert "  第2轮 返工补课（上级党组织责令重新评议：民主测评未经讨论，评定结果失真失实），2018-12-20召开" in out
    assert "    [待办] 重新民主评议党员" in out.splitlines()
    with pytest.raises(lm.EventRefused, match=r"案件在第2轮的 'redoing' 阶段"):
        case.apply({"date": "2019-01-15", "type": "rated", "appraisal": "member_review", "ratings": {"zhao": "合格"}})
    with pytest.raises(lm.EventRefused, match=r"'mutual_review'（党员互评）须在'self_review'.*之后，第2轮尚未完成"):
        case.apply({"date": "2019-01-15", "type": "done", "task": "mutual_review"})
    for day, step in (
        ("2019-01-15", "self_review"),
        ("2019-01-15", "mutual_review"),
        ("2019-01-16", "democratic_test"),
    ):
        case.apply({"date": day, "type": "done", "task": step})
    assert case.status(dt.date(2019, 1, 16)).stage == "held"  # the steps are redone, the rating is not yet
    again = {"zhao": "优秀", "qian": "合格", "sun": "合格", "li": "基本合格", "zhou": "合格"}
    case.apply({"date": "2019-01-17", "type": "rated", "appraisal": "member_review", "ratings": again})
    status = case.status(dt.date(2019, 1, 18))
    assert status.stage == "closed"
    assert [(r.member, r.level_name) for r in status.rounds[1].ratings] == list(again.items())
    assert [(r.member, r.level_name) for r in status.rounds[0].ratings] == kept


def test_a_reappraisal_ordered_before_the_meeting_is_refused_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = (
        r"'redo_review'（上级党组织责令重新评议，2018-12-15）要求重做的member_review在组织生活会之后；"
        r"第1轮组织生活会尚未召开（计划于 2018-12-20）"
    )
    with pytest.raises(lm.EventRefused, match=reason):
        lm.open_case(DIR / "ready.yaml").apply({"date": "2018-12-15", "type": "ordered", "order": "redo_review"})
    case = tmp_path / "ordered-early.yaml"
    text = (DIR / "ready.yaml").read_text(encoding="utf-8")
    case.write_text(text + "  - {date: 2018-12-15, type: ordered, order: redo_review}\n", encoding="utf-8")
    code, _, err = run(capsys, "status", str(case), "--on", "2018-12-16")
    line = len(text.splitlines()) + 1
    assert code == 1
    assert err.startswith(f"lifemeeting: {case}:{line}:5: 第16个事件（ordered）被拒绝：'redo_review'")


def test_a_duty_the_round_redoes_is_one_next_action_and_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """The order redoes the three steps, which are also the round's duties: each is due once, not twice."""
    status = lm.open_case(DIR / "held-reappraisal-ordered.yaml").status(dt.date(2019, 2, 1))
    due = [d.id for d in status.due_next]
    assert sorted(due) == ["democratic_test", "member_review", "mutual_review", "self_review"]
    assert [d.id for d in status.rounds[-1].redo] == [
        "self_review",
        "mutual_review",
        "democratic_test",
        "member_review",
    ]
    out = CliRunner().invoke(cli, ["status", str(DIR / "held-reappraisal-ordered.yaml"), "--on", "2019-02-01"]).output
    assert out.count("个人自评") == 3  # round 1 done, round 2 to redo, and the next action


def test_steps_to_redo_are_due_in_their_order_not_by_id() -> None:
    """个人自评 → 党员互评 → 民主测评, then the rating itself: the order a clerk follows (their ids sort otherwise)."""
    s = lm.open_case(DIR / "held-reappraisal-ordered.yaml").status(dt.date(2019, 2, 1))
    assert [d.id for d in s.due_next] == ["self_review", "mutual_review", "democratic_test", "member_review"]


def test_a_step_listed_before_what_it_comes_after_is_due_after_it() -> None:
    """town-2014 lists 报上级 (report_sent_up, after the 专题报告) before the report; status puts it after."""
    rs = lm.load_ruleset("town-2014").model
    assert "report_sent_up" in [d.id for d in rs.duties] and rs.materials[-1].id == "report"  # duties come first
    case = lm.open_case(EXAMPLES / "town-2014" / "ready.yaml")
    case.apply({"date": "2014-07-15", "type": "held"})
    s = case.status(dt.date(2014, 7, 16))
    ids = [d.id for d in s.due_next]
    assert ids.index("briefing") < ids.index("report") < ids.index("report_sent_up")
