"""``lifemeeting pin CASE``: record in the case the rule set's version and sha256 it is judged under."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lifemeeting.answers.open import read_case
from lifemeeting.case.pinning import pin_for, set_pin_in_yaml, verify, write_snapshot
from lifemeeting.errors import CaseError, Problem
from lifemeeting.ruleset.load import load_ruleset


@click.command()
@click.argument("case_file", metavar="CASE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--snapshot",
    is_flag=True,
    help="Also keep a copy of the rule set next to the case (CASE.ruleset.json), so a later change can be shown.",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Change nothing: say whether the case's rule set is still the one it is pinned to.",
)
def pin(case_file: Path, snapshot: bool, check_only: bool) -> int:
    """Pin CASE to the current version and content (sha256) of its rule set.

    Afterwards, opening the case against a changed rule set is refused with what changed,
    instead of judging it silently by new rules. Pin again to accept the new rules.
    """
    case, located = read_case(case_file)
    loaded = load_ruleset(case.ruleset)
    if check_only:
        if case.pinned is None:
            raise CaseError([Problem(str(case_file), 1, 1, "the case is not pinned; run `lifemeeting pin` on it")])
        verify(case, loaded, located)
        click.echo(f"{case_file}: still {loaded.model.id} {loaded.model.version} sha256:{loaded.sha256}")
        return 0
    name = None
    if snapshot:
        target = case_file.with_name(f"{case_file.stem}.ruleset.json")
        write_snapshot(loaded, target)
        name = target.name
    new = pin_for(loaded, snapshot=name)
    text = case_file.read_text(encoding="utf-8")
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        data["pinned"] = new.model_dump(exclude_none=True)
        updated: str | None = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        updated = set_pin_in_yaml(text, new)
    if updated is None:
        raise CaseError(
            [
                Problem(
                    str(case_file),
                    1,
                    1,
                    "no top-level 'ruleset:' line to put 'pinned:' after; add it by hand: "
                    + json.dumps(new.model_dump(exclude_none=True)),
                )
            ]
        )
    case_file.write_text(updated, encoding="utf-8")
    click.echo(f"{case_file}: pinned to {loaded.model.id} {loaded.model.version} sha256:{loaded.sha256}")
    return 0
