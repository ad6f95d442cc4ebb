"""Review chains as state machines.

A material's *path* is the chain's links that apply to its subject, each optionally
preceded by a pre-sign step. One ``transitions.Machine`` is defined per distinct path
(shared by every material that follows it, never one per material); the hot path runs
the transition table compiled from that same definition (``machine_spec``), read off the
specification directly so that answering needs no Machine; a test checks that the
Machine's own table is the same.

States: ``drafting`` → (``sign:<link>``) → ``at:<link>`` … → ``passed``.
Triggers: ``submit``, ``sign``, ``approve``, ``return`` (back to drafting: 退回重写).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lifemeeting.ruleset import predicate as _predicate
from lifemeeting.ruleset.model import Chain, Link, Material

DRAFTING = "drafting"
PASSED = "passed"


@dataclass(frozen=True, slots=True)
class Step:
    """One state a material waits in: a pre-sign before a link, or the link itself."""

    link: Link
    number: int  # the link's 1-based place in the whole chain, as the source numbers it
    pre_sign: bool = False
    state: str = field(init=False, repr=False, compare=False)  # worked out once: replay asks for it on every event

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", ("sign:" if self.pre_sign else "at:") + self.link.id)


@dataclass(frozen=True, slots=True)
class Move:
    """The ordinary event that moves a material on from one state, read off the transition table.

    For the handlers' first check (``engine.preparing``): ``event`` is ``submitted``, ``signed`` or ``approved``;
    ``link`` the link an approval names; ``by`` the one reviewer or signer (None when a
    link has several reviewers, which the full check handles); ``done`` the pre-sign or link it
    passes (``Path.done_before``); ``passes`` whether ``dest`` is past the last gate.
    """

    event: str
    link: str | None
    by: str | None
    dest: str
    done: str | None
    passes: bool


@dataclass(frozen=True)
class Path:
    """The steps one subject's material passes, with the compiled transition table.

    ``link_ids`` (every link of the chain), ``at_link`` (link id → the step at that link),
    ``by_state`` and ``moves`` (state → its ``Move``) are lookup tables for replay, derived
    from ``chain``, ``steps`` and ``table``; ``done_before`` (state → the pre-signs and links
    passed on the way to it, in order) is a material's record of links done in that state:
    a path never branches, and a return starts it again from drafting.
    """

    chain: Chain
    steps: tuple[Step, ...]
    table: Mapping[tuple[str, str], str] = field(repr=False)
    gate_states: frozenset[str] = field(repr=False)
    link_ids: frozenset[str] = field(init=False, repr=False, compare=False)
    at_link: Mapping[str, Step] = field(init=False, repr=False, compare=False)
    by_state: Mapping[str, Step] = field(init=False, repr=False, compare=False)
    moves: Mapping[str, Move] = field(init=False, repr=False, compare=False)
    done_before: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "link_ids", frozenset(link.id for link in self.chain.links))
        object.__setattr__(self, "at_link", {s.link.id: s for s in self.steps if not s.pre_sign})
        object.__setattr__(self, "by_state", {s.state: s for s in self.steps})
        object.__setattr__(self, "moves", self._moves())
        object.__setattr__(self, "done_before", self._done_before())

    def _moves(self) -> dict[str, Move]:
        first = self.table[(DRAFTING, "submit")]
        moves = {DRAFTING: Move("submitted", None, None, first, None, first in self.gate_states)}
        for s in self.steps:
            if s.pre_sign and s.link.pre_sign is not None:
                dest = self.table[(s.state, "sign")]
                reviewer = s.link.pre_sign.reviewer
                moves[s.state] = Move("signed", None, reviewer, dest, "sign:" + s.link.id, dest in self.gate_states)
            else:
                dest = self.table[(s.state, "approve")]
                sole = s.link.reviewers[0] if len(s.link.reviewers) == 1 else None
                moves[s.state] = Move("approved", s.link.id, sole, dest, s.link.id, dest in self.gate_states)
        return moves

    def _done_before(self) -> dict[str, tuple[str, ...]]:
        done: list[str] = []
        before: dict[str, tuple[str, ...]] = {DRAFTING: ()}
        for s in self.steps:  # submitting passes nothing; each sign-off or approval passes its step
            before[s.state] = tuple(done)
            done.append(self.moves[s.state].done)  # type: ignore[arg-type]  # never None past drafting
        before[PASSED] = tuple(done)
        return before

    def step_at(self, state: str) -> Step | None:
        return self.by_state.get(state)


def steps_for(chain: Chain, subject: Mapping[str, Any], unit: Mapping[str, Any]) -> tuple[Step, ...]:
    """The steps of ``chain`` that ``subject``'s material passes in ``unit``."""
    steps: list[Step] = []
    for number, link in enumerate(chain.links, start=1):
        if not _predicate.matches(link.applies_to, subject, unit):
            continue
        if link.pre_sign and _predicate.matches(link.pre_sign.applies_to, subject, unit):
            steps.append(Step(link, number, pre_sign=True))
        steps.append(Step(link, number))
    return tuple(steps)


