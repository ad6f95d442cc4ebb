"""Quotes against their source text: the one normaliser, and where a quote (or its nearest passage) stands.

The sources mix full- and half-width forms (``（`` and ``(``, ``１`` and ``1``) and break lines
anywhere; a quote is found when it stands in the text once both are ``normal``: NFKC-folded and
without white space. ``……`` in a quote marks words left out, so each piece is looked for alone.
The nearest passage to a missing quote comes from ``lifemeeting.suggest``, where every likeness is measured.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lifemeeting.source.yaml import Path

ELLIPSIS = "……"
_SPACE = re.compile(r"\s+")


def normal(text: str) -> str:
    """``text`` with full-/half-width forms folded (NFKC) and all white space removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def pieces(quote: str) -> list[str]:
    """The runs of a quote between ``……`` (words left out), empty ones dropped."""
    return [p for p in quote.split(ELLIPSIS) if normal(p)]


def missing_pieces(quote: str, normal_text: str) -> list[str]:
    """The pieces of ``quote`` not in ``normal_text`` (already ``normal``)."""
    return [p for p in pieces(quote) if normal(p) not in normal_text]


def quotes(node: Any, path: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(path, cite mapping) for every citation (a mapping with ``section`` and ``quote``) in raw data."""
    if isinstance(node, dict):
        if isinstance(node.get("quote"), str) and "section" in node:
            yield path, node
        for k, v in node.items():
            yield from quotes(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from quotes(v, (*path, i))


@dataclass(frozen=True)
class Near:
    """The passage of the source most like a missing quote, and how alike (0–1)."""

    passage: str
    ratio: float


def nearest(piece: str, text: str, *, cutoff: float = 0.6) -> Near | None:
    """The passage of ``text`` (as written, white space collapsed) most like ``piece``, or None below ``cutoff``.

    The passage is found in the normalised text (``suggest.nearest_span``), then mapped back to
    the source's own characters.
    """
    from lifemeeting.suggest import nearest_span

    want = normal(piece)
    # the normal text, and for each of its characters the index of the source character it came from
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for folded in unicodedata.normalize("NFKC", ch):
            if not folded.isspace():
                chars.append(folded)
                origin.append(i)
    found = nearest_span(want, "".join(chars), cutoff=cutoff)
    if found is None:
        return None
    start, end, ratio = found
    passage = _SPACE.sub(" ", text[origin[start] : origin[end - 1] + 1]).strip()
    return Near(passage, round(ratio, 2))
