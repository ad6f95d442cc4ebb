"""``lifemeeting bulk``: readiness of many cases, with a summary for the organisation department."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("cases", type=click.Path(exists=True, path_type=Path))
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), required=True, help="The day to ask about, YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help="Stream one JSON answer per line, then the summary line.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
def bulk(cases: Path, on: dt.datetime, as_json: bool, jobs: int) -> int:
    """Answer every case in CASES (a folder of case files or a .jsonl file). Exit 0, or 1 if any case was bad input."""
    from .._bulk import Summary, answers

    summary = Summary()
    stream = answers(cases, on.date(), jobs=jobs)
    show_bar = not as_json and sys.stderr.isatty()
    if show_bar:
        stream = _progress(stream)
    for outcome in stream:
        summary.add(outcome)
        if outcome.error:
            click.echo(f"lifemeeting: {outcome.error}", err=True)
        if as_json:
            if outcome.answer is not None:
                click.echo(json.dumps({"case": outcome.label, **outcome.answer.model_dump(mode="json")}, ensure_ascii=False))
            else:
                click.echo(json.dumps({"case": outcome.label, "error": outcome.error}, ensure_ascii=False))
    data = summary.as_dict()
    if as_json:
        click.echo(json.dumps({"summary": data}, ensure_ascii=False))
    else:
        click.echo(render(data, on.date()))
    return 1 if summary.errors else 0


def _progress(stream):
    count = 0
    for outcome in stream:
        count += 1
        if count % 100 == 0:
            click.echo(f"\r已处理 {count} 件", err=True, nl=False)
        yield outcome
    click.echo(f"\r已处理 {count} 件", err=True)


def render(d: dict, on: dt.date) -> str:
    lines = [f"{on}：共 {d['cases']} 件，可以召开 {d['convenable']} 件，不能召开 {d['blocked']} 件，输入有误 {d['errors']} 件"]
    if d["top_blockers"]:
        lines.append("最常见的未满足条件：")
        lines += [f"  {b['cases']:>6} 件  {b['name']}（{b['ruleset']} {b['rule']}）" for b in d["top_blockers"]]
    if d["overdue_by_owner"]:
        lines.append("逾期事项（按责任人）：")
        lines += [f"  {o['actions']:>6} 项  {o['who']}" for o in d["overdue_by_owner"]]
    return "\n".join(lines)
