"""What a case view works out from attribute values alone, remembered per rule set.

Cases under one rule set share a handful of unit and subject profiles (a 县委常委班子
that is not a liaison point, a 副县长 on the standing committee, …). Which tasks, gates,
talk rules and chains bind a unit, and which roles a subject fills, which materials it
writes and the path each takes, depend only on those attribute values; they are worked
out once per profile and shared by every case that has it. A subject's id is part of its
profile only when a predicate of the rule set tests ``id``; then nothing is shared, so
that memory never grows with the number of cases.

A whole team is worked out the same way (``TeamTemplate``): which of its members, by their
place in the list, fill each role, which materials each writes and its path, and which of
them each talk selector picks. Cases whose teams are made up alike (the same unit profile,
the same positions and attributes in the same order) share one template and only fill in
their members' ids.

The tables are the rule set's own: ``compiled(loaded)`` is ``loaded.compiled(CompiledRuleSet)``,
built once per loaded rule set and kept with it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from lifemeeting.dates.periods import YEARS_AROUND
from lifemeeting.engine.chains import Path, Step, compile_path, filing_chain, steps_for
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import Chain, Gate, Material, TalkRule, Task

MAX_PROFILES = 4096  # per rule set; beyond this the tables start afresh
MAX_TEAMS = 512  # team templates per rule set (each holds a team's slots): beyond this they start afresh

Key = tuple[Any, ...]


class UnitRules(NamedTuple):
    """The rules that bind one tier and set of unit attributes."""

    tasks: tuple[Task, ...]
    duties: tuple[Task, ...]
    gates: tuple[Gate, ...]
    talk_rules: tuple[TalkRule, ...]
    chains: Mapping[str, Chain]
    materials: tuple[tuple[Material, Chain], ...]  # written in this tier, each with its chain
    task_by_id: dict[str, Task]  # the tasks and duties by id (shared by the views: read, never changed)
    duty_ids: frozenset[str]


class SubjectRules:
    """What one subject profile is under the rules: roles it fills, materials it writes and their paths."""

    __slots__ = ("fills", "writes", "_subject", "_unit", "_seen")

    def __init__(
        self, compiled: CompiledRuleSet, rules: UnitRules, subject: Mapping[str, Any], unit: Mapping[str, Any]
    ) -> None:
        self._subject, self._unit = dict(subject), dict(unit)
        self._seen: dict[str, bool | None] = {}
        self.fills = frozenset(rid for rid, pred in compiled.filled_roles if _predicate.matches(pred, subject, unit))
        team = subject.get("kind") == "team"
        self.writes: dict[str, Path] = {
            material.id: compiled.path(chain, steps_for(chain, subject, unit))
            for material, chain in rules.materials
            if (
                material.team
                if team
                else material.members is not None and _predicate.matches(material.members, subject, unit)
            )
        }

    def matches(self, pred: Mapping[str, Any], key: str) -> bool | None:
        """``_predicate.matches`` for this profile, remembered by the predicate's ``key``.

        None for a predicate that tests ``id``: a shared profile does not know whose it is.
        """
        try:
            return self._seen[key]
        except KeyError:
            if len(self._seen) >= MAX_PROFILES:  # predicates made on the fly, not the rule set's own
                self._seen.clear()
            answer = None if _mentions_id(pred) else _predicate.matches(pred, self._subject, self._unit)
            self._seen[key] = answer
            return answer


class TeamTemplate:
    """A team's make-up under the rules, its members named by their place in the case's list.

    ``profiles[i]`` is member ``i``'s profile; ``fills`` gives, for each role members fill,
    the places of those who fill it; ``slots`` every material the team writes, in the
    order a case view lists them, with the writer's place (-1 for the team itself) and its
    path (``slot_rows`` the same with each material's id, ``slot_groups`` the writers' places
    by material); ``sole`` and ``shared`` the roles one member fills, with that member's place,
    and those several fill; ``selected`` the places a talk selector picks, by the predicate's key, as they are
    asked (only those that do not test ids); ``pairs`` the codes of the pairs a talk rule
    requires (``engine.talks``), by the rule's id, for rules whose pairs follow from the
    team's make-up alone (``CaseView._required``).
    """

    __slots__ = (
        "profiles",
        "team",
        "fills",
        "sole",
        "shared",
        "slots",
        "slot_rows",
        "slot_groups",
        "selected",
        "pairs",
    )

    def __init__(self, rules: UnitRules, profiles: Sequence[SubjectRules], team: SubjectRules, roles: Sequence[str]):
        self.profiles = tuple(profiles)
        self.team = team
        self.fills = tuple((rid, tuple(i for i, p in enumerate(profiles) if rid in p.fills)) for rid in roles)
        self.sole = tuple((rid, places[0]) for rid, places in self.fills if len(places) == 1)  # filled by one member
        self.shared = tuple(rid for rid, places in self.fills if len(places) > 1)  # by several
        slots: list[tuple[Material, int, Path]] = []
        for material, _chain in rules.materials:
            if material.team:
                slots.append((material, -1, team.writes[material.id]))
            if material.members is not None:
                slots += [
                    (material, i, p.writes[material.id]) for i, p in enumerate(profiles) if material.id in p.writes
                ]
        self.slots = tuple(slots)
        self.slot_rows = tuple((material, material.id, place, path) for material, place, path in slots)
        groups: dict[str, list[int]] = {}
        for material, place, _path in slots:
            groups.setdefault(material.id, []).append(place)
        self.slot_groups = tuple((mid, tuple(places)) for mid, places in groups.items())  # material id → writers
        self.selected: dict[str, tuple[int, ...]] = {}
        self.pairs: dict[str, tuple[int, ...]] = {}


class CompiledRuleSet:
    """Lookup tables of one rule set, its review paths, and its unit and subject profiles as cases meet them."""

    def __init__(self, loaded: LoadedRuleSet) -> None:
        rs = loaded.model
        self.loaded = loaded
        self.positions = {p.id: p for p in rs.positions}
        self.roles = {r.id: r for r in rs.roles}
        self.attributes = {a.id: a for a in rs.attributes}
        self.unit_attributes = {a.id: a for a in rs.unit_attributes}
        self.tier_ids = frozenset(t.id for t in rs.tiers)
        self.material_ids = frozenset(m.id for m in rs.materials)
        self.parameter_specs = rs.parameter_specs()  # every parameter by id, typed
        meeting = rs.meeting
        self.warns_outside_window = (meeting.window is not None or bool(meeting.window_by_tier)) and not any(
            g.kind == "meeting_window" for g in rs.gates
        )
        self.soft = any(g.severity == "warning" for g in rs.gates)  # a gate that only warns (readiness.soft_gates)
        self.rates = any(a.kind == "rating" for a in rs.appraisals)
        steps = {s for a in rs.appraisals for s in a.steps}  # duties whose 'done' engine.ratings takes
        self.rating_tasks = frozenset(steps | {d.id for d in rs.duties if d.per_rating is not None})
        self.filled_roles = tuple((r.id, r.filled_by) for r in rs.roles if r.filled_by is not None)
        self.unfilled_order = tuple(r.id for r in rs.roles if r.filled_by is None)  # bodies, parties in their own right
        self.unfilled_roles = frozenset(self.unfilled_order)
        self.uses_id = any(_mentions_id(p) for p in _predicate.predicates_in(rs))
        consequences = {a.below for a in rs.appraisals} | {o.consequence for o in rs.orders}
        if any(lim.action == "redo" for a in rs.appraisals for lim in a.limits):
            consequences.add("redo")  # a rating whose result breaks a limit is done again
        self.redo = "redo" in consequences or "restart" in consequences  # which stages a case can reach
        self.reconvene = "reconvene" in consequences or "restart" in consequences
        self.by_make_up = {t.id: _by_make_up(t, self.roles) for t in rs.talks}  # see CaseView._required
        named = {s["role"] for t in rs.talks for s in (t.each, t.with_) if isinstance(s, Mapping) and "role" in s}
        self.unknown_role_parties = len(named - self.roles.keys())  # talk parties a case's view may add (_where)
        self.earliest = dt.date(rs.year - YEARS_AROUND, 1, 1)  # events are dated from …
        self.latest = dt.date(rs.year + YEARS_AROUND, 12, 31)  # … to
        self.after_meeting = frozenset(m.id for m in rs.materials if m.after_meeting)  # events on these are duties
        self.filing = {m.id: filing_chain(m) for m in rs.materials}  # the chain of a material nobody reviews
        selectors = [s.get("members") for t in rs.talks for s in (t.each, t.with_) if isinstance(s, Mapping)]
        self._keys = {id(p): _key(p) for p in selectors if p is not None}  # of predicates ``rs`` holds
        self._paths: dict[tuple[str, bool, tuple[tuple[int, bool], ...]], Path] = {}
        self._units: dict[Key, UnitRules] = {}
        self._subjects: dict[tuple[Key, Any], SubjectRules] = {}
        self._teams: dict[tuple[Key, Any, tuple[Any, ...]], TeamTemplate] = {}
        self.cited: dict[str, Any] = {}  # gate id → its citation as answers give it (frozen, so shared)
        self.receipt: Any = None  # the receipt every answer under this rule set carries, once made
        self.valid_members: set[Any] = set()  # member shapes (position, attributes) that passed a case view's checks

    def predicate_key(self, pred: Any) -> str:
        """A key equal for equal predicates (rules often repeat one, e.g. 班子成员 ``{not: {outside_team: true}}``).

        Worked out once for the rule set's own talk selectors; for any other predicate, when asked.
        """
        key = self._keys.get(id(pred))
        return key if key is not None else _key(pred)

    def path(self, chain: Chain, steps: tuple[Step, ...]) -> Path:
        """The compiled path through ``steps`` of ``chain``: one per distinct path of the rule set."""
        key = (chain.id, chain is self.filing.get(chain.material), tuple((s.number, s.pre_sign) for s in steps))
        hit = self._paths.get(key)
        if hit is None:
            hit = self._paths[key] = compile_path(chain, steps)
        return hit

    def unit_rules(self, tier: str | None, unit: Mapping[str, Any]) -> tuple[Key, UnitRules]:
        """The rules that bind ``unit`` in ``tier``, and the key that names this unit profile."""
        key = (tier, *sorted(unit.items()))
        hit = self._units.get(key)
        if hit is None:
            if len(self._units) >= MAX_PROFILES:
                self._units.clear()
            hit = self._units[key] = _unit_rules(self, tier, unit)
        return key, hit

    def subject_rules(
        self, unit_key: Key, rules: UnitRules, shape: Any, subject: Mapping[str, Any], unit: Mapping[str, Any]
    ) -> SubjectRules:
        """The profile of ``subject``; ``shape`` (hashable) must settle every attribute of the subject but its id."""
        if self.uses_id:
            return SubjectRules(self, rules, subject, unit)
        key = (unit_key, shape)
        hit = self._subjects.get(key)
        if hit is None:
            if len(self._subjects) >= MAX_PROFILES:
                self._subjects.clear()
            hit = self._subjects[key] = SubjectRules(self, rules, subject, unit)
        return hit

    def team(
        self,
        unit_key: Key,
        rules: UnitRules,
        team_shape: Any,
        shapes: tuple[Any, ...],
        subjects: Callable[[int], Mapping[str, Any]],
        unit: Mapping[str, Any],
    ) -> TeamTemplate:
        """The template of a team: ``shapes[i]`` settles member ``i`` but for its id, ``subjects(i)`` its attributes
        (``-1``: the team's own), asked only when the template is made."""
        key = (unit_key, team_shape, shapes)
        hit = self._teams.get(key) if not self.uses_id else None
        if hit is None:
            profiles = [
                self.subject_rules(unit_key, rules, ("member", *shape), subjects(i), unit)
                for i, shape in enumerate(shapes)
            ]
            team = self.subject_rules(unit_key, rules, team_shape, subjects(-1), unit)
            hit = TeamTemplate(rules, profiles, team, [rid for rid, _ in self.filled_roles])
            if not self.uses_id:  # a profile that knows whose it is must not be shared
                if len(self._teams) >= MAX_TEAMS:
                    self._teams.clear()
                self._teams[key] = hit
        return hit


def compiled(loaded: LoadedRuleSet) -> CompiledRuleSet:
    """The compiled tables of ``loaded``, built on first use and kept with it."""
    return loaded.compiled(CompiledRuleSet)


def _key(pred: Any) -> str:
    return json.dumps(pred, sort_keys=True, ensure_ascii=False, default=repr)


def _applies(
    tiers: list[str] | None, applies_to: dict[str, Any] | None, tier: str | None, unit: Mapping[str, Any]
) -> bool:
    if tiers is not None and tier not in tiers:
        return False
    return applies_to is None or _predicate.matches(applies_to, unit, unit)


def _unit_rules(compiled: CompiledRuleSet, tier: str | None, unit: Mapping[str, Any]) -> UnitRules:
    rs = compiled.loaded.model
    chains = {c.material: c for c in rs.chains if c.tiers is None or tier in c.tiers}
    tasks = tuple(t for t in rs.tasks if _applies(t.tiers, t.applies_to, tier, unit))
    duties = tuple(t for t in rs.duties if _applies(t.tiers, t.applies_to, tier, unit))
    return UnitRules(
        tasks=tasks,
        duties=duties,
        gates=tuple(g for g in rs.gates if _applies(g.tiers, g.applies_to, tier, unit)),
        talk_rules=tuple(t for t in rs.talks if _applies(t.tiers, t.applies_to, tier, unit)),
        chains=chains,
        materials=tuple(
            (m, chains.get(m.id) or compiled.filing[m.id])
            for m in rs.materials
            if _applies(m.tiers, m.applies_to, tier, unit)
        ),
        task_by_id={t.id: t for t in [*tasks, *duties]},
        duty_ids=frozenset(d.id for d in duties),
    )


def _by_make_up(rule: TalkRule, roles: Mapping[str, Any]) -> bool:
    """``rule``'s pairs follow from the team's make-up alone: no lists, no overseen departments, known roles."""
    if rule.with_ == "overseen_heads":
        return False
    for sel in (rule.each, rule.with_):
        if isinstance(sel, dict) and ("list" in sel or ("role" in sel and sel["role"] not in roles)):
            return False
    return True


def _mentions_id(pred: Any) -> bool:
    if isinstance(pred, Mapping):
        return any(k == "id" or _mentions_id(v) for k, v in pred.items())
    if isinstance(pred, list):
        return any(_mentions_id(p) for p in pred)
    return False
