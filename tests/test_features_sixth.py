"""A sixth jurisdiction written only as a rule set and a feature file runs on the shared steps.

tests/fixtures/sixth/ holds an invented source, its rule set and its feature file; this module
adds no step of its own — it binds the same step library as test_features.py to that folder.
"""

from __future__ import annotations

from conftest import FIXTURES
from pytest_bdd import scenarios
from steps.context import *  # noqa: F403
from steps.given import *  # noqa: F403
from steps.then_after import *  # noqa: F403
from steps.then_chains import *  # noqa: F403
from steps.then_ready import *  # noqa: F403
from steps.when import *  # noqa: F403

scenarios(str(FIXTURES / "sixth"))
