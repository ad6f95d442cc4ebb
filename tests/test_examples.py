"""Every bundled example case loads, replays, and answers as its file name promises."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES

import lifemeeting as lm

CASES = sorted(EXAMPLES.glob("*/*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example_answers_as_named(path):
    """A ready-*.yaml case can convene on its meeting date; a blocked-*.yaml case cannot; a held-*.yaml case has
    held its meeting (what it shows comes after: ratings, duties), so only its stage stands in the way."""
    case = lm.open_case(path)
    on = case.case.meeting.date
    assert on is not None, "every example names its meeting date"
    answer = case.can_convene(on)
    if path.stem.startswith("ready"):
        assert answer.convenable, [b.message for b in answer.blockers]
        assert answer.blockers == []
    elif path.stem.startswith("held"):
        assert [b.kind for b in answer.blockers] == ["stage"], [b.message for b in answer.blockers]
    else:
        assert path.stem.startswith("blocked"), "examples are named ready*.yaml, blocked*.yaml or held*.yaml"
        assert not answer.convenable
        assert answer.blockers


def test_every_bundled_ruleset_has_a_ready_and_a_blocked_example():
    """Each rule set ships at least one ready and one blocked example case."""
    for rid in lm.available():
        names = [p.stem for p in (EXAMPLES / rid).glob("*.yaml")]
        assert any(n.startswith("ready") for n in names), rid
        assert any(n.startswith("blocked") for n in names), rid
