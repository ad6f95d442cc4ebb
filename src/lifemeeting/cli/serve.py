"""``lifemeeting serve``: the HTTP service over an event store (FastAPI and uvicorn, imported only here)."""

from __future__ import annotations

import ipaddress
import json
import os

import click

ENV_DB, ENV_TOKENS = "LIFEMEETING_SERVE_DB", "LIFEMEETING_SERVE_TOKENS"  # how `--workers N` hands them on
INSTALL_HINT = "this command needs the service extra: pip install 'lifemeeting[service]'"


def need_service() -> None:
    """A ClickException with the install hint when FastAPI, uvicorn or SQLAlchemy is missing."""
    import importlib.util

    missing = [m for m in ("fastapi", "uvicorn", "sqlalchemy") if importlib.util.find_spec(m) is None]
    if missing:
        raise click.ClickException(f"{INSTALL_HINT} (missing: {', '.join(missing)})")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option(
    "--db",
    "db",
    envvar="LIFEMEETING_DB",
    default="sqlite:///lifemeeting.db",
    show_default=True,
    help="Event store: a SQLite file URL, or postgresql://USER:PASSWORD@HOST:PORT/DB (env LIFEMEETING_DB).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to bind.")
@click.option(
    "--tokens",
    "tokens",
    envvar="LIFEMEETING_TOKENS",
    type=click.Path(dir_okay=False),
    help="Tokens file mapping API tokens to actors (env LIFEMEETING_TOKENS); without it: open, loopback only.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes sharing the port and the store (SQLite in WAL mode, or PostgreSQL).",
)
@click.option(
    "--access-log", is_flag=True, help="Log a line per request (off by default: it costs ~20% of a page view)."
)
@click.option("--openapi", "print_openapi", is_flag=True, help="Print the OpenAPI document and exit.")
def serve(
    db: str, host: str, port: int, tokens: str | None, workers: int, access_log: bool, print_openapi: bool
) -> int:
    """Serve rule sets and stored cases over HTTP: record events, ask readiness (see docs/service.md)."""
    need_service()
    from lifemeeting.service import Auth, create_app, openapi_document

    if print_openapi:
        click.echo(json.dumps(openapi_document(), ensure_ascii=False, indent=2))
        return 0
    if tokens is None and not _loopback(host):
        raise click.UsageError(
            f"without --tokens the service is open to anyone who reaches it; bind to 127.0.0.1, not '{host}'"
        )
    auth = Auth.from_file(tokens) if tokens else Auth()
    import uvicorn

    from lifemeeting.store import Store

    store = Store(db)  # opened (its tables created) once here, before any worker starts
    who = f"tokens from {tokens}" if tokens else "no tokens file: open on loopback, every request acts as 'local'"
    procs = f"; {workers} worker processes" if workers > 1 else ""
    click.echo(f"lifemeeting serve: store {store.display_url} ({store.kind}); {who}{procs}", err=True)
    click.echo(
        f"lifemeeting serve: http://{host}:{port}/v1/health  OpenAPI: http://{host}:{port}/openapi.json", err=True
    )
    options: dict[str, object] = {
        "host": host,
        "port": port,
        "log_level": os.environ.get("LIFEMEETING_LOG_LEVEL", "info"),
        "access_log": access_log,
    }
    if workers > 1:  # each worker imports the app factory and opens its own connection pool to the one store
        store.close()
        os.environ[ENV_DB] = db
        os.environ.pop(ENV_TOKENS, None)
        if tokens:
            os.environ[ENV_TOKENS] = os.path.abspath(tokens)
        uvicorn.run("lifemeeting.service.app:from_environment", factory=True, workers=workers, **options)  # type: ignore[arg-type]
        return 0
    try:
        uvicorn.run(create_app(store, auth), **options)  # type: ignore[arg-type]
    finally:
        store.close()
    return 0
