"""Required talks (必谈) as pair coverage: which unordered pairs must have talked.

Within a case a talk party is known by its place (``CaseView.party_ids``: the members in
the case's order, then the roles nobody fills in the rule set's order, then the other
parties), and a pair of parties by one number, its code (``pair_code``): the talk handler
records codes, the required pairs are codes, and a coverage check looks numbers up. A
rule whose pairs depend on the team's make-up alone has the same codes in every team made
up alike (``TeamTemplate.pairs``). ``CaseView.pair`` gives a code's two party ids back.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from itertools import combinations
from typing import Any, TypeVar

from lifemeeting.ruleset.model import TalkRule

Pair = frozenset[str]
PairCode = int
HEAD_PREFIX = "head:"
BASE = 1 << 24  # a pair code is low * BASE + high: a case names fewer talk parties than this

P = TypeVar("P", bound=Hashable)  # a party: its id, or its place


def head_party(department: str) -> str:
    """The talk-party id of the head of ``department`` (分管部门主要负责同志)."""
    return HEAD_PREFIX + department


def pair_code(i: int, j: int) -> PairCode:
    """The code of the pair of the parties at places ``i`` and ``j`` (either order; ``i != j``)."""
    return i * BASE + j if i < j else j * BASE + i


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
    left = select(rule.each)
    candidates: Iterable[tuple[P, P]]
    if rule.with_ == "each_other":
        if len(set(left)) == len(left):  # distinct parties: every pair is new and has two people
            return list(combinations(left, 2))
        candidates = combinations(left, 2)
    elif rule.with_ == "overseen_heads":
        candidates = [(a, head) for a in left for head in heads(a)]
    else:
        right = select(rule.with_)
        candidates = [(a, b) for a in left for b in right]
    candidates = list(candidates)
    keys = set(map(frozenset, candidates))
    if len(keys) == len(candidates) and all(len(k) == 2 for k in keys):  # no pair twice, no one with oneself
        return candidates
    first: dict[frozenset[P], tuple[P, P]] = {}
    for a, b in candidates:
        first.setdefault(frozenset((a, b)), (a, b))
    return [pair for key, pair in first.items() if len(key) == 2]
