"""Required talks (必谈) as pair coverage: which unordered pairs must have talked.

Within a case a talk party is known by its place (``CaseView.party_ids``: the members in
the case's order, then the roles nobody fills in the rule set's order, then the other
parties), and a pair of parties by one number, its code (``pair_code``): the talk handler
records codes, the required pairs are codes, and a coverage check looks numbers up. A
rule whose pairs depend on the team's make-up alone has the same codes in every team made
up alike (``TeamTemplate.pairs``). ``CaseView.pair`` gives a code's two party ids back.

A code is ``low * base + high``. The base is ``SMALL_BASE`` for a case that names fewer
parties than that (every case but one built to name tens of thousands): its codes are below
2**30, one digit of a Python int, whose arithmetic CPython does without the general
multi-digit routines (a talk's code is worked out for every talk recorded). A case with
more parties takes ``BASE``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import combinations
from typing import Any, TypeVar

from lifemeeting.ruleset.model import TalkRule

Pair = frozenset[str]
PairCode = int
HEAD_PREFIX = "head:"
BASE = 1 << 24  # a pair code is low * base + high: a case names fewer talk parties than this
SMALL_BASE = 1 << 15  # the base of a case that names fewer parties than this (``CaseView.pair_base``)

P = TypeVar("P", bound=Hashable)  # a party: its id, or its place


def head_party(department: str) -> str:
    """The talk-party id of the head of ``department`` (分管部门主要负责同志)."""
    return HEAD_PREFIX + department


def pair_code(i: int, j: int, base: int = BASE) -> PairCode:
    """The code of the pair of the parties at places ``i`` and ``j`` (either order; ``i != j``)."""
    return i * base + j if i < j else j * base + i


def pair_order(
    rule: TalkRule,
    *,
    select: Callable[[dict[str, Any]], list[P]],
    heads: Callable[[P], Iterable[P]],
) -> list[tuple[P, P]]:
    """The pairs ``rule`` requires, each as first met, in a stable order.

    ``select`` resolves a selector to parties (ids, or places: anything that stands for
    distinct parties one to one); ``heads`` gives the heads of the departments a party
    oversees. A party paired with itself is dropped, and a pair met again.
    """
    candidates = _candidates(rule, select, heads)
    if isinstance(candidates, combinations):  # distinct parties, each pair once: every pair is new
        return list(candidates)
    keys = set(map(frozenset, candidates))
    if len(keys) == len(candidates) and all(len(k) == 2 for k in keys):  # no pair twice, no one with oneself
        return candidates
    first: dict[frozenset[P], tuple[P, P]] = {}
    for a, b in candidates:
        first.setdefault(frozenset((a, b)), (a, b))
    return [pair for key, pair in first.items() if len(key) == 2]


def pair_codes(
    rule: TalkRule,
    *,
    select: Callable[[dict[str, Any]], Sequence[int]],
    heads: Callable[[int], Iterable[int]],
    base: int = BASE,
) -> tuple[PairCode, ...]:
    """``pair_order`` by place: the code of each pair ``rule`` requires, in the same order.

    A pair's code stands for the pair in either order, so a pair met again is a code met
    again: no set of the two is made per pair.
    """
    return tuple(
        dict.fromkeys(a * base + b if a < b else b * base + a for a, b in _candidates(rule, select, heads) if a != b)
    )


def _candidates(
    rule: TalkRule, select: Callable[[dict[str, Any]], Sequence[P]], heads: Callable[[P], Iterable[P]]
) -> list[tuple[P, P]] | combinations[tuple[P, P]]:
    """Every pair ``rule`` names, as its selectors give them: the same pair may come twice, or a party with itself.

    Combinations of distinct parties, which need no weeding, come back as they are.
    """
    left = select(rule.each)
    if rule.with_ == "each_other":
        if len(set(left)) == len(left):
            return combinations(left, 2)
        return list(combinations(left, 2))
    if rule.with_ == "overseen_heads":
        return [(a, head) for a in left for head in heads(a)]
    right = select(rule.with_)
    return [(a, b) for a in left for b in right]
