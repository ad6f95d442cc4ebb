"""Every error a user of lifemeeting can cause.

    LifemeetingError
    ├── SourceError(ValueError)        bad rule-set or case file; .problems lists each FILE:LINE:COL
    │   ├── RuleSetError
    │   ├── CaseError
    │   └── GherkinError               a feature file cannot be read (FILE:LINE:COL)
    ├── UnknownRuleSet(LookupError)    no bundled or given rule set has that id
    ├── DiscoveryError(LookupError)    two rule sets claim one id, or an installed package's entry point is broken
    ├── QueryError(LookupError)        a question names a tier, position, member or material that is not there
    ├── RendererMissing(RuntimeError)  drawing SVG/PNG needs Graphviz, which is not installed
    ├── EventRefused(ValueError)       an event cannot be applied; .index and .reason say which and why
    └── StoreError                     the event store refused or could not serve
        ├── CaseNotFound(LookupError)
        ├── CaseExists(ValueError)
        ├── VersionConflict(ValueError)
        ├── IdempotencyConflict(ValueError)
        ├── HistoryBroken(RuntimeError)
        └── StoreUnavailable(OSError)  the database cannot be reached or opened

Each error formats its own message, so the CLI prints ``str(error)`` and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

DATE_OUT_OF_RANGE = "a date is too far in the past or future to count days from; dates run from year 1 to 9999"
"""What to say when date arithmetic on a user's date overflows (Python's ``OverflowError``)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a source file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class LifemeetingError(Exception):
    """Base class of every error lifemeeting raises on purpose."""

    exit_code = 1


class SourceError(LifemeetingError, ValueError):
    """A rule-set or case file is malformed; every problem found is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, file: str, line: int, column: int, message: str) -> Self:
        """One problem at FILE:LINE:COL (1-based), e.g. ``GherkinError.at(path, 6, 1, "cannot read this line")``."""
        return cls([Problem(file, line, column, message)])


class RuleSetError(SourceError):
    """A rule-set file is malformed."""


class CaseError(SourceError):
    """A case file is malformed."""


class GherkinError(SourceError):
    """A feature file (Gherkin, ``# language: zh-CN``) cannot be read; ``.problems`` locates each fault."""


class UnknownRuleSet(LifemeetingError, LookupError):
    """No rule set with the requested id is known."""

    def __init__(self, ruleset_id: str, known: list[str]) -> None:
        self.ruleset_id = ruleset_id
        self.known = known
        from lifemeeting.suggest import did_you_mean

        hint = did_you_mean(ruleset_id, known)
        super().__init__(f"unknown rule set '{ruleset_id}'{hint}; known: {', '.join(sorted(known)) or 'none'}")

    def __str__(self) -> str:
        return str(self.args[0])


class DiscoveryError(LifemeetingError, LookupError):
    """Rule sets cannot be told apart (two claim one id; ``.origins`` names both), or an entry point is broken."""

    def __init__(self, message: str, *, origins: tuple[str, ...] = ()) -> None:
        self.origins = origins
        super().__init__(message)


class EventRefused(LifemeetingError, ValueError):
    """An event cannot be applied to the case as it stands; nothing from it on was applied.

    ``index`` counts from 0, as lists do; the message counts from 1, as the audit trail's
    sequence numbers and a retraction's ``retracts`` do (第3个事件 is ``index`` 2). The
    reason is in Chinese, for the clerk who recorded the event.
    """

    def __init__(self, index: int, event_type: str, reason: str, *, location: str | None = None) -> None:
        self.index = index
        self.event_type = event_type
        self.reason = reason
        self.location = location
        where = f"{location}: " if location else ""
        super().__init__(f"{where}第{index + 1}个事件（{event_type}）被拒绝：{reason}")

    def __str__(self) -> str:
        return str(self.args[0])


class QueryError(LifemeetingError, LookupError):
    """A question about a rule set or case names something it does not have (tier, position, member, material)."""


class RendererMissing(LifemeetingError, RuntimeError):
    """SVG and PNG diagrams are drawn by Graphviz; the message says how to install it."""


# -- the event store -------------------------------------------------------------------
class StoreError(LifemeetingError):
    """Base class of the event store's refusals."""


class CaseNotFound(StoreError, LookupError):
    """No case with the requested id is stored."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(f"no case '{case_id}' in the store")

    def __str__(self) -> str:
        return str(self.args[0])


class CaseExists(StoreError, ValueError):
    """A case with this id is already stored; ids are never reused."""

    def __init__(self, case_id: str) -> None:
        self.case_id = case_id
        super().__init__(f"case '{case_id}' already exists")

    def __str__(self) -> str:
        return str(self.args[0])


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
        return str(self.args[0])


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
        return str(self.args[0])


class HistoryBroken(StoreError, RuntimeError):
    """The stored events of a case no longer replay, e.g. because its rule set file changed."""

    def __init__(self, case_id: str, seq: int, reason: str) -> None:
        self.case_id = case_id
        self.seq = seq
        self.reason = reason
        super().__init__(f"case '{case_id}': stored event {seq} no longer replays: {reason}")

    def __str__(self) -> str:
        return str(self.args[0])


class StoreUnavailable(StoreError, OSError):
    """The event store's database cannot be reached or opened; the message names it (never its password)."""

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"cannot open the event store {where}: {reason}")

    def __str__(self) -> str:
        return str(self.args[0])
