"""Clause coverage: every passage of every source is in an inventory, every normative clause is encoded and
tested or explained, every rule has a scenario — and the tools that report it say so."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, ROOT, seed_text

import lifemeeting as lm
from lifemeeting.cli import main
from lifemeeting.source.quotes import normal
from lifemeeting.spec.coverage import SourceCoverage, coverage
from lifemeeting.spec.gherkin import read_features

FEATURES = ROOT / "features"
SIXTH = FIXTURES / "sixth"
BUNDLED = ["branch-2018", "fagaiwei-2013", "party-group-2017", "puyang-2014", "qingyuan-2014", "town-2014"]
PUNCTUATION = set("()（）:：;；,，!！?？。、“”‘’《》<>\"'-—–…·．.[]【】 ")


def _source(loaded: lm.LoadedRuleSet) -> str:
    assert loaded.model.source.file, "the rule set names its source file"
    if loaded.model.id == "sixth-2016":
        return (SIXTH / loaded.model.source.file).read_text(encoding="utf-8")
    return seed_text(loaded.model.source.file)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process as the shell would: exit code, stdout, stderr."""
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out = capsys.readouterr()
    code = info.value.code  # SystemExit: None is 0, a message is 1
    return code if isinstance(code, int) else int(code is not None), out.out, out.err


def _all() -> list[tuple[str, lm.LoadedRuleSet, Path]]:
    return [(rid, lm.load_ruleset(rid), FEATURES) for rid in BUNDLED] + [
        ("sixth-2016", lm.load_ruleset(SIXTH / "ruleset.yaml"), SIXTH)
    ]


CASES = pytest.mark.parametrize("rid,loaded,features", _all(), ids=[r for r, *_ in _all()])


@pytest.fixture(scope="module")
def report() -> dict[str, SourceCoverage]:
    rulesets = [lm.load_ruleset(rid) for rid in BUNDLED]
    return {s.ruleset: s for s in coverage(rulesets, [FEATURES]).sources} | {
        s.ruleset: s for s in coverage([lm.load_ruleset(SIXTH / "ruleset.yaml")], [SIXTH]).sources
    }


@CASES
def test_inventory_is_the_whole_source_in_order(rid: str, loaded: lm.LoadedRuleSet, features: Path) -> None:
    """The clauses, read in order, are the source word for word: nothing left out, nothing twice."""
    text = normal(_source(loaded))
    covered = [0] * len(text)
    cursor = 0
    for clause in loaded.model.clauses:
        words = normal(clause.text)
        at = text.find(words, cursor)
        assert at >= 0, (
            f"{clause.id} is not in {loaded.model.source.file} after the clause before it: {clause.text[:30]}…"
        )
        for i in range(at, at + len(words)):
            covered[i] += 1
        cursor = at + len(words)
    left = "".join("\x00" if n or ch in PUNCTUATION else ch for ch, n in zip(text, covered, strict=True))
    missing = re.findall(r"[^\x00]+", left)
    assert not missing, f"source text in no clause: {missing}"


