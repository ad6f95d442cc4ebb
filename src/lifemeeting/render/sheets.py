"""Spreadsheets for Excel and WPS: rows of answers as .xlsx (openpyxl) or CSV.

Headers are Chinese, dates are date cells (``yyyy-mm-dd``), the header row is frozen and
columns have widths a reader can use. Rows are written as they come — the workbook is
opened in openpyxl's write-only mode — so a bulk run over many cases keeps memory bounded.
CSV is UTF-8 with a byte-order mark, which is how Excel knows it is not GBK.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from lifemeeting.answers.timeline_model import Timeline
    from lifemeeting.engine.answer_model import CitationOut, Readiness, Status

DATE_FORMAT = "yyyy-mm-dd"
Cell = str | int | float | bool | dt.date | None


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 12  # in Excel's character units; a Chinese character takes about two


@dataclass(frozen=True)
class Table:
    """One sheet: a title (the sheet's name), columns, and rows that may be a generator."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Cell]]


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _shown(value: Cell) -> Cell:
    return ("是" if value else "否") if isinstance(value, bool) else value


class XlsxWriter:
    """A write-only workbook: add sheets, append rows to any of them in any order, then save."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self._book = Workbook(write_only=True)
        self._sheets: dict[str, Any] = {}

    def sheet(self, title: str, columns: Sequence[Column]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        ws = self._book.create_sheet(title)
        ws.freeze_panes = "A2"
        for number, column in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(number)].width = column.width
        bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font, cell.fill, cell.alignment = bold, fill, Alignment(vertical="center")
            header.append(cell)
        ws.append(header)
        self._sheets[title] = ws

    def append(self, title: str, row: Sequence[Cell]) -> None:
        from openpyxl.cell import WriteOnlyCell

        ws = self._sheets[title]
        cells: list[Any] = []
        for value in row:
            if isinstance(value, dt.date):
                day = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
                cell = WriteOnlyCell(ws, value=day)
                cell.number_format = DATE_FORMAT
                cells.append(cell)
            else:
                cells.append(_shown(value))
        ws.append(cells)

    def save(self, out: str | IO[bytes]) -> None:
        self._book.save(out)  # a zip file: a path or a binary file


def write_xlsx(tables: Iterable[Table], out: str | IO[bytes]) -> None:
    """Each table as a sheet, in order."""
    book = XlsxWriter()
    for table in tables:
        book.sheet(table.title, table.columns)
        for row in table.rows:
            book.append(table.title, row)
    book.save(out)


def xlsx_bytes(tables: Iterable[Table]) -> bytes:
    buffer = io.BytesIO()
    write_xlsx(tables, buffer)
    return buffer.getvalue()


def csv_lines(table: Table) -> Iterator[str]:
    """The table as CSV text, a line at a time, the first starting with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.header for c in table.columns])
    yield "\ufeff" + buffer.getvalue()
    for row in table.rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_text(v) for v in row])
        yield buffer.getvalue()


def csv_bytes(table: Table) -> bytes:
    return "".join(csv_lines(table)).encode("utf-8")


# -- what each command writes -------------------------------------------------------------
def _cite(c: CitationOut | None) -> list[Cell]:
    return [c.document, c.section, c.quote] if c is not None else [None, None, None]


CITE_COLUMNS = [Column("依据文件", 30), Column("条款", 10), Column("原文", 60)]
STATUS_NAMES = {"done": "已完成", "open": "未完成", "overdue": "已逾期"}

TIMELINE_COLUMNS = [
    Column("事项", 56),
    Column("类别", 10),
    Column("责任人", 34),
    Column("开始日期", 12),
    Column("截止日期", 12),
    Column("会前须完成", 10),
    Column("状态", 8),
    Column("完成日期", 12),
    Column("逾期完成", 8),
    Column("时限原文", 24),
    Column("规则", 24),
    *CITE_COLUMNS,
]
KIND_NAMES = {
    "task": "准备工作",
    "talk": "谈心谈话",
    "material": "材料",
    "pre_sign": "签字把关",
    "link": "审核环节",
    "lead_time": "报送时限",
    "duty": "会后工作",
    "appraisal": "测评",
}


def timeline_table(t: Timeline) -> Table:
    """One row per item of the timeline."""
    rows = (
        [
            i.name,
            KIND_NAMES.get(i.kind, i.kind),
            i.owner,
            i.start,
            i.by,
            i.before_meeting,
            STATUS_NAMES[i.status],
            i.done_on,
            i.late,
            i.basis,
            i.rule,
            *_cite(i.citation),
        ]
        for i in t.items
    )
    return Table("时间表", TIMELINE_COLUMNS, rows)


