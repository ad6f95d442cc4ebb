"""lifemeeting: rules as code for 专题民主生活会 — can this meeting be convened yet, and why not?

The public API is exactly ``__all__``; everything in underscore modules may change.
"""

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
