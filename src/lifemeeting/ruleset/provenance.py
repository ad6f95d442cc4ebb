"""Where each rule of a resolved overlay came from, and every change made on the way.

A rule is named by its key, the dotted ids that reach it (``gates.plan_lead_time``,
``chains.plan_review.links.group_review``). A rule that no overlay added or replaced comes
from the base rule set; changes that set one of its values are listed against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lifemeeting.ruleset.model import Citation

VERB_NAMES = {"set": "修改", "add": "新增", "replace": "替换", "drop": "删除"}


@dataclass(frozen=True)
class ChangeRecord:
    """One applied change: which overlay made it, what it did, why, on what authority, where it is written."""

    ruleset: str
    verb: str
    target: str
    rule: str
    summary: str
    reason: str
    cite: Citation
    where: str

    @property
    def verb_name(self) -> str:
        return VERB_NAMES[self.verb]


@dataclass(frozen=True)
class Provenance:
    """The lineage of a resolved overlay (base first), who wrote which rule, and every change in order."""

    lineage: tuple[str, ...]
    written_by: Mapping[str, str] = field(default_factory=dict)
    changes: tuple[ChangeRecord, ...] = ()
    files: Mapping[str, str] = field(default_factory=dict)
    notes: Mapping[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return self.lineage[0]

    def origin(self, rule: str) -> str:
        """The rule set that wrote ``rule`` (or the nearest rule containing it)."""
        parts = rule.split(".")
        for n in range(len(parts), 0, -1):
            hit = self.written_by.get(".".join(parts[:n]))
            if hit:
                return hit
        return self.base

    def changes_to(self, rule: str) -> list[ChangeRecord]:
        """The changes that touched ``rule`` or anything inside it."""
        return [c for c in self.changes if c.rule == rule or c.rule.startswith(rule + ".")]
