""" "Can this meeting be convened yet?" — every gate checked, every blocker explained.

The answer's models are built with ``built`` (``model_construct``): from a checked rule set and a replayed
case, with the types the models declare, so validating them again would only cost (five
validators built on first use, ~20 ms of a command's start). ``tests/test_cold_start.py`` holds
every example's answer to what validating it gives; models built from outside input (the
service's requests, ``model_validate``) are still validated.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from itertools import filterfalse
from typing import TYPE_CHECKING

from lifemeeting.dates.periods import Window
from lifemeeting.engine.chains import DRAFTING
from lifemeeting.engine.readiness_model import Blocker, CitationOut, NextAction, Readiness, Receipt
from lifemeeting.engine.stages import PREPARING, REDOING, STAGE_NAMES
from lifemeeting.engine.state import MaterialState
from lifemeeting.engine.talks import PairCode
from lifemeeting.engine.view import TEAM, CaseView
from lifemeeting.ruleset.model import Gate, ParameterRef
from lifemeeting.ruleset.predicate import matches
from lifemeeting.ruleset.shares import parse_fraction
from lifemeeting.ruleset.words import FACT_WORDS, condition
from lifemeeting.version import engine_version

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def readiness(state: CaseState, on: dt.date) -> Readiness:
    """Check every gate that binds the case as of ``on``; return all blockers and next actions."""
    v = state.view
    blockers: list[Blocker] = []
    actions: list[NextAction] = []
    if state.stage != PREPARING:
        blockers.append(_stage_blocker(state))
    later_round = state.round.number > 1 and state.round.kind != "redo"
    granted = state.round.granted
    for gate in v.gates:
        if gate.rounds != "all" and (gate.rounds == "later") != later_round:
            continue  # e.g. 12月底前召开 binds the first meeting, not one held again
        if gate.waived_by and any(a in granted for a in gate.waived_by):
            continue  # e.g. the higher level consented to hold the meeting outside its window
        if gate.when is not None and not matches(gate.when, facts(v, on), v.unit):
            continue
        if gate.severity == "warning":
            continue  # a soft rule (一般): reported in the warnings (soft_gates), blocks nothing
        for blocker, action in _GATES[gate.kind](state, gate, on):
            blockers.append(blocker)
            if action is not None:
                actions.append(action)
    if not blockers:
        earliest: dt.date | None = on
    elif all(b.waiting for b in blockers):
        earliest = max(b.until for b in blockers if b.until)
    else:
        earliest = None
    started = state.round.started_on
    if started is not None and any(a.by is not None and a.by < started for a in actions):
        # a later round's step whose deadline had passed before the round began carries none
        actions = [
            a.model_copy(update={"by": None, "overdue": False}) if a.by and a.by < started else a for a in actions
        ]
    actions.sort(key=lambda a: (a.by or dt.date.max, a.who))
    warnings = [f"参数 {p} 未给出，相关时限无法计算" for p in v.missing_parameters]
    warnings += [message for _, _, message in late_resubmissions(state, on)]
    if v.year_warning:
        warnings.append(v.year_warning)
    outside = _outside_window(v, state.round.held_on or on)  # once held, the day it was held is what counts
    if outside:
        warnings.append(outside)
    short = agenda_too_long(v)
    if short:
        warnings.append(short)
    warnings += v.calendar.warnings  # e.g. 工作日 counted Monday–Friday for a year without official data
    if v._compiled.soft:
        warnings += soft_gates(state, on)
    rs = v.loaded
    receipt = v._compiled.receipt
    if receipt is None:  # the same for every answer under this rule set (and frozen): made once
        receipt = v._compiled.receipt = Receipt.built(
            ruleset=rs.model.id, version=rs.model.version, sha256=rs.sha256, engine=engine_version()
        )
    return Readiness.built(
        convenable=not blockers,
        on=on,
        meeting_date=v.case.meeting.date,
        meeting_name=v.rules.meeting.name,
        ruleset=rs.model.id,
        tier=v.tier,
        tier_name=next((t.name for t in v.rules.tiers if t.id == v.tier), None),
        unit=v.case.unit.name,
        blockers=blockers,
        next_actions=actions,
        earliest_date=earliest,
        warnings=warnings,
        receipt=receipt,
    )


def soft_gates(state: CaseState, on: dt.date) -> list[str]:
    """What the gates of severity ``warning`` (一般) would block, said as warnings: they block nothing."""
    v = state.view
    out = []
    later_round = state.round.number > 1 and state.round.kind != "redo"
    for gate in v.gates:
        if gate.severity != "warning" or (gate.rounds != "all" and (gate.rounds == "later") != later_round):
            continue
        if gate.waived_by and any(a in state.round.granted for a in gate.waived_by):
            continue
        if gate.when is not None and not matches(gate.when, facts(v, on), v.unit):
            continue
        prefix = f"「{gate.name}」："
        for blocker, _ in _GATES[gate.kind](state, gate, on):
            # said once, as a blocker reads under its rule: the gate's name, then what is missing
            out.append(f"{gate.name}（一般要求，不阻止召开）：{blocker.message.removeprefix(prefix)}")
    return out


def agenda_too_long(v: CaseView) -> str | None:
    """The agenda's time against the planned length, with the arithmetic, when it does not fit."""
    m = v.rules.meeting
    length = v.case.meeting.length_days
    if m.hours_per_day is None or length is None:
        return None
    team = len(v.members)
    parts, need = [], 0.0
    for item in m.agenda:
        if item.minutes is None:
            continue
        if item.per_member:
            need += item.minutes * team
            parts.append(f"{item.name}{item.minutes:g}分钟×{team}人")
        else:
            need += item.minutes
            parts.append(f"{item.name}{item.minutes:g}分钟")
    have = length * m.hours_per_day * 60
    if need <= have:
        return None
    return (
        f"议程约需{need:g}分钟（{'+'.join(parts)}），计划会期{_days(length)}"
        f"（每天{m.hours_per_day:g}小时）只有{have:g}分钟"
    )


