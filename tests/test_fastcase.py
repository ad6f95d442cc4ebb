"""The fast case decoder (msgspec) never disagrees with the case model (pydantic).

Whatever it accepts, pydantic accepts with the same data; whatever it refuses goes the
ordinary way, so answers and messages are the ones the model gives. Checked on every
example case and synthetic case, on broken variants of them, and through the two
places that use it: ``can_convene`` on data and ``bulk`` on JSON lines.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from typing import Any

import msgspec
import pytest
import yaml
from conftest import EXAMPLES, ROOT
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

import lifemeeting as lm
from lifemeeting.bulk.run import answers
from lifemeeting.case import decode as _fastcase

sys.path.insert(0, str(ROOT / "benchmarks"))
import generate  # noqa: E402

ON = dt.date(2014, 6, 20)


def _cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "members" in data and "events" in data:
            out.append((str(path.relative_to(EXAMPLES)), data))
    return out + [(f"synthetic-{i}", generate.generate(i)) for i in range(6)]


CASES = _cases()


def _event(data: dict) -> dict:
    return data["events"][0]


# Each breaks a case in one way; some only pydantic accepts (lax conversions), some neither does.
BREAKS = {
    "date as a timestamp": lambda d: _event(d).update(date=1401580800),
    "date with a time": lambda d: _event(d).update(date="2014-06-01T00:00:00"),
    "date in another format": lambda d: _event(d).update(date="2014/06/01"),
    "impossible date": lambda d: _event(d).update(date="2014-02-30"),
    "unknown event type": lambda d: _event(d).update(type="discussed"),
    "unknown event key": lambda d: _event(d).update(when="now"),
    "unknown case key": lambda d: d.update(extra=1),
    "talk with three parties": lambda d: _event(d).update(between=["a", "b", "c"]),
    "talk with one party": lambda d: _event(d).update(between=["a"]),
    "number as a string field": lambda d: _event(d).update(note=5),
    "bool as a count": lambda d: _event(d).update(satisfied=True),
    "float as a count": lambda d: _event(d).update(total=30.0),
    "negative count": lambda d: _event(d).update(total=-1),
    "string count": lambda d: _event(d).update(total="30"),
    "no members": lambda d: d.update(members=[]),
    "empty member id": lambda d: d["members"][0].update(id=""),
    "member without a name": lambda d: d["members"][0].pop("name"),
    "attribute as a number": lambda d: d["members"][0].update(attributes={"x": 1}),
    "attribute as a string 'true'": lambda d: d["members"][0].update(attributes={"x": "true"}),
    "meeting length zero": lambda d: d.update(meeting={"length_days": 0}),
    "meeting length as an int": lambda d: d.update(meeting={"length_days": 2}),
    "meeting length as a string": lambda d: d.update(meeting={"length_days": "2"}),
    "bad pin": lambda d: d.update(pinned={"version": "1", "sha256": "abc"}),
    "null unit": lambda d: d.update(unit=None),
    "events not a list": lambda d: d.update(events={"0": {}}),
    "holiday as a datetime": lambda d: d.update(holidays=[dt.datetime(2014, 6, 2, 8, 0)]),
    "parameter date as midnight datetime": lambda d: d.update(parameters={"xx": dt.datetime(2014, 6, 2)}),
}


def _both(data: Any) -> tuple[Any, Any]:
    """(fast, model): the struct or None, and the model's dump or the ValidationError."""
    fast = _fastcase.convert(data)
    try:
        model: Any = lm.Case.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        model = exc
    return fast, model


def _agree(data: Any) -> None:
    fast, model = _both(data)
    if fast is not None:
        assert not isinstance(model, ValidationError), f"fast path accepted what pydantic refuses: {model}"
        assert msgspec.to_builtins(fast) == model
    as_json = json.dumps(data, default=str).encode()
    fast_json = _fastcase.decode_json(as_json)
    if fast_json is not None:
        assert lm.Case.model_validate_json(as_json).model_dump(mode="json") == msgspec.to_builtins(fast_json)


@pytest.mark.parametrize("name,data", CASES, ids=[n for n, _ in CASES])
def test_every_case_decodes_to_what_the_model_gives(name, data):
    fast, model = _both(copy.deepcopy(data))
    assert fast is not None, "a valid case should take the fast path"
    assert msgspec.to_builtins(fast) == model
    _agree(copy.deepcopy(data))


