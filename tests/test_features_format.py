"""The format's concepts, each a fixture rule set and a feature file under tests/fixtures/format/, on the shared steps;
and tests/fixtures/annual/, one annual procedure that uses them all.

Like test_features_sixth.py, this module adds no step of its own; steps/then_ratings.py holds the steps of
ratings per member (评定等次).
"""

from __future__ import annotations

from conftest import FIXTURES
from pytest_bdd import scenarios
from steps.context import *  # noqa: F403
from steps.given import *  # noqa: F403
from steps.then_after import *  # noqa: F403
from steps.then_chains import *  # noqa: F403
from steps.then_ratings import *  # noqa: F403
from steps.then_ready import *  # noqa: F403
from steps.when import *  # noqa: F403

scenarios(str(FIXTURES / "format"))
scenarios(str(FIXTURES / "annual"))  # an annual procedure written from its source alone, using every concept
