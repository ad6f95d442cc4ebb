"""Connecting to the store's database: a SQLite file by default, PostgreSQL (or compatible) by URL.

SQLite transactions are begun by us, ``BEGIN IMMEDIATE`` for writes, so two writers never
both read a version and then both write; PostgreSQL writers lock the case row instead.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlalchemy as sa

DEFAULT_URL = "sqlite:///lifemeeting.db"


def normalize_url(url: str) -> str:
    """Plain ``postgresql://`` (or ``postgres://``) URLs use the psycopg 3 driver; a bare path is a SQLite file."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if "://" not in url:
        return "sqlite:///" + os.fspath(url)
    return url


def make_engine(url: str) -> sa.Engine:
    """A SQLAlchemy engine for ``url`` with the settings the store relies on."""
    import sqlalchemy as sa

    url = normalize_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 60})
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # the driver begins nothing by itself; _sqlite_begin does
    cur = dbapi_conn.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=60000"):
        cur.execute(f"PRAGMA {pragma}")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    write = conn.get_execution_options().get("lm_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
