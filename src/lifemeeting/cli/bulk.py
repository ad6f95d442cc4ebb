"""``lifemeeting bulk``: readiness of many cases, with a summary for the organisation department."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lifemeeting.cli.sheet import sheet_options

if TYPE_CHECKING:
    from lifemeeting.bulk.run import Outcome
    from lifemeeting.bulk.summary import Summary


@click.command()
@click.argument("cases", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), required=True, help="The day to ask about, YYYY-MM-DD."
)
@click.option("--json", "as_json", is_flag=True, help="Stream one JSON answer per line, then the summary line.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option(
    "--progress/--no-progress", default=None, help="Show progress on stderr (default: when stderr is a terminal)."
)
@sheet_options
def bulk(
    cases: Path, on: dt.datetime, as_json: bool, jobs: int, progress: bool | None, fmt: str | None, output: Path | None
) -> int:
    """Answer every case in CASES: a folder of case files, one case file, or a .jsonl file with one case per line.

    Prints a summary (how many can convene, the most common blockers, overdue actions by
    owner); with --json, one answer per line as each case is answered, then the summary.
    A bad case is reported on stderr and the run goes on. Exit 0, or 1 if any case was bad input.
    With --format xlsx: a sheet of cases (one row each) and a sheet of blockers (one row each),
    written as the cases are answered; --format csv: the cases only. The summary goes to stderr.
    """
    from lifemeeting.bulk.run import answers, count_inputs
    from lifemeeting.bulk.summary import Summary, error_line
    from lifemeeting.cli import text

    summary = Summary()
    stream = answers(cases, on.date(), jobs=jobs, brief=fmt is None, with_json=as_json)
    if progress if progress is not None else sys.stderr.isatty():
        stream = text.progress(stream, count_inputs(cases), sys.stderr)
    if fmt is not None:
        from lifemeeting.cli.sheet import binary_out
        from lifemeeting.render.sheets import write_outcomes

        out_bytes = binary_out(fmt, output)
        try:
            write_outcomes(fmt, _counted(stream, summary), out_bytes)
        finally:
            if output is not None:
                out_bytes.close()
        click.echo(render(summary.as_dict(), on.date()), err=True)
        return 1 if summary.errors else 0
    out = sys.stdout.buffer  # the lines come as UTF-8 bytes from where the answers are made
    for outcome in stream:
        summary.add(outcome)
        if outcome.error:
            click.echo(f"lifemeeting: {outcome.error}", err=True)
        if as_json:
            line = outcome.digest.line if outcome.digest is not None else None
            out.write(line if line is not None else error_line(outcome.label, outcome.error))
    data = summary.as_dict()
    if as_json:
        out.write(json.dumps({"summary": data}, ensure_ascii=False).encode() + b"\n")
        out.flush()
    else:
        click.echo(render(data, on.date()))
    return 1 if summary.errors else 0


def _counted(stream: Iterable[Outcome], summary: Summary) -> Iterator[Outcome]:
    for outcome in stream:
        summary.add(outcome)
        if outcome.error:
            click.echo(f"lifemeeting: {outcome.error}", err=True)
        yield outcome


def render(d: dict[str, Any], on: dt.date) -> str:
    lines = [
        f"{on}：共 {d['cases']} 件，可以召开 {d['convenable']} 件，"
        f"不能召开 {d['blocked']} 件，输入有误 {d['errors']} 件"
    ]
    if d["top_blockers"]:
        lines.append("最常见的未满足条件：")
        lines += [f"  {b['cases']:>6} 件  {b['name']}（{b['ruleset']} {b['rule']}）" for b in d["top_blockers"]]
    if d["overdue_by_owner"]:
        lines.append("逾期事项（按责任人）：")
        lines += [f"  {o['actions']:>6} 项  {o['who']}" for o in d["overdue_by_owner"]]
    if d.get("owners_undercount"):
        lines.append(f"  （责任人过多，只保留逾期较多者；每人计数至多少计 {d['owners_undercount']} 项）")
    return "\n".join(lines)
