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


def meant(name: str, candidates: Iterable[str]) -> str:
    """``（是否指 'X'？）``: ``did_you_mean`` for the messages a clerk reads (an event refused), in Chinese."""
    close = closest(name, candidates)
    return f"（是否指 '{close}'？）" if close is not None else ""


def nearest_span(want: str, text: str, *, cutoff: float = 0.6) -> tuple[int, int, float] | None:
    """(start, end, ratio) of the stretch of ``text`` most like ``want``, or None when none reaches ``cutoff``.

    Windows as long as ``want`` are compared every quarter of its length; around the best, every
    start and a length up to a quarter shorter or longer. Cheap bounds skip windows that cannot win.
    """
    from difflib import SequenceMatcher

    n = len(want)
    if not n or not text:
        return None
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(want)
    best, best_span = 0.0, (0, min(len(text), n))

    def consider(start: int, end: int) -> None:
        nonlocal best, best_span
        matcher.set_seq1(text[start:end])
        if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best:
            ratio = matcher.ratio()
            if ratio > best:
                best, best_span = ratio, (start, end)

    step = max(1, n // 4)
    for start in range(0, max(1, len(text) - n + 1), step):
        consider(start, min(len(text), start + n))
    at = best_span[0]
    for start in range(max(0, at - step), min(len(text), at + step + 1)):
        for length in range(max(1, n - n // 4), n + n // 4 + 1):
            consider(start, min(len(text), start + length))
    return (*best_span, best) if best >= cutoff else None