def _outside_window(v: CaseView, on: dt.date) -> str | None:
    """A meeting day outside meeting.window, said even where no gate forbids it (a gate says it as a blocker)."""
    if not v._compiled.warns_outside_window:
        return None
    m = v.rules.meeting
    window = v.window(m.window, m.window_by_tier)
    if window is None or ((window.start is None or window.start <= on) and on <= window.end):
        return None  # no window for this tier (or it depends on a date not given), or the day lies in it
    return f"于{on}召开，不在规定的会议时间（{window}）之内"


def facts(v: CaseView, day: dt.date | None) -> dict[str, bool]:
    """What the engine works out itself about a meeting on ``day``, for ``when`` conditions (``FACTS``)."""
    m = v.rules.meeting
    window = v.window(m.window, m.window_by_tier)
    in_window = (
        day is not None and window is not None and (window.start is None or window.start <= day) and day <= window.end
    )
    planned = v.case.meeting.date
    return {"meeting.in_window": in_window, "meeting.moved": day is not None and planned is not None and day != planned}


def unmet(when: dict[str, object], have: dict[str, bool], v: CaseView) -> str:
    """Which part of a ``when`` condition does not hold, in words a policy officer reads.

    Each failing part says what the rule needs and what is the case, the meeting day and window where
    that is what failed, then the condition as the rule set writes it: ``须会议日期不在规定的会议时间之内，
    而计划的会议日期2020-06-15在规定的会议时间（2020-06-11至2020-06-20）之内（meeting.in_window 须为否，实为是）``.
    """
    said: dict[object, str] = {True: "是", False: "否"}
    parts = []
    for k, want in when.items():
        if matches({k: want}, have, v.unit):
            continue
        if k in FACT_WORDS:
            need = FACT_WORDS[k][0 if want else 1]
            actual = _fact_said(k, have[k], v)
            parts.append(f"须{need}，而{actual}（{k} 须为{said.get(want, str(want))}，实为{said[have[k]]}）")
        else:
            parts.append(f"须{condition(v.rules, {k: want})}，本单位不符（{k}）")
    return "；".join(parts) or f"条件 {when} 不成立"


