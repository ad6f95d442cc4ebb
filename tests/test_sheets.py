"""Spreadsheets: ``--format csv|xlsx`` on bulk, status and timeline, read back as Excel would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from lifemeeting.cli import cli

COUNTY = EXAMPLES / "puyang-2014" / "ready-county.yaml"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def sheet_rows(path: Path, title: str | None = None) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    ws = book[title] if title else book.worksheets[0]
    assert ws.freeze_panes == "A2"
    return [[c.value for c in row] for row in ws.iter_rows()]


def test_bulk_xlsx_has_a_sheet_of_cases_and_one_of_blockers(tmp_path: Path) -> None:
    out = tmp_path / "bulk.xlsx"
    code, _ = invoke("bulk", str(EXAMPLES / "puyang-2014"), "--on", "2014-06-24", "--format", "xlsx", "-o", str(out))
    assert code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["案例", "未满足条件"]
    cases = sheet_rows(out, "案例")
    headers = ["案例", "单位", "规则集", "层级", "可以召开", "未满足条件数", "逾期事项数", "最早可召开日期"]
    assert cases[0][:8] == headers
    by_file = {Path(str(r[0])).name: r for r in cases[1:]}
    assert len(by_file) == len(list((EXAMPLES / "puyang-2014").glob("*.yaml")))
    county = by_file["ready-county.yaml"]
    assert county[1] == "中共清丰县委常委班子" and county[4] == "是" and county[5] == 0
    assert county[8] == dt.datetime(2014, 6, 24)  # a date cell, not text
    assert book["案例"].cell(row=2, column=9).number_format == "yyyy-mm-dd"
    blocked = by_file["blocked-plan-not-approved.yaml"]
    assert blocked[4] == "否" and isinstance(blocked[5], int) and blocked[5] >= 1
    blockers = sheet_rows(out, "未满足条件")
    assert blockers[0][:5] == ["案例", "单位", "规则", "类型", "未满足的条件"]
    assert sum(1 for r in blockers[1:] if str(r[0]).endswith("blocked-plan-not-approved.yaml")) == blocked[5]
    assert all(r[6] and r[8] for r in blockers[1:])  # each blocker cites its document and quote


def test_bulk_csv_is_utf8_with_bom_one_row_per_case(tmp_path: Path) -> None:
    out = tmp_path / "bulk.csv"
    code, _ = invoke("bulk", str(EXAMPLES / "puyang-2014"), "--on", "2014-06-24", "--format", "csv", "-o", str(out))
    assert code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("案例,单位,规则集,层级,可以召开")
    assert len(lines) == 1 + len(list((EXAMPLES / "puyang-2014").glob("*.yaml")))
    row = "ready-county.yaml,中共清丰县委常委班子,puyang-2014,县（区）,是,0,0,2014-06-24,2014-06-24"
    assert any(row in x for x in lines)


def test_timeline_xlsx_one_row_per_item_with_dates(tmp_path: Path) -> None:
    out = tmp_path / "timeline.xlsx"
    code, _ = invoke("timeline", str(COUNTY), "--on", "2014-06-16", "--format", "xlsx", "-o", str(out))
    assert code == 0
    rows = sheet_rows(out)
    assert rows[0][:8] == ["事项", "类别", "责任人", "开始日期", "截止日期", "会前须完成", "状态", "完成日期"]
    from lifemeeting.answers.whatif import timeline

    items = timeline(COUNTY, on=dt.date(2014, 6, 16)).items
    assert [r[0] for r in rows[1:]] == [i.name for i in items]
    first = rows[1]
    assert first[4] == dt.datetime.combine(items[0].by, dt.time()) if items[0].by else first[4] is None
    assert any(isinstance(r[7], dt.datetime) for r in rows[1:])  # done dates are dates


def test_timeline_csv_to_stdout(tmp_path: Path) -> None:
    code, output = invoke("timeline", str(COUNTY), "--on", "2014-06-16", "--format", "csv")
    assert code == 0
    assert output.startswith("\ufeff事项,类别,责任人")


def test_status_xlsx_one_row_per_duty(tmp_path: Path) -> None:
    case = tmp_path / "held.yaml"
    case.write_text(COUNTY.read_text(encoding="utf-8") + "  - {date: 2014-06-24, type: held}\n", encoding="utf-8")
    out = tmp_path / "status.xlsx"
    code, _ = invoke("status", str(case), "--on", "2014-07-30", "--format", "xlsx", "-o", str(out))
    assert code == 0
    rows = sheet_rows(out)
    assert rows[0][:8] == ["轮次", "类别", "事项", "责任人", "开始日期", "截止日期", "状态", "完成日期"]
    from lifemeeting.answers.open import open_case

    duties = open_case(case).status(dt.date(2014, 7, 30)).rounds[0].duties
    assert duties and [r[2] for r in rows[1:]] == [d.name for d in duties]
    assert all(r[0] == 1 and r[1] == "会后工作" for r in rows[1:])
    assert any(isinstance(r[5], dt.datetime) for r in rows[1:])
    assert {r[6] for r in rows[1:]} <= {"已完成", "未完成", "已逾期"}


def test_xlsx_to_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from lifemeeting.cli import sheet

    monkeypatch.setattr(sheet.sys.stdout, "isatty", lambda: True)
    with pytest.raises(Exception, match="-o FILE"):
        sheet.binary_out("xlsx", None)


def _ratings_case(tmp_path: Path) -> tuple[Path, Path]:
    """A branch's case under tests/fixtures/format/ratings.yaml: rated, 孙二 不合格, then the rating ordered redone."""
    import shutil

    import yaml
    from conftest import FIXTURES

    folder = tmp_path / "rulesets"
    folder.mkdir()
    shutil.copy(FIXTURES / "format" / "ratings.yaml", folder / "format-ratings.yaml")
    members = [{"id": "zhao", "name": "赵书记", "attributes": {"secretary": True}}, {"id": "qian", "name": "钱一"}]
    members += [{"id": "sun", "name": "孙二"}]
    events = [{"date": "2020-12-01", "type": "talk", "between": ["zhao", m]} for m in ("qian", "sun")]
    events += [{"date": "2020-12-10", "type": "held"}]
    events += [{"date": "2020-12-10", "type": "done", "task": t} for t in ("self_review", "mutual_review")]
    events += [{"date": "2020-12-10", "type": "done", "task": "democratic_test"}]
    ratings = {"zhao": "优秀", "qian": "合格", "sun": "不合格"}
    events += [{"date": "2020-12-11", "type": "rated", "appraisal": "member_review", "ratings": ratings}]
    events += [{"date": "2020-12-20", "type": "ordered", "order": "redo_review"}]
    case = {"ruleset": "format-ratings", "unit": {"name": "某党支部"}, "year": 2020, "members": members}
    case |= {"meeting": {"date": "2020-12-10"}, "events": events}
    path = tmp_path / "rated.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    return folder, path


