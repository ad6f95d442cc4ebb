"""Load-time checks of a rule set's data: the format (pydantic), references between its parts, chains, clauses.

Every problem is a ``Problem`` at the FILE:LINE:COL of the value it is about.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from lifemeeting.dates import periods as _dates
from lifemeeting.errors import Problem, RuleSetError
from lifemeeting.ruleset import check_chains, check_clauses
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import FACTS, Appraisal, DateSpec, Gate, ParameterRef, RuleSet
from lifemeeting.source.problems import problems_from
from lifemeeting.source.yaml import Located, Path, load_mapping
from lifemeeting.suggest import did_you_mean


def check_bytes(data: bytes, origin: str) -> LoadedRuleSet:
    """Read and check a rule-set file's bytes (a plain rule set; overlays go through ``overlay``)."""
    sha = hashlib.sha256(data).hexdigest()
    located = load_mapping(data, origin, expected="id, version, title, source, …", error=RuleSetError)
    return check_located(located, sha, origin)


def check_located(located: Located, sha: str, origin: str, *, accounted: frozenset[str] = frozenset()) -> LoadedRuleSet:
    """Validate parsed rule-set data and cross-check its references (also used for resolved overlays).

    ``accounted``: clauses accounted for elsewhere than by a ``cite`` in the data: for a resolved
    overlay, those cited by the rules its changes dropped or rewrote and those its changes cite
    (see ``check_clauses``).
    """
    try:
        model = RuleSet.model_validate(located.data)
    except ValidationError as exc:
        raise RuleSetError(problems_from(exc, located, RuleSet)) from None
    problems = list(cross_check(model, located, accounted=accounted)) or list(
        check_chains.unreachable_links(model, located)
    )
    if problems:
        raise RuleSetError(problems)
    return LoadedRuleSet(model=model, sha256=sha, origin=origin)


