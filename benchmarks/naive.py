"""The naive design: one ``transitions.Machine`` per case and one per material, driven by triggers.

This is how a state-machine library invites one to write the engine: bind a machine to
every material object (and one to the case for its stages), fire ``submit`` / ``sign`` /
``approve`` / ``return`` on each event and read ``state`` back. It uses the engine's
own case decoding and rule interpretation (``_fastcase``, ``CaseView``: who writes what, each
path, the required talks), so the only difference measured is the per-case machines;
it answers the same question as the hand-written checker (convenable, blocking rule
ids), without messages, citations or next actions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from transitions import Machine

from lifemeeting import load_ruleset
from lifemeeting.case.decode import convert
from lifemeeting.case.model import Case
from lifemeeting.engine.chains import machine_spec
from lifemeeting.engine.stages import machine_spec as stage_spec
from lifemeeting.engine.view import CaseView


class _Material:
    """A material bound to its own machine; ``approvals`` gathers a link's reviewers."""

    def __init__(self, slot: Any) -> None:
        self.slot = slot
        self.approvals: set[str] = set()
        Machine(model=self, auto_transitions=False, **machine_spec(slot.path.steps))


class _Stages:
    def __init__(self) -> None:
        Machine(model=self, auto_transitions=False, **stage_spec(redo=True, reconvene=True))

    def outcome_ok(self) -> bool:
        return True

    def outcome_redo(self) -> bool:
        return False

    def outcome_reconvene(self) -> bool:
        return False


def check(data: dict[str, Any], on: dt.date) -> tuple[bool, frozenset[str]]:
    """Whether the case can convene on ``on`` and which rules block it, replayed on per-case machines."""
    case = convert(data) or Case.model_validate(data)  # the engine's own decoding, as in can_convene(data)
    view = CaseView(load_ruleset(case.ruleset), case)
    stages = _Stages()
    materials = {key: _Material(slot) for key, slot in view.slots.items()}
    talks: set[frozenset[str]] = set()
    done: set[str] = set()
    for e in case.events:
        if e.date > on:
            break
        stages.trigger("prepare")
        if e.type == "talk":
            a, b = (view.resolve_party(p) for p in e.between)
            talks.add(frozenset((a, b)))
        elif e.type == "done":
            done.add(e.task)
        elif e.type == "submitted":
            materials[(e.material, e.subject)].trigger("submit")
        elif e.type == "signed":
            materials[(e.material, e.subject)].trigger("sign")
        elif e.type == "approved":
            m = materials[(e.material, e.subject)]
            step = m.slot.path.step_at(m.state)
            m.approvals.add(next(r for r in step.link.reviewers if e.by == r or e.by in view.role_members.get(r, ())))
            if m.approvals >= set(step.link.reviewers):
                m.approvals = set()
                m.trigger("approve")
        elif e.type == "returned":
            m = materials[(e.material, e.subject)]
            m.approvals = set()
            m.trigger("return")
    blockers: set[str] = set()
    for gate in view.gates:
        if gate.kind == "tasks_done":
            blocked = any(t in view.task_by_id and t not in done for t in gate.tasks or ())
        elif gate.kind == "talks_covered":
            rules = [r.id for r in view.talk_rules if not gate.talks or r.id in gate.talks]
            blocked = any(p not in talks for r in rules for p in view.required[r])
        elif gate.kind == "materials_passed":
            blocked = any(
                k[0] == gate.material and m.state not in m.slot.path.gate_states for k, m in materials.items()
            )
        elif gate.kind == "min_length":
            length = case.meeting.length_days
            blocked = length is None or length < (gate.days or 0)
        else:
            raise NotImplementedError(gate.kind)  # the county tier of puyang-2014 has no other kinds
        if blocked:
            blockers.add(gate.id)
    return not blockers, frozenset(blockers)
