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
