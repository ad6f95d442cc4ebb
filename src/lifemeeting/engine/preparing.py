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
from lifemeeting.suggest import meant

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
            raise _Refuse(f"任务 '{task}' 不适用于本案件的层级或单位")
        raise _Refuse(f"没有任务 '{task}'{meant(task, set(v.task_by_id))}")
    raise _Refuse(f"任务 '{task}' 已记录于 {record[task]} 完成")


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
                    f"'{p}'（{v.roles[p].name}）由{len(filled)}名成员担任（{'、'.join(filled)}），请写明是哪一位谈的"
                )
            candidates = v.parties | set(v.role_members)
            raise _Refuse(
                f"谈话人 '{p}' 不在本案件中{meant(p, candidates)}；谈话人写成员的 id、角色的 id、"
                "'head:<部门>' 或案件名单中的名字"
            )
        parties.append(resolved)
    raise _Refuse(f"谈心谈话须是两个不同的人，这里两人都是 '{parties[0]}'")


def submitted(state: CaseState, e: Event) -> None:
    r = state.preparing_round
    m = r.materials.get((e.material, e.subject)) if r is not None else None  # type: ignore[arg-type]
    if m is None or e.material in state.after_meeting:
        m = _material(state, e)
    if m.state != DRAFTING:
        raise _Refuse(f"已经提交，材料{_where(m)}")
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
        raise _Refuse(f"'{own}'（{name}）须在{'、'.join(missing)}之后，本轮尚未完成（{section}）")


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
        raise _Refuse(f"没有要签字把关的：材料{_where(m)}")
    by = _need(e, "by")
    reviewer = step.link.pre_sign.reviewer
    raise _Refuse(f"'{by}' 不能在此签字；签字把关由 '{reviewer}'（{state.view.name(reviewer)}）进行")


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
        raise _Refuse(f"'{reviewer}' 已在环节 '{step.link.id}' 审核通过")
    reviewers = step.link.reviewers
    if len(reviewers) > 1 and set(reviewers) - m.approvals - {reviewer}:  # others must still approve
        m.approvals = m.approvals | {reviewer}
        return
    _move(m, m.slot.path.moves[m.state], e.date)


def returned(state: CaseState, e: Event) -> None:
    m = _material(state, e)
    step, _ = _at_link(state, e, m)
    if e.resubmit_by is not None and e.resubmit_by < e.date:
        raise _Refuse(f"重新提交期限 resubmit_by {e.resubmit_by} 早于退回本身（{e.date}）")
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
        raise _Refuse(f"没有材料 '{material}'{meant(material, {m.id for m in v.rules.materials})}")
    if subject != TEAM and subject not in v.members:
        raise _Refuse(
            f"没有成员 '{subject}'{meant(subject, set(v.members) | {TEAM})}；{v.rules.team.name}自身的材料写 'team'"
        )
    raise _Refuse(f"按本规则集，{v.subject_label(subject)}不写 '{material}'")


def _at_link(state: CaseState, e: Event, m: MaterialState) -> tuple[Step, str]:
    """The step an approval or return names and the reviewer ``by`` acts as; refused when either does not fit."""
    link_id = e.link if e.link is not None else _need(e, "link")
    path = m.slot.path
    step = path.at_link.get(link_id)
    if step is None:
        if link_id not in path.link_ids:
            raise _Refuse(f"审核链 '{path.chain.id}' 中没有环节 '{link_id}'{meant(link_id, set(path.link_ids))}")
        raise _Refuse(f"环节 '{link_id}' 不审核{state.view.subject_label(m.slot.subject)}的{m.slot.material.name}")
    if m.state != step.state:
        raise _Refuse(f"材料{_where(m)}，不在环节 '{link_id}'")
    by = e.by if e.by is not None else _need(e, "by")
    for reviewer in step.link.reviewers:
        if _fills(state, by, reviewer):
            return step, reviewer
    names = "、".join(f"'{r}'（{state.view.name(r)}）" for r in step.link.reviewers)
    raise _Refuse(f"'{by}' 不是环节 '{link_id}' 的审核人；该环节由 {names}审核")


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
        return "在起草中"
    if m.state == PASSED:
        return "已走完审核链"
    return f"在 '{m.state}'"
