"""`lifemeeting diff`: what differs between two rule sets, overview first, then rule by rule."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT

import lifemeeting as lm
from lifemeeting.cli import cli


def _diff(a: str, b: str) -> lm.RuleSetDiff:
    return lm.diff_rulesets(lm.load_ruleset(a), lm.load_ruleset(b))


def test_qingyuan_and_puyang_overview_shows_three_against_four_required_talks():
    """The overview puts 三必谈 (3 rules) beside puyang's 四必谈 with the supervision groups."""
    rows = {r.aspect: r for r in _diff("qingyuan-2014", "puyang-2014").overview}
    assert rows["必谈"].a.startswith("3条：")
    assert "省委督导组与班子成员必谈" in rows["必谈"].b and "省委督导组" not in rows["必谈"].a
    assert not rows["必谈"].same


def test_qingyuan_and_puyang_deadlines_differ_where_the_documents_do():
    """A 15-day written request and a 10-day briefing in qingyuan; no lead time and dated briefings in puyang."""
    rows = {r.aspect: r for r in _diff("qingyuan-2014", "puyang-2014").overview}
    assert rows["会前时限（报送在先）"].a == "书面请示会前15天" and rows["会前时限（报送在先）"].b == "无"
    assert "召开情况通报会，听取督导组评价：会后10天内" in rows["会后工作时限"].a
    assert "召开领导班子专题民主生活会情况通报暨群众评议会：city 2014年6月中旬" in rows["会后工作时限"].b
    assert rows["测评门槛"].a == "无" and "2/3" in rows["测评门槛"].b


def test_rules_in_both_are_compared_value_by_value():
    """A talk rule in both sets reports its changed deadline; one only in puyang is 'added'."""
    d = _diff("qingyuan-2014", "puyang-2014")
    by = {(x.rule, x.field): x for x in d.differences}
    due = by[("talks.principal_with_members", "due")]
    assert (due.change, due.a, due.b) == ("changed", "2014年6月5日前", "—")
    assert by[("talks.provincial_group_with_members", None)].change == "added"
    assert by[("gates.request_lead_time", None)].change == "removed"


def test_overlay_diff_is_exactly_its_changes():
    """Diffing the variant against its parent finds the changed deadline,
    the new talk, the dropped gate and the replaced link.
    """
    d = _diff("party-group-2017", "party-group-2017-variant")
    found = {(x.change, x.rule, x.field) for x in d.differences}
    assert found == {
        ("changed", "chains.plan_review.links.organization_department_review", "name"),
        ("changed", "chains.plan_review.links.organization_department_review", "due"),
        ("added", "talks.secretary_with_affiliated_heads", None),
        ("removed", "tasks.rectification_status_report", None),
        ("removed", "gates.rectification_report_ready", None),
        ("changed", "gates.plan_lead_time", "name"),
        ("changed", "gates.plan_lead_time", "days"),
        ("removed", "parameters.rectification_report_due", None),
    }
    days = next(x for x in d.differences if x.field == "days")
    assert (days.a, days.b) == ("15", "10")


def test_identical_rule_sets_have_no_differences():
    """puyang-2014 and the overlay that reproduces its tier differ in nothing but their names."""
    assert _diff("puyang-2014", "puyang-2014-county-dept-township").identical


def test_cli_diff_prints_a_readable_table_and_json():
    """The text names both rule sets and each difference; --json validates as a RuleSetDiff."""
    runner = CliRunner()
    text = runner.invoke(cli, ["diff", "party-group-2017", "party-group-2017-variant"])
    assert text.exit_code == 0
    assert "A  party-group-2017 1.1.0" in text.output and "B  party-group-2017-variant 1.0.0" in text.output
    assert "只在B  talks.secretary_with_affiliated_heads  党组书记与所属单位主要负责同志必谈" in text.output
    data = runner.invoke(cli, ["diff", "qingyuan-2014", "puyang-2014", "--json"])
    parsed = lm.RuleSetDiff.model_validate(json.loads(data.output))
    assert parsed.a.id == "qingyuan-2014" and parsed.b.sha256 == lm.load_ruleset("puyang-2014").sha256


def test_docs_hold_the_qingyuan_puyang_diff():
    """docs/diff-qingyuan-puyang.md shows the command's overview for the two bundled rule sets."""
    page = (ROOT / "docs" / "diff-qingyuan-puyang.md").read_text(encoding="utf-8")
    assert "A  qingyuan-2014" in page and "B  puyang-2014" in page
    assert "    A  3条：党组书记与班子每个成员必谈" in page
    assert "    A  书面请示会前15天\n    B  无" in page


def test_alternatives_are_listed_under_the_condition_each_holds_under():
    """Rules for different tiers or units are alternatives: the overview groups them by condition, not as one list."""
    rows = {r.aspect: r for r in _diff("qingyuan-2014", "puyang-2014").overview}
    assert rows["会期下限"].b.splitlines() == [
        "视条件而定：",
        "仅当层级为市级或县（区），单位是市、县（区）党委领导班子：市、县（区）党委领导班子会期不少于一天半",
        "仅当层级为市级或县（区）或市直单位或县（区）直单位、乡（镇、办），单位不是市、县（区）党委领导班子："
        "其他单位领导班子会期不少于一天",
    ]
    talks = rows["必谈"].b.splitlines()
    assert talks[0] == "8条，视条件而定："
    assert "仅当层级为市级：省委督导组与班子成员必谈；市委主要负责同志与县（区）党政主要负责同志谈心" in talks
    assert "仅当层级为县（区）或市直单位：市委督导组与班子成员必谈" in talks
    gates = rows["召开条件"].b.splitlines()
    assert gates[1].startswith("都适用：准备工作充分；")
    assert rows["必谈"].a == (
        "3条：党组书记与班子每个成员必谈；班子成员相互之间必谈；班子成员与分管部门主要负责同志之间必谈"
    )  # no condition: one line, as before


def test_each_rule_says_its_condition():
    """A rule only in one set says the condition it holds under, in words; a changed condition is in words too."""
    d = _diff("qingyuan-2014", "puyang-2014")
    by = {x.rule: x for x in d.differences if x.change != "changed"}
    assert by["gates.min_length_committee"].b == (
        "层级 city、county；仅当单位是市、县（区）党委领导班子；min_length {days: 1.5}"
    )
    assert "②市委督导组审核（仅当不是乡（镇、办））" in (by["chains.county_examination_review"].b or "")
    conditions = lm.load_ruleset(ROOT / "tests" / "fixtures" / "format" / "conditions.yaml")
    plain = conditions.model.model_copy(
        update={"gates": [g.model_copy(update={"applies_to": None}) for g in conditions.model.gates]}
    )
    changed = {x.rule: x for x in lm.diff_rulesets(conditions, plain).differences}["gates.length"]
    assert (changed.field_name, changed.a, changed.b) == ("适用于", "单位是党委（党组）领导班子", "全部")
