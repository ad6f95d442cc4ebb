"""``lifemeeting export`` / ``import``: move a stored case, with its whole audit trail, between stores."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lifemeeting.cli.serve import need_service

DB = click.option(
    "--db",
    "db",
    envvar="LIFEMEETING_DB",
    default="sqlite:///lifemeeting.db",
    show_default=True,
    help="Event store URL (env LIFEMEETING_DB).",
)


def _existing_sqlite(db: str) -> None:
    """``StoreUnavailable`` when ``db`` is a SQLite file that does not exist (opening it would create it).

    Anything else (not a URL, a folder that is not there, another database) is left to ``Store``.
    """
    import sqlalchemy as sa

    from lifemeeting.errors import StoreUnavailable
    from lifemeeting.store import normalize_url

    try:
        url = sa.engine.make_url(normalize_url(db))
    except sa.exc.ArgumentError:
        return
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    path = Path(url.database)
    if path.parent.is_dir() and not path.exists():
        raise StoreUnavailable(str(path), "no such file; there is nothing to export (check --db)")


@click.command(name="export")
@click.argument("case_id")
@DB
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
def export(case_id: str, db: str, output: Path | None) -> int:
    """Write CASE_ID with every stored event (who, when, key, receipt) as JSON.

    Needs the service extra: pip install 'lifemeeting[service]'.
    """
    need_service()
    from lifemeeting.store import Store

    _existing_sqlite(db)  # exporting from a store that is not there must not leave an empty one behind
    store = Store(db)
    try:
        text = store.export(case_id).model_dump_json(indent=2) + "\n"
    finally:
        store.close()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    return 0


@click.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@DB
@click.option("--as", "as_id", help="Store it under this id instead of the exported one.")
def import_(file: Path, db: str, as_id: str | None) -> int:
    """Store a case written by 'lifemeeting export' (FILE, or - for stdin); its events are replayed first.

    Needs the service extra: pip install 'lifemeeting[service]'.
    """
    need_service()
    from pydantic import ValidationError

    from lifemeeting.errors import CaseError, Problem
    from lifemeeting.store import CaseExport, Store

    data_bytes = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    try:
        text = data_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CaseError.at(str(file), 1, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        data = CaseExport.model_validate_json(text)
    except ValidationError as exc:
        raise CaseError(
            [Problem(str(file), 1, 1, f"{'.'.join(map(str, e['loc']))}: {e['msg']}") for e in exc.errors()[:10]]
        ) from None
    store = Store(db)
    try:
        record = store.import_case(data, case_id=as_id)
    finally:
        store.close()
    click.echo(f"imported case '{record.id}' ({record.version} events) into {store.display_url}", err=True)
    return 0
