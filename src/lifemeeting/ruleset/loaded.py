"""A rule set that passed every check, with its receipt facts and the tables compiled from it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from lifemeeting.ruleset.model import RuleSet

if TYPE_CHECKING:  # an overlay's (``ruleset.overlay`` imports it); a plain file's answers need not
    from lifemeeting.ruleset.provenance import Provenance

T = TypeVar("T")


@dataclass(frozen=True)
class LoadedRuleSet:
    """A checked rule set with the receipt facts: where it came from and the sha256 of its bytes."""

    model: RuleSet
    sha256: str
    origin: str
    provenance: Provenance | None = None  # an overlay's lineage and changes; None for a plain file
    _compiled: dict[Callable[[LoadedRuleSet], Any], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def compiled(self, make: Callable[[LoadedRuleSet], T]) -> T:
        """What ``make`` builds from this rule set, built once and kept with it.

        The engine's lookup tables (``engine.profiles.CompiledRuleSet``) live here, one per
        builder, and go when the rule set goes; they are not pickled with it.
        """
        try:
            return cast(T, self._compiled[make])
        except KeyError:
            table = self._compiled[make] = make(self)
            return table

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_compiled", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, _compiled={})
