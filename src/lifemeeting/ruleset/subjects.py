"""Who can write a material, and which units they can sit in, without a case.

A chain question is asked of a rule set, not of a case: the subject is a declared
position, and the unit's attributes may be left open. Here the positions of a tier become
subject attributes (as ``CaseView`` builds them for members), and the unit attributes a
chain tests but the question did not fix are enumerated, each "could be" either way.
The chain queries and the load-time reachability check both start from these.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lifemeeting.ruleset.model import Attribute, Chain, Position, RuleSet


@dataclass(frozen=True)
class Subject:
    """A declared position (or the plain team/member when a tier declares none) as predicates see it."""

    kind: str  # "member" or "team"
    position: Position | None
    attributes: Mapping[str, Any]
    plain: str = ""  # without a position: what the rule set calls the team or a member (its ``team``)

    @property
    def name(self) -> str:
        return self.position.name if self.position is not None else self.plain


def attributes_of(position: Position | None, kind: str) -> dict[str, Any]:
    """The attributes a subject holding ``position`` has, as ``CaseView`` gives them to a member or team."""
    attrs: dict[str, Any] = {
        "kind": kind,
        "id": "team" if kind == "team" else None,
        "position": position.id if position else None,
    }
    if position is not None:
        attrs.update(position.attributes)
    return attrs


def in_tiers(position: Position, tiers: Iterable[str] | None) -> bool:
    """A position without tiers sits in every tier; ``tiers`` None means any tier."""
    if position.tiers is None or tiers is None:
        return True
    return bool(set(position.tiers) & set(tiers))


def subjects(rs: RuleSet, tiers: Iterable[str] | None) -> list[Subject]:
    """Every declared position in ``tiers``, plus a position-less team or member when none of that kind is declared."""
    tiers = list(tiers) if tiers is not None else None
    found = [Subject(p.subject, p, attributes_of(p, p.subject)) for p in rs.positions if in_tiers(p, tiers)]
    for kind in ("member", "team"):
        if not any(s.kind == kind for s in found):
            plain = rs.team.name if kind == "team" else rs.team.member
            found.append(Subject(kind, None, attributes_of(None, kind), plain))
    return found


def unit_keys(pred: Any) -> Iterator[str]:
    """The unit attributes a predicate tests (``unit.<name>`` keys), at any depth."""
    if isinstance(pred, Mapping):
        for key, value in pred.items():
            if key in ("all", "any"):
                for p in value:
                    yield from unit_keys(p)
            elif key == "not":
                yield from unit_keys(value)
            elif isinstance(key, str) and key.startswith("unit."):
                yield key[5:]


def chain_unit_keys(chain: Chain) -> list[str]:
    """The unit attributes any link or pre-sign of ``chain`` tests, in first-use order."""
    keys: dict[str, None] = {}
    for link in chain.links:
        keys.update(dict.fromkeys(unit_keys(link.applies_to)))
        if link.pre_sign:
            keys.update(dict.fromkeys(unit_keys(link.pre_sign.applies_to)))
    return list(keys)


def domain(attribute: Attribute | None) -> list[Any]:
    """The values a unit attribute can take: its declared values, or true and false."""
    if attribute is not None and attribute.values is not None:
        return list(attribute.values)
    return [True, False]


def assignments(rs: RuleSet, keys: Iterable[str], given: Mapping[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    """The open unit attributes among ``keys`` and every unit that fixes ``given`` and sets the open ones."""
    declared = {a.id: a for a in rs.unit_attributes}
    free = [k for k in keys if k not in given]
    units = [
        {**given, **dict(zip(free, values, strict=True))}
        for values in itertools.product(*(domain(declared.get(k)) for k in free))
    ]
    return free, units


def relevant(free: list[str], units: list[dict[str, Any]], holds: list[bool], rs: RuleSet) -> list[str]:
    """The open attributes whose value changes whether something holds."""
    declared = {a.id: a for a in rs.unit_attributes}
    index = {tuple(u[k] for k in free): h for u, h in zip(units, holds, strict=True)}
    out = []
    for i, key in enumerate(free):
        for values, h in index.items():
            if any(index[values[:i] + (other,) + values[i + 1 :]] != h for other in domain(declared.get(key))):
                out.append(key)
                break
    return out


def condition_text(when: list[dict[str, Any]], rs: RuleSet) -> str:
    """Words for "only in units where …": 仅市委书记联系点, 非联系点, 仅类别为窗口单位."""
    names = {a.id: a.name for a in rs.unit_attributes}

    def part(key: str, value: Any) -> str:
        name = names.get(key, key)
        if value is True:
            return name
        if value is False:
            return "非" + name
        return f"{name}为{value}"

    if len(when) > 1 and all(len(w) == 1 for w in when) and len({next(iter(w)) for w in when}) == 1:
        key = next(iter(when[0]))
        return f"仅{names.get(key, key)}为" + "或".join(str(w[key]) for w in when)
    text = "或".join("且".join(part(k, v) for k, v in w.items()) for w in when)
    return text if text.startswith("非") else "仅" + text
