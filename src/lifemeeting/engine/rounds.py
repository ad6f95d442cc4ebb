"""After the meeting: holding it, appraisals, orders, and the rounds they start (返工补课, 重新召开).

``RoundRules`` is the part of ``CaseState`` that moves a case between stages and rounds; it
works on the state's own records and the stage table compiled from ``_stages``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from lifemeeting.case.model import Event
from lifemeeting.engine.stages import HELD, PREPARING, REDOING, table
from lifemeeting.engine.state import AppraisalResult, MaterialState, Round, _copy_material, _need, _Refuse
from lifemeeting.ruleset.shares import meets
from lifemeeting.source.problems import did_you_mean

if TYPE_CHECKING:
    from lifemeeting.engine.view import CaseView


class RoundRules:
    """Stages and rounds of a ``CaseState``: what happens once the meeting is held."""

    view: CaseView
    rounds: list[Round]
    _redo: bool
    _reconvene: bool
    _after_set: frozenset[str]
    _duty_set: frozenset[str]

    def _settle(self, on: dt.date) -> None:
        """Move on by themselves: a redo whose steps are all done, a round whose duties are all done."""
        r = self.round
        if r.stage == REDOING and self._redo_complete():
            r.stage = table(self._redo, self._reconvene)[(REDOING, "finish_redo", "ok")]
        if r.stage == HELD and self._complete():
            r.stage = table(self._redo, self._reconvene)[(HELD, "close", "ok")]

    def _redo_complete(self) -> bool:
        r, v = self.round, self.view
        for item in r.redo:
            if item in v.task_by_id and item not in (r.duties if item in self._duty_ids else r.done):
                return False
            if item in v.required and any(p not in r.talks for p in v.required[item]):
                return False
            if any(k[0] == item and not m.gate_passed for k, m in r.materials.items()):
                return False
        return True

    def _complete(self) -> bool:
        r, v = self.round, self.view
        if any(d.id not in r.duties for d in v.duties):
            return False
        if any(key[0] in self._after_set and not m.gate_passed for key, m in r.materials.items()):
            return False
        needed = [a.id for a in self._appraisals() if a.threshold]
        return all(any(x.appraisal == a and x.passed for x in r.appraisals) for a in needed)

    def _appraisals(self):
        tier = self.view.tier
        return [a for a in self.view.rules.appraisals if a.tiers is None or tier in a.tiers]

    def _new_round(self, trigger: str, kind: str, on: dt.date, cause: str, redo: list[str]) -> Round:
        old = self.round
        materials = {}
        for key, m in old.materials.items():
            fresh = key[0] in redo or (kind == "reconvene" and key[0] in self._after_set)  # a new meeting, new reports
            materials[key] = MaterialState(m.slot) if fresh else _copy_material(m)
        redo_pairs = {p for item in redo for p in self.view.required.get(item, ())}
        talks = {p: d for p, d in old.talks.items() if p not in redo_pairs}
        done = {t: d for t, d in old.done.items() if t not in redo}
        new = Round(old.number + 1, kind, on, cause, materials, talks, done)
        new.stage = table(self._redo, self._reconvene)[(old.stage, trigger, kind)]
        if kind == "redo":
            new.held_on = old.held_on
            new.duties = {d: x for d, x in old.duties.items() if d not in redo}
        new.redo = list(redo)
        return new

    def _consequence(self, trigger: str, on: dt.date, kind: str, cause: str, redo: list[str]):
        """The change a failed appraisal or an order makes: reset steps, maybe start a round."""
        if kind == "restart":
            v = self.view
            redo = [t.id for t in v.tasks] + list(v.required) + sorted({k[0] for k in self.materials})
            kind = "reconvene" if self.round.held_on else "redo"
        if kind == "redo" and self.round.held_on is None:  # before the meeting: repeat in this round

            def change() -> None:
                r = self.round
                for key, m in list(r.materials.items()):
                    if key[0] in redo:
                        r.materials[key] = MaterialState(m.slot)
                pairs = {p for item in redo for p in self.view.required.get(item, ())}
                for p in pairs:
                    r.talks.pop(p, None)
                for t in redo:
                    r.done.pop(t, None)

            return change
        return lambda: self.rounds.append(self._new_round(trigger, kind, on, cause, redo))

    # -- post-meeting events ---------------------------------------------------------------
    def _check_held(self, e: Event):
        from lifemeeting.engine.readiness import readiness

        answer = readiness(self, e.date)
        if not answer.convenable:
            reasons = "; ".join(b.message for b in answer.blockers)
            raise _Refuse(f"the meeting may not be held on {e.date}: {reasons}")

        def change() -> None:
            self.round.held_on = e.date
            self.round.stage = table(self._redo, self._reconvene)[(PREPARING, "hold", "ok")]

        return change

    def _check_appraised(self, e: Event):
        appraisal_id = _need(e, "appraisal")
        known = {a.id: a for a in self._appraisals()}
        if appraisal_id not in known:
            raise _Refuse(f"unknown appraisal '{appraisal_id}'{did_you_mean(appraisal_id, set(known))}")
        a = known[appraisal_id]
        satisfied, total = _need(e, "satisfied"), _need(e, "total")
        if total == 0:
            raise _Refuse("a survey with zero votes has no result; record the votes cast")
        if satisfied > total:
            raise _Refuse(f"{satisfied} satisfied votes out of {total} cast is not possible")
        passed = a.threshold is None or meets(a.threshold, satisfied, total)
        result = AppraisalResult(appraisal_id, e.date, satisfied, total, passed)
        if passed or a.below is None:
            return lambda: self.round.appraisals.append(result)
        then = self._consequence(
            "appraise", e.date, a.below, f"{a.name}满意率{satisfied}/{total}低于{a.threshold}", list(a.redo)
        )

        def change() -> None:
            self.round.appraisals.append(result)
            then()

        return change

    def _check_ordered(self, e: Event):
        v = self.view
        order_id = _need(e, "order")
        orders = {o.id: o for o in v.rules.orders if o.tiers is None or v.tier in o.tiers}
        if order_id not in orders:
            raise _Refuse(f"unknown order '{order_id}'{did_you_mean(order_id, set(orders))}")
        o = orders[order_id]
        if o.consequence == "reconvene" and self.round.held_on is None:
            raise _Refuse(f"'{order_id}' ({o.name}) needs a meeting that was held; the case is at stage '{self.stage}'")
        return self._consequence(
            "order", e.date, o.consequence, o.name + (f"：{e.reason}" if e.reason else ""), list(o.redo)
        )
