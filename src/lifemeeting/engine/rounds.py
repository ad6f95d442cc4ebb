"""After the meeting: holding it, appraisals, orders, and the rounds they start (返工补课, 重新召开).

The handlers of ``held``, ``appraised`` and ``ordered`` events, and ``settle``, which moves
a held or redoing round on by itself. They work on a ``CaseState``'s own records and the
stage table compiled from ``stages``; like every handler, each changes nothing before all
of its checks have passed.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lifemeeting.case.model import Event
from lifemeeting.engine import ratings
from lifemeeting.engine.preparing import PREPARE
from lifemeeting.engine.stages import HELD, PREPARING, REDOING, STAGE_NAMES, table
from lifemeeting.engine.state import (
    AppraisalResult,
    Attendance,
    MaterialState,
    Round,
    _copy_material,
    _need,
    _Refuse,
)
from lifemeeting.ruleset.model import Appraisal
from lifemeeting.ruleset.predicate import matches
from lifemeeting.ruleset.shares import meets
from lifemeeting.suggest import meant

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState


def attended(state: CaseState, e: Event) -> None:
    """The roll call before the meeting opens; a later one the same round replaces it."""
    state.admit(e, PREPARE)
    v = state.view
    present, on_leave = set(_need(e, "present")), set(e.on_leave or ())
    for mid in sorted(present | on_leave):
        if mid not in v.members:
            raise _Refuse(f"'{mid}' 不是{v.rules.team.member}{meant(mid, set(v.members))}")
    both = present & on_leave
    if both:
        raise _Refuse(f"{'、'.join(sorted(both))} 不能既出席又请假")
    state.round.attendance = Attendance(e.date, frozenset(present), frozenset(on_leave), frozenset(e.guests or ()))


def granted(state: CaseState, e: Event) -> None:
    """An approval given by its role; refused when its ``when`` does not hold for the planned meeting."""
    from lifemeeting.engine.readiness import facts, unmet

    state.admit(e, PREPARE)
    v = state.view
    approval_id = _need(e, "approval")
    known = {a.id: a for a in v.rules.approvals}
    if approval_id not in known:
        raise _Refuse(f"没有批准事项 '{approval_id}'{meant(approval_id, set(known))}")
    a = known[approval_id]
    by = _need(e, "by")
    if by != a.by and by not in v.role_members.get(a.by, ()):
        raise _Refuse(f"'{approval_id}'（{a.name}）由{v.name(a.by)}批准，不是 '{by}'")
    if a.when is not None:
        have = facts(v, v.case.meeting.date)
        if not matches(a.when, have, v.unit):
            raise _Refuse(f"'{approval_id}'（{a.name}）不能批准：{unmet(a.when, have, v)}")
    state.round.granted.setdefault(approval_id, e.date)


def held(state: CaseState, e: Event) -> None:
    from lifemeeting.engine.readiness import readiness

    state.admit(e, "hold")
    answer = readiness(state, e.date)
    if not answer.convenable:
        reasons = "；".join(b.message for b in answer.blockers)
        raise _Refuse(f"{e.date} 还不能召开{state.view.rules.meeting.name}：{reasons}")
    state.round.held_on = e.date
    state.round.stage = table(state.redo, state.reconvene)[(PREPARING, "hold", "ok")]
    state.restage()


def appraised(state: CaseState, e: Event) -> None:
    state.admit(e, "appraise")
    appraisal_id = _need(e, "appraisal")
    known = {a.id: a for a in appraisals(state)}
    if appraisal_id not in known:
        raise _Refuse(f"没有测评 '{appraisal_id}'{meant(appraisal_id, set(known))}")
    a = known[appraisal_id]
    if a.kind == "rating":
        raise _Refuse(f"'{appraisal_id}'（{a.name}）逐人评定等次：记为 'rated'，给出 ratings")
    satisfied, total = _need(e, "satisfied"), _need(e, "total")
    if total == 0:
        raise _Refuse("零票的测评没有结果：请记录实际投票数")
    if satisfied > total:
        raise _Refuse(f"共投{total}票，满意票不可能是{satisfied}票")
    passed = a.threshold is None or meets(a.threshold, satisfied, total)
    state.round.appraisals.append(AppraisalResult(appraisal_id, e.date, satisfied, total, passed))
    if not passed and a.below is not None:
        _consequence(
            state, "appraise", e.date, a.below, f"{a.name}满意率{satisfied}/{total}低于{a.threshold}", list(a.redo)
        )
        state.restage()


def rated(state: CaseState, e: Event) -> None:
    """A rating's result (``ratings.record``); one that breaks a limit with ``exceeding: redo`` starts a redo."""
    redo = ratings.record(state, e)
    if redo is not None:
        cause, items = redo
        _consequence(state, "appraise", e.date, "redo", cause, items)
        state.restage()


