"""A pinned case is judged only under the rule set it was pinned to; a changed rule set is refused."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

import lifemeeting as lm
from lifemeeting.cli import cli

CASE = """# a case under minimal-2020
ruleset: minimal-2020
tier: unit
unit: {name: 某单位领导班子}
meeting: {date: 2020-06-20, length_days: 1}
members:
  - {id: wang, name: 王书记, position: head}
  - {id: zhao, name: 赵委员, position: member}
events:
  - {date: 2020-06-01, type: done, task: study}
"""


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """A rule-set folder holding minimal-2020 and a case file under it; returns (rule-set file, case file)."""
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copy(FIXTURES / "rulesets" / "minimal.yaml", rules / "minimal-2020.yaml")
    monkeypatch.setenv("LIFEMEETING_RULESETS", str(rules))
    case = tmp_path / "case.yaml"
    case.write_text(CASE, encoding="utf-8")
    return rules / "minimal-2020.yaml", case


def _pin(case, *args):
    r = CliRunner().invoke(cli, ["pin", str(case), *args])
    assert r.exit_code == 0, r.output
    return r


def _change(ruleset):
    text = (
        ruleset.read_text(encoding="utf-8")
        .replace('version: "0.1"', 'version: "0.2"')
        .replace("2020年6月10日前", "2020年6月5日前")
    )
    ruleset.write_text(text, encoding="utf-8")


def test_pin_writes_version_and_hash_after_the_ruleset_line(setup):
    """`lifemeeting pin` records the rule set's version and sha256 in the case, keeping the rest of the file."""
    ruleset, case = setup
    _pin(case)
    text = case.read_text(encoding="utf-8")
    sha = lm.load_ruleset("minimal-2020").sha256
    assert text.splitlines()[:3] == [
        "# a case under minimal-2020",
        "ruleset: minimal-2020",
        f'pinned: {{version: "0.1", sha256: {sha}}}',
    ]
    assert text.endswith("  - {date: 2020-06-01, type: done, task: study}\n")
    assert lm.open_case(case).case.pinned == lm.Pin(version="0.1", sha256=sha)


def test_pinning_again_replaces_the_old_pin(setup):
    """A second pin replaces the first instead of adding a duplicate key."""
    ruleset, case = setup
    _pin(case)
    _change(ruleset)
    _pin(case)
    assert case.read_text(encoding="utf-8").count("pinned:") == 1
    assert lm.open_case(case).case.pinned.version == "0.2"


def test_changed_ruleset_is_refused_at_the_pinned_line(setup):
    """Opening a pinned case under changed rules is a CaseError naming the expected and found version and hash."""
    ruleset, case = setup
    _pin(case)
    old = lm.load_ruleset("minimal-2020").sha256
    _change(ruleset)
    with pytest.raises(lm.CaseError) as info:
        lm.open_case(case)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.column) == (str(case), 3, 1)
    assert f"pinned to rule set 'minimal-2020' version 0.1 (sha256 {old[:12]}…)" in problem.message
    assert "is now version 0.2" in problem.message
    assert "not at hand to compare" in problem.message


def test_with_a_snapshot_the_refusal_shows_what_changed(setup):
    """A pin with --snapshot lets the refusal list the changed rules."""
    ruleset, case = setup
    _pin(case, "--snapshot")
    assert (case.parent / "case.ruleset.json").exists()
    _change(ruleset)
    with pytest.raises(lm.CaseError) as info:
        lm.open_case(case)
    message = info.value.problems[0].message
    assert "What changed since:\n  tasks.study 时限：2020年6月10日前 → 2020年6月5日前" in message


def test_an_unchanged_ruleset_opens_as_before(setup):
    """A pinned case under the very same rules answers exactly like an unpinned one."""
    _, case = setup
    before = lm.open_case(case).can_convene()
    _pin(case)
    assert lm.open_case(case).can_convene() == before


def test_pin_check_reports_without_writing(setup):
    """`pin --check` exits 0 while the rules are unchanged and 1 with the refusal once they change."""
    ruleset, case = setup
    _pin(case)
    text = case.read_text(encoding="utf-8")
    assert CliRunner().invoke(cli, ["pin", "--check", str(case)]).exit_code == 0
    _change(ruleset)
    from lifemeeting.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["pin", "--check", str(case)])
    assert exit_info.value.code == 1
    assert case.read_text(encoding="utf-8") == text


def test_check_command_refuses_a_case_whose_rules_changed(setup, capsys):
    """`lifemeeting check` on a pinned case under changed rules exits 1 with the reason, not an answer."""
    ruleset, case = setup
    _pin(case)
    _change(ruleset)
    from lifemeeting.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(case), "--on", "2020-06-20"])
    assert exit_info.value.code == 1
    assert "the case was not re-evaluated" in capsys.readouterr().err


def test_json_case_is_pinned_too(setup):
    """A JSON case file gets a pinned key as well."""
    _, case = setup
    import yaml

    json_case = case.with_suffix(".json")
    json_case.write_text(json.dumps(yaml.safe_load(CASE), ensure_ascii=False, default=str), encoding="utf-8")
    _pin(json_case)
    assert json.loads(json_case.read_text(encoding="utf-8"))["pinned"]["version"] == "0.1"
