"""``--rulesets DIR``: also find rule sets in a folder, on the command group or on any command."""

from __future__ import annotations

import click


def _use_dirs(ctx: click.Context, _param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    if value:
        from lifemeeting.ruleset import discovery as _discovery  # imported by the commands that look

        token = _discovery.add_dirs(value)
        ctx.call_on_close(lambda: _discovery.reset_dirs(token))
    return value


def rulesets_option() -> click.Option:
    """A fresh ``--rulesets`` option (one per command: click options are not shared)."""
    return click.Option(
        ["--rulesets", "ruleset_dirs"],
        multiple=True,
        metavar="DIR",
        type=click.Path(exists=True, file_okay=False),
        expose_value=False,
        callback=_use_dirs,
        help="Also find rule sets in DIR (repeatable), like LIFEMEETING_RULESETS.",
    )
