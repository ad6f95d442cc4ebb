"""The rule-set format: what a jurisdiction's YAML file may say, as typed, frozen models.

Every rule carries a ``cite`` (section and quoted words; the document defaults to the
rule set's source). Who a rule applies to is a declarative ``Predicate`` over subject
attributes, evaluated by ``_predicate`` — never ``eval``.
"""

# No ``from __future__ import annotations`` here: pydantic would evaluate every field's annotation
# from its text when the class is made (measured: ~3 ms of every command's start-up).
# A class named before it is defined is written in quotes.

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lifemeeting.dates.periods import MAX_DAYS
from lifemeeting.source.problems import WrittenAs

Severity = Literal["error", "warning"]
GateKind = Literal[
    "tasks_done",
    "talks_covered",
    "materials_passed",
    "lead_time",
    "min_length",
    "max_length",
    "meeting_window",
    "quorum",
    "attendance",
    "resubmitted_in_time",
]
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


class Source(Frozen):
    title: str
    number: str | None = Field(None, description="文号, e.g. 濮群办发〔2014〕22号")
    issuer: str | None = None
    basis: str | None = Field(None, description="the higher document it implements")
    date: dt.date | None = None
    file: str | None = Field(None, description="file name of the source text, for readers")


class Tier(Frozen):
    id: Id
    name: str
    note: str | None = None
    cite: Citation | None = None


class Attribute(Frozen):
    """A subject or unit attribute that predicates may test."""

    id: Id
    name: str
    values: list[str] | None = Field(
        None, description="allowed values; omit for yes/no (a subject or unit that does not give it: no)"
    )
    required: bool | list[Id] = Field(
        False,
        description=(
            "a unit attribute every case must settle — by giving it or by naming a team position that derives it"
            " (unit_attributes); a list of tier ids: only cases of those tiers. A case that does neither is refused"
        ),
    )


class Position(Frozen):
    """A named kind of subject: a post (县委书记) or a team (县委常委班子), with its attributes."""

    id: Id
    name: str
    subject: Literal["member", "team"] = "member"
    tiers: list[Id] | None = None
    attributes: dict[str, str | bool] = Field(default_factory=dict)
    unit_attributes: dict[str, str | bool] = Field(
        default_factory=dict,
        description=(
            "a team position: unit attributes the unit has because its team holds this position (a case cannot"
            " leave them out or say otherwise)"
        ),
    )


class Role(Frozen):
    """Someone who reviews, signs, talks or owns a task; ``filled_by`` picks a team member."""

    id: Id
    name: str
    filled_by: Predicate | None = Field(None, description="predicate over the case's members")


class Material(Frozen):
    id: Id
    name: str
    team: bool = Field(False, description="the team writes one")
    drafted_by: Id | None = Field(None, description="the role that drafts or files the team's one")
    members: Predicate | None = Field(None, description="which members write their own; omit for none")
    tiers: list[Id] | None = Field(None, description="the tiers in which it is written; omit for every tier")
    after_meeting: bool = Field(
        False,
        description=(
            "written after the meeting (a report, a rectification plan): a post-meeting duty, not a precondition"
        ),
    )
    due: DateSpec | None = Field(None, description="when it must be written and submitted")
    due_by_tier: dict[str, DateSpec] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit: which units write it")
    after: list[Id] | None = Field(None, description=AFTER)
    cite: Citation


class PreSign(Frozen):
    reviewer: Id
    name: str
    applies_to: Predicate
    cite: Citation


class Link(Frozen):
    """One step of a review chain."""

    id: Id
    name: str
    reviewers: list[Id] = Field(min_length=1, description="roles that must all approve at this link")
    kind: Literal["review", "read_through"] = "review"
    gate: bool | None = Field(
        None, description="must pass before the meeting; default: yes for review, no for read_through"
    )
    applies_to: Predicate = Field(default_factory=dict)
    pre_sign: PreSign | None = None
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    cite: Citation

    @property
    def is_gate(self) -> bool:
        return self.kind == "review" if self.gate is None else self.gate


class Chain(Frozen):
    id: Id
    name: str
    material: Id
    tiers: list[Id] | None = None
    note: str | None = None
    links: list[Link]
    cite: Citation


class TalkRule(Frozen):
    """A pair-coverage rule: who must have talked with whom before the meeting."""

    id: Id
    name: str
    each: dict[str, Any] = Field(description="selector: {members: PREDICATE} | {role: ROLE} | {list: NAME}")
    with_: dict[str, Any] | Literal["each_other", "overseen_heads"] = Field(alias="with")
    tiers: list[Id] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit: in which units it binds")
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    cite: Citation

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True, defer_build=True)


