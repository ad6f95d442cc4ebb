"""One did-you-mean for every message about an unknown name."""

from __future__ import annotations

from lifemeeting.errors import UnknownRuleSet
from lifemeeting.source import problems
from lifemeeting.suggest import closest, did_you_mean


def test_closest_and_the_hint() -> None:
    assert closest("secretery", ["secretary", "deputy"]) == "secretary"
    assert closest("frobnicate", ["check", "plan"]) is None
    assert did_you_mean("conty", {"county", "city"}) == " (did you mean 'county'?)"
    assert did_you_mean("zzz", []) == ""


def test_the_order_of_candidates_does_not_matter() -> None:
    assert (
        closest("abcd", ["abce", "abcf"])
        == closest("abcd", ["abcf", "abce"])
        == closest("abcd", iter(["abce", "abcf", "abce"]))
    )
    assert closest("abcd", ["abce", "abcf"]) is not None


def test_the_old_homes_use_it() -> None:
    assert problems.did_you_mean is did_you_mean
    assert "(did you mean 'town-2014'?)" in str(UnknownRuleSet("town-2104", ["town-2014", "puyang-2014"]))
