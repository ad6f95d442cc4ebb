"""``lifemeeting document``: the 方案 (plan document) of a case, as DOCX or Markdown."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click


@click.command()
@click.argument("case", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md"]),
    help="DOCX (Word, WPS) or Markdown (default: from -o's suffix, else md).",
)
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE.")
@click.option(
    "--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), help="The day to work the timeline out for, YYYY-MM-DD."
)
def document(case: Path, fmt: str | None, output: Path | None, on: dt.datetime | None) -> int:
    """Write the 方案 of CASE: purpose, time and place, attendees, preparation with owners and dates,
    review chains, required talks, agenda, post-meeting duties, each rule cited.

    DOCX goes to -o FILE, or to standard output when it is not a terminal.
    """
    from lifemeeting.answers.plan_document import plan_document

    fmt = fmt or ("docx" if output is not None and output.suffix.lower() == ".docx" else "md")
    if fmt == "docx" and output is None and sys.stdout.isatty():
        raise click.UsageError("--format docx writes binary data: give -o FILE or redirect standard output")
    plan = plan_document(case, on=on.date() if on else None)
    if fmt == "docx":
        from lifemeeting.render.document_docx import document_docx

        data = document_docx(plan)
    else:
        from lifemeeting.render.document_md import document_md

        data = document_md(plan).encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
        click.echo(f"已写入 {output}", err=True)
    return 0