def cross_check(rs: RuleSet, located: Located, *, accounted: frozenset[str] = frozenset()) -> Iterator[Problem]:
    """References between parts of a rule set: every id named must exist, every date must read."""
    raw = located.data

    def ref(path: Path, value: str, known: set[str], what: str) -> Iterator[Problem]:
        if value not in known:
            yield located.problem(path, f"unknown {what} '{value}'{did_you_mean(value, set(known))}")

    tiers = {t.id for t in rs.tiers}
    roles = {r.id for r in rs.roles}
    materials = {m.id for m in rs.materials}
    tasks = {t.id for t in rs.tasks} | {d.id for d in rs.duties}
    talks = {t.id for t in rs.talks}
    names = {
        "attribute": {a.id for a in rs.attributes},
        "unit_attribute": {a.id for a in rs.unit_attributes},
        "position": {p.id for p in rs.positions},
    }
    values = {a.id: a.values for a in rs.attributes} | {f"unit.{a.id}": a.values for a in rs.unit_attributes}

    for section in (
        "tiers",
        "attributes",
        "unit_attributes",
        "positions",
        "roles",
        "materials",
        "chains",
        "talks",
        "tasks",
        "gates",
        "duties",
        "appraisals",
        "orders",
        "unchecked",
        "clauses",
    ):
        seen: dict[str, int] = {}
        for i, item in enumerate(raw.get(section) or []):
            ident = item.get("id") if isinstance(item, dict) else None
            if ident in seen:
                yield located.problem(
                    (section, i, "id"), f"duplicate {section[:-1]} id '{ident}' (first is item {seen[ident] + 1})"
                )
            elif ident is not None:
                seen[ident] = i

    def pred(path: Path, p: Any) -> Iterator[Problem]:
        for where, message, bad, candidates in _predicate.check(p, path, names, values):
            hint = did_you_mean(bad, candidates) if bad else ""
            yield located.problem(where, message + hint, key=True)

    def when(path: Path, p: Any) -> Iterator[Problem]:
        """A condition on what happened: the engine's facts (FACTS) and unit attributes."""
        facts = {**names, "attribute": set(FACTS), "position": set()}
        for where, message, bad, candidates in _predicate.check(p, path, facts):
            hint = did_you_mean(bad, candidates) if bad else ""
            yield located.problem(where, message.replace("attribute", "fact", 1) + hint, key=True)

    def tier_list(path: Path, values: list[str] | None) -> Iterator[Problem]:
        for i, t in enumerate(values or []):
            yield from ref(path + (i,), t, tiers, "tier")

    def dates(path: Path, due: DateSpec | None, by_tier: dict[str, DateSpec] | None) -> Iterator[Problem]:
        specs: list[tuple[Path, DateSpec]] = [(path + ("due",), due)] if due is not None else []
        for t, spec in (by_tier or {}).items():
            yield from ref(path + ("due_by_tier", t), t, tiers, "tier")
            specs.append((path + ("due_by_tier", t), spec))
        for where, spec in specs:
            try:
                _dates.check_spec(spec, rs.year)
            except ValueError as exc:
                yield located.problem(where, f"bad date: {exc}")
            else:
                if isinstance(spec, dict) and "parameter" in spec:
                    yield from ref(
                        where + ("parameter",),
                        spec["parameter"],
                        set(params),
                        "parameter (declare it under parameters)",
                    )
                    if spec["parameter"] in params and params[spec["parameter"]].type != "date":
                        yield located.problem(where + ("parameter",), f"'{spec['parameter']}' is not a date parameter")
                for key, value in spec.items() if isinstance(spec, dict) else ():
                    if isinstance(value, dict):
                        yield from number_ref(where + (key, "parameter"), value["parameter"], days=True)

    def order(path: Path, own: str, after: list[str] | None) -> Iterator[Problem]:
        """``after``: tasks, duties or materials of this rule set, other than the rule itself."""
        for j, other in enumerate(after or []):
            if other == own:
                yield located.problem(path + ("after", j), f"'{own}' cannot come after itself")
            else:
                yield from ref(path + ("after", j), other, tasks | materials, "task, duty or material")

    params = rs.parameter_specs()

    def number_ref(path: Path, name: str, *, days: bool) -> Iterator[Problem]:
        """A number that names a parameter: it must be declared, and hold a day count (or any number)."""
        if name not in params:
            hint = did_you_mean(name, set(params)) or " (declare it under parameters)"
            yield located.problem(path, f"unknown parameter '{name}'{hint}")
        elif params[name].type == "date" or (days and params[name].type != "days"):
            wanted = "a day-count (type: days)" if days else "a number (type: days or number)"
            yield located.problem(path, f"'{name}' is a {params[name].type} parameter; {wanted} parameter is needed")

    for i, attr in enumerate(rs.attributes):
        if attr.required:
            yield located.problem(("attributes", i, "required"), "only a unit attribute can be required of a case")
    for i, attr in enumerate(rs.unit_attributes):
        if isinstance(attr.required, list):
            yield from tier_list(("unit_attributes", i, "required"), attr.required)
    for i, p in enumerate(rs.positions):
        yield from tier_list(("positions", i, "tiers"), p.tiers)
        for key in p.attributes:
            yield from ref(("positions", i, "attributes", key), key, names["attribute"], "attribute")
        for key in p.unit_attributes:
            yield from ref(("positions", i, "unit_attributes", key), key, names["unit_attribute"], "unit attribute")
        if p.unit_attributes and p.subject != "team":
            yield located.problem(("positions", i, "unit_attributes"), "unit_attributes belong to a team position")
    for i, r in enumerate(rs.roles):
        if r.filled_by is not None:
            yield from pred(("roles", i, "filled_by"), r.filled_by)
    for i, m in enumerate(rs.materials):
        if m.members is not None:
            yield from pred(("materials", i, "members"), m.members)
        if m.drafted_by is not None:
            yield from ref(("materials", i, "drafted_by"), m.drafted_by, roles, "role")
        yield from tier_list(("materials", i, "tiers"), m.tiers)
        if m.applies_to is not None:
            yield from pred(("materials", i, "applies_to"), m.applies_to)
        yield from dates(("materials", i), m.due, m.due_by_tier)
        yield from order(("materials", i), m.id, m.after)
    for i, c in enumerate(rs.chains):
        here = ("chains", i)
        yield from ref(here + ("material",), c.material, materials, "material")
        yield from tier_list(here + ("tiers",), c.tiers)
        link_ids: set[str] = set()
        for j, link in enumerate(c.links):
            lh = here + ("links", j)
            if link.id in link_ids:
                yield located.problem(lh + ("id",), f"duplicate link id '{link.id}' in chain '{c.id}'")
            link_ids.add(link.id)
            for k, reviewer in enumerate(link.reviewers):
                yield from ref(lh + ("reviewers", k), reviewer, roles, "role")
            yield from pred(lh + ("applies_to",), link.applies_to)
            if link.pre_sign:
                yield from ref(lh + ("pre_sign", "reviewer"), link.pre_sign.reviewer, roles, "role")
                yield from pred(lh + ("pre_sign", "applies_to"), link.pre_sign.applies_to)
            yield from dates(lh, link.due, link.due_by_tier)
    for i, c in enumerate(rs.chains):  # two chains may not claim one material in one tier
        for j in range(i):
            other = rs.chains[j]
            if other.material == c.material and _overlap(other.tiers, c.tiers):
                yield located.problem(
                    ("chains", i, "material"),
                    f"chain '{c.id}' and chain '{other.id}' both review '{c.material}' in the same tier;"
                    " give each its own tiers",
                )
    for i, t in enumerate(rs.talks):
        if t.applies_to is not None:
            yield from pred(("talks", i, "applies_to"), t.applies_to)
        here = ("talks", i)
        yield from tier_list(here + ("tiers",), t.tiers)
        yield from _selector(here + ("each",), t.each, roles, pred, located)
        if isinstance(t.with_, dict):
            yield from _selector(here + ("with",), t.with_, roles, pred, located)
        yield from dates(here, t.due, t.due_by_tier)
    for section, items in (("tasks", rs.tasks), ("duties", rs.duties)):
        for i, task in enumerate(items):
            yield from tier_list((section, i, "tiers"), task.tiers)
            if task.applies_to is not None:
                yield from pred((section, i, "applies_to"), task.applies_to)
            if task.owner and task.owner.isascii() and task.owner.replace("_", "").isalnum():
                yield from ref((section, i, "owner"), task.owner, roles, "role")
            yield from dates((section, i), task.due, task.due_by_tier)
            yield from order((section, i), task.id, task.after)
    yield from _circles(rs, located)
    needs = {
        "tasks_done": "tasks",
        "talks_covered": None,
        "materials_passed": "material",
        "lead_time": "material",
        "min_length": "days",
        "max_length": "days",
        "meeting_window": None,
        "quorum": "share",
        "attendance": "roles",
        "resubmitted_in_time": None,
    }
    if not rs.gates and rs.blocks_nothing is None:
        yield located.problem(
            ("gates",) if "gates" in raw else (),
            "the rule set has no gates, so nothing could block a meeting under it (is the file cut short?);"
            " add its gates, or say why with blocks_nothing: REASON",
            key="gates" in raw,
        )
    for i, g in enumerate(rs.gates):
        here = ("gates", i)
        field = needs[g.kind]
        if field and getattr(g, field) is None:
            yield located.problem(here + ("kind",), f"a '{g.kind}' gate needs '{field}'")
        if g.kind == "meeting_window" and rs.meeting.window is None and not rs.meeting.window_by_tier:
            yield located.problem(
                here + ("kind",), "a 'meeting_window' gate needs meeting.window or meeting.window_by_tier"
            )
        if g.kind == "lead_time" and g.days is None:
            yield located.problem(here + ("kind",), "a 'lead_time' gate needs 'days'")
        if g.working_days and g.kind != "lead_time":
            yield located.problem(
                here + ("working_days",), f"working_days counts a lead time; a '{g.kind}' gate has none"
            )
        if isinstance(g.days, ParameterRef):
            yield from number_ref(here + ("days", "parameter"), g.days.parameter, days=g.kind == "lead_time")
        elif g.days is not None and g.days != int(g.days) and (g.kind == "lead_time" or g.working_days):
            what = "a lead time" if g.kind == "lead_time" else "working days"
            yield located.problem(here + ("days",), f"{what} is a whole number of days, not {g.days:g}")
        for j, task_id in enumerate(g.tasks or []):
            yield from ref(here + ("tasks", j), task_id, tasks, "task")
        for j, talk_id in enumerate(g.talks or []):
            yield from ref(here + ("talks", j), talk_id, talks, "talk rule")
        if g.material:
            yield from ref(here + ("material",), g.material, materials, "material")
        yield from _attendance_problems(located, here, g, roles)
        for j, approval_id in enumerate(g.waived_by or []):
            yield from ref(here + ("waived_by", j), approval_id, {a.id for a in rs.approvals}, "approval")
        if g.when is not None:
            yield from when(here + ("when",), g.when)
        if g.attendees is not None:
            yield from pred(here + ("attendees",), g.attendees)
        yield from tier_list(here + ("tiers",), g.tiers)
        if g.applies_to is not None:
            yield from pred(here + ("applies_to",), g.applies_to)
    for i, consent in enumerate(rs.approvals):
        yield from ref(("approvals", i, "by"), consent.by, roles, "role")
        if consent.when is not None:
            yield from when(("approvals", i, "when"), consent.when)
    seen_params: set[str] = set()
    for i, declared in enumerate(rs.parameters):
        pid = declared if isinstance(declared, str) else declared.id
        if pid in seen_params:
            yield located.problem(("parameters", i), f"parameter '{pid}' is declared twice")
        seen_params.add(pid)
        if isinstance(declared, str) or declared.default is None:
            continue
        if (problem := declared.problem(declared.default)) is not None:
            yield located.problem(("parameters", i, "default"), problem)
    for i, day in enumerate(rs.workdays):
        if day in rs.holidays:
            yield located.problem(("workdays", i), f"{day} is listed both as a holiday and as a workday")
    if rs.meeting.chair:
        yield from ref(("meeting", "chair"), rs.meeting.chair, roles, "role")
    windows: list[tuple[Path, str | None, DateSpec | None]] = [
        (("meeting", "window"), None, rs.meeting.window),
        *((("meeting", "window_by_tier", t), t, s) for t, s in (rs.meeting.window_by_tier or {}).items()),
    ]
    for path, tier, spec in windows:
        if tier is not None:
            yield from ref(path, tier, tiers, "tier")
        if spec is not None:
            try:
                _dates.check_spec(spec, rs.year)
            except ValueError as exc:
                yield located.problem(path, f"bad date: {exc}")
    for i, a in enumerate(rs.appraisals):
        yield from tier_list(("appraisals", i, "tiers"), a.tiers)
        for j, redo in enumerate(a.redo):
            yield from ref(("appraisals", i, "redo", j), redo, tasks | materials | talks, "task, talk rule or material")
        yield from dates(("appraisals", i), a.due, a.due_by_tier)
        if a.below and a.threshold is None:
            yield located.problem(("appraisals", i, "below"), "'below' needs a 'threshold'")
        known = tasks | materials | talks | {x.id for x in rs.appraisals}
        yield from _rating_problems(located, ("appraisals", i), a, ({d.id for d in rs.duties}, known), ref, pred)
    ratings = {a.id: a for a in rs.appraisals if a.kind == "rating"}
    for i, duty in enumerate(rs.duties):
        if duty.per_rating is not None:
            at: Path = ("duties", i, "per_rating")
            yield from ref(at + ("appraisal",), duty.per_rating.appraisal, set(ratings), "rating appraisal")
            rating = ratings.get(duty.per_rating.appraisal)
            for j, level in enumerate(duty.per_rating.levels if rating else ()):
                yield from ref(at + ("levels", j), level, {lv.id for lv in rating.levels}, "level")  # type: ignore[union-attr]
    for i, task in enumerate(rs.tasks):
        if task.per_rating is not None:
            yield located.problem(
                ("tasks", i, "per_rating"), "'per_rating' makes a post-meeting duty; put it under duties"
            )
    for i, o in enumerate(rs.orders):
        yield from tier_list(("orders", i, "tiers"), o.tiers)
        for j, redo in enumerate(o.redo):
            yield from ref(
                ("orders", i, "redo", j),
                redo,
                tasks | materials | talks | set(ratings) | {a.id for a in rs.appraisals},
                "task, talk rule, material or appraisal",
            )
        if o.due is not None:
            yield from dates(("orders", i), o.due, None)
            if not (isinstance(o.due, dict) and ({"days_after_meeting", "months_after_meeting"} & set(o.due))):
                yield located.problem(
                    ("orders", i, "due"),
                    "an order's due counts from the order: {days_after_meeting: N} or {months_after_meeting: N}",
                )
    yield from check_clauses.clause_problems(rs, located, accounted=accounted)


