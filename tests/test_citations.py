"""Every quotation in a bundled rule set stands, word for word, in its source document."""

from __future__ import annotations

import pytest
from conftest import seed_text

import lifemeeting as lm
from lifemeeting.source.quotes import missing_pieces, normal, quotes


@pytest.mark.parametrize("ruleset_id", sorted(lm.available()))
def test_quotes_are_in_the_source(ruleset_id: str) -> None:
    """Each cited quote (pieces split at ……) appears in the rule set's source file."""
    loaded = lm.load_ruleset(ruleset_id)
    source_file = loaded.model.source.file
    assert source_file, "the rule set names its source file"
    text = normal(seed_text(source_file))
    data = loaded.model.model_dump(mode="json", by_alias=True)
    missing = [
        f"{'.'.join(map(str, path))}: {piece}"
        for path, cite in quotes(data)
        if not cite.get("document")  # quoted from another document
        for piece in missing_pieces(cite["quote"], text)
    ]
    assert not missing, "\n".join(missing)
