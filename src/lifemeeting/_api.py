"""The front door: read a case, replay its events, ask whether the meeting can be convened."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ._answer_model import Readiness, Status
from ._case_model import Case, Event
from ._errors import CaseError, Problem
from ._loader import LoadedRuleSet, load_ruleset
from ._readiness import readiness
from ._replay import CaseState, replay, replay_as_of
from ._validation import problems_from
from ._view import CaseView
from ._yamlsource import Located, load_mapping

CaseSource = str | os.PathLike[str] | Mapping[str, Any] | Case


def read_case(source: CaseSource) -> tuple[Case, Located | None]:
    """Parse a case file (YAML or JSON), a mapping, or pass a ``Case`` through; errors name FILE:LINE:COL."""
    if isinstance(source, Case):
        return source, None
    if isinstance(source, Mapping):
        try:
            return Case.model_validate(dict(source)), None
        except ValidationError as exc:
            raise CaseError([Problem("<case>", 1, 1, f"{'.'.join(map(str, e['loc']))}: {e['msg']}") for e in exc.errors()]) from None
    path = Path(source)
    shown = str(source)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CaseError([Problem(shown, 1, 1, "no such file")]) from None
    located = load_mapping(data, shown, expected="ruleset, unit, members, events", error=CaseError)
    try:
        return Case.model_validate(located.data), located
    except ValidationError as exc:
        raise CaseError(problems_from(exc, located, Case)) from None


class OpenCase:
    """A case bound to its rule set, with its events replayed; new events can be applied one by one."""

    def __init__(self, case: Case, ruleset: LoadedRuleSet, *, located: Located | None = None, as_of: dt.date | None = None) -> None:
        self.case = case.model_copy(update={"events": list(case.events)})  # our own list: applied events join it
        self.ruleset = ruleset
        self.view = CaseView(ruleset, self.case, located=located)
        self._as_of: tuple[dt.date, CaseState] | None = None  # the state as of a day before the last event
        if as_of is None:
            self.state: CaseState = replay(self.view)
        else:  # one pass gives the state as of that day too
            self.state, early = replay_as_of(self.view, as_of)
            self._as_of = (as_of, early)

    def apply(self, event: Event | Mapping[str, Any]) -> None:
        """Apply one more event; a refused event raises ``EventRefused`` and changes nothing."""
        if not isinstance(event, Event):
            event = Event.model_validate(dict(event))
        self.state.apply(event, len(self.case.events))
        self.case.events.append(event)  # so replays for an earlier day, timelines and diagrams see it
        self._as_of = None

    def can_convene(self, on: dt.date | None = None) -> Readiness:
        """Whether the meeting may be held on ``on`` (default today), counting events up to that day."""
        on = on or dt.date.today()
        return readiness(self._state_on(on), on)

    def status(self, on: dt.date | None = None) -> Status:
        """Stage, round, duties done / due / overdue as of ``on`` (default today)."""
        from ._status import status

        on = on or dt.date.today()
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
    return _open(source, ruleset=ruleset)


def _open(source: CaseSource, *, ruleset: LoadedRuleSet | str | os.PathLike[str] | None = None, as_of: dt.date | None = None) -> OpenCase:
    """``open_case``; with ``as_of``, the state as of that day is kept from the same replay."""
    case, located = read_case(source)
    if ruleset is None:
        ruleset = case.ruleset
    loaded = ruleset if isinstance(ruleset, LoadedRuleSet) else load_ruleset(ruleset)
    if case.pinned is not None:
        from ._pinning import verify

        verify(case, loaded, located)  # a changed rule set is refused, not silently re-applied
    return OpenCase(case, loaded, located=located, as_of=as_of)


def can_convene(source: CaseSource, *, on: dt.date | None = None) -> Readiness:
    """Every blocker between this case and its meeting, as of ``on`` (default today)."""
    on = on or dt.date.today()
    if isinstance(source, Case):  # already validated: answered without the copy an open case keeps
        return answer(source, None, on)
    if isinstance(source, Mapping):
        from ._fastcase import convert  # msgspec: imported by the paths that use it

        fast = convert(source)  # None: only pydantic can say what is wrong with it
        if fast is not None:
            return answer(fast, None, on)
    return _open(source, as_of=on).can_convene(on)


def answer(case: Any, ruleset: LoadedRuleSet | None, on: dt.date, *, located: Located | None = None) -> Readiness:
    """The answer for a validated ``case`` (a ``Case`` or its ``_fastcase`` struct) as of ``on``, kept by no one.

    What ``OpenCase(…, as_of=on).can_convene(on)`` answers, without the copy of the case an
    open case keeps for events applied later.
    """
    loaded = ruleset if ruleset is not None else load_ruleset(case.ruleset)
    if case.pinned is not None:
        from ._pinning import verify

        verify(case, loaded, located)
    _state, as_of = replay_as_of(CaseView(loaded, case, located=located), on)
    return readiness(as_of, on)
