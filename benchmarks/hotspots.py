"""Profile the engine's bulk path on generated cases: where does the time go?

    .venv/bin/python benchmarks/hotspots.py                 # cProfile, 300 cases, top 30 by own time
    .venv/bin/python benchmarks/hotspots.py --pyinstrument  # a call tree (pip install pyinstrument)

Profile before optimising: the figures in ``docs/performance.md`` came from runs like this.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402


def bulk(path: Path) -> None:
    from lifemeeting.bulk.run import answers
    from lifemeeting.bulk.summary import Summary

    summary = Summary()
    for outcome in answers(path, generate.ON):
        summary.add(outcome)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--pyinstrument", action="store_true", help="show a call tree with pyinstrument instead")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = generate.write(args.cases, Path(tmp) / "cases.jsonl")
        one = Path(tmp) / "one.jsonl"
        one.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        bulk(one)  # load the rule set and compile the paths outside the profile
        if args.pyinstrument:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0002)
            with profiler:
                bulk(path)
            print(profiler.output_text(unicode=True, color=False))
        else:
            profile = cProfile.Profile()
            profile.runcall(bulk, path)
            pstats.Stats(profile).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
