"""The engine names no meeting type: headers and messages say what the rule set calls the meeting."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

import lifemeeting
from lifemeeting import load_ruleset
from lifemeeting.cli import cli

SRC = Path(lifemeeting.__file__).resolve().parent
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MEETING_TYPES = ("民主生活会", "组织生活会")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (module, class, function)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _named_meetings(path: Path, base: Path = SRC) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        f"{path.relative_to(base)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and any(t in node.value for t in MEETING_TYPES)
    ]


def test_no_string_literal_in_the_engine_names_a_meeting_type() -> None:
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in _named_meetings(path)]
    assert found == []


def test_no_page_template_names_a_meeting_type() -> None:
    templates = sorted((SRC / "service" / "pages" / "templates").glob("*.html"))
    assert templates
    found = [p.name for p in templates if any(t in p.read_text(encoding="utf-8") for t in MEETING_TYPES)]
    assert found == []


def test_the_scan_sees_literals_and_skips_docstrings(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        '"""A 民主生活会 docstring."""\n\n\ndef f() -> str:\n    """组织生活会."""\n    return "召开组织生活会"\n',
        encoding="utf-8",
    )
    assert _named_meetings(probe, tmp_path) == ["probe.py:6: '召开组织生活会'"]


@pytest.mark.parametrize(
    ("ruleset", "name"),
    [
        ("fagaiwei-2013", "领导班子专题民主生活会"),
        ("party-group-2017", "党组成员专题民主生活会"),
        ("party-group-2017-variant", "党组成员专题民主生活会"),
        ("puyang-2014", "专题民主生活会"),
        ("puyang-2014-county-dept-township", "专题民主生活会"),
        ("qingyuan-2014", "专题民主生活会"),
        ("town-2014", "专题民主生活会"),
        ("branch-2018", "组织生活会"),
    ],
)
def test_every_bundled_rule_set_names_its_meeting(ruleset: str, name: str) -> None:
    assert load_ruleset(ruleset).model.meeting.name == name


def test_a_rule_set_that_does_not_name_its_meeting_gets_the_neutral_default() -> None:
    from lifemeeting.ruleset.model import Meeting

    assert Meeting().name == "会议"


def test_check_and_timeline_headers_say_the_rule_sets_own_name() -> None:
    runner = CliRunner()
    case = EXAMPLES / "fagaiwei-2013" / "ready.yaml"
    r = runner.invoke(cli, ["check", str(case), "--on", "2013-12-30"])
    assert "能否召开领导班子专题民主生活会？" in r.stdout.splitlines()[0]
    r = runner.invoke(cli, ["timeline", str(case), "--on", "2013-12-30"])
    assert "领导班子专题民主生活会时间表（截至 2013-12-30）" in r.stdout.splitlines()[0]


def test_the_answer_carries_the_meeting_name() -> None:
    from lifemeeting.answers.open import can_convene

    answer = can_convene(EXAMPLES / "qingyuan-2014" / "ready.yaml", on=dt.date(2014, 6, 16))
    assert answer.meeting_name == "专题民主生活会"
