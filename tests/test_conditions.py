"""Conditions everywhere: applies_to on materials and talk rules; unit attributes derived from the team's position."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

import lifemeeting as lm

CONDITIONS = FIXTURES / "format" / "conditions.yaml"


def _case(position, **attributes):
    unit = {"name": "某县委常委班子", "position": position, "attributes": attributes}
    data = {"ruleset": str(CONDITIONS), "unit": unit, "members": [{"id": "wu", "name": "吴书记"}]}
    return lm.open_case(data, ruleset=CONDITIONS)


def test_a_derived_attribute_cannot_be_contradicted():
    with pytest.raises(lm.CaseError, match="position 'county_standing_committee' .* makes party_committee true"):
        _case("county_standing_committee", party_committee=False)


def test_saying_the_derived_value_again_is_accepted():
    answer = _case("county_standing_committee", party_committee=True).can_convene()
    assert {b.rule for b in answer.blockers} == {"report_filed", "length"}


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        ("unit_attributes: {party_committee: true}}", "unit_attributes: {party_comittee: true}}", "party_comittee"),
        (
            "applies_to: {unit.party_committee: true}\n    cite",
            "applies_to: {unit.partycommittee: true}\n    cite",
            "unknown unit attribute 'partycommittee'",
        ),
        ("applies_to: {unit.liaison_point: true}", "applies_to: {unit.liaison: true}", "unknown unit attribute"),
        (
            "name: 县直单位党组班子, subject: team}",
            "name: 县直单位党组班子, unit_attributes: {liaison_point: true}}",
            "unit_attributes belong to a team position",
        ),
    ],
)
def test_load_time_checks(tmp_path, old, new, reason):
    text = CONDITIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bad.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match=reason):
        lm.load_ruleset(path)


def _required(tmp_path, required: str):
    text = CONDITIONS.read_text(encoding="utf-8").replace(
        "{id: party_committee, name: 党委（党组）领导班子}",
        f"{{id: party_committee, name: 党委（党组）领导班子, required: {required}}}",
    )
    path = tmp_path / "required.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _open(ruleset, position=None, **attributes):
    unit = {"name": "某班子", "attributes": attributes, **({"position": position} if position else {})}
    return lm.open_case(
        {"ruleset": "format-conditions", "unit": unit, "members": [{"id": "wu", "name": "吴书记"}]}, ruleset=ruleset
    )


def test_a_required_unit_attribute_is_settled_by_the_case_or_its_position(tmp_path):
    """required: a case that neither gives the attribute nor names a position deriving it is refused, with the
    positions that would; given either way, it opens.
    """
    ruleset = _required(tmp_path, "true")
    message = r"needs the unit attribute 'party_committee' \(党委（党组）领导班子\) settled: name the team's position"
    with pytest.raises(lm.CaseError, match=message + r" \(county_standing_committee\) or give it"):
        _open(ruleset)
    with pytest.raises(lm.CaseError, match=message):
        _open(ruleset, "bureau_party_group")  # this position derives nothing
    assert _open(ruleset, "county_standing_committee").view.unit["party_committee"] is True
    assert _open(ruleset, "bureau_party_group", party_committee=False).view.unit["party_committee"] is False


def test_required_only_in_some_tiers_and_only_of_unit_attributes(tmp_path):
    with pytest.raises(lm.RuleSetError, match=r"unknown tier 'county'"):
        lm.load_ruleset(_required(tmp_path, "[county]"))
    text = CONDITIONS.read_text(encoding="utf-8").replace(
        "unit_attributes:\n", "attributes:\n  - {id: principal, name: 书记, required: true}\nunit_attributes:\n", 1
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match="only a unit attribute can be required of a case"):
        lm.load_ruleset(bad)
