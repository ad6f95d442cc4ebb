"""Overlays: a rule set written as justified changes to another, resolved into a plain rule set."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, FIXTURES, ROOT

import lifemeeting as lm
from lifemeeting.cli import cli

OVERLAYS = FIXTURES / "overlays"

REFUSED = {
    "no_reason": (
        "11:5: changes.1: missing required key 'reason'; "
        "every change says why (reason) and cites the document that allows it (cite)"
    ),
    "no_cite": (
        "7:5: changes.0: missing required key 'cite'; "
        "every change says why (reason) and cites the document that allows it (cite)"
    ),
    "bad_target": (
        "7:11: gates has no item 'request_leadtime' (did you mean 'request_lead_time'?); "
        "it has: preparation_complete, talks_fully_covered, examinations_passed, speeches_written, plan_approved, "
        "min_length, max_length, request_lead_time"
    ),
    "breaks_inherited": (
        "5:10: unknown task 'diagnosis' (in gates.preparation_complete.tasks.3, inherited from 'qingyuan-2014')"
    ),
    "bad_value": "11:20: unknown role 'supervison_group' (did you mean 'supervision_group'?)",
    "two_verbs": "7:5: changes.0: a change does exactly one of: set, add, replace, drop; it has set, drop",
}


def _without(data, keys=("id", "title", "version")):
    """A dumped rule set without its own names and without clause ids, for comparing contents."""
    if isinstance(data, dict):
        return {k: _without(v, ()) for k, v in data.items() if k not in keys and k != "clause"}
    if isinstance(data, list):
        return [_without(v, ()) for v in data]
    return data


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_overlay_is_refused_with_file_line_and_column(name):
    """A bad overlay is refused at the line and column of the change at fault, saying what is wrong."""
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(OVERLAYS / f"{name}.yaml")
    assert [str(p).split(f"{name}.yaml:", 1)[1] for p in info.value.problems] == [REFUSED[name]]


def test_every_refusal_fixture_is_tested():
    """Each overlay fixture under tests/fixtures/overlays has its expected message here (or its own test)."""
    assert {p.stem for p in OVERLAYS.glob("*.yaml")} == set(REFUSED) | {"unknown_parent"}


def test_unknown_parent_points_at_extends():
    """An overlay of a rule set nobody has is refused at its extends line, with the close id."""
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(OVERLAYS / "unknown_parent.yaml")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (5, 10)
    assert "unknown rule set 'qingyuan-2041' (did you mean 'qingyuan-2014'?)" in problem.message


def test_puyang_overlay_reproduces_the_county_dept_township_tier():
    """The 参照执行 overlay resolves to exactly puyang-2014's rules (clause ids aside), plus its own inventory."""
    base = lm.load_ruleset("puyang-2014").model.model_dump(mode="json")
    overlay = lm.load_ruleset("puyang-2014-county-dept-township")
    resolved = overlay.model.model_dump(mode="json")
    own = resolved["clauses"][len(base["clauses"]) :]
    assert [c["id"] for c in own] == [
        "cdt-3-5-2-county-1",
        "cdt-3-5-2-dept-1",
        "cdt-3-5-2-dept-2",
        "cdt-3-5-2-dept-3",
        "cdt-3-5-2-dept-4",
        "cdt-3-5-2-analogy",
    ]
    assert _without({**resolved, "clauses": resolved["clauses"][: len(base["clauses"])]}) == _without(base)
    assert overlay.provenance.lineage == ("puyang-2014", "puyang-2014-county-dept-township")
    chain = "chains.county_dept_township_examination_review"
    assert overlay.provenance.origin(chain) == "puyang-2014-county-dept-township"
    assert overlay.provenance.origin(chain + ".links.county_secretary_review") == "puyang-2014-county-dept-township"
    assert overlay.provenance.origin("chains.city_dept_examination_review") == "puyang-2014"


@pytest.mark.parametrize("path", sorted((EXAMPLES / "puyang-2014").glob("*.yaml")), ids=lambda p: p.stem)
def test_puyang_cases_answer_alike_under_the_overlay(path):
    """Every puyang-2014 example gets the same answer, blocker for blocker, under the overlay."""
    overlay = lm.load_ruleset("puyang-2014-county-dept-township")
    a, b = lm.open_case(path), lm.open_case(path, ruleset=overlay)
    on = a.case.meeting.date
    ra, rb = a.can_convene(on), b.can_convene(on)
    assert (ra.convenable, [x.message for x in ra.blockers]) == (rb.convenable, [x.message for x in rb.blockers])


