"""``lifemeeting check``: can this case's meeting be convened?"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lifemeeting.engine.readiness_model import Blocker, Readiness


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), help="The day to ask about (default: today), YYYY-MM-DD."
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help='Print the answer as JSON; bad input as {"error": {"code", "message", "file", "line", "column", …}}.',
)
def check(case: Path, on: dt.datetime | None, as_json: bool) -> int:
    """Can the meeting of CASE be convened? Exit 0 yes, 3 not yet, 1 bad input."""
    from lifemeeting.answers.open import can_convene

    answer = can_convene(case, on=on.date() if on else None)
    click.echo(answer.model_dump_json(indent=2) if as_json else render(answer))
    return 0 if answer.convenable else 3


STAGE_TITLE = "不在会前准备阶段"  # the header over a stage blocker, which names no rule


def render(a: Readiness) -> str:
    """The answer as a policy officer reads it: blockers grouped under the rule they break, cited once."""
    tier = f"（{a.tier_name or a.tier}）" if a.tier else ""
    lines = [f"{a.unit}{tier} — {a.on} 能否召开{a.meeting_name}？"]
    if a.convenable:
        lines.append("结论：可以召开。")
    elif all(b.kind == "stage" for b in a.blockers):  # held, closed or being redone: no rule to meet, a stage
        lines.append(f"结论：不能召开：{'；'.join(b.message for b in a.blockers)}。")
    else:
        groups: dict[str, list[Blocker]] = {}
        for b in a.blockers:
            groups.setdefault(b.rule, []).append(b)
        lines.append(f"结论：不能召开，{len(a.blockers)} 项未满足（涉及 {len(groups)} 条规定）：")
        n = 0
        for rule, items in groups.items():
            title, found, _ = items[0].message.partition("」：")
            title = title.lstrip("「") if found else STAGE_TITLE if items[0].kind == "stage" else rule
            lines.append(f"  [{rule}] {title}")
            c = items[0].citation
            if c is not None:
                lines.append(f"    依据：{c.document} {c.section}：“{c.quote}”")
            for b in items:
                n += 1
                lines.append(f"    {n}. {b.message.partition('」：')[2] or b.message}")
    if a.next_actions:
        lines.append("下一步：")
        for action in a.next_actions:
            by = f"，{action.by}前" if action.by else ""
            late = "（已逾期）" if action.overdue else ""
            lines.append(f"  - {action.who}：{action.what}{by}{late}")
    if a.earliest_date and not a.convenable:
        lines.append(f"最早可召开日期：{a.earliest_date}（其余条件均已满足，只需等待）")
    for w in a.warnings:
        lines.append(f"注意：{w}")
    r = a.receipt
    lines.append(f"回执：{r.ruleset} {r.version} sha256:{r.sha256[:12]} lifemeeting {r.engine}")
    return "\n".join(lines)
