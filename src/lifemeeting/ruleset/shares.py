"""Thresholds as the sources write them: '2/3', '80%'."""

from __future__ import annotations

from fractions import Fraction


def parse_fraction(text: str) -> Fraction:
    """'2/3' -> 2/3, '80%' -> 4/5; raise ValueError for anything else or outside 0..1."""
    t = text.strip()
    try:
        value = Fraction(t[:-1].strip()) / 100 if t.endswith("%") else Fraction(t)
    except (ValueError, ZeroDivisionError):
        raise ValueError(
            f"'{text}' is not a threshold; expected a fraction like '2/3' or a percentage like '80%'"
        ) from None
    if not 0 <= value <= 1:
        raise ValueError(f"threshold '{text}' must lie between 0 and 1")
    return value


def meets(threshold: str, satisfied: int, total: int) -> bool:
    """Exactly at the threshold passes; only below it fails (6 of 9 meets 2/3; 79 of 100 misses 80%)."""
    f = parse_fraction(threshold)
    return satisfied * f.denominator >= f.numerator * total
