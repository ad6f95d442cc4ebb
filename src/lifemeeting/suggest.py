"""Did-you-mean: the one place a misspelt name is matched against the names that exist.

Every message that names something unknown (a key, a tier, a rule set, a command …) adds
``did_you_mean(name, known)``, so they all suggest alike. Bottom layer: imports nothing of
lifemeeting's, and ``difflib`` only when a suggestion is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable


def closest(name: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate most like ``name`` (the same whatever their order), or None if none is close."""
    from difflib import get_close_matches

    close = get_close_matches(name, sorted(set(candidates)), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` to append to a message about ``name``, or ``""`` when nothing is close."""
    close = closest(name, candidates)
    return f" (did you mean '{close}'?)" if close is not None else ""
