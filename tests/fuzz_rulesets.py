"""Seeded mutants of the bundled rule sets, each loaded through ``load_ruleset`` and, when it loads, asked about.

One command runs a long campaign (see docs/limits.md)::

    .venv/bin/python -m tests.fuzz_rulesets --mutants 10000 --seed 1

and ``tests/test_hostile_rulesets.py`` runs a few hundred of the same mutants on every test run.
A mutant either loads or is refused with ``RuleSetError`` (or another ``LifemeetingError``);
anything else is a *crash*. A load taking more than one second of CPU is *slow*. A *truncation* (the file
cut short) that loads and has lost a gate, chain, talk, task, duty, material or normative
clause is a *silent truncation* (an overlay too: its clause inventory comes last and its changes
cite it, so one cut between two changes is refused). A mutant that loads is then answered for: an example case of
its rule set, without events, asked ``can_convene``, ``status`` and ``timeline`` on its meeting
day; a crash there counts as a crash too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
RULESETS = ROOT / "rulesets"
EXAMPLES = ROOT / "examples"

HOSTILE_VALUES = [
    "1e9",
    ".inf",
    "-.inf",
    ".nan",
    "1.5",
    "true",
    "~",
    "-1",
    "0",
    "99999999999999999999999",
    "2014-13-45",
    "2014-02-30",
    "9999-12-31",
    "0001-01-01",
    "2014-01-01 10:00:00",
    "[]",
    "{}",
    '""',
    "*nowhere",
    "!!binary aGk=",
    "!!set {a: ~}",
    "!!python/object/apply:os.system ['true']",
    "0x10",
    "[[[[[[[[]]]]]]]]",
    "{a: {b: {c: 1}}}",
    "yes",
    "'1'",
    "3660",
    "3661",
    "-0",
    "\u4e0a\u65ec",
    "会前1000000天",
    "{days_before_meeting: 1000000000}",
    "{days_after_meeting: -5}",
    "{month: 13, day: 1}",
]

BAD_BYTES = ["\x00", "\x7f", "\x1b", "\ufeff", "\x85", "\u2028", "\t", "\r", "\ud7ff", "\x01"]


@dataclass(frozen=True)
class Mutant:
    """One mutated rule-set file: which operation made it, from which file, and whether it is a cut-off copy."""

    index: int
    base: str
    operation: str
    text: str
    truncation: bool = False


@dataclass
class Report:
    """What a campaign found."""

    mutants: int = 0
    loaded: int = 0
    refused: int = 0
    crashes: list[tuple[Mutant, str]] = field(default_factory=list)
    slow: list[tuple[Mutant, float]] = field(default_factory=list)
    truncations: int = 0
    truncations_loaded: int = 0
    silent_truncations: list[Mutant] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    slowest_wall: float = 0.0
    seconds: float = 0.0
    by_operation: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        lines = [
            f"{self.mutants} mutants in {self.seconds:.1f} s: {self.loaded} loaded, {self.refused} refused",
            f"crashes: {len(self.crashes)}",
            f"loads over 1 s of CPU: {len(self.slow)}; slowest {self.slowest[0] * 1000:.0f} ms CPU ({self.slowest[1]}),"
            f" slowest wall clock {self.slowest_wall * 1000:.0f} ms",
            f"truncations: {self.truncations}, of which {self.truncations_loaded} loaded"
            f" and {len(self.silent_truncations)} silently lost rules",
        ]
        for m, tb in self.crashes[:10]:
            lines.append(f"  CRASH #{m.index} {m.operation} on {m.base}: {tb.strip().splitlines()[-1]}")
        for m, took in self.slow[:10]:
            lines.append(f"  SLOW #{m.index} {m.operation} on {m.base}: {took * 1000:.0f} ms CPU")
        for m in self.silent_truncations[:10]:
            lines.append(f"  SILENT TRUNCATION #{m.index} of {m.base} ({len(m.text)} chars kept)")
        return "\n".join(lines)


def _bases() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(RULESETS.glob("*.yaml"))]


def _value_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if ": " in line and not line.rstrip().endswith(":")]


def _replace_value(rng: random.Random, lines: list[str]) -> list[str]:
    candidates = _value_lines(lines)
    if not candidates:
        return lines
    i = rng.choice(candidates)
    head = lines[i].split(": ", 1)[0]
    out = list(lines)
    out[i] = f"{head}: {rng.choice(HOSTILE_VALUES)}"
    return out


def _alias_bomb(rng: random.Random, lines: list[str]) -> list[str]:
    width, depth = rng.randint(2, 12), rng.randint(3, 12)
    bomb = ["bomb0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for d in range(1, depth):
        bomb.append(f"bomb{d}: &b{d} [{', '.join([f'*b{d - 1}'] * width)}]")
    at = rng.choice([i for i, line in enumerate(lines) if line and not line[0].isspace()] or [0])
    return lines[:at] + bomb + lines[at:]


def _alias_into_value(rng: random.Random, lines: list[str]) -> list[str]:
    """An anchored list near the top, aliased many times as a value further down."""
    width = rng.randint(2, 30)
    anchor = [f"x_anchor: &big [{', '.join(['ha'] * 50)}]", f"x_more: &more [{', '.join(['*big'] * width)}]"]
    candidates = _value_lines(lines)
    if not candidates:
        return lines
    i = rng.choice(candidates)
    head = lines[i].split(": ", 1)[0]
    out = list(lines)
    out[i] = f"{head}: [{', '.join(['*more'] * width)}]"
    top = next((j for j, line in enumerate(out) if line.startswith("id:")), 0) + 1
    return out[:top] + anchor + out[top:]


def _deep(rng: random.Random, lines: list[str]) -> list[str]:
    depth = rng.choice([50, 500, 5000, 50000])
    kind = rng.choice(["[", "{a: ", "- "])
    if kind == "- ":
        nest = "\n".join("  " * d + "-" for d in range(min(depth, 2000))) + " x"
        return [*lines, "deep:", nest]
    closing = "]" if kind == "[" else "}"
    return [*lines, f"deep: {kind * depth}1{closing * depth}"]


def _self_alias(rng: random.Random, lines: list[str]) -> list[str]:
    form = rng.choice(["loop: &r [*r]", "loop: &r {a: *r}", "loop: &r [a, [b, *r]]"])
    return [*lines, form]


def _insert_bytes(rng: random.Random, lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    at = rng.randrange(len(text) + 1)
    return (text[:at] + rng.choice(BAD_BYTES) * rng.randint(1, 3) + text[at:]).split("\n")


def _delete_line(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[:i] + lines[i + 1 :]


def _duplicate_line(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    return lines[: i + 1] + [lines[i]] + lines[i + 1 :]


def _swap_lines(rng: random.Random, lines: list[str]) -> list[str]:
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    out = list(lines)
    out[i], out[j] = out[j], out[i]
    return out


def _indent(rng: random.Random, lines: list[str]) -> list[str]:
    i = rng.randrange(len(lines))
    out = list(lines)
    out[i] = "  " + out[i] if rng.random() < 0.5 else out[i][2:]
    return out


def _rename_key(rng: random.Random, lines: list[str]) -> list[str]:
    candidates = [i for i, line in enumerate(lines) if ":" in line]
    if not candidates:
        return lines
    i = rng.choice(candidates)
    head, rest = lines[i].split(":", 1)
    stripped = head.lstrip(" -")
    keys = ["add", "remove", "replace", "days", "kind", "cite", "clause", "id", "tiers", "x", "<<", "? a"]
    out = list(lines)
    out[i] = head[: len(head) - len(stripped)] + rng.choice(keys) + ":" + rest
    return out


def _empty_value(rng: random.Random, lines: list[str]) -> list[str]:
    """A section emptied: ``key: ~``, ``key: []`` or ``key: {}`` (an overlay's ``add: ~`` and the like)."""
    candidates = [i for i, line in enumerate(lines) if line.rstrip().endswith(":")]
    if not candidates:
        return lines
    i = rng.choice(candidates)
    out = list(lines)
    out[i] = out[i].rstrip() + " " + rng.choice(["~", "[]", "{}", '""', "0"])
    return out


def _huge_scalar(rng: random.Random, lines: list[str]) -> list[str]:
    candidates = _value_lines(lines)
    if not candidates:
        return lines
    i = rng.choice(candidates)
    head = lines[i].split(": ", 1)[0]
    out = list(lines)
    out[i] = f"{head}: {'字' * rng.choice([1000, 100_000, 1_000_000])}"
    return out


_OPERATIONS: dict[str, Callable[[random.Random, list[str]], list[str]]] = {
    "replace_value": _replace_value,
    "alias_bomb": _alias_bomb,
    "alias_into_value": _alias_into_value,
    "deep_nesting": _deep,
    "self_alias": _self_alias,
    "insert_bytes": _insert_bytes,
    "delete_line": _delete_line,
    "duplicate_line": _duplicate_line,
    "swap_lines": _swap_lines,
    "indent": _indent,
    "rename_key": _rename_key,
    "empty_value": _empty_value,
    "huge_scalar": _huge_scalar,
}
_WEIGHTS = {"replace_value": 6, "delete_line": 3, "rename_key": 2, "empty_value": 2, "huge_scalar": 0.3}


def mutants(count: int, seed: int) -> Iterator[Mutant]:
    """``count`` mutants, the same ones for the same seed; about one in eight is a truncation."""
    rng = random.Random(seed)
    bases = _bases()
    names = [*_OPERATIONS, "truncate_lines", "truncate_bytes"]
    weights = [_WEIGHTS.get(n, 1.0) for n in _OPERATIONS] + [1.5, 0.5]
    for index in range(count):
        base, text = rng.choice(bases)
        operation = rng.choices(names, weights)[0]
        lines = text.split("\n")
        if operation == "truncate_lines":
            keep = rng.randint(1, len(lines) - 2)
            yield Mutant(index, base, operation, "\n".join(lines[:keep]) + "\n", truncation=True)
        elif operation == "truncate_bytes":
            yield Mutant(index, base, operation, text[: rng.randint(1, len(text) - 2)], truncation=True)
        else:
            out = lines
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                out = _OPERATIONS[operation](rng, out)
            yield Mutant(index, base, operation, "\n".join(out))


def _essentials(rs: Any) -> dict[str, set[str]]:
    return {
        "gates": {g.id for g in rs.gates},
        "chains": {c.id for c in rs.chains},
        "talks": {t.id for t in rs.talks},
        "tasks": {t.id for t in rs.tasks},
        "duties": {d.id for d in rs.duties},
        "materials": {m.id for m in rs.materials},
        "clauses": {c.id for c in rs.clauses if c.normative},
    }


def _example(base: str) -> dict[str, Any] | None:
    folder = EXAMPLES / base.removesuffix(".yaml")
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        return None
    case = yaml.safe_load(files[-1].read_text(encoding="utf-8"))
    return {**case, "events": []} if isinstance(case, dict) else None


def run(
    count: int, seed: int, *, folder: Path | None = None, progress: bool = False, slow_after: float = 1.0
) -> Report:
    """Load ``count`` seeded mutants from files in ``folder`` (a temporary one by default).

    A load taking more than ``slow_after`` seconds of CPU is counted as slow (CPU time, not wall
    clock: on a shared machine the wall clock also counts other processes' turns).
    """
    os.environ.setdefault("LIFEMEETING_CACHE_DIR", "off")  # a mutant that loads is not kept on disk
    import lifemeeting
    from lifemeeting.errors import LifemeetingError

    originals = {name: _essentials(lifemeeting.load_ruleset(RULESETS / name).model) for name, _ in _bases()}
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lifemeeting-fuzz-") as tmp:
        where = folder or Path(tmp)
        for mutant in mutants(count, seed):
            report.mutants += 1
            report.by_operation[mutant.operation] += 1
            report.truncations += mutant.truncation
            path = where / f"mutant-{seed}-{mutant.index}.yaml"
            path.write_bytes(mutant.text.encode("utf-8", "surrogatepass"))
            t0, c0 = time.perf_counter(), time.process_time()
            loaded = None
            try:
                loaded = lifemeeting.load_ruleset(path)
            except LifemeetingError:
                report.refused += 1
            except BaseException as exc:  # noqa: BLE001 - a crash is what we are looking for
                if isinstance(exc, KeyboardInterrupt):
                    raise
                report.crashes.append((mutant, traceback.format_exc(limit=-3)))
            took, wall = time.process_time() - c0, time.perf_counter() - t0
            report.slowest_wall = max(report.slowest_wall, wall)
            if took > report.slowest[0]:
                report.slowest = (took, f"#{mutant.index} {mutant.operation} on {mutant.base}")
            if took > slow_after:
                report.slow.append((mutant, took))
            if loaded is not None:
                report.loaded += 1
                if mutant.truncation:
                    report.truncations_loaded += 1
                    if _essentials(loaded.model) != originals[mutant.base]:
                        report.silent_truncations.append(mutant)
                crash = _answer(lifemeeting, loaded, mutant.base, LifemeetingError)
                if crash:
                    report.crashes.append((mutant, crash))
            path.unlink()
            if progress and report.mutants % 500 == 0:
                print(f"... {report.mutants} mutants, {len(report.crashes)} crashes", file=sys.stderr, flush=True)
    report.seconds = time.perf_counter() - started
    return report


def _answer(lifemeeting: Any, loaded: Any, base: str, expected: type[Exception]) -> str | None:
    """A traceback if asking about a case under ``loaded`` crashes, else None."""
    case = _example(base)
    if case is None:
        return None
    try:
        opened = lifemeeting.open_case(case, ruleset=loaded)
        day = opened.case.meeting.date if opened.case.meeting else dt.date(loaded.model.year, 7, 1)
        opened.can_convene(day)
        opened.status(day)
        lifemeeting.timeline(opened, on=day)
    except expected:
        return None
    except Exception:  # noqa: BLE001 - a crash is what we are looking for
        return traceback.format_exc(limit=-3)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mutants", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    report = run(args.mutants, args.seed, progress=True)
    print(report.summary())
    return 1 if report.crashes or report.slow or report.silent_truncations else 0


if __name__ == "__main__":
    raise SystemExit(main())
