"""The front door: read a case, replay its events, ask whether the meeting can be convened."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from lifemeeting.case.corrections import RETRACTED, corrected, renumbered
from lifemeeting.case.model import Case, Event
from lifemeeting.dates import periods as _dates
from lifemeeting.engine.readiness import readiness
from lifemeeting.engine.readiness_model import Readiness
from lifemeeting.engine.replay import CaseState, replay, replay_as_of
from lifemeeting.engine.view import CaseView
from lifemeeting.errors import CaseError, EventRefused, Problem
from lifemeeting.ruleset.load import LoadedRuleSet, load_ruleset
from lifemeeting.source.problems import problems_from
from lifemeeting.source.yaml import Located, load_mapping

if TYPE_CHECKING:  # made by status(), which imports it: a check need not make the status models
    from lifemeeting.engine.answer_model import Status

CaseSource = str | os.PathLike[str] | Mapping[str, Any] | Case


def read_case(source: CaseSource) -> tuple[Case, Located | None]:
    """Parse a case file (YAML or JSON), a mapping, or pass a ``Case`` through; errors name FILE:LINE:COL."""
    if isinstance(source, Case):
        return source, None
    if isinstance(source, Mapping):
        return _validated(source, None), None
    located = _read(source)
    return _validated(located.data, located), located


def _read(source: str | os.PathLike[str]) -> Located:
    """A case file's data with the position of every value in it."""
    shown = str(source)
    try:
        data = Path(source).read_bytes()
    except FileNotFoundError:
        raise CaseError([Problem(shown, 1, 1, "no such file")]) from None
    return load_mapping(data, shown, expected="ruleset, unit, members, events", error=CaseError)


def _validated(data: Mapping[str, Any], located: Located | None) -> Case:
    """``data`` as a ``Case``, or ``CaseError`` with every problem (at its FILE:LINE:COL when ``located``)."""
    try:
        return Case.model_validate(dict(data))
    except ValidationError as exc:
        if located is not None:
            raise CaseError(problems_from(exc, located, Case)) from None
        raise CaseError(
            [Problem("<case>", 1, 1, f"{'.'.join(map(str, e['loc']))}: {e['msg']}") for e in exc.errors()]
        ) from None


def event_from(data: object, index: int) -> Event:
    """``data`` as an ``Event``, or ``EventRefused`` numbered ``index`` saying what is wrong with it."""
    if not isinstance(data, Mapping):
        raise EventRefused(index, "?", f"事件应是一个映射（date、type……），不是 {type(data).__name__}")
    kind = data.get("type")
    try:
        return Event.model_validate(dict(data))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"])) or "event"
        more = f"（另有{len(exc.errors()) - 1}处）" if len(exc.errors()) > 1 else ""
        raise EventRefused(index, kind if isinstance(kind, str) else "?", f"{where}: {first['msg']}{more}") from None


class OpenCase:
    """A case bound to its rule set, with its events replayed; new events can be applied one by one."""

    def __init__(self, case: Case, ruleset: LoadedRuleSet, *, located: Located | None = None) -> None:
        self.case = case.model_copy(update={"events": list(case.events)})  # our own list: applied events join it
        self.ruleset = ruleset
        self._located = located
        self._as_of: tuple[dt.date, CaseState] | None = None  # the state as of a day before the last event
        self._answer: tuple[dt.date, Readiness] | None = None  # the last answer, while no event has come since
        # ``view.case`` is ``case`` as if its retracted events had not happened (``case`` itself when
        # none was); ``_positions``: each of its events' index in ``case.events`` (None: the same).
        self.view, self.state, self._positions = self._replayed(self.case)

    def _replayed(self, case: Case) -> tuple[CaseView, CaseState, list[int] | None]:
        effective, positions = corrected(case)
        view = CaseView(self.ruleset, effective, located=self._located)
        try:
            return view, replay(view), positions
        except EventRefused as exc:
            raise renumbered(exc, positions) from None

    def apply(self, event: Event | Mapping[str, Any], *, recorded_on: dt.date | None = None) -> None:
        """Apply one more event; a refused event raises ``EventRefused`` and changes nothing.

        ``recorded_on``: the day the event is being recorded (the store and the service pass
        today in Asia/Shanghai); an event dated after it has not happened yet and is refused.
        A ``retracted`` event replays the case without the event it names; it is refused,
        naming the event, when a later event would then be refused (it depended on it).
        """
        index = len(self.case.events)
        if not isinstance(event, Event):
            event = event_from(event, index)
        if recorded_on is not None and event.date > recorded_on:
            raise EventRefused(
                index,
                event.type,
                f"日期 {event.date} 晚于记录之日（{recorded_on}）：尚未发生的事不能记录",
            )
        if event.type == RETRACTED:
            self._retract(event, index)
            return
        self.state.apply(event, index)
        self.case.events.append(event)  # so replays for an earlier day, timelines and diagrams see it
        if self._positions is not None:  # the corrected case is a list of its own
            self.view.case.events.append(event)
            self._positions.append(index)
        self._as_of = self._answer = None

    def _retract(self, event: Event, index: int) -> None:
        trail = self.case.model_copy(update={"events": [*self.case.events, event]})
        try:
            view, state, positions = self._replayed(trail)
        except EventRefused as exc:
            if exc.index == index:  # the retraction itself is malformed
                raise
            raise EventRefused(
                index,
                event.type,
                f"第{exc.index + 1}个事件（{exc.event_type}）依赖第{event.retracts}个事件："
                f"撤回后它将被拒绝：{exc.reason}",
            ) from None
        self.case = trail
        self.view, self.state, self._positions = view, state, positions
        self._as_of = self._answer = None

    def can_convene(self, on: dt.date | None = None) -> Readiness:
        """Whether the meeting may be held on ``on`` (default: today in Asia/Shanghai), counting events up to that day.

        Asked again for the same day with no event applied since, it returns the same
        (immutable) answer instead of working it out again: page views cost a lookup.
        """
        on = on or _dates.today()
        kept = self._answer
        if kept is not None and kept[0] == on:
            return kept[1]
        answer = readiness(self._state_on(on), on)
        self._answer = (on, answer)
        return answer

    def status(self, on: dt.date | None = None) -> Status:
        """Stage, round, duties done / due / overdue as of ``on`` (default: today in Asia/Shanghai)."""
        from lifemeeting.answers.status import status

        on = on or _dates.today()
        return status(self._state_on(on), on)

    def _state_on(self, on: dt.date) -> CaseState:
        """The state counting events up to ``on``; replayed once per day asked about, then kept."""
        state = self.state
        if state.last_date is None or state.last_date <= on:
            return state
        if self._as_of is None or self._as_of[0] != on:
            self._as_of = (on, replay(self.view, until=on))
        return self._as_of[1]


