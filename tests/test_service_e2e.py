"""End to end: `lifemeeting serve` as a real process, one example case driven over HTTP from plan to closed."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_support import STORES, free_port, header_and_events, store_url

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the service needs the service extra")

TOKENS = """\
actors:
  - name: 市水务局党组办公室 文书
    token: clerk-token-0123456789abcdef
    record: true
  - name: 中共市委组织部 干部一科
    token: orgdept-token-0123456789abcdef
    roles: [organization_department]
  - name: 马文斌
    token: ma-token-0123456789abcdef
    roles: [ma]
"""
CLERK, ORG, MA = ({"Authorization": f"Bearer {t}-token-0123456789abcdef"} for t in ("clerk", "orgdept", "ma"))


def _lifemeeting(*args: str, cwd: Path | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lifemeeting", *args], capture_output=True, text=True, timeout=120, cwd=cwd, **kw
    )


@contextlib.contextmanager
def serve(*args: str, cwd: Path) -> Iterator[str]:
    """`lifemeeting serve ARGS --port FREE` in ``cwd``; waits until it answers, stops it with SIGTERM afterwards."""
    port = free_port()
    env = dict(os.environ, LIFEMEETING_LOG_LEVEL="warning")
    proc = subprocess.Popen(
        [sys.executable, "-m", "lifemeeting", "serve", *args, "--port", str(port)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"serve did not start: {proc.communicate(timeout=10)}")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode in (0, -signal.SIGTERM), err  # uvicorn shuts down, then re-raises the signal


@pytest.mark.parametrize("kind", STORES)
def test_a_case_goes_from_plan_to_closed_over_http(kind, tmp_path):
    """party-group-2017 over HTTP: plan approved by the 组织部, prepared, held, duties done, closed; then moved."""
    (tmp_path / "tokens.yaml").write_text(TOKENS, encoding="utf-8")
    header, events = header_and_events("party-group-2017/ready.yaml")
    with store_url(kind, tmp_path) as url:
        with (
            serve("--db", url, "--tokens", "tokens.yaml", cwd=tmp_path) as base,
            httpx.Client(base_url=base, timeout=30) as c,
        ):
            _drive(c, header, events)
        exported = _lifemeeting("export", "water-2017", "--db", url)
    assert exported.returncode == 0, exported.stderr
    data = json.loads(exported.stdout)
    assert data["id"] == "water-2017" and [e["seq"] for e in data["events"]] == list(range(1, len(events) + 5))
    copy_db = f"sqlite:///{tmp_path / 'copy.db'}"
    copy = _lifemeeting("import", "-", "--db", copy_db, "--as", "water-copy", input=exported.stdout)
    assert copy.returncode == 0 and "imported case 'water-copy' (" in copy.stderr
    again = _lifemeeting("export", "water-copy", "--db", copy_db)
    assert json.loads(again.stdout) | {"id": "water-2017"} == data


def _drive(c, header, events) -> None:
    assert c.post("/v1/cases", json={"id": "water-2017", "case": header}, headers=CLERK).status_code == 201
    before = c.get("/v1/cases/water-2017/readiness", params={"on": "2018-01-30"}, headers=ORG).json()
    assert before["convenable"] is False and {b["rule"] for b in before["blockers"]} >= {"plan_lead_time"}
    version = 0
    for e in events:
        who = ORG if e["type"] == "approved" else CLERK
        if who is ORG:  # the clerk may not approve the plan in the 组织部's name
            assert c.post("/v1/cases/water-2017/events", json={"event": e}, headers=CLERK).status_code == 403
        r = c.post("/v1/cases/water-2017/events", json={"event": e, "expected_version": version}, headers=who)
        assert r.status_code == 201, r.text
        version = r.json()["seq"]
    ready = c.get("/v1/cases/water-2017/readiness", params={"on": "2018-01-30"}, headers=MA).json()
    assert ready["convenable"] is True and ready["blockers"] == []

    def post(event, who):
        return c.post("/v1/cases/water-2017/events", json={"event": event}, headers=who)

    assert post({"type": "held", "date": "2018-01-30"}, CLERK).status_code == 201
    assert c.get("/v1/cases/water-2017/status", params={"on": "2018-01-31"}, headers=MA).json()["stage"] == "held"
    assert post({"type": "done", "task": "briefing", "date": "2018-02-08"}, CLERK).status_code == 201
    assert post({"type": "done", "task": "rectification_list", "date": "2018-02-09"}, MA).status_code == 201
    assert post({"type": "done", "task": "report", "date": "2018-02-10"}, CLERK).status_code == 201
    status = c.get("/v1/cases/water-2017/status", params={"on": "2018-02-14"}, headers=MA).json()
    assert (status["stage"], status["overdue"], status["due_next"]) == ("closed", [], [])
    trail = c.get("/v1/cases/water-2017/events", headers=MA).json()
    assert len(trail) == len(events) + 4
    by = {(e["event"]["type"], e["event"].get("task")): e["recorded_by"] for e in trail}
    assert by[("approved", None)] == "中共市委组织部 干部一科" and by[("done", "rectification_list")] == "马文斌"


def test_serve_with_no_options_uses_a_sqlite_file_here(tmp_path):
    """`lifemeeting serve` with no store or tokens options stores in ./lifemeeting.db and answers without a token."""
    with serve(cwd=tmp_path) as base:
        health = httpx.get(base + "/v1/health").json()
        assert (health["store"], health["auth"]) == ("sqlite", "open")
        assert httpx.get(base + "/v1/rulesets").status_code == 200
    assert (tmp_path / "lifemeeting.db").is_file()


def test_serve_refuses_an_open_server_on_a_public_address(tmp_path):
    """Without --tokens, binding anything but loopback is a usage error (exit 2) and nothing starts."""
    r = _lifemeeting("serve", "--host", "0.0.0.0", "--port", str(free_port()), cwd=tmp_path)
    assert r.returncode == 2 and "without --tokens" in r.stderr
    assert not (tmp_path / "lifemeeting.db").exists()


def test_export_of_a_missing_case_is_an_error(tmp_path):
    """`lifemeeting export` of an id the store lacks prints the store's message and exits 1."""
    from lifemeeting.store import Store

    Store(f"sqlite:///{tmp_path / 's.db'}").close()  # a store without the case (a missing store: test_store.py)
    r = _lifemeeting("export", "nope", "--db", f"sqlite:///{tmp_path / 's.db'}")
    assert (r.returncode, r.stderr.strip()) == (1, "lifemeeting: no case 'nope' in the store")
