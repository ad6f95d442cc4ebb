"""The feature files under features/ — the policy spec in Chinese Gherkin — run as tests.

Each scenario's name states a finding; its steps are the shared library in tests/steps/,
which reads the rule set the feature's 背景 names. See docs/features.md.
"""

from __future__ import annotations

from pytest_bdd import scenarios
from steps.context import *  # noqa: F403  (the world fixture)
from steps.corrections import *  # noqa: F403  (撤回以下事件, 记录人, 记录中依次有)
from steps.given import *  # noqa: F403
from steps.then_after import *  # noqa: F403
from steps.then_chains import *  # noqa: F403
from steps.then_ratings import *  # noqa: F403  (评定结果, 第N轮会后工作, 状态提醒)
from steps.then_ready import *  # noqa: F403
from steps.when import *  # noqa: F403

scenarios(".")
