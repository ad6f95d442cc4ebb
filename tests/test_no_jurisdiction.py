"""The engine knows no jurisdiction: no string in the package or its page templates names a bundled rule
set, its places or its issuers — a city, tier or year is a YAML file, never code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from tests.test_meeting_name import SRC, _named_meetings

ROOT = Path(__file__).resolve().parents[1]
RULESETS = sorted((ROOT / "rulesets").glob("*.yaml"))
# Place names the bundled sources are about (their issuers and units), as a clerk would write them.
PLACES = ("濮阳", "清丰", "清远", "发改委", "发展和改革委员会", "市统计局", "市yy局")


@cache
def _names() -> tuple[str, ...]:
    ids = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["id"] for p in RULESETS]
    return (*ids, *PLACES)


def test_bundled_rule_sets_are_read_for_their_ids() -> None:
    assert "puyang-2014" in _names() and "branch-2018" in _names()


def test_no_string_in_the_engine_names_a_jurisdiction() -> None:
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in _named_meetings(path, words=_names())]
    assert found == []


def test_no_page_template_names_a_jurisdiction() -> None:
    templates = sorted((SRC / "service" / "pages" / "templates").glob("*.html"))
    assert templates
    assert [p.name for p in templates if any(n in p.read_text(encoding="utf-8") for n in _names())] == []


def test_the_scan_finds_a_jurisdiction_in_code(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text('LEAD_DAYS = {"puyang-2014": 15}  # the kind of special case this test exists to stop\n')
    assert _named_meetings(probe, base=tmp_path, words=_names()) == ["probe.py:1: 'puyang-2014'"]
