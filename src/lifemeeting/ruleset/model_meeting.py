"""The meeting and what follows it: agenda, window and length, appraisals and ratings (levels, limits on
shares), and the orders that send work back.
"""

# No ``from __future__ import annotations`` here, as in ``ruleset/model.py``.
# A class named before it is defined is written in quotes.

from typing import Literal

from pydantic import Field, field_validator, model_validator

from lifemeeting.ruleset.model_base import Citation, DateSpec, Frozen, Id, Predicate, Severity


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
