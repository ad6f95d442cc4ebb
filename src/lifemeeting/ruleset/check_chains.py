"""Load-time check that every link of every chain can be reached by someone.

A link is reached when some subject of the chain's tiers — a declared position, or a team
or member that names none — writes the chain's material and matches the link's
``applies_to`` in some unit (each unit attribute the predicates test taken either way).
These are the same subjects and units the chain queries and diagrams enumerate; a link
nobody reaches is dead text, almost always a misspelt value or a forgotten position.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lifemeeting.errors import Problem
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.model import Chain, Material, RuleSet
from lifemeeting.ruleset.subjects import Subject, assignments, attributes_of, in_tiers, unit_keys
from lifemeeting.source.yaml import Located


def _candidates(rs: RuleSet, chain: Chain) -> list[Subject]:
    declared = [Subject(p.subject, p, attributes_of(p, p.subject)) for p in rs.positions if in_tiers(p, chain.tiers)]
    return declared + [Subject(kind, None, attributes_of(None, kind)) for kind in ("member", "team")]


def unreachable_links(rs: RuleSet, located: Located) -> Iterator[Problem]:
    """One problem, at the link's ``applies_to``, for each link no subject can ever reach."""
    materials = {m.id: m for m in rs.materials}
    for i, chain in enumerate(rs.chains):
        material = materials.get(chain.material)
        if material is None:
            continue  # reported by the cross-checks
        who = _candidates(rs, chain)
        for j, link in enumerate(chain.links):
            keys = [*unit_keys(link.applies_to), *unit_keys(material.members)]
            _, units = assignments(rs, dict.fromkeys(keys), {})
            if any(_reaches(s, link.applies_to, material, u) for s in who for u in units):
                continue
            where = f" in tier {', '.join(chain.tiers)}" if chain.tiers else ""
            yield located.problem(
                ("chains", i, "links", j, "applies_to"),
                f"link '{link.id}' of chain '{chain.id}' can never be reached: no position{where} that writes "
                f"'{chain.material}' matches its applies_to, whatever the unit attributes",
                key=True,
            )


def _reaches(s: Subject, applies_to: Mapping[str, Any], material: Material, unit: Mapping[str, Any]) -> bool:
    if s.kind == "team":
        writes = material.team
    else:
        writes = material.members is not None and _predicate.matches(material.members, s.attributes, unit)
    return writes and _predicate.matches(applies_to, s.attributes, unit)