@CASES
def test_every_citation_names_its_clause(rid: str, loaded: lm.LoadedRuleSet, features: Path) -> None:
    """Every rule and every unchecked entry says which clause of the source it comes from."""
    data = loaded.model.model_dump(mode="json", by_alias=True, exclude={"clauses"})

    def cites(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "cite" and isinstance(value, dict):
                    yield path, value
                else:
                    yield from cites(value, path + (key,))
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from cites(item, path + (item.get("id", i) if isinstance(item, dict) else i,))

    bare = [".".join(map(str, p)) for p, c in cites(data) if not c.get("clause") and not c.get("document")]
    assert not bare, f"citations without a clause: {bare}"


@CASES
def test_every_normative_clause_is_encoded_or_explained(
    rid: str, loaded: lm.LoadedRuleSet, features: Path, report: dict[str, SourceCoverage]
) -> None:
    """No normative clause is left without a rule that encodes it or an unchecked entry that says why not."""
    missing = [d.id for d in report[rid].clause_detail if d.status == "missing"]
    assert not missing, f"neither encoded nor explained: {missing}"


@CASES
def test_every_encoded_clause_is_tested_by_a_scenario(
    rid: str, loaded: lm.LoadedRuleSet, features: Path, report: dict[str, SourceCoverage]
) -> None:
    """Each clause a rule encodes is named by an @clause tag on some scenario: coverage is 100 %."""
    s = report[rid]
    assert not s.uncovered, (
        f"clauses encoded but never tested, by section: {[(g.section, g.clauses) for g in s.uncovered]}"
    )
    assert s.percent == 100.0


@CASES
def test_every_rule_has_a_scenario(
    rid: str, loaded: lm.LoadedRuleSet, features: Path, report: dict[str, SourceCoverage]
) -> None:
    """Every gate, task, talk, duty, appraisal, order, material, agenda item, chain and link is used by a scenario."""
    assert not report[rid].rules_without_scenario


@CASES
def test_clause_tags_name_clauses_of_the_rule_set(
    rid: str, loaded: lm.LoadedRuleSet, features: Path, report: dict[str, SourceCoverage]
) -> None:
    """A tag like @clause:py-3-4-four-talks must name a clause of the scenario's own rule set (typos fail)."""
    assert not report[rid].unknown_clause_tags


def test_coverage_counts_an_untagged_clause_as_untested(tmp_path: Path) -> None:
    """Removing a scenario's clause tag makes its clause show up as uncovered in its section."""
    feature = (SIXTH / "专题民主生活会.feature").read_text(encoding="utf-8").replace("@clause:sx-4-report ", "")
    (tmp_path / "ruleset.yaml").write_text((SIXTH / "ruleset.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "a.feature").write_text(feature, encoding="utf-8")
    s = coverage([lm.load_ruleset(tmp_path / "ruleset.yaml")], [tmp_path]).sources[0]
    assert [(g.section, g.clauses) for g in s.uncovered] == [("四", ["sx-4-report"])]
    assert s.percent < 100


def test_every_feature_names_its_rule_set() -> None:
    """Every scenario under features/ runs under a rule set coverage can find (no warnings)."""
    assert coverage([lm.load_ruleset("town-2014")], [FEATURES]).warnings == []


def test_reader_agrees_with_pytest_bdd() -> None:
    """The package's own feature reader sees the same scenarios, lines and tags as pytest-bdd does."""
    from pytest_bdd.feature import get_feature

    for feature in read_features([FEATURES, SIXTH]):
        theirs = get_feature(str(feature.path.parent), feature.path.name)
        mine = {(s.line, s.name, frozenset(s.tags)) for s in feature.scenarios}
        assert mine == {(t.line_number, t.name, frozenset(t.tags)) for t in theirs.scenarios.values()}, feature.path


def test_keywords_have_ascii_colons() -> None:
    """功能/背景/场景/场景大纲/例子 take an ASCII colon; with a full-width one pytest-bdd silently skips the block."""
    bad = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in [*FEATURES.rglob("*.feature"), *SIXTH.rglob("*.feature")]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.match(r"\s*(功能|背景|场景大纲|场景|例子)\s*：", line)
    ]
    assert not bad


def test_loader_refuses_an_unknown_clause(tmp_path: Path) -> None:
    """A citation naming a clause the inventory lacks is refused at FILE:LINE:COL with a suggestion."""
    text = (
        (SIXTH / "ruleset.yaml").read_text(encoding="utf-8").replace("clause: sx-2-1-study}", "clause: sx-2-1-studdy}")
    )
    path = tmp_path / "sixth.yaml"
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "sx-2-1-studdy" in row)
    col = text.splitlines()[line - 1].index("sx-2-1-studdy") + 1
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(path)
    assert f":{line}:{col}: unknown clause 'sx-2-1-studdy' (did you mean 'sx-2-1-study'?)" in str(info.value)


def test_loader_refuses_a_rule_from_a_heading(tmp_path: Path) -> None:
    """A rule may not cite a clause marked normative: false (a heading or background)."""
    text = (
        (SIXTH / "ruleset.yaml").read_text(encoding="utf-8").replace("clause: sx-2-1-study}", "clause: sx-2-heading}")
    )
    (tmp_path / "sixth.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match="clause 'sx-2-heading' is marked normative: false"):
        lm.load_ruleset(tmp_path / "sixth.yaml")


def test_coverage_command_prints_each_source(capsys: pytest.CaptureFixture[str]) -> None:
    """`lifemeeting coverage RULESET` prints the counts, the percentage and no gaps for a covered source."""
    code, out, err = run(capsys, "coverage", "qingyuan-2014", "--features", str(FEATURES))
    assert code == 0, err
    assert "qingyuan-2014 1.2.0" in out and "= 100.0%" in out and "未覆盖的条款" not in out


def test_coverage_command_json_lists_every_clause(capsys: pytest.CaptureFixture[str]) -> None:
    """`lifemeeting coverage --json` gives each clause's status, the rules citing it and the scenarios testing it."""
    code, out, _ = run(capsys, "coverage", str(SIXTH / "ruleset.yaml"), "--features", str(SIXTH), "--json")
    data = json.loads(out)
    (source,) = data["sources"]
    report = {c["id"]: c for c in source["clause_detail"]}
    assert report["sx-4-survey"]["status"] == "tested" and report["sx-4-survey"]["rules"] == ["appraisals.satisfaction"]
    assert report["sx-5-conduct"]["status"] == "explained" and report["sx-0-title"]["status"] == "informative"


def test_spec_pages_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/spec/ is what `lifemeeting spec` renders from features/ (run it after changing a feature)."""
    code, _, err = run(capsys, "spec", "--features", str(FEATURES), "--out", str(ROOT / "docs" / "spec"), "--check")
    assert code == 0, err


def test_spec_check_names_a_stale_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """`lifemeeting spec --check` exits 1 and names each page that differs from what the features give."""
    assert run(capsys, "spec", "--features", str(SIXTH), "--out", str(tmp_path))[0] == 0
    (tmp_path / "专题民主生活会.md").write_text("stale\n", encoding="utf-8")
    code, _, err = run(capsys, "spec", "--features", str(SIXTH), "--out", str(tmp_path), "--check")
    assert code == 1 and "out of date:" in err and "专题民主生活会.md" in err


def test_spec_page_shows_the_clause_text_under_the_scenario(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A rendered scenario quotes, under its name, the section and words of each clause it is tagged with."""
    code, _, err = run(capsys, "spec", "--features", str(SIXTH), "--out", str(tmp_path))
    assert code == 0, err
    page = (tmp_path / "专题民主生活会.md").read_text(encoding="utf-8")
    assert "> **sx-4-survey**（四）：会后一个月内开展满意度测评，满意率低于70%的，重新召开专题民主生活会。" in page
    assert (tmp_path / "README.md").exists()


def test_cucumber_json_report(tmp_path: Path) -> None:
    """A test run with --cucumberjson writes the scenarios, in Chinese, with their steps' results."""
    out = tmp_path / "reports" / "cucumber.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--cucumberjson={out}",
            str(ROOT / "tests" / "test_features_sixth.py"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    (feature,) = json.loads(out.read_text(encoding="utf-8"))
    assert feature["language"] == "zh-CN" and feature["name"].startswith("某县教育局党组")
    statuses = {step["result"]["status"] for element in feature["elements"] for step in element["steps"]}
    assert statuses == {"passed"}
    assert any(t["name"] == "clause:sx-3-no-meeting" for e in feature["elements"] for t in e["tags"])
