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
    """Show a rule set's tiers, chains, talks, gates and deadlines (RULESET: id or file)."""
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
def validate(files: tuple[Path, ...]) -> int:
    """Check rule-set or case files; print FILE:LINE:COL: message for each problem.

    A file with a top-level 'ruleset' key is a case: it is checked against its rule set
    and its events are replayed.
    """
    from lifemeeting.answers.open import open_case

    bad = 0
    for path in files:
        note = ""
        try:
            if _is_case(path):
                open_case(path)
            else:
                loaded = load_ruleset(path if path.suffix in (".yaml", ".yml") else str(path))
                meeting = loaded.model.meeting
                if "name" not in meeting.model_fields_set:  # valid, but the default is rarely what the source says
                    note = f" (meeting.name is not set: headers and messages call the meeting '{meeting.name}')"
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
            click.echo(f"{path}: ok{note}", err=True)
    return 1 if bad else 0


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
