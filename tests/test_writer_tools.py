"""Tools for people who write rule sets: quotes checked against the source text, messages a policy officer reads."""

from __future__ import annotations

import json
import re
import typing
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

import lifemeeting as lm
from lifemeeting.cli import main
from lifemeeting.ruleset.model import Gate, GateKind, Parameter
from lifemeeting.ruleset.words import condition
from lifemeeting.source.quotes import missing_pieces, nearest, normal

WRITERS = FIXTURES / "writers"
RULESET, PLAN, NOTICE = "quotes.yaml", "plan.txt", "notice.txt"  # run in WRITERS: names as a writer types them


@pytest.fixture
def in_writers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(WRITERS)


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the fixture cases name their rule sets from the checkout's root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process as the shell would: exit code, stdout, stderr."""
    with pytest.raises(SystemExit) as info:
        main(list(args))
    out = capsys.readouterr()
    code = info.value.code
    return code if isinstance(code, int) else int(code is not None), out.out, out.err


def test_normal_folds_widths_and_white_space():
    """Full-width digits and brackets, line breaks and spaces do not make a quote differ from its source."""
    assert normal("方案于６月１日前\n报送（各地 可提前）") == normal("方案于6月1日前报送(各地可提前)")
    assert missing_pieces("会后15天内……抄送纪委", normal("会后15天内报送，同时抄送纪委")) == []
    assert missing_pieces("会后15天内……抄送组织部", normal("会后15天内报送，同时抄送纪委")) == ["抄送组织部"]


def test_nearest_gives_the_source_words_as_written():
    """The nearest passage is the source's own characters, line breaks closed up; nothing when nothing is close."""
    near = nearest("召开专题民主生活会议", "一、按照上级要求，召开专题\n民主生活会。")
    assert near is not None and near.passage == "召开专题 民主生活会"
    assert nearest("完全无关的文字内容", "一、按照上级要求，召开专题民主生活会。") is None


def test_validate_source_names_each_missing_quote_with_the_nearest_passage(capsys, in_writers):
    """A misquote is FILE:LINE:COL with the quote and the passage it is nearest to; exit 1."""
    code, out, err = run(capsys, "validate", RULESET, "--source", PLAN)
    assert code == 1
    assert out.splitlines() == [
        f"{RULESET}:33:31: quote not found in {PLAN}: '未报送方案的，不得召开会议';"
        " nearest passage: '未报送方案的，不得召开'"
    ]
    assert f"{RULESET}: 1 quote(s) of '某市委通知' not checked: give --source '某市委通知=TEXT_FILE'" in err


def test_validate_source_per_document(capsys, tmp_path, in_writers):
    """DOCUMENT=TEXT_FILE checks the quotes whose cite names that document; a good rule set exits 0."""
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(
        (WRITERS / "quotes.yaml").read_text(encoding="utf-8").replace("不得召开会议", "不得召开"), encoding="utf-8"
    )
    code, out, err = run(capsys, "validate", str(fixed), "--source", PLAN, "--source", f"某市委通知={NOTICE}")
    assert (code, out) == (0, "")
    assert err == f"{fixed}: ok\n"
    other = tmp_path / "notice.txt"
    other.write_text("四、会后15天内将会议情况报送上级党委。", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(fixed), "--source", PLAN, "--source", f"某市委通知={other}")
    assert code == 1
    assert out == f"{fixed}:23:31: quote not found in {other}: '抄送纪委'; nothing in the text is close\n"


def test_validate_source_given_twice_is_a_usage_error(capsys, in_writers):
    """Two texts for one document cannot both be right: exit 2, naming both."""
    code, _, err = run(capsys, "validate", RULESET, "--source", PLAN, "--source", NOTICE)
    assert code == 2
    assert f"--source given twice for the rule set's own source (a bare TEXT_FILE): {PLAN} and {NOTICE}" in err


FORMAT = ROOT / "docs" / "ruleset-format.md"


