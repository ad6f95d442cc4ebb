"""lifemeeting: rules as code for 专题民主生活会 — can this meeting be convened yet, and why not?

The public API is exactly ``__all__``; everything in underscore modules may change.

Names are imported on first use (PEP 562), so ``import lifemeeting`` and the command line
load only what they need: the models, the loader and the renderers each take tens of
milliseconds to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and IDEs see; at run time __getattr__ below imports on demand
    from ._answer_model import (
        AppraisalOut,
        Blocker,
        CitationOut,
        DutyStatus,
        NextAction,
        Readiness,
        Receipt,
        RoundStatus,
        Status,
    )
    from ._api import OpenCase, can_convene, open_case, read_case
    from ._case_model import Case, Event, Member, Pin, PlannedMeeting, Unit
    from ._chain_model import ChainStep, SubjectChain, TierChain, TierLink
    from ._chainquery import case_chains, subject_chains, tier_chains
    from ._diagrams import case_diagram, chain_diagram
    from ._diff import Difference, RuleSetDiff, diff_rulesets
    from ._errors import (
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
    from ._ics import timeline_ics
    from ._loader import LoadedRuleSet, available, load_ruleset
    from ._overlay_model import Overlay
    from ._plan_model import Timeline, TimelineItem
    from ._ruleset_model import RuleSet
    from ._version import engine_version
    from ._whatif import timeline

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
    "AppraisalOut": "._answer_model",
    "Blocker": "._answer_model",
    "Case": "._case_model",
    "CaseError": "._errors",
    "ChainStep": "._chain_model",
    "CitationOut": "._answer_model",
    "Difference": "._diff",
    "DiscoveryError": "._errors",
    "DutyStatus": "._answer_model",
    "Event": "._case_model",
    "EventRefused": "._errors",
    "LifemeetingError": "._errors",
    "LoadedRuleSet": "._loader",
    "Member": "._case_model",
    "NextAction": "._answer_model",
    "OpenCase": "._api",
    "Overlay": "._overlay_model",
    "Pin": "._case_model",
    "PlannedMeeting": "._case_model",
    "Problem": "._errors",
    "QueryError": "._errors",
    "Readiness": "._answer_model",
    "Receipt": "._answer_model",
    "RendererMissing": "._errors",
    "RoundStatus": "._answer_model",
    "RuleSet": "._ruleset_model",
    "RuleSetDiff": "._diff",
    "RuleSetError": "._errors",
    "SourceError": "._errors",
    "Status": "._answer_model",
    "SubjectChain": "._chain_model",
    "TierChain": "._chain_model",
    "TierLink": "._chain_model",
    "Timeline": "._plan_model",
    "TimelineItem": "._plan_model",
    "Unit": "._case_model",
    "UnknownRuleSet": "._errors",
    "available": "._loader",
    "can_convene": "._api",
    "case_chains": "._chainquery",
    "case_diagram": "._diagrams",
    "chain_diagram": "._diagrams",
    "diff_rulesets": "._diff",
    "engine_version": "._version",
    "load_ruleset": "._loader",
    "open_case": "._api",
    "read_case": "._api",
    "subject_chains": "._chainquery",
    "tier_chains": "._chainquery",
    "timeline": "._whatif",
    "timeline_ics": "._ics",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'lifemeeting' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