def test_variant_changes_a_deadline_and_cites_the_unit_document():
    """A set change alters the value and makes the change's citation the rule's citation."""
    rs = lm.load_ruleset("party-group-2017-variant").model
    gate = next(g for g in rs.gates if g.id == "plan_lead_time")
    assert gate.days == 10 and gate.name == "会前10天报送方案"
    assert gate.cite.document == "《（示例）市yy局党组2017年度党组成员专题民主生活会实施方案》"


def test_variant_adds_a_talk_replaces_a_link_and_drops_a_gate():
    """The variant's add, replace and drop changes land where they say."""
    rs = lm.load_ruleset("party-group-2017-variant").model
    assert "secretary_with_affiliated_heads" in {t.id for t in rs.talks}
    (link,) = next(c for c in rs.chains if c.id == "plan_review").links
    assert link.id == "organization_department_review" and link.due == {"days_before_meeting": 10}
    assert "rectification_report_ready" not in {g.id for g in rs.gates}
    assert "rectification_report_due" not in rs.parameters


def test_same_events_answer_differently_under_parent_and_variant(tmp_path):
    """A plan filed 10 days before blocks under party-group-2017 (15 days) but not under the variant."""
    path = EXAMPLES / "party-group-2017-variant" / "ready.yaml"
    on = lm.open_case(path).case.meeting.date
    assert lm.open_case(path).can_convene(on).convenable
    parent = lm.load_ruleset("party-group-2017")
    text = path.read_text(encoding="utf-8").replace("ruleset: party-group-2017-variant", "ruleset: party-group-2017")
    text = text.replace(
        "  talks_due: 2018-01-20\n", "  talks_due: 2018-01-20\n  rectification_report_due: 2018-01-26\n"
    )
    text += "  - {date: 2018-01-25, type: done, task: rectification_status_report}\n"
    (tmp_path / "case.yaml").write_text(text, encoding="utf-8")
    answer = lm.open_case(tmp_path / "case.yaml", ruleset=parent).can_convene(on)
    assert [b.rule for b in answer.blockers] == ["plan_lead_time"]


def test_add_before_and_after_and_drop_from_a_list_of_names(tmp_path):
    """add puts an item before or after the named one; drop removes a name from a list of names."""
    (tmp_path / "o.yaml").write_text(
        """id: o
version: "1"
title: 位置
extends: qingyuan-2014
changes:
  - add: chains.examination_review.links
    before: group_review
    value: {id: principal_read, name: 书记再审阅, reviewers: [principal], kind: read_through,
            cite: {section: 一, quote: 书记再审阅}}
    reason: 先由书记再看一遍
    cite: {section: 一, quote: 书记再审阅, document: 某局通知, clause: n-1}
  - add: chains.examination_review.links
    after: office_read_through
    value: {id: bureau_read, name: 省厅审阅, reviewers: [provincial_bureau_party_group], kind: read_through,
            cite: {section: 二, quote: 报省厅审阅}}
    reason: 再报省厅
    cite: {section: 二, quote: 报省厅审阅, document: 某局通知, clause: n-2}
  - drop: gates.preparation_complete.tasks.diagnosis
    reason: 会诊不作为召开条件
    cite: {section: 三, quote: 会诊不作为召开条件, document: 某局通知, clause: n-3}
clauses:
  - {id: n-1, section: 一, text: 书记再审阅。}
  - {id: n-2, section: 二, text: 报省厅审阅。}
  - {id: n-3, section: 三, text: 会诊不作为召开条件。}
""",
        encoding="utf-8",
    )
    rs = lm.load_ruleset(tmp_path / "o.yaml").model
    links = [link.id for link in rs.chains[0].links]
    assert links == ["initial_review", "principal_read", "group_review", "office_read_through", "bureau_read"]
    assert next(g for g in rs.gates if g.id == "preparation_complete").tasks == ["look_back", "study", "opinions"]


