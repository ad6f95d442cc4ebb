"""Before the meeting: tasks, talks and each material's way through its review chain.

One handler per event type. Each checks the event against the compiled tables first (the
talk pair from ``CaseView.talk_place``, the material's ``Move`` out of the state it is in)
and applies it when that check passes; only when it fails does it go through the checks
one by one, to find which and say why (``_Refuse``). A handler changes nothing before every
check has passed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lifemeeting.case.model import Event
from lifemeeting.engine import ratings
from lifemeeting.engine.chains import DRAFTING, PASSED, Move, Step
from lifemeeting.engine.state import NONE, MaterialState, _need, _Refuse
from lifemeeting.engine.view import TEAM
from lifemeeting.suggest import did_you_mean

if TYPE_CHECKING:
    import datetime as dt

    from lifemeeting.engine.replay import CaseState

PREPARE = "prepare"  # the trigger of these events, unless they record a post-meeting duty (``CaseState.admit``)


def done(state: CaseState, e: Event) -> None:
    task = e.task
    duty = task in state.duty_ids
    r = state.preparing_round
    if r is None or duty or e.material in state.after_meeting:
        state.admit(e, PREPARE)
        r = state.rounds[-1]
    record = r.duties if duty else r.done
    if task is not None and task in state.view.task_by_id and task not in record and task not in state.rating_tasks:
        rule = state.view.task_by_id[task]
        if rule.after:
            _in_order(state, rule.id, rule.name, rule.after, rule.cite.section)
        record[task] = e.date
        return
    v = state.view
    task = _need(e, "task")
    if task in state.rating_tasks and task in v.task_by_id:
        ratings.done(state, e, r)  # a rating's step, or a duty owed per rated member
        return
    if task not in v.task_by_id:
        every = {t.id for t in [*v.rules.tasks, *v.rules.duties]}
        if task in every:
            raise _Refuse(f"task '{task}' does not apply to this case's tier or unit")
        raise _Refuse(f"unknown task '{task}'{did_you_mean(task, set(v.task_by_id))}")
    raise _Refuse(f"task '{task}' was already recorded as done on {record[task]}")


def talk(state: CaseState, e: Event) -> None:
    r = state.preparing_round
    if r is None or (e.material is not None and e.material in state.after_meeting):
        state.admit(e, PREPARE)
        r = state.rounds[-1]
    between = e.between
    if between:
        place = state.talk_place  # each name's party's place (as resolve_party, by place)
        try:
            a, b = place[between[0]], place[between[1]]
        except KeyError:  # a name that is no party: said below
            pass
        else:
            if a != b:
                base = state.pair_base
                code = a * base + b if a < b else b * base + a  # pair_code(a, b, base), without the call
                talks = r.talks
                if code not in talks:  # the first talk of a pair counts
                    talks[code] = e.date
                return
    v = state.view
    parties = []
    for p in e.between or _need(e, "between"):
        resolved = v.resolve_party(p)
        if resolved is None:
            filled = v.role_members.get(p)
            if filled:  # a role several members fill names none of them in particular
                raise _Refuse(
                    f"'{p}' ({v.roles[p].name}) is filled by {len(filled)} members ({', '.join(filled)}); "
                    "name the member who talked"
                )
            candidates = v.parties | set(v.role_members)
            raise _Refuse(
                f"unknown talk party '{p}'{did_you_mean(p, candidates)}; a party is a member id, a role id, "
                "'head:<department>' or a name from the case's lists"
            )
        parties.append(resolved)
    raise _Refuse(f"a talk needs two different people, but both are '{parties[0]}'")


def submitted(state: CaseState, e: Event) -> None:
    r = state.preparing_round
    m = r.materials.get((e.material, e.subject)) if r is not None else None  # type: ignore[arg-type]
    if m is None or e.material in state.after_meeting:
        m = _material(state, e)
    if m.state != DRAFTING:
        raise _Refuse(f"already submitted; it is {_where(m)}")
    material = m.slot.material
    if material.after:
        _in_order(state, material.id, material.name, material.after, material.cite.section)
    move = m.slot.path.moves[DRAFTING]
    if m.resubmit_by is not None:  # after a return with a deadline: note a late resubmission
        if e.date > m.resubmit_by:
            m.late += ((m.resubmit_by, e.date),)
        m.resubmit_by = None
    m.state, m.approvals, m.submitted_on = move.dest, NONE, e.date
    if m.first_submitted_on is None:
        m.first_submitted_on = e.date
    if move.passes:
        m.passed_on = e.date


def _in_order(state: CaseState, own: str, name: str, after: list[str], section: str) -> None:
    """Refuse a step recorded before what its rule says comes first (``after``) is done this round."""
    v, r = state.view, state.rounds[-1]
    missing = []
    for other in after:
        if other in v.task_by_id:
            if other not in (r.duties if other in state.duty_ids else r.done):
                missing.append(v.task_by_id[other].name)
        else:
            slots = [m for key, m in r.materials.items() if key[0] == other]
            if any(not m.gate_passed for m in slots):  # no slots: the material does not bind this case
                missing.append(slots[0].slot.material.name)
    if missing:
        raise _Refuse(f"'{own}' ({name}) comes after {'、'.join(missing)}, not yet done this round ({section})")


def signed(state: CaseState, e: Event) -> None:
    r = state.preparing_round
    m = r.materials.get((e.material, e.subject)) if r is not None else None  # type: ignore[arg-type]
    if m is None or e.material in state.after_meeting:
        m = _material(state, e)
    move = m.slot.path.moves.get(m.state)
    by = e.by
    if (
        move is not None
        and move.event == "signed"
        and by is not None
        and (by == move.by or by in state.view.role_members.get(move.by, ()))  # type: ignore[arg-type]
    ):
        _move(m, move, e.date)
        return
    step = m.slot.path.step_at(m.state)
    if step is None or not step.pre_sign or step.link.pre_sign is None:
        raise _Refuse(f"nothing to sign: the material is {_where(m)}")
    by = _need(e, "by")
    reviewer = step.link.pre_sign.reviewer
    raise _Refuse(f"'{by}' cannot sign here; the pre-sign is by '{reviewer}' ({state.view.name(reviewer)})")


def approved(state: CaseState, e: Event) -> None:
    r = state.preparing_round
    m = r.materials.get((e.material, e.subject)) if r is not None else None  # type: ignore[arg-type]
    if m is None or e.material in state.after_meeting:
        m = _material(state, e)
    move = m.slot.path.moves.get(m.state)
    if move is not None and move.link == e.link and move.event == "approved" and not m.approvals:
        by, sole = e.by, move.by  # sole: the link's one reviewer, whose approval moves the material on
        if sole is not None and (by == sole or (by is not None and by in state.view.role_members.get(sole, ()))):
            m.state = move.dest  # as _move, without the call; no approvals to clear
            if move.passes and m.passed_on is None:
                m.passed_on = e.date
            return
    step, reviewer = _at_link(state, e, m)
    if reviewer in m.approvals:
        raise _Refuse(f"'{reviewer}' already approved at link '{step.link.id}'")
    reviewers = step.link.reviewers
    if len(reviewers) > 1 and set(reviewers) - m.approvals - {reviewer}:  # others must still approve
        m.approvals = m.approvals | {reviewer}
        return
    _move(m, m.slot.path.moves[m.state], e.date)


def returned(state: CaseState, e: Event) -> None:
    m = _material(state, e)
    step, _ = _at_link(state, e, m)
    if e.resubmit_by is not None and e.resubmit_by < e.date:
        raise _Refuse(f"resubmit_by {e.resubmit_by} is before the return itself ({e.date})")
    m.state, m.approvals, m.returns = m.slot.path.table[(step.state, "return")], NONE, m.returns + 1
    m.resubmit_by, m.rework = e.resubmit_by, e.rework
    if e.resubmit_by is not None:
        state.deadlines_set = True
    m.passed_on = None


# -- helpers ------------------------------------------------------------------------------
def _material(state: CaseState, e: Event) -> MaterialState:
    """The material an event names, checked for the stage first; refused when the case has none such."""
    state.admit(e, PREPARE)
    m = state.rounds[-1].materials.get((e.material, e.subject))  # type: ignore[arg-type]
    if m is not None:
        return m
    v = state.view
    material: str = _need(e, "material")
    subject: str = _need(e, "subject")
    if material not in v.material_ids:
        raise _Refuse(f"unknown material '{material}'{did_you_mean(material, {m.id for m in v.rules.materials})}")
    if subject != TEAM and subject not in v.members:
        raise _Refuse(
            f"unknown member '{subject}'{did_you_mean(subject, set(v.members) | {TEAM})}; "
            "use 'team' for the team's own material"
        )
    raise _Refuse(f"{v.subject_label(subject)} does not write a '{material}' under this rule set")


def _at_link(state: CaseState, e: Event, m: MaterialState) -> tuple[Step, str]:
    """The step an approval or return names and the reviewer ``by`` acts as; refused when either does not fit."""
    link_id = e.link if e.link is not None else _need(e, "link")
    path = m.slot.path
    step = path.at_link.get(link_id)
    if step is None:
        if link_id not in path.link_ids:
            raise _Refuse(
                f"unknown link '{link_id}' in chain '{path.chain.id}'{did_you_mean(link_id, set(path.link_ids))}"
            )
        raise _Refuse(
            f"link '{link_id}' does not apply to {state.view.subject_label(m.slot.subject)}'s {m.slot.material.name}"
        )
    if m.state != step.state:
        raise _Refuse(f"the material is {_where(m)}, not at link '{link_id}'")
    by = e.by if e.by is not None else _need(e, "by")
    for reviewer in step.link.reviewers:
        if _fills(state, by, reviewer):
            return step, reviewer
    names = "、".join(f"'{r}' ({state.view.name(r)})" for r in step.link.reviewers)
    raise _Refuse(f"'{by}' is not a reviewer at link '{link_id}'; it is reviewed by {names}")


def _fills(state: CaseState, by: str | None, role: str | None) -> bool:
    """``by`` is ``role`` itself or one of the members who fill it."""
    return by is not None and (by == role or by in state.view.role_members.get(role, ()))  # type: ignore[arg-type]


def _move(m: MaterialState, move: Move, on: dt.date) -> None:
    """A sign-off or the last approval at a link: the material moves on to the next state."""
    m.state, m.approvals = move.dest, NONE
    if move.passes and m.passed_on is None:
        m.passed_on = on


def _where(m: MaterialState) -> str:
    if m.state == DRAFTING:
        return "in drafting"
    if m.state == PASSED:
        return "through its whole chain"
    return f"at '{m.state}'"
