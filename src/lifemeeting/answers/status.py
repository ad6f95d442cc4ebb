"""Where a case stands after the meeting too: stage, rounds, duties done, due and overdue."""

from __future__ import annotations

import datetime as dt
from typing import Literal, cast

from lifemeeting.engine import ratings
from lifemeeting.engine.answer_model import (
    AppraisalOut,
    CitationOut,
    DutyStatus,
    RatingOut,
    Readiness,
    Receipt,
    RoundStatus,
    Status,
)
from lifemeeting.engine.readiness import readiness
from lifemeeting.engine.replay import CaseState, Round
from lifemeeting.engine.stages import PREPARING, STAGE_NAMES
from lifemeeting.engine.view import TEAM, CaseView
from lifemeeting.ruleset.model import Citation, Task
from lifemeeting.version import engine_version

# The engine keeps stages and round kinds as plain strings drawn from these; the answer
# models name them exactly. The answer is built with ``built`` (``model_construct``), as ``readiness``
# builds its own: from the replayed case, with the declared types, so validating it again
# would only build validators (tests/test_cold_start.py holds it to what validation gives).
Stage = Literal["preparing", "held", "redoing", "closed"]
RoundKind = Literal["initial", "redo", "reconvene"]


def status(state: CaseState, on: dt.date) -> Status:
    """The stage and round of the case as of ``on``, every round kept as its own record."""
    v = state.view
    rounds = [_round(state, r, on) for r in state.rounds]
    current = rounds[-1]
    again = {d.id for d in current.redo}  # a duty the round redoes is one item, not two
    items = [*current.redo, *(d for d in current.duties if d.id not in again)]
    pending = _in_order([d for d in items if d.status != "done"], v)
    open_items = sorted(pending, key=lambda d: d.by or dt.date.max)  # stable: steps in order within a day
    answer: Readiness | None = readiness(state, on) if state.stage == PREPARING else None
    rs = v.loaded
    return Status.built(
        stage=cast(Stage, state.stage),
        stage_name=STAGE_NAMES[state.stage],
        round=state.round.number,
        on=on,
        unit=v.case.unit.name,
        rounds=rounds,
        due_next=[d for d in open_items if d.status == "open"],
        overdue=[d for d in open_items if d.status == "overdue"],
        readiness=answer,
        warnings=ratings.flags(state, state.round),
        receipt=Receipt.built(ruleset=rs.model.id, version=rs.model.version, sha256=rs.sha256, engine=engine_version()),
    )


def _in_order(items: list[DutyStatus], v: CaseView) -> list[DutyStatus]:
    """``items`` with each after what the rule set says comes first (``after``; a rating's steps in their order,
    the rating after its steps), otherwise in the rule set's order: 通报 before 专题报告 before 报上级."""
    rules = v.rules
    first: dict[str, list[str]] = {t.id: list(t.after or []) for t in (*rules.tasks, *rules.duties)}
    first |= {m.id: list(m.after or []) for m in rules.materials}
    for a in rules.appraisals:
        for before, step in zip(a.steps, a.steps[1:], strict=False):
            first.setdefault(step, []).append(before)
        if a.steps:
            first.setdefault(a.id, []).append(a.steps[-1])
    base = [d.id.split("/")[0] for d in items]  # a duty per member or a member's material: its rule's id
    left, ordered = list(range(len(items))), []
    while left:
        waiting = {base[i] for i in left}
        i = next((i for i in left if not any(f in waiting and f != base[i] for f in first.get(base[i], []))), left[0])
        left.remove(i)
        ordered.append(items[i])
    return ordered


