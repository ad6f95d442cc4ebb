"""Many cases at once: a folder of case files or a JSON-lines file, answered one by one.

Answers are streamed in input order; nothing but the summary's counters is kept, so memory
does not grow with the number of cases. A JSON line is decoded and validated straight from
its bytes by the fast decoder (``_fastcase``: msgspec structs compiled from the case model);
a line it is unsure of goes through the model, and one that fails there is parsed again the
ordinary way, so that its message is the one ``lifemeeting check`` would give. Each rule
set is loaded once per run (per worker process with ``jobs > 1``: workers read their own
byte ranges of a JSON-lines file and send back digests of the answers).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lifemeeting.answers.open import answer, can_convene
from lifemeeting.bulk.summary import Digest, digest
from lifemeeting.case.decode import decode_json
from lifemeeting.case.model import Case
from lifemeeting.engine.answer_model import Readiness
from lifemeeting.errors import DATE_OUT_OF_RANGE, CaseError, EventRefused, LifemeetingError, Problem
from lifemeeting.ruleset.load import load_ruleset

CASE_SUFFIXES = (".yaml", ".yml", ".json")
CHUNK = 64  # case files (or a pipe's lines) sent to a worker at a time: fewer, larger messages


@dataclass(frozen=True, slots=True)
class CaseInput:
    """One case to answer: where it came from, and either one JSON line (its bytes) or a case file."""

    label: str
    text: bytes | None = None  # the JSON line; None for a case file
    path: Path | None = None  # the case file, or the JSON-lines file the line is in
    line: int = 0  # the JSON line's number; 0 for a case file
    offset: int = 0  # where the JSON line starts in ``path``, and its length
    size: int = 0


def iter_inputs(source: str | os.PathLike[str]) -> Generator[CaseInput]:
    """Cases from a folder (every .yaml/.yml/.json file below it, sorted), one case file, or a JSON-lines file."""
    path = Path(source)
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.suffix in CASE_SUFFIXES and p.is_file():
                yield CaseInput(str(p), path=p)
        return
    if path.suffix in CASE_SUFFIXES:
        yield CaseInput(str(path), path=path)
        return
    offset = 0
    with path.open("rb") as fh:
        for n, line in enumerate(_lines(fh), 1):
            if not line.isspace():
                yield CaseInput(f"{path}:{n}", text=line, path=path, line=n, offset=offset, size=len(line))
            offset += len(line)


def _lines(fh: io.BufferedReader) -> Iterator[bytes]:
    """The lines of ``fh`` as iterating it gives them (each with its newline), read in blocks of up to ``RANGE_BYTES``
    (what one read gives: a pipe's lines are answered as they come).

    Iterating the file reads a county case's ~25 KB line in pieces of its 8 KB buffer and
    joins them: three times as long as cutting lines out of large blocks (~15 against ~4 µs).
    """
    rest: list[bytes] = []  # the start of a line the blocks read so far cut
    while block := fh.read1(RANGE_BYTES):
        start = 0
        while end := block.find(b"\n", start) + 1:
            if rest:  # start is 0: the line began in an earlier block
                rest.append(block[:end])
                yield b"".join(rest)
                rest.clear()
            else:
                yield block[start:end]
            start = end
        if start < len(block):
            rest.append(block[start:] if start else block)
    if rest:
        yield b"".join(rest)


@dataclass(frozen=True, slots=True)
class LineRange:
    """Whole lines of a JSON-lines file for one worker, which reads and splits them itself."""

    path: Path
    line: int  # the number of the range's first line
    start: int
    end: int


def _range_inputs(r: LineRange) -> Iterator[CaseInput]:
    """The cases in ``r``, numbered as ``iter_inputs`` numbers them."""
    data = _read(r.path, r.start, r.end - r.start)
    for n, piece in enumerate(data.split(b"\n"), r.line):
        if piece and not piece.isspace():
            yield CaseInput(f"{r.path}:{n}", text=piece, path=r.path, line=n)


def count_inputs(source: str | os.PathLike[str]) -> int:
    """How many cases ``iter_inputs`` will yield, counted cheaply (for a progress indicator)."""
    path = Path(source)
    if path.is_dir() or path.suffix in CASE_SUFFIXES:
        return sum(1 for _ in iter_inputs(path))
    with path.open("rb") as fh:
        return sum(1 for line in fh if not line.isspace())


@dataclass(slots=True)
class Outcome:
    """One case's answer (or, from ``answers(brief=True)``, its digest), or the message that says why it has none."""

    label: str
    answer: Readiness | None
    error: str | None
    digest: Digest | None = None

    def __reduce__(self) -> tuple[type[Outcome], tuple[Any, ...]]:  # pickled as its fields: workers send thousands
        return Outcome, (self.label, self.answer, self.error, self.digest)


RuleSets = dict[str, Any]  # rule-set id → LoadedRuleSet, for one run


def answer_one(item: CaseInput, on: dt.date, *, rulesets: RuleSets | None = None) -> Outcome:
    """Answer one case; bad input becomes an error outcome instead of stopping the run."""
    try:
        if item.line:
            answer = _answer_line(item, on, {} if rulesets is None else rulesets)
        else:
            answer = can_convene(item.path, on=on)  # type: ignore[arg-type]  # a case file: FILE:LINE messages
    except _BadLine as exc:
        return Outcome(item.label, None, str(exc))
    except LifemeetingError as exc:
        return Outcome(item.label, None, _named(str(_at_line(exc, item)), item))
    except OverflowError:  # a date so far out that counting days from it leaves years 1..9999
        return Outcome(item.label, None, f"{item.label}: {DATE_OUT_OF_RANGE}")
    except OSError as exc:  # a case file that went away or cannot be read: that case, not the run
        return Outcome(item.label, None, f"{item.label}: cannot read: {exc.strerror or exc}")
    return Outcome(item.label, answer, None)


def _named(message: str, item: CaseInput) -> str:
    """``message`` told at its case: one that names no file or line (an unknown rule set) gets the case's label."""
    return message if message.startswith(str(item.path)) else f"{item.label}: {message}"


def _at_line(exc: LifemeetingError, item: CaseInput) -> LifemeetingError:
    """An error about a JSON line, told at that line (a case read from data says ``<case>`` otherwise)."""
    if not item.line:
        return exc
    if isinstance(exc, CaseError):
        return CaseError(
            [Problem(str(item.path), item.line, 1, p.message) if p.file == "<case>" else p for p in exc.problems]
        )
    if isinstance(exc, EventRefused) and exc.location is None:
        return EventRefused(exc.index, exc.event_type, exc.reason, location=item.label)
    return exc


class _BadLine(Exception):
    pass


def _answer_line(item: CaseInput, on: dt.date, rulesets: RuleSets) -> Readiness:
    case = decode_json(item.text)  # type: ignore[arg-type]  # the fast way; None when unsure
    if case is None:
        try:
            case = Case.model_validate_json(item.text)  # type: ignore[arg-type]
        except ValidationError:  # parse it again the ordinary way, for the ordinary message
            try:
                data = json.loads(item.text.decode("utf-8"))  # type: ignore[union-attr]
            except UnicodeDecodeError as exc:
                raise _BadLine(f"{item.label}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
            except json.JSONDecodeError as exc:
                raise _BadLine(f"{item.label}:{exc.colno}: not valid JSON: {exc.msg}") from None
            if not isinstance(data, dict):
                raise _BadLine(
                    f"{item.label}:1: expected a JSON object (one case), not {type(data).__name__}"
                ) from None
            return can_convene(data, on=on)
    loaded = rulesets.get(case.ruleset)
    if loaded is None:
        loaded = rulesets[case.ruleset] = load_ruleset(case.ruleset)
    return answer(case, loaded, on)


_WORKER_RULESETS: RuleSets = {}  # one per worker process
_WORKER_FILES: dict[Path, Any] = {}


def _read(path: Path, offset: int, size: int) -> bytes:
    fh = _WORKER_FILES.get(path)
    if fh is None:
        fh = _WORKER_FILES[path] = path.open("rb")
    fh.seek(offset)
    return fh.read(size)


Chunk = tuple[list[CaseInput] | LineRange, dt.date, bool | None]  # what a worker gets: cases, the day, brief mode


def _answer_chunk(args: Chunk) -> list[Outcome]:
    items, on, brief = args
    cases = _range_inputs(items) if isinstance(items, LineRange) else items
    if brief is None:
        return [answer_one(item, on, rulesets=_WORKER_RULESETS) for item in cases]
    # each answer digested as it is made: a chunk's answers all kept until the end cost a worker ~10 % more
    return [_brief(answer_one(item, on, rulesets=_WORKER_RULESETS), brief) for item in cases]


def _brief(outcome: Outcome, with_json: bool) -> Outcome:
    if outcome.answer is None:
        return outcome
    return Outcome(outcome.label, None, None, digest(outcome.answer, label=outcome.label if with_json else None))


RANGE_BYTES = 1 << 20  # a worker's share of a JSON-lines file at a time: about 45 county cases


def _ranges(path: Path, line: int, start: int, on: dt.date, brief: bool | None) -> Iterator[Chunk]:
    """The file from byte ``start`` (line number ``line``) in ranges of whole lines, about ``RANGE_BYTES`` each.

    The parent reads each block once into one buffer it reuses (not a memory map: the file's
    pages then stay in the kernel's cache, out of the parent's memory, however large the
    file), finds the block's last newline and counts the newlines before it; the worker
    reads its range again, splits it into lines and skips the blank ones. Nothing is copied:
    the bytes after a block's last newline hold none, so a range's newlines are its last
    block's.
    """
    buf = bytearray(RANGE_BYTES)
    with path.open("rb") as fh:
        fh.seek(start)
        read = start  # the file's offset read up to
        while size := fh.readinto(buf):
            cut = buf.rfind(b"\n", 0, size) + 1
            if cut:  # else a line longer than a block: the range grows by the block
                yield LineRange(path, line, start, read + cut), on, brief
                line += _newlines(buf, cut)
                start = read + cut
            read += size
        if start < read:
            yield LineRange(path, line, start, read), on, brief


def _newlines(buf: bytearray, end: int) -> int:
    """How many newlines ``buf[:end]`` holds: found one by one (each a C memchr over a long line) while they are
    few, as county cases' lines make them, and counted in one pass once they are many (short lines)."""
    n, at = 0, buf.find(b"\n", 0, end)
    while at >= 0:
        n += 1
        if n == 64:
            return n + buf.count(b"\n", at + 1, end)
        at = buf.find(b"\n", at + 1, end)
    return n


def _chunks(inputs: Iterator[CaseInput], on: dt.date, brief: bool | None) -> Iterator[Chunk]:
    """Chunks of cases for the workers: case files by path, a pipe's lines as text."""
    chunk: list[CaseInput] = []
    for item in inputs:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield chunk, on, brief
            chunk = []
    if chunk:
        yield chunk, on, brief


def answers(
    source: str | os.PathLike[str], on: dt.date, *, jobs: int = 1, brief: bool = False, with_json: bool = False
) -> Iterator[Outcome]:
    """Answer every case in ``source``, in input order, with ``jobs`` worker processes.

    ``brief`` yields each answer's ``Digest`` (with its ``--json`` line when ``with_json``) instead of the
    answer: what a summary needs, made where the answer is, so that workers do not send whole
    answers to a parent that would only count them.
    """
    mode = with_json if brief else None
    if jobs <= 1:
        rulesets: RuleSets = {}
        for item in iter_inputs(source):
            outcome = answer_one(item, on, rulesets=rulesets)
            yield outcome if mode is None else _brief(outcome, mode)
        return
    inputs = iter_inputs(source)
    first = next(inputs, None)
    if first is None:
        return
    path = Path(source)
    if first.line and path.is_file():  # a JSON-lines file: workers read their own byte ranges of it
        inputs.close()
        chunks = _ranges(path, first.line + 1, first.offset + first.size, on, mode)
    else:  # case files travel as paths; a pipe, which cannot be read twice, as its lines
        chunks = _chunks(inputs, on, mode)
    # The first case is answered here, so that forked workers start with its rule set loaded
    # and its paths compiled instead of each doing it again.
    outcome = answer_one(first, on, rulesets=_WORKER_RULESETS)
    yield outcome if mode is None else _brief(outcome, mode)
    yield from _in_workers(chunks, jobs)


def _in_workers(chunks: Iterator[Chunk], jobs: int) -> Iterator[Outcome]:
    """Outcomes of ``chunks`` answered by ``jobs`` worker processes, in order, with a few chunks in flight.

    A ``ProcessPoolExecutor``, not a ``multiprocessing.Pool``: the pool's worker-watching
    thread wakes whenever answers wait to be read, which cost the parent as much CPU as
    everything else it does; and a worker that dies fails the run instead of hanging it.
    """
    import gc
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    context = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    gc.freeze()  # forked workers then never walk (and so copy) the parent's objects when they collect
    executor = ProcessPoolExecutor(jobs, mp_context=context)
    try:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in chunks:
            pending.append(executor.submit(_answer_chunk, chunk))
            if len(pending) >= 4 * jobs:  # enough to keep every worker busy; input is read no further ahead
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
