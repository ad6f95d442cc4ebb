"""Read ``.feature`` files (Gherkin, Chinese or English keywords) without a test framework.

The feature files are the policy spec; ``lifemeeting coverage`` and ``lifemeeting spec`` read
them to count the clauses scenarios test and to render them as Markdown, so this reader lives
in the package rather than pulling in pytest-bdd. It follows pytest-bdd's rules where they
matter to a writer: a keyword line needs an ASCII colon (``场景:``, not ``场景：``); tags are
``@name`` words; ``<name>`` in an outline's steps is filled from each row of its ``例子``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Longest first, so that 场景大纲 is not read as 场景.
_BLOCKS = (
    ("outline", ("场景大纲", "剧本大纲", "Scenario Outline", "Scenario Template")),
    ("examples", ("例子", "Examples", "Scenarios")),
    ("feature", ("功能", "Feature")),
    ("background", ("背景", "Background")),
    ("scenario", ("场景", "剧本", "Scenario", "Example")),
)
_STEP_WORDS = (
    "假如",
    "假设",
    "假定",
    "当",
    "那么",
    "而且",
    "并且",
    "同时",
    "但是",
    "Given",
    "When",
    "Then",
    "And",
    "But",
    "*",
)


@dataclass
class Step:
    keyword: str
    text: str
    line: int
    table: list[list[str]] | None = None
    docstring: str | None = None


@dataclass
class Examples:
    line: int
    table: list[list[str]] = field(default_factory=list)

    def rows(self) -> list[dict[str, str]]:
        if not self.table:
            return []
        head, *body = self.table
        return [dict(zip(head, row, strict=False)) for row in body]


@dataclass
class Scenario:
    name: str
    line: int
    tags: list[str]
    outline: bool = False
    description: str = ""
    steps: list[Step] = field(default_factory=list)
    examples: list[Examples] = field(default_factory=list)

    def expanded(self) -> Iterator[tuple[dict[str, str], list[Step]]]:
        """Each example row with the steps filled in (one pass with no row for a plain scenario)."""
        rows = [r for ex in self.examples for r in ex.rows()] if self.outline else []
        for row in rows or [{}]:
            yield row, [_fill(s, row) for s in self.steps]


@dataclass
class Feature:
    path: Path
    name: str
    line: int
    tags: list[str]
    language: str = "en"
    description: str = ""
    background: list[Step] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)


class GherkinError(ValueError):
    """A feature file this reader cannot follow; the message starts with FILE:LINE."""


def read_feature(path: Path) -> Feature:
    """Parse one feature file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    feature: Feature | None = None
    language = "en"
    tags: list[str] = []
    block: str | None = None  # where steps and descriptions go
    current: Scenario | None = None
    last_step: Step | None = None
    doc: list[str] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if doc is not None:
            if line in ('"""', "```"):
                assert last_step is not None
                last_step.docstring, doc = "\n".join(doc), None
            else:
                doc.append(line)
            continue
        if not line:
            continue
        if line.startswith("#"):
            found = re.match(r"#\s*language\s*:\s*(\S+)", line)
            if found and feature is None:
                language = found.group(1)
            continue
        if line.startswith("@"):
            tags += [t[1:] for t in line.split() if t.startswith("@")]
            continue
        if line.startswith("|"):
            row = _cells(line)
            if block == "examples" and current is not None:
                current.examples[-1].table.append(row)
            elif last_step is not None:
                last_step.table = (last_step.table or []) + [row]
            else:
                raise GherkinError(f"{path}:{number}: a table row belongs after a step or under 例子")
            continue
        if line in ('"""', "```"):
            if last_step is None:
                raise GherkinError(f"{path}:{number}: a doc string belongs after a step")
            doc = []
            continue
        kind, title = _block(line)
        if kind == "feature":
            feature = Feature(path=path, name=title, line=number, tags=tags, language=language)
            block, tags, last_step = "feature", [], None
        elif kind in ("scenario", "outline"):
            if feature is None:
                raise GherkinError(f"{path}:{number}: a scenario before 功能:")
            current = Scenario(name=title, line=number, tags=tags, outline=kind == "outline")
            feature.scenarios.append(current)
            block, tags, last_step = "scenario", [], None
        elif kind == "background":
            block, tags, last_step, current = "background", [], None, None
        elif kind == "examples":
            if current is None or not current.outline:
                raise GherkinError(f"{path}:{number}: 例子 belongs under 场景大纲")
            current.examples.append(Examples(line=number))
            block, tags = "examples", []
        elif (step := _step(line, number)) is not None and block in ("background", "scenario"):
            if block == "background":
                assert feature is not None
                feature.background.append(step)
            else:
                assert current is not None
                current.steps.append(step)
            last_step = step
        elif block == "feature" and feature is not None:
            feature.description = (feature.description + "\n" + line).strip()
        elif block == "scenario" and current is not None and not current.steps:
            current.description = (current.description + "\n" + line).strip()
        else:
            hint = "a keyword needs an ASCII colon, e.g. 场景:"
            raise GherkinError(f"{path}:{number}: cannot read this line ({hint}): {line}")
    if feature is None:
        raise GherkinError(f"{path}:1: no 功能: line")
    return feature


def read_features(folders: list[Path]) -> list[Feature]:
    """Every ``*.feature`` under the folders (or the files themselves), in path order."""
    files: list[Path] = []
    for folder in folders:
        files += [folder] if folder.is_file() else sorted(folder.rglob("*.feature"))
    return [read_feature(f) for f in files]


def _block(line: str) -> tuple[str | None, str]:
    for kind, words in _BLOCKS:
        for word in words:
            if line.startswith(word + ":"):
                return kind, line[len(word) + 1 :].strip()
    return None, ""


def _step(line: str, number: int) -> Step | None:
    for word in _STEP_WORDS:
        if line.startswith(word):
            text = line[len(word) :]
            if word.isascii() and word != "*" and text[:1] not in (" ", ""):
                continue  # "Andrew" is not "And"
            return Step(keyword=word, text=text.strip(), line=number)
    return None


def _cells(line: str) -> list[str]:
    body = line.strip()
    body = body[1:-1] if body.endswith("|") and len(body) > 1 else body[1:]
    parts = re.split(r"(?<!\\)\|", body)
    return [p.strip().replace("\\|", "|") for p in parts]


def _fill(step: Step, row: dict[str, str]) -> Step:
    if not row:
        return step

    def sub(text: str) -> str:
        return re.sub(r"<([^<>]+)>", lambda m: row.get(m.group(1), m.group(0)), text)

    table = [[sub(c) for c in r] for r in step.table] if step.table else None
    return Step(keyword=step.keyword, text=sub(step.text), line=step.line, table=table, docstring=step.docstring)
