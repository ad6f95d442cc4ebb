"""Dates as the sources write them: absolute days, period words and offsets from the meeting.

上旬 is the 1st–10th, 中旬 the 11th–20th, 下旬 the 21st to the month's end; 初 reads as
上旬 and 底 as the month's last day. A spec resolves to a ``Window``: a deadline has only
an end, a period has both ends. Offsets count calendar days, as the sources write 天,
unless the rule says ``working_days: true`` (工作日, counted by ``_workdays``). Dates are
whole days in the sources' own time zone, Asia/Shanghai.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PERIOD_WORDS = {"上旬": "early", "中旬": "mid", "下旬": "late", "初": "early", "底": "end"}
_RANGE_SPLIT = re.compile(r"\s*(?:——|—|－|–|-{1,2}|至|到)\s*")
_PART = re.compile(r"^(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?:(?P<d>\d{1,2})日|(?P<p>上旬|中旬|下旬|初|底))?$")
_SPAN = re.compile(
    r"^(?:(?P<y>\d{4})年)?(?:第?(?P<q>[一二三四1-4])季度|(?P<h>[上下])半年|全年)(?P<before>前|以前|之前)?$"
)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RELATIVE_KEYS = {"days_before_meeting", "days_after_meeting", "months_after_meeting", "parameter"}
DAY_KEYS = {"days_before_meeting", "days_after_meeting"}
TIME_ZONE = "Asia/Shanghai"
SHANGHAI = dt.timezone(dt.timedelta(hours=8), TIME_ZONE)  # no daylight saving since 1991


def today() -> dt.date:
    """Today in Asia/Shanghai, where the sources' dates are whole days (UTC+8 all year since 1991)."""
    return dt.datetime.now(SHANGHAI).date()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the 31st of a shorter month becomes its last day (1月31日 + 1 → 2月28/29日)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True, slots=True)
class Window:
    """A deadline (``start`` is None) or a period; both ends inclusive."""

    start: dt.date | None
    end: dt.date

    def __str__(self) -> str:
        return f"{self.end}前" if self.start is None else f"{self.start}至{self.end}"


def _period_bounds(year: int, month: int, part: str) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    word = PERIOD_WORDS[part]
    if word == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if word == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if word == "late":
        return dt.date(year, month, 21), dt.date(year, month, last)
    return dt.date(year, month, last), dt.date(year, month, last)


def _parse_point(text: str, year: int, month: int | None) -> tuple[dt.date, dt.date, int, int]:
    m = _PART.match(text)
    if not m or not (m["m"] or m["d"] or m["p"]):
        raise ValueError(f"cannot read '{text}' as a date; expected e.g. '2014年5月25日', '6月中旬', '6月底'")
    y = int(m["y"]) if m["y"] else year
    mo = int(m["m"]) if m["m"] else month
    if mo is None:
        raise ValueError(f"'{text}' names no month")
    if m["p"]:
        start, end = _period_bounds(y, mo, m["p"])
    elif m["d"]:
        try:
            start = end = dt.date(y, mo, int(m["d"]))
        except ValueError as exc:
            raise ValueError(f"'{text}' is not a calendar date ({exc})") from None
    else:  # a whole month
        start, end = dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    return start, end, y, mo


def parse_text(text: str, year: int) -> Window:
    """Read '2014年5月25日前', '6月中旬', '6月上旬—6月中旬', '5月19日—31日', '6月底前', '第二季度', '上半年',
    '下半年前' or '2014-05-25'."""
    t = text.strip().replace(" ", "")
    if _ISO.match(t):
        return Window(None, dt.date.fromisoformat(t))
    span = _SPAN.match(t)
    if span:  # 第一季度…第四季度, 上半年/下半年, 全年: whole months of the year
        y = int(span["y"]) if span["y"] else year
        if span["q"]:
            first = 3 * _QUARTERS[span["q"]] - 2
            last = first + 2
        elif span["h"]:
            first, last = (1, 6) if span["h"] == "上" else (7, 12)
        else:
            first, last = 1, 12
        start, end = dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1])
        return Window(None, end) if span["before"] else Window(start, end)
    deadline = t.endswith(("前", "以前", "之前"))
    t = re.sub(r"(以前|之前|前|内)$", "", t)
    parts = _RANGE_SPLIT.split(t)
    if len(parts) > 2 or not all(parts):
        raise ValueError(f"cannot read '{text}' as a date or a range of two dates")
    start, end, y, mo = _parse_point(parts[0], year, None)
    if len(parts) == 2:
        _, end, _, _ = _parse_point(parts[1], y, mo)
        if end < start:
            raise ValueError(f"'{text}' ends before it starts")
    if deadline:
        return Window(None, end)
    return Window(start, end)


