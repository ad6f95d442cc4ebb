"""Shared fixtures: the checkout's folders and a way to open bundled example cases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ["steps.plugin"]  # @clause:ID tags on feature scenarios (see tests/steps/plugin.py)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def run_cli(*args: str, env: dict | None = None, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """Run ``lifemeeting ARGS`` as a real process from the checkout, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "lifemeeting", *args], capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=env
    )