def _section(heading: str) -> str:
    """The text of one section of docs/ruleset-format.md, up to the next heading of any level."""
    text = FORMAT.read_text(encoding="utf-8")
    start = text.index(f"\n{heading}\n")
    following = re.search(r"\n#{1,6} ", text[start + len(heading) + 2 :])
    return text[start : start + len(heading) + 2 + following.start()] if following else text[start:]


def test_format_lists_every_gate_kind():
    """The table of gate kinds is the model's list, in its order: a new kind cannot be left out of the page."""
    kinds = re.findall(r"^\| `([a-z_]+)` \|", _section("### All gate kinds"), re.MULTILINE)
    assert kinds == list(typing.get_args(GateKind))


def test_format_names_every_key_of_a_gate():
    """Every field of a gate is named in the Gates section, the generic ones in 'Keys of every gate'."""
    text = _section("## Gates") + _section("### All gate kinds") + _section("### Keys of every gate")
    missing = [name for name, field in Gate.model_fields.items() if f"`{field.alias or name}`" not in text]
    assert missing == []
    keys = _section("### Keys of every gate")
    assert "`all` (default), `first`, `later`" in keys
    assert list(typing.get_args(Gate.model_fields["rounds"].annotation)) == ["all", "first", "later"]


def test_format_names_every_parameter_type():
    """The Parameters section names each type a parameter may have."""
    text = _section("## Parameters")
    types = typing.get_args(Parameter.model_fields["type"].annotation)
    assert types and [t for t in types if f"`{t}`" not in text] == []


CASES = "tests/fixtures/cases/"


def test_check_json_bad_case_is_a_json_error(capsys, in_root):
    """check --json on a broken case file: exit 1, a JSON error on stdout with the first place and every problem."""
    bad = CASES + "bad_case.yaml"
    code, out, err = run(capsys, "check", bad, "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert {k: error[k] for k in ("code", "file", "line", "column")} == {
        "code": "invalid_case",
        "file": bad,
        "line": 2,
        "column": 7,
    }
    assert error["problems"][1] == {
        "file": bad,
        "line": 5,
        "column": 37,
        "message": "unknown position 'haed' (did you mean 'head'?)",
    }
    assert "unknown tier 'unti'" in err  # the message for people is still on stderr


def test_check_json_refused_event_names_the_event(capsys, in_root):
    """A refused event: its index, type and reason, and where it stands in the file."""
    case = CASES + "refused_event.yaml"
    code, out, _ = run(capsys, "check", case, "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error | {"message": ""} == {
        "code": "event_refused",
        "message": "",
        "file": case,
        "line": 12,
        "column": 5,
        "index": 2,
        "event_type": "approved",
        "reason": "环节 'group_review' 不审核赵委员的对照检查材料",
    }


def test_json_errors_for_a_bad_date_and_an_unknown_rule_set(capsys, in_root):
    """A day that is not YYYY-MM-DD is a usage error (exit 2) naming the option; an unknown rule set exits 1."""
    code, out, _ = run(capsys, "check", CASES + "bad_case.yaml", "--on", "2014-13-01", "--json")
    assert code == 2
    assert json.loads(out) == {
        "error": {
            "code": "usage",
            "message": "Invalid value for '--on': '2014-13-01' does not match the format '%Y-%m-%d'.",
            "option": "--on",
        }
    }
    code, out, _ = run(capsys, "show", "qingyaun-2014", "--json")
    assert code == 1
    error = json.loads(out)["error"]
    assert error["code"] == "unknown_ruleset"
    assert error["message"].startswith("unknown rule set 'qingyaun-2014' (did you mean 'qingyuan-2014'?)")


def test_without_json_errors_stay_off_stdout(capsys, in_root):
    """Without --json nothing is printed on stdout for bad input."""
    code, out, _ = run(capsys, "check", CASES + "bad_case.yaml")
    assert (code, out) == (1, "")


FORMAT_FIXTURES = FIXTURES / "format"


def _show(capsys: pytest.CaptureFixture[str], name: str) -> list[str]:
    code, out, _ = run(capsys, "show", str(FORMAT_FIXTURES / name))
    assert code == 0
    return [line.rstrip() for line in out.splitlines()]


