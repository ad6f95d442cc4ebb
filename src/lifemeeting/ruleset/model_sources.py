"""Where a rule set's words come from: the source document, its clauses word for word, and the normative
sentences no machine can check.
"""

# No ``from __future__ import annotations`` here, as in ``ruleset/model.py``.

import datetime as dt

from pydantic import Field

from lifemeeting.ruleset.model_base import Citation, ClauseRef, Frozen, Id


class Source(Frozen):
    title: str
    number: str | None = Field(None, description="文号, e.g. 濮群办发〔2014〕22号")
    issuer: str | None = None
    basis: str | None = Field(None, description="the higher document it implements")
    date: dt.date | None = None
    file: str | None = Field(None, description="file name of the source text, for readers")


class Unchecked(Frozen):
    """A normative sentence no machine can check, kept so readers see it was not forgotten."""

    id: Id
    reason: str
    cite: Citation


class Clause(Frozen):
    """One passage of the source, word for word: a normative sentence (or a few that make one rule) or, with
    ``normative: false``, text that sets no rule (headings, background). Rules and ``unchecked`` entries name
    the clauses they come from (``cite.clause``), so every normative clause can be shown encoded or explained."""

    id: ClauseRef
    section: str = Field(description="the section as the document numbers it")
    text: str = Field(min_length=1, description="the source's words, copied whole (white space may differ)")
    normative: bool = Field(True, description="false for headings, titles and background that set no rule")
    note: str | None = None