def _rating_problems(
    located: Located,
    here: Path,
    a: Appraisal,
    ids: tuple[set[str], set[str]],
    ref: Callable[..., Iterator[Problem]],
    pred: Callable[[Path, Any], Iterator[Problem]],
) -> Iterator[Problem]:
    """A rating's steps are duties, each named once; its limits redo what exists; ``rated`` is a predicate."""
    duties, known = ids
    seen: set[str] = set()
    for j, step in enumerate(a.steps):
        yield from ref(here + ("steps", j), step, duties, "duty (a rating's steps are post-meeting duties)")
        if step in seen:
            yield located.problem(here + ("steps", j), f"step '{step}' is listed twice")
        seen.add(step)
    if a.rated is not None:
        yield from pred(here + ("rated",), a.rated)
    for j, limit in enumerate(a.limits):
        if limit.redo and limit.action != "redo":
            yield located.problem(here + ("limits", j, "redo"), "'redo' goes with exceeding: redo")
        for k, item in enumerate(limit.redo):
            yield from ref(here + ("limits", j, "redo", k), item, known, "task, talk rule, material or appraisal")


def _attendance_problems(located: Located, here: Path, g: Gate, roles: set[str]) -> Iterator[Problem]:
    """The keys of quorum and attendance gates: only on those gates, roles that exist."""
    for key, kind in (("share", "quorum"), ("attendees", "quorum"), ("roles", "attendance")):
        if getattr(g, key) is not None and g.kind != kind:
            yield located.problem(here + (key,), f"'{key}' belongs to a '{kind}' gate, not a '{g.kind}' one")
    if not g.inclusive and g.kind != "quorum":
        yield located.problem(here + ("inclusive",), f"'inclusive' belongs to a 'quorum' gate, not a '{g.kind}' one")
    for j, role_id in enumerate(g.roles or []):
        if role_id not in roles:
            yield located.problem(here + ("roles", j), f"unknown role '{role_id}'{did_you_mean(role_id, roles)}")


