"""Shared fixtures: the checkout's folders, the source texts, and a way to open bundled example cases."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["steps.plugin"]  # @clause:ID tags on feature scenarios (see tests/steps/plugin.py)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The source documents the bundled rule sets quote; not in the repository (a clone from a code host lacks them).
SEEDS = Path(os.environ.get("LIFEMEETING_SEEDS") or ROOT.parent / "shared" / "seeds")


# Source texts retrieved for rule sets the seeds do not cover (their README says where each came from).
SOURCES = FIXTURES / "sources"


def seed_text(name: str) -> str:
    """The text of source document ``name``: from tests/fixtures/sources if it is there, else from the seeds;
    the test is skipped when the folder of seeds is not there.

    A folder that is there but lacks the file fails: the rule set names a source nobody has.
    """
    if (SOURCES / name).is_file():
        return (SOURCES / name).read_text(encoding="utf-8")
    if not SEEDS.is_dir():
        pytest.skip(
            f"source texts not found at {SEEDS}; put ../shared/seeds beside the checkout or set LIFEMEETING_SEEDS"
        )
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """Run ``lifemeeting ARGS`` as a real process from the checkout, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "lifemeeting", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=env
    )
