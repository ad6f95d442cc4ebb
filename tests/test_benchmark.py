"""The benchmark compares like with like: its three designs give the same answer on the same generated cases."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from conftest import ROOT

import lifemeeting as lm
from lifemeeting.store import Store

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402
import handwritten  # noqa: E402
import naive  # noqa: E402
import run  # noqa: E402

CASES = [generate.generate(i) for i in range(30)]


def _engine(data: dict) -> tuple[bool, frozenset[str]]:
    answer = lm.can_convene(data, on=generate.ON)
    return answer.convenable, frozenset(b.rule for b in answer.blockers)


@pytest.mark.parametrize("index", range(len(CASES)))
def test_engine_handwritten_and_naive_agree(index):
    """For each generated case the engine, the hand-written checker and the naive design
    agree on convenable and blocking rules.
    """
    data = CASES[index]
    engine = _engine(data)
    assert handwritten.check(data, str(generate.ON)) == engine
    assert naive.check(data, generate.ON) == engine


def test_generated_cases_mix_ready_and_blocked_for_every_county_gate():
    """The generated cases include ready ones and blocked ones, and every county-tier gate blocks somewhere."""
    answers = [_engine(generate.generate(i)) for i in range(120)]
    assert any(ok for ok, _ in answers) and any(not ok for ok, _ in answers)
    fired = set().union(*(rules for _, rules in answers))
    gates = {g.id for g in lm.load_ruleset("puyang-2014").model.gates if g.tiers is None or "county" in g.tiers}
    assert len(gates) == 8 and fired == gates


def test_generation_is_deterministic():
    """The same index and seed give the same case, so a run can be repeated."""
    assert generate.generate(7) == generate.generate(7)
    assert generate.generate(7) != generate.generate(8)


def test_cases_are_twelve_member_county_teams_with_returns_and_presigns():
    """Each case is a county-tier team of twelve, and returns for rewrite and pre-signs occur among them."""
    kinds = {e["type"] for c in CASES for e in c["events"]}
    assert all(c["tier"] == "county" and len(c["members"]) == 12 for c in CASES)
    assert {"returned", "signed", "approved", "talk", "done", "submitted"} <= kinds
    assert any(c["unit"]["attributes"].get("liaison_point") for c in [generate.generate(i) for i in range(60)])
    assert all(e["date"] <= str(generate.ON + dt.timedelta(days=30)) for c in CASES for e in c["events"])


def test_the_served_page_view_is_measured_on_stored_cases(tmp_path):
    """The page-view figure comes from the cases stored in a real store,
    each caught up once with an event recorded elsewhere.
    """
    cases = [generate.generate(i) for i in range(4)]
    served = run.served_answers([json.dumps(c, ensure_ascii=False) for c in cases], tmp_path, count=4, rounds=2)
    assert served is not None and served["cases"] == 4 and served["store"] == "sqlite"
    assert 0 < served["p50_us"] <= served["p99_us"] and served["after_event_p50_us"] > 0
    store = Store(f"sqlite:///{tmp_path / 'served.db'}")
    try:
        versions = sorted(c.version for c in store.cases())
    finally:
        store.close()
    assert versions == sorted(len(c["events"]) + 1 for c in cases)
