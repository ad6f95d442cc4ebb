"""Clause references in a rule set: every ``cite.clause`` must name a clause of its inventory.

A rule's citation may name the clause of the source it encodes (``clause: sx-2-1-study``);
``unchecked`` entries name the clauses they explain. A typo there would silently drop a
clause from the coverage count, so the loader refuses it with the file, line and a suggestion.

An overlay has an inventory of its own source too, written at the end of its file: each of its
changes cites one of those clauses, so a file cut anywhere inside ``changes`` has no inventory
and a file cut inside the inventory leaves a cited clause unknown — both refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from lifemeeting.errors import Problem
from lifemeeting.ruleset.model import Clause, RuleSet
from lifemeeting.source.yaml import Located, Path
from lifemeeting.suggest import did_you_mean

_OVERLAY_HINT = (
    "; an overlay's changes cite the clauses of its own inventory (clauses:, written at the end of the file,"
    " so that a file cut short loses them)"
)


def clause_problems(rs: RuleSet, located: Located, *, accounted: frozenset[str] = frozenset()) -> Iterator[Problem]:
    """Unknown clause ids in a ``cite``, citations of ``normative: false`` clauses, clauses no one accounts for.

    Every normative clause of the inventory must be cited by a rule or by an ``unchecked``
    entry (or be in ``accounted``, for a resolved overlay): a clause neither encoded nor
    explained is a rule lost (a file cut short, a rule deleted by mistake), and the loader
    refuses it rather than load half a rule set.
    """
    yield from _inventory(rs.clauses, _clause_refs(located.data, ()), located, accounted=accounted)


def overlay_clause_problems(data: dict[str, Any], clauses: Sequence[Clause], located: Located) -> Iterator[Problem]:
    """An overlay's own inventory: each change cites one of its clauses; each normative clause is cited.

    Only the changes' own ``cite`` and the overlay's ``unchecked`` entries count here; the
    citations inside the rules a change writes are checked with the resolved rule set.
    """
    refs: list[tuple[Path, str]] = []
    for i, change in enumerate(data.get("changes") or []):
        cite = change.get("cite") if isinstance(change, dict) else None
        if not isinstance(cite, dict) or not cite.get("clause"):
            yield located.problem(
                ("changes", i, "cite"),
                "the change's cite names no clause: cite the clause of the overlay's inventory"
                " that allows it (cite: {clause: …})",
            )
            continue
        refs.extend(_clause_refs({"cite": cite}, ("changes", i)))
    for i, entry in enumerate(data.get("unchecked") or []):
        refs.extend(_clause_refs(entry, ("unchecked", i)))
    yield from _inventory(clauses, refs, located, hint=_OVERLAY_HINT)


def cited_clauses(node: Any) -> set[str]:
    """Every clause id named under a ``cite`` mapping in ``node`` (not in a ``clauses`` inventory)."""
    return {ref for _, ref in _clause_refs(node, ())}


def _inventory(
    clauses: Sequence[Clause],
    refs: Iterable[tuple[Path, str]],
    located: Located,
    *,
    accounted: frozenset[str] = frozenset(),
    hint: str = "",
) -> Iterator[Problem]:
    known = {c.id: c for c in clauses}
    cited: set[str] = set(accounted)
    for path, ref in refs:
        cited.add(ref)
        clause = known.get(ref)
        if clause is None:
            suggestion = did_you_mean(ref, set(known)) if known else " (the rule set has no clauses: list)"
            yield located.problem(path, f"unknown clause '{ref}'{suggestion}{hint}")
        elif not clause.normative:
            yield located.problem(path, f"clause '{ref}' is marked normative: false; a rule cannot come from it")
    for i, clause in enumerate(clauses):
        if clause.normative and clause.id not in cited:
            yield located.problem(
                ("clauses", i, "id"),
                f"clause '{clause.id}' is neither encoded by a rule nor listed under unchecked;"
                " cite it from the rule that encodes it, list it under unchecked with a reason,"
                " or mark it normative: false",
            )


def _clause_refs(node: Any, path: Path) -> Iterator[tuple[Path, str]]:
    """(path, clause id) for every clause id named under a ``cite`` mapping, anywhere in the raw data."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "cite" and isinstance(value, dict) and "clause" in value:
                refs = value["clause"]
                if isinstance(refs, str):
                    yield path + (key, "clause"), refs
                elif isinstance(refs, list):
                    for i, r in enumerate(refs):
                        if isinstance(r, str):
                            yield path + (key, "clause", i), r
            elif key != "clauses":
                yield from _clause_refs(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _clause_refs(item, path + (i,))
