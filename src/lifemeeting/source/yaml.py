"""Read YAML (or JSON) into plain data while remembering where every value stood.

PyYAML composes the node tree (keeping marks) and we build the data ourselves, so that
duplicate keys and object-constructing tags are refused with their line and column,
and later checks can point at ``path -> (line, column)`` of any value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from lifemeeting.errors import Problem, SourceError

try:  # the C composer is several times faster; both keep marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_constructor = yaml.SafeLoader("")  # only its scalar constructors are used, called directly:
# construct_object would also remember every node it built, for as long as the process lives
_SCALAR = {tag: yaml.SafeLoader.yaml_constructors[tag] for tag in _SCALAR_TAGS - {_STR}}


@dataclass
class Located:
    """Data read from a file plus the position of every value, by path."""

    file: str
    data: Any
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    plain: dict[Path, str] = field(default_factory=dict)
    """The text of each unquoted value YAML read as other than text (``no`` → false, ``010`` → 8), for messages."""

    def where(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at ``path``, or of its nearest known ancestor."""
        p = tuple(path)
        while True:
            if key and p in self.key_marks:
                return self.key_marks[p]
            if p in self.marks:
                return self.marks[p]
            if not p:
                return (1, 1)
            p = p[:-1]

    def problem(self, path: Sequence[str | int], message: str, *, key: bool = False) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, message)


class _Refused(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        self.node = node
        self.message = message


MAX_BYTES = 4 * 1024 * 1024
"""The largest file read: the biggest bundled rule set is under 100 KB."""
MAX_DEPTH = 64
"""How deeply lists and mappings may nest: a rule set needs about ten levels."""
MAX_ALIASED = 10_000
"""How many values may be built through aliases (``*name``): enough for any honest reuse, not for an alias bomb."""


def load_located(text: str, file: str) -> tuple[Located | None, list[Problem]]:
    """Parse ``text``; return the located data, or the problems that stopped it.

    Bounded: a text over ``MAX_BYTES``, nesting deeper than ``MAX_DEPTH`` and more than
    ``MAX_ALIASED`` values built through aliases are refused at their FILE:LINE:COL.
    """
    if len(text) > MAX_BYTES:
        return None, [_too_large(file)]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(file, line, col, f"not valid YAML: {exc.problem or exc}")]
    except yaml.reader.ReaderError as exc:  # a control character (NUL, DEL, ESC …) in the text
        line, col = _position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return None, [Problem(file, line, col, f"not valid YAML: character U+{code:04X} is not allowed in YAML")]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 1, 1, f"not valid YAML: {exc}")]
    except RecursionError:
        return None, [Problem(file, 1, 1, f"lists and mappings nest too deeply (more than {MAX_DEPTH} levels)")]
    located = Located(file=file, data=None)
    if node is None:
        return None, [Problem(file, 1, 1, "the file is empty; expected a mapping")]
    try:
        located.data = _Builder(located).build(node, (), 0, False)
    except _Refused as exc:
        m = exc.node.start_mark
        return None, [Problem(file, m.line + 1, m.column + 1, exc.message)]
    return located, []


def _too_large(file: str) -> Problem:
    limit = MAX_BYTES // (1024 * 1024)
    return Problem(file, 1, 1, f"the file is larger than {limit} MB; a rule set or case is far smaller")


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of byte ``offset`` of ``text`` in UTF-8 (libyaml counts bytes)."""
    before = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "ignore")
    offset = len(before)
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def load_mapping(data: bytes, file: str, *, expected: str, error: type[SourceError]) -> Located:
    """UTF-8 bytes that must hold one YAML (or JSON) mapping; ``error`` lists what is wrong with them.

    ``expected`` names the keys a reader should have found, for the message when the top level is not a mapping.
    """
    if len(data) > MAX_BYTES:  # before decoding: UTF-8 Chinese is three bytes a character
        raise error([_too_large(file)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error([Problem(file, 1, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from None
    located, problems = load_located(text, file)
    if located is None:
        raise error(problems)
    if not isinstance(located.data, dict):
        raise error([located.problem((), f"expected a mapping with {expected}")])
    return located


class _Builder:
    """Builds plain data from a node tree, counting what aliases expand to and how deep it nests."""

    __slots__ = ("aliased", "located", "seen")

    def __init__(self, located: Located) -> None:
        self.located = located
        self.seen: set[int] = set()  # the collection nodes built so far: an alias reuses one of them
        self.aliased = 0

    def build(self, node: yaml.Node, path: Path, depth: int, via_alias: bool) -> Any:
        located = self.located
        if not isinstance(node, yaml.ScalarNode):
            if node.tag not in _COLLECTION_TAGS:
                raise _Refused(
                    node,
                    f"tag '{_shown(node.tag)}' is not allowed; only plain data (text, numbers, dates, lists, mappings)",
                )
            if depth >= MAX_DEPTH:
                raise _Refused(node, f"lists and mappings nest too deeply here (more than {MAX_DEPTH} levels)")
            if not via_alias:
                ident = id(node)
                if ident in self.seen:
                    via_alias = True
                else:
                    self.seen.add(ident)
        if via_alias:
            self.aliased += 1
            if self.aliased > MAX_ALIASED:
                raise _Refused(node, f"aliases (*name) expand to more than {MAX_ALIASED} values; write the values out")
        located.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Refused(key_node, "merge keys ('<<') are not allowed; write the values out")
                key = self.build(key_node, path + ("<key>",), depth + 1, via_alias)
                if not isinstance(key, (str, int)):
                    raise _Refused(key_node, f"a key must be text, not {type(key).__name__}")
                key = str(key)
                if key in out:
                    first = located.key_marks[path + (key,)]
                    raise _Refused(key_node, f"duplicate key '{key}' (first at line {first[0]})")
                located.key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                out[key] = self.build(value_node, path + (key,), depth + 1, via_alias)
            located.marks.pop(path + ("<key>",), None)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1, via_alias) for i, item in enumerate(node.value)]
        value = _scalar(node)
        if node.tag != _STR and value is not None:  # yes, 010, 2020-06-01 … unquoted: remember how it was written
            located.plain[path] = node.value
        return value


def _scalar(node: yaml.Node) -> Any:
    if node.tag == _STR:
        return node.value  # what the str constructor returns
    construct = _SCALAR.get(node.tag)
    if construct is None:
        raise _Refused(
            node, f"tag '{_shown(node.tag)}' is not allowed; only plain data (text, numbers, dates, lists, mappings)"
        )
    try:
        value = construct(_constructor, node)
    except (
        ValueError,
        OverflowError,
        TypeError,
        IndexError,
    ) as exc:  # 2014-02-30 matches the date pattern but is no day
        kind = "date" if node.tag.endswith(":timestamp") else _shown(node.tag)[2:]
        raise _Refused(node, f"'{node.value}' is not a valid {kind}: {exc}") from None
    if isinstance(value, dt.datetime):
        raise _Refused(node, "a time of day is not allowed here; write a date as YYYY-MM-DD")
    return value


def _shown(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag
