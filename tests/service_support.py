"""Helpers for the store and service tests: both stores, a server on a free loopback port, example cases.

PostgreSQL tests use the server named by ``LIFEMEETING_TEST_PG_URL`` (``.ci/run`` starts one);
each test gets its own schema, dropped afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PG_ENV = "LIFEMEETING_TEST_PG_URL"
PG_SKIP = (
    f"{PG_ENV} is not set: PostgreSQL store tests need a server (bash .ci/postgres prints a URL; see docs/service.md)"
)
STORES = ["sqlite", "postgresql"]


def example(path: str) -> dict[str, Any]:
    """An example case as JSON-ready data (dates as strings)."""
    data = yaml.safe_load((ROOT / "examples" / path).read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def header_and_events(path: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    data = example(path)
    return data, data.pop("events")


@contextlib.contextmanager
def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema; the schema is dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(PG_SKIP)
    if not base.startswith("postgresql://") or any(c.isspace() for c in base):
        pytest.fail(f"{PG_ENV} must be one postgresql:// URL, got {base!r}")
    import sqlalchemy as sa

    from lifemeeting.store import normalize_url

    schema = f"lm_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(normalize_url(base))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@contextlib.contextmanager
def store_url(kind: str, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty store of ``kind`` ('sqlite' or 'postgresql')."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with pg_schema_url() as url:
            yield url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free loopback port; stop it afterwards."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)
        sock.close()


def talk(note: str) -> dict[str, Any]:
    """A cheap event the town-2014 case always accepts (talks may repeat)."""
    return {"type": "talk", "date": "2014-06-25", "between": ["zhou", "sun"], "note": note}


def town_case(store: Any, case_id: str | None = None) -> str:
    """Store the town-2014 example case without events; return its id."""
    from lifemeeting import Case

    header, _ = header_and_events("town-2014/ready.yaml")
    return store.create_case(Case.model_validate(header), actor="test", case_id=case_id).id


# -- worker processes (spawned; they import this module) -------------------------------------
def append_worker(url: str, case_id: str, count: int, worker: int) -> None:
    """Append ``count`` talk events to one case, as fast as the store takes them."""
    from lifemeeting.store import Store

    store = Store(url)
    try:
        for i in range(count):
            store.append(case_id, talk(f"w{worker}-{i}"), actor=f"worker-{worker}")
    finally:
        store.close()


def paused_writer(url: str, case_id: str, marker: str) -> None:
    """Append three events, then start a fourth and stop inside its transaction, after the INSERT, before COMMIT."""
    from lifemeeting.store import Store
    from lifemeeting.store import store as _store

    store = Store(url)
    for i in range(3):
        store.append(case_id, talk(f"before-{i}"), actor="crasher")
    original = _store.Store._write

    @contextlib.contextmanager
    def write_then_hang(self: Any) -> Iterator[Any]:
        with original(self) as conn:
            yield conn
            Path(marker).write_text("inserted, not committed", encoding="utf-8")
            time.sleep(120)  # the test kills us here

    _store.Store._write = write_then_hang  # type: ignore[method-assign]
    store.append(case_id, talk("in-flight"), actor="crasher")


def busy_writer(url: str, case_id: str, marker: str) -> None:
    """Append until killed; touch ``marker`` once the first event is stored."""
    from lifemeeting.store import Store

    store = Store(url)
    i = 0
    while i < 100_000:
        store.append(case_id, talk(f"busy-{i}"), actor="busy")
        if i == 0:
            Path(marker).write_text("writing", encoding="utf-8")
        i += 1
