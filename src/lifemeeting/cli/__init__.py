"""The ``lifemeeting`` command. Exit codes: 0 yes / ok, 1 bad input, 2 usage, 3 cannot convene yet."""

from __future__ import annotations

import gc
import importlib
import sys

import click

from lifemeeting.cli.options import rulesets_option
from lifemeeting.errors import DATE_OUT_OF_RANGE, LifemeetingError

# Each command's module is imported only when that command runs (or --help lists them all):
# a command's dependencies (the service framework, Graphviz, the store, the coverage tools)
# cost nothing to the others.
COMMANDS = {  # name → module:function
    "bulk": "lifemeeting.cli.bulk:bulk",
    "chain": "lifemeeting.cli.chain:chain",
    "check": "lifemeeting.cli.check:check",
    "coverage": "lifemeeting.cli.coverage:coverage",
    "diagram": "lifemeeting.cli.diagram:diagram",
    "diff": "lifemeeting.cli.diff:diff",
    "document": "lifemeeting.cli.document:document",
    "export": "lifemeeting.cli.transfer:export",
    "import": "lifemeeting.cli.transfer:import_",
    "pin": "lifemeeting.cli.pin:pin",
    "rulesets": "lifemeeting.cli.rulesets:rulesets",
    "schema": "lifemeeting.cli.rulesets:schema",
    "serve": "lifemeeting.cli.serve:serve",
    "show": "lifemeeting.cli.rulesets:show",
    "spec": "lifemeeting.cli.coverage:spec",
    "status": "lifemeeting.cli.status:status",
    "timeline": "lifemeeting.cli.timeline:timeline",
    "validate": "lifemeeting.cli.rulesets:validate",
}

# What `lifemeeting --help` lists for each command: the first paragraph of its help, kept here so
# that listing them imports none (a test holds each to its command's own help).
SUMMARIES = {
    "bulk": (
        "Answer every case in CASES: a folder of case files, one case file, or a .jsonl file with one case per line."
    ),
    "chain": "Which links does a material pass? SOURCE is a RULESET (id or file) or a CASE file.",
    "check": "Can the meeting of CASE be convened? Exit 0 yes, 3 not yet, 1 bad input.",
    "coverage": "Per source: clauses encoded, tested by a scenario, listed as not checkable, and the rest by section.",
    "diagram": "Draw a review chain (SOURCE a RULESET) or where a case's materials stand (SOURCE a CASE).",
    "diff": "What differs between rule sets A and B (ids or files): chains, talks, gates, deadlines, thresholds.",
    "document": (
        "Write the 方案 of CASE: purpose, time and place, attendees, preparation with owners and dates,\n"
        "review chains, required talks, agenda, post-meeting duties, each rule cited."
    ),
    "export": "Write CASE_ID with every stored event (who, when, key, receipt) as JSON.",
    "import": "Store a case written by 'lifemeeting export' (FILE, or - for stdin); its events are replayed first.",
    "pin": "Pin CASE to the current version and content (sha256) of its rule set.",
    "rulesets": "List the rule sets that can be named by id.",
    "schema": "Print the JSON Schema of rule-set files, case files, or the answers of check, status and timeline.",
    "serve": "Serve rule sets and stored cases over HTTP: record events, ask readiness (see docs/service.md).",
    "show": "Show a rule set's tiers, chains, talks, gates, deadlines, conditions and windows (RULESET: id or file).",
    "spec": "Render the feature files as Markdown (one page per feature, and an index) for readers who run nothing.",
    "status": "Where CASE stands: stage, round, duties done / due / overdue. Exit 0, or 1 for bad input.",
    "timeline": "Every deadline of CASE with owner and status; the earliest day it may meet; --move-to what-if.",
    "validate": "Check rule-set or case files; print FILE:LINE:COL: message for each problem.",
}

# Commands that answer about one case and exit. Their start-up (click, pydantic, the models, the rule
# set, the case) makes objects that live until the process ends, so a garbage collection finds nothing
# to free: run as the program (``main()`` without argv), they run with the collector off, and at the
# end what is left is frozen so that the interpreter's shutdown does not walk it again (together
# ~25 ms of the ~170 ms CPU ``check`` took; tests/test_cold_start.py). Every other command (bulk and
# serve run long) gets the collector back as soon as it is chosen; a caller passing argv keeps its own.
BRIEF = frozenset({"check", "status", "timeline"})