def path_for(chain: Chain, subject: Mapping[str, Any], unit: Mapping[str, Any]) -> Path:
    """The path of ``subject``'s material through ``chain`` in ``unit``, compiled afresh.

    A case view takes its paths from ``CompiledRuleSet.path``, which compiles each distinct
    path of a rule set once.
    """
    return compile_path(chain, steps_for(chain, subject, unit))


def filing_chain(material: Material) -> Chain:
    """The empty chain of a material nobody reviews: submitting it is enough.

    Made of the material's own checked fields, so not validated again: validating would build
    ``Chain``'s validator in every process that answers a case (~6 ms of ``check``'s start-up).
    """
    return Chain.model_construct(
        id=f"{material.id}_filing", name=material.name, material=material.id, links=[], cite=material.cite
    )


def compile_path(chain: Chain, steps: tuple[Step, ...]) -> Path:
    """The path through ``steps`` of ``chain``, with its transition table read off the machine specification."""
    table = compile_spec(machine_spec(steps))
    last_gate = max((i for i, s in enumerate(steps) if not s.pre_sign and s.link.is_gate), default=-1)
    gate_states = frozenset([s.state for s in steps[last_gate + 1 :]] + [PASSED])
    return Path(chain, steps, table, gate_states)


def machine_spec(steps: tuple[Step, ...]) -> dict[str, Any]:
    """The states and transitions of one path, as ``transitions.Machine`` keyword arguments."""
    states = [DRAFTING, *(s.state for s in steps), PASSED]
    transitions: list[dict[str, Any]] = [{"trigger": "submit", "source": DRAFTING, "dest": states[1]}]
    for here, nxt in zip(states[1:-1], states[2:], strict=True):
        trigger = "sign" if here.startswith("sign:") else "approve"
        transitions.append({"trigger": trigger, "source": here, "dest": nxt})
    reviewing = states[1:-1]
    if reviewing:
        transitions.append({"trigger": "return", "source": reviewing, "dest": DRAFTING})
    return {"states": states, "transitions": transitions, "initial": DRAFTING}


def define_machine(chain: Chain, steps: tuple[Step, ...]) -> Any:
    """A model-less ``transitions.Machine`` for this path: the definition we check and draw."""
    from transitions import Machine

    return Machine(model=None, auto_transitions=False, name=chain.id, **machine_spec(steps))


def compile_spec(spec: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    """``(state, trigger) -> next state`` read off a machine specification, as ``compile_table`` reads the Machine."""
    table: dict[tuple[str, str], str] = {}
    for t in spec["transitions"]:
        for source in [t["source"]] if isinstance(t["source"], str) else t["source"]:
            if (source, t["trigger"]) in table:
                raise ValueError(f"a path never branches, but '{t['trigger']}' leaves '{source}' twice")
            table[(source, t["trigger"])] = t["dest"]
    return table


def compile_table(machine: Any) -> dict[tuple[str, str], str]:
    """``(state, trigger) -> next state`` read off a transitions Machine."""
    table: dict[tuple[str, str], str] = {}
    for trigger, event in machine.events.items():
        for source, transitions in event.transitions.items():
            (only,) = transitions  # a path never branches
            table[(source, trigger)] = only.dest
    return table
