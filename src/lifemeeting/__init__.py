"""lifemeeting: rules as code for 专题民主生活会 — can this meeting be convened yet, and why not?

The public API is exactly ``__all__``; everything in underscore modules may change.
"""

from ._answer_model import Blocker, CitationOut, NextAction, Readiness, Receipt
from ._api import OpenCase, can_convene, open_case, read_case
from ._case_model import Case, Event, Member, PlannedMeeting, Unit
from ._errors import (
    CaseError,
    EventRefused,
    LifemeetingError,
    Problem,
    RuleSetError,
    SourceError,
    UnknownRuleSet,
)
from ._loader import LoadedRuleSet, available, load_ruleset
from ._ruleset_model import RuleSet
from ._version import engine_version

__all__ = [
    "Blocker",
    "Case",
    "CaseError",
    "CitationOut",
    "Event",
    "EventRefused",
    "LifemeetingError",
    "LoadedRuleSet",
    "Member",
    "NextAction",
    "OpenCase",
    "PlannedMeeting",
    "Problem",
    "Readiness",
    "Receipt",
    "RuleSet",
    "RuleSetError",
    "SourceError",
    "Unit",
    "UnknownRuleSet",
    "available",
    "can_convene",
    "engine_version",
    "load_ruleset",
    "open_case",
    "read_case",
]
