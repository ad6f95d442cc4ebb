"""The scenario's world: the case being built from the feature's tables, and how step text is read.

Step texts put values in quotes, straight or curly (``"county"`` or ``“county”``); a step may
end in an ASCII or full-width colon before its table. ``step("规则集 {ref} 层级 {tier}")``
turns such a pattern into the regex parser pytest-bdd needs, so no step repeats that regex.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd import parsers

import lifemeeting as lm
from steps.plugin import FEATURE_FILE

ROOT = Path(__file__).resolve().parents[2]
QUOTED = r'["“](?P<{}>[^"”]*)["”]'
YES = {"是", "true", "yes", "y", "True", "√"}
NO = {"否", "false", "no", "n", "False", "", "×"}


def step(pattern: str) -> parsers.re:
    """A step parser from a pattern: ``{name}`` is a quoted value; spaces and a trailing colon are optional."""
    out, i = [], 0
    for m in re.finditer(r"\{(\w+)\}|(\s+)|([，,])|([^{\s，,]+)", pattern):
        name, space, comma, text = m.groups()
        if name:
            out.append(QUOTED.format(name))
        elif space:
            out.append(r"\s*")
        elif comma:
            out.append(r"\s*[，,]\s*")
        else:
            out.append(re.escape(text))
        i = m.end()
    assert i == len(pattern), pattern
    return parsers.re("".join(out) + r"\s*[:：]?")


def day(text: str) -> dt.date:
    """2014-06-24 or 2014年6月24日."""
    text = text.strip()
    m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return dt.date.fromisoformat(text)


def yes(text: str) -> bool:
    if text.strip() in YES:
        return True
    if text.strip() in NO:
        return False
    raise ValueError(f"'{text}' is neither 是 nor 否")


def items(text: str) -> list[str]:
    """A list written in one cell: 甲、乙、丙 (or commas, arrows, spaces)."""
    return [p for p in re.split(r"\s*(?:、|,|，|→|->|\s)\s*", text.strip()) if p]


def pieces(text: str) -> list[str]:
    """The words a message must contain: pieces separated by …… (or …)."""
    return [p.strip() for p in re.split(r"…+", text) if p.strip()]


def rows(datatable: list[list[str]]) -> list[dict[str, str]]:
    head, *body = datatable
    names = [h.strip() for h in head]
    return [dict(zip(names, [c.strip() for c in row], strict=True)) for row in body]


def attributes(text: str) -> dict[str, str | bool]:
    """``standing_committee=是, body=government`` → a mapping; 是/否 become true/false."""
    out: dict[str, str | bool] = {}
    for part in re.split(r"\s*[,，;；]\s*", text.strip()):
        if not part:
            continue
        key, _, value = part.partition("=")
        value = value.strip()
        out[key.strip()] = yes(value) if value in YES | NO else value
    return out


EVENT_TYPES = {
    "完成": "done",
    "谈话": "talk",
    "提交": "submitted",
    "报送": "submitted",
    "签字": "signed",
    "通过": "approved",
    "退回": "returned",
    "到会": "attended",
    "同意": "granted",
    "召开": "held",
    "测评": "appraised",
    "评议": "appraised",
    "决定": "ordered",
    "评定": "rated",
}
EVENT_COLUMNS = {
    "日期": "date",
    "事件": "type",
    "事项": "task",
    "双方": "between",
    "材料": "material",
    "对象": "subject",
    "环节": "link",
    "由": "by",
    "原因": "reason",
    "测评": "appraisal",
    "满意": "satisfied",
    "总数": "total",
    "决定": "order",
    "出席": "present",
    "请假": "on_leave",
    "外来": "guests",
    "方式": "rework",
    "批准": "approval",
    "限期": "resubmit_by",
    "等次": "ratings",
}
REWORK = {"修改": "revise", "重写": "rewrite", "重新撰写": "rewrite"}


def event_rows(datatable: list[list[str]]) -> list[dict[str, Any]]:
    """An events table with Chinese headings (日期 | 事件 | 事项 | 双方 | 材料 | 对象 | 环节 | 由 | …) as events."""
    out = []
    for row in rows(datatable):
        event: dict[str, Any] = {}
        for head, value in row.items():
            if head not in EVENT_COLUMNS:
                raise KeyError(f"unknown events column '{head}'; use {', '.join(EVENT_COLUMNS)}")
            if value == "":
                continue
            key = EVENT_COLUMNS[head]
            if key in ("date", "resubmit_by"):
                event[key] = day(value)
            elif key == "rework":
                event[key] = REWORK.get(value, value)
            elif key == "type":
                event[key] = EVENT_TYPES.get(value, value)
            elif key == "between":
                event[key] = items(value.replace("—", "、"))
            elif key in ("present", "on_leave", "guests"):
                event[key] = items(value)
            elif key in ("satisfied", "total"):
                event[key] = int(value)
            elif key == "ratings":  # 成员=等次、成员=等次
                event[key] = dict(part.split("=", 1) for part in items(value))
            else:
                event[key] = value
        out.append(event)
    return out


class World:
    """One scenario's case under construction, then opened and questioned."""

    def __init__(self, feature_file: Path | None) -> None:
        self.folder = feature_file.parent if feature_file else ROOT
        self.reset()

    def reset(self) -> None:
        """Start a new case: a scenario that names its own rule set does not inherit the 背景's team."""
        self.ruleset: lm.LoadedRuleSet | None = None
        self.tier: str | None = None
        self.unit: dict[str, Any] = {"name": "领导班子"}
        self.members: list[dict[str, Any]] = []
        self.lists: dict[str, list[str]] = {}
        self.people: dict[str, str] = {}
        self.parameters: dict[str, dt.date | float] = {}
        self.meeting: dict[str, Any] = {}
        self.year: int | None = None
        self.events: list[dict[str, Any]] = []
        self.opened: lm.OpenCase | None = None
        self.on: dt.date | None = None
        self.answer: lm.Readiness | None = None
        self.refused: lm.EventRefused | None = None

    # -- the rule set ------------------------------------------------------------------------
    def use_ruleset(self, ref: str) -> None:
        """A rule-set id, or a file path relative to the feature file (then to the checkout)."""
        if ref.endswith((".yaml", ".yml")):
            path = next((p for p in (self.folder / ref, ROOT / ref) if p.exists()), Path(ref))
            self.ruleset = lm.load_ruleset(path)
        else:
            self.ruleset = lm.load_ruleset(ref)

    @property
    def rules(self) -> lm.RuleSet:
        assert self.ruleset is not None, 'the 背景 must name the rule set first: 假如 规则集 "…"'
        return self.ruleset.model

    def tier_id(self, text: str) -> str:
        for t in self.rules.tiers:
            if text in (t.id, t.name):
                return t.id
        raise LookupError(f"rule set '{self.rules.id}' has no tier '{text}'")

    def position_id(self, text: str) -> str | None:
        if not text:
            return None
        for p in self.rules.positions:
            if text in (p.id, p.name):
                return p.id
        raise LookupError(f"rule set '{self.rules.id}' has no position '{text}'")

    # -- the case ----------------------------------------------------------------------------
    def not_opened(self, what: str) -> None:
        assert self.opened is None, f"{what} must come before the first event or question"

    def case_data(self) -> dict[str, Any]:
        return {
            "ruleset": self.rules.id,
            "tier": self.tier,
            "unit": self.unit,
            "meeting": self.meeting,
            "members": self.members,
            "lists": self.lists,
            "people": self.people,
            "parameters": self.parameters,
            "events": self.events,
            **({"year": self.year} if self.year is not None else {}),
        }

    def case(self) -> lm.OpenCase:
        if self.opened is None:
            self.opened = lm.open_case(self.case_data(), ruleset=self.ruleset)
        return self.opened

    def apply(self, events: list[dict[str, Any]], *, expect_refusal: bool = False) -> None:
        """Apply events in order; when a refusal is expected, keep it and stop there."""
        opened = self.case()
        self.refused, self.answer = None, None
        for event in events:
            try:
                opened.apply(event)
            except lm.EventRefused as exc:
                if not expect_refusal:
                    raise
                self.refused = exc
                return
            self.on = event["date"] if isinstance(event["date"], dt.date) else day(str(event["date"]))

    def unsurprised(self) -> None:
        """A refused 当-event must be judged by 那么 … 被拒绝 before anything else is asked."""
        if self.refused is not None:
            raise AssertionError(f"an event was refused and no step said it would be: {self.refused}")

    def ask(self, on: dt.date | None = None) -> lm.Readiness:
        """Can the meeting be convened on ``on`` (default: the planned meeting day)?"""
        self.unsurprised()
        self.answer = self.case().can_convene(on or self.default_day())
        return self.answer

    def last_answer(self) -> lm.Readiness:
        """The answer to the last question, or to 'on the meeting day?' if none was asked since the last event."""
        return self.answer if self.answer is not None else self.ask()

    def default_day(self) -> dt.date:
        date = self.meeting.get("date") or self.on
        assert date is not None, 'say the date: 假如 会议定于 "YYYY-MM-DD" (or ask 于 "YYYY-MM-DD")'
        return date

    def status(self, on: dt.date | None = None):
        """Where the case stands on ``on`` (default: the day of the last event)."""
        self.unsurprised()
        return self.case().status(on or self.on or self.default_day())


@pytest.fixture
def world(request: pytest.FixtureRequest) -> World:
    return World(request.node.stash.get(FEATURE_FILE, None))
