"""Turn pydantic's errors into ``FILE:LINE:COL: message`` problems a policy officer can act on."""

from __future__ import annotations

import types
import typing
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
    found: type[BaseModel] | None = _as(current, "model")
    return found


def _expected_keys(model: type[BaseModel] | None) -> list[str]:
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def problems_from(exc: ValidationError, located: Located, root: type[BaseModel]) -> list[Problem]:
    """One problem per pydantic error, placed at the offending key or value."""
    out: list[Problem] = []
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
        if k not in seen:
            seen.add(k)
            unique.append(p)
    return unique
