"""The meeting's stages as one state machine, defined with ``transitions`` and run from its table.

Stages: ``preparing`` → ``held`` → ``closed``, with ``redoing`` (返工补课: named steps are
repeated, then the appraisal again) and a new round of ``preparing`` (重新召开 / 责令重开).
A trigger's destination can depend on its outcome (an appraisal that passes or fails);
outcomes are the transitions' conditions, so the drawn machine shows every branch.

Triggers: ``prepare`` (a preparation event), ``hold``, ``record_duty``, ``appraise``,
``order`` (a higher body's order — a redo, e.g. 重新评议, also after a round closed), ``finish_redo``, ``close``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

PREPARING, HELD, REDOING, CLOSED = "preparing", "held", "redoing", "closed"
STAGE_NAMES = {PREPARING: "会前准备", HELD: "已召开，落实会后工作", REDOING: "返工补课", CLOSED: "已完结"}
OUTCOMES = ("ok", "redo", "reconvene")


def machine_spec(*, redo: bool, reconvene: bool) -> dict[str, Any]:
    """States and transitions for a rule set that can (or cannot) send a case to redo or reconvene."""
    states = [PREPARING, HELD] + ([REDOING] if redo else []) + [CLOSED]
    t: list[dict[str, Any]] = [
        {"trigger": "prepare", "source": PREPARING, "dest": PREPARING},
        {"trigger": "order", "source": PREPARING, "dest": PREPARING, "conditions": "outcome_ok"},
        {"trigger": "hold", "source": PREPARING, "dest": HELD},
        {"trigger": "record_duty", "source": HELD, "dest": HELD},
        {"trigger": "appraise", "source": HELD, "dest": HELD, "conditions": "outcome_ok"},
        {"trigger": "close", "source": HELD, "dest": CLOSED},
    ]
    if redo:
        t += [
            {"trigger": "appraise", "source": HELD, "dest": REDOING, "conditions": "outcome_redo"},
            {"trigger": "order", "source": [HELD, CLOSED], "dest": REDOING, "conditions": "outcome_redo"},
            {"trigger": "prepare", "source": REDOING, "dest": REDOING},
            {"trigger": "record_duty", "source": REDOING, "dest": REDOING},
            {"trigger": "finish_redo", "source": REDOING, "dest": HELD},
        ]
    if reconvene:
        t += [
            {"trigger": "appraise", "source": HELD, "dest": PREPARING, "conditions": "outcome_reconvene"},
            {"trigger": "order", "source": [HELD, CLOSED], "dest": PREPARING, "conditions": "outcome_reconvene"},
        ]
    return {"states": states, "transitions": t, "initial": PREPARING}


def define_machine(*, redo: bool, reconvene: bool) -> Any:
    """The model-less ``transitions.Machine`` we check and draw."""
    from transitions import Machine

    return Machine(model=None, auto_transitions=False, name="stages", **machine_spec(redo=redo, reconvene=reconvene))


@cache
def table(redo: bool, reconvene: bool) -> dict[tuple[str, str, str], str]:
    """``(stage, trigger, outcome) -> next stage``, compiled once per kind of rule set from ``machine_spec``."""
    out: dict[tuple[str, str, str], str] = {}
    for t in machine_spec(redo=redo, reconvene=reconvene)["transitions"]:
        conds = t.get("conditions")
        outcomes = [c.removeprefix("outcome_") for c in ([conds] if isinstance(conds, str) else conds or [])] or ["ok"]
        for source in [t["source"]] if isinstance(t["source"], str) else t["source"]:
            for outcome in outcomes:
                out[(source, t["trigger"], outcome)] = t["dest"]
    return out


def machine_table(redo: bool, reconvene: bool) -> dict[tuple[str, str, str], str]:
    """The same table read off the ``transitions.Machine`` itself (what ``table`` must agree with)."""
    machine = define_machine(redo=redo, reconvene=reconvene)
    out: dict[tuple[str, str, str], str] = {}
    for trigger, event in machine.events.items():
        for source, transitions in event.transitions.items():
            for tr in transitions:
                conds = [c.func for c in tr.conditions]
                outcomes = [c.removeprefix("outcome_") for c in conds] or ["ok"]
                for outcome in outcomes:
                    out[(source, trigger, outcome)] = tr.dest
    return out


def allowed(stage: str, trigger: str, redo: bool, reconvene: bool) -> bool:
    return (stage, trigger) in allowed_pairs(redo, reconvene)


@cache
def allowed_pairs(redo: bool, reconvene: bool) -> frozenset[tuple[str, str]]:
    """Every ``(stage, trigger)`` the table takes under some outcome; replay asks this for each event."""
    return frozenset((stage, trigger) for stage, trigger, outcome in table(redo, reconvene) if outcome in OUTCOMES)
