"""The rule set as it applies to one case: its tier, its unit and its members.

Building a view checks the case against the rule set (tier, positions, attributes) and
works out once what every later question needs: who writes which material, each
material's path through its chain, the talk pairs each rule requires, who fills each role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any

from lifemeeting.case.model import Case
from lifemeeting.dates import periods as _dates
from lifemeeting.dates.workdays import WorkCalendar
from lifemeeting.engine.chains import Path
from lifemeeting.engine.profiles import MAX_PROFILES, compiled
from lifemeeting.engine.talks import BASE, HEAD_PREFIX, SMALL_BASE, Pair, PairCode, pair_codes
from lifemeeting.errors import CaseError, Problem
from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.loaded import LoadedRuleSet
from lifemeeting.ruleset.model import (
    Chain,
    Citation,
    Gate,
    Material,
    ParameterRef,
    RuleSet,
    TalkRule,
    Task,
)
from lifemeeting.source.problems import plain_value
from lifemeeting.source.yaml import Located
from lifemeeting.suggest import did_you_mean

TEAM = "team"
_TEXT_WINDOWS: dict[tuple[str, int], _dates.Window | None] = {}  # (words, year) → window; see CaseView.window


@dataclass(slots=True)
class MaterialSlot:
    """One material the case needs: its kind, who wrote it and the path it must pass.

    Slotted attributes: replay and every answer read ``slot.path`` for each material (a
    named tuple's fields are read through a descriptor CPython does not specialise).
    """

    material: Material
    subject: str  # "team" or a member id
    path: Path


class CaseView:
    """The rules that bind one case, worked out once."""

    def __init__(
        self, loaded: LoadedRuleSet, case: Case, *, located: Located | None = None, origin: str = "<case>"
    ) -> None:
        self.loaded = loaded
        self.rules: RuleSet = loaded.model
        self.case = case
        self.origin = located.file if located else origin
        self._located = located
        tables = self._compiled = compiled(loaded)  # what depends on attribute values alone is shared between cases
        problems = list(self._check())
        if problems:
            raise CaseError(problems)
        rs, tier = self.rules, case.tier
        self.tier = tier
        self.unit: dict[str, Any] = dict(case.unit.attributes)
        team = tables.positions.get(case.unit.position) if case.unit.position else None
        if team is not None:
            self.unit.update(team.unit_attributes)  # e.g. a county standing committee is a party-committee team
        self.members = {m.id: m for m in case.members}
        self.positions = tables.positions
        self.roles = tables.roles
        unit_key, unit_rules = tables.unit_rules(tier, self.unit)
        ids = self._ids = list(self.members)
        self._team = template = tables.team(
            unit_key,
            unit_rules,
            ("team", case.unit.position),
            tuple(self._shapes),
            lambda i: self.subjects[ids[i] if i >= 0 else TEAM],
            self.unit,
        )
        self.role_members: dict[str, list[str]] = {rid: [ids[i] for i in places] for rid, places in template.fills}
        self.tasks: list[Task] = list(unit_rules.tasks)
        self.duties: list[Task] = list(unit_rules.duties)
        self.duty_ids = unit_rules.duty_ids
        self.task_by_id: dict[str, Task] = unit_rules.task_by_id  # shared: read, never changed
        self.gates: list[Gate] = list(unit_rules.gates)
        self.talk_rules: list[TalkRule] = list(unit_rules.talk_rules)
        self.chains: dict[str, Chain] = dict(unit_rules.chains)
        self.material_ids = tables.material_ids
        subjects = [*ids, TEAM]  # by place: -1 is the team's own
        self.slots: dict[tuple[str, str], MaterialSlot] = {
            (mid, subject): MaterialSlot(material, subject, path)
            for material, mid, place, path in template.slot_rows
            for subject in (subjects[place],)
        }
        self.slot_keys: dict[str, list[tuple[str, str]]] = {  # material id → its slots' keys, in slot order
            mid: [(mid, subjects[p]) for p in places] for mid, places in template.slot_groups
        }
        self._talk_places()
        self.year = rs.year
        self.year_warning: str | None = None
        if rs.annual:
            given = case.year or (case.meeting.date.year if case.meeting.date else None)
            if given is None:
                self.year_warning = f"年度未给出（案件的 year 或会议日期），按{rs.year}年计算"
            self.year = given or rs.year
        self.parameter_specs = tables.parameter_specs
        self.parameter_values: dict[str, dt.date | float] = {
            pid: p.default for pid, p in self.parameter_specs.items() if p.default is not None
        }
        self.parameter_values.update(case.parameters)
        self.calendar = WorkCalendar.layered((rs.holidays, rs.workdays), (case.holidays, case.workdays))
        self._selected: dict[str, list[str]] = {}  # member selections by predicate, for _select
        self.required_codes: dict[str, tuple[PairCode, ...]] = self._required()  # by talk rule id

    # -- subjects -------------------------------------------------------------------------
    @cached_property
    def subjects(self) -> dict[str, dict[str, Any]]:
        """Every subject's attributes, as predicates see them: each member's, and the team's (``team``)."""
        subjects = {m.id: self._member_attrs(m) for m in self.case.members}
        subjects[TEAM] = self._team_attrs()
        return subjects

    def _member_attrs(self, m: Any) -> dict[str, Any]:
        attrs: dict[str, Any] = {"kind": "member", "id": m.id, "position": m.position}
        if m.position:
            attrs.update(self.positions[m.position].attributes)
        attrs.update(m.attributes)
        return attrs

    def _team_attrs(self) -> dict[str, Any]:
        pos = self.case.unit.position
        attrs: dict[str, Any] = {"kind": "team", "id": TEAM, "position": pos}
        if pos:
            attrs.update(self.positions[pos].attributes)
        return attrs

    def subject_attributes(self, subject: str) -> dict[str, Any]:
        return self.subjects[subject]

    # -- parties and names ----------------------------------------------------------------
    def _talk_places(self) -> None:
        """Every talk party's place (``engine.talks``), and the place each name a talk may use stands for.

        The parties, in this order: the members, the roles nobody fills (the rule set's
        order), then the heads of the departments members oversee and the names in the
        case's lists, as the case first names them. ``talk_place`` is ``resolve_party`` by place: a party's own
        id, or a role filled by one member, which stands for that member.
        """
        ids = self.party_ids = list(self._ids)
        n = len(ids)
        place = self._place = dict(zip(ids, range(n), strict=True))
        unfilled = self._compiled.unfilled_order  # no id twice
        if place.keys().isdisjoint(unfilled):
            place.update(zip(unfilled, range(n, n + len(unfilled)), strict=True))
            ids += unfilled
        else:  # a member id that is also a role's: the member's place stands
            for p in unfilled:
                if p not in place:
                    place[p] = len(ids)
                    ids.append(p)
        heads = self._heads = [HEAD_PREFIX + d for m in self.case.members for d in m.oversees]  # in member order
        named = dict.fromkeys(chain(heads, chain.from_iterable(self.case.lists.values())))
        if not place.keys().isdisjoint(named):
            named = {p: None for p in named if p not in place}
        place.update(zip(named, range(len(ids), len(ids) + len(named)), strict=True))
        ids += named
        self._known = len(ids)  # the parties; places given later (``_where``) are not
        # places given later are at most the roles the rule set's talk rules name but does not have
        small = len(ids) + self._compiled.unknown_role_parties < SMALL_BASE
        self.pair_base = SMALL_BASE if small else BASE  # see engine.talks
        talk = self.talk_place = dict(place)
        template = self._team
        talk.update(template.sole)  # a role one member fills: that member's place (members come first)
        for rid in template.shared:  # several members fill it: the role names nobody in particular
            talk.pop(rid, None)
        if not self.role_members.keys().isdisjoint(self.members):
            talk.update(zip(ids[:n], range(n), strict=True))  # a member id wins over a role of that name

    @cached_property
    def parties(self) -> set[str]:
        """Every talk party's id: members, roles nobody fills, overseen departments' heads, names in lists."""
        return set(self.party_ids[: self._known])

    @cached_property
    def canonical(self) -> dict[str, str]:
        """Every name a talk may use, with the id of the party it stands for (see ``resolve_party``)."""
        ids = self.party_ids
        return {p: ids[i] for p, i in self.talk_place.items()}

    def resolve_party(self, party: str) -> str | None:
        """A talk party's canonical id: a member id stands for itself, a role filled by one member for that member."""
        return self.canonical.get(party)

    def name(self, party: str) -> str:
        """How a person or body is called in messages: member names, role names, department heads."""
        if party == TEAM:
            return self.rules.team.name
        if party in self.members:
            return self.members[party].name
        if party.startswith(HEAD_PREFIX):
            return f"{party[len(HEAD_PREFIX) :]}主要负责同志"
        if party in self.case.people:
            return self.case.people[party]
        if party in self.role_members:
            ids = self.role_members[party]
            who = "、".join(self.members[i].name for i in ids)
            return f"{self.roles[party].name}（{who}）" if who else self.roles[party].name
        if party in self.roles:
            return self.roles[party].name
        return party

    def role_or_text(self, owner: str | None) -> str | None:
        if owner is None:
            return None
        return self.name(owner) if owner in self.roles else owner

    def subject_label(self, subject: str) -> str:
        return self.rules.team.name if subject == TEAM else self.members[subject].name

    def members_matching(self, predicate: dict[str, Any]) -> list[str]:
        """The ids of the members a predicate holds for, in the case's order."""
        return self._select({"members": predicate})

    # -- talks ----------------------------------------------------------------------------
    def _select(self, sel: dict[str, Any]) -> list[str]:
        ((key, value),) = sel.items()
        if key == "members":
            pred = self._compiled.predicate_key(value)
            found = self._selected.get(pred)
            if found is None:  # rules often select the same members: asked once per case
                ids = self._ids
                found = self._selected[pred] = [ids[i] for i in self._member_places(value, pred)]
            return list(found)
        if key == "role":
            filled = self.role_members.get(value)
            return list(filled) if filled is not None else [value]
        return list(self.case.lists.get(value, []))

    def _member_places(self, value: dict[str, Any], pred: str) -> tuple[int, ...]:
        """The places of the members the predicate ``value`` (its key ``pred``) holds for."""
        places = self._team.selected.get(pred)  # teams made up alike select the same places
        return places if places is not None else self._places(value, pred)

    def _places(self, value: dict[str, Any], pred: str) -> tuple[int, ...]:
        """The places of the members ``value`` holds for; kept with the team's template unless it tests ids."""
        places, shared = [], True
        for i, profile in enumerate(self._team.profiles):
            hit = profile.matches(value, pred)
            if hit is None:  # the predicate tests ids: ask with this member's own attributes
                hit, shared = _predicate.matches(value, self.subjects[self._ids[i]], self.unit), False
            if hit:
                places.append(i)
        if shared:
            selected = self._team.selected
            if len(selected) >= MAX_PROFILES:  # predicates made on the fly (members_matching), not the rule set's
                selected.clear()
            selected[pred] = tuple(places)
        return tuple(places)

    def _where(self, party: str) -> int:
        """The place of ``party``, given one if it has none yet."""
        found = self._place.get(party)
        if found is None:
            found = self._place[party] = len(self.party_ids)
            self.party_ids.append(party)
        return found

    def _required(self) -> dict[str, tuple[PairCode, ...]]:
        """The codes of the pairs each talk rule requires, in the rule's order (``pair_order``).

        A rule that selects members by their profiles and roles requires the same places in
        every team made up alike: its codes are kept with the team's template. Not when the
        rule set tests ids, nor when a member's id is also the id of a role nobody fills
        (the roles' places would then shift).
        """
        compiled, template = self._compiled, self._team
        shared = (
            not compiled.uses_id
            and self.pair_base == SMALL_BASE  # the base the template's codes are in
            and self.members.keys().isdisjoint(compiled.unfilled_roles)
        )
        by_make_up, kept = compiled.by_make_up, template.pairs
        required = {}
        for rule in self.talk_rules:
            if shared and by_make_up[rule.id]:
                codes = kept.get(rule.id)
                if codes is None:
                    codes = kept[rule.id] = self._codes(rule)
            else:
                codes = self._codes(rule)
            required[rule.id] = codes
        return required

    def _codes(self, rule: TalkRule) -> tuple[PairCode, ...]:
        place, n, key, base = self._place, len(self._ids), self._compiled.predicate_key, self.pair_base
        members = self.case.members

        def select(sel: dict[str, Any]) -> Sequence[int]:
            value = sel.get("members")
            if value is not None and len(sel) == 1:  # a member's place is its place in the list
                return self._member_places(value, key(value))
            found = self._select(sel)
            try:
                return [place[p] for p in found]
            except KeyError:  # a party the case does not name (a role the rule set does not have)
                return [self._where(p) for p in found]

        def heads(i: int) -> list[int]:  # the places of the heads of what the party at ``i`` oversees
            return [place[HEAD_PREFIX + d] for d in members[i].oversees] if i < n else []

        if rule.with_ == "overseen_heads":
            left = select(rule.each)
            if all(a < b for a, b in zip(left, left[1:], strict=False)) and (not left or left[-1] < n):
                # members in the case's order (as a members selector gives them): pair_codes in one pass
                wanted = set(left)
                owners = [a for a, m in enumerate(members) for _ in m.oversees]  # of each of self._heads
                return tuple(
                    dict.fromkeys(
                        a * base + b if a < b else b * base + a
                        for a, b in zip(owners, map(place.__getitem__, self._heads), strict=True)
                        if a != b and a in wanted
                    )
                )
        return pair_codes(rule, select=select, heads=heads, base=base)

    def pair(self, code: PairCode) -> tuple[str, str]:
        """The ids of the two parties of the pair ``code``."""
        low, high = divmod(code, self.pair_base)
        return self.party_ids[low], self.party_ids[high]

    @cached_property
    def required(self) -> dict[str, list[Pair]]:
        """The pairs each talk rule requires, by the rule's id, as sets of the two party ids."""
        return {rid: [frozenset(self.pair(c)) for c in codes] for rid, codes in self.required_codes.items()}

    # -- time -----------------------------------------------------------------------------
    def window(
        self, due: Any, due_by_tier: dict[str, Any] | None, *, meeting: dt.date | None = None
    ) -> _dates.Window | None:
        """The window a rule's date means here; relative dates count from ``meeting`` (default: the planned date)."""
        spec = due_by_tier.get(self.tier, due) if due_by_tier and self.tier is not None else due
        if isinstance(spec, str):  # a date in words ('6月中旬') means the same in every case of that year: read it once
            key = (spec, self.year)
            hit = _TEXT_WINDOWS.get(key)
            if hit is None:
                if len(_TEXT_WINDOWS) >= 4096:
                    _TEXT_WINDOWS.clear()
                hit = _TEXT_WINDOWS[key] = _dates.resolve(spec, year=self.year, meeting=None, parameters={})
            return hit
        return _dates.resolve(
            spec,
            year=self.year,
            meeting=meeting or self.case.meeting.date,
            parameters=self.parameter_values,
            add_days=self.calendar.add,
        )

    def number(self, value: float | ParameterRef | None) -> float | None:
        """A number the rule set writes, or the value of the parameter it names (None when neither is given)."""
        if isinstance(value, ParameterRef):
            found = self.parameter_values.get(value.parameter)
            return found if isinstance(found, int | float) else None
        return value

    @property
    def missing_parameters(self) -> list[str]:
        """Parameters neither the case nor a default gives."""
        return [pid for pid in self.parameter_specs if pid not in self.parameter_values]

    def citation(self, cite: Citation) -> dict[str, str]:
        src = self.rules.source
        document = cite.document or (f"{src.number}《{src.title}》" if src.number else f"《{src.title}》")
        return {"document": document, "section": cite.section, "quote": cite.quote}

    # -- checking the case against the rules -----------------------------------------------
    def _problem(self, path: tuple[Any, ...], message: str, *, key: bool = False) -> Problem:
        if self._located is not None:
            return self._located.problem(path, message, key=key)
        return Problem(self.origin, 1, 1, f"{'.'.join(map(str, path))}: {message}")

    def _check(self) -> Iterator[Problem]:
        rs, case = self.rules, self.case
        tables = self._compiled
        tiers = tables.tier_ids
        if tiers and case.tier is None:
            yield self._problem(
                ("ruleset",),
                f"rule set '{rs.id}' has tiers; the case must say which: "
                f"tier: one of {', '.join(t.id for t in rs.tiers)}",
            )
        elif case.tier is not None and case.tier not in tiers:
            yield self._problem(
                ("tier",),
                f"unknown tier '{case.tier}'{did_you_mean(case.tier, set(tiers))}; "
                f"rule set '{rs.id}' has: {', '.join(sorted(tiers)) or 'no tiers'}",
            )
        dated = [(("parameters", k), d) for k, d in case.parameters.items() if isinstance(d, dt.date)]
        meeting_day = case.meeting.date if case.meeting is not None else None
        if meeting_day is not None:
            dated.append((("meeting", "date"), meeting_day))
        # an annual rule set's dates fall in the case's year; another's in the rule set's own
        year = (case.year or (meeting_day.year if meeting_day else None)) if rs.annual else rs.year
        whose = "the case's year" if rs.annual else "the rule set's year"
        for path, day in dated:  # a date far out would overflow the deadlines counted from it
            if year is not None and abs(day.year - year) > _dates.YEARS_AROUND:
                yield self._problem(path, f"{day} is more than {_dates.YEARS_AROUND} years from {whose} {year}")
        positions, unit_attrs = tables.positions, tables.unit_attributes
        valid = tables.valid_members
        members = case.members
        self._shapes = shapes = [(m.position, tuple(m.attributes.items())) for m in members]
        ids = {m.id for m in members}
        if len(ids) < len(members) or TEAM in ids or not valid.issuperset(shapes):  # else nothing to say of them
            yield from self._check_members(shapes, valid)
        if case.unit.position is not None:
            pos = positions.get(case.unit.position)
            if pos is None:
                yield self._problem(
                    ("unit", "position"),
                    f"unknown position '{case.unit.position}'{did_you_mean(case.unit.position, set(positions))}",
                )
            elif pos.subject != "team":
                yield self._problem(
                    ("unit", "position"), f"position '{case.unit.position}' is a member's, not a team's"
                )
            else:
                for key, derived in pos.unit_attributes.items():
                    said = case.unit.attributes.get(key, derived)
                    if said != derived:
                        yield self._problem(
                            ("unit", "attributes", key),
                            f"the unit's position '{pos.id}' ({pos.name}) makes {key} {_said(derived)}; the case says"
                            f" {_said(said)}",
                        )
        yield from self._check_attrs(("unit", "attributes"), case.unit.attributes, unit_attrs)
        yield from self._check_required(case, positions, unit_attrs)
        if case.year is not None and not rs.annual:
            message = f"rule set '{rs.id}' is for {rs.year}, not annual; 'year' is for annual ones"
            yield self._problem(("year",), message)
        specs = tables.parameter_specs
        for name, value in case.parameters.items():
            spec = specs.get(name)
            if spec is None:
                yield self._problem(
                    ("parameters", name),
                    f"unknown parameter '{name}'{did_you_mean(name, set(specs))}",
                    key=True,
                )
            elif (problem := spec.problem(value)) is not None:
                yield self._problem(("parameters", name), problem)
        for i, day in enumerate(case.workdays):
            if day in case.holidays:
                yield self._problem(("workdays", i), f"{day} is listed both as a holiday and as a workday")

    def _check_members(self, shapes: list[Any], valid: set[Any]) -> Iterator[Problem]:
        seen: set[str] = set()
        for i, m in enumerate(self.case.members):
            if m.id in seen:
                yield self._problem(("members", i, "id"), f"duplicate member id '{m.id}'")
            if m.id == TEAM:
                yield self._problem(
                    ("members", i, "id"), "'team' names the team's own material; choose another member id"
                )
            seen.add(m.id)
            if shapes[i] in valid:  # a position and attributes another member had, with nothing wrong
                continue
            problems = list(self._check_member(i, m))
            if not problems:
                if len(valid) >= MAX_PROFILES:
                    valid.clear()
                valid.add(shapes[i])
            yield from problems

    def _check_required(self, case: Case, positions: dict[str, Any], declared: dict[str, Any]) -> Iterator[Problem]:
        """A unit attribute the rule set requires: the case gives it, or its team position derives it."""
        team = positions.get(case.unit.position) if case.unit.position else None
        for a in declared.values():
            if not a.required or (isinstance(a.required, list) and case.tier not in a.required):
                continue
            if a.id in case.unit.attributes or (team is not None and a.id in team.unit_attributes):
                continue
            deriving = [
                p.id
                for p in positions.values()
                if a.id in p.unit_attributes and (p.tiers is None or case.tier is None or case.tier in p.tiers)
            ]
            hint = f"name the team's position ({', '.join(deriving)}) or " if deriving else ""
            where = ("unit", "attributes") if case.unit.attributes else ("unit",)
            yield self._problem(
                where, f"the rule set needs the unit attribute '{a.id}' ({a.name}) settled: {hint}give it"
            )

    def _check_member(self, i: int, m: Any) -> Iterator[Problem]:
        """What is wrong with member ``i``'s position and attributes (nothing about its id)."""
        tables = self._compiled
        positions = tables.positions
        if m.position is not None:
            if m.position not in positions:
                yield self._problem(
                    ("members", i, "position"),
                    f"unknown position '{m.position}'{did_you_mean(m.position, set(positions))}",
                )
            elif positions[m.position].subject != "member":
                yield self._problem(("members", i, "position"), f"position '{m.position}' is a team, not a member")
        yield from self._check_attrs(("members", i, "attributes"), m.attributes, tables.attributes)

    def _check_attrs(self, path: tuple[Any, ...], given: dict[str, Any], declared: dict[str, Any]) -> Iterator[Problem]:
        for key, value in given.items():
            a = declared.get(key)
            if a is None:
                yield self._problem(
                    path + (key,), f"unknown attribute '{key}'{did_you_mean(key, set(declared))}", key=True
                )
            elif a.values is not None and value not in a.values:
                raw = self._located.plain.get(path + (key,)) if self._located is not None else None
                said = f"; {plain_value(raw, value)}" if raw is not None else f", not '{value}'"
                yield self._problem(path + (key,), f"'{key}' is one of {', '.join(a.values)}{said}")
            elif a.values is None and not isinstance(value, bool):
                yield self._problem(path + (key,), f"'{key}' is true or false, not '{value}'")


def meeting_date(view: CaseView, on: dt.date) -> dt.date:
    return view.case.meeting.date or on


def _said(value: object) -> str:
    return {True: "true", False: "false"}.get(value, repr(value)) if isinstance(value, bool) else repr(value)
