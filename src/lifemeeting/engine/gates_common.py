"""What every gate check shares: the blocker's citation, the next action with its deadline, a number nobody
gave, and days said in words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lifemeeting.dates.periods import Window
from lifemeeting.engine.readiness_model import Blocker, CitationOut, NextAction
from lifemeeting.engine.view import CaseView
from lifemeeting.ruleset.model import Gate, ParameterRef

if TYPE_CHECKING:
    from lifemeeting.engine.replay import CaseState


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


def _no_number(state: CaseState, gate: Gate, on: dt.date) -> tuple[Blocker, NextAction]:
    """A gate whose number is a parameter nobody gave: it cannot be judged, so it blocks and says which."""
    v = state.view
    name = gate.days.parameter if isinstance(gate.days, ParameterRef) else "days"
    message = f"「{gate.name}」：参数 {name} 未给出，无法判断"
    blocker = Blocker.built(rule=gate.id, kind=gate.kind, citation=_cite(v, gate), message=message)
    return blocker, _action(gate, v.rules.team.name, f"在案件中给出参数 {name}", None, on)


def _days(d: float) -> str:
    if d == 1.5:
        return "一天半"
    if d == int(d):
        return f"{int(d)}天"
    return f"{d:g}天"
