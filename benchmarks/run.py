"""Benchmark: lifemeeting's readiness against a hand-written checker and the naive design, in one run.

    .venv/bin/python benchmarks/run.py            # 2000 cases, about a minute
    .venv/bin/python benchmarks/run.py --cases 500 --naive 100 --out /tmp/results.json

Generates Puyang county-tier cases (``generate.py``), checks that the three designs give
the same answer for every case (convenable, and the same set of blocking rule ids), then
measures side by side on one core: bulk throughput from a JSON-lines file, single answers
(p50 / p99), ``--jobs 2``, memory (tracemalloc), rule-set loading and CLI cold start. The
figures and the targets go to ``benchmarks/results.json``; ``docs/performance.md`` quotes them.
Absolute times drift between machines and runs; the ratios, measured in the same run, do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import handwritten  # noqa: E402

ON = generate.ON
TARGETS = {
    "engine_vs_handwritten": ("≤", 1.5),
    "naive_vs_engine": ("≥", 50.0),
    "single_answer_p50_us": ("≤", 200.0),
    "jobs2_speedup": ("≥", 1.8),
    "engine_bytes_per_case": ("≤", 2048.0),
    "ruleset_load_ms": ("≤", 30.0),
    "cli_cold_start_ms": ("≤", 250.0),
}


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    """The fastest of ``repeat`` runs, in seconds: the run least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- the three designs over one file ------------------------------------------------------------
def engine_bulk(path: Path, *, jobs: int = 1) -> dict[str, Any]:
    from lifemeeting._bulk import Summary, answers

    summary = Summary()
    for outcome in answers(path, ON, jobs=jobs):
        summary.add(outcome)
    return summary.as_dict()


def handwritten_bulk(path: Path) -> int:
    on = str(ON)
    ready = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            ready += handwritten.check(json.loads(line), on)[0]
    return ready


def naive_bulk(path: Path) -> int:
    import naive

    ready = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            ready += naive.check(json.loads(line), ON)[0]
    return ready


# -- agreement ------------------------------------------------------------------------------------
def agreement(cases: list[dict[str, Any]], naive_count: int) -> dict[str, Any]:
    """Every case: the engine and the hand-written checker agree; the first ``naive_count``: the naive design too."""
    import naive

    from lifemeeting import load_ruleset, open_case

    loaded = load_ruleset(generate.RULESET)
    differ: list[int] = []
    naive_differ: list[int] = []
    ready = 0
    for i, data in enumerate(cases):
        answer = open_case(data, ruleset=loaded).can_convene(ON)
        engine = (answer.convenable, frozenset(b.rule for b in answer.blockers))
        hand = handwritten.check(data, str(ON))
        ready += engine[0]
        if engine != hand:
            differ.append(i)
        if i < naive_count and naive.check(data, ON) != hand:
            naive_differ.append(i)
    return {
        "cases": len(cases),
        "convenable": ready,
        "blocked": len(cases) - ready,
        "engine_vs_handwritten_differ": differ[:20],
        "naive_cases": min(naive_count, len(cases)),
        "naive_vs_handwritten_differ": naive_differ[:20],
        "identical": not differ and not naive_differ,
    }


