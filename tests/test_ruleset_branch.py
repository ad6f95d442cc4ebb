"""branch-2018: a party branch's annual 组织生活会 — the commands answer for it and name its meeting."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import EXAMPLES
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
    assert source["percent"] == 100.0
    unchecked = {c["id"]: c["status"] for c in source["clause_detail"]}
    assert unchecked["br-18-2-steps"] == unchecked["br-w-excellent-share"] == "explained"
