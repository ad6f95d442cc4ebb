"""Each process keeps the replayed state of the cases it served, so an append checks one event, not the history.

An entry holds an ``OpenCase`` and the version (number of events) it has replayed. Before
use it is caught up with the events other processes stored since — usually none or a few —
and only a new entry, or one dropped after a failed write, replays the whole stream.
Entries are evicted least-recently-used; each has its own lock, so threads of one process
take turns on a case.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from lifemeeting.answers.open import OpenCase
from lifemeeting.case.corrections import corrected
from lifemeeting.case.model import Case, Event


@dataclass
class Entry:
    """One case's replayed state in this process; ``opened`` is None until (re)built."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    opened: OpenCase | None = None
    version: int = 0
    header: Case | None = None
    events: list[Event] = field(default_factory=list)

    def drop(self) -> None:
        """Forget the state (after a write that may not have committed): the next use replays from the start."""
        self.opened, self.version, self.header, self.events = None, 0, None, []

    def applied(self, event: Event, seq: int) -> None:
        """Note an event the state now holds (committed at ``seq``)."""
        self.events.append(event)
        self.version = seq

    def synced(self) -> OpenCase:
        """The state with its case document holding every event applied.

        The answers that replay (readiness or status on an earlier day, timeline, diagrams)
        read the case document: the trail in ``case`` and, in ``view.case``, the case as if
        its retracted events had not happened. Before answering, both are brought level with
        the state if they are not (``OpenCase.apply`` keeps them so).
        """
        assert self.opened is not None and self.header is not None
        opened = self.opened
        if len(opened.case.events) != self.version:
            doc = self.header.model_copy(update={"events": list(self.events)})
            opened.case = doc
            opened.view.case = corrected(doc)[0]
        return opened


class ReplayCache:
    """Least-recently-used entries by case id."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()

    def entry(self, case_id: str) -> Entry:
        with self._lock:
            found = self._entries.get(case_id)
            if found is None:
                found = self._entries[case_id] = Entry()
                while len(self._entries) > self._size:
                    self._entries.popitem(last=False)
            else:
                self._entries.move_to_end(case_id)
            return found

    def forget(self, case_id: str) -> None:
        with self._lock:
            self._entries.pop(case_id, None)
