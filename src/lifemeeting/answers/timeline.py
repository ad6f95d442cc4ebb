"""A case's timeline: every dated duty, its owner, its window or deadline, and whether it is done.

Items come from the rules that bind the case (tasks, talk rules, materials and each link
of their review chains, lead-time gates, post-meeting duties, appraisals). Dates are
worked out by ``CaseView.window``: absolute dates and period words as the source writes
them, offsets counted from the meeting — the day it was held once it has been, the
planned day before. A gate item must also be complete by the meeting day, so its last
day (``by``) is the earlier of its own deadline and the meeting.

The events are replayed up to ``on`` here, step by step, to learn the day each review
link was passed, which the replayed state itself does not keep.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from lifemeeting.answers.timeline_model import ItemKind, ItemPart, ItemStatus, MeetingPlan, TimelineItem
from lifemeeting.dates import periods as _dates
from lifemeeting.engine import ratings
from lifemeeting.engine.answer_model import CitationOut
from lifemeeting.engine.chains import DRAFTING
from lifemeeting.engine.replay import CaseState, MaterialState
from lifemeeting.engine.view import TEAM, CaseView
from lifemeeting.ruleset.model import Citation

LinkDates = dict[tuple[str, str], dict[str, dt.date]]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_KIND_ORDER = ("task", "talk", "material", "pre_sign", "link", "lead_time", "duty", "appraisal")


def replay_with_dates(view: CaseView, on: dt.date) -> tuple[CaseState, LinkDates]:
    """The state after the events up to ``on``, and for each material the day each link was passed."""
    state = CaseState(view)
    passed: LinkDates = {}
    for i, event in enumerate(view.case.events):
        if event.date > on:
            break
        state.apply(event, i)
        for key, m in state.materials.items():
            seen = passed.setdefault(key, {})
            if len(seen) > len(m.done_links) or any(done not in m.done_links for done in seen):
                seen.clear()  # returned for rewriting, or a new round: the chain starts again
            for done in m.done_links:
                seen.setdefault(done, event.date)
    return state, passed


def meeting_day(state: CaseState) -> dt.date | None:
    """The day relative deadlines count from: the meeting held (or redone), else the planned one."""
    return state.meeting_on or state.view.case.meeting.date


def items(state: CaseState, passed: LinkDates, on: dt.date) -> list[TimelineItem]:
    """Every dated item of the case's current round, in date order."""
    b = _Builder(state, passed, on)
    found = [*b.tasks(), *b.talks(), *b.materials(), *b.links(), *b.lead_times(), *b.duties(), *b.appraisals()]
    return sorted(found, key=lambda i: (i.by or i.end or i.start or dt.date.max, _KIND_ORDER.index(i.kind)))


def meeting_plan(state: CaseState) -> MeetingPlan:
    """The meeting's date (held or planned) held against the window the rules set for it."""
    v = state.view
    m = v.rules.meeting
    spec = m.window_by_tier.get(v.tier, m.window) if m.window_by_tier and v.tier is not None else m.window
    window = v.window(spec, None)
    day = meeting_day(state)
    in_window = None
    if day is not None and window is not None:
        in_window = (window.start is None or day >= window.start) and day <= window.end
    return MeetingPlan(
        name=m.name,
        date=day,
        held=state.round.held_on is not None,
        length_days=v.case.meeting.length_days or m.length_days,
        window_start=window.start if window else None,
        window_end=window.end if window else None,
        basis=basis(v, spec),
        in_window=in_window,
        citation=_cite(v, m.cite),
    )


def status_of(by: dt.date | None, done_on: dt.date | None, on: dt.date) -> tuple[ItemStatus, bool]:
    """(status, late): done (late if after ``by``), overdue once ``on`` is past ``by``, else open."""
    if done_on is not None:
        return "done", by is not None and done_on > by
    return ("overdue" if by is not None and on > by else "open"), False


