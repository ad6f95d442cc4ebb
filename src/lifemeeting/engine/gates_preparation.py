"""The gates on preparation, one check per kind: tasks done, talks covered, materials through their chains,
submitted in time before the meeting, and resubmitted by the reviewer's deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import filterfalse
from typing import TYPE_CHECKING

from lifemeeting.dates.periods import Window
from lifemeeting.engine.chains import DRAFTING
from lifemeeting.engine.gates_common import Found, _action, _cite, _no_number
from lifemeeting.engine.readiness_model import Blocker, NextAction
from lifemeeting.engine.state import MaterialState
from lifemeeting.engine.talks import PairCode
from lifemeeting.engine.view import TEAM, CaseView
from lifemeeting.ruleset.model import Gate

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState


CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _tasks_done(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v, done = state.view, state.done
    for task_id in gate.tasks or []:
        task = v.task_by_id.get(task_id)
        if task is None or task_id in done:
            continue  # a task outside this tier binds nobody here
        owner = v.role_or_text(task.owner) or v.rules.team.name
        window = v.window(task.due, task.due_by_tier)
        blocker = Blocker.built(
            rule=gate.id,
            kind=gate.kind,
            item=task_id,
            citation=_cite(v, gate),
            message=f"「{gate.name}」：{task.name}尚未完成（责任人：{owner}{_by(window)}）",
        )
        yield blocker, _action(gate, owner, f"完成{task.name}", window, on)


def _talks_covered(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    wanted = set(gate.talks) if gate.talks else None
    asked: set[PairCode] = set()  # a pair two rules require is asked for once
    talks = state.talks
    order: Callable[[str], tuple[int, str]] | None = None
    for rule in v.talk_rules:
        if wanted is not None and rule.id not in wanted:
            continue
        codes = list(filterfalse(talks.__contains__, v.required_codes[rule.id]))
        if not codes:
            continue
        missing = [v.pair(c) for c in codes]
        order = order or _party_order(v)
        ordered = [sorted(pair, key=order) for pair in missing]
        names = "、".join(f"{v.name(a)}—{v.name(b)}" for a, b in ordered)
        which = "" if rule.name == gate.name else f"{rule.name}，"  # a gate named after its one talk rule says it once
        window = v.window(rule.due, rule.due_by_tier)
        blocker = Blocker.built(
            rule=gate.id,
            kind=gate.kind,
            item=rule.id,
            citation=_cite(v, gate),
            missing_pairs=ordered,
            message=f"「{gate.name}」：{which}尚缺{len(missing)}对：{names}",
        )
        todo = [pair for pair, code in zip(ordered, codes, strict=True) if code not in asked]
        asked.update(codes)
        if not todo:
            yield blocker, None
            continue
        people = list(dict.fromkeys(p for pair in todo for p in pair))
        ours = [p for p in people if p in v.members] or people  # the team's own people are the ones to act
        who = "、".join(v.name(p) for p in ours)
        pairs = "、".join(f"{v.name(a)}—{v.name(b)}" for a, b in todo)
        yield blocker, _action(gate, who, f"谈心谈话：{pairs}", window, on)


def _party_order(v: CaseView) -> Callable[[str], tuple[int, str]]:
    order = {mid: i for i, mid in enumerate(v.members)}
    return lambda p: (order.get(p, len(order)), p)


def _materials_passed(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    materials = state.materials
    for key in v.slot_keys.get(gate.material, ()):  # type: ignore[arg-type]
        m = materials[key]
        if m.state not in m.slot.path.gate_states:  # not m.gate_passed, without the call
            yield _material_blocker(v, gate, m, on)


def _material_blocker(v: CaseView, gate: Gate, m: MaterialState, on: dt.date) -> tuple[Blocker, NextAction]:
    whose = _whose(v, m)
    chain = m.slot.path.chain
    returned = f"（已退回{m.returns}次）" if m.returns else ""
    if m.state == DRAFTING:
        author = _author(v, m)
        first = m.slot.path.steps[0] if m.slot.path.steps else None
        material = m.slot.material
        window = v.window(material.due, material.due_by_tier) or (
            v.window(first.link.due, first.link.due_by_tier) if first else None
        )
        what = "重新撰写并提交" if m.returns else "撰写并提交"
        if m.resubmit_by is not None:  # the reviewer set the deadline of this resubmission
            window = Window(None, m.resubmit_by)
            what = REWORK.get(m.rework or "", what)
            returned = f"（已退回{m.returns}次，限{m.resubmit_by}前{REWORK.get(m.rework or '', '重新提交')}）"
        message = f"「{gate.name}」：{whose}尚未提交{returned}"
        action = _action(gate, author, f"{what}{whose}", window, on)
    else:
        step = m.slot.path.step_at(m.state)
        assert step is not None, f"a material past drafting is at a step of its chain, not {m.state}"
        link = step.link
        number = CIRCLED[step.number - 1] if step.number <= len(CIRCLED) else f"第{step.number}"
        window = v.window(link.due, link.due_by_tier)
        if step.pre_sign and link.pre_sign is not None:
            who = v.name(link.pre_sign.reviewer)
            message = f"「{gate.name}」：{whose}待{link.pre_sign.name}（{chain.name}第{number}环节之前）{returned}"
            action = _action(gate, who, f"审核把关并签字：{whose}", window, on)
        else:
            pending = [r for r in link.reviewers if r not in m.approvals]
            who = "、".join(v.name(r) for r in pending)
            verb = "审阅" if link.kind == "read_through" else "审核"
            message = f"「{gate.name}」：{whose}正在{number}{link.name}，尚未通过{returned}"
            action = _action(gate, who, f"{verb}{whose}（{number}{link.name}）", window, on)
    blocker = Blocker.built(
        rule=gate.id,
        kind=gate.kind,
        subject=m.slot.subject,
        item=m.slot.material.id,
        citation=_cite(v, gate),
        message=message,
    )
    return blocker, action


def _whose(v: CaseView, m: MaterialState) -> str:
    """``赵立群的个人查摆问题材料``; a material named after its subject says it once (``党支部班子查摆问题材料``)."""
    label, name = v.subject_label(m.slot.subject), m.slot.material.name
    return name if name.startswith(label) else f"{label}的{name}"


def _author(v: CaseView, m: MaterialState) -> str:
    if m.slot.subject != TEAM:
        return v.subject_label(m.slot.subject)
    drafter = m.slot.material.drafted_by
    return v.name(drafter) if drafter else v.rules.team.name


def _lead_time(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    given = v.number(gate.days)
    if given is None:
        yield _no_number(state, gate, on)
        return
    days = int(given)
    span = f"{days}个工作日" if gate.working_days else f"{days}天"
    materials = state.materials
    for key in v.slot_keys.get(gate.material, ()):  # type: ignore[arg-type]
        material_id, subject = key
        m = materials[key]
        name = m.slot.material.name
        if m.submitted_on is None:
            due = v.window({"days_before_meeting": days, "working_days": gate.working_days}, None)
            message = f"「{gate.name}」：{name}尚未报送；须在会前{span}报送"
            who = _author(v, m)
            yield (
                Blocker.built(
                    rule=gate.id,
                    kind=gate.kind,
                    item=material_id,
                    subject=subject,
                    citation=_cite(v, gate),
                    message=message,
                ),
                _action(gate, who, f"报送{name}", due, on),
            )
            continue
        until = v.calendar.add(m.submitted_on, days) if gate.working_days else m.submitted_on + dt.timedelta(days=days)
        if on < until:
            message = f"「{gate.name}」：{name}于{m.submitted_on}报送，须满{span}，最早{until}可以召开"
            yield (
                Blocker.built(
                    rule=gate.id,
                    kind=gate.kind,
                    item=material_id,
                    subject=subject,
                    citation=_cite(v, gate),
                    message=message,
                    waiting=True,
                    until=until,
                ),
                None,
            )


REWORK = {"revise": "修改后重新提交", "rewrite": "重新撰写并提交"}


def late_resubmissions(state: CaseState, on: dt.date) -> list[tuple[tuple[str, str], bool, str]]:
    """Returned materials resubmitted after the reviewer's deadline, or not yet resubmitted past it, as of ``on``.

    Each is (material key, still open, message): flagged in every answer, a blocker where a gate says so.
    """
    if not state.deadlines_set:
        return []
    v = state.view
    out = []
    for key, m in state.materials.items():
        if m.late or (m.resubmit_by is not None and on > m.resubmit_by):
            whose = _whose(v, m)
            for by, day in m.late:
                out.append((key, False, f"{whose}限{by}前重新提交，{day}才提交（逾期{(day - by).days}天）"))
            if m.resubmit_by is not None and on > m.resubmit_by:
                out.append((key, True, f"{whose}限{m.resubmit_by}前重新提交，至{on}仍未提交（逾期）"))
    return out


def _resubmitted_in_time(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    for (material_id, subject), _open, text in late_resubmissions(state, on):
        if gate.material is not None and material_id != gate.material:
            continue
        blocker = Blocker.built(
            rule=gate.id,
            kind=gate.kind,
            subject=subject,
            item=material_id,
            citation=_cite(v, gate),
            message=f"「{gate.name}」：{text}",
        )
        yield blocker, None


def _by(window: Window | None) -> str:
    if window is None:
        return ""
    return f"，时限：{window.end}前" if window.start is None else f"，时间：{window.start}至{window.end}"