# -- single answers -------------------------------------------------------------------------------
def single_answers(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Per-case latency of one answer: from parsed JSON (rule set loaded once), and on an open case."""
    from lifemeeting import load_ruleset, open_case

    loaded = load_ruleset(generate.RULESET)
    full, page, stages = [], [], {"validate": [], "view": [], "replay": [], "answer": []}
    from lifemeeting._case_model import Case
    from lifemeeting._readiness import readiness
    from lifemeeting._replay import replay
    from lifemeeting._view import CaseView

    clock = time.perf_counter
    for data in cases:
        t0 = clock()
        opened = open_case(data, ruleset=loaded)
        opened.can_convene(ON)
        t1 = clock()
        opened.can_convene(ON)
        t2 = clock()
        full.append(t1 - t0)
        page.append(t2 - t1)
        a = clock()
        case = Case.model_validate(data)
        b = clock()
        view = CaseView(loaded, case)
        c = clock()
        state = replay(view, until=ON)
        d = clock()
        readiness(state, ON)
        e = clock()
        for k, v in zip(stages, (b - a, c - b, d - c, e - d)):
            stages[k].append(v)
    us = 1e6
    return {
        "from_json_p50_us": percentile(full, 0.5) * us,
        "from_json_p99_us": percentile(full, 0.99) * us,
        "open_case_p50_us": percentile(page, 0.5) * us,
        "open_case_p99_us": percentile(page, 0.99) * us,
        "stages_p50_us": {k: percentile(v, 0.5) * us for k, v in stages.items()},
    }


# -- memory ---------------------------------------------------------------------------------------
def memory(path: Path, cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Bytes the engine keeps per case in a bulk run, and the size of one open case beyond its input."""
    from lifemeeting import load_ruleset, open_case
    from lifemeeting._bulk import Summary, answers
    from lifemeeting._case_model import Case

    loaded = load_ruleset(generate.RULESET)
    n = sum(1 for _ in path.open(encoding="utf-8"))
    warm = max(1, n // 10)
    summary = Summary()
    tracemalloc.start()
    for i, outcome in enumerate(answers(path, ON), 1):
        summary.add(outcome)
        del outcome
        if i == warm:
            gc.collect()
            after_warmup = tracemalloc.get_traced_memory()[0]
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    growth = (current - after_warmup) / max(1, n - warm)

    kept_inputs, kept_engine = [], []
    for data in cases[:50]:
        gc.collect()
        tracemalloc.start()
        case = Case.model_validate(data)
        size_in = tracemalloc.get_traced_memory()[0]
        opened = open_case(case, ruleset=loaded)
        size_all = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        kept_inputs.append(size_in)
        kept_engine.append(size_all - size_in)
        del opened, case
    return {
        "bulk_cases": n,
        "bulk_growth_bytes_per_case": growth,
        "bulk_peak_kib": peak / 1024,
        "open_case_input_bytes": statistics.median(kept_inputs),
        "open_case_engine_bytes": statistics.median(kept_engine),
    }


# -- loading and cold start -----------------------------------------------------------------------
_LOAD = """
import time, sys
t0 = time.perf_counter()
from lifemeeting import load_ruleset
t1 = time.perf_counter()
load_ruleset({ruleset!r})
t2 = time.perf_counter()
print((t2 - t1) * 1e3)
"""


def ruleset_load(runs: int = 7) -> dict[str, Any]:
    """Load + validate + cross-check in a fresh interpreter: without the disk cache, then from it."""
    code = _LOAD.format(ruleset=generate.RULESET)
    with tempfile.TemporaryDirectory() as cache:
        def once(env_dir: str) -> float:
            env = {**os.environ, "LIFEMEETING_CACHE_DIR": env_dir}
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            return float(out.stdout.strip().splitlines()[-1])

        cold = [once("off") for _ in range(runs)]
        once(cache)  # fills the cache
        warm = [once(cache) for _ in range(runs)]
    return {"uncached_ms": statistics.median(cold), "cached_ms": statistics.median(warm)}


def cli_cold_start(runs: int = 11) -> dict[str, Any]:
    """Wall time of ``lifemeeting check`` on an example, minus a bare interpreter start."""
    example = ROOT / "examples" / "puyang-2014" / "ready-county.yaml"
    script = Path(sys.executable).with_name("lifemeeting")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "lifemeeting"]

    def wall(argv: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        return time.perf_counter() - t0

    subprocess.run([*cmd, "check", str(example), "--on", "2014-06-24"], capture_output=True)  # fills the cache
    bare = statistics.median(wall([sys.executable, "-c", "pass"]) for _ in range(runs))
    check = statistics.median(wall([*cmd, "check", str(example), "--on", "2014-06-24"]) for _ in range(runs))
    helps = statistics.median(wall([*cmd, "--help"]) for _ in range(runs))
    return {"bare_python_ms": bare * 1e3, "check_ms": check * 1e3, "help_ms": helps * 1e3, "over_bare_ms": (check - bare) * 1e3}


# -- the run ---------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="cases to generate (default 2000)")
    parser.add_argument("--naive", type=int, default=200, help="cases for the naive design (default 200; it is slow)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each measurement; the best counts")
    parser.add_argument("--out", type=Path, default=HERE / "results.json", help="where to write the figures")
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)

    from lifemeeting import engine_version

    results: dict[str, Any] = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "engine": engine_version(),
        "cases": args.cases,
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.jsonl"
        t0 = time.perf_counter()
        generate.write(args.cases, path, seed=args.seed)
        lines = path.read_text(encoding="utf-8").splitlines()
        cases = [json.loads(line) for line in lines]
        naive_path = Path(tmp) / "naive.jsonl"
        naive_path.write_text("\n".join(lines[: args.naive]) + "\n", encoding="utf-8")
        print(f"{args.cases} cases generated in {time.perf_counter() - t0:.1f} s ({path.stat().st_size / args.cases / 1024:.1f} KiB, "
              f"{sum(len(c['events']) for c in cases) / len(cases):.0f} events each on average)")

        results["agreement"] = agree = agreement(cases, args.naive)
        print(f"agreement: {agree['convenable']} convenable, {agree['blocked']} blocked; "
              f"engine = hand-written on all {agree['cases']}: {not agree['engine_vs_handwritten_differ']}; "
              f"naive = hand-written on {agree['naive_cases']}: {not agree['naive_vs_handwritten_differ']}")

        engine_bulk(path)  # warm up: rule set loaded, paths compiled
        t_engine = t_hand = float("inf")
        for _ in range(args.repeat):  # interleaved, so that both see the same machine
            t_engine = min(t_engine, best_of(1, lambda: engine_bulk(path)))
            t_hand = min(t_hand, best_of(1, lambda: handwritten_bulk(path)))
        t_naive = best_of(1, lambda: naive_bulk(naive_path))
        t_engine_small = best_of(args.repeat, lambda: engine_bulk(naive_path))
        t_jobs2 = best_of(args.repeat, lambda: engine_bulk(path, jobs=2))
        n, m = args.cases, args.naive
        bulk = {
            "engine_cases_per_s": n / t_engine,
            "handwritten_cases_per_s": n / t_hand,
            "naive_cases_per_s": m / t_naive,
            "engine_us_per_case": t_engine / n * 1e6,
            "handwritten_us_per_case": t_hand / n * 1e6,
            "naive_us_per_case": t_naive / m * 1e6,
            "engine_us_per_case_on_naive_cases": t_engine_small / m * 1e6,
            "engine_vs_handwritten": t_engine / t_hand,
            "naive_vs_engine": t_naive / t_engine_small,
            "jobs2_cases_per_s": n / t_jobs2,
            "jobs2_speedup": t_engine / t_jobs2,
        }
        results["bulk"] = bulk
        results["single"] = single = single_answers(cases[: min(len(cases), 1000)])
        results["memory"] = mem = memory(path, cases)
    results["ruleset_load"] = load = ruleset_load()
    results["cli"] = cli = cli_cold_start()

    measured = {
        "engine_vs_handwritten": bulk["engine_vs_handwritten"],
        "naive_vs_engine": bulk["naive_vs_engine"],
        "single_answer_p50_us": single["from_json_p50_us"],
        "jobs2_speedup": bulk["jobs2_speedup"],
        "engine_bytes_per_case": mem["bulk_growth_bytes_per_case"],
        "ruleset_load_ms": load["uncached_ms"],
        "cli_cold_start_ms": cli["over_bare_ms"],
    }
    results["targets"] = {
        k: {"target": f"{op} {limit:g}", "measured": round(measured[k], 2), "met": measured[k] <= limit if op == "≤" else measured[k] >= limit}
        for k, (op, limit) in TARGETS.items()
    }
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(report(results))
    print(f"figures written to {args.out}")
    return 0


def report(r: dict[str, Any]) -> str:
    b, s, m, load, cli = r["bulk"], r["single"], r["memory"], r["ruleset_load"], r["cli"]
    lines = [
        "",
        f"{'design':<34}{'cases/s':>10}{'µs/case':>10}",
        f"{'1 lifemeeting bulk (jobs 1)':<34}{b['engine_cases_per_s']:>10.0f}{b['engine_us_per_case']:>10.0f}",
        f"{'2 hand-written checker':<34}{b['handwritten_cases_per_s']:>10.0f}{b['handwritten_us_per_case']:>10.0f}",
        f"{'3 naive (Machine per material)':<34}{b['naive_cases_per_s']:>10.0f}{b['naive_us_per_case']:>10.0f}",
        f"{'1 lifemeeting bulk (jobs 2)':<34}{b['jobs2_cases_per_s']:>10.0f}",
        "",
        f"ratio 1/2 (engine / hand-written):      {b['engine_vs_handwritten']:.2f}×",
        f"ratio 3/1 (naive / engine):             {b['naive_vs_engine']:.1f}×",
        f"--jobs 2 speed-up:                      {b['jobs2_speedup']:.2f}×",
        f"single answer from JSON, p50 / p99:     {s['from_json_p50_us']:.0f} / {s['from_json_p99_us']:.0f} µs "
        f"(validate {s['stages_p50_us']['validate']:.0f}, view {s['stages_p50_us']['view']:.0f}, "
        f"replay {s['stages_p50_us']['replay']:.0f}, answer {s['stages_p50_us']['answer']:.0f})",
        f"single answer on an open case, p50/p99: {s['open_case_p50_us']:.0f} / {s['open_case_p99_us']:.0f} µs",
        f"memory kept per case in bulk:           {m['bulk_growth_bytes_per_case']:.0f} B (peak {m['bulk_peak_kib']:.0f} KiB over {m['bulk_cases']} cases)",
        f"one open case: input / engine state:    {m['open_case_input_bytes'] / 1024:.0f} KiB / {m['open_case_engine_bytes'] / 1024:.0f} KiB",
        f"rule-set load (fresh process):          {load['uncached_ms']:.1f} ms uncached, {load['cached_ms']:.1f} ms from the cache",
        f"CLI cold start (check):                 {cli['check_ms']:.0f} ms, bare python {cli['bare_python_ms']:.0f} ms, "
        f"over bare {cli['over_bare_ms']:.0f} ms (--help {cli['help_ms']:.0f} ms)",
        "",
        "targets:",
    ]
    for k, t in r["targets"].items():
        lines.append(f"  {'met ' if t['met'] else 'MISS'} {k:<24} {t['target']:<8} measured {t['measured']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
