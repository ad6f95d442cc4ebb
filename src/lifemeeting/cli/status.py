"""``lifemeeting status``: the stage, the round, what is done, due next and overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lifemeeting.cli.check import render as render_readiness
from lifemeeting.cli.sheet import sheet_options, write_tables
from lifemeeting.engine.answer_model import Status


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), help="The day to ask about (default: today), YYYY-MM-DD."
)
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON, every round included.")
@sheet_options
def status(case: Path, on: dt.datetime | None, as_json: bool, fmt: str | None, output: Path | None) -> int:
    """Where CASE stands: stage, round, duties done / due / overdue. Exit 0, or 1 for bad input.

    With --format csv|xlsx: one row per post-meeting duty (and redo step) of every round; xlsx adds a sheet of
    ratings (评定等次: member, appraisal, level, date) when any member was rated.
    """
    from lifemeeting.answers.open import open_case

    answer = open_case(case).status(on.date() if on else None)
    if fmt is not None:
        from lifemeeting.render.sheets import status_tables

        write_tables(fmt, output, status_tables(answer))
        return 0
    click.echo(answer.model_dump_json(indent=2) if as_json else render(answer))
    return 0


def render(s: Status) -> str:
    lines = [f"{s.unit} — {s.on}：第{s.round}轮，{s.stage_name}"]
    for r in s.rounds:
        kind = {"initial": "首轮", "redo": "返工补课", "reconvene": "重新召开"}[r.kind]
        held = f"，{r.held_on}召开" if r.held_on else "，尚未召开"
        cause = f"（{r.cause}）" if r.cause else ""
        lines.append(f"  第{r.number}轮 {kind}{cause}{held}")
        for a in r.appraisals:
            verdict = "达到" if a.passed else "未达到"
            threshold = f"，门槛{a.threshold}，{verdict}" if a.threshold else ""
            lines.append(f"    {a.date} {a.name}：{a.satisfied}/{a.total}（{a.rate:.1%}）{threshold}")
        names = dict.fromkeys(x.name for x in r.ratings)
        for name in names:
            given = [x for x in r.ratings if x.name == name]
            lines.append(
                f"    {max(x.date for x in given)} {name}："
                + "、".join(f"{x.member_name}{x.level_name}" for x in given)
            )
        again = {d.id for d in r.redo}  # a duty the round redoes is listed once, among the steps to redo
        for d in [*r.redo, *(d for d in r.duties if d.id not in again)]:
            mark = {"done": f"已完成 {d.done_on}", "open": "待办", "overdue": "已逾期"}[d.status]
            by = f"，{d.by}前" if d.by else ""
            owed = {"again": "（本轮须再做）", "carried": "（沿用上一轮）", None: ""}[d.owed]
            lines.append(f"    [{mark}] {d.name}{by}{owed}")
    lines += [f"提醒：{w}" for w in s.warnings]
    if s.overdue:
        lines.append("已逾期：" + "、".join(f"{d.name}（{d.owner or '—'}，{d.by}前）" for d in s.overdue))
    if s.due_next:
        lines.append(
            "接下来："
            + "、".join(f"{d.name}（{d.owner or '—'}{'，' + str(d.by) + '前' if d.by else ''}）" for d in s.due_next)
        )
    if s.readiness is not None:
        lines.append(render_readiness(s.readiness))
    else:
        receipt = s.receipt
        lines.append(
            f"回执：{receipt.ruleset} {receipt.version} sha256:{receipt.sha256[:12]} lifemeeting {receipt.engine}"
        )
    return "\n".join(lines)
