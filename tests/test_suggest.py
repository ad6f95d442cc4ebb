"""One did-you-mean for every message about an unknown name."""

from __future__ import annotations

from pathlib import Path

import lifemeeting
from lifemeeting.errors import UnknownRuleSet
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


def test_it_is_the_only_did_you_mean() -> None:
    """No other module matches names by itself: difflib is imported in lifemeeting.suggest alone."""
    src = Path(lifemeeting.__file__).parent
    others = [p.relative_to(src) for p in src.rglob("*.py") if p.name != "suggest.py" and "difflib" in p.read_text()]
    assert others == []
    assert "(did you mean 'town-2014'?)" in str(UnknownRuleSet("town-2104", ["town-2014", "puyang-2014"]))
