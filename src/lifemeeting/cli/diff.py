"""``lifemeeting diff A B``: what differs between two rule sets, in words a policy officer can check."""

from __future__ import annotations

import click

from lifemeeting.cli.text import width
from lifemeeting.ruleset.diff import RuleSetDiff, diff_rulesets
from lifemeeting.ruleset.load import load_ruleset

CHANGE_WORDS = {"added": "只在B", "removed": "只在A", "changed": "不同"}


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")
def diff(a: str, b: str, as_json: bool) -> int:
    """What differs between rule sets A and B (ids or files): chains, talks, gates, deadlines, thresholds.

    \b
      lifemeeting diff BASE-ID OTHER-ID
      lifemeeting diff party-group-2017 my-overlay.yaml --json
    """
    result = diff_rulesets(load_ruleset(a), load_ruleset(b))
    if as_json:
        click.echo(result.model_dump_json(indent=2))
    else:
        click.echo(render(result))
    return 0


def render(d: RuleSetDiff) -> str:
    """The overview side by side, then each differing rule, grouped by section."""
    out = [
        f"A  {d.a.id} {d.a.version} — {d.a.title}",
        f"B  {d.b.id} {d.b.version} — {d.b.title}",
        "",
        "概览",
    ]
    for row in d.overview:
        if row.same:
            out.append(f"  {row.aspect}：两者相同 — {_lines(row.a)}")
        else:
            out += [f"  {row.aspect}", f"    A  {_lines(row.a)}", f"    B  {_lines(row.b)}"]
    if d.identical:
        return "\n".join([*out, "", "逐条比较：没有差异。"])
    out += ["", f"逐条差异（{len(d.differences)}处；出处 cite 不比较）"]
    section = rule = None
    for x in d.differences:
        if x.section_name != section:
            section, rule = x.section_name, None
            out += ["", section]
        if x.change != "changed":
            out.append(f"  {CHANGE_WORDS[x.change]}  {x.rule}  {x.name}")
            facts = x.a if x.change == "removed" else x.b
            if facts and facts not in ("—", x.name):
                out.append(f"          {facts}")
            continue
        if x.rule != rule:
            rule = x.rule
            out.append(f"  不同   {x.rule}  {x.name}")
        label = x.field_name or ""
        pad = " " * max(0, 12 - width(label))
        out.append(f"          {label}{pad}A {x.a}")
        out.append(f"          {' ' * max(width(label), 12)}B {x.b}")
    return "\n".join(out)


def _lines(text: str) -> str:
    """An overview value over several lines (one per condition), each indented under the first."""
    return text.replace("\n", "\n       ")
