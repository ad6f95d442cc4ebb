"""What a chain question names — tier, position, material, unit attributes — resolved against a rule set.

Ids and the Chinese names the rule set writes are both accepted; anything else is a
``QueryError`` that lists what there is and suggests the close one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from lifemeeting.errors import QueryError
from lifemeeting.ruleset.model import Chain, Material, RuleSet
from lifemeeting.ruleset.subjects import Subject, in_tiers, subjects
from lifemeeting.suggest import did_you_mean


def resolve_tier(rs: RuleSet, tier: str | None) -> str | None:
    """A tier id, given its id or Chinese name; None only for rule sets without tiers."""
    ids = [t.id for t in rs.tiers]
    if not ids:
        if tier is not None:
            raise QueryError(f"rule set '{rs.id}' has no tiers; leave out the tier (asked for '{tier}')")
        return None
    if tier is None:
        raise QueryError(f"rule set '{rs.id}' has tiers; say which: {', '.join(ids)}")
    for t in rs.tiers:
        if tier in (t.id, t.name):
            return t.id
    raise QueryError(f"unknown tier '{tier}'{did_you_mean(tier, ids)}; rule set '{rs.id}' has: {', '.join(ids)}")


def resolve_position(rs: RuleSet, tier: str | None, position: str) -> Subject:
    """The subject holding a position, given its id or its name as the rule set writes it."""
    tiers = [tier] if tier else None
    if position in ("team", rs.team.name):  # the team itself, where the tier names no team position
        teams = [s for s in subjects(rs, tiers) if s.kind == "team"]
        if len(teams) == 1 and teams[0].position is None:
            return teams[0]
        if position == "team":
            raise QueryError(
                f"this tier names its teams; use one of: {', '.join(s.position.id for s in teams if s.position)}"
            )
    by_id = next((p for p in rs.positions if p.id == position), None)
    if by_id is None:
        named = [p for p in rs.positions if p.name == position and in_tiers(p, tiers)]
        if len(named) > 1:
            raise QueryError(
                f"position name '{position}' is ambiguous in this tier; use an id: {', '.join(p.id for p in named)}"
            )
        by_id = named[0] if named else None
    if by_id is None:
        ids = [p.id for p in rs.positions if in_tiers(p, tiers)]
        known = ids + [p.name for p in rs.positions if in_tiers(p, tiers)]
        where = f" in tier '{tier}'" if tier else ""
        raise QueryError(
            f"unknown position '{position}'{did_you_mean(position, known)}; "
            f"positions{where}: {', '.join(ids) or 'none'}"
        )
    if not in_tiers(by_id, tiers):
        raise QueryError(
            f"position '{by_id.id}' ({by_id.name}) is not in tier '{tier}'; it is in: {', '.join(by_id.tiers or [])}"
        )
    return next(s for s in subjects(rs, tiers) if s.position is by_id)


def parse_unit(rs: RuleSet, unit: Mapping[str, Any] | Iterable[str] | None) -> dict[str, Any]:
    """Unit attributes from a mapping or ``NAME=VALUE`` strings, checked against the rule set."""
    if unit is None:
        return {}
    pairs = unit.items() if isinstance(unit, Mapping) else [_split(s) for s in unit]
    declared = {a.id: a for a in rs.unit_attributes}
    out: dict[str, Any] = {}
    for key, value in pairs:
        a = declared.get(key)
        if a is None:
            raise QueryError(
                f"unknown unit attribute '{key}'{did_you_mean(key, set(declared))}; "
                f"rule set '{rs.id}' has: {', '.join(declared) or 'none'}"
            )
        if a.values is not None:
            if value not in a.values:
                raise QueryError(f"unit attribute '{key}' is one of {', '.join(a.values)}, not '{value}'")
            out[key] = value
        else:
            out[key] = _boolean(key, value)
    return out


def _split(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep:
        raise QueryError(f"a unit attribute is NAME=VALUE, not '{text}'")
    return key.strip(), value.strip()


def _boolean(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "是": True, "1": True, "false": False, "no": False, "否": False, "0": False}
    if str(value).lower() in words:
        return words[str(value).lower()]
    raise QueryError(f"unit attribute '{key}' is true or false, not '{value}'")


def tier_chain_list(rs: RuleSet, tier: str | None, material: str | None) -> list[Chain]:
    """The chains that bind a tier, or the one that reviews ``material`` (a link-less one if it is only filed)."""
    chains = [c for c in rs.chains if c.tiers is None or tier in c.tiers]
    if material is None:
        return chains
    m = material_named(rs, material)
    found = [c for c in chains if c.material == m.id]
    return found or [Chain(id=f"{m.id}_filing", name=m.name, material=m.id, links=[], cite=m.cite)]


def material_named(rs: RuleSet, material: str) -> Material:
    """A material, given its id or name."""
    for m in rs.materials:
        if material in (m.id, m.name):
            return m
    ids = [m.id for m in rs.materials]
    raise QueryError(
        f"unknown material '{material}'{did_you_mean(material, ids)}; rule set '{rs.id}' has: {', '.join(ids)}"
    )
