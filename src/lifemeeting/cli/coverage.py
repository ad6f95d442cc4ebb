"""``lifemeeting coverage``: which clauses rules and scenarios cover; ``lifemeeting spec``: the features as Markdown."""

from __future__ import annotations

from pathlib import Path

import click

from lifemeeting.ruleset.load import load_ruleset
from lifemeeting.spec.coverage import Coverage, SourceCoverage
from lifemeeting.spec.coverage import coverage as compute

STATUS_WORDS = {
    "tested": "已编码并有场景",
    "untested": "已编码、无场景",
    "explained": "不可机器核对（已说明）",
    "missing": "未编码也未说明",
}
FEATURES_HELP = "Feature folder or file (default: ./features); repeat for more."


@click.command()
@click.argument("rulesets", nargs=-1)
@click.option("--features", "features", type=click.Path(exists=True, path_type=Path), multiple=True, help=FEATURES_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print every clause and rule with its status as JSON.")
@click.option("--clauses", "show_clauses", is_flag=True, help="List every normative clause with its status.")
def coverage(rulesets: tuple[str, ...], features: tuple[Path, ...], as_json: bool, show_clauses: bool) -> int:
    """Per source: clauses encoded, tested by a scenario, listed as not checkable, and the rest by section.

    RULESETS are ids or files (default: every rule set with a clause inventory of its own, overlays left out).
    """
    from lifemeeting.ruleset.discovery import discover

    if rulesets:
        loaded = [load_ruleset(r) for r in rulesets]
    else:
        every = [load_ruleset(found.path) for found in discover().values()]
        loaded = [rs for rs in every if rs.model.clauses and rs.provenance is None]
    answer = compute(loaded, list(features) or [Path("features")])
    click.echo(answer.model_dump_json(indent=2) if as_json else render(answer, clauses=show_clauses))
    return 0


def render(c: Coverage, *, clauses: bool = False) -> str:
    lines: list[str] = []
    for s in c.sources:
        lines += _source(s, clauses=clauses)
    lines += [f"注意：{w}" for w in c.warnings]
    return "\n".join(lines)


def _source(s: SourceCoverage, *, clauses: bool) -> list[str]:
    lines = [
        f"{s.ruleset} {s.version} — {s.source}" + (f"（{s.file}）" if s.file else ""),
        f"  条款 {s.clauses}：规范性 {s.normative}，非规范性（标题、背景） {s.clauses - s.normative}",
        f"  已编码 {s.encoded}（其中有场景检验 {s.encoded_and_tested}）；有场景检验 {s.tested}；"
        f"列为不可机器核对 {s.explained}；未覆盖 {s.normative - s.covered}",
        f"  覆盖 {s.covered}/{s.normative} = {s.percent:.1f}%（已编码并经场景检验，或已说明不可机器核对）",
        f"  规则 {s.rules}：有场景 {s.exercised}；场景 {s.scenarios}",
    ]
    if s.uncovered:
        lines.append("  未覆盖的条款（按节）：")
        lines += [f"    {g.section}：{'、'.join(g.clauses)}" for g in s.uncovered]
    if s.rules_without_scenario:
        lines.append("  没有场景的规则：" + "、".join(s.rules_without_scenario))
    if s.unknown_clause_tags:
        lines.append("  不在条款清单中的标签：" + "、".join(s.unknown_clause_tags))
    if clauses:
        for d in s.clause_detail:
            if d.status != "informative":
                lines.append(f"    {d.id}（{d.section}）{STATUS_WORDS[d.status]}")
    lines.append("")
    return lines


@click.command()
@click.option(
    "--features",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("features"),
    show_default=True,
    help="The feature folder.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("docs/spec"),
    show_default=True,
    help="Where the Markdown goes.",
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if the Markdown is not what the features give.")
def spec(features: Path, out: Path, check: bool) -> int:
    """Render the feature files as Markdown (one page per feature, and an index) for readers who run nothing."""
    from lifemeeting.spec.pages import render_all

    pages = render_all(features, out)
    existing = {p.relative_to(out) for p in out.rglob("*.md")} if out.exists() else set()
    changed = sorted(
        rel for rel, text in pages.items() if rel not in existing or (out / rel).read_text(encoding="utf-8") != text
    )
    extra = sorted(existing - set(pages))
    if check:
        for rel in [*changed, *extra]:
            click.echo(f"out of date: {out / rel}", err=True)
        if changed or extra:
            click.echo("run: lifemeeting spec", err=True)
        return 1 if changed or extra else 0
    for rel in extra:
        (out / rel).unlink()
    for rel in changed:
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(pages[rel], encoding="utf-8")
    click.echo(f"{len(pages)} pages in {out}: {len(changed)} written, {len(extra)} removed")
    return 0
