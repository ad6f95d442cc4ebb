"""The rule-set format's building blocks: the frozen base model, the typed strings and mappings every rule uses
(identifiers, predicates, conditions, dates), citations and the parameters a case supplies.
"""

# No ``from __future__ import annotations`` here, as in ``ruleset/model.py``.
# A class named before it is defined is written in quotes.

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lifemeeting.source.problems import WrittenAs

Severity = Literal["error", "warning"]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", description="snake_case identifier")]
RuleSetId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
ClauseRef = Annotated[
    str, Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", description="a clause id, e.g. py-3-5-2-county")
]

Predicate = Annotated[
    dict[str, Any],
    Field(
        description=(
            "Who a rule applies to. Keys are subject attributes ('kind', 'position', 'id', an "
            "attribute the rule set declares, or 'unit.<attribute>'), each matching a value or any "
            "of a list; 'all', 'any' (lists of predicates) and 'not' (a predicate) combine them. "
            "Several keys in one mapping must all hold; an empty mapping always holds."
        )
    ),
]

Facts = Annotated[
    dict[str, Any],
    Field(
        description=(
            "A condition on what happened, which the engine works out itself: 'meeting.in_window' (the meeting day"
            " lies in meeting.window), 'meeting.moved' (the meeting day is not the case's planned date), and"
            " 'unit.<attribute>'; combined with 'all', 'any' and 'not' as in a predicate."
        )
    ),
]

FACTS = ("meeting.in_window", "meeting.moved")

DateSpec = Annotated[
    str | dict[str, Any],
    Field(
        description=(
            "A date or window: Chinese text as the sources write it ('2014年5月25日前', '2014年6月中旬', "
            "'2014年6月上旬—6月中旬', '2014年6月底前', '2014年5月19日—31日'), or a mapping "
            "{days_before_meeting: N} / {days_after_meeting: N} / {months_after_meeting: N} / "
            "{parameter: NAME} (a date the case supplies); add working_days: true to count 工作日. "
            "An offset may itself be {parameter: NAME}, a day-count parameter: {days_before_meeting: {parameter: N}}."
        )
    ),
    WrittenAs("a date", "'2014年6月5日前', '2014年6月中旬' or {days_before_meeting: 15}"),
]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ParameterRef(Frozen):
    """A number the case supplies (or the rule set's default for it): ``days: {parameter: plan_lead_days}``."""

    parameter: Id


class Parameter(Frozen):
    """A value the source leaves to each case: a date (``xx``), a day count or a number, with an optional default."""

    id: Id
    name: str | None = None
    type: Literal["date", "days", "number"] = Field(
        "date", description="date: a day; days: a whole number of days ≥ 0; number: any number ≥ 0"
    )
    default: dt.date | float | None = Field(None, description="the value when the case gives none")
    cite: "Citation | None" = None

    def problem(self, value: object) -> str | None:
        """Why ``value`` cannot be this parameter's: a number where a date was expected, a date for a day count."""
        if self.type == "date":
            return None if isinstance(value, dt.date) else f"'{self.id}' is a date (YYYY-MM-DD), not the number {value}"
        if isinstance(value, dt.date) or not isinstance(value, int | float) or isinstance(value, bool):
            return f"'{self.id}' is a {'number of days' if self.type == 'days' else 'number'}, not the date {value}"
        if value < 0:
            return f"'{self.id}' cannot be negative ({value:g})"
        if self.type == "days" and value != int(value):
            return f"'{self.id}' is a whole number of days, not {value:g}"
        return None


AFTER = (
    "what comes first, in this round: ids of tasks, duties or materials that must be done (a material: through"
    " every gating link of its chain) before this one may be recorded done (a material: submitted); those that do"
    " not bind the case are passed over"
)


class Citation(Frozen):
    """Where a rule comes from: section and words, in the rule set's source unless ``document`` says otherwise."""

    section: str
    quote: str = Field(min_length=1)
    document: str | None = None
    clause: ClauseRef | list[ClauseRef] | None = Field(
        None, description="the id(s) of the clause(s) in the rule set's clause inventory these words come from"
    )

    @property
    def clause_ids(self) -> tuple[str, ...]:
        """The clause ids as a tuple, however many were given."""
        if self.clause is None:
            return ()
        return (self.clause,) if isinstance(self.clause, str) else tuple(self.clause)
