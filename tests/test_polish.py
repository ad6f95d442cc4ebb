"""What a branch secretary reading the answers found: each said once, in words, consistently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, ROOT
from test_coverage import run

import lifemeeting as lm

BRANCH = EXAMPLES / "branch-2018"
MEETING = dt.date(2018, 12, 20)


def _without_members_talk() -> dict[str, object]:
    data = yaml.safe_load((BRANCH / "ready.yaml").read_text(encoding="utf-8"))
    data["events"] = [e for e in data["events"] if e.get("between") != ["li", "zhou"]]
    return data


def test_a_soft_gate_says_its_name_once() -> None:
    (warning,) = lm.can_convene(_without_members_talk(), on=MEETING).warnings
    assert warning == "党员和党员之间谈心谈话（一般要求，不阻止召开）：尚缺1对：李文静—周海涛"


def test_a_gate_over_several_talk_rules_still_names_the_rule() -> None:
    (blocker,) = lm.can_convene(BRANCH / "blocked-talk-missing.yaml", on=MEETING).blockers
    assert blocker.message == "「会前谈心谈话」：党支部书记与每名党员谈心谈话，尚缺1对：赵立群—周海涛"


def test_check_on_a_held_meeting_says_so_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(BRANCH / "held-unqualified.yaml"), "--on", "2019-01-05")
    assert code == 3
    assert "结论：不能召开：第1轮组织生活会已于2018-12-20召开（已召开，落实会后工作）。" in out.splitlines()
    assert "stage" not in out and "不在规定的会议时间" not in out  # a meeting held is not asked about again


def test_a_stage_blocker_names_the_stage() -> None:
    (blocker,) = lm.can_convene(BRANCH / "held-unqualified.yaml", on=dt.date(2019, 1, 5)).blockers
    assert (blocker.kind, blocker.item) == ("stage", "held")


def test_a_yes_no_attribute_a_member_does_not_give_is_false() -> None:
    """`member` sets no `committee`: {committee: false} picks the members who are not 支部委员, as `not` does."""
    view = lm.open_case(BRANCH / "ready.yaml").state.view
    assert view.members_matching({"committee": False}) == ["li", "zhou"]
    assert view.members_matching({"not": {"committee": True}}) == ["li", "zhou"]
    assert view.members_matching({"committee": True}) == ["zhao", "qian", "sun"]


def test_an_unset_unit_attribute_is_false() -> None:
    from lifemeeting.ruleset.predicate import matches

    assert matches({"unit.liaison_point": False}, {}, {})
    assert not matches({"unit.liaison_point": True}, {}, {})
    assert not matches({"body": "npc"}, {}, {})


def test_diff_counts_a_duty_per_rating_from_the_rating() -> None:
    from lifemeeting.ruleset.diff import diff_rulesets

    d = diff_rulesets(lm.load_ruleset("branch-2018"), lm.load_ruleset("qingyuan-2014"))
    duties = next(r for r in d.overview if r.aspect == "会后工作时限")
    assert duties.a.endswith("限期改正：评定后12个月内")
    assert duties.b == "召开情况通报会，听取督导组评价：会后10天内；向省厅和市委第三督导组上报专题报告：会后15天内"


def test_dates_read_alike_in_diff_pages_and_show() -> None:
    from lifemeeting.ruleset.diff import words
    from lifemeeting.ruleset.words import RATING, deadline
    from lifemeeting.service.pages.rendering import due_text

    spec = {"days_before_meeting": 15, "working_days": True}
    assert words(spec) == due_text(spec) == deadline(spec) == "会前15个工作日"
    spec = {"months_after_meeting": 3}
    assert words(spec, "due", RATING) == due_text(spec, RATING) == "评定后3个月内"
    assert due_text(None) == "—"


def test_rule_sentences_name_the_rule_sets_team(capsys: pytest.CaptureFixture[str]) -> None:
    from lifemeeting.ruleset.words import condition

    rs = lm.load_ruleset("branch-2018").model
    assert condition(rs, {"kind": "member"}) == "党员个人"
    assert condition(rs, {"kind": ["team"]}) == "党支部班子"
    code, out, _ = run(capsys, "show", "branch-2018")
    assert code == 0 and "领导班子" not in out and "班子成员" not in out


STRICT = """\
id: strict-length
version: "0.1.0"
title: 会期严格不超过2天
extends: qingyuan-2014
source: {title: 本局补充规定}
changes:
  - set: gates.max_length.severity
    to: error
    reason: 本局规定会期不得超过2天
    cite: {section: 一, quote: 会期不得超过2天, clause: st-1}