def _fact_said(fact: str, value: bool, v: CaseView) -> str:
    """What the case is, for a fact that did not come out as a rule needs."""
    day = v.case.meeting.date
    if fact == "meeting.in_window":
        m = v.rules.meeting
        window = v.window(m.window, m.window_by_tier)
        if day is None:
            return "案件没有给出计划的会议日期"
        if window is None:
            return "本层级没有规定的会议时间"
        return f"计划的会议日期{day}{'在' if value else '不在'}规定的会议时间（{window}）之内"
    return FACT_WORDS[fact][0 if value else 1]


def _stage_blocker(state: CaseState) -> Blocker:
    r = state.round
    if state.stage == REDOING:
        names = _step_names(state.view)
        redo = "、".join(names.get(item, item) for item in r.redo)
        message = f"第{r.number}轮：正在返工补课（{r.cause}），须重做：{redo or '—'}"
    else:
        message = f"第{r.number}轮{state.view.rules.meeting.name}已于{r.held_on}召开（{STAGE_NAMES[state.stage]}）"
    return Blocker.built(rule="stage", kind="stage", item=state.stage, message=message, citation=None)


def _step_names(v: CaseView) -> dict[str, str]:
    """Steps to redo by their names in the rule set: tasks and duties, appraisals, talk rules, materials."""
    names = {a.id: a.name for a in v.rules.appraisals}
    names |= {t.id: t.name for t in v.talk_rules}
    names |= {m.id: m.name for m in v.rules.materials}
    return names | {t.id: t.name for t in v.task_by_id.values()}  # a task's name first, as before


Found = Iterator[tuple[Blocker, NextAction | None]]


def _cite(v: CaseView, gate: Gate) -> CitationOut:
    cited: dict[str, CitationOut] = v._compiled.cited
    hit = cited.get(gate.id)
    if hit is None:  # a gate's citation is the rule set's own: made once, shared by every answer (it is frozen)
        c = v.citation(gate.cite)
        hit = cited[gate.id] = CitationOut.built(document=c["document"], section=c["section"], quote=c["quote"])
    return hit


def _action(gate: Gate, who: str, what: str, window: Window | None, on: dt.date) -> NextAction:
    by = window.end if window else None
    return NextAction.built(
        rule=gate.id,
        who=who,
        what=what,
        by=by,
        window_start=window.start if window else None,
        overdue=by is not None and on > by,
    )


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


def _min_length(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    given = v.number(gate.days)
    if given is None:
        yield _no_number(state, gate, on)
        return
    need = given
    have = v.case.meeting.length_days
    if have is not None and have >= need:
        return
    text = _days(need)
    message = (
        f"「{gate.name}」：会期未定；须不少于{text}"
        if have is None
        else f"「{gate.name}」：计划会期{_days(have)}，须不少于{text}"
    )
    who = v.name(v.rules.meeting.chair) if v.rules.meeting.chair else v.rules.team.name
    yield (
        Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message),
        _action(gate, who, f"将会期安排为不少于{text}", None, on),
    )


def _max_length(state: CaseState, gate: Gate, on: dt.date) -> Found:
    """A planned length longer than the rule allows; a length not planned yet is for a min_length gate to ask."""
    v = state.view
    given = v.number(gate.days)
    if given is None:
        yield _no_number(state, gate, on)
        return
    have = v.case.meeting.length_days
    if have is None or have <= given:
        return
    text = _days(given)
    message = f"「{gate.name}」：计划会期{_days(have)}，超过{text}"
    who = v.name(v.rules.meeting.chair) if v.rules.meeting.chair else v.rules.team.name
    yield (
        Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message),
        _action(gate, who, f"将会期安排为不超过{text}", None, on),
    )


def _meeting_window(state: CaseState, gate: Gate, on: dt.date) -> Found:
    v = state.view
    m = v.rules.meeting
    window = v.window(m.window, m.window_by_tier)
    if window is None:
        return
    start, end = window.start, window.end
    if start is not None and on < start:
        message = f"「{gate.name}」：会议时间为{start}至{end}，最早{start}可以召开"
        yield (
            Blocker.built(
                rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message, waiting=True, until=start
            ),
            None,
        )
    elif on > end:
        message = f"「{gate.name}」：会议应于{end}前召开，{on}已过期"
        who = v.name(m.chair) if m.chair else v.rules.team.name
        yield (
            Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message),
            _action(gate, who, "报上级同意后另定会期", window, on),
        )


