"""A burst of requests against a real ``lifemeeting serve``: how many answer, how fast, how many fail.

    .venv/bin/python benchmarks/burst.py --requests 2000 --threads 16

Starts the service on a fresh SQLite store (open, loopback), stores the town-2014 example
case, then sends the burst from ``--threads`` threads, each with its own connection: a mix of
readiness, status and event-list reads and, in about one request of five, a hostile one (a body over
the limit, an out-of-range ``after``, a far-future event) that must be refused with 413 or 422.
Prints requests per second, p50/p99 latency, and the count of unexpected answers (any 5xx,
a reset connection, or a hostile request not refused); exits non-zero if there is any.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
CASE = ROOT / "examples" / "town-2014" / "ready.yaml"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _requests(n: int) -> list[tuple[str, str, Any, set[int]]]:
    """(method, path, body, accepted statuses) for request ``i``: mostly reads, one in ten hostile."""
    out: list[tuple[str, str, Any, set[int]]] = []
    for i in range(n):
        k = i % 10
        if i % 50 == 7:
            out.append(("POST", "/v1/cases/town/events", b" " * (17 * 1024 * 1024), {413}))
        elif k == 8:
            out.append(("GET", "/v1/cases/town/events?after=1180591620717411303424", None, {422}))
        elif k == 9:
            far = {"event": {"date": "9999-12-31", "type": "done", "task": "study"}}
            out.append(("POST", "/v1/cases/town/events", far, {422}))
        elif k % 3 == 0:
            out.append(("GET", "/v1/cases/town/status?on=2014-07-15", None, {200}))
        elif k % 3 == 1:
            out.append(("GET", "/v1/cases/town/readiness?on=2014-07-15", None, {200}))
        else:
            out.append(("GET", "/v1/cases/town/events?limit=50", None, {200}))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=16)
    args = parser.parse_args(argv)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen(
            [sys.executable, "-m", "lifemeeting", "serve", "--db", f"sqlite:///{tmp}/burst.db", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(200):
                try:
                    if httpx.get(f"{base}/v1/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.05)
            case = yaml.safe_load(CASE.read_text(encoding="utf-8"))
            payload = json.dumps({"id": "town", "case": case}, default=str)
            r = httpx.post(f"{base}/v1/cases", content=payload, headers={"content-type": "application/json"})
            assert r.status_code == 201, r.text
            work = _requests(args.requests)
            latencies: list[float] = []
            unexpected: list[str] = []
            lock = threading.Lock()

            def worker(t: int) -> None:
                with httpx.Client(base_url=base, timeout=60) as client:
                    for method, path, body, ok in work[t :: args.threads]:
                        t0 = time.perf_counter()
                        try:
                            if isinstance(body, bytes):
                                resp = client.request(method, path, content=body)
                            else:
                                resp = client.request(method, path, json=body)
                            status: int | str = resp.status_code
                        except httpx.TransportError as exc:
                            status = type(exc).__name__
                        took = time.perf_counter() - t0
                        with lock:
                            latencies.append(took)
                            if status not in ok:
                                unexpected.append(f"{method} {path[:60]} -> {status}")

            started = time.perf_counter()
            threads = [threading.Thread(target=worker, args=(t,)) for t in range(args.threads)]
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            elapsed = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=10)
    latencies.sort()
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(
        f"{len(latencies)} requests on {args.threads} threads in {elapsed:.1f} s: {len(latencies) / elapsed:.0f}/s,"
        f" p50 {statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms; unexpected: {len(unexpected)}"
    )
    for line in unexpected[:10]:
        print("  " + line)
    return 1 if unexpected else 0


if __name__ == "__main__":
    raise SystemExit(main())
