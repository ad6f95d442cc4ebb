"""Commands about rule sets: list, show, validate, schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from lifemeeting.cli.text import table
from lifemeeting.errors import SourceError
from lifemeeting.ruleset.load import load_ruleset

if TYPE_CHECKING:
    from pydantic import BaseModel


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON for programs.")
def rulesets(as_json: bool) -> int:
    """List the rule sets that can be named by id.

    Bundled ones, those in --rulesets / LIFEMEETING_RULESETS folders, and those of installed packages.
    """
    from lifemeeting.ruleset.discovery import discover

    rows: list[dict[str, Any]] = []
    for rid, found in discover().items():
        loaded = load_ruleset(found.path)
        rs, src = loaded.model, loaded.model.source
        extends = loaded.provenance.lineage[-2] if loaded.provenance else None
        rows.append(
            {
                "id": rid,
                "version": rs.version,
                "title": rs.title,
                "source": src.number or src.title,
                "tiers": [t.id for t in rs.tiers],
                "file": str(found.path),
                "origin": found.origin,
                "extends": extends,
            }
        )
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        click.echo(
            table(
                ["id", "version", "tiers", "extends", "origin", "title"],
                [
                    [r["id"], r["version"], ",".join(r["tiers"]) or "-", r["extends"] or "-", r["origin"], r["title"]]
                    for r in rows
                ],
            )
        )
    return 0


@click.command()
@click.argument("ruleset")
@click.option("--json", "as_json", is_flag=True, help="Print the whole rule set as JSON.")
@click.option(
    "--effective",
    is_flag=True,
    help="An overlay fully resolved, each rule marked with the rule set it came from, and each change with its reason.",
)
def show(ruleset: str, as_json: bool, effective: bool) -> int:
    """Show a rule set's tiers, chains, talks, gates, deadlines, conditions and windows (RULESET: id or file)."""
    loaded = load_ruleset(ruleset)
    if effective:
        from lifemeeting.cli.effective import effective_json, effective_text

        click.echo(
            json.dumps(effective_json(loaded), ensure_ascii=False, indent=2) if as_json else effective_text(loaded)
        )
        return 0
    if as_json:
        data = loaded.model.model_dump(mode="json", by_alias=True, exclude_none=True)
        data["receipt"] = {"sha256": loaded.sha256, "origin": loaded.origin}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    from lifemeeting.cli.show import describe

    click.echo(describe(loaded))
    return 0


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="[DOCUMENT=]TEXT_FILE",
    help=(
        "Also check every quote against this source text (UTF-8; white space and full-/half-width forms"
        " ignored). A bare TEXT_FILE is the rule set's own source: the quotes without 'document'."
        " DOCUMENT=TEXT_FILE is the text of the document that citations name with 'document: DOCUMENT'"
        " (exactly as written there, or the rule set's source.title). Repeat it once per document;"
        " quotes of a document given no text are listed as not checked."
    ),
)
def validate(files: tuple[Path, ...], sources: tuple[str, ...]) -> int:
    """Check rule-set or case files; print FILE:LINE:COL: message for each problem.

    A file with a top-level 'ruleset' key is a case: it is checked against its rule set
    and its events are replayed. With --source, each quote of a rule set that is not in
    its source text is a problem too, with the nearest passage of the text when one is close
    (an overlay: the quotes it adds; its parent's are checked with the parent's file).
    """
    from lifemeeting.answers.open import open_case

    texts = _source_texts(sources) if sources else None
    bad = 0
    for path in files:
        try:
            if _is_case(path):
                open_case(path)
            else:
                loaded = load_ruleset(path if path.suffix in (".yaml", ".yml") else str(path))
                if texts is not None:
                    _check_quotes(loaded.model.source.title, Path(loaded.origin), texts)
        except SourceError as exc:
            bad += 1
            for problem in exc.problems:
                click.echo(str(problem))
        except Exception as exc:  # noqa: BLE001 - every other refusal is reported the same way
            from lifemeeting.errors import LifemeetingError

            if not isinstance(exc, LifemeetingError):
                raise
            bad += 1
            click.echo(f"{path}: {exc}")
        else:
            click.echo(f"{path}: ok", err=True)
    return 1 if bad else 0