def ordered(state: CaseState, e: Event) -> None:
    state.admit(e, "order")
    v = state.view
    order_id = _need(e, "order")
    orders = {o.id: o for o in v.rules.orders if o.tiers is None or v.tier in o.tiers}
    if order_id not in orders:
        raise _Refuse(f"没有责令事项 '{order_id}'{meant(order_id, set(orders))}")
    o = orders[order_id]
    if o.consequence == "reconvene" and state.round.held_on is None:
        raise _Refuse(
            f"'{order_id}'（{o.name}）针对已召开的{v.rules.meeting.name}；案件在 '{state.stage}' 阶段"
            f"（{STAGE_NAMES[state.stage]}）"
        )
    redone = [i for i in o.redo if any(a.id == i for a in v.rules.appraisals)]
    if redone and state.round.held_on is None:
        planned = v.case.meeting.date
        raise _Refuse(
            f"'{order_id}'（{o.name}，{e.date}）要求重做的{'、'.join(redone)}在{v.rules.meeting.name}之后；"
            f"第{state.round.number}轮{v.rules.meeting.name}尚未召开" + (f"（计划于 {planned}）" if planned else "")
        )
    before = len(state.rounds)
    _consequence(state, "order", e.date, o.consequence, o.name + (f"：{e.reason}" if e.reason else ""), list(o.redo))
    if o.due is not None and len(state.rounds) > before:
        window = v.window(o.due, None, meeting=e.date)  # counted from the order
        state.round.deadline = window.end if window else None
    state.restage()


def settle(state: CaseState, on: dt.date) -> None:
    """Move on by themselves: a redo whose steps are all done, a round whose duties are all done."""
    r = state.round
    if r.stage == REDOING and _redo_complete(state):
        r.stage = table(state.redo, state.reconvene)[(REDOING, "finish_redo", "ok")]
    if r.stage == HELD and _complete(state):
        r.stage = table(state.redo, state.reconvene)[(HELD, "close", "ok")]
    state.restage()


def appraisals(state: CaseState) -> list[Appraisal]:
    """The appraisals of the rule set that bind the case's tier."""
    tier = state.view.tier
    return [a for a in state.view.rules.appraisals if a.tiers is None or tier in a.tiers]


def _redo_complete(state: CaseState) -> bool:
    r, v = state.round, state.view
    for item in r.redo:
        if item in v.task_by_id and item not in (r.duties if item in state.duty_ids else r.done):
            return False
        if item in v.required_codes and any(p not in r.talks for p in v.required_codes[item]):
            return False
        if any(k[0] == item and not m.gate_passed for k, m in r.materials.items()):
            return False
    return True


def _complete(state: CaseState) -> bool:
    r, v = state.round, state.view
    if any(d.id not in r.duties for d in v.duties if d.per_rating is None):
        return False
    if state.rates and not ratings.complete(state, r):
        return False
    if any(key[0] in state.after_meeting and not m.gate_passed for key, m in r.materials.items()):
        return False
    needed = [a.id for a in appraisals(state) if a.threshold]
    return all(any(x.appraisal == a and x.passed for x in r.appraisals) for a in needed)


def _consequence(state: CaseState, trigger: str, on: dt.date, kind: str, cause: str, redo: list[str]) -> None:
    """What a failed appraisal or an order does: reset steps, maybe start a round."""
    if kind == "restart":
        v = state.view
        redo = [t.id for t in v.tasks] + list(v.required_codes) + sorted({k[0] for k in state.materials})
        kind = "reconvene" if state.round.held_on else "redo"
    if kind == "redo" and state.round.held_on is None:  # before the meeting: repeat in this round
        r = state.round
        for key, m in list(r.materials.items()):
            if key[0] in redo:
                r.materials[key] = MaterialState(m.slot)
        for p in {p for item in redo for p in state.view.required_codes.get(item, ())}:
            r.talks.pop(p, None)
        for t in redo:
            r.done.pop(t, None)
        return
    state.rounds.append(_new_round(state, trigger, kind, on, cause, redo))


def _new_round(state: CaseState, trigger: str, kind: str, on: dt.date, cause: str, redo: list[str]) -> Round:
    old = state.round
    materials = {}
    for key, m in old.materials.items():
        fresh = key[0] in redo or (kind == "reconvene" and key[0] in state.after_meeting)  # a new meeting, new reports
        materials[key] = MaterialState(m.slot) if fresh else _copy_material(m)
    redo_pairs = {p for item in redo for p in state.view.required_codes.get(item, ())}
    talks = {p: d for p, d in old.talks.items() if p not in redo_pairs}
    done = {t: d for t, d in old.done.items() if t not in redo}
    new = Round(old.number + 1, kind, on, cause, materials, talks, done)
    new.stage = table(state.redo, state.reconvene)[(old.stage, trigger, kind)]
    if kind == "redo":
        new.held_on = old.held_on
        new.duties = {d: x for d, x in old.duties.items() if d not in redo}
    new.redo = list(redo)
    return new


def retracted(state: CaseState, e: Event) -> None:
    """A retraction never reaches replay: ``case.corrections`` takes it and what it retracts out first."""
    raise _Refuse("撤回不在重放中处理：案件去掉所撤回的事件后重放（OpenCase.apply）")
