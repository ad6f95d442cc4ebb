"""What a case view works out from attribute values alone, remembered per rule set.

Cases under one rule set share a handful of unit and subject profiles (a 县委常委班子
that is not a liaison point, a 副县长 on the standing committee, …). Which tasks, gates,
talk rules and chains bind a unit, and which roles a subject fills, which materials it
writes and the path each takes, depend only on those attribute values; they are worked
out once per profile and shared by every case that has it. A subject's id is part of its
profile only when a predicate of the rule set tests ``id``; then nothing is shared, so
that memory never grows with the number of cases.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from lifemeeting.engine.chains import Path, filing_chain, path_for
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import Chain, Gate, Material, TalkRule, Task

MAX_PROFILES = 4096  # per rule set; beyond this the tables start afresh
MAX_RULESETS = 64

Key = tuple[Any, ...]


class UnitRules(NamedTuple):
    """The rules that bind one tier and set of unit attributes."""

    tasks: tuple[Task, ...]
    duties: tuple[Task, ...]
    gates: tuple[Gate, ...]
    talk_rules: tuple[TalkRule, ...]
    chains: Mapping[str, Chain]
    materials: tuple[tuple[Material, Chain], ...]  # written in this tier, each with its chain


class SubjectRules:
    """What one subject profile is under the rules: roles it fills, materials it writes and their paths."""

    __slots__ = ("fills", "writes", "_subject", "_unit", "_seen")

    def __init__(
        self, rules: UnitRules, roles: tuple[tuple[str, dict], ...], subject: Mapping[str, Any], unit: Mapping[str, Any]
    ) -> None:
        self._subject, self._unit = dict(subject), dict(unit)
        self._seen: dict[int, tuple[Any, bool]] = {}
        self.fills = frozenset(rid for rid, pred in roles if _predicate.matches(pred, subject, unit))
        team = subject.get("kind") == "team"
        self.writes: dict[str, Path] = {
            material.id: path_for(chain, subject, unit)
            for material, chain in rules.materials
            if (
                material.team
                if team
                else material.members is not None and _predicate.matches(material.members, subject, unit)
            )
        }

    def matches(self, pred: Mapping[str, Any] | None) -> bool | None:
        """``_predicate.matches`` for this profile, remembered per predicate object of the rule set.

        None for a predicate that tests ``id``: a shared profile does not know whose it is.
        """
        hit = self._seen.get(id(pred))
        if hit is None:  # the entry holds the predicate, so its id cannot be reused
            if len(self._seen) >= MAX_PROFILES:  # predicates made on the fly, not the rule set's own
                self._seen.clear()
            answer = None if _mentions_id(pred) else _predicate.matches(pred, self._subject, self._unit)
            hit = self._seen[id(pred)] = (pred, answer)
        return hit[1]


class RuleSetMemo:
    """Lookup tables of one rule set, and its unit and subject profiles as cases meet them."""

    def __init__(self, loaded: LoadedRuleSet) -> None:
        rs = loaded.model
        self.loaded = loaded
        self.positions = {p.id: p for p in rs.positions}
        self.roles = {r.id: r for r in rs.roles}
        self.attributes = {a.id: a for a in rs.attributes}
        self.unit_attributes = {a.id: a for a in rs.unit_attributes}
        self.tier_ids = frozenset(t.id for t in rs.tiers)
        self.material_ids = frozenset(m.id for m in rs.materials)
        self.filled_roles = tuple((r.id, r.filled_by) for r in rs.roles if r.filled_by is not None)
        self.unfilled_roles = frozenset(
            r.id for r in rs.roles if r.filled_by is None
        )  # bodies, parties in their own right
        self.uses_id = any(_mentions_id(p) for p in _subject_predicates(loaded))
        self._units: dict[tuple[str | None, Key], UnitRules] = {}
        self._subjects: dict[tuple[str | None, Key, Key], SubjectRules] = {}

    def unit_rules(self, tier: str | None, unit: Mapping[str, Any]) -> tuple[Key, UnitRules]:
        """The rules that bind ``unit`` in ``tier``, and the key that names this unit profile."""
        key = (tier, *sorted(unit.items()))
        hit = self._units.get(key)
        if hit is None:
            if len(self._units) >= MAX_PROFILES:
                self._units.clear()
            hit = self._units[key] = _unit_rules(self.loaded, tier, unit)
        return key, hit

    def subject_rules(
        self, unit_key: Key, rules: UnitRules, shape: Any, subject: Mapping[str, Any], unit: Mapping[str, Any]
    ) -> SubjectRules:
        """The profile of ``subject``; ``shape`` (hashable) must settle every attribute of the subject but its id."""
        if self.uses_id:
            return SubjectRules(rules, self.filled_roles, subject, unit)
        key = (unit_key, shape)
        hit = self._subjects.get(key)
        if hit is None:
            if len(self._subjects) >= MAX_PROFILES:
                self._subjects.clear()
            hit = self._subjects[key] = SubjectRules(rules, self.filled_roles, subject, unit)
        return hit


_MEMOS: dict[int, RuleSetMemo] = {}
_PREDICATE_KEYS: dict[int, tuple[Any, str]] = {}


def predicate_key(pred: Any) -> str:
    """A key equal for equal predicates (rules often repeat one, e.g. 班子成员 ``{not: {outside_team: true}}``)."""
    hit = _PREDICATE_KEYS.get(id(pred))
    if hit is None:  # the entry holds the predicate, so its id cannot be reused
        if len(_PREDICATE_KEYS) >= MAX_PROFILES:
            _PREDICATE_KEYS.clear()
        hit = _PREDICATE_KEYS[id(pred)] = (pred, json.dumps(pred, sort_keys=True, ensure_ascii=False, default=repr))
    return hit[1]


def memo_for(loaded: LoadedRuleSet) -> RuleSetMemo:
    """The memo of ``loaded`` (one per loaded rule set; the memo holds it, so its id cannot be reused)."""
    memo = _MEMOS.get(id(loaded))
    if memo is None:
        if len(_MEMOS) >= MAX_RULESETS:
            _MEMOS.clear()
        memo = _MEMOS[id(loaded)] = RuleSetMemo(loaded)
    return memo


def _applies(tiers: list[str] | None, applies_to: dict | None, tier: str | None, unit: Mapping[str, Any]) -> bool:
    if tiers is not None and tier not in tiers:
        return False
    return applies_to is None or _predicate.matches(applies_to, unit, unit)


def _unit_rules(loaded: LoadedRuleSet, tier: str | None, unit: Mapping[str, Any]) -> UnitRules:
    rs = loaded.model
    chains = {c.material: c for c in rs.chains if c.tiers is None or tier in c.tiers}
    return UnitRules(
        tasks=tuple(t for t in rs.tasks if _applies(t.tiers, t.applies_to, tier, unit)),
        duties=tuple(t for t in rs.duties if _applies(t.tiers, t.applies_to, tier, unit)),
        gates=tuple(g for g in rs.gates if _applies(g.tiers, g.applies_to, tier, unit)),
        talk_rules=tuple(t for t in rs.talks if _applies(t.tiers, None, tier, unit)),
        chains=chains,
        materials=tuple(
            (m, chains.get(m.id) or filing_chain(m)) for m in rs.materials if m.tiers is None or tier in m.tiers
        ),
    )


def _subject_predicates(loaded: LoadedRuleSet) -> Iterator[Any]:
    """Every predicate a case view evaluates against a subject's attributes."""
    rs = loaded.model
    yield from (r.filled_by for r in rs.roles)
    yield from (m.members for m in rs.materials)
    for c in rs.chains:
        for link in c.links:
            yield link.applies_to
            if link.pre_sign:
                yield link.pre_sign.applies_to
    for t in rs.talks:
        for sel in (t.each, t.with_):
            if isinstance(sel, Mapping):
                yield sel.get("members")


def _mentions_id(pred: Any) -> bool:
    if isinstance(pred, Mapping):
        return any(k == "id" or _mentions_id(v) for k, v in pred.items())
    if isinstance(pred, list):
        return any(_mentions_id(p) for p in pred)
    return False
