"""Resolve an overlay into a plain, checked rule set, keeping where each rule came from.

An overlay file names its parent (``extends``) and lists justified changes. The parent is
loaded (itself possibly an overlay), dumped to plain data, changed, and then checked exactly
like any rule set, so the engine never sees an overlay. A problem in a value the overlay
wrote points at the overlay's own line; a problem in an inherited rule (say a gate naming a
task the overlay dropped) points at ``extends`` and names the rule. The overlay's sha256
covers its own bytes and its parent's sha256, so a change in either changes it.

The overlay's own clause inventory (``clauses``, last in the file) is checked first: every change
cites one of its clauses, every normative one is cited. The resolved rule set's inventory is the
parent's followed by the overlay's, and is checked like any rule set's, a parent clause cited only
by a rule a change dropped or rewrote counting as accounted for by that change.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lifemeeting.errors import Problem, RuleSetError, UnknownRuleSet
from lifemeeting.ruleset import discovery as _discovery
from lifemeeting.ruleset.check_clauses import cited_clauses, overlay_clause_problems
from lifemeeting.ruleset.checks import check_located
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import Citation
from lifemeeting.ruleset.overlay_apply import Applied, RawPath, TargetError, apply
from lifemeeting.ruleset.overlay_model import Overlay
from lifemeeting.ruleset.provenance import ChangeRecord, Provenance
from lifemeeting.source.problems import problems_from
from lifemeeting.source.yaml import Located, load_mapping

_resolving: ContextVar[tuple[Path, ...]] = ContextVar("lifemeeting_resolving", default=())
Marks = dict[RawPath, tuple[int, int]]  # a path's line and column, as ``Located`` keeps them
_cache: dict[tuple[bytes, str, str], LoadedRuleSet] = {}
_JUSTIFY = "; every change says why (reason) and cites the document that allows it (cite)"
_INVENTORY = (
    "; an overlay ends with the clause inventory of its source (clauses:), which its changes cite:"
    " without it the file may have been cut short"
)


@dataclass
class _Merged(Located):
    """Located data of a resolved overlay: inherited values have no marks of their own."""

    parent: str = ""

    def problem(self, path: Sequence[str | int], message: str, *, key: bool = False) -> Problem:
        p = tuple(path)
        if not any(p[:n] in self.marks for n in range(1, len(p) + 1)):
            message += f" (in {_named(self.data, p)}, inherited from '{self.parent}')"
        return super().problem(p, message, key=key)


def load_overlay(
    data: bytes, origin: str, path: Path, *, load_parent: Callable[[Path], LoadedRuleSet]
) -> LoadedRuleSet:
    """Load an overlay file: its parent (through ``load_parent``), its changes, then the usual checks of the result."""
    located = _parse(data, origin)
    try:
        overlay = Overlay.model_validate(located.data)
    except ValidationError as exc:
        problems = problems_from(exc, located, Overlay)
        raise RuleSetError([_hinted(p) for p in problems]) from None
    own = list(overlay_clause_problems(located.data, overlay.clauses, located))
    if own:
        raise RuleSetError(own)
    parent = _parent(overlay, located, path, load_parent)
    key = (data, origin, parent.sha256)
    if key not in _cache:
        sha = hashlib.sha256(data + b"\n" + parent.sha256.encode()).hexdigest()
        _cache[key] = _resolve(located, overlay, parent, sha, origin)
    return _cache[key]


def _parse(data: bytes, origin: str) -> Located:
    return load_mapping(data, origin, expected="id, version, title, extends, changes, clauses", error=RuleSetError)


def _hinted(p: Problem) -> Problem:
    if p.message.endswith(("missing required key 'reason'", "missing required key 'cite'")):
        return dataclasses.replace(p, message=p.message + _JUSTIFY)
    if p.message.endswith("missing required key 'clauses'"):
        return dataclasses.replace(p, message=p.message + _INVENTORY)
    return p


def _parent(
    overlay: Overlay, located: Located, path: Path, load_parent: Callable[[Path], LoadedRuleSet]
) -> LoadedRuleSet:
    me = path.resolve()
    found = _discovery.find(overlay.extends, also=[path.parent])
    if found is None:
        known = list(_discovery.scan(also=[path.parent]))
        hint = str(UnknownRuleSet(overlay.extends, known))
        raise RuleSetError(
            [
                located.problem(
                    ("extends",),
                    f"{hint}; a parent is looked up by id in the rule-set folders, installed packages"
                    " and the overlay's own folder",
                )
            ]
        )
    stack = _resolving.get()
    if found.path.resolve() in (*stack, me):
        cycle = " → ".join(p.stem for p in (*stack, me, found.path.resolve()))
        raise RuleSetError([located.problem(("extends",), f"overlays extend each other in a circle: {cycle}")])
    token = _resolving.set((*stack, me))
    try:
        return load_parent(found.path)
    finally:
        _resolving.reset(token)


def _document(source: Any) -> str | None:
    if not isinstance(source, dict) or not source.get("title"):
        return None
    return f"{source['number']}《{source['title']}》" if source.get("number") else f"《{source['title']}》"


def _fill_documents(node: Any, document: str) -> None:
    """Citations the overlay writes without a document are from the overlay's source."""
    if isinstance(node, dict):
        if "section" in node and "quote" in node and not node.get("document"):
            node["document"] = document
        for v in node.values():
            _fill_documents(v, document)
    elif isinstance(node, list):
        for v in node:
            _fill_documents(v, document)


