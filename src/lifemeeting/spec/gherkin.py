"""Read ``.feature`` files (Gherkin, ``# language: zh-CN`` or English) into plain dataclasses.

The feature files are the policy spec; ``lifemeeting coverage`` and ``lifemeeting spec`` read
them to count the clauses scenarios test and to render them as Markdown. The parsing is
``gherkin-official``'s, the parser pytest-bdd runs them with, so both read a file alike: a
keyword line needs an ASCII colon (``场景:``, not ``场景：``); tags are ``@name`` words;
``<name>`` in an outline's steps is filled from each row of its ``例子``. A file it cannot
follow raises :class:`~lifemeeting.errors.GherkinError` with ``FILE:LINE:COL`` for each fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from lifemeeting.errors import GherkinError, Problem

if TYPE_CHECKING:
    from gherkin.errors import ParserException
    from gherkin.parser_types import DataTable, TableRow
    from gherkin.parser_types import Step as GherkinStep


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


def read_feature(path: Path) -> Feature:
    """Parse one feature file; :class:`GherkinError` if it is not Gherkin."""
    from gherkin.dialect import Dialect  # imported here: a command that reads no feature file skips its cost
    from gherkin.errors import CompositeParserException, ParserException
    from gherkin.parser import Parser

    try:
        document = Parser().parse(path.read_text(encoding="utf-8"))
    except CompositeParserException as exc:
        raise GherkinError([_problem(path, e) for e in exc.errors]) from None
    except ParserException as exc:
        raise GherkinError([_problem(path, exc)]) from None
    parsed = cast(dict[str, Any], document).get("feature")
    if parsed is None:
        raise GherkinError([Problem(str(path), 1, 1, "no feature: a file starts with 功能: (after # language: zh-CN)")])
    dialect = Dialect.for_name(parsed["language"])
    outlines = set(dialect.scenario_outline_keywords) if dialect else set()
    feature = Feature(
        path=path,
        name=parsed["name"],
        line=parsed["location"]["line"],
        tags=_tags(parsed),
        language=parsed["language"],
        description=_description(parsed["description"]),
    )
    for child in parsed["children"]:
        if "background" in child:
            feature.background += [_step(s) for s in child["background"]["steps"]]
        elif "scenario" in child:
            feature.scenarios.append(_scenario(child["scenario"], outlines))
        elif "rule" in child:  # a Rule's scenarios count as the feature's, with its tags and background
            rule = child["rule"]
            background = [_step(s) for c in rule["children"] if "background" in c for s in c["background"]["steps"]]
            for c in rule["children"]:
                if "scenario" in c:
                    scenario = _scenario(c["scenario"], outlines)
                    scenario.tags[:0] = _tags(rule)
                    scenario.steps[:0] = background
                    feature.scenarios.append(scenario)
    return feature


def read_features(folders: list[Path]) -> list[Feature]:
    """Every ``*.feature`` under the folders (or the files themselves), in path order."""
    files: list[Path] = []
    for folder in folders:
        files += [folder] if folder.is_file() else sorted(folder.rglob("*.feature"))
    return [read_feature(f) for f in files]


def _problem(path: Path, error: ParserException) -> Problem:
    """gherkin's ``(LINE:COL): what`` as a located problem, with a hint for a full-width colon."""
    line, column = error.location["line"], error.location.get("column") or 1
    message = re.sub(r"^\(\d+:\d+\): ", "", str(error.args[0]) if error.args else str(error))
    if re.search(r"got '\s*\S+：", message):
        message += " (a keyword needs an ASCII colon, e.g. 场景:)"
    return Problem(str(path), line, column, message)


def _scenario(node: dict[str, Any], outlines: set[str]) -> Scenario:
    examples = [
        Examples(line=ex["location"]["line"], table=_rows([ex["tableHeader"], *ex["tableBody"]]))
        if "tableHeader" in ex
        else Examples(line=ex["location"]["line"])
        for ex in node["examples"]
    ]
    return Scenario(
        name=node["name"],
        line=node["location"]["line"],
        tags=_tags(node),
        outline=node["keyword"] in outlines or bool(examples),
        description=_description(node["description"]),
        steps=[_step(s) for s in node["steps"]],
        examples=examples,
    )


def _step(node: GherkinStep) -> Step:
    table: DataTable | None = node.get("dataTable")
    doc = node.get("docString")
    return Step(
        keyword=node["keyword"].strip(),
        text=node["text"].strip(),
        line=node["location"]["line"],
        table=_rows(table["rows"]) if table else None,
        docstring=doc["content"] if doc else None,
    )


def _rows(rows: list[TableRow]) -> list[list[str]]:
    return [[cell["value"] for cell in row["cells"]] for row in rows]


def _tags(node: dict[str, Any]) -> list[str]:
    return [str(tag["name"]).removeprefix("@") for tag in node["tags"]]


def _description(text: str) -> str:
    """The free text under a title, each line trimmed, blank lines dropped."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _fill(step: Step, row: dict[str, str]) -> Step:
    if not row:
        return step

    def sub(text: str) -> str:
        return re.sub(r"<([^<>]+)>", lambda m: row.get(m.group(1), m.group(0)), text)

    table = [[sub(c) for c in r] for r in step.table] if step.table else None
    return Step(keyword=step.keyword, text=sub(step.text), line=step.line, table=table, docstring=step.docstring)
