"""What the event store refuses, and why: each error says which case and what it found.

LifemeetingError
└── StoreError                          the store cannot do what was asked
    ├── CaseNotFound(LookupError)       no case with that id
    ├── CaseExists(ValueError)          a case with that id is already stored
    ├── VersionConflict(ValueError)     the case moved on since the caller read it
    ├── IdempotencyConflict(ValueError) a key reused for a different event
    └── HistoryBroken(RuntimeError)     stored events no longer replay (rule set changed underneath)
"""

from __future__ import annotations

from .._errors import LifemeetingError


class StoreError(LifemeetingError):
    """Base class of the event store's refusals."""


class CaseNotFound(StoreError, LookupError):
    """No case with the requested id is stored."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(f"no case '{case_id}' in the store")

    def __str__(self) -> str:
        return self.args[0]


class CaseExists(StoreError, ValueError):
    """A case with this id is already stored; ids are never reused."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(f"case '{case_id}' already exists")

    def __str__(self) -> str:
        return self.args[0]


class VersionConflict(StoreError, ValueError):
    """The caller expected the case at one version, but other events were recorded since."""

    def __init__(self, case_id: str, expected: int, current: int) -> None:
        self.case_id = case_id
        self.expected = expected
        self.current = current
        since = (
            f"{current - expected} event(s) were recorded since; read it again and decide"
            if current > expected
            else "it has not reached that version"
        )
        super().__init__(f"case '{case_id}' is at version {current}, not {expected}: {since}")

    def __str__(self) -> str:
        return self.args[0]


class IdempotencyConflict(StoreError, ValueError):
    """An idempotency key that already recorded one event was sent with a different event."""

    def __init__(self, case_id: str, key: str, seq: int) -> None:
        self.case_id = case_id
        self.key = key
        self.seq = seq
        super().__init__(
            f"idempotency key '{key}' already recorded event {seq} of case '{case_id}' with different content"
        )

    def __str__(self) -> str:
        return self.args[0]


class HistoryBroken(StoreError, RuntimeError):
    """The stored events of a case no longer replay, e.g. because its rule set file changed."""

    def __init__(self, case_id: str, seq: int, reason: str) -> None:
        self.case_id = case_id
        self.seq = seq
        self.reason = reason
        super().__init__(f"case '{case_id}': stored event {seq} no longer replays: {reason}")

    def __str__(self) -> str:
        return self.args[0]
