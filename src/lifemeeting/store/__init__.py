"""The event store behind ``lifemeeting serve``: append-only, SQLite by default, PostgreSQL by URL.

Needs the ``service`` extra (SQLAlchemy, psycopg). Import it only where it is used, so the
CLI starts without loading a database driver.
"""

from lifemeeting.errors import (
    CaseExists,
    CaseNotFound,
    HistoryBroken,
    IdempotencyConflict,
    StoreError,
    StoreUnavailable,
    VersionConflict,
)
from lifemeeting.store.db import DEFAULT_URL, normalize_url
from lifemeeting.store.records import CaseExport, CaseRecord, CaseSummary, StoredEvent
from lifemeeting.store.store import Appended, Store

__all__ = [
    "DEFAULT_URL",
    "Appended",
    "CaseExists",
    "CaseExport",
    "CaseNotFound",
    "CaseRecord",
    "CaseSummary",
    "HistoryBroken",
    "IdempotencyConflict",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "StoredEvent",
    "VersionConflict",
    "normalize_url",
]
