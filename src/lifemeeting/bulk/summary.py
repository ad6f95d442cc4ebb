"""What a bulk run keeps: counts across answers, never the answers (``lifemeeting bulk``, ``POST /v1/readiness``)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lifemeeting.engine.answer_model import Readiness

if TYPE_CHECKING:
    from lifemeeting.bulk.run import Outcome


@dataclass(frozen=True, slots=True)
class Digest:
    """What the summary and the ``--json`` stream need of one answer: small, and cheap to send between processes."""

    convenable: bool
    blockers: tuple[tuple[str, str, str], ...]  # (rule set, rule, rule name), once per rule
    overdue: tuple[str, ...]  # who, once per overdue action
    line: bytes | None = None  # the case's line of ``lifemeeting bulk --json`` (UTF-8), when it is to be streamed

    def __reduce__(self) -> tuple[type[Digest], tuple[Any, ...]]:  # pickled as its fields: a worker sends thousands
        return Digest, (self.convenable, self.blockers, self.overdue, self.line)


def digest(answer: Readiness, *, label: str | None = None) -> Digest:
    """What the summary needs of ``answer``; with ``label``, also its streamed line (``stream_line``)."""
    return Digest(
        answer.convenable,
        tuple(
            dict.fromkeys((answer.ruleset, b.rule, b.message.split("」", 1)[0].lstrip("「")) for b in answer.blockers)
        ),
        tuple(n.who for n in answer.next_actions if n.overdue),
        None if label is None else stream_line(label, answer),
    )


def stream_line(label: str, answer: Readiness) -> bytes:
    """``{"case": label, …the answer's fields}`` and a newline, as UTF-8: one line of ``lifemeeting bulk --json``.

    Bytes, made where the answer is: a worker process sends them and the parent writes them
    as they are, never decoding and encoding again what may be a hundred megabytes.
    """
    head = json.dumps(label, ensure_ascii=False).encode()
    return b'{"case":' + head + b"," + answer.__pydantic_serializer__.to_json(answer)[1:] + b"\n"


def error_line(label: str, error: str | None) -> bytes:
    """A bad case's line of ``lifemeeting bulk --json``."""
    return json.dumps({"case": label, "error": error}, ensure_ascii=False).encode() + b"\n"


MAX_OWNERS = 10_000  # distinct owners counted exactly; beyond, the rarest are dropped (see Summary)


@dataclass
class Summary:
    """What an organisation department wants from a bulk run, without keeping the answers.

    Counts are kept in first-seen order, so ties rank the same however many workers ran.
    Owners are people, so their number grows with the cases: past ``MAX_OWNERS`` the half
    with the fewest overdue actions is dropped, and ``owners_undercount`` says by how much
    an owner's count may then fall short (0: every count is exact).
    """

    cases: int = 0
    convenable: int = 0
    errors: int = 0
    blockers: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    overdue_by_owner: Counter[str] = field(default_factory=Counter)
    owners_undercount: int = 0

    def add(self, outcome: Outcome) -> None:
        self.cases += 1
        d = outcome.digest or (digest(outcome.answer) if outcome.answer is not None else None)
        if d is None:
            self.errors += 1
            return
        self.convenable += d.convenable
        if d.blockers:  # Counter.update is a Python method: not called for nothing (half the cases)
            self.blockers.update(d.blockers)
        if d.overdue:
            self.overdue_by_owner.update(d.overdue)
            if len(self.overdue_by_owner) > MAX_OWNERS:
                self._drop_rare_owners()

    def _drop_rare_owners(self) -> None:
        ranked = self.overdue_by_owner.most_common()
        keep, drop = ranked[: MAX_OWNERS // 2], ranked[MAX_OWNERS // 2 :]
        self.owners_undercount = max(self.owners_undercount, drop[0][1])
        self.overdue_by_owner = Counter(dict(keep))

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "convenable": self.convenable,
            "blocked": self.cases - self.convenable - self.errors,
            "errors": self.errors,
            "top_blockers": [
                {"ruleset": s, "rule": r, "name": n, "cases": c} for (s, r, n), c in self.blockers.most_common(10)
            ],
            "overdue_by_owner": [{"who": w, "actions": c} for w, c in self.overdue_by_owner.most_common(10)],
            "owners_undercount": self.owners_undercount,
        }
