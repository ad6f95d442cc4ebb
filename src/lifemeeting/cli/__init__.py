"""The ``lifemeeting`` command. Exit codes: 0 yes / ok, 1 bad input, 2 usage, 3 cannot convene yet."""

from __future__ import annotations

import sys

import click

from .._errors import LifemeetingError
from ._bulk import bulk
from ._chain import chain
from ._check import check
from ._coverage import coverage, spec
from ._diagram import diagram
from ._diff import diff
from ._options import rulesets_option
from ._pin import pin
from ._plan import plan
from ._rulesets import rulesets, schema, show, validate
from ._serve import serve
from ._status import status
from ._transfer import export, import_

EXIT_NOT_READY = 3


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="lifemeeting", message="lifemeeting %(version)s")
def cli() -> None:
    """专题民主生活会 rules as code: can this meeting be convened yet, and why not?

    \b
    Start with:
      lifemeeting rulesets                      the bundled rule sets
      lifemeeting check CASE.yaml --on 2014-06-16   (example cases: examples/)
    """


for command in (rulesets, show, validate, schema, check, plan, status, bulk, chain, diagram, serve, export, import_):
    cli.add_command(command)
for command in (diff, pin, coverage, spec):
    cli.add_command(command)
for command in (cli, *cli.commands.values()):  # --rulesets DIR on the group and on every command
    command.params.append(rulesets_option())


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a LifemeetingError becomes a message on stderr and exit code 1, never a traceback."""
    try:
        code = cli.main(args=argv, prog_name="lifemeeting", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except LifemeetingError as exc:
        click.echo(f"lifemeeting: {exc}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        click.echo(f"lifemeeting: {exc}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
