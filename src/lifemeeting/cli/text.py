"""Text output for people: tables whose columns count a Chinese character as two cells, and a progress line.

Both are rich's, imported only when used (the CLI's start-up stays short). On a terminal a table
has a bold header and a rule under it and folds to the terminal's width; anywhere else (a pipe,
a file, a test) it is plain text — columns two spaces apart, a row of dashes under the header,
no trailing blanks, never wrapped — so scripts and diffs see the same lines as before.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

T = TypeVar("T")


def width(text: str) -> int:
    """Terminal cells ``text`` takes: 2 for a Chinese character, 1 for a Latin letter."""
    from rich.cells import cell_len

    return cell_len(text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, terminal: bool | None = None) -> str:
    """Columns padded to the widest cell; the last column is left ragged.

    ``terminal`` (default: whether stdout is one) picks the styled form over the plain one.
    """
    if terminal if terminal is not None else _isatty(sys.stdout):
        return _render(_styled(header, rows), _console(sys.stdout))
    return _render(_plain(header, rows), None)


def progress(items: Iterable[T], total: int, err: TextIO, *, what: str = "已处理", unit: str = "件") -> Iterator[T]:
    """Pass ``items`` through, showing ``已处理 N/TOTAL 件（R 件/秒）`` on ``err``.

    On a terminal the line (with a bar and the time taken) is redrawn a few times a second;
    elsewhere only the last state is written, once, when the items run out.
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = _console(err)
    line = TextColumn(f"{what} {{task.completed:.0f}}/{{task.total:.0f}} {unit}（{{task.fields[rate]}} {unit}/秒）")
    columns = [line, BarColumn(), TimeElapsedColumn()] if console.is_terminal else [line]
    with Progress(*columns, console=console, refresh_per_second=5, auto_refresh=console.is_terminal) as shown:
        task = shown.add_task(what, total=total, rate="0")
        count = 0
        for item in items:
            count += 1
            elapsed = shown.tasks[0].elapsed or 0.0
            shown.update(task, completed=count, rate=f"{count / max(elapsed, 1e-9):.0f}")
            yield item


def _plain(header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    from rich.table import Table

    cells = [[str(c) for c in row] for row in [header, *rows]]
    widths = [max(width(c) for c in col) for col in zip(*cells, strict=False)]
    plain = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
    for _ in widths:
        plain.add_column(no_wrap=True, overflow="ignore")
    _add_rows(plain, [cells[0], ["-" * w for w in widths], *cells[1:]])
    return plain


def _styled(header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    styled = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for name in header:
        styled.add_column(Text(str(name)), overflow="fold")
    _add_rows(styled, [[str(c) for c in row] for row in rows])
    return styled


def _add_rows(into: Table, rows: Sequence[Sequence[str]]) -> None:
    from rich.text import Text

    for row in rows:
        into.add_row(*(Text(c) for c in row))  # Text: a cell's [brackets] are not markup


def _render(tbl: Table, console: Console | None) -> str:
    from rich.console import Console

    if console is None:  # plain: no colour, no wrapping, as wide as the widest row
        console = Console(width=1_000_000, color_system=None, force_terminal=False, no_color=True, highlight=False)
    with console.capture() as captured:
        console.print(tbl, crop=False)
    return "\n".join(line.rstrip() for line in captured.get().rstrip("\n").split("\n"))


def _console(stream: TextIO) -> Console:
    from rich.console import Console

    return Console(file=stream, highlight=False)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
