"""Required talks (必谈) as pair coverage: which unordered pairs must have talked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations
from typing import Any

from lifemeeting.ruleset.model import TalkRule

Pair = frozenset[str]
HEAD_PREFIX = "head:"


def head_party(department: str) -> str:
    """The talk-party id of the head of ``department`` (分管部门主要负责同志)."""
    return HEAD_PREFIX + department


def required_pairs(
    rule: TalkRule,
    *,
    select: Callable[[dict[str, Any]], list[str]],
    oversees: Callable[[str], Iterable[str]],
) -> list[Pair]:
    """The pairs ``rule`` requires, in a stable order; ``select`` resolves a selector to party ids."""
    left = select(rule.each)
    candidates: Iterable[tuple[str, str]]
    if rule.with_ == "each_other":
        if len(set(left)) == len(left):  # distinct parties: every pair is new and has two people
            return list(map(frozenset, combinations(left, 2)))
        candidates = combinations(left, 2)
    elif rule.with_ == "overseen_heads":
        candidates = [(a, head_party(dept)) for a in left for dept in oversees(a)]
    else:
        right = select(rule.with_)
        candidates = [(a, b) for a in left for b in right]
    # the first of each pair, in order; a party paired with itself makes a one-element set, dropped
    return [pair for pair in dict.fromkeys(map(frozenset, candidates)) if len(pair) == 2]