def test_conditions_in_words():
    """Predicates read as a policy officer says them, by the names the rule set gives its attributes."""
    rs = lm.load_ruleset("puyang-2014").model
    assert condition(rs, {"kind": "member", "top_leader": True, "not": {"township": True}}) == (
        "班子成员个人，是党政主要负责同志，不是乡（镇、办）"
    )
    assert condition(rs, {"not": {"any": [{"affiliated": True}, {"position": "section_chief"}]}}) == (
        "并非（是直属机构；或职务为单位科室长）"
    )
    assert condition(rs, {"body": ["npc", "government"], "unit.liaison_point": True}) == (
        "所在领导班子（党委、人大、政府、政协）为npc或government，单位是市委书记联系点"
    )
    assert condition(rs, {"meeting.in_window": False}) == "会议日期不在规定的会议时间之内"
    assert condition(rs, {}) == "全部"


def test_deadlines_in_words_say_what_they_count_from():
    """A relative deadline counts from the meeting, a rating or an order, and says so; others read as written."""
    from lifemeeting.ruleset.words import ORDER, RATING, deadline

    assert deadline({"months_after_meeting": 3}) == "会后3个月内"
    assert deadline({"months_after_meeting": 3}, RATING) == "评定后3个月内"
    assert deadline({"days_after_meeting": 30}, ORDER) == "决定后30天内"
    assert deadline({"days_before_meeting": 15, "working_days": True}, RATING) == "会前15个工作日"
    assert deadline({"days_after_meeting": {"parameter": "report_days"}}) == "会后（参数 report_days）天内"
    assert deadline({"parameter": "report_due"}) == "由案件给定：report_due"
    assert (deadline("第三季度"), deadline(None)) == ("第三季度", "-")


def test_show_prints_conditions(capsys):
    """show: where each material, talk and gate applies, what a team position makes its unit, approvals' conditions."""
    lines = _show(capsys, "conditions.yaml")
    assert "county_standing_committee  县委常委班子      因此单位是党委（党组）领导班子" in lines
    assert "committee_report  常委会工作报告  领导班子  单位是党委（党组）领导班子  -" in lines
    assert "with_higher_leader  书记与联系点上级领导谈心  单位是上级领导联系点  -" in lines
    assert "length        会期一天半  会期下限      单位是党委（党组）领导班子  -         四" in lines
    lines = _show(capsys, "approvals.yaml")
    assert "in_window      6月中旬召开     会议时间      全部    经同意调整会期可免                三" in lines
    assert "move_reported  调整会期须报告  准备工作完成  全部    仅当会期已调整（不是计划的日期）  三" in lines
    assert "move_meeting  同意调整会期  organization_department  会议日期不在规定的会议时间之内  三" in lines


def test_show_prints_windows_and_agenda_time(capsys):
    """show: the meeting window (blocking with a meeting_window gate, else a warning), the year rule, agenda time."""
    assert _show(capsys, "approvals.yaml")[-1] == "  会议时间：2020年6月中旬（在此之外不能召开）"
    lines = _show(capsys, "periodic.yaml")
    assert lines[-3:] == [
        "会议：会议（规则集未写 meeting.name）",
        "  会议时间：下半年（在此之外召开时提醒）",
        "  每年召开：不写年份的日期落在案件的年份（year），否则落在会议日期的年份",
    ]
    assert "  议程：对照检查发言：20分钟×每人" in _show(capsys, "agenda.yaml")


MINIMAL = (FIXTURES / "rulesets" / "minimal.yaml").read_text(encoding="utf-8")
GRADES = "  - {id: principal, name: 主要负责同志}\n  - {id: grade, name: 级别, values: ['010', '020', 'on']}"


