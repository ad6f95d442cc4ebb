"""Clause references in a rule set: every ``cite.clause`` must name a clause of its inventory.

A rule's citation may name the clause of the source it encodes (``clause: sx-2-1-study``);
``unchecked`` entries name the clauses they explain. A typo there would silently drop a
clause from the coverage count, so the loader refuses it with the file, line and a suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lifemeeting.errors import Problem
from lifemeeting.ruleset.model import RuleSet
from lifemeeting.source.yaml import Located, Path
from lifemeeting.suggest import did_you_mean


def clause_problems(rs: RuleSet, located: Located, *, inventory: bool = True) -> Iterator[Problem]:
    """Unknown clause ids in a ``cite``, citations of ``normative: false`` clauses, clauses no one accounts for.

    Every normative clause of the inventory must be cited by a rule or by an ``unchecked``
    entry: a clause neither encoded nor explained is a rule lost (a file cut short, a rule
    deleted by mistake), and the loader refuses it rather than load half a rule set.
    """
    known = {c.id: c for c in rs.clauses}
    cited: set[str] = set()
    for path, ref in _clause_refs(located.data, ()):
        cited.add(ref)
        clause = known.get(ref)
        if clause is None:
            hint = did_you_mean(ref, set(known)) if known else " (the rule set has no clauses: list)"
            yield located.problem(path, f"unknown clause '{ref}'{hint}")
        elif not clause.normative:
            yield located.problem(path, f"clause '{ref}' is marked normative: false; a rule cannot come from it")
    for i, clause in enumerate(rs.clauses):
        if inventory and clause.normative and clause.id not in cited:
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