def open_case(source: CaseSource, *, ruleset: LoadedRuleSet | str | os.PathLike[str] | None = None) -> OpenCase:
    """Read a case and bind it to its rule set (the one it names, unless ``ruleset`` is given)."""
    case, located = read_case(source)
    return OpenCase(case, _bind(case, ruleset, located), located=located)


def _bind(case: Any, ruleset: LoadedRuleSet | str | os.PathLike[str] | None, located: Located | None) -> LoadedRuleSet:
    """The rule set ``case`` is answered under: ``ruleset``, else the one it names; a changed pinned one is refused."""
    loaded = (
        ruleset if isinstance(ruleset, LoadedRuleSet) else load_ruleset(case.ruleset if ruleset is None else ruleset)
    )
    if case.pinned is not None:
        from lifemeeting.case.pinning import verify

        verify(case, loaded, located)  # a changed rule set is refused, not silently re-applied
    return loaded


def can_convene(source: CaseSource, *, on: dt.date | None = None) -> Readiness:
    """Every blocker between this case and its meeting, as of ``on`` (default: today in Asia/Shanghai).

    Data and files are decoded the fast way (``_fastcase``); only what that refuses is
    validated by pydantic, which accepts it or says what is wrong and where.
    """
    on = on or _dates.today()
    if isinstance(source, Case):
        return answer(source, None, on)
    from lifemeeting.case.decode import convert  # msgspec: imported by the paths that use it

    located: Located | None = None
    if isinstance(source, Mapping):
        data: Mapping[str, Any] = source
    else:
        located = _read(source)
        data = located.data  # load_mapping gives a mapping or raises
    fast = convert(data)  # None: only pydantic can say what is wrong with it
    return answer(fast if fast is not None else _validated(data, located), None, on, located=located)


def answer(case: Any, ruleset: LoadedRuleSet | None, on: dt.date, *, located: Located | None = None) -> Readiness:
    """The answer for a validated ``case`` (a ``Case`` or its ``_fastcase`` struct) as of ``on``, kept by no one.

    What ``open_case(case).can_convene(on)`` answers, from one pass over the events and
    without the copy of the case an open case keeps for events applied later.
    """
    loaded = _bind(case, ruleset, located)
    # Replayed as it stands first. Replay refuses a retraction, so a case with one always comes
    # to a refusal, and is then replayed without what it retracts: the events are looked
    # through for retractions only then (~7 µs a county case, ~2 % of a bulk run, otherwise).
    try:
        _state, as_of = replay_as_of(CaseView(loaded, case, located=located), on)
    except EventRefused:
        effective, positions = corrected(case)
        if positions is None:  # no retraction: the refusal stands
            raise
        try:
            _state, as_of = replay_as_of(CaseView(loaded, effective, located=located), on)
        except EventRefused as exc:
            raise renumbered(exc, positions) from None
    return readiness(as_of, on)