def _circles(rs: RuleSet, located: Located) -> Iterator[Problem]:
    """``after`` that leads back to where it started: none of the steps on the circle could ever be recorded."""
    where: dict[str, Path] = {}
    graph: dict[str, list[str]] = {}
    items: list[tuple[str, list[Any]]] = [("materials", rs.materials), ("tasks", rs.tasks), ("duties", rs.duties)]
    for section, rules in items:
        for i, rule in enumerate(rules):
            if rule.after:
                where.setdefault(rule.id, (section, i, "after"))
                graph.setdefault(rule.id, []).extend(x for x in rule.after if x != rule.id)  # itself: said above
    seen: dict[str, bool] = {}  # False while on the path being walked, True once all its successors are
    for start in graph:
        if start in seen:
            continue
        path, stack = [start], [iter(graph[start])]
        seen[start] = False
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                seen[path.pop()] = True
                stack.pop()
            elif nxt not in seen:
                seen[nxt] = False
                path.append(nxt)
                stack.append(iter(graph.get(nxt, ())))
            elif not seen[nxt]:  # back on the path: a circle
                circle = path[path.index(nxt) :] + [nxt]
                yield located.problem(where[nxt], f"'after' goes round in a circle: {' → '.join(circle)}")
                seen.update(dict.fromkeys(path, True))
                break


def _overlap(a: list[str] | None, b: list[str] | None) -> bool:
    return a is None or b is None or bool(set(a) & set(b))


def _selector(
    path: Path, sel: dict[str, Any], roles: set[str], pred: Callable[[Path, Any], Iterator[Problem]], located: Located
) -> Iterator[Problem]:
    if len(sel) != 1 or next(iter(sel)) not in ("members", "role", "list"):
        yield located.problem(path, "a talk selector is one of {members: PREDICATE}, {role: ROLE}, {list: NAME}")
        return
    ((key, value),) = sel.items()
    if key == "members":
        yield from pred(path + ("members",), value)
    elif key == "role" and value not in roles:
        yield located.problem(path + ("role",), f"unknown role '{value}'{did_you_mean(str(value), roles)}")