@pytest.mark.parametrize("brk", list(BREAKS), ids=list(BREAKS))
@pytest.mark.parametrize("name,data", CASES[::7], ids=[n for n, _ in CASES[::7]])
def test_a_broken_case_is_never_accepted_differently(name, data, brk):
    broken = copy.deepcopy(data)
    BREAKS[brk](broken)
    _agree(broken)


@pytest.mark.parametrize(
    "brk", ["date as a timestamp", "meeting length as a string", "unknown event key", "no members"]
)
def test_can_convene_on_data_answers_or_refuses_as_the_model_does(brk):
    """Through can_convene: what only pydantic accepts is answered, what it refuses gets its message."""
    data = copy.deepcopy(dict(CASES[0][1]))
    BREAKS[brk](data)
    try:
        expected: Any = lm.open_case(copy.deepcopy(data)).can_convene(ON).model_dump()
    except lm.LifemeetingError as exc:
        expected = str(exc)
    try:
        got: Any = lm.can_convene(data, on=ON).model_dump()
    except lm.LifemeetingError as exc:
        got = str(exc)
    assert got == expected


def test_can_convene_on_data_and_bulk_answer_as_an_open_case(tmp_path):
    """Every case, through both fast paths, gives the answer an open case gives (or the same refusal)."""
    lines, expected = [], []
    for _name, data in CASES:
        lines.append(json.dumps(data, default=str, ensure_ascii=False))
        try:
            want: Any = lm.open_case(copy.deepcopy(data)).can_convene(ON).model_dump()
        except lm.LifemeetingError as exc:
            want = str(exc)
        try:
            got: Any = lm.can_convene(copy.deepcopy(data), on=ON).model_dump()
        except lm.LifemeetingError as exc:
            got = str(exc)
        assert got == want
        expected.append(want)
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for outcome, want in zip(answers(path, ON), expected, strict=True):
        if isinstance(want, str):
            assert outcome.answer is None and want.split(": ", 1)[-1] in outcome.error
        else:
            assert outcome.answer is not None and outcome.answer.model_dump() == want


def _outcome(ask) -> Any:
    try:
        return ask().model_dump()
    except lm.LifemeetingError as exc:
        return str(exc)


def test_can_convene_on_files_answers_or_refuses_as_an_open_case(tmp_path):
    """Through can_convene on a case file: every example, and broken ones,
    answered or refused as an open case of that file is, at the same FILE:LINE:COL.
    """
    files = sorted(p for p in EXAMPLES.rglob("*.yaml") if "members" in p.read_text(encoding="utf-8"))
    assert len(files) > 10
    for brk in ("date as a timestamp", "meeting length as a string", "unknown event key", "no members"):
        data = copy.deepcopy(dict(CASES[0][1]))
        BREAKS[brk](data)
        broken = tmp_path / f"{brk.replace(' ', '-')}.yaml"
        broken.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        files.append(broken)
    refused = 0
    for path in files:
        want = _outcome(lambda path=path: lm.open_case(path).can_convene(ON))
        assert _outcome(lambda path=path: lm.can_convene(path, on=ON)) == want, path
        refused += isinstance(want, str)
    assert refused >= 2, "some broken files are refused, with their positions"


def test_a_model_feature_the_decoder_cannot_mirror_is_an_error_not_a_difference():
    """Validators, aliases, lax extras and unknown constraints stop the compiler instead of being ignored."""

    class WithValidator(BaseModel):
        model_config = ConfigDict(extra="forbid")
        a: str

        @field_validator("a")
        @classmethod
        def upper(cls, v: str) -> str:
            return v.upper()

    class WithAlias(BaseModel):
        model_config = ConfigDict(extra="forbid")
        a: str = Field(alias="A")

    class Lax(BaseModel):
        a: str

    class MultipleOf(BaseModel):
        model_config = ConfigDict(extra="forbid")
        a: int = Field(multiple_of=2)

    for model, words in [
        (WithValidator, "validators"),
        (WithAlias, "alias"),
        (Lax, "extra"),
        (MultipleOf, "constraint"),
    ]:
        with pytest.raises(TypeError, match=words):
            _fastcase.struct_for(model)