class Task(Frozen):
    """A preparation task or post-meeting duty with an owner and a deadline or window."""

    id: Id
    name: str
    owner: str | None = Field(None, description="a role id, or a name as the source writes it")
    tiers: list[Id] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit")
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    after: list[Id] | None = Field(None, description=AFTER)
    note: str | None = None
    per_rating: "RatingTrigger | None" = Field(
        None,
        description=(
            "a duty owed once per member an appraisal rated at one of 'levels' (限期改正 for each member rated"
            " 不合格), named after the member; its relative due counts from the day of the rating"
        ),
    )
    cite: Citation


class RatingTrigger(Frozen):
    """Which results of a rating appraisal make a duty owed: the members it rated at ``levels``."""

    appraisal: Id
    levels: list[Id] = Field(min_length=1)


class Gate(Frozen):
    """A precondition of convening the meeting."""

    id: Id
    name: str
    kind: GateKind
    tasks: list[Id] | None = None
    talks: list[Id] | None = Field(None, description="talk rules to cover; default all that apply")
    material: Id | None = None
    days: (
        Annotated[
            float,
            Field(
                ge=0,
                le=MAX_DAYS,
                strict=True,
                allow_inf_nan=False,
                description=f"a number of days, 0 to {MAX_DAYS} (about ten years); whole for a lead_time gate",
            ),
        ]
        | ParameterRef
        | None
    ) = Field(
        None,
        description=(
            f"a number of days (0 to {MAX_DAYS}, whole for a lead_time gate), or {{parameter: NAME}}:"
            " a parameter the case (or its default) gives"
        ),
    )
    working_days: bool = Field(
        False, description="a lead_time gate's days are 工作日 on the official calendar, not calendar days"
    )
    rounds: Literal["all", "first", "later"] = Field(
        "all", description="which meeting rounds it binds: all, only the first, or only reconvened ones"
    )
    tiers: list[Id] | None = None
    applies_to: Predicate | None = Field(None, description="predicate over the unit")
    share: str | None = Field(
        None, description="a quorum gate's share of the required attendees who must be present: '2/3', '80%'"
    )
    inclusive: bool = Field(
        True,
        description=(
            "a quorum gate: true when exactly the share is enough (不少于、达到), false when more is needed (超过)"
        ),
    )
    attendees: Predicate | None = Field(
        None, description="a quorum gate: which members are required attendees (应到); default every member"
    )
    waived_by: list[Id] | None = Field(
        None, description="approvals (under approvals:) any one of which, granted this round, lifts the gate"
    )
    when: Facts | None = Field(None, description="the gate binds only while this condition on what happened holds")
    roles: list[Id] | None = Field(
        None,
        description=(
            "an attendance gate: roles that must be present — a role filled by members when one of them is"
            " present, an outside role (督导组, 上级派员) when the attendance lists it as a guest"
        ),
    )
    severity: Severity = Field(
        "error",
        description=(
            "error: unmet, it blocks the meeting; warning: a soft rule (一般): unmet, it is reported in the"
            " warnings of check, status and the timeline and blocks nothing"
        ),
    )
    cite: Citation

    @field_validator("share")
    @classmethod
    def _share_form(cls, v: str | None) -> str | None:
        from lifemeeting.ruleset.shares import parse_fraction

        if v is not None:
            parse_fraction(v)
        return v


class AgendaItem(Frozen):
    id: Id
    name: str
    speaker: str | None = None
    minutes: float | None = None
    per_member: bool = False
    cite: Citation | None = None


class Meeting(Frozen):
    name: str = Field(
        "会议",
        min_length=1,
        description=(
            "what the source calls the meeting, in its own words; headers and messages name the meeting so."
            " Every rule set should set it: the default only keeps older files loading"
        ),
    )
    chair: Id | None = None
    window: DateSpec | None = None
    window_by_tier: dict[str, DateSpec] | None = None
    length_days: float | None = Field(None, description="planned length the source sets, if any")
    hours_per_day: float | None = Field(
        None,
        gt=0,
        le=24,
        description=(
            "hours of meeting in one day of its length: given, the agenda's minutes (per member times the team)"
            " are checked against the case's planned length, and a plan too short is warned about"
        ),
    )
    participants: list[str] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    cite: Citation | None = None


class Team(Frozen):
    """What the rule set calls the body that holds the meeting and each of its members, in the source's words."""

    name: str = Field(
        "领导班子",
        min_length=1,
        description=(
            "the body that holds the meeting (领导班子, 党支部班子): owner of what no role owns, author of the team's"
            " materials in messages"
        ),
    )
    member: str = Field(
        "班子成员",
        min_length=1,
        description="one of its members (班子成员, 党员): messages say 全体班子成员 / 全体党员 for all of them",
    )


