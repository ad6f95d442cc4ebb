"""The overlay format: a rule set written as justified changes to another one.

A unit adapts a higher body's rule set (``extends``) by a list of ``changes``; each change
does one thing — ``set`` a value, ``add`` a rule, ``replace`` one, ``drop`` one — and says
why (``reason``) and by what authority (``cite``, naming a clause of the overlay's inventory).
A change without them is refused, so the adapted rule set always shows exactly what the unit
changed and on what ground. The overlay's ``clauses`` (its own source, passage by passage) come
last in the file, so that a file cut short is refused rather than loaded as a shorter overlay.
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field, model_validator

from lifemeeting.ruleset.model import Citation, Clause, Frozen, RuleSetId, Source, Unchecked

VERBS = {"set": "to", "add": "value", "replace": "with", "drop": None}


def _target() -> Any:
    return Field(
        None,
        description=(
            "a dotted path into the parent rule set: a section, then ids of items and keys, e.g. "
            "'gates.plan_lead_time.days' or 'chains.plan_review.links.organization_department_review'"
        ),
    )


class Change(Frozen):
    """One change to the parent rule set: exactly one of set/add/replace/drop, with its reason and citation."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    set: str | None = _target()
    to: Any = Field(None, description="with set: the new value")
    add: str | None = Field(
        None, description="a list to add to: a section ('talks') or a list inside a rule ('chains.plan_review.links')"
    )
    value: Any = Field(None, description="with add: the new rule (a mapping with its id) or list item")
    before: str | None = Field(None, description="with add: put it before the item with this id (default: at the end)")
    after: str | None = Field(None, description="with add: put it after the item with this id")
    replace: str | None = _target()
    with_: Any = Field(
        None, alias="with", description="with replace: the whole new rule; its id defaults to the old one's"
    )
    drop: str | None = _target()
    reason: str = Field(min_length=1, description="why the unit changes the rule, in its own words")
    cite: Citation = Field(
        description=(
            "the document that allows the change, with the clause of the overlay's inventory it comes from"
            " (clause); document defaults to the overlay's source"
        )
    )

    @model_validator(mode="before")
    @classmethod
    def _one_verb(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        verbs = [v for v in VERBS if v in data]
        if len(verbs) != 1:
            found = f"; it has {', '.join(verbs)}" if verbs else ""
            raise ValueError(f"a change does exactly one of: set, add, replace, drop{found}")
        verb = verbs[0]
        if data[verb] is None:  # `add: ~`: the verb is there, its target is not
            raise ValueError(f"'{verb}' needs a target: a section or a dotted path such as 'gates.plan_lead_time'")
        needs = VERBS[verb]
        if needs and needs not in data:
            raise ValueError(f"'{verb}' needs '{needs}' (the new value)")
        foreign = [
            k
            for k in ("to", "value", "with", "before", "after")
            if k in data and k != needs and not (verb == "add" and k in ("before", "after"))
        ]
        if foreign:
            raise ValueError(f"'{foreign[0]}' does not go with '{verb}'")
        if "before" in data and "after" in data:
            raise ValueError("give 'before' or 'after', not both")
        return data

    @property
    def verb(self) -> str:
        return next(v for v in VERBS if getattr(self, v) is not None)

    @property
    def target(self) -> str:
        return str(getattr(self, self.verb))


class Overlay(Frozen):
    """A rule set that extends another: the parent's rules with these changes, each justified."""

    id: RuleSetId
    version: str
    title: str
    extends: RuleSetId = Field(description="the id of the rule set this one adapts")
    source: Source | None = Field(
        None, description="the document that allows the changes; omit when it is the parent's own source"
    )
    note: str | None = None
    changes: list[Change] = Field(min_length=1)
    unchecked: list[Unchecked] = Field(
        default_factory=list,
        description="normative sentences of the overlay's source no machine can check, each with a reason",
    )
    clauses: list[Clause] = Field(
        min_length=1,
        description=(
            "the overlay's own source passage by passage (ids of its own, not its parent's), written last in"
            " the file: every normative clause is cited by a change or an unchecked entry, every change cites one"
        ),
    )