class _Builder:
    def __init__(self, state: CaseState, passed: LinkDates, on: dt.date) -> None:
        self.state, self.passed, self.on, self.v = state, passed, on, state.view
        self.meeting = meeting_day(state)
        v = self.v
        hard = [g for g in v.gates if g.severity != "warning"]  # a soft gate (一般) makes nothing a precondition
        soft = [g for g in v.gates if g.severity == "warning"]
        self.gated_tasks = {t for g in hard if g.kind == "tasks_done" for t in g.tasks or []}
        self.gated_talks = {t for g in hard if g.kind == "talks_covered" for t in (g.talks or v.required_codes)}
        self.gated_materials = {g.material for g in hard if g.kind == "materials_passed"}
        self.soft_tasks = {t for g in soft if g.kind == "tasks_done" for t in g.tasks or []} - self.gated_tasks
        self.soft_talks = {t for g in soft if g.kind == "talks_covered" for t in (g.talks or v.required_codes)}
        self.soft_talks -= self.gated_talks

    # -- one item ---------------------------------------------------------------------------
    def item(
        self,
        kind: ItemKind,
        rule: Any,
        *,
        owner: str | None,
        before: bool,
        id: str | None = None,
        name: str | None = None,
        spec: Any = None,
        cite: Citation | None = None,
        done_on: dt.date | None = None,
        parts: list[tuple[str, dt.date | None]] | None = None,
        note: str | None = None,
        soft: bool = False,
    ) -> TimelineItem:
        """One item; its date is ``spec`` or the rule's own ``due`` (per tier), counted from the meeting."""
        v = self.v
        if spec is None:
            by_tier = getattr(rule, "due_by_tier", None)
            spec = (by_tier or {}).get(v.tier, rule.due) if by_tier else rule.due
        window = v.window(spec, None, meeting=self.meeting)
        end = window.end if window else None
        by = end
        if (before or soft) and self.meeting is not None:
            by = self.meeting if by is None else min(by, self.meeting)
        shares = []
        for who, day in parts or []:
            status, late = status_of(by, day, self.on)
            shares.append(ItemPart(who=who, status=status, done_on=day, late=late))
        if parts is not None:
            done_on = max((d for _, d in parts if d), default=None) if all(d for _, d in parts) else None
        status, late = status_of(by, done_on, self.on)
        return TimelineItem(
            id=id or f"{kind}:{rule.id}",
            kind=kind,
            rule=rule.id,
            name=name or rule.name,
            owner=owner,
            start=window.start if window else None,
            end=end,
            basis=basis(self.v, spec),
            before_meeting=before,
            soft=soft and not before,
            by=by,
            status=status,
            done_on=done_on,
            late=late or any(p.late for p in shares),
            parts=shares,
            citation=_cite(v, cite or rule.cite),
            note=note,
        )

    # -- per kind of rule -------------------------------------------------------------------
    def tasks(self) -> Iterable[TimelineItem]:
        v = self.v
        for t in v.tasks:
            owner = v.role_or_text(t.owner) or v.rules.team.name
            done_on = self.state.done.get(t.id)
            before, soft = t.id in self.gated_tasks, t.id in self.soft_tasks
            yield self.item("task", t, owner=owner, before=before, soft=soft, done_on=done_on, note=t.note)

    def talks(self) -> Iterable[TimelineItem]:
        v = self.v
        order = {mid: i for i, mid in enumerate(v.members)}
        for rule in v.talk_rules:
            parts = []
            for code in v.required_codes[rule.id]:
                a, b = sorted(v.pair(code), key=lambda p: (order.get(p, len(order)), p))
                parts.append((f"{v.name(a)}—{v.name(b)}", self.state.talks.get(code)))
            if not parts:
                continue  # nobody to talk with under this rule (e.g. no overseen departments)
            role = rule.each.get("role")
            owner = v.name(role) if role else self._people(v._select(rule.each))
            before, soft = rule.id in self.gated_talks, rule.id in self.soft_talks
            yield self.item("talk", rule, owner=owner, before=before, soft=soft, parts=parts)

    def _slots(self, material_id: str) -> list[MaterialState]:
        return [m for (mid, _), m in self.state.materials.items() if mid == material_id]

    def _people(self, ids: list[str]) -> str | None:
        if len(ids) > 1 and set(ids) == set(self.v.members):
            return f"全体{self.v.rules.team.member}"
        return "、".join(dict.fromkeys(self.v.name(p) for p in ids)) or None

    def _author(self, m: MaterialState) -> str:
        drafter = m.slot.material.drafted_by
        if m.slot.subject == TEAM and drafter:
            return self.v.name(drafter)
        return self.v.subject_label(m.slot.subject)

    def _authors(self, slots: list[MaterialState]) -> str:
        team = [self._author(m) for m in slots if m.slot.subject == TEAM]
        members = self._people([m.slot.subject for m in slots if m.slot.subject != TEAM])
        return "、".join(team + ([members] if members else []))

    def materials(self) -> Iterable[TimelineItem]:
        for material in self.v.rules.materials:
            slots = self._slots(material.id)
            gated = material.id in self.gated_materials
            unreviewed = bool(slots) and not slots[0].slot.path.steps
            if not slots or not (material.due or material.due_by_tier or (gated and unreviewed)):
                continue
            label = self.v.subject_label
            parts = [(label(m.slot.subject), None if m.state == DRAFTING else m.submitted_on) for m in slots]
            yield self.item(
                "material",
                material,
                name=f"撰写并提交{material.name}",
                owner=self._authors(slots),
                before=gated and unreviewed,
                parts=parts,
            )

    def links(self) -> Iterable[TimelineItem]:
        v = self.v
        for material_id, chain in v.chains.items():
            slots = self._slots(material_id)
            material = slots[0].slot.material.name if slots else material_id
            for number, link in enumerate(chain.links, start=1):
                circled = CIRCLED[number - 1] if number <= len(CIRCLED) else f"第{number}环节"
                before = material_id in self.gated_materials and link.is_gate
                for pre in (True, False):
                    step = (link.id, pre)
                    mine = [m for m in slots if any((s.link.id, s.pre_sign) == step for s in m.slot.path.steps)]
                    if not mine:
                        continue
                    key = ("sign:" if pre else "") + link.id
                    parts = [(v.subject_label(m.slot.subject), self._passed(m, key)) for m in mine]
                    if pre:
                        ps = link.pre_sign
                        assert ps is not None  # a pre-sign step is on the path only where the link has one
                        yield self.item(
                            "pre_sign",
                            link,
                            id=f"pre_sign:{material_id}:{link.id}",
                            cite=ps.cite,
                            name=f"{material}：{ps.name}（{circled}{link.name}之前）",
                            owner=v.name(ps.reviewer),
                            before=before,
                            parts=parts,
                        )
                        continue
                    aside = link.kind == "read_through" and not before
                    name = f"{material}{circled}{link.name}"
                    yield self.item(
                        "link",
                        link,
                        id=f"link:{material_id}:{link.id}",
                        name=name,
                        owner="、".join(v.name(r) for r in link.reviewers),
                        before=before,
                        parts=parts,
                        note="审阅：不是开会的前提" if aside else None,
                    )

    def _passed(self, m: MaterialState, key: str) -> dt.date | None:
        return self.passed.get((m.slot.material.id, m.slot.subject), {}).get(key)

    def lead_times(self) -> Iterable[TimelineItem]:
        for gate in self.v.gates:
            slots = self._slots(gate.material) if gate.kind == "lead_time" and gate.material else []
            if not slots:
                continue
            days = self.v.number(gate.days)
            if days is None:
                continue  # a day-count parameter nobody gave: no date to put on the timeline
            spec = {"days_before_meeting": int(days), "working_days": gate.working_days}
            parts = [(self.v.subject_label(m.slot.subject), m.submitted_on) for m in slots]
            name = f"报送{slots[0].slot.material.name}（{basis(self.v, spec)}）"
            owner = self._author(slots[0])
            hard = gate.severity != "warning"
            yield self.item(
                "lead_time", gate, spec=spec, name=name, owner=owner, before=hard, soft=not hard, parts=parts
            )

    def duties(self) -> Iterable[TimelineItem]:
        v = self.v
        for d in v.duties:
            if d.per_rating is not None:
                continue  # owed per rated member: below
            done_on = self.state.round.duties.get(d.id)
            yield self.item("duty", d, owner=v.role_or_text(d.owner), before=False, done_on=done_on, note=d.note)
        r = self.state.round
        for d, mid, rated_on in ratings.owed(v, r):
            done_on = r.duties.get(f"{d.id}/{mid}")
            found = self.item(
                "duty",
                d,
                id=f"duty:{d.id}/{mid}",
                name=f"{v.members[mid].name}{d.name}",
                owner=v.role_or_text(d.owner),
                before=False,
                done_on=done_on,
                note=d.note,
            )
            window = v.window(d.due, d.due_by_tier, meeting=rated_on)  # counted from the rating, not the meeting
            by = window.end if window else None
            status, late = status_of(by, done_on, self.on)
            basis = (found.basis or "").replace("会后", "评定后", 1) or None
            change = {"start": window.start if window else None, "end": by, "by": by, "status": status, "late": late}
            yield found.model_copy(update={**change, "basis": basis})

    def appraisals(self) -> Iterable[TimelineItem]:
        v = self.v
        for a in v.rules.appraisals:
            if a.tiers is not None and v.tier not in a.tiers:
                continue
            if a.kind == "rating":
                given = self.state.round.ratings.get(a.id, {})
                counts = [(lv.name, sum(1 for x, _ in given.values() if x == lv.id)) for lv in a.levels]
                note = "、".join(f"{name}{n}人" for name, n in counts if n) or None
                done_on = ratings.result_day(self.state, self.state.round, a.id)
                owner = v.rules.team.name  # no role owns a rating: the team gives it (as status says)
                yield self.item("appraisal", a, owner=owner, before=False, done_on=done_on, note=note)
                continue
            results = [r for r in self.state.round.appraisals if r.appraisal == a.id]
            note = None
            if results:
                last = results[-1]
                note = f"满意{last.satisfied}/{last.total}" + ("" if last.passed else f"，低于{a.threshold}")
            done_on = results[-1].date if results else None
            yield self.item("appraisal", a, owner=None, before=False, done_on=done_on, note=note)


def basis(v: CaseView, spec: str | dict[str, Any] | None) -> str | None:
    """A date's spec in the sources' words, a date the case gives by its parameter's name."""
    return _dates.basis(spec, {pid: p.name for pid, p in v.parameter_specs.items()})


def _cite(v: CaseView, cite: Citation | None) -> CitationOut | None:
    return CitationOut(**v.citation(cite)) if cite else None
