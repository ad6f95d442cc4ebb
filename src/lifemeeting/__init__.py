"""lifemeeting: rules as code for 生活会 (each named as its rule set names it) — can this meeting be convened yet?

The public API is exactly ``__all__``; everything in underscore modules may change.

Names are imported on first use (PEP 562), so ``import lifemeeting`` and the command line
load only what they need: the models, the loader and the renderers each take tens of
milliseconds to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ below imports on demand
    from lifemeeting.answers.chain_model import ChainStep, SubjectChain, TierChain, TierLink
    from lifemeeting.answers.chains import case_chains, subject_chains, tier_chains
    from lifemeeting.answers.open import OpenCase, can_convene, open_case, read_case
    from lifemeeting.answers.timeline_model import Timeline, TimelineItem
    from lifemeeting.answers.whatif import timeline
    from lifemeeting.case.model import Case, Event, Member, Pin, PlannedMeeting, Unit
    from lifemeeting.engine.answer_model import AppraisalOut, DutyStatus, RatingOut, RoundStatus, Status
    from lifemeeting.engine.readiness_model import Blocker, CitationOut, NextAction, Readiness, Receipt
    from lifemeeting.errors import (
        CaseError,
        DiscoveryError,
        EventRefused,
        LifemeetingError,
        Problem,
        QueryError,
        RendererMissing,
        RuleSetError,
        SourceError,
        UnknownRuleSet,
    )
    from lifemeeting.render.diagrams import case_diagram, chain_diagram
    from lifemeeting.render.ics import timeline_ics
    from lifemeeting.ruleset.diff import Difference, RuleSetDiff, diff_rulesets
    from lifemeeting.ruleset.load import LoadedRuleSet, available, load_ruleset
    from lifemeeting.ruleset.model import RuleSet
    from lifemeeting.ruleset.overlay_model import Overlay
    from lifemeeting.version import engine_version

__all__ = [
    "AppraisalOut",
    "Blocker",
    "Case",
    "CaseError",
    "ChainStep",
    "CitationOut",
    "Difference",
    "DiscoveryError",
    "DutyStatus",
    "Event",
    "EventRefused",
    "LifemeetingError",
    "LoadedRuleSet",
    "Member",
    "NextAction",
    "RatingOut",
    "OpenCase",
    "Overlay",
    "Pin",
    "PlannedMeeting",
    "Problem",
    "QueryError",
    "Readiness",
    "Receipt",
    "RendererMissing",
    "RoundStatus",
    "RuleSet",
    "RuleSetDiff",
    "RuleSetError",
    "SourceError",
    "Status",
    "SubjectChain",
    "TierChain",
    "TierLink",
    "Timeline",
    "TimelineItem",
    "Unit",
    "UnknownRuleSet",
    "available",
    "can_convene",
    "case_chains",
    "case_diagram",
    "chain_diagram",
    "diff_rulesets",
    "engine_version",
    "load_ruleset",
    "open_case",
    "read_case",
    "subject_chains",
    "tier_chains",
    "timeline",
    "timeline_ics",
]

_WHERE = {  # public name → the module that defines it
    "AppraisalOut": "lifemeeting.engine.answer_model",
    "Blocker": "lifemeeting.engine.readiness_model",
    "Case": "lifemeeting.case.model",
    "CaseError": "lifemeeting.errors",
    "ChainStep": "lifemeeting.answers.chain_model",
    "CitationOut": "lifemeeting.engine.readiness_model",
    "Difference": "lifemeeting.ruleset.diff",
    "DiscoveryError": "lifemeeting.errors",
    "DutyStatus": "lifemeeting.engine.answer_model",
    "Event": "lifemeeting.case.model",
    "EventRefused": "lifemeeting.errors",
    "LifemeetingError": "lifemeeting.errors",
    "LoadedRuleSet": "lifemeeting.ruleset.load",
    "Member": "lifemeeting.case.model",
    "NextAction": "lifemeeting.engine.readiness_model",
    "RatingOut": "lifemeeting.engine.answer_model",
    "OpenCase": "lifemeeting.answers.open",
    "Overlay": "lifemeeting.ruleset.overlay_model",
    "Pin": "lifemeeting.case.model",
    "PlannedMeeting": "lifemeeting.case.model",
    "Problem": "lifemeeting.errors",
    "QueryError": "lifemeeting.errors",
    "Readiness": "lifemeeting.engine.readiness_model",
    "Receipt": "lifemeeting.engine.readiness_model",
    "RendererMissing": "lifemeeting.errors",
    "RoundStatus": "lifemeeting.engine.answer_model",
    "RuleSet": "lifemeeting.ruleset.model",
    "RuleSetDiff": "lifemeeting.ruleset.diff",
    "RuleSetError": "lifemeeting.errors",
    "SourceError": "lifemeeting.errors",
    "Status": "lifemeeting.engine.answer_model",
    "SubjectChain": "lifemeeting.answers.chain_model",
    "TierChain": "lifemeeting.answers.chain_model",
    "TierLink": "lifemeeting.answers.chain_model",
    "Timeline": "lifemeeting.answers.timeline_model",
    "TimelineItem": "lifemeeting.answers.timeline_model",
    "Unit": "lifemeeting.case.model",
    "UnknownRuleSet": "lifemeeting.errors",
    "available": "lifemeeting.ruleset.load",
    "can_convene": "lifemeeting.answers.open",
    "case_chains": "lifemeeting.answers.chains",
    "case_diagram": "lifemeeting.render.diagrams",
    "chain_diagram": "lifemeeting.render.diagrams",
    "diff_rulesets": "lifemeeting.ruleset.diff",
    "engine_version": "lifemeeting.version",
    "load_ruleset": "lifemeeting.ruleset.load",
    "open_case": "lifemeeting.answers.open",
    "read_case": "lifemeeting.answers.open",
    "subject_chains": "lifemeeting.answers.chains",
    "tier_chains": "lifemeeting.answers.chains",
    "timeline": "lifemeeting.answers.whatif",
    "timeline_ics": "lifemeeting.render.ics",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'lifemeeting' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