class Level(Frozen):
    """One result a rating appraisal may give a member (优秀, 合格 …); a rule set lists them best first."""

    id: Id
    name: str


class ShareLimit(Frozen):
    """A bound on the share of the rated members given some levels: at most (优秀一般不超过三分之一) or at least."""

    levels: list[Id] = Field(min_length=1, description="the levels counted together, e.g. [excellent]")
    at_most: str | None = Field(None, description="an upper bound on their share of the rated members: '1/3', '30%'")
    at_least: str | None = Field(None, description="a lower bound on their share of the rated members")
    inclusive: bool = Field(
        True,
        description=(
            "true when exactly the share keeps the limit (不超过、不少于); false when the boundary itself breaks it"
            " (低于, 超过 said of the other side)"
        ),
    )
    exceeding: Literal["refuse", "flag", "redo"] = Field(
        "refuse",
        description=(
            "what breaking the limit does: refuse the result (the event is refused, with the arithmetic), flag"
            " it (a warning, the result stands), or redo (the result stands and the appraisal is done again in a"
            " redo round)"
        ),
    )
    severity: Severity = Field(
        "error", description="warning: a soft limit (一般) — only flagged, whatever 'exceeding' says"
    )
    redo: list[Id] = Field(
        default_factory=list,
        description="exceeding: redo — duties, tasks, talks or materials to repeat with the appraisal (its steps)",
    )
    cite: Citation

    @field_validator("at_most", "at_least")
    @classmethod
    def _share_form(cls, v: str | None) -> str | None:
        from lifemeeting.ruleset.shares import parse_fraction

        if v is not None:
            parse_fraction(v)
        return v

    @model_validator(mode="after")
    def _one_bound(self) -> "ShareLimit":
        if (self.at_most is None) == (self.at_least is None):
            raise ValueError("a limit gives either 'at_most' or 'at_least'")
        if self.severity == "warning" and self.exceeding != "flag" and "exceeding" in self.model_fields_set:
            raise ValueError(f"a limit of severity 'warning' only flags; it cannot '{self.exceeding}'")
        return self

    @property
    def action(self) -> Literal["refuse", "flag", "redo"]:
        """What breaking it does, a soft limit only flagging."""
        return "flag" if self.severity == "warning" else self.exceeding


class Appraisal(Frozen):
    """A vote whose result, below ``threshold``, triggers ``below``; or, of kind ``rating``, one level per member."""

    id: Id
    name: str
    kind: Literal["appraisal", "public_appraisal", "rating"] = Field(
        description=(
            "appraisal / public_appraisal: a vote of satisfied of total against 'threshold';"
            " rating: each rated member gets one of 'levels' (民主评议党员)"
        )
    )
    levels: list[Level] = Field(
        default_factory=list, description="a rating: the levels, best first (优秀、合格、基本合格、不合格)"
    )
    rated: Predicate | None = Field(None, description="a rating: which members are rated; default every member")
    steps: list[Id] = Field(
        default_factory=list,
        description=(
            "a rating: duties done in this order after the meeting before the result is recorded"
            " (个人自评 → 党员互评 → 民主测评)"
        ),
    )
    limits: list[ShareLimit] = Field(
        default_factory=list, description="a rating: bounds on the share of the rated members at some levels"
    )
    threshold: str | None = Field(None, description="'2/3' or '80%'; omit when the source sets none")
    below: Literal["redo", "reconvene"] | None = None
    redo: list[Id] = Field(default_factory=list, description="tasks/materials to repeat on redo")
    tiers: list[Id] | None = None
    due: DateSpec | None = None
    due_by_tier: dict[str, DateSpec] | None = None
    cite: Citation

    @field_validator("threshold")
    @classmethod
    def _threshold_form(cls, v: str | None) -> str | None:
        from lifemeeting.ruleset.shares import parse_fraction

        if v is not None:
            parse_fraction(v)
        return v

    @model_validator(mode="after")
    def _rating_form(self) -> "Appraisal":
        if self.kind == "rating":
            if len(self.levels) < 2:
                raise ValueError("a rating names at least two 'levels', best first")
            if self.threshold is not None or self.below is not None:
                raise ValueError("a rating has no 'threshold' or 'below'; bound the shares of levels with 'limits'")
            ids = [lv.id for lv in self.levels]
            for limit in self.limits:
                for level in limit.levels:
                    if level not in ids:
                        raise ValueError(f"limit names unknown level '{level}'; levels: {', '.join(ids)}")
        elif self.levels or self.limits or self.steps or self.rated is not None:
            raise ValueError("'levels', 'rated', 'steps' and 'limits' belong to an appraisal of kind 'rating'")
        return self

    def level(self, text: str) -> Level | None:
        """The level ``text`` names, by id or by name."""
        return next((lv for lv in self.levels if text in (lv.id, lv.name)), None)


