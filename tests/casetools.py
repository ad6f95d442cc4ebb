"""Helpers the rule-set tests share: read an example case as data and take events out of it."""

from __future__ import annotations

from pathlib import Path

import yaml


def example_case(path: Path) -> dict:
    """The example case file as plain data, to be changed and opened."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def without_events(case: dict, *needles: str) -> dict:
    """The case with every event whose values contain all of one needle's words removed."""

    def hit(event: dict) -> bool:
        text = " ".join(str(v) for v in event.values())
        return any(all(word in text for word in needle.split()) for needle in needles)

    return {**case, "events": [e for e in case["events"] if not hit(e)]}
