"""Turn pydantic's errors into ``FILE:LINE:COL: message`` problems a policy officer can act on."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from lifemeeting.errors import Problem
from lifemeeting.source.yaml import Located
from lifemeeting.suggest import did_you_mean


def _unwrap(tp: Any) -> list[Any]:
    """The model classes (or containers) a field annotation may hold."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_unwrap(arg))
        return out
    return [tp]


def _as(tp: Any, want: str) -> Any:
    for opt in _unwrap(tp):
        if want == "container" and typing.get_origin(opt) in (list, dict):
            return opt
        if want == "model" and isinstance(opt, type) and issubclass(opt, BaseModel):
            return opt
    return None


def _model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that validates the value at ``loc``, if any."""
    found: type[BaseModel] | None = _as(_annotation_at(root, loc), "model")
    return found


@dataclass(frozen=True)
class WrittenAs:
    """``Annotated`` metadata of a value written as text: what to tell a writer who gave a number there.

    ``DateSpec`` carries ``WrittenAs("a date", …)``, so ``due: 20140605`` is answered with how to write a
    date rather than pydantic's 'Input should be a valid string'. Pydantic ignores it.
    """

    what: str
    how: str


def _annotation_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    """The type annotation of the value at ``loc`` (``Annotated`` kept), or None if it cannot be followed."""
    current: Any = root
    for part in loc:
        container = _as(current, "container")
        if container is not None:
            current = typing.get_args(container)[-1]
            continue
        model = _as(current, "model")
        if model is None or not isinstance(part, str):
            return None
        field = model.model_fields.get(part) or next((f for f in model.model_fields.values() if f.alias == part), None)
        if field is None:
            return None
        current = field.annotation
    return current


def _written_as(tp: Any) -> WrittenAs | None:
    """The ``WrittenAs`` of an annotation, looking through ``X | None``."""
    if typing.get_origin(tp) is typing.Annotated:
        found = next((m for m in tp.__metadata__ if isinstance(m, WrittenAs)), None)
        return found or _written_as(typing.get_args(tp)[0])
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return next((w for arg in typing.get_args(tp) if (w := _written_as(arg)) is not None), None)
    return None


_DATE_ERRORS = ("date_type", "date_parsing", "date_from_datetime_inexact", "date_from_datetime_parsing")
_TYPE_ERRORS = ("string_type", "int_type", "float_type", "bool_type", "bool_parsing", "literal_error", "enum")


def plain_value(raw: str, value: object) -> str:
    """How YAML read an unquoted value written ``raw``, and what to do if it was meant as written."""
    if isinstance(value, bool):
        read = f"as {'true' if value else 'false'} (yes/no)"
    else:
        read = f"as the number {value}" if str(value) != raw else "as a number"
    return f"YAML reads the unquoted {raw} {read}; put it in quotes ('{raw}') if it is meant as written"


def _yyyymmdd(value: object) -> dt.date | None:
    """``20140605`` as the day it looks like, or None."""
    text = str(value)
    if isinstance(value, int) and len(text) == 8:
        try:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return None
    return None


def _plainly(err: Any, loc: tuple[str | int, ...], located: Located, root: type[BaseModel]) -> str | None:
    """What a policy officer should be told about a value YAML read as a number or yes/no where text or a date
    was expected — or None, for pydantic's own message."""
    value = err.get("input")
    kind = err["type"]
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and kind in _DATE_ERRORS:
        day = _yyyymmdd(value)
        return f"{value} is a number, not a date; write the date as YYYY-MM-DD" + (f" ({day})" if day else "")
    written = _written_as(_annotation_at(root, loc))
    if written is not None and number and kind in ("string_type", "dict_type"):
        day = _yyyymmdd(value)
        example = f"'{day.year}年{day.month}月{day.day}日'" if day else written.how
        return f"{value} is a number, not {written.what}; write it as the source does, e.g. {example}"
    raw = located.plain.get(loc)
    if raw is None or kind not in _TYPE_ERRORS or isinstance(value, dt.date):
        return None
    return plain_value(raw, value)


def _expected_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def problems_from(exc: ValidationError, located: Located, root: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, placed at the offending key or value."""
    out: list[Problem] = []
    plain: dict[tuple[int, int], Problem] = {}  # a plain message given here: the union's other branches say no more
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p in ("str", "dict[str,any]"))))
        kind = err["type"]
        if kind == "extra_forbidden":
            key = str(loc[-1])
            owner = _model_at(root, loc[:-1])
            expected = _expected_keys(owner)
            msg = f"unknown key '{key}'{did_you_mean(key, expected)}"
            if expected:
                msg += f"; expected one of: {', '.join(expected)}"
            out.append(located.problem(loc, msg, key=True))
        elif kind == "missing":
            where = ".".join(str(p) for p in loc[:-1]) or "top level"
            out.append(located.problem(loc[:-1], f"{where}: missing required key '{loc[-1]}'"))
        elif (plainly := _plainly(err, loc, located, root)) is not None:
            where = ".".join(str(p) for p in loc) or "top level"
            problem = located.problem(loc, f"{where}: {plainly}")
            out.append(problem)
            plain[(problem.line, problem.column)] = problem
        else:
            where = ".".join(str(p) for p in loc) or "top level"
            text = err["msg"]
            if text.startswith("Value error, "):
                text = text[len("Value error, ") :]
            out.append(located.problem(loc, f"{where}: {text}"))
    # one error per place is enough: unions report each branch
    seen: set[tuple[int, int, str]] = set()
    unique = []
    for p in out:
        k = (p.line, p.column, p.message.split(":")[0])
        if plain.get((p.line, p.column), p) is not p:
            continue
        if k not in seen:
            seen.add(k)
            unique.append(p)
    return unique
