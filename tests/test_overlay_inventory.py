"""An overlay's own clause inventory: every change cites it, it comes last, so a file cut short is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, seed_text

import lifemeeting as lm

OVERLAYS = ["party-group-2017-variant", "puyang-2014-county-dept-township"]
VARIANT = (ROOT / "rulesets" / "party-group-2017-variant.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIFEMEETING_CACHE_DIR", "off")


def _load(tmp_path: Path, text: str) -> lm.LoadedRuleSet:
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    return lm.load_ruleset(path)


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cut(text: str, at: str) -> str:
    """``text`` up to (not including) the line that starts with ``at``."""
    return text[: text.index("\n" + at) + 1]


def test_a_variant_cut_between_two_changes_is_refused_for_want_of_its_inventory(tmp_path: Path) -> None:
    text = _cut(VARIANT, "  - drop: tasks.rectification_status_report")
    with pytest.raises(
        lm.RuleSetError,
        match=r"variant.yaml:13:1: top level: missing required key 'clauses'; an overlay ends with the clause"
        r" inventory of its source \(clauses:\), which its changes cite: without it the file may have been cut short",
    ):
        _load(tmp_path, text)


def test_a_variant_cut_inside_its_inventory_leaves_a_cited_clause_unknown(tmp_path: Path) -> None:
    text = _cut(VARIANT, "  - id: pgv-3-new-unit")
    line = text[: text.index("clause: pgv-3-new-unit")].count("\n") + 1
    with pytest.raises(
        lm.RuleSetError,
        match=rf"variant.yaml:{line}:\d+: unknown clause 'pgv-3-new-unit'; an overlay's changes"
        r" cite the clauses of its own inventory",
    ):
        _load(tmp_path, text)


@pytest.mark.parametrize("ruleset_id", OVERLAYS)
def test_a_bundled_overlay_cut_at_any_line_does_not_load(tmp_path: Path, ruleset_id: str) -> None:
    """Every cut that loses more than trailing blank space is refused, never loaded as a shorter overlay."""
    lines = (ROOT / "rulesets" / f"{ruleset_id}.yaml").read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip())
    loaded = []
    for keep in range(1, last + 1):
        try:
            _load(tmp_path, "\n".join(lines[:keep]) + "\n")
        except lm.RuleSetError:
            continue
        loaded.append(keep)
    assert loaded == []


def test_a_change_whose_cite_names_no_clause_is_refused(tmp_path: Path) -> None:
    text = VARIANT.replace("不形成整改落实情况报告, clause: pgv-3-new-unit}\n", "不形成整改落实情况报告}\n")
    line = text.index("  - drop: parameters.rectification_report_due")
    line = text[:line].count("\n") + 3
    with pytest.raises(
        lm.RuleSetError,
        match=rf"variant.yaml:{line}:11: the change's cite names no clause: cite the clause of the overlay's"
        r" inventory that allows it \(cite: \{clause: …\}\)",
    ):
        _load(tmp_path, text)


def test_a_clause_of_the_overlay_no_change_cites_is_refused(tmp_path: Path) -> None:
    text = VARIANT + "  - id: pgv-4-extra\n    section: 四\n    text: 另有一条。\n"
    line = text.count("\n") - 2
    with pytest.raises(
        lm.RuleSetError,
        match=rf"variant.yaml:{line}:9: clause 'pgv-4-extra' is neither encoded by a rule nor listed under unchecked",
    ):
        _load(tmp_path, text)
    unchecked = "unchecked:\n  - id: other\n    reason: 无法检查\n"
    unchecked += "    cite: {section: 四, quote: 另有一条, clause: pgv-4-extra}\n"
    explained = _load(tmp_path, text.replace("\nclauses:\n", "\n" + unchecked + "clauses:\n"))
    assert explained.model.unchecked[-1].id == "other"


def test_an_overlay_clause_may_not_reuse_a_parent_clause_id(tmp_path: Path) -> None:
    text = VARIANT.replace("pgv-2-talk", "pg-1-1-theme")
    with pytest.raises(
        lm.RuleSetError,
        match=r"'pg-1-1-theme' is already an id in the clauses of 'party-group-2017'; the overlay's own inventory"
        r" needs ids of its own",
    ):
        _load(tmp_path, text)


def test_the_resolved_inventory_is_checked_with_what_the_changes_account_for(tmp_path: Path) -> None:
    """A parent clause cited only by a dropped rule is accounted for; one the overlay makes normative is not."""
    assert "pg-6-5-report" in {c.id for c in lm.load_ruleset("party-group-2017-variant").model.clauses}
    made_normative = VARIANT.replace(
        "\n# The plan's words",
        "\n  - set: clauses.pg-9-signature.normative\n    to: true\n    reason: r\n"
        "    cite: {section: 一, quote: 本局方案, clause: pgv-1-lead-time}\n\n# The plan's words",
    )
    with pytest.raises(
        lm.RuleSetError,
        match=r"clause 'pg-9-signature' is neither encoded by a rule nor listed under unchecked.*"
        r"inherited from 'party-group-2017'",
    ):
        _load(tmp_path, made_normative)


@pytest.mark.parametrize("ruleset_id", OVERLAYS)
def test_an_overlay_inventory_copies_its_source_word_for_word(ruleset_id: str) -> None:
    """The variant's invented plan is its header comment; the county tier's source is its parent's seed."""
    loaded = lm.load_ruleset(ruleset_id)
    parent = lm.load_ruleset(loaded.provenance.lineage[-2]).model
    own = [c for c in loaded.model.clauses if c.id not in {p.id for p in parent.clauses}]
    path = ROOT / "rulesets" / f"{ruleset_id}.yaml"
    header = "".join(line.lstrip("# ") for line in path.read_text(encoding="utf-8").split("\n") if line.startswith("#"))
    source = header if ruleset_id.endswith("variant") else seed_text(parent.source.file or "")
    assert own
    assert [c.id for c in own if _normal(c.text) not in _normal(source)] == []