class Order(Frozen):
    """A decision a higher body or a look-back may take, and what it sends back (责令重开, 推倒重来 …)."""

    id: Id
    name: str
    consequence: Literal["redo", "reconvene", "restart"] = Field(
        description=(
            "redo: repeat the listed steps; reconvene: hold the meeting again after them;"
            " restart: all preparation again"
        )
    )
    redo: list[Id] = Field(
        default_factory=list,
        description="tasks, talk rules, materials or appraisals to repeat (an appraisal: only after the meeting)",
    )
    due: DateSpec | None = Field(
        None,
        description=(
            "when what it sends back must be done again: {days_after_meeting: N} or {months_after_meeting: N}"
            " count from the day of the order"
        ),
    )
    tiers: list[Id] | None = None
    cite: Citation


class Approval(Frozen):
    """A consent someone (usually the higher level) may grant, e.g. to hold the meeting outside its window;
    gates name it in ``waived_by``."""

    id: Id
    name: str
    by: Id = Field(description="the role that grants it")
    when: Facts | None = Field(None, description="it can be granted only while this holds; refused otherwise")
    cite: Citation


class Unchecked(Frozen):
    """A normative sentence no machine can check, kept so readers see it was not forgotten."""

    id: Id
    reason: str
    cite: Citation


class Clause(Frozen):
    """One passage of the source, word for word: a normative sentence (or a few that make one rule) or, with
    ``normative: false``, text that sets no rule (headings, background). Rules and ``unchecked`` entries name
    the clauses they come from (``cite.clause``), so every normative clause can be shown encoded or explained."""

    id: ClauseRef
    section: str = Field(description="the section as the document numbers it")
    text: str = Field(min_length=1, description="the source's words, copied whole (white space may differ)")
    normative: bool = Field(True, description="false for headings, titles and background that set no rule")
    note: str | None = None


class RuleSet(Frozen):
    """One jurisdiction's rules for one kind of meeting (民主生活会, a branch's 组织生活会 …): see ``meeting.name``."""

    id: RuleSetId
    version: str
    title: str
    team: Team = Field(
        default_factory=Team,
        description="what the source calls the team and its members; default 领导班子 and 班子成员",
    )
    source: Source
    year: int = Field(ge=1900, le=2200, description="the year dates without a year fall in (1900 to 2200)")
    annual: bool = Field(
        False,
        description=(
            "held every year: dates without a year fall in the case's year (its 'year', else its meeting's);"
            " 'year' is then only the year of the examples"
        ),
    )
    tiers: list[Tier] = Field(default_factory=list)
    attributes: list[Attribute] = Field(default_factory=list)
    unit_attributes: list[Attribute] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    materials: list[Material] = Field(default_factory=list)
    chains: list[Chain] = Field(default_factory=list)
    talks: list[TalkRule] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    gates: list[Gate] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    duties: list[Task] = Field(default_factory=list)
    appraisals: list[Appraisal] = Field(default_factory=list)
    orders: list[Order] = Field(default_factory=list)
    approvals: list[Approval] = Field(default_factory=list, description="consents a gate may be waived by")
    parameters: list[Id | Parameter] = Field(
        default_factory=list,
        description=(
            "values the case supplies: a bare id is a date with no default; a mapping gives its type"
            " (date, days, number) and a default"
        ),
    )
    holidays: list[dt.date] = Field(
        default_factory=list,
        description="extra days off when counting 工作日 (beyond or instead of the official calendar)",
    )
    workdays: list[dt.date] = Field(default_factory=list, description="extra days worked (补班) when counting 工作日")
    unchecked: list[Unchecked] = Field(default_factory=list)
    clauses: list[Clause] = Field(
        default_factory=list, description="the source's passages in order: its clause inventory"
    )
    blocks_nothing: str | None = Field(
        None,
        min_length=1,
        description=(
            "why this rule set has no gate, so that nothing can block a meeting under it; without it a rule set"
            " with no gates is refused (a file cut short loses its gates first)"
        ),
    )

    def parameter_specs(self) -> dict[str, Parameter]:
        """Every parameter by id, a bare id read as a date parameter without a default."""
        specs = (Parameter(id=p) if isinstance(p, str) else p for p in self.parameters)
        return {p.id: p for p in specs}