def test_overlay_of_an_overlay_keeps_the_whole_lineage(tmp_path):
    """An overlay may extend an overlay; each rule is marked with the rule set that wrote it."""
    (tmp_path / "unit.yaml").write_text(
        """id: unit
version: "1"
title: 再叠加
extends: party-group-2017-variant
changes:
  - set: talks.secretary_with_affiliated_heads.name
    to: 党组书记与所属单位主要负责同志逐一必谈
    reason: 写明逐一
    cite: {section: 一, quote: 逐一必谈, document: 某科通知, clause: k-1}
clauses:
  - {id: k-1, section: 一, text: 逐一必谈。}
""",
        encoding="utf-8",
    )
    loaded = lm.load_ruleset(tmp_path / "unit.yaml")
    prov = loaded.provenance
    assert prov.lineage == ("party-group-2017", "party-group-2017-variant", "unit")
    assert prov.origin("talks.secretary_with_affiliated_heads") == "party-group-2017-variant"
    assert [c.ruleset for c in prov.changes_to("talks.secretary_with_affiliated_heads")] == [
        "party-group-2017-variant",
        "unit",
    ]


def test_overlay_hash_follows_its_parent(tmp_path):
    """Changing the parent changes the overlay's sha256, so a pinned case notices."""
    parent = tmp_path / "minimal-2020.yaml"
    shutil.copy(FIXTURES / "rulesets" / "minimal.yaml", parent)
    overlay = tmp_path / "child.yaml"
    overlay.write_text(
        "id: child\nversion: '1'\ntitle: 子\nextends: minimal-2020\nchanges:\n"
        "  - drop: duties.report\n    reason: 不报\n"
        "    cite: {section: 一, quote: 不报, document: 通知, clause: n-1}\n"
        "clauses:\n  - {id: n-1, section: 一, text: 不报。}\n",
        encoding="utf-8",
    )
    before = lm.load_ruleset(overlay).sha256
    parent.write_text(
        parent.read_text(encoding="utf-8").replace("2020年6月10日前", "2020年6月12日前"), encoding="utf-8"
    )
    assert lm.load_ruleset(overlay).sha256 != before


def test_overlays_extending_each_other_are_refused(tmp_path):
    """Two overlays that extend each other are a load error at extends, not a hang."""
    for me, other in (("a", "b"), ("b", "a")):
        (tmp_path / f"{me}.yaml").write_text(
            f"id: {me}\nversion: '1'\ntitle: 环\nextends: {other}\nchanges:\n"
            "  - drop: duties.report\n    reason: 不报\n"
            "    cite: {section: 一, quote: 不报, document: 通知, clause: n-1}\n"
            "clauses:\n  - {id: n-1, section: 一, text: 不报。}\n",
            encoding="utf-8",
        )
    with pytest.raises(lm.RuleSetError, match=r"overlays extend each other in a circle: a → b → a"):
        lm.load_ruleset(tmp_path / "a.yaml")


def test_show_effective_marks_each_rule_and_lists_the_reasons():
    """show --effective marks rules by origin and prints each change with its reason, citation and line."""
    r = CliRunner().invoke(cli, ["show", "--effective", str(ROOT / "rulesets" / "party-group-2017-variant.yaml")])
    assert r.exit_code == 0, r.output
    assert "叠加关系：party-group-2017 → party-group-2017-variant" in r.output
    assert "说明（party-group-2017-variant）：示例：会前10天报送方案" in r.output
    assert "talks.secretary_with_affiliated_heads" in r.output and "party-group-2017-variant（新增或替换）" in r.output
    assert "修改 days：15 → 10（party-group-2017-variant）" in r.output
    assert "理由：新组建单位上一年度没有整改方案" in r.output
    assert "party-group-2017-variant.yaml:25:5" in r.output


def test_show_effective_json_names_origins_and_changes():
    """show --effective --json gives each rule's origin and each change's reason and citation."""
    import json

    r = CliRunner().invoke(cli, ["show", "--effective", "--json", "party-group-2017-variant"])
    data = json.loads(r.output)
    origins = {row["rule"]: row["from"] for row in data["rules"]}
    assert origins["gates.plan_lead_time"] == "party-group-2017"
    assert origins["talks.secretary_with_affiliated_heads"] == "party-group-2017-variant"
    assert [c["change"] for c in data["changes"]] == ["set", "set", "replace", "add", "drop", "drop", "drop"]
    assert all(c["reason"] and c["cite"]["quote"] for c in data["changes"])
