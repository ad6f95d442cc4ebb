"""Hostile and mistaken rule files: refused quickly at FILE:LINE:COL, never a crash, never half a rule set loaded."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import ROOT
from fuzz_rulesets import run

import lifemeeting as lm

FAGAIWEI = (ROOT / "rulesets" / "fagaiwei-2013.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_disk_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIFEMEETING_CACHE_DIR", "off")


def _load(tmp_path: Path, text: str | bytes) -> lm.LoadedRuleSet:
    path = tmp_path / "rules.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return lm.load_ruleset(path)


def _with(old: str, new: str) -> str:
    assert old in FAGAIWEI
    return FAGAIWEI.replace(old, new, 1)


def test_an_alias_bomb_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    bomb = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    bomb += [f"a{d}: &a{d} [{', '.join([f'*a{d - 1}'] * 9)}]" for d in range(1, 10)]  # 9**10 values
    started = time.perf_counter()
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:\d+:\d+: aliases \(\*name\) expand to more than 10000"):
        _load(tmp_path, "\n".join(bomb) + "\n" + FAGAIWEI)
    assert time.perf_counter() - started < 1.0


def test_an_alias_of_itself_is_refused_not_a_recursion_error(tmp_path: Path) -> None:
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:\d+:\d+: .*(nest too deeply|aliases)"):
        _load(tmp_path, FAGAIWEI + "loop: &r [*r]\n")


def test_deep_nesting_is_refused_at_its_place(tmp_path: Path) -> None:
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:\d+:\d+: lists and mappings nest too deeply"):
        _load(tmp_path, FAGAIWEI + "deep: " + "[" * 500 + "]" * 500 + "\n")


@pytest.mark.parametrize(("char", "shown"), [("\x00", "U\\+0000"), ("\x7f", "U\\+007F")])
def test_a_control_character_is_refused_at_its_line_and_column(tmp_path: Path, char: str, shown: str) -> None:
    text = _with("title: 发改委", f"title: 发{char}改委")
    line = FAGAIWEI[: FAGAIWEI.index("title: 发改委")].count("\n") + 1
    with pytest.raises(
        lm.RuleSetError, match=rf"rules.yaml:{line}:9: not valid YAML: character {shown} is not allowed"
    ):
        _load(tmp_path, text)


def test_an_impossible_timestamp_is_refused_as_a_bad_date(tmp_path: Path) -> None:
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:\d+:\d+: .*'2014-13-45'"):
        _load(tmp_path, _with("year: 2013", "year: 2013\nholidays: [2014-13-45]"))


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    with pytest.raises(
        lm.RuleSetError, match=r"rules.yaml:1:1: the file is larger than 4 MB; a rule set or case is far smaller"
    ):
        _load(tmp_path, FAGAIWEI + "# " + "x" * (5 * 1024 * 1024) + "\n")


def test_an_overlay_adding_nothing_is_refused_not_a_crash(tmp_path: Path) -> None:
    overlay = (
        "id: x-variant\nversion: '1'\ntitle: t\nextends: fagaiwei-2013\nsource: {title: t, issuer: i}\n"
        "changes:\n  - add: ~\n    reason: r\n    cite: {section: 一, quote: q}\n"
    )
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:7:\d+: .*'add' needs a target"):
        _load(tmp_path, overlay)
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:7:\d+: .*'set' needs a target"):
        _load(tmp_path, overlay.replace("add: ~", "set: ~\n    to: 1"))


@pytest.mark.parametrize("cut", [0.05, 0.3, 0.6, 0.8, 0.95])
def test_a_rule_set_cut_short_does_not_load(tmp_path: Path, cut: float) -> None:
    lines = FAGAIWEI.split("\n")
    text = "\n".join(lines[: int(len(lines) * cut)]) + "\n"
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:\d+:\d+: "):
        _load(tmp_path, text)


def test_a_clause_neither_encoded_nor_unchecked_is_refused_with_what_to_do(tmp_path: Path) -> None:
    text = FAGAIWEI + "  - id: fg-9-extra\n    section: 九\n    text: 新增一条要求。\n"
    line = text.count("\n") - 2
    with pytest.raises(
        lm.RuleSetError,
        match=rf"rules.yaml:{line}:9: clause 'fg-9-extra' is neither encoded by a rule nor listed under unchecked",
    ):
        _load(tmp_path, text)


def test_a_rule_set_where_nothing_blocks_must_say_so(tmp_path: Path) -> None:
    gateless = "id: notes-only\nversion: '1'\ntitle: 只记录\nsource: {title: 某办法}\nyear: 2020\n"
    with pytest.raises(lm.RuleSetError, match=r"rules.yaml:1:1: the rule set has no gates, so nothing could block"):
        _load(tmp_path, gateless)
    loaded = _load(tmp_path, gateless + "blocks_nothing: 只记录会前准备，不设召开条件\n")
    assert loaded.model.gates == []
    assert loaded.model.blocks_nothing == "只记录会前准备，不设召开条件"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1.0e+9", "less than or equal to 3660"),
        ("1e9", "valid number"),
        (".inf", "finite number"),
        ("true", "valid number"),
        ("1.5", "a lead time is a whole number of days, not 1.5"),
        ("-1", "greater than or equal to 0"),
    ],
)
def test_a_gate_count_of_days_is_a_sane_number(tmp_path: Path, value: str, reason: str) -> None:
    text = _with(
        "kind: lead_time\n    material: plan\n    days: 15", f"kind: lead_time\n    material: plan\n    days: {value}"
    )
    line = text[: text.index(f"days: {value}")].count("\n") + 1
    with pytest.raises(lm.RuleSetError, match=rf"rules.yaml:{line}:11: .*{reason}"):
        _load(tmp_path, text)


def test_a_due_date_of_a_million_days_is_refused(tmp_path: Path) -> None:
    text = _with("year: 2013", "year: 2013") + ""
    target = "due: {days_before_meeting: 15}"
    if target not in text:
        pytest.skip("the rule set no longer has that due date")
    with pytest.raises(lm.RuleSetError, match=r"days_before_meeting is 1000000; a rule counts at most 3660 days"):
        _load(tmp_path, text.replace(target, "due: {days_before_meeting: 1000000}", 1))


def test_a_seeded_fuzz_run_finds_no_crash_no_slow_load_and_no_silent_truncation() -> None:
    report = run(300, seed=17)
    assert report.mutants == 300
    assert report.crashes == [], report.summary()
    assert report.slow == [], report.summary()
    assert report.silent_truncations == [], report.summary()
    assert report.refused > 0 and report.truncations > 0
