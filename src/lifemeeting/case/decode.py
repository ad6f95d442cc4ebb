"""Case input decoded by msgspec, for the answer-only paths (``bulk``, ``can_convene`` on data).

Validating a case with pydantic builds one model per event: for a county team's 230
events that is most of the time an answer takes. msgspec decodes the same input into
slotted structs several times faster. The structs are compiled here from the pydantic
models in ``_case_model`` — the one definition of a case — field by field, with the same
names, types, defaults and constraints; a model feature this compiler does not know
(an alias, a validator, another constraint) is an error at import, not a silent
difference.

msgspec is the stricter of the two (no lax conversions: a date is ``YYYY-MM-DD``, an int
is not a bool or a float), so the fast path only ever says "not sure": anything it
refuses goes the ordinary way, through pydantic, which accepts it or gives the ordinary
message. ``tests/test_fastcase.py`` holds the two to the same data on every example case
and on broken variants of them. The structs quack like the models for the engine (same
attribute names); they never leave it: ``open_case`` and ``read_case`` return models.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types as at
import msgspec
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from lifemeeting.case.model import Case

_PLAIN = (str, bool, int, float, dt.date, type(None))
_BOUNDS = {at.MinLen: "min_length", at.MaxLen: "max_length", at.Ge: "ge", at.Gt: "gt", at.Le: "le", at.Lt: "lt"}
_structs: dict[type[BaseModel], type[msgspec.Struct]] = {}


def struct_for(model: type[BaseModel]) -> type[msgspec.Struct]:
    """The msgspec struct with ``model``'s fields, defaults and constraints (nested models too)."""
    found = _structs.get(model)
    if found is not None:
        return found
    decorators = model.__pydantic_decorators__
    if any(
        (decorators.validators, decorators.field_validators, decorators.model_validators, decorators.root_validators)
    ):
        raise TypeError(f"{model.__name__} has validators; the fast decoder cannot mirror them")
    if model.model_config.get("extra") != "forbid":
        raise TypeError(f"{model.__name__} does not forbid extra keys; the fast decoder forbids them")
    fields = [_field(model, name, info) for name, info in model.model_fields.items()]
    # gc=False: a decoded case holds no cycles (strings, numbers, dates, lists and structs of
    # them), so the collector need not track its hundreds of events (~4% of decoding; fewer collections)
    struct = msgspec.defstruct(model.__name__, fields, kw_only=True, frozen=True, forbid_unknown_fields=True, gc=False)
    _structs[model] = struct
    return struct


def _field(model: type[BaseModel], name: str, info: FieldInfo) -> tuple[Any, ...]:
    if info.alias not in (None, name) or info.validation_alias is not None:
        raise TypeError(f"{model.__name__}.{name} has an alias; the fast decoder cannot mirror it")
    kind = _constrained(_type(info.annotation), info.metadata, f"{model.__name__}.{name}")
    factory = info.default_factory
    if factory is not None:
        if isinstance(factory, type) and issubclass(factory, BaseModel):
            factory = struct_for(factory)
        return (name, kind, msgspec.field(default_factory=factory))  # type: ignore[arg-type]
    if info.default is PydanticUndefined:
        return (name, kind)
    if info.default is not None and not isinstance(info.default, str | bool | int | float):
        raise TypeError(f"{model.__name__}.{name}: a mutable default; use default_factory")
    return (name, kind, info.default)


def _constrained(kind: Any, metadata: list[Any], where: str) -> Any:
    """``kind`` with the field's constraints; on an optional field they bind the non-None part, as in pydantic."""
    meta: dict[str, Any] = {}
    for item in metadata:
        bound = _BOUNDS.get(type(item))
        if bound is not None:
            meta[bound] = getattr(item, bound)
        elif type(item).__name__ == "_PydanticGeneralMetadata" and set(vars(item)) <= {"pattern"}:
            meta["pattern"] = item.pattern
        else:
            raise TypeError(f"{where}: the fast decoder does not know the constraint {item!r}")
    if not meta:
        return kind
    if get_origin(kind) is Union and type(None) in get_args(kind):
        rest = tuple(a for a in get_args(kind) if a is not type(None))
        if len(rest) != 1:
            raise TypeError(f"{where}: constraints on a union")
        return Annotated[rest[0], msgspec.Meta(**meta)] | None
    return Annotated[kind, msgspec.Meta(**meta)]


def _type(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return struct_for(annotation)
    if annotation in _PLAIN:
        return annotation
    if origin is Literal:
        return annotation
    if origin in (Union, types.UnionType):
        return Union[tuple(_type(a) for a in get_args(annotation))]  # noqa: UP007  # built from a tuple
    if origin is list:
        return list[_type(get_args(annotation)[0])]  # type: ignore[misc]
    if origin is dict:
        key, value = get_args(annotation)
        return dict[_type(key), _type(value)]  # type: ignore[misc]
    raise TypeError(f"the fast decoder cannot mirror the type {annotation!r}")


CaseStruct = struct_for(Case)
_decoder = msgspec.json.Decoder(CaseStruct)


def decode_json(data: bytes) -> Any | None:
    """A case from one JSON document, or None when only the ordinary (pydantic) way can say what it is."""
    try:
        return _decoder.decode(data)
    except msgspec.MsgspecError:
        return None


def convert(data: Mapping[str, Any]) -> Any | None:
    """A case from parsed data (dates as ``date`` or ``YYYY-MM-DD``), or None as for ``decode_json``."""
    try:
        return msgspec.convert(data, CaseStruct)
    except msgspec.MsgspecError:
        return None
