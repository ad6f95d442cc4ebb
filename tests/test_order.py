"""Steps in order (docs/ruleset-format.md, 先后顺序): ``after`` on tasks, duties and materials."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

RULESET = FIXTURES / "format" / "order.yaml"


def _case(*events: dict) -> lm.OpenCase:
    data = {
        "ruleset": "format-order",
        "unit": {"name": "某局党组"},
        "meeting": {"date": "2020-06-20"},
        "members": [{"id": "wu", "name": "吴书记"}],
        "events": list(events),
    }
    return lm.open_case(data, ruleset=lm.load_ruleset(RULESET))


HELD = [
    {"date": "2020-06-01", "type": "done", "task": "opinions"},
    {"date": "2020-06-05", "type": "submitted", "material": "examination", "subject": "team"},
    {"date": "2020-06-20", "type": "held"},
]


def test_a_material_submitted_before_what_comes_first_is_refused_and_nothing_applied():
    opened = _case()
    with pytest.raises(lm.EventRefused, match=r"'examination'（对照检查材料）须在征求意见之后，本轮尚未完成"):
        opened.apply({"date": "2020-06-01", "type": "submitted", "material": "examination", "subject": "team"})
    assert opened.state.round.materials[("examination", "team")].submitted_on is None


def test_a_duty_waits_for_a_material_through_its_gating_read_through():
    opened = _case(*HELD, {"date": "2020-06-25", "type": "done", "task": "briefing"})
    opened.apply({"date": "2020-06-26", "type": "submitted", "material": "report", "subject": "team"})
    with pytest.raises(lm.EventRefused, match=r"'send_up'（专题报告报上级）须在民主生活会情况专题报告之后"):
        opened.apply({"date": "2020-06-27", "type": "done", "task": "send_up"})
    opened.apply(
        {
            "date": "2020-06-28",
            "type": "approved",
            "material": "report",
            "subject": "team",
            "link": "group_read_through",
            "by": "supervision_group",
        }
    )
    opened.apply({"date": "2020-06-30", "type": "done", "task": "send_up"})
    assert opened.status(dt.date(2020, 7, 1)).stage == "closed"


@pytest.mark.parametrize(
    ("after", "message"),
    [
        ("[opinion]", r"19:13: unknown task, duty or material 'opinion' \(did you mean 'opinions'\?\)"),
        ("[examination]", r"19:13: 'examination' cannot come after itself"),
    ],
)
def test_after_names_another_task_duty_or_material(tmp_path, after, message):
    text = RULESET.read_text(encoding="utf-8").replace("after: [opinions]", f"after: {after}", 1)
    bad = tmp_path / "format-order.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match=message):
        lm.load_ruleset(bad)


def test_after_that_goes_round_in_a_circle_is_refused(tmp_path):
    """Two steps each after the other could never be recorded: the loader says so once, at the first of them."""
    text = RULESET.read_text(encoding="utf-8").replace(
        "{id: opinions, name: 征求意见, owner: principal,",
        "{id: opinions, name: 征求意见, owner: principal, after: [examination],",
        1,
    )
    bad = tmp_path / "format-order.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(
        lm.RuleSetError, match=r"19:\d+: 'after' goes round in a circle: examination → opinions → examination"
    ):
        lm.load_ruleset(bad)
