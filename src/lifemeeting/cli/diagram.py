"""``lifemeeting diagram``: a chain or a case's progress as Mermaid, DOT, SVG or PNG."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lifemeeting.cli.chain import source_kind, subject_options
from lifemeeting.render.diagrams import FORMATS


@click.command()
@subject_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from -o's suffix, else mermaid.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output."
)
def diagram(
    source: str,
    tier: str | None,
    position: str | None,
    member: str | None,
    material: str | None,
    unit: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
) -> int:
    """Draw a review chain (SOURCE a RULESET) or where a case's materials stand (SOURCE a CASE).

    \b
      lifemeeting diagram RULESET --tier county --material examination -o county.png
      lifemeeting diagram CASE --member li --format svg
    svg and png need Graphviz (the 'dot' program); mermaid and dot need nothing.
    """
    from lifemeeting.render.diagrams import case_diagram, chain_diagram

    if fmt is None:
        suffix = output.suffix.lstrip(".").lower() if output else ""
        fmt = {"mmd": "mermaid", "gv": "dot"}.get(suffix, suffix if suffix in FORMATS else "mermaid")
    if fmt == "png" and output is None and sys.stdout.isatty():
        raise click.UsageError("a PNG is not for the terminal: give -o FILE")
    if source_kind(source, member, position=position, tier=tier, unit=unit) == "case":
        data = case_diagram(source, member=member, material=material, format=fmt)  # type: ignore[arg-type]
    else:
        data = chain_diagram(source, tier=tier, position=position, material=material, unit=unit, format=fmt)
    if output is not None:
        output.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        click.echo(f"wrote {output} ({fmt})", err=True)
    elif isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(data, nl=False)
    return 0
