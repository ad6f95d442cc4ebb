"""Plain-text output for people: aligned columns that count a Chinese character as two cells."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to the widest cell; the last column is left ragged."""
    cols = [list(map(str, col)) for col in zip(header, *rows)]
    widths = [max(width(c) for c in col) for col in cols]
    lines = []
    for row in [header, *rows]:
        cells = [str(c) for c in row]
        padded = [c + " " * (w - width(c)) for c, w in zip(cells[:-1], widths)] + [cells[-1]]
        lines.append("  ".join(padded).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