def _round(state: CaseState, r: Round, on: dt.date) -> RoundStatus:
    v = state.view
    duties = []
    if r.held_on is not None:
        for d in v.duties:
            if d.per_rating is not None:
                continue  # owed per rated member: below
            owed = _owed(r, d.id)
            again = r.deadline if owed == "again" else None  # an order's due, counted from the order
            duties.append(_duty(v, r, d, d.id, d.name, r.held_on, on, owed, by=again))
        for d, mid, rated_on in ratings.owed(v, r):  # counted from the rating
            name = f"{v.members[mid].name}{d.name}"
            duties.append(_duty(v, r, d, f"{d.id}/{mid}", name, rated_on, on, _owed(r, d.id), member=mid))
        for (material_id, subject), m in r.materials.items():
            if not m.slot.material.after_meeting:
                continue
            material = m.slot.material
            window = v.window(material.due, material.due_by_tier, meeting=r.held_on)
            by = window.end if window else None
            late = m.passed_on is None and by is not None and on > by
            who = v.subject_label(subject)
            duties.append(
                DutyStatus.built(
                    id=material_id if subject == TEAM else f"{material_id}/{subject}",
                    name=f"{who}的{material.name}" if subject != TEAM else material.name,
                    owner=v.name(material.drafted_by) if subject == TEAM and material.drafted_by else who,
                    by=by,
                    window_start=window.start if window else None,
                    done_on=m.passed_on,
                    status="done" if m.passed_on else ("overdue" if late else "open"),
                    citation=_cite(v, material.cite),
                )
            )
    titles = {a.id: a for a in v.rules.appraisals}
    appraisals = [
        AppraisalOut.built(
            appraisal=x.appraisal,
            name=titles[x.appraisal].name,
            date=x.date,
            satisfied=x.satisfied,
            total=x.total,
            rate=round(x.satisfied / x.total, 4),
            threshold=titles[x.appraisal].threshold,
            passed=x.passed,
        )
        for x in r.appraisals
    ]
    given = [
        RatingOut.built(
            appraisal=a.id,
            name=a.name,
            member=mid,
            member_name=v.members[mid].name,
            level=r.ratings[a.id][mid][0],
            level_name=ratings.level_name(a, r.ratings[a.id][mid][0]),
            date=r.ratings[a.id][mid][1],
        )
        for a in ratings.ratings_of(v)
        if a.id in r.ratings
        for mid in v.members
        if mid in r.ratings[a.id]
    ]
    return RoundStatus.built(
        number=r.number,
        kind=cast(RoundKind, r.kind),
        cause=r.cause,
        started_on=r.started_on,
        held_on=r.held_on,
        stage=r.stage,
        redo=[_redo_step(state, r, item, on) for item in r.redo],
        duties=duties,
        appraisals=appraisals,
        ratings=given,
        deadline=r.deadline,
    )


def _duty(
    v: CaseView,
    r: Round,
    d: Task,
    key: str,
    name: str,
    counted_from: dt.date,
    on: dt.date,
    owed: Literal["again", "carried"] | None,
    *,
    by: dt.date | None = None,
    member: str | None = None,
) -> DutyStatus:
    """One post-meeting duty of round ``r`` (``key``: its id, or ``duty/member`` when owed per rated member)."""
    window = v.window(d.due, d.due_by_tier, meeting=counted_from)
    by = by or (window.end if window else None)
    done_on = r.duties.get(key)
    late = done_on is None and by is not None and on > by
    return DutyStatus.built(
        id=key,
        name=name,
        owner=v.role_or_text(d.owner),
        by=by,
        window_start=window.start if window else None,
        done_on=done_on,
        status="done" if done_on else ("overdue" if late else "open"),
        citation=_cite(v, d.cite),
        member=member,
        owed=owed,
    )


def _redo_step(state: CaseState, r: Round, item: str, on: dt.date) -> DutyStatus:
    """A step to repeat: a task done again, a talk rule covered again, or a material through its chain again."""
    v = state.view
    if item in v.task_by_id:
        task = v.task_by_id[item]
        record = r.duties if item in {d.id for d in v.duties} else r.done
        name, owner, done_on, cite = task.name, v.role_or_text(task.owner), record.get(item), task.cite
    elif any(a.id == item for a in v.rules.appraisals):
        a = next(a for a in v.rules.appraisals if a.id == item)
        name, owner, cite = f"重新{a.name}", v.rules.team.name, a.cite  # no role owns a rating: the team (its 评定意见)
        done_on = ratings.result_day(state, r, item)
    elif item in v.required_codes:
        talk = next(t for t in v.talk_rules if t.id == item)
        pairs = v.required_codes[item]
        covered = all(p in r.talks for p in pairs)
        name, owner, cite = talk.name, None, talk.cite
        done_on = max((r.talks[p] for p in pairs), default=r.started_on) if covered else None
    else:
        material = next(m for m in v.rules.materials if m.id == item)
        states = [m for k, m in r.materials.items() if k[0] == item]
        name, owner, cite = f"重新撰写并审核{material.name}", None, material.cite
        passed = [m.passed_on for m in states if m.passed_on is not None]
        done_on = max(passed) if states and len(passed) == len(states) else None
    by = r.deadline  # an order's due, counted from the order
    late = done_on is None and by is not None and on > by
    return DutyStatus.built(
        id=item,
        name=name,
        owner=owner,
        by=by,
        done_on=done_on,
        status="done" if done_on else ("overdue" if late else "open"),
        citation=_cite(v, cite),
    )


def _owed(r: Round, duty: str) -> Literal["again", "carried"] | None:
    """In a later round: whether a duty is owed again there, or its record carried over from the round before."""
    if r.number == 1:
        return None
    return "carried" if r.kind == "redo" and duty not in r.redo else "again"


def _cite(v: CaseView, cite: Citation) -> CitationOut:
    c = v.citation(cite)
    return CitationOut.built(document=c["document"], section=c["section"], quote=c["quote"])
