"""A rule set that passed every check, with its receipt facts."""

from __future__ import annotations

from dataclasses import dataclass

from lifemeeting.ruleset.model import RuleSet
from lifemeeting.ruleset.provenance import Provenance


@dataclass(frozen=True)
class LoadedRuleSet:
    """A checked rule set with the receipt facts: where it came from and the sha256 of its bytes."""

    model: RuleSet
    sha256: str
    origin: str
    provenance: Provenance | None = None  # an overlay's lineage and changes; None for a plain file
