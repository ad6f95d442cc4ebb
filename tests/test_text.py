"""Tables and the progress line (rich's): plain text off a terminal, exactly as scripts and diffs expect."""

from __future__ import annotations

import io

from lifemeeting.cli.text import progress, table, width


def test_width_counts_a_chinese_character_as_two_cells() -> None:
    assert width("abc") == 3
    assert width("时限（会前）") == 12
    assert width("①—…") == 3


def test_plain_table_pads_to_the_widest_cell_and_leaves_the_last_column_ragged() -> None:
    text = table(
        ["时限", "状态", "责任人"], [["2014-06-05前", "已完成", "方磊"], ["—", "[未完成]", ""]], terminal=False
    )
    assert text.splitlines() == [
        "时限          状态      责任人",
        "------------  --------  ------",
        "2014-06-05前  已完成    方磊",
        "—             [未完成]",  # brackets are text, not markup; no trailing blanks
    ]


def test_plain_table_never_wraps() -> None:
    long = "很长的事项名称" * 40
    assert table(["事项", "人"], [[long, "方磊"]], terminal=False).splitlines()[2] == f"{long}  方磊"


def test_a_table_with_no_rows_is_its_header() -> None:
    assert table(["id", "名称"], [], terminal=False) == "id  名称\n--  ----"


def test_on_a_terminal_the_header_is_ruled() -> None:
    lines = table(["时限", "状态"], [["2014-06-05前", "已完成"]], terminal=True).splitlines()
    assert "时限" in lines[0] and set(lines[1].strip()) == {"─"} and "2014-06-05前" in lines[2]


def test_progress_off_a_terminal_writes_one_line_at_the_end() -> None:
    err = io.StringIO()
    assert list(progress(iter("abcd"), 4, err)) == ["a", "b", "c", "d"]
    (line,) = err.getvalue().splitlines()
    assert line.startswith("已处理 4/4 件（") and line.endswith(" 件/秒）")


def test_rich_loads_only_when_a_table_is_drawn() -> None:
    """The commands that print tables import this module at start-up; rich waits for the first table."""
    import subprocess
    import sys

    code = (
        "import sys, lifemeeting.cli, lifemeeting.cli.show, lifemeeting.cli.timeline, lifemeeting.cli.diff; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
