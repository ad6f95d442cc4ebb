"""pytest hooks for the feature files: clause tags as one registered marker, and the feature's folder.

``@clause:py-3-4-four-talks`` on a scenario says which clause of the source it tests. pytest-bdd
would turn every such tag into a marker of its own name, which ``--strict-markers`` refuses;
here each becomes ``pytest.mark.clause("py-3-4-four-talks")`` (select with ``-m clause``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

FEATURE_FILE = pytest.StashKey[Path]()
CLAUSE_TAG = "clause:"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "clause(id): the clause of the source a feature scenario tests (from its @clause:ID tag)"
    )
    report = getattr(config.option, "cucumber_json_path", None)
    if report:  # pytest-bdd writes the report but does not make its folder (reports/ is not in git)
        Path(report).parent.mkdir(parents=True, exist_ok=True)


def pytest_bdd_apply_tag(tag: str, function):
    if tag.startswith(CLAUSE_TAG):
        pytest.mark.clause(tag[len(CLAUSE_TAG) :])(function)
        return True
    return None


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature, scenario) -> None:
    request.node.stash[FEATURE_FILE] = Path(feature.filename)