def test_status_xlsx_adds_a_sheet_of_ratings_and_says_which_duties_are_owed_again(tmp_path: Path) -> None:
    folder, case = _ratings_case(tmp_path)
    out = tmp_path / "status.xlsx"
    args = ["--rulesets", str(folder), "status", str(case), "--on", "2020-12-21", "--format", "xlsx", "-o", str(out)]
    code, _ = invoke(*args)
    assert code == 0
    assert openpyxl.load_workbook(out).sheetnames == ["会后工作", "评定等次"]
    ratings = sheet_rows(out, "评定等次")
    assert ratings[0] == ["轮次", "测评", "成员", "等次", "评定日期", "测评代码", "成员代码", "等次代码"]
    day = dt.datetime(2020, 12, 11)
    assert ratings[1:] == [
        [1, "民主评议党员", "赵书记", "优秀", day, "member_review", "zhao", "excellent"],
        [1, "民主评议党员", "钱一", "合格", day, "member_review", "qian", "qualified"],
        [1, "民主评议党员", "孙二", "不合格", day, "member_review", "sun", "unqualified"],
    ]
    duties = sheet_rows(out, "会后工作")
    owed = duties[0].index("本轮")
    by_round = {(r[0], r[2]): r[owed] for r in duties[1:]}
    assert by_round[(1, "孙二限期改正")] is None  # a first round owes nothing "again"
    assert by_round[(2, "重新民主评议党员")] is None  # a redo step, not a duty
    assert by_round[(2, "个人自评")] == "沿用上一轮"
    assert (2, "孙二限期改正") not in by_round  # owed per member rated: round 2 has rated nobody yet


def test_status_csv_has_the_owed_column_and_a_case_without_ratings_no_ratings_sheet(tmp_path: Path) -> None:
    folder, case = _ratings_case(tmp_path)
    code, output = invoke("--rulesets", str(folder), "status", str(case), "--on", "2020-12-21", "--format", "csv")
    assert code == 0
    lines = output.lstrip("\ufeff").splitlines()
    assert lines[0].endswith(",本轮")
    assert any(line.startswith("2,会后工作,个人自评,") and line.endswith(",沿用上一轮") for line in lines)
    held = tmp_path / "held.yaml"
    held.write_text(COUNTY.read_text(encoding="utf-8") + "  - {date: 2014-06-24, type: held}\n", encoding="utf-8")
    out = tmp_path / "plain.xlsx"
    assert invoke("status", str(held), "--on", "2014-07-30", "--format", "xlsx", "-o", str(out))[0] == 0
    assert openpyxl.load_workbook(out).sheetnames == ["会后工作"]
