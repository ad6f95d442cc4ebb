"""Several server processes over one store: two replicas on one PostgreSQL, and `serve --workers 2` on SQLite.

Each client records its events with an ``Idempotency-Key`` and the ``expected_version`` it
last saw, and on a 409 ``version_conflict`` sends the same event again with the version the
server named; afterwards every event is in the stream exactly once, in one gapless sequence.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_support import free_port, header_and_events, pg_schema_url, talk

httpx = pytest.importorskip("httpx", reason="the service tests need httpx (the test extra)")
pytest.importorskip("uvicorn", reason="lifemeeting serve needs the service extra")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("lifemeeting")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lifemeeting"]


@contextlib.contextmanager
def serving(url: str, *, workers: int = 1) -> Iterator[str]:
    """``lifemeeting serve`` in its own process on a free loopback port; stopped (SIGINT) afterwards."""
    port = free_port()
    env = {**os.environ, "LIFEMEETING_LOG_LEVEL": "warning", "LIFEMEETING_TOKENS": ""}
    env.pop("LIFEMEETING_TOKENS")
    argv = [*_command(), "serve", "--db", url, "--port", str(port), "--workers", str(workers)]
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise AssertionError(f"lifemeeting serve stopped: {log.read().decode(errors='replace')}")
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "lifemeeting serve did not come up in 60 s"
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _record(base: str, case_id: str, tag: str, count: int, failures: list[str]) -> None:
    """Record ``count`` talks through ``base``: each with its own key, retried on a version conflict."""
    version = 0
    with httpx.Client(base_url=base, timeout=60) as client:
        for i in range(count):
            body = {"event": talk(f"{tag}-{i}"), "expected_version": version}
            for _attempt in range(1000):
                r = client.post(f"/v1/cases/{case_id}/events", json=body, headers={"Idempotency-Key": f"{tag}-{i}"})
                if r.status_code == 409 and r.json()["code"] == "version_conflict":
                    body["expected_version"] = version = r.json()["current_version"]
                    continue
                break
            if r.status_code not in (200, 201):
                failures.append(f"{tag}-{i}: {r.status_code} {r.text}")
                return
            version = r.json()["seq"]


def _concurrently(bases: list[str], count: int) -> None:
    header, _ = header_and_events("town-2014/ready.yaml")
    created = httpx.post(bases[0] + "/v1/cases", json={"id": "shared", "case": header}, timeout=60)
    assert created.status_code == 201, created.text
    failures: list[str] = []
    threads = [
        threading.Thread(target=_record, args=(base, "shared", f"p{k}", count, failures))
        for k, base in enumerate(bases)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    for base in bases:  # every process sees the same stream
        events = httpx.get(base + "/v1/cases/shared/events", params={"limit": 10000}, timeout=60).json()
        assert [e["seq"] for e in events] == list(range(1, len(bases) * count + 1))
        notes = [e["event"]["note"] for e in events]
        assert sorted(notes) == sorted(f"p{k}-{i}" for k in range(len(bases)) for i in range(count))
        for k in range(len(bases)):  # each client's events kept its order
            assert [n for n in notes if n.startswith(f"p{k}-")] == [f"p{k}-{i}" for i in range(count)]
        assert [e["idempotency_key"] for e in events] == notes
        readiness = httpx.get(base + "/v1/cases/shared/readiness", params={"on": "2014-06-30"}, timeout=60)
        assert readiness.status_code == 200


def test_two_server_processes_on_one_postgresql_record_every_event_once():
    """Two replicas of `lifemeeting serve` on one PostgreSQL; 2 × 1,000 events into one case, each stored once."""
    with pg_schema_url() as url, serving(url) as one, serving(url) as two:
        _concurrently([one, two], 1000)


def test_serve_workers_share_one_sqlite_store(tmp_path):
    """`serve --workers 2` on one SQLite file (WAL): two clients' events each stored once, in one stream."""
    with serving(f"sqlite:///{tmp_path / 'store.db'}", workers=2) as base:
        _concurrently([base, base], 200)