# Old spellings other systems may script: each runs the command it names, and --help lists only the new one.
ALIASES = {"plan": "timeline"}  # 方案 (plan) is the document a unit writes; the command shows its timeline


class _LazyGroup(click.Group):
    """A group whose commands are imported on first use, each given the shared --rulesets option."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help`` from ``SUMMARIES``, shortened as click shortens a command's help."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(n) for n in names)
        with formatter.section("Commands"):  # a stand-in command shortens the text as the real one would
            formatter.write_dl([(n, click.Command(n, help=SUMMARIES[n]).get_short_help_str(limit)) for n in names])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd_name = ALIASES.get(cmd_name, cmd_name)
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in COMMANDS:
            module, attr = COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module), attr)
            command.params.append(rulesets_option())
            self.add_command(command, cmd_name)
        if command is not None and cmd_name not in BRIEF and _collector.paused:
            _collector.resume()
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError as exc:  # a misspelt command: say which one was probably meant
            from lifemeeting.suggest import closest

            close = closest(args[0], [*COMMANDS, *ALIASES]) if args else None
            if close:
                raise click.UsageError(f"{exc.message} Did you mean '{close}'?", ctx) from None
            raise


EXIT_NOT_READY = 3


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="lifemeeting", message="lifemeeting %(version)s")
def cli() -> None:
    """生活会 rules as code (each named as its rule set names it): can this meeting be convened yet?

    \b
    Start with:
      lifemeeting rulesets                      the bundled rule sets
      lifemeeting check CASE.yaml --on 2014-06-16   (example cases: examples/)
    """


cli.params.append(rulesets_option())  # --rulesets DIR on the group too


class _Collector:
    """The garbage collector as the ``lifemeeting`` process runs it (see ``BRIEF``)."""

    paused = False

    def pause(self) -> None:
        if gc.isenabled():
            gc.disable()
            self.paused = True

    def resume(self) -> None:
        gc.enable()
        self.paused = False

    def finish(self) -> None:
        """At the end of a brief command (or --help, or a usage error): what is left needs no walk at shutdown."""
        if self.paused:
            gc.freeze()


_collector = _Collector()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a LifemeetingError becomes a message on stderr and exit code 1, never a traceback.

    Under ``--json`` the error is also printed on stdout as a JSON object (``cli.json_error``), for programs.
    Without ``argv`` (the ``lifemeeting`` process itself), the garbage collector runs as ``BRIEF`` says.
    """
    if argv is not None:
        _main(argv)
        return
    _collector.pause()
    try:
        _main(sys.argv[1:])
    finally:
        _collector.finish()


def _main(args: list[str]) -> None:
    try:
        code = cli.main(args=args, prog_name="lifemeeting", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        _json_error(args, exc)
        exc.show()
        sys.exit(exc.exit_code)
    except LifemeetingError as exc:
        _json_error(args, exc)
        click.echo(f"lifemeeting: {exc}", err=True)
        sys.exit(exc.exit_code)
    except (
        OverflowError
    ) as exc:  # a date in the case (or --on, --move-to) so far out that counting from it leaves 1..9999
        _json_error(args, exc)
        click.echo(f"lifemeeting: {DATE_OUT_OF_RANGE} ({exc})", err=True)
        sys.exit(1)
    except OSError as exc:  # a file given to write (or read) that cannot be: its name first, as for FILE:LINE
        where = f"{exc.filename}: " if exc.filename is not None else ""
        message = f"{where}{exc.strerror or exc}"
        _json_error(args, exc)
        click.echo(f"lifemeeting: {message}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


def _json_error(args: list[str], exc: Exception) -> None:
    """Print the error as JSON on stdout when the command line asked for --json (the message still goes to stderr)."""
    from lifemeeting.cli import json_error

    if json_error.wants_json(args):
        click.echo(json_error.for_exception(exc))