clauses:
  - {id: st-1, section: 一, text: 会期不得超过2天。}
"""


def _planned(days: float) -> dict[str, object]:
    data = yaml.safe_load((EXAMPLES / "qingyuan-2014" / "ready.yaml").read_text(encoding="utf-8"))
    data["meeting"]["length_days"] = days
    return data


def test_a_plan_longer_than_the_max_length_warns_where_the_rule_is_soft() -> None:
    answer = lm.can_convene(_planned(3), on=dt.date(2014, 6, 16))
    assert answer.convenable
    assert "会期安排1至2天（不超过2天）（一般要求，不阻止召开）：计划会期3天，超过2天" in answer.warnings
    assert not [w for w in lm.can_convene(_planned(2), on=dt.date(2014, 6, 16)).warnings if "会期" in w]


def test_a_plan_longer_than_the_max_length_blocks_where_the_rule_is_hard(tmp_path: Path) -> None:
    from lifemeeting.ruleset.discovery import searching

    (tmp_path / "strict-length.yaml").write_text(STRICT, encoding="utf-8")
    case = _planned(2.5) | {"ruleset": "strict-length"}
    with searching(tmp_path):
        answer = lm.can_convene(case, on=dt.date(2014, 6, 16))
    (blocker,) = answer.blockers
    assert (blocker.rule, blocker.kind) == ("max_length", "max_length")
    assert blocker.message == "「会期安排1至2天（不超过2天）」：计划会期2.5天，超过2天"
    assert [a.what for a in answer.next_actions] == ["将会期安排为不超过2天"]


def test_a_max_length_gate_needs_days(tmp_path: Path) -> None:
    from lifemeeting.errors import LifemeetingError

    bad = STRICT.replace("  - set: gates.max_length.severity\n    to: error", "  - drop: gates.max_length.days")
    (tmp_path / "strict-length.yaml").write_text(bad, encoding="utf-8")
    with pytest.raises(LifemeetingError, match="a 'max_length' gate needs 'days'"):
        lm.load_ruleset(tmp_path / "strict-length.yaml")


def test_the_plan_never_lists_a_soft_rule_as_a_precondition() -> None:
    """党员和党员之间谈心谈话 is 一般: the 方案 says so, in Markdown and DOCX, not 会前须完成：是."""
    import io

    import docx

    from lifemeeting.answers.plan_document import plan_document
    from lifemeeting.render.document_docx import document_docx
    from lifemeeting.render.document_md import document_md

    d = plan_document(BRANCH / "ready.yaml")
    step = next(s for s in d.preparation if s.name == "党员和党员之间谈心谈话")
    assert (step.before_meeting, step.soft, step.when) == (False, True, "2018-12-20前")
    assert "| 6 | 党员和党员之间谈心谈话 | 李文静、周海涛 | 2018-12-20前 | 一般要求，不阻止召开 | [6] |" in document_md(
        d
    )
    assert "| 5 | 党支部书记与每名党员谈心谈话 | 党支部书记（赵立群） | 2018-12-20前 | 是 | [5] |" in document_md(d)
    rows = [[c.text for c in r.cells] for t in docx.Document(io.BytesIO(document_docx(d))).tables for r in t.rows]
    row = next(r for r in rows if r[1] == "党员和党员之间谈心谈话")
    assert row[4] == "一般要求，\n不阻止召开"


def test_the_timeline_marks_a_soft_rule_as_such() -> None:
    plan = lm.timeline(lm.open_case(BRANCH / "ready.yaml"), on=dt.date(2018, 12, 1))
    item = next(i for i in plan.items if i.rule == "members_each_other")
    assert (item.before_meeting, item.soft, item.by) == (False, True, MEETING)


def test_a_material_named_after_its_subject_names_it_once() -> None:
    answer = lm.can_convene(BRANCH / "ready.yaml", on=dt.date(2018, 12, 1))
    assert "「党支部班子已查摆问题」：党支部班子查摆问题材料尚未提交" in [b.message for b in answer.blockers]
    assert "「党员已查摆问题」：赵立群的个人查摆问题材料尚未提交" in [b.message for b in answer.blockers]


def test_show_names_each_gate_kind_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    import typing

    from lifemeeting.ruleset.model import GateKind
    from lifemeeting.ruleset.words import GATE_KINDS

    assert set(GATE_KINDS) == set(typing.get_args(GateKind))
    code, out, _ = run(capsys, "show", "qingyuan-2014")
    (line,) = [x for x in out.splitlines() if x.startswith("max_length ")]
    assert "会期上限" in line and "一般要求：未满足时只提醒，不阻止召开" in line


def test_status_names_the_stage_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "status", str(BRANCH / "held-unqualified.yaml"), "--on", "2018-12-21")
    assert out.splitlines()[0] == "市统计局机关第一党支部 — 2018-12-21：第1轮，已召开，落实会后工作"


def test_what_a_failed_vote_brings_is_said_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    from lifemeeting.ruleset.diff import diff_rulesets

    d = diff_rulesets(lm.load_ruleset("qingyuan-2014"), lm.load_ruleset("puyang-2014"))
    row = next(r for r in d.overview if r.aspect == "测评门槛")
    assert row.b.endswith("群众评议（群众满意率） 2/3（未达到：重做所列事项）")
    code, out, _ = run(capsys, "show", "puyang-2014")
    (line,) = [x for x in out.splitlines() if x.startswith("public_appraisal ")]
    assert line.split() == ["public_appraisal", "群众评议（群众满意率）", "2/3", "重做所列事项"]


def test_a_test_that_could_never_hold_is_refused_at_its_line(tmp_path: Path) -> None:
    from lifemeeting.errors import LifemeetingError

    text = (ROOT / "rulesets" / "branch-2018.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "branch-2018.yaml"
    bad.write_text(text.replace("each: {members: {committee: true}}", "each: {members: {committee: 'yes'}}"), "utf-8")
    line = next(i for i, x in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "'yes'" in x)
    with pytest.raises(
        LifemeetingError, match=rf"branch-2018.yaml:{line}:\d+: .*'committee' is yes/no: test it with true"
    ):
        lm.load_ruleset(bad)


def test_a_value_an_attribute_does_not_declare_is_refused() -> None:
    from lifemeeting.ruleset.predicate import check

    names = {"attribute": {"body"}, "unit_attribute": set(), "position": set()}
    ((_, message, bad, candidates),) = check({"body": "npx"}, (), names, {"body": ["npc", "cppcc"]})
    assert (message, bad, candidates) == ("'body' is one of npc, cppcc, not 'npx'", "npx", ["npc", "cppcc"])


def test_a_window_reads_alike_in_check_and_the_plan(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(BRANCH / "ready.yaml"), "--on", "2019-01-05")
    assert "注意：于2019-01-05召开，不在规定的会议时间（2018-10-01至2018-12-31）之内" in out.splitlines()
    code, out, _ = run(capsys, "document", str(BRANCH / "ready.yaml"), "--format", "md")
    assert "规定的会议时间：第四季度（2018-10-01至2018-12-31）" in out