def _roll_call(state: CaseState, gate: Gate, on: dt.date) -> tuple[Blocker, NextAction] | None:
    """A blocker when no roll call of the day ``on`` is recorded: attendance can only be judged on the day."""
    a = state.round.attendance
    if a is not None and a.date == on:
        return None
    v = state.view
    message = f"「{gate.name}」：尚未登记{on}会议的到会情况"
    who = v.name(v.rules.meeting.chair) if v.rules.meeting.chair else v.rules.team.name
    blocker = Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message)
    return blocker, _action(gate, who, "会前清点并登记到会情况", None, on)


def _quorum(state: CaseState, gate: Gate, on: dt.date) -> Found:
    missing = _roll_call(state, gate, on)
    if missing is not None:
        yield missing
        return
    v = state.view
    a = state.round.attendance
    assert a is not None and gate.share is not None  # the roll call is there; checks.py holds the share
    required = list(v.members) if gate.attendees is None else v.members_matching(gate.attendees)
    present = sum(1 for mid in required if mid in a.present)
    total = len(required)
    share = parse_fraction(gate.share)
    least = share * total  # the boundary: exactly this many is enough when inclusive (不少于), not when 超过
    need = math.ceil(least) if gate.inclusive else math.floor(least) + 1
    if present >= need:
        return
    leave = [v.name(mid) for mid in required if mid in a.on_leave]
    away = [v.name(mid) for mid in required if mid not in a.present and mid not in a.on_leave]
    bound = "不少于" if gate.inclusive else "超过"
    parts = [f"请假：{'、'.join(leave)}"] if leave else []
    parts += [f"缺席：{'、'.join(away)}"] if away else []
    detail = "；".join(parts)
    message = f"「{gate.name}」：应到{total}人，实到{present}人，须{bound}{gate.share}（至少{need}人）" + (
        f"；{detail}" if detail else ""
    )
    yield Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message), None


def _attendance(state: CaseState, gate: Gate, on: dt.date) -> Found:
    missing = _roll_call(state, gate, on)
    if missing is not None:
        yield missing
        return
    v = state.view
    a = state.round.attendance
    assert a is not None
    for role_id in gate.roles or []:
        role = v.roles[role_id]
        members = v.role_members.get(role_id)
        if members:
            if any(mid in a.present for mid in members):
                continue
        elif role_id in a.guests or role.name in a.guests:
            continue
        message = f"「{gate.name}」：{v.name(role_id)}未到会"
        yield (
            Blocker.built(rule=gate.id, kind=gate.kind, item=role_id, citation=_cite(v, gate), message=message),
            _action(gate, v.name(role_id), "到会", None, on),
        )


def _no_number(state: CaseState, gate: Gate, on: dt.date) -> tuple[Blocker, NextAction]:
    """A gate whose number is a parameter nobody gave: it cannot be judged, so it blocks and says which."""
    v = state.view
    name = gate.days.parameter if isinstance(gate.days, ParameterRef) else "days"
    message = f"「{gate.name}」：参数 {name} 未给出，无法判断"
    blocker = Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message)
    return blocker, _action(gate, v.rules.team.name, f"在案件中给出参数 {name}", None, on)


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


def _days(d: float) -> str:
    if d == 1.5:
        return "一天半"
    if d == int(d):
        return f"{int(d)}天"
    return f"{d:g}天"


def _by(window: Window | None) -> str:
    if window is None:
        return ""
    return f"，时限：{window.end}前" if window.start is None else f"，时间：{window.start}至{window.end}"


_GATES = {
    "tasks_done": _tasks_done,
    "talks_covered": _talks_covered,
    "materials_passed": _materials_passed,
    "lead_time": _lead_time,
    "min_length": _min_length,
    "max_length": _max_length,
    "meeting_window": _meeting_window,
    "quorum": _quorum,
    "attendance": _attendance,
    "resubmitted_in_time": _resubmitted_in_time,
}
