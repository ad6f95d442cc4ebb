"""The public surface is a promise: ``__all__`` is pinned, and the published schemas are current."""

from __future__ import annotations

import json

import pytest

import lifemeeting as lm
from conftest import ROOT

PUBLIC = [
    "AppraisalOut", "DutyStatus", "RoundStatus", "Status",
    "Blocker", "Case", "CaseError", "CitationOut", "Event", "EventRefused", "LifemeetingError",
    "LoadedRuleSet", "Member", "NextAction", "OpenCase", "PlannedMeeting", "Problem", "Readiness",
    "Receipt", "RuleSet", "RuleSetError", "SourceError", "Unit", "UnknownRuleSet", "available",
    "can_convene", "engine_version", "load_ruleset", "open_case", "read_case",
    "ChainStep", "QueryError", "RendererMissing", "SubjectChain", "TierChain", "TierLink",
    "case_chains", "case_diagram", "chain_diagram", "subject_chains", "tier_chains",
    "Timeline", "TimelineItem", "timeline", "timeline_ics",
    "Difference", "DiscoveryError", "Overlay", "Pin", "RuleSetDiff", "diff_rulesets",
]


def test_all_is_exactly_the_promised_api():
    """Adding or removing a public name is a deliberate change to this list."""
    assert sorted(lm.__all__) == sorted(PUBLIC)
    for name in lm.__all__:
        assert hasattr(lm, name), name


def test_errors_subclass_builtins():
    """Every user-caused error is a LifemeetingError and a builtin callers already catch."""
    assert issubclass(lm.RuleSetError, ValueError) and issubclass(lm.RuleSetError, lm.LifemeetingError)
    assert issubclass(lm.CaseError, ValueError)
    assert issubclass(lm.EventRefused, ValueError)
    assert issubclass(lm.UnknownRuleSet, LookupError)


@pytest.mark.parametrize("name,model", [("ruleset", lm.RuleSet), ("case", lm.Case), ("answer", lm.Readiness), ("status", lm.Status)])
def test_published_schema_is_current(name, model):
    """docs/schema/*.schema.json is what the models generate (regenerate with `lifemeeting schema`)."""
    published = json.loads((ROOT / "docs" / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert published == model.model_json_schema(by_alias=True)


def test_python_api_answers_like_the_cli(examples):
    """can_convene on a file gives a typed answer with a receipt."""
    import datetime as dt

    answer = lm.can_convene(examples / "qingyuan-2014" / "ready.yaml", on=dt.date(2014, 6, 16))
    assert isinstance(answer, lm.Readiness)
    assert answer.convenable and answer.earliest_date == dt.date(2014, 6, 16)
    assert answer.receipt.ruleset == "qingyuan-2014"
    assert answer.receipt.sha256 == lm.load_ruleset("qingyuan-2014").sha256
