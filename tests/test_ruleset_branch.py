"""branch-2018: a party branch's annual 组织生活会 — the commands answer for it and name its meeting."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from conftest import EXAMPLES, ROOT
from test_coverage import run

import lifemeeting as lm

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
    with pytest.raises(lm.EventRefused, match=r"'li' \(李文静\) is rated 基本合格"):
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


def test_the_order_no_text_gives_is_not_in_the_rule_set() -> None:
    """No retrieved text lets a higher body order the appraisal redone: branch-2018 has no such order."""
    rs = lm.load_ruleset("branch-2018").model
    assert rs.orders == []
    assert "责令重新评议" in (ROOT / "tests" / "fixtures" / "sources" / "README.md").read_text(encoding="utf-8")
