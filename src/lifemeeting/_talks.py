"""Required talks (必谈) as pair coverage: which unordered pairs must have talked."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

from ._ruleset_model import TalkRule

Pair = frozenset[str]
HEAD_PREFIX = "head:"


def head_party(department: str) -> str:
    """The talk-party id of the head of ``department`` (分管部门主要负责同志)."""
    return HEAD_PREFIX + department


def required_pairs(
    rule: TalkRule,
    *,
    select: Callable[[dict], list[str]],
    oversees: Callable[[str], Iterable[str]],
) -> list[Pair]:
    """The pairs ``rule`` requires, in a stable order; ``select`` resolves a selector to party ids."""
    left = select(rule.each)
    pairs: list[Pair] = []
    seen: set[Pair] = set()

    def add(a: str, b: str) -> None:
        pair = frozenset((a, b))
        if a != b and pair not in seen:
            seen.add(pair)
            pairs.append(pair)

    if rule.with_ == "each_other":
        for a, b in combinations(left, 2):
            add(a, b)
    elif rule.with_ == "overseen_heads":
        for a in left:
            for dept in oversees(a):
                add(a, head_party(dept))
    else:
        right = select(rule.with_)
        for a in left:
            for b in right:
                add(a, b)
    return pairs
