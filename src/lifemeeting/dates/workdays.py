"""Official working days (工作日) on the Chinese calendar, with 调休 make-up days.

The sources count "天" as calendar days; a rule that says ``working_days: true`` counts
工作日 instead. The official calendar — public holidays and the Saturdays or Sundays
worked in exchange (补班) — comes from the ``chinesecalendar`` package (import name
``chinese_calendar``), imported only when a working day is first asked about. For a year
the package has no data for, the calendar falls back to Monday–Friday and records a
warning for the answer instead of failing. A rule set and a case may list their own
``holidays`` (days off) and ``workdays`` (days worked); the case's lists win over the
rule set's, and both win over the official calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from typing import Any

WEEKDAYS = "一二三四五六日"


class WorkCalendar:
    """Which days are working days, and how to count a number of them from a date."""

    def __init__(self, *, holidays: Iterable[dt.date] = (), workdays: Iterable[dt.date] = ()) -> None:
        self.holidays = frozenset(holidays)
        self.workdays = frozenset(workdays) - self.holidays
        self.warnings: list[str] = []
        self._warned: set[int] = set()

    @classmethod
    def layered(cls, *layers: tuple[Iterable[dt.date], Iterable[dt.date]]) -> WorkCalendar:
        """Merge ``(holidays, workdays)`` lists; a later layer overrides an earlier one day by day."""
        off: set[dt.date] = set()
        on: set[dt.date] = set()
        for holidays, workdays in layers:
            holidays, workdays = set(holidays), set(workdays)
            off = (off - workdays) | holidays
            on = (on - holidays) | workdays
        return cls(holidays=off, workdays=on)

    def is_workday(self, day: dt.date) -> bool:
        """True on a working day: an extra workday, else not an extra holiday, else the official calendar."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        official = _official(day)
        if official is None:
            self._fell_back(day.year)
            return day.weekday() < 5
        return official

    def add(self, day: dt.date, n: int) -> dt.date:
        """The day ``n`` working days after ``day`` (before it when ``n`` < 0); ``day`` itself is not counted.

        Counting back and then forward again returns to a working day: ``add(add(d, -n), n) == d``.
        """
        step = dt.timedelta(days=1 if n >= 0 else -1)
        left = abs(n)
        while left:
            day += step
            if self.is_workday(day):
                left -= 1
        return day

    def label(self, day: dt.date) -> str:
        """'周一' … '周日', with '（休息日）' or '（补班）' where the calendar differs from the weekday."""
        name = f"周{WEEKDAYS[day.weekday()]}"
        work = self.is_workday(day)
        if day.weekday() < 5 and not work:
            return f"{name}（休息日）"
        if day.weekday() >= 5 and work:
            return f"{name}（补班）"
        return name

    def _fell_back(self, year: int) -> None:
        if year in self._warned:
            return
        self._warned.add(year)
        first, last = data_years()
        if first is None:
            why = "未安装 chinesecalendar 官方节假日数据"
        else:
            why = f"{year}年不在官方节假日数据（{first}—{last}年）之内"
        self.warnings.append(
            f"{why}，{year}年的工作日按周一至周五计算，法定节假日与调休未计入；"
            "可在规则集或案例中用 holidays / workdays 补充"
        )


@cache
def _calendar_module() -> Any:
    try:
        import chinese_calendar
    except ImportError:
        return None
    return chinese_calendar


@cache
def data_years() -> tuple[int | None, int | None]:
    """The first and last year the official calendar data covers; (None, None) when it is not installed."""
    cc = _calendar_module()
    if cc is None:
        return None, None
    days = [*cc.holidays, *cc.workdays]
    return min(days).year, max(days).year


def _official(day: dt.date) -> bool | None:
    cc = _calendar_module()
    if cc is None:
        return None
    try:
        return bool(cc.is_workday(day))
    except NotImplementedError:  # the package's way of saying it has no data for that year
        return None
