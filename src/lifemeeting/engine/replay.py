"""Replaying a case's events: each is checked against the rules before anything changes.

An event that is not allowed raises ``EventRefused`` with its index and the reason;
the state stays as it was before that event, and no later event is applied.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from lifemeeting.case.model import Event
from lifemeeting.dates.periods import YEARS_AROUND
from lifemeeting.engine import preparing, rounds
from lifemeeting.engine.stages import PREPARING, STAGE_NAMES, allowed_pairs
from lifemeeting.engine.state import AppraisalResult, MaterialState, Round, _copy_round, _Refuse
from lifemeeting.engine.talks import PairCode
from lifemeeting.engine.view import CaseView
from lifemeeting.errors import EventRefused

__all__ = ["HANDLERS", "AppraisalResult", "CaseState", "MaterialState", "Round", "replay", "replay_as_of"]

RECORD_DUTY = "record_duty"  # the trigger of an event on a post-meeting duty or an after-meeting material


class CaseState:
    """Everything the events of a case have established so far, round by round."""

    def __init__(self, view: CaseView) -> None:
        self.view = view
        materials = {key: MaterialState(slot) for key, slot in view.slots.items()}
        self.rounds: list[Round] = [Round(1, "initial", None, None, materials, {}, {})]
        self.last_date: dt.date | None = None
        self.applied = 0
        tables = view._compiled
        self.earliest, self.latest = tables.earliest, tables.latest  # the days events may fall on
        self.redo, self.reconvene = tables.redo, tables.reconvene  # which stages the case can reach
        self.allowed = allowed_pairs(self.redo, self.reconvene)
        self.duty_ids = view.duty_ids
        self.after_meeting = tables.after_meeting  # events on these materials are duties
        self.preparing_round: Round | None = self.rounds[0]  # see ``restage``
        self.rating_tasks = tables.rating_tasks  # duties whose 'done' ratings.done takes
        self.rates = tables.rates
        self.talk_place, self.pair_base = view.talk_place, view.pair_base  # for the talk handler
        self.deadlines_set = False  # a return set a resubmission deadline: only then are late ones looked for

    @property
    def round(self) -> Round:
        return self.rounds[-1]

    @property
    def materials(self) -> dict[tuple[str, str], MaterialState]:
        return self.round.materials

    @property
    def talks(self) -> dict[PairCode, dt.date]:
        return self.round.talks

    @property
    def done(self) -> dict[str, dt.date]:
        return self.round.done

    @property
    def stage(self) -> str:
        return self.round.stage

    def copy(self) -> CaseState:
        """An independent copy: later events applied to either leave the other as it was."""
        new = object.__new__(CaseState)
        new.__dict__.update(self.__dict__)
        new.rounds = [_copy_round(r) for r in self.rounds]
        new.restage()
        return new

    def restage(self) -> None:
        """Note the round being prepared: the current one while it is at stage ``preparing``, else None.

        Whatever changes a round's stage or starts a round calls this (``rounds.py``), so the
        handlers of preparation events can tell from one attribute whether the stage takes them.
        """
        r = self.rounds[-1]
        self.preparing_round = r if r.stage == PREPARING else None

    @property
    def meeting_on(self) -> dt.date | None:
        """The date the current round's deadlines count from: its meeting, or the one it redoes."""
        for r in reversed(self.rounds):
            if r.held_on is not None:
                return r.held_on if (r is self.round or not self.round.needs_meeting) else None
        return None

    # -- the one way in -------------------------------------------------------------------
    def apply(self, event: Event, index: int | None = None) -> None:
        """Apply ``event`` or raise ``EventRefused``; on refusal nothing changes."""
        self.run((event,), 0, None, self.applied if index is None else index)

    def run(self, events: Sequence[Event], i: int, until: dt.date | None, first: int = 0) -> int:
        """Apply ``events[i:]`` dated up to ``until``; the index of the first one left (``len(events)`` if none).

        Each event goes to its handler in ``HANDLERS``; a refused one raises ``EventRefused``
        numbered ``first + i``, with every event before it applied and nothing of it.
        """
        handlers, settle, latest = HANDLERS, rounds.settle, self.latest
        last, start = self.last_date, i
        low = self.earliest if last is None else last  # an event dated in low..high passes every date check
        high = latest if until is None or until > latest else until
        try:
            for event in events[i:] if i else events:
                date = event.date
                if date < low or date > high:  # the checks one by one, in order, to stop or say why
                    if until is not None and date > until:
                        break
                    if last is None:
                        if date < self.earliest:
                            raise _Refuse(self._far(date))
                    elif date < last:
                        raise _Refuse(f"日期 {date} 早于前一个事件（{last}）：事件按发生先后记录")
                    if date > latest:
                        raise _Refuse(self._far(date))
                handlers[event.type](self, event)
                last = low = date
                i += 1
                if self.preparing_round is None:  # only a held or redoing round can move on by itself
                    self.last_date, self.applied = last, self.applied + i - start  # as the round's checks see it
                    start = i
                    settle(self, date)
        except _Refuse as exc:
            raise self._refused(events[i], first + i, exc.reason) from None
        finally:
            self.last_date, self.applied = last, self.applied + i - start
        return i

    def admit(self, e: Event, trigger: str) -> None:
        """Refuse ``e`` unless the case's stage takes ``trigger`` (or a post-meeting duty, which ``e`` records)."""
        if (e.type == "done" and e.task in self.duty_ids) or e.material in self.after_meeting:
            trigger = RECORD_DUTY
        if (self.rounds[-1].stage, trigger) not in self.allowed:
            raise _Refuse(self._not_now(e, trigger))

    def _far(self, date: dt.date) -> str:
        year = self.view.rules.year
        return (
            f"日期 {date} 与规则集的年份 {year} 相差超过 {YEARS_AROUND} 年；"
            f"事件的日期应在 {self.earliest} 至 {self.latest} 之间"
        )

    def _refused(self, e: Event, idx: int, reason: str) -> EventRefused:
        location = None
        v = self.view
        if v._located is not None and ("events", idx) in v._located.marks:  # not for events applied later
            line, col = v._located.where(("events", idx))
            location = f"{v.origin}:{line}:{col}"
        return EventRefused(idx, e.type, reason, location=location)

    def _not_now(self, e: Event, trigger: str) -> str:
        r, meeting = self.round, self.view.rules.meeting.name
        stage = f"案件在第{r.number}轮的 '{self.stage}' 阶段（{STAGE_NAMES[self.stage]}）"
        if trigger == RECORD_DUTY:
            what = e.task or e.material
            return f"'{what}' 是会后的事，第{r.number}轮{meeting}尚未召开" if self.stage == PREPARING else stage
        if trigger == "hold":
            return f"第{r.number}轮{meeting}已于 {r.held_on} 召开" if r.held_on else stage
        if trigger == "appraise":
            return f"测评在{meeting}召开之后；{stage}"
        return f"{stage}，不再记录会前准备的事件"


