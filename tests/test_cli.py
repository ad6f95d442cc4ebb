"""The ``lifemeeting`` command is a contract other systems script: output, JSON and exit codes."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, FIXTURES, ROOT, run_cli

QY = EXAMPLES / "qingyuan-2014"


run = run_cli


def test_check_ready_case_exits_0_and_says_so():
    """A case that can convene exits 0 and says 可以召开 with a receipt."""
    r = run("check", str(QY / "ready.yaml"), "--on", "2014-06-16")
    assert r.returncode == 0, r.stderr
    assert "结论：可以召开。" in r.stdout
    assert "回执：qingyuan-2014 1.2.0 sha256:" in r.stdout


def test_check_blocked_case_exits_3_with_every_blocker_and_citation():
    """A blocked case exits 3 and lists each blocker with its source words."""
    r = run("check", str(QY / "blocked-talks.yaml"), "--on", "2014-06-16")
    assert r.returncode == 3
    assert "结论：不能召开，2 项未满足（涉及 1 条规定）：" in r.stdout
    assert "尚缺1对：陈志强—李建国" in r.stdout
    assert "依据：《清远市国土资源局领导班子关于党的群众路线教育实践活动专题民主生活会方案》 二（八）4" in r.stdout


def test_check_json_has_the_promised_fields():
    """--json carries convenable, blockers with citations, next actions, earliest date and receipt."""
    r = run("check", str(QY / "blocked-request-late.yaml"), "--on", "2014-06-16", "--json")
    assert r.returncode == 3
    data = json.loads(r.stdout)
    assert data["convenable"] is False
    (blocker,) = data["blockers"]
    assert blocker["rule"] == "request_lead_time"
    assert set(blocker["citation"]) == {"document", "section", "quote"}
    assert data["earliest_date"] == "2014-06-20"
    assert set(data["receipt"]) == {"ruleset", "version", "sha256", "engine"}
    assert len(data["receipt"]["sha256"]) == 64
    assert isinstance(data["next_actions"], list)


def test_check_bad_case_exits_1_with_message_and_no_traceback():
    """Bad input is exit 1 with FILE:LINE:COL on stderr and no traceback."""
    r = run("check", str(FIXTURES / "cases" / "bad_case.yaml"))
    assert r.returncode == 1
    assert "bad_case.yaml:2:7: unknown tier 'unti'" in r.stderr
    assert "Traceback" not in r.stderr


def test_check_refused_event_exits_1():
    """A refused event in the case is bad input: exit 1 and the event's index."""
    r = run("check", str(FIXTURES / "cases" / "refused_event.yaml"))
    assert r.returncode == 1
    assert "第3个事件（approved）被拒绝" in r.stderr


def test_missing_case_file_exits_1():
    """A case file that does not exist is reported, not a traceback."""
    r = run("check", "no/such/case.yaml")
    assert r.returncode == 1
    assert "no/such/case.yaml:1:1: no such file" in r.stderr


@pytest.mark.parametrize("args", [["check"], ["check", "x.yaml", "--on", "16/06/2014"], ["frobnicate"]])
def test_usage_errors_exit_2(args):
    """Wrong arguments are a usage error: exit 2."""
    r = run(*args)
    assert r.returncode == 2
    assert "Usage:" in r.stderr or "Error" in r.stderr


def test_a_misspelt_command_names_the_one_meant():
    """`lifemeeting chek` is a usage error that suggests `check`; a word like no command suggests nothing."""
    r = run("chek", "x.yaml")
    assert r.returncode == 2 and "No such command 'chek'. Did you mean 'check'?" in r.stderr
    r = run("frobnicate")
    assert r.returncode == 2 and "No such command 'frobnicate'." in r.stderr and "Did you mean" not in r.stderr


def test_rulesets_json_lists_bundled_sets():
    """`rulesets --json` lists each bundled rule set with id, title and source."""
    r = run("rulesets", "--json")
    assert r.returncode == 0
    rows = {row["id"]: row for row in json.loads(r.stdout)}
    assert rows["qingyuan-2014"]["title"].startswith("清远市国土资源局")
    assert {"id", "version", "title", "source", "tiers"} <= set(rows["qingyuan-2014"])


def test_show_prints_chains_gates_and_deadlines():
    """`show` prints the chain links, gates and deadlines a reader can check."""
    r = run("show", "qingyuan-2014")
    assert r.returncode == 0
    assert "initial_review" in r.stdout and "2014年5月30日前" in r.stdout
    assert "request_lead_time" in r.stdout


def test_show_json_round_trips_into_the_model():
    """`show --json` is the rule set itself and validates against the model."""
    import lifemeeting as lm

    r = run("show", "qingyuan-2014", "--json")
    data = json.loads(r.stdout)
    data.pop("receipt")
    assert lm.RuleSet.model_validate(data) == lm.load_ruleset("qingyuan-2014").model


def test_validate_reports_each_bad_file_and_exits_1():
    """`validate` prints FILE:LINE:COL lines for bad files and exits 1; good files pass."""
    r = run(
        "validate",
        str(FIXTURES / "rulesets" / "minimal.yaml"),
        str(FIXTURES / "rulesets" / "broken" / "unknown_role.yaml"),
    )
    assert r.returncode == 1
    assert r.stdout.strip().endswith(
        "unknown_role.yaml:38:21: unknown role 'supervison_group' (did you mean 'supervision_group'?)"
    )


def test_validate_notes_a_rule_set_that_does_not_name_its_meeting():
    """A rule set without meeting.name is valid, but validate says what the meeting will be called."""
    r = run("validate", str(FIXTURES / "rulesets" / "minimal.yaml"), str(ROOT / "rulesets" / "branch-2018.yaml"))
    assert r.returncode == 0
    assert r.stderr.splitlines() == [
        f"{FIXTURES / 'rulesets' / 'minimal.yaml'}: ok (meeting.name is not set: headers and messages call the"
        " meeting '会议')",
        f"{ROOT / 'rulesets' / 'branch-2018.yaml'}: ok",
    ]


def test_validate_all_bundled_rulesets_and_examples():
    """Every bundled rule set and example case validates."""
    files = [str(p) for p in sorted((ROOT / "rulesets").glob("*.yaml"))] + [
        str(p) for p in sorted(EXAMPLES.glob("*/*.yaml"))
    ]
    r = run("validate", *files)
    assert r.returncode == 0, r.stdout


@pytest.mark.parametrize("what", ["ruleset", "case", "answer"])
def test_schema_is_json_schema(what):
    """`schema` prints a JSON Schema object for rule sets, cases and answers."""
    r = run("schema", what)
    assert r.returncode == 0
    schema = json.loads(r.stdout)
    assert schema["type"] == "object" and "properties" in schema


def test_unknown_ruleset_exits_1_with_suggestion():
    """Naming an unknown rule set suggests the close one."""
    r = run("show", "qingyuan-2041")
    assert r.returncode == 1
    assert "did you mean 'qingyuan-2014'" in r.stderr


def test_the_command_list_of_help_is_each_commands_own_help():
    """`lifemeeting --help` lists commands from a table (so it imports none of them): the table is their help."""
    import inspect

    import click

    from lifemeeting.cli import COMMANDS, SUMMARIES, cli

    assert set(SUMMARIES) == set(COMMANDS)
    ctx = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None and command.help is not None
        assert SUMMARIES[name] == inspect.cleandoc(command.help).split("\n\n")[0], name
