"""Many cases at once: a folder of case files or a JSON-lines file, answered one by one.

Answers are streamed; only the summary counters grow with the number of cases. With
``jobs > 1`` cases are answered in worker processes, each loading a rule set once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._answer_model import Readiness
from ._errors import LifemeetingError

CASE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class CaseInput:
    """One case to answer: where it came from and the data itself (or its file)."""

    label: str
    data: dict[str, Any] | None = None
    path: Path | None = None


def iter_inputs(source: str | os.PathLike[str]) -> Iterator[CaseInput]:
    """Cases from a folder (every .yaml/.yml/.json file below it, sorted) or a .jsonl file."""
    path = Path(source)
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.suffix in CASE_SUFFIXES and p.is_file():
                yield CaseInput(str(p), path=p)
        return
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                label = f"{path}:{n}"
                try:
                    yield CaseInput(label, data=json.loads(line))
                except json.JSONDecodeError as exc:
                    yield CaseInput(label, data={"__error__": f"{label}:{exc.colno}: not valid JSON: {exc.msg}"})


@dataclass(slots=True)
class Outcome:
    label: str
    answer: Readiness | None
    error: str | None


def answer_one(item: CaseInput, on: dt.date) -> Outcome:
    """Answer one case; bad input becomes an error outcome instead of stopping the run."""
    from ._api import can_convene

    if item.data is not None and "__error__" in item.data:
        return Outcome(item.label, None, item.data["__error__"])
    try:
        answer = can_convene(item.path if item.path is not None else item.data, on=on)
    except LifemeetingError as exc:
        return Outcome(item.label, None, str(exc))
    return Outcome(item.label, answer, None)


def _answer_star(args: tuple[CaseInput, dt.date]) -> Outcome:
    return answer_one(*args)


def answers(source: str | os.PathLike[str], on: dt.date, *, jobs: int = 1) -> Iterator[Outcome]:
    """Answer every case in ``source``, in input order, with ``jobs`` worker processes."""
    inputs = iter_inputs(source)
    if jobs <= 1:
        for item in inputs:
            yield answer_one(item, on)
        return
    import multiprocessing as mp

    with mp.get_context("fork" if hasattr(os, "fork") else "spawn").Pool(jobs) as pool:
        yield from pool.imap(_answer_star, ((item, on) for item in inputs), chunksize=16)


@dataclass
class Summary:
    """What an organisation department wants from a bulk run, without keeping the answers."""

    cases: int = 0
    convenable: int = 0
    errors: int = 0
    blockers: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    overdue_by_owner: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.cases += 1
        if outcome.answer is None:
            self.errors += 1
            return
        a = outcome.answer
        self.convenable += a.convenable
        for rule in {(a.ruleset, b.rule, b.message.split("」", 1)[0].lstrip("「")) for b in a.blockers}:
            self.blockers[rule] += 1
        for n in a.next_actions:
            if n.overdue:
                self.overdue_by_owner[n.who] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "convenable": self.convenable,
            "blocked": self.cases - self.convenable - self.errors,
            "errors": self.errors,
            "top_blockers": [{"ruleset": s, "rule": r, "name": n, "cases": c} for (s, r, n), c in self.blockers.most_common(10)],
            "overdue_by_owner": [{"who": w, "actions": c} for w, c in self.overdue_by_owner.most_common(10)],
        }