def _resolve(located: Located, overlay: Overlay, parent: LoadedRuleSet, sha: str, origin: str) -> LoadedRuleSet:
    raw_changes = located.data["changes"]
    document = _document(located.data.get("source"))
    if document:
        _fill_documents(raw_changes, document)
        _fill_documents(located.data.get("unchecked") or [], document)
    data = parent.model.model_dump(mode="json", by_alias=True)
    data.update(id=overlay.id, version=overlay.version, title=overlay.title)
    cited = cited_clauses(data)
    # a parent clause no rule cites was accounted for by the parent's own overlay changes
    accounted = {c.id for c in parent.model.clauses if c.normative} - cited
    done: list[tuple[int, Applied]] = []
    problems = []
    for i, change in enumerate(overlay.changes):
        try:
            done.append((i, apply(data, change, i, raw_changes[i]["cite"])))
        except TargetError as exc:
            problems.append(located.problem(("changes", i, exc.field), exc.message))
            continue
        now = cited_clauses(data)
        accounted |= cited - now  # cited only by what this change dropped or rewrote
        cited = now
    problems += _own_inventory(data, located, parent.model.id)
    if problems:
        raise RuleSetError(problems)
    accounted |= cited_clauses([{"cite": change.get("cite")} for change in raw_changes])
    added = Applied("clauses", "", placed=_append_own(data, located))
    marks, key_marks = _marks(data, located, [*done, (-1, added)])
    merged = _Merged(file=located.file, data=data, marks=marks, key_marks=key_marks, parent=parent.model.id)
    loaded = check_located(merged, sha, origin, accounted=frozenset(accounted))
    return dataclasses.replace(loaded, provenance=_provenance(overlay, parent, located, raw_changes, done, origin))


def _own_inventory(data: dict[str, Any], located: Located, parent: str) -> list[Problem]:
    """The overlay's clause and unchecked ids must not be its parent's: they are passages of another document."""
    problems = []
    for section in ("clauses", "unchecked"):
        taken = {item.get("id") for item in data.get(section) or [] if isinstance(item, dict)}
        for i, item in enumerate(located.data.get(section) or []):
            if isinstance(item, dict) and item.get("id") in taken:
                problems.append(
                    located.problem(
                        (section, i, "id"),
                        f"'{item['id']}' is already an id in the {section} of '{parent}';"
                        " the overlay's own inventory needs ids of its own",
                    )
                )
    return problems


def _append_own(data: dict[str, Any], located: Located) -> list[tuple[Any, str | int, RawPath]]:
    """Append the overlay's own clauses and unchecked entries to the resolved data, placed at their lines."""
    placed: list[tuple[Any, str | int, RawPath]] = []
    for section in ("unchecked", "clauses"):
        into = data.setdefault(section, [])
        for i, item in enumerate(located.data.get(section) or []):
            into.append(item)
            placed.append((into, len(into) - 1, (section, i)))
    return placed


def _marks(data: dict[str, Any], located: Located, done: list[tuple[int, Applied]]) -> tuple[Marks, Marks]:
    """Positions for the merged data: what the overlay wrote keeps its own; the root is ``extends``."""
    objects: dict[int, RawPath] = {}
    slots: dict[tuple[int, Any], RawPath] = {}
    for _, applied in done:
        for container, slot, raw in applied.placed:
            slots[(id(container), slot)] = raw
            try:
                value = container[slot]
            except (IndexError, KeyError):
                continue
            if isinstance(value, (dict, list)):
                objects[id(value)] = raw
    marks: Marks = {(): located.where(("extends",))}
    key_marks: Marks = {}

    def copy(mpath: RawPath, rpath: RawPath) -> None:
        n = len(rpath)
        for src, dst in ((located.marks, marks), (located.key_marks, key_marks)):
            for p, m in src.items():
                if p[:n] == rpath:
                    dst[mpath + p[n:]] = m

    def walk(node: Any, mpath: RawPath) -> None:
        if mpath and id(node) in objects:
            copy(mpath, objects[id(node)])
            return
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for k, v in items:
            raw = slots.get((id(node), k))
            if raw is not None:
                copy(mpath + (k,), raw)
            else:
                walk(v, mpath + (k,))

    walk(data, ())
    for top in ("id", "version", "title"):
        copy((top,), (top,))
    return marks, key_marks


def _provenance(
    overlay: Overlay,
    parent: LoadedRuleSet,
    located: Located,
    raw_changes: list[dict[str, Any]],
    done: list[tuple[int, Applied]],
    origin: str,
) -> Provenance:
    before: Provenance = parent.provenance or Provenance(
        lineage=(parent.model.id,), files={parent.model.id: parent.origin}
    )
    written = dict(before.written_by)
    records = list(before.changes)
    for i, applied in done:
        change = overlay.changes[i]
        gone = applied.dropped or (applied.rule if applied.written and applied.written != applied.rule else None)
        if gone:
            written = {k: v for k, v in written.items() if k != gone and not k.startswith(gone + ".")}
        if applied.written:
            written[applied.written] = overlay.id
        line, col = located.where(("changes", i))
        records.append(
            ChangeRecord(
                ruleset=overlay.id,
                verb=change.verb,
                target=change.target,
                rule=applied.written or applied.rule,
                summary=applied.summary,
                reason=change.reason,
                cite=Citation.model_validate(raw_changes[i]["cite"]),
                where=f"{origin}:{line}:{col}",
            )
        )
    notes = {**before.notes, **({overlay.id: overlay.note} if overlay.note else {})}
    return Provenance(
        lineage=(*before.lineage, overlay.id),
        written_by=written,
        changes=tuple(records),
        files={**before.files, overlay.id: origin},
        notes=notes,
    )


def _named(data: Any, path: RawPath) -> str:
    """A path with list indices shown as the ids of the items they point at."""
    out, node = [], data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            out.append(str(part))
            continue
        out.append(str(node["id"]) if isinstance(part, int) and isinstance(node, dict) and "id" in node else str(part))
    return ".".join(out)
