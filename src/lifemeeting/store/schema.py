"""The store's tables, in SQLAlchemy Core so one definition serves SQLite and PostgreSQL.

``lm_events`` is append-only: its primary key (case, seq) makes two writers of the same
version collide instead of both succeeding, and triggers refuse UPDATE and DELETE.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

SCHEMA_VERSION = "1"


class UTCDateTime(sa.types.TypeDecorator[dt.datetime]):
    """Timestamps stored in UTC and always read back timezone-aware (SQLite keeps no zone)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = sa.MetaData()

meta = sa.Table(
    "lm_meta",
    metadata,
    sa.Column("key", sa.String(50), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)

cases = sa.Table(
    "lm_cases",
    metadata,
    sa.Column("case_id", sa.String(128), primary_key=True),
    sa.Column("ruleset", sa.String(200), nullable=False),
    sa.Column("header", sa.Text, nullable=False, comment="the case document without events, JSON"),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("created_by", sa.String(200), nullable=False),
)

events = sa.Table(
    "lm_events",
    metadata,
    sa.Column("case_id", sa.String(128), sa.ForeignKey("lm_cases.case_id"), primary_key=True),
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("event", sa.Text, nullable=False, comment="the event, JSON"),
    sa.Column("recorded_at", UTCDateTime, nullable=False),
    sa.Column("recorded_by", sa.String(200), nullable=False),
    sa.Column("idempotency_key", sa.String(200)),
    sa.Column("ruleset", sa.String(200), nullable=False),
    sa.Column("ruleset_version", sa.String(100), nullable=False),
    sa.Column("ruleset_sha256", sa.String(64), nullable=False),
    sa.Column("engine", sa.String(40), nullable=False),
    sa.UniqueConstraint("case_id", "idempotency_key", name="lm_events_idempotency"),
)

_SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS lm_events_no_update BEFORE UPDATE ON lm_events "
    "BEGIN SELECT RAISE(ABORT, 'lm_events is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS lm_events_no_delete BEFORE DELETE ON lm_events "
    "BEGIN SELECT RAISE(ABORT, 'lm_events is append-only'); END",
]

# EXECUTE PROCEDURE rather than FUNCTION: older PostgreSQL and compatible servers accept it too.
_PG_TRIGGERS = [
    "CREATE OR REPLACE FUNCTION lm_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RAISE EXCEPTION 'lm_events is append-only'; END $$",
    "DROP TRIGGER IF EXISTS lm_events_append_only ON lm_events",
    "CREATE TRIGGER lm_events_append_only BEFORE UPDATE OR DELETE ON lm_events "
    "FOR EACH ROW EXECUTE PROCEDURE lm_append_only()",
]

_PG_SCHEMA_LOCK = 0x6C6D5354  # any constant: serialises concurrent first-time schema creation


def ensure(conn: sa.Connection) -> str | None:
    """Create the tables and triggers when missing; return the stored schema version if it differs."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_SCHEMA_LOCK})
    if sa.inspect(conn).has_table("lm_meta"):
        found: str | None = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
        if found == SCHEMA_VERSION:
            return None
        if found is not None:
            return found
    metadata.create_all(conn)
    for ddl in _PG_TRIGGERS if conn.dialect.name == "postgresql" else _SQLITE_TRIGGERS:
        conn.exec_driver_sql(ddl)
    conn.execute(sa.insert(meta).values(key="schema_version", value=SCHEMA_VERSION))
    return None