Handler = Callable[[CaseState, Event], None]

HANDLERS: dict[str, Handler] = {
    "done": preparing.done,
    "talk": preparing.talk,
    "submitted": preparing.submitted,
    "signed": preparing.signed,
    "approved": preparing.approved,
    "returned": preparing.returned,
    "attended": rounds.attended,
    "granted": rounds.granted,
    "held": rounds.held,
    "appraised": rounds.appraised,
    "rated": rounds.rated,
    "ordered": rounds.ordered,
    "retracted": rounds.retracted,  # taken out before replay (case.corrections): refused if one comes here
}


def replay(view: CaseView, *, until: dt.date | None = None) -> CaseState:
    """The state after every event dated on or before ``until`` (all events when None)."""
    state = CaseState(view)
    state.run(view.case.events, 0, until)
    return state


def replay_as_of(view: CaseView, on: dt.date) -> tuple[CaseState, CaseState]:
    """The state after every event, and the state as of ``on``, from one pass over the events.

    The same as ``replay(view)`` and ``replay(view, until=on)``: the second is copied when
    the first event dated after ``on`` comes, instead of being replayed again.
    """
    state = CaseState(view)
    events = view.case.events
    i = state.run(events, 0, on)
    if i == len(events):
        return state, state
    early = state.copy()
    state.run(events, i, None)
    return state, early
