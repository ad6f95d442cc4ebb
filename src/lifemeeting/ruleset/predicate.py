"""Declarative predicates over subject and unit attributes (see ``Predicate`` in the format).

A predicate is data: ``{standing_committee: true, unit.liaison_point: true}``,
``{any: [{kind: team}, {position: [county_secretary, county_head]}]}``, ``{not: {...}}``.
``check`` lists what is wrong with one; ``matches`` evaluates it; ``predicates_in`` finds
every one a rule set holds, from the model's types.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel

from lifemeeting.ruleset import model as _model

COMBINATORS = ("all", "any", "not")
BUILTIN_KEYS = ("kind", "position", "id")


def matches(pred: Mapping[str, Any] | None, subject: Mapping[str, Any], unit: Mapping[str, Any]) -> bool:
    """True if every test in ``pred`` holds for ``subject`` within ``unit``; None or {} always holds.

    An attribute neither the subject's position nor the subject itself gives reads as false, so
    ``{committee: false}`` holds for every member who is not said to be on the committee.
    """
    if not pred:
        return True
    for key, want in pred.items():
        if key == "all":
            if not all(matches(p, subject, unit) for p in want):
                return False
        elif key == "any":
            if not any(matches(p, subject, unit) for p in want):
                return False
        elif key == "not":
            if matches(want, subject, unit):
                return False
        else:
            # an attribute a subject (or the unit) does not give is false: a yes/no attribute left out is "no"
            have = unit.get(key[5:], False) if key.startswith("unit.") else subject.get(key, False)
            if isinstance(want, list):
                if have not in want:
                    return False
            elif have != want:
                return False
    return True


def check(
    pred: Any,
    path: tuple[Any, ...],
    names: Mapping[str, set[str]],
    values: Mapping[str, list[str] | None] | None = None,
) -> Iterator[tuple[tuple[Any, ...], str, str | None, list[str]]]:
    """Yield ``(path, message, bad_name, candidates)`` for each problem in ``pred``.

    ``names`` maps 'attribute', 'unit_attribute' and 'position' to the ids the rule set declares;
    ``values`` maps a declared attribute (``unit.<id>`` for a unit attribute) to its ``values``, None for
    yes/no: a test is then refused when it could never hold (``{committee: 'yes'}``, ``{body: npx}``).
    """
    if not isinstance(pred, Mapping):
        yield path, "expected a predicate (a mapping of attribute tests)", None, []
        return
    for key, want in pred.items():
        here = path + (key,)
        if key in ("all", "any"):
            if not isinstance(want, list):
                yield here, f"'{key}' takes a list of predicates", None, []
                continue
            for i, p in enumerate(want):
                yield from check(p, here + (i,), names, values)
        elif key == "not":
            yield from check(want, here, names, values)
        elif key.startswith("unit."):
            attr = key[5:]
            if attr not in names["unit_attribute"]:
                yield here, f"unknown unit attribute '{attr}'", attr, sorted(names["unit_attribute"])
            elif values is not None and key in values:
                yield from _check_value(here, key, want, values[key])
        elif key == "position":
            for value in want if isinstance(want, list) else [want]:
                if value not in names["position"]:
                    yield here, f"unknown position '{value}'", str(value), sorted(names["position"])
        elif key == "kind":
            for value in want if isinstance(want, list) else [want]:
                if value not in ("member", "team"):
                    yield here, f"kind is 'member' or 'team', not '{value}'", str(value), ["member", "team"]
        elif key not in BUILTIN_KEYS and key not in names["attribute"]:
            yield here, f"unknown attribute '{key}'", key, sorted(names["attribute"] | {"kind", "position"})
        elif values is not None and key in values:
            yield from _check_value(here, key, want, values[key])


def _check_value(
    here: tuple[Any, ...], key: str, want: Any, allowed: list[str] | None
) -> Iterator[tuple[tuple[Any, ...], str, str | None, list[str]]]:
    """A test's value against the attribute's declaration: true/false for yes/no, else one of its values."""
    for value in want if isinstance(want, list) else [want]:
        if allowed is None and not isinstance(value, bool):
            yield here, f"'{key}' is yes/no: test it with true or false, not {value!r}", None, []
        elif allowed is not None and value not in allowed:
            yield here, f"'{key}' is one of {', '.join(allowed)}, not {value!r}", str(value), list(allowed)


def predicates_in(value: Any) -> Iterator[Mapping[str, Any]]:
    """Every predicate in ``value`` (a rule-set model, or lists and mappings of them).

    A predicate is the value of a field the model types as ``Predicate`` (or ``Predicate | None``);
    which fields those are is read from the models' type hints, not listed here.
    """
    if isinstance(value, BaseModel):
        predicate_fields = _predicate_fields(type(value))
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name in predicate_fields:
                if item is not None:
                    yield item
            else:
                yield from predicates_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from predicates_in(item)
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from predicates_in(item)


@cache
def _predicate_fields(cls: type[BaseModel]) -> frozenset[str]:
    """The fields of ``cls`` typed ``Predicate`` or ``Predicate | None``."""
    hints = typing.get_type_hints(cls, vars(_model), include_extras=True)
    return frozenset(
        name
        for name in cls.model_fields
        if hints.get(name) is not None
        and (hints[name] == _model.Predicate or _model.Predicate in typing.get_args(hints[name]))
    )
