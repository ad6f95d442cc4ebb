""" "Can this meeting be convened yet?" — every gate checked, every blocker explained.

The answer's models are built with ``built`` (``model_construct``): from a checked rule set and a replayed
case, with the types the models declare, so validating them again would only cost (five
validators built on first use, ~20 ms of a command's start). ``tests/test_cold_start.py`` holds
every example's answer to what validating it gives; models built from outside input (the
service's requests, ``model_validate``) are still validated.

Here are ``readiness`` and the table of gate checks by kind; the checks are in ``gates_preparation`` and
``gates_meeting`` (what they share in ``gates_common``), the warnings that block nothing in
``readiness_warnings``, the facts a ``when`` condition tests in ``meeting_facts``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lifemeeting.engine.gates_meeting import _attendance, _max_length, _meeting_window, _min_length, _quorum
from lifemeeting.engine.gates_preparation import (
    _lead_time,
    _materials_passed,
    _resubmitted_in_time,
    _talks_covered,
    _tasks_done,
    late_resubmissions,
)
from lifemeeting.engine.meeting_facts import facts, unmet
from lifemeeting.engine.readiness_model import Blocker, NextAction, Readiness, Receipt
from lifemeeting.engine.readiness_warnings import _outside_window, agenda_too_long
from lifemeeting.engine.stages import PREPARING, REDOING, STAGE_NAMES
from lifemeeting.engine.view import CaseView
from lifemeeting.ruleset.predicate import matches
from lifemeeting.version import engine_version

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState

__all__ = ["agenda_too_long", "facts", "late_resubmissions", "readiness", "soft_gates", "unmet"]


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
