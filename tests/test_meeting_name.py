"""The engine names no meeting type and no kind of team: headers and messages say what the rule set calls the
meeting (``meeting.name``) and the team and its members (``team``)."""

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
TEAM_WORDS = ("领导班子", "班子成员")
# Where the team words may still stand: the model's defaults (what a rule set that names no team says).
TEAM_WORDS_ALLOWED = ("ruleset/model.py", "ruleset/model_who.py")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (module, class, function)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _named_meetings(path: Path, base: Path = SRC, words: tuple[str, ...] = MEETING_TYPES) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        f"{path.relative_to(base)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and any(t in node.value for t in words)
    ]


def test_no_string_literal_in_the_engine_names_a_meeting_type() -> None:
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in _named_meetings(path)]
    assert found == []


def test_no_page_template_names_a_meeting_type() -> None:
    templates = sorted((SRC / "service" / "pages" / "templates").glob("*.html"))
    assert templates
    found = [p.name for p in templates if any(t in p.read_text(encoding="utf-8") for t in MEETING_TYPES)]
    assert found == []


def test_no_string_literal_in_the_engine_names_a_kind_of_team() -> None:
    found = [
        hit
        for path in sorted(SRC.rglob("*.py"))
        if path.relative_to(SRC).as_posix() not in TEAM_WORDS_ALLOWED
        for hit in _named_meetings(path, words=TEAM_WORDS)
    ]
    assert found == []
    templates = sorted((SRC / "service" / "pages" / "templates").glob("*.html"))
    assert [p.name for p in templates if any(t in p.read_text(encoding="utf-8") for t in TEAM_WORDS)] == []


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


def test_a_rule_set_that_does_not_name_its_team_gets_the_leadership_teams_words() -> None:
    from lifemeeting.ruleset.model import Team

    assert (Team().name, Team().member) == ("领导班子", "班子成员")
    assert load_ruleset("fagaiwei-2013").model.team == Team()


def test_a_branch_says_its_own_words_for_the_team_and_its_members() -> None:
    from lifemeeting.answers.open import open_case
    from lifemeeting.answers.whatif import timeline

    assert load_ruleset("branch-2018").model.team.model_dump() == {"name": "党支部班子", "member": "党员"}
    case = open_case(EXAMPLES / "branch-2018" / "blocked-talk-missing.yaml")
    owners = {i.name: i.owner for i in timeline(case, on=dt.date(2018, 12, 1)).items}
    assert owners["撰写并提交个人查摆问题材料"] == "全体党员"
    assert "全体班子成员" not in {o for o in owners.values() if o}


def test_a_chain_question_may_name_the_team_in_the_rule_sets_words(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "fixtures" / "format" / "ratings.yaml").read_text(encoding="utf-8")
    text = text.replace("\nsource:", "\nteam: {name: 支部委员会, member: 党员}\nsource:", 1)
    path = tmp_path / "format-ratings.yaml"
    path.write_text(text, encoding="utf-8")
    from lifemeeting.answers.resolve import resolve_position

    rs = load_ruleset(path).model
    team = resolve_position(rs, None, "支部委员会")
    assert (team.kind, team.name) == ("team", "支部委员会")
    assert resolve_position(rs, None, "team").name == "支部委员会"
