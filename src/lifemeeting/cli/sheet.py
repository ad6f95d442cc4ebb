"""``--format csv|xlsx`` and ``-o FILE`` for the commands that write spreadsheets (bulk, status, timeline)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from lifemeeting.render.sheets import Table

F = TypeVar("F", bound=Callable[..., Any])


def sheet_options(command: F) -> F:
    """Add ``--format csv|xlsx`` and ``-o/--output FILE`` to a command."""
    command = click.option(
        "-o",
        "--output",
        "output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the spreadsheet to FILE (default: standard output; xlsx only when it is not a terminal).",
    )(command)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["csv", "xlsx"]),
        help="Write a spreadsheet instead of text: CSV (UTF-8 with BOM) or Excel .xlsx.",
    )(command)


def binary_out(fmt: str, output: Path | None) -> IO[bytes]:
    """Where the spreadsheet goes: the file, or standard output (never a terminal for xlsx)."""
    if output is not None:
        return output.open("wb")
    if fmt == "xlsx" and sys.stdout.isatty():
        raise click.UsageError("--format xlsx writes binary data: give -o FILE or redirect standard output")
    return sys.stdout.buffer


def write_tables(fmt: str, output: Path | None, tables: list[Table]) -> None:
    """Write ``tables`` (CSV: only the first) in ``fmt``; say on stderr where a file went."""
    from lifemeeting.render.sheets import csv_lines, write_xlsx

    out = binary_out(fmt, output)
    try:
        if fmt == "xlsx":
            write_xlsx(tables, out)
        else:
            for line in csv_lines(tables[0]):
                out.write(line.encode("utf-8"))
        out.flush()
    finally:
        if output is not None:
            out.close()
    if output is not None:
        click.echo(f"已写入 {output}", err=True)
