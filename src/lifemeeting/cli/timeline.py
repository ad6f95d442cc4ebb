"""``lifemeeting timeline`` (old name ``plan``): deadlines, the earliest day to meet, what a move would do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lifemeeting.answers.timeline_model import Change, Timeline, TimelineItem
from lifemeeting.cli.sheet import sheet_options, write_tables
from lifemeeting.cli.text import table

if TYPE_CHECKING:
    from lifemeeting.dates.workdays import WorkCalendar

DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--on", "on", type=DATE, help="The day to ask about (default: today in Asia/Shanghai), YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help="Print the timeline as JSON.")
@click.option(
    "--ics",
    "ics",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write an iCalendar file ('-': print only it).",
)
@click.option("--move-to", "move_to", type=DATE, help="What if the meeting were held on this day instead, YYYY-MM-DD.")
@sheet_options
def timeline(
    case: Path,
    on: dt.datetime | None,
    as_json: bool,
    ics: Path | None,
    move_to: dt.datetime | None,
    fmt: str | None,
    output: Path | None,
) -> int:
    """Every deadline of CASE with owner and status; the earliest day it may meet; --move-to what-if.

    With --format csv|xlsx: one row per item (with --move-to, the items as they stand after the move).
    """
    from lifemeeting.answers.whatif import timeline as work_out

    answer = work_out(case, on=on.date() if on else None, move_to=move_to.date() if move_to else None)
    if fmt is not None:
        from lifemeeting.render.sheets import timeline_table

        moved = answer.model_copy(update={"items": answer.move.timeline}) if answer.move is not None else answer
        write_tables(fmt, output, [timeline_table(moved)])
        return 0
    if ics is not None:
        from lifemeeting.render.ics import timeline_ics

        data = timeline_ics(answer)
        if str(ics) == "-":
            click.echo(data.decode("utf-8"), nl=False)
            return 0
        ics.write_bytes(data)
        click.echo(f"已写入 {ics}（{data.count(b'BEGIN:VEVENT')} 个日程）", err=True)
    click.echo(answer.model_dump_json(indent=2) if as_json else render(answer))
    return 0


def render(t: Timeline) -> str:
    """The timeline as a policy officer reads it."""
    from lifemeeting.dates.workdays import WorkCalendar

    cal = WorkCalendar()  # weekday labels only; the case's own lists are already in the dates
    tier = f"（{t.tier}）" if t.tier else ""
    round_ = f"第{t.round}轮 " if t.round > 1 else ""
    lines = [f"{t.unit}{tier} — {round_}{t.meeting.name}时间表（截至 {t.on}）", _meeting_line(t, cal)]
    rows = [[_when(i), _status(i), i.name, i.owner or "—"] for i in t.items]
    lines.append(table(["时限", "状态", "事项", "责任人"], rows))
    details = [_missing(i) for i in t.items if i.parts and (i.status != "done" or i.late)]
    if any(details):
        lines.append("未完成或逾期的明细：")
        lines += [d for d in details if d]
    if t.earliest is not None:
        e = t.earliest
        where = ""
        if e.in_window is not None:
            m = t.meeting
            early = m.window_start is not None and e.date < m.window_start
            where = (
                "，在规定的会议时间之内"
                if e.in_window
                else f"，{'早于' if early else '晚于'}规定的会议时间（{m.basis}）"
            )
        lines.append(f"最早可召开日期：{e.date}（{cal.label(e.date)}）{where}")
        lines += [f"  - {b}" for b in e.bounds] or ["  - 没有须等待的期限"]
        if e.still_to_do:
            lines.append("  在此之前尚须完成：")
            lines += [f"    · {s}" for s in e.still_to_do]
    if t.move is not None:
        lines += _move_lines(t, cal)
    lines += [f"注意：{w}" for w in t.warnings]
    r = t.receipt
    lines.append(f"回执：{r.ruleset} {r.version} sha256:{r.sha256[:12]} lifemeeting {r.engine}")
    return "\n".join(lines)


def _meeting_line(t: Timeline, cal: WorkCalendar) -> str:
    m = t.meeting
    when = f"{'已于' if m.held else '计划'} {m.date}（{cal.label(m.date)}）" if m.date else "日期未定"
    window = ""
    if m.window_end is not None:
        span = f"{m.window_start}至{m.window_end}" if m.window_start else f"{m.window_end}前"
        window = f"；规定的会议时间：{m.basis}（{span}）"
        if m.in_window is not None:
            window += "，在其之内" if m.in_window else "，不在其内"
    return f"{m.name}：{when}{window}"


def _when(i: TimelineItem) -> str:
    if i.by is None:
        return f"待定（{i.basis}）" if i.basis else "会前（日期未定）" if i.before_meeting else "—"
    text = f"{i.start}至{i.by}" if i.start is not None and i.start <= i.by else f"{i.by}前"
    notes = []
    if i.basis and i.basis.startswith(("会", "案例")):
        notes.append(i.basis)
    if i.before_meeting and (i.end is None or i.by < i.end):
        notes.append("会前" if i.end is None else f"会前；规定{i.end}前")
    if i.soft:  # asked for before the meeting by a soft rule (一般): never a precondition
        notes.append("会前，一般要求")
    return text + (f"（{'；'.join(notes)}）" if notes else "")


def _status(i: TimelineItem) -> str:
    done = sum(p.status == "done" for p in i.parts)
    count = f" {done}/{len(i.parts)}" if i.parts and i.status != "done" and len(i.parts) > 1 else ""
    if i.status == "done":
        return f"已完成 {i.done_on}" + ("（逾期）" if i.late else "")
    return ("已逾期" if i.status == "overdue" else "未完成") + count


def _missing(i: TimelineItem) -> str:
    open_ = [p.who for p in i.parts if p.status != "done"]
    late = [f"{p.who}（{p.done_on}）" for p in i.parts if p.late]
    bits = ([f"未完成：{'、'.join(open_)}"] if open_ else []) + ([f"逾期完成：{'、'.join(late)}"] if late else [])
    return f"  {i.name}：{'；'.join(bits)}" if bits else ""


def _move_lines(t: Timeline, cal: WorkCalendar) -> list[str]:
    m = t.move
    assert m is not None
    too_early = t.earliest is not None and m.to_date < t.earliest.date
    verdict = (
        "不早于最早可召开日期"
        if m.legal
        else ("早于最早可召开日期" if too_early else "已过规定的会议时间") + "，不能召开"
    )
    if m.in_window is not None:
        verdict += "；在规定的会议时间之内" if m.in_window else "；不在规定的会议时间之内"
    lines = [f"改期：{m.from_date or '未定'} → {m.to_date}（{cal.label(m.to_date)}）：{verdict}"]
    for title, changes in (("新错过", m.newly_missed), ("新满足", m.newly_met), ("随之变动", m.moved)):
        for c in changes:
            lines.append(f"  {title}：{c.name}：最迟 {c.by_before or '未定'} → {c.by_after or '未定'}{_outcome(c)}")
    if not (m.newly_missed or m.newly_met or m.moved):
        lines.append("  没有时限因此变化")
    return lines


def _outcome(c: Change) -> str:
    labels = {"done": "已完成", "open": "未完成", "overdue": "已逾期"}
    after = labels[c.status_after] + ("（逾期）" if c.late_after else "")
    return f"，{after}"
