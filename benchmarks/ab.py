"""Two source trees side by side in one run: bulk and single answers, after against before.

    git worktree add /tmp/before <commit>
    .venv/bin/python benchmarks/ab.py --before /tmp/before --after . --cases 600 --repeat 5

Each measurement runs in a fresh subprocess with ``PYTHONPATH=<tree>/src`` (this file's
``generate.py`` makes the same cases for both), the two trees taking turns so that drift
on the machine falls on both alike. A child reports, in CPU seconds of its own process:

- ``bulk_s``: every case of a JSON-lines file answered through ``lifemeeting.bulk.run.answers``;
- ``single_p50_us``: the median over cases of one cold ``can_convene(data)`` (the case not
  opened before; the rule set already loaded), each case's best of three.

The parent prints the median of each tree's runs and the after/before ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def child(cases: int, folder: Path) -> dict[str, float]:
    """Run in a subprocess: the figures of the tree on ``sys.path``."""
    sys.path.insert(0, str(HERE))
    import generate

    from lifemeeting import can_convene
    from lifemeeting.bulk.run import answers

    on = generate.ON
    data = [generate.generate(i) for i in range(cases)]
    path = folder / "cases.jsonl"
    if not path.exists():
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in data), encoding="utf-8")
    can_convene(data[0], on=on)  # the rule set loaded and imports done before anything is timed
    for _ in answers(path, on):
        pass
    clock = time.process_time
    t0 = clock()
    for _ in answers(path, on):
        pass
    bulk = clock() - t0
    singles = []
    for d in data:
        best = float("inf")
        for _ in range(3):
            t0 = clock()
            can_convene(d, on=on)
            best = min(best, clock() - t0)
        singles.append(best)
    return {"bulk_s": bulk, "single_p50_us": statistics.median(singles) * 1e6}


def run_tree(tree: Path, cases: int, folder: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), LIFEMEETING_CACHE_DIR=str(folder / tree.name / "cache"))
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", "--cases", str(cases), "--tmp", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the tree to compare against (a git worktree)")
    parser.add_argument("--after", type=Path, default=HERE.parent, help="the tree measured (default: this one)")
    parser.add_argument("--cases", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=5, help="runs of each tree, taking turns")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--tmp", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.cases, args.tmp)))
        return 0
    if args.before is None:
        parser.error("--before is required")
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            order = list(trees) if i % 2 == 0 else list(reversed(trees))
            for name in order:
                runs[name].append(run_tree(trees[name], args.cases, Path(tmp)))
    summary: dict[str, Any] = {
        name: {key: statistics.median(r[key] for r in rs) for key in rs[0]} for name, rs in runs.items()
    }
    summary["ratio"] = {key: summary["after"][key] / summary["before"][key] for key in summary["after"]}
    summary["cases"], summary["repeat"] = args.cases, args.repeat
    summary["load"] = list(os.getloadavg()) if hasattr(os, "getloadavg") else None
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
