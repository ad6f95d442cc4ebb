"""Gate kinds not covered by the bundled rule sets' own tests, on the minimal fixture."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

import lifemeeting as lm

MINIMAL = FIXTURES / "rulesets" / "minimal.yaml"
WINDOW_GATE = """  - {id: in_window, name: 按时召开, kind: meeting_window, cite: {section: 五, quote: 6月中旬召开}}
meeting:
  window: 2020年6月中旬
"""


@pytest.fixture
def windowed(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace("duties:\n", WINDOW_GATE + "duties:\n")
    path = tmp_path / "windowed.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _answer(ruleset, on):
    case = {
        "ruleset": str(ruleset),
        "tier": "unit",
        "unit": {"name": "某单位"},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
    }
    answer = lm.open_case(case, ruleset=ruleset).can_convene(on)
    return [b for b in answer.blockers if b.rule == "in_window"], answer


def test_before_the_window_is_only_waiting(windowed):
    """Before 中旬 starts, the window gate waits until the 11th."""
    (b,), _ = _answer(windowed, dt.date(2020, 6, 5))
    assert b.waiting and b.until == dt.date(2020, 6, 11)
    assert b.message == "「按时召开」：会议时间为2020-06-11至2020-06-20，最早2020-06-11可以召开"


@pytest.mark.parametrize("day", [11, 15, 20])
def test_inside_the_window_passes(windowed, day):
    """Any day of 中旬, both ends included, satisfies the window gate."""
    blockers, _ = _answer(windowed, dt.date(2020, 6, day))
    assert blockers == []


def test_after_the_window_blocks_with_an_action(windowed):
    """After 中旬 the gate blocks and asks for a new date to be agreed."""
    (b,), answer = _answer(windowed, dt.date(2020, 6, 21))
    assert not b.waiting and b.message == "「按时召开」：会议应于2020-06-20前召开，2020-06-21已过期"
    assert any(a.rule == "in_window" and a.what == "报上级同意后另定会期" for a in answer.next_actions)


def test_window_gate_without_a_window_is_a_load_error(tmp_path):
    """A meeting_window gate in a rule set that sets no window is refused at load time."""
    text = MINIMAL.read_text(encoding="utf-8").replace("duties:\n", WINDOW_GATE.split("meeting:")[0] + "duties:\n")
    path = tmp_path / "nowindow.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.RuleSetError, match="a 'meeting_window' gate needs meeting.window"):
        lm.load_ruleset(path)


def test_min_length_blocks_a_short_or_unset_meeting(tmp_path):
    """A planned length below the minimum, or none at all, blocks with the minimum in words."""
    gate = (
        "  - {id: long_enough, name: 会期不少于一天半, kind: min_length, days: 1.5,"
        " cite: {section: 五, quote: 不少于一天半}}\n"
    )
    text = MINIMAL.read_text(encoding="utf-8").replace("duties:\n", gate + "duties:\n")
    path = tmp_path / "len.yaml"
    path.write_text(text, encoding="utf-8")
    base = {
        "ruleset": str(path),
        "tier": "unit",
        "unit": {"name": "某单位"},
        "members": [{"id": "wang", "name": "王书记", "position": "head"}],
    }
    msgs = {}
    for length in (None, 1, 1.5):
        case = {**base, "meeting": {"date": "2020-06-15", "length_days": length}}
        answer = lm.open_case(case, ruleset=path).can_convene(dt.date(2020, 6, 15))
        msgs[length] = [b.message for b in answer.blockers if b.rule == "long_enough"]
    assert msgs == {
        None: ["「会期不少于一天半」：会期未定；须不少于一天半"],
        1: ["「会期不少于一天半」：计划会期1天，须不少于一天半"],
        1.5: [],
    }