def _validate(capsys: pytest.CaptureFixture[str], tmp_path: Path, **files: str) -> list[str]:
    """Write ``files`` (name → text; {dir} stands for the folder) and validate them: the lines printed."""
    for name, text in files.items():
        (tmp_path / name).write_text(text.replace("{dir}", str(tmp_path)), encoding="utf-8")
    code, out, _ = run(capsys, "validate", *(str(tmp_path / name) for name in files))
    assert code == 1
    return [line.replace(f"{tmp_path}/", "") for line in out.splitlines()]


def _case(meeting: str, members: str = "", events: str = "", ruleset: str = "rs.yaml") -> str:
    return (
        f"ruleset: {{dir}}/{ruleset}\ntier: unit\nunit: {{name: 某单位领导班子}}\nmeeting: {meeting}\nmembers:\n"
        f"  - {{id: wang, name: 王书记, position: head}}\n{members}events:{chr(10) + events if events else ' []'}\n"
    )


def test_a_number_where_a_date_was_expected(capsys, tmp_path):
    """due: 20140605 in a rule set, date: 5 or 20200601 in a case: said as a number, with the date it may mean."""
    lines = _validate(
        capsys,
        tmp_path,
        **{
            "rs.yaml": MINIMAL.replace("due: 2020年6月10日前", "due: 20200610"),
            "case.yaml": _case("{date: 5, length_days: 1}", events="  - {date: 20200601, type: done, task: study}\n"),
        },
    )
    assert lines == [
        "rs.yaml:52:10: tasks.0.due: 20200610 is a number, not a date; write it as the source does,"
        " e.g. '2020年6月10日'",
        "case.yaml:4:17: meeting.date: 5 is a number, not a date; write the date as YYYY-MM-DD",
        "case.yaml:8:12: events.0.date: 20200601 is a number, not a date; write the date as YYYY-MM-DD (2020-06-01)",
    ]


def test_an_unquoted_value_yaml_reads_otherwise(capsys, tmp_path):
    """version: 0.1, a value 010 (octal 8) or on (true): said how YAML read it, and to quote it."""
    ruleset = MINIMAL.replace("  - {id: principal, name: 主要负责同志}", GRADES)
    lines = _validate(
        capsys,
        tmp_path,
        **{
            "bad.yaml": ruleset.replace('version: "0.1"', "version: 0.1").replace(
                "{id: member, name: 班子成员}", "{id: member, name: 班子成员, attributes: {grade: 010}}"
            ),
            "rs.yaml": ruleset,
            "case.yaml": _case(
                "{date: 2020-06-20, length_days: 1}", "  - {id: zhao, name: 赵委员, attributes: {grade: on}}\n"
            ),
        },
    )
    assert lines == [
        "bad.yaml:3:10: version: YAML reads the unquoted 0.1 as a number; put it in quotes ('0.1') if it is meant"
        " as written",
        "bad.yaml:16:50: positions.1.attributes.grade: YAML reads the unquoted 010 as the number 8; put it in quotes"
        " ('010') if it is meant as written",
        "case.yaml:7:47: 'grade' is one of 010, 020, on; YAML reads the unquoted on as true (yes/no);"
        " put it in quotes ('on') if it is meant as written",
    ]


def test_a_refused_approval_says_which_condition_did_not_hold(capsys, tmp_path):
    """An approval that is not needed is refused with the condition, the planned day and the window."""
    case = (
        f"ruleset: {FORMAT_FIXTURES / 'approvals.yaml'}\nunit: {{name: 某单位领导班子}}\n"
        "meeting: {date: 2020-06-15, length_days: 1}\nmembers:\n  - {id: wang, name: 王书记}\nevents:\n"
        "  - {date: 2020-06-10, type: granted, approval: move_meeting, by: organization_department}\n"
    )
    assert _validate(capsys, tmp_path, **{"case.yaml": case}) == [
        "case.yaml: case.yaml:7:5: 第1个事件（granted）被拒绝：'move_meeting'（同意调整会期）不能批准："
        "须会议日期不在规定的会议时间之内，而计划的会议日期2020-06-15在规定的会议时间（2020-06-11至2020-06-20）之内"
        "（meeting.in_window 须为否，实为是）"
    ]