MAX_DAYS = 3660
"""The largest count of days a rule may say (about ten years): more is a mistake, and would overflow dates."""
MAX_MONTHS = 120
YEARS_AROUND = 10
"""A case's dates (events, meeting, parameters) lie within this many years of its rule set's year: a date
further out is a typo, and a far-future event would block every later real one (none may be earlier)."""


def check_spec(spec: str | dict[str, Any], year: int) -> None:
    """Raise ValueError if ``spec`` cannot be read; used when loading a rule set."""
    if isinstance(spec, str):
        parse_text(spec, year)
        return
    keys = set(spec) - {"working_days"}
    if len(keys) != 1 or not keys <= RELATIVE_KEYS:
        raise ValueError(
            f"expected one of {', '.join(sorted(RELATIVE_KEYS))} (plus working_days),"
            f" got {', '.join(sorted(spec)) or 'nothing'}"
        )
    (key,) = keys
    value = spec[key]
    if key == "parameter":
        if not isinstance(value, str):
            raise ValueError("parameter takes the name of a date the case supplies")
    elif isinstance(value, dict):
        if set(value) != {"parameter"} or not isinstance(value["parameter"], str):
            raise ValueError(f"{key} takes a whole number, or {{parameter: NAME}} naming a day-count parameter")
    elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{key} takes a whole number of days or months ≥ 0")
    elif value > (MAX_MONTHS if key.startswith("months") else MAX_DAYS):
        limit = f"{MAX_MONTHS} months" if key.startswith("months") else f"{MAX_DAYS} days (about ten years)"
        raise ValueError(f"{key} is {value}; a rule counts at most {limit}")
    if not isinstance(spec.get("working_days", False), bool):
        raise ValueError("working_days takes true or false")
    if spec.get("working_days") and key not in DAY_KEYS:
        raise ValueError(f"working_days counts days; it goes with {' or '.join(sorted(DAY_KEYS))}, not {key}")


def resolve(
    spec: str | dict[str, Any] | None,
    *,
    year: int,
    meeting: dt.date | None,
    parameters: Mapping[str, dt.date | float],
    add_days: Any = None,
) -> Window | None:
    """The window a spec means for one case; None when it depends on a date not yet known.

    ``add_days(date, n)`` counts working days when the spec asks for them; calendar days otherwise.
    """
    if spec is None:
        return None
    if isinstance(spec, str):
        return parse_text(spec, year)
    if "parameter" in spec:
        value = parameters.get(spec["parameter"])
        return Window(None, value) if isinstance(value, dt.date) else None
    if meeting is None:
        return None
    step = add_days if (spec.get("working_days") and add_days) else _calendar_days
    key = next(k for k in ("days_before_meeting", "days_after_meeting", "months_after_meeting") if k in spec)
    n = spec[key]
    if isinstance(n, dict):  # {parameter: NAME}: a day count the case (or the rule set's default) gives
        found = parameters.get(n["parameter"])
        if not isinstance(found, int | float):
            return None
        n = int(found)
    if key == "days_before_meeting":
        return Window(None, step(meeting, -n))
    if key == "days_after_meeting":
        return Window(None, step(meeting, n))
    return Window(meeting, add_months(meeting, n))


def basis(spec: str | dict[str, Any] | None, names: Mapping[str, str | None] | None = None) -> str | None:
    """The spec in the sources' words, so a reader can hold the date against the quote: '会前15天', '会后3个月'.

    ``names``: the rule set's parameters' names by id; a date the case gives reads by its
    parameter's name ('案例给出的方案报审时限'), or by its id when the rule set names none.
    """
    if spec is None or isinstance(spec, str):
        return spec
    if "parameter" in spec:
        pid = spec["parameter"]
        name = (names or {}).get(pid)
        return f"案例给出的{name}" if name else f"案例参数 {pid}"
    unit = "个工作日" if spec.get("working_days") else "天"
    if "days_before_meeting" in spec:
        n = _count(spec["days_before_meeting"])
        return "会前" if n == 0 else f"会前{n}{unit}"
    if "days_after_meeting" in spec:
        return f"会后{_count(spec['days_after_meeting'])}{unit}内"
    return f"会后{_count(spec['months_after_meeting'])}个月内"


def _count(n: Any) -> Any:
    """An offset in words: the number, or the parameter it names."""
    return f"（参数 {n['parameter']}）" if isinstance(n, dict) else n


def _calendar_days(day: dt.date, n: int) -> dt.date:
    return day + dt.timedelta(days=n)