OWN_SOURCE = ""  # the key of the rule set's own source among the texts given with --source


def _source_texts(sources: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Document (``OWN_SOURCE`` for a bare file) → (file name, text), from the --source options."""
    texts: dict[str, tuple[str, str]] = {}
    for given in sources:
        document, sep, file = given.partition("=")
        if not sep or Path(given).is_file():
            document, file = OWN_SOURCE, given
        if document in texts:
            which = f"document '{document}'" if document else "the rule set's own source (a bare TEXT_FILE)"
            raise click.UsageError(f"--source given twice for {which}: {texts[document][0]} and {file}")
        texts[document] = (file, Path(file).read_text(encoding="utf-8"))
    return texts


def _check_quotes(title: str, file: Path, texts: dict[str, tuple[str, str]]) -> None:
    """Raise a RuleSetError listing every quote of the rule-set ``file`` that is not in its source text."""
    from lifemeeting.errors import Problem, RuleSetError
    from lifemeeting.source.quotes import missing_pieces, nearest, normal, quotes
    from lifemeeting.source.yaml import load_located

    located, problems = load_located(file.read_text(encoding="utf-8"), str(file))
    if located is None:
        raise RuleSetError(problems)
    folded = {doc: normal(text) for doc, (_, text) in texts.items()}
    missing: list[Problem] = []
    unchecked: dict[str, int] = {}
    for path, cite in quotes(located.data):
        document = cite.get("document")
        key = OWN_SOURCE if document in (None, title) and OWN_SOURCE in texts else document
        if key not in texts:
            unchecked[document or title] = unchecked.get(document or title, 0) + 1
            continue
        name, text = texts[key]
        for piece in missing_pieces(cite["quote"], folded[key]):
            near = nearest(piece, text)
            hint = f"; nearest passage: '{near.passage}'" if near else "; nothing in the text is close"
            missing.append(located.problem((*path, "quote"), f"quote not found in {name}: '{piece}'{hint}"))
    for document, n in unchecked.items():
        click.echo(f"{file}: {n} quote(s) of '{document}' not checked: give --source '{document}=TEXT_FILE'", err=True)
    if missing:
        raise RuleSetError(missing)


def _is_case(path: Path) -> bool:
    try:
        head = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return (
        any(line.startswith(("ruleset:", '"ruleset"', '{"ruleset"')) for line in head.splitlines())
        or '"ruleset":' in head[:200]
    )


@click.command()
@click.argument("what", type=click.Choice(["ruleset", "case", "answer", "status", "timeline", "overlay"]))
@click.option(
    "--markdown",
    is_flag=True,
    help="Print the format reference in Markdown (docs/reference/), generated from the schema.",
)
def schema(what: str, markdown: bool) -> int:
    """Print the JSON Schema of rule-set files, case files, or the answers of check, status and timeline."""
    from lifemeeting.answers.timeline_model import Timeline
    from lifemeeting.case.model import Case
    from lifemeeting.engine.answer_model import Readiness, Status
    from lifemeeting.ruleset.model import RuleSet
    from lifemeeting.ruleset.overlay_model import Overlay

    models: dict[str, type[BaseModel]] = {
        "ruleset": RuleSet,
        "case": Case,
        "answer": Readiness,
        "status": Status,
        "timeline": Timeline,
        "overlay": Overlay,
    }
    model = models[what]
    if markdown:
        from lifemeeting.spec.reference import markdown as reference

        click.echo(reference(model), nl=False)
        return 0
    click.echo(json.dumps(model.model_json_schema(by_alias=True), ensure_ascii=False, indent=2))
    return 0
