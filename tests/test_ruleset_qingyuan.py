"""qingyuan-2014: the readings mended for issue 14 — the meeting's length and the 市委实践办审阅 as a gate."""

from __future__ import annotations

import datetime as dt

import pytest
from casetools import example_case, without_events
from conftest import EXAMPLES

import lifemeeting as lm

DIR = EXAMPLES / "qingyuan-2014"
MEETING = dt.date(2014, 6, 16)


def _case(name: str = "ready.yaml") -> dict:
    return example_case(DIR / name)


def _answer(case: dict, on: dt.date = MEETING) -> lm.Readiness:
    return lm.open_case(case).can_convene(on)


def _with_length(case: dict, days: float | None) -> dict:
    meeting = {k: v for k, v in case["meeting"].items() if k != "length_days"}
    return {**case, "meeting": meeting if days is None else {**meeting, "length_days": days}}


@pytest.mark.parametrize(("days", "convenable"), [(0.5, False), (0.9, False), (1, True), (1.5, True), (2, True)])
def test_meeting_of_one_to_two_days_needs_at_least_one(days, convenable):
    """二（八）1 "安排1至2天": a plan shorter than one day cannot convene; one day or more can."""
    answer = _answer(_with_length(_case(), days))
    assert answer.convenable is convenable
    if not convenable:
        [blocker] = answer.blockers
        assert (blocker.rule, blocker.citation.section) == ("min_length", "二（八）1")
        assert f"计划会期{days:g}天，须不少于1天" in blocker.message


def test_meeting_without_a_planned_length_is_asked_for_one():
    """A case that plans no length is told to plan one of at least a day."""
    [blocker] = _answer(_with_length(_case(), None)).blockers
    assert blocker.rule == "min_length"
    assert "会期未定；须不少于1天" in blocker.message


def test_office_read_through_is_a_gate_and_the_reading_is_said():
    """二（五）三是: the 市委实践办审阅 is the third step of 严格把关审核, before the meeting; it gates, as the
    Puyang ⑥ 中央活动办审阅 does, and the chain says where the reading was taken.
    """
    rs = lm.load_ruleset("qingyuan-2014").model
    chain = next(c for c in rs.chains if c.id == "examination_review")
    link = next(link for link in chain.links if link.id == "office_read_through")
    assert (link.kind, link.is_gate) == ("read_through", True)
    assert chain.note is not None and chain.note.startswith("读法：")
    puyang = lm.load_ruleset("puyang-2014").model
    central = next(link for c in puyang.chains for link in c.links if link.id == "central_office_read_through")
    assert (central.kind, central.is_gate) == ("read_through", True)


def test_material_not_yet_read_through_blocks():
    """Without the 审阅 of 陈志强's material the ready case cannot convene, and the blocker names the link."""
    case = without_events(_case(), "chen office_read_through")
    answer = _answer(case)
    assert [(b.rule, b.subject) for b in answer.blockers] == [("examinations_passed", "chen")]
    assert "③市委实践办审阅" in answer.blockers[0].message
