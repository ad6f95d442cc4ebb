"""Every quotation in a bundled rule set stands, word for word, in its source document."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import seed_text

import lifemeeting as lm


def _normal(text: str) -> str:
    """Ignore white space and the half-/full-width forms the sources mix."""
    text = re.sub(r"\s+", "", text)
    table = str.maketrans("（）：；，！？０１２３４５６７８９", "():;,!?0123456789")
    return text.translate(table)


def _quotes(node: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    if isinstance(node, dict):
        if "quote" in node and "section" in node:
            yield path, node
        for k, v in node.items():
            yield from _quotes(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _quotes(v, path + (i,))


@pytest.mark.parametrize("ruleset_id", sorted(lm.available()))
def test_quotes_are_in_the_source(ruleset_id: str) -> None:
    """Each cited quote (pieces split at ……) appears in the rule set's source file."""
    loaded = lm.load_ruleset(ruleset_id)
    source_file = loaded.model.source.file
    assert source_file, "the rule set names its source file"
    text = _normal(seed_text(source_file))
    data = loaded.model.model_dump(mode="json", by_alias=True)
    missing = []
    for path, cite in _quotes(data):
        if cite.get("document"):
            continue  # quoted from another document
        for piece in cite["quote"].split("……"):
            if piece and _normal(piece) not in text:
                missing.append(f"{'.'.join(map(str, path))}: {piece}")
    assert not missing, "\n".join(missing)
