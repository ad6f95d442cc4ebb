"""The format references in docs/reference/ are generated from the models and kept current."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

import lifemeeting as lm
from lifemeeting.spec.reference import markdown


def test_generated_references_are_current():
    """docs/reference/ruleset.md and overlay.md are what `python docs/generate.py` writes now."""
    r = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "generate.py"), "--check", "ruleset.md", "overlay.md"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr


def test_reference_lists_every_key_of_every_object():
    """Each key of each rule-set object appears in its table, with required keys marked."""
    text = markdown(lm.RuleSet)
    assert "| `reviewers` | list of id (`snake_case`) | yes |" in text
    assert "| `cite` | [Citation](#citation) | yes |" in text
    for name in ("Link", "Chain", "TalkRule", "Gate", "Citation", "Meeting"):
        assert f"## {name}\n" in text


def test_overlay_reference_says_every_change_needs_a_reason_and_cite():
    """The overlay reference marks reason and cite as required keys of a change."""
    text = markdown(lm.Overlay)
    assert "| `reason` | text | yes |" in text and "| `cite` | [Citation](#citation) | yes |" in text


def test_published_overlay_schema_is_current():
    """docs/schema/overlay.schema.json is what the Overlay model generates (`lifemeeting schema overlay`)."""
    import json

    published = json.loads((ROOT / "docs" / "schema" / "overlay.schema.json").read_text(encoding="utf-8"))
    assert published == lm.Overlay.model_json_schema(by_alias=True)
