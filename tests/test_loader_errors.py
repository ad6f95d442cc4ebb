"""A bad rule-set file is refused with FILE:LINE:COL, what was expected, and a did-you-mean."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, ROOT

import lifemeeting as lm

BROKEN = FIXTURES / "rulesets" / "broken"

EXPECTED = {
    "yaml_syntax": "11:11: not valid YAML: did not find expected ',' or '}'",
    "duplicate_key": "4:1: duplicate key 'version' (first at line 3)",
    "unknown_key": (
        "39:9: unknown key 'reviwer' (did you mean 'reviewers'?); "
        "expected one of: id, name, reviewers, kind, gate, applies_to, pre_sign, due, due_by_tier, cite"
    ),
    "python_tag": (
        "4:8: tag '!!python/object/apply:os.system' is not allowed; "
        "only plain data (text, numbers, dates, lists, mappings)"
    ),
    "missing_key": "20:5: materials.0: missing required key 'cite'",
    "unknown_role": "38:21: unknown role 'supervison_group' (did you mean 'supervision_group'?)",
    "unknown_tier": "30:13: unknown tier 'unti' (did you mean 'unit'?)",
    "bad_date": "52:10: bad date: '2020年6月32日' is not a calendar date (day is out of range for month)",
    "unknown_attribute": "39:22: unknown attribute 'principle' (did you mean 'principal'?)",
    "duplicate_id": "15:10: duplicate position id 'head' (first is item 1)",
    "bad_enum": (
        "56:37: gates.1.kind: Input should be 'tasks_done', 'talks_covered', 'materials_passed', 'lead_time', "
        "'min_length', 'max_length', 'meeting_window', 'quorum', 'attendance' or "
        "'resubmitted_in_time'"
    ),
    "unknown_material": "57:68: unknown material 'examinaton' (did you mean 'examination'?)",
    "gate_missing_field": "55:38: a 'tasks_done' gate needs 'tasks'",
    "bad_threshold": (
        "55:63: appraisals.0.threshold: '2/0' is not a threshold; "
        "expected a fraction like '2/3' or a percentage like '80%'"
    ),
    "empty": "1:1: the file is empty; expected a mapping",
    "not_mapping": "1:1: expected a mapping with id, version, title, source, …",
    "unreachable_link": (
        "39:9: link 'group_review' of chain 'examination_review' can never be reached: "
        "no position that writes 'examination' matches its applies_to, whatever the unit attributes"
    ),
}


def test_every_broken_fixture_has_an_expected_message():
    """Each broken fixture file is covered by a test below, and each expectation has its file."""
    assert {p.stem for p in BROKEN.glob("*.yaml")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_loader_error_message(name):
    """The loader names the file, line and column, and says what it expected."""
    path = BROKEN / f"{name}.yaml"
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(path)
    assert [str(p).split(".yaml:", 1)[1] for p in info.value.problems] == [EXPECTED[name]]
    assert info.value.problems[0].file.endswith(f"broken/{name}.yaml")
    assert str(info.value) == str(info.value.problems[0])


def test_ruleset_error_is_a_value_error():
    """Callers can catch a bad rule set as the builtin ValueError."""
    with pytest.raises(ValueError):
        lm.load_ruleset(BROKEN / "duplicate_key.yaml")


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    """Two unrelated mistakes in one file are both reported."""
    text = (FIXTURES / "rulesets" / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("reviewers: [supervision_group]", "reviewers: [supervison_group]")
    text = text.replace("material: examination\n    cite: {section: 二", "material: examinaton\n    cite: {section: 二")
    path = tmp_path / "two.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError) as info:
        lm.load_ruleset(path)
    messages = [p.message for p in info.value.problems]
    assert "unknown material 'examinaton' (did you mean 'examination'?)" in messages
    assert "unknown role 'supervison_group' (did you mean 'supervision_group'?)" in messages


def test_unknown_ruleset_id_suggests_the_close_one():
    """Asking for a misspelt bundled id names the close match and the known ids."""
    with pytest.raises(lm.UnknownRuleSet, match="did you mean 'qingyuan-2014'"):
        lm.load_ruleset("qingyuan-2041")


def test_minimal_fixture_loads_with_a_receipt():
    """A valid file loads and carries the sha256 of its bytes."""
    import hashlib

    path = FIXTURES / "rulesets" / "minimal.yaml"
    loaded = lm.load_ruleset(path)
    assert loaded.model.id == "minimal-2020"
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_yaml_keeps_nothing_between_files():
    """Scalars are built without PyYAML's per-node memo, so a long-running process does not keep every value it read."""
    from lifemeeting.source import yaml as _yamlsource

    text = (ROOT / "rulesets" / "puyang-2014.yaml").read_text(encoding="utf-8")
    for _ in range(2):
        located, problems = _yamlsource.load_located(text, "puyang-2014.yaml")
        assert located is not None and not problems
    assert not _yamlsource._constructor.constructed_objects
    assert located.data["id"] == "puyang-2014" and isinstance(located.data["year"], int)