STATUS_COLUMNS = [
    Column("轮次", 6),
    Column("类别", 10),
    Column("事项", 56),
    Column("责任人", 34),
    Column("开始日期", 12),
    Column("截止日期", 12),
    Column("状态", 8),
    Column("完成日期", 12),
    Column("规则", 24),
    *CITE_COLUMNS,
    Column("本轮", 12),
]
OWED_NAMES = {"again": "本轮须再做", "carried": "沿用上一轮"}


def status_table(s: Status) -> Table:
    """One row per duty (and redo step) of every round."""

    def rows() -> Iterator[list[Cell]]:
        for r in s.rounds:
            for kind, duties in (("返工补课", r.redo), ("会后工作", r.duties)):
                for d in duties:
                    yield [
                        r.number,
                        kind,
                        d.name,
                        d.owner,
                        d.window_start,
                        d.by,
                        STATUS_NAMES[d.status],
                        d.done_on,
                        d.id,
                        *_cite(d.citation),
                        OWED_NAMES.get(d.owed or ""),
                    ]

    return Table("会后工作", STATUS_COLUMNS, rows())


RATINGS_COLUMNS = [
    Column("轮次", 6),
    Column("测评", 24),
    Column("成员", 16),
    Column("等次", 10),
    Column("评定日期", 12),
    Column("测评代码", 20),
    Column("成员代码", 16),
    Column("等次代码", 20),
]


def ratings_table(s: Status) -> Table:
    """One row per member rated, per rating appraisal, in every round."""

    def rows() -> Iterator[list[Cell]]:
        for r in s.rounds:
            for x in r.ratings:
                yield [r.number, x.name, x.member_name, x.level_name, x.date, x.appraisal, x.member, x.level]

    return Table("评定等次", RATINGS_COLUMNS, rows())


def status_tables(s: Status) -> list[Table]:
    """The duties of every round; and, when any member was rated, the ratings."""
    return [status_table(s), *([ratings_table(s)] if any(r.ratings for r in s.rounds) else [])]


CASE_COLUMNS = [
    Column("案例", 50),
    Column("单位", 34),
    Column("规则集", 16),
    Column("层级", 10),
    Column("可以召开", 8),
    Column("未满足条件数", 10),
    Column("逾期事项数", 10),
    Column("最早可召开日期", 14),
    Column("会议日期", 12),
    Column("查询日期", 12),
    Column("输入错误", 40),
]
BLOCKER_COLUMNS = [
    Column("案例", 50),
    Column("单位", 34),
    Column("规则", 24),
    Column("类型", 14),
    Column("未满足的条件", 80),
    Column("等待至", 12),
    *CITE_COLUMNS,
]
CASES_SHEET, BLOCKERS_SHEET = "案例", "未满足条件"


def case_row(label: str, answer: Readiness | None, error: str | None) -> list[Cell]:
    """One bulk case: its answer in a row, or the error that kept it from one."""
    if answer is None:
        return [label, None, None, None, None, None, None, None, None, None, error]
    a = answer
    return [
        label,
        a.unit,
        a.ruleset,
        a.tier_name or a.tier,
        a.convenable,
        len(a.blockers),
        sum(n.overdue for n in a.next_actions),
        a.earliest_date,
        a.meeting_date,
        a.on,
        None,
    ]


def blocker_rows(label: str, answer: Readiness) -> Iterator[list[Cell]]:
    for b in answer.blockers:
        yield [label, answer.unit, b.rule, b.kind, b.message, b.until, *_cite(b.citation)]


Format = Literal["csv", "xlsx"]


def write_outcomes(fmt: str, outcomes: Iterable[Any], out: IO[bytes]) -> None:
    """A bulk run's answers as they come (each with ``label``, ``answer``, ``error``): xlsx with a sheet of cases
    and one of blockers, or CSV of the cases; nothing is kept but the row being written."""
    if fmt == "csv":
        out.write(("\ufeff" + _csv_row([c.header for c in CASE_COLUMNS])).encode("utf-8"))
        for o in outcomes:
            out.write(_csv_row([_text(v) for v in case_row(o.label, o.answer, o.error)]).encode("utf-8"))
        out.flush()
        return
    book = XlsxWriter()
    book.sheet(CASES_SHEET, CASE_COLUMNS)
    book.sheet(BLOCKERS_SHEET, BLOCKER_COLUMNS)
    for o in outcomes:
        book.append(CASES_SHEET, case_row(o.label, o.answer, o.error))
        if o.answer is not None:
            for row in blocker_rows(o.label, o.answer):
                book.append(BLOCKERS_SHEET, row)
    book.save(out)


def _csv_row(values: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()
