"""Load on `lifemeeting serve`: readiness page views and recorded events per second, through HTTP.

    .venv/bin/python benchmarks/load.py                       # 1 worker, SQLite, 8 clients, 10 s each
    .venv/bin/python benchmarks/load.py --workers 2 --db postgresql://…   # another store, more processes

Bounded and loopback only: it starts `lifemeeting serve` on 127.0.0.1 (a free port, a store in
a temporary folder unless ``--db`` is given, no tokens), opens ``--cases`` copies of the
town-2014 example, then for ``--seconds`` runs ``--clients`` concurrent clients (one
keep-alive connection each, asyncio, plain HTTP/1.1) asking `GET /v1/cases/{id}/readiness`,
and then the same clients recording talk events (each into its own case, with
``expected_version``). It stops the server and prints requests/s, p50 and p99; ``--out``
writes them as JSON and ``--doc`` refreshes the figures in docs/performance.md (kept in
``benchmarks/load-results.json`` beside the runs of other stores and worker counts).
The client runs on the same machine and takes CPU from the server: the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOC = ROOT / "docs" / "performance.md"
RESULTS = HERE / "load-results.json"
START, END = "<!-- load:start (written by benchmarks/load.py) -->", "<!-- load:end -->"
TARGETS = {"readiness_rps": ("≥", 2000.0), "readiness_p99_ms": ("≤", 10.0), "events_per_s": ("≥", 500.0)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _command() -> list[str]:
    script = Path(sys.executable).with_name("lifemeeting")
    return [str(script)] if script.exists() else [sys.executable, "-m", "lifemeeting"]


def _example() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "examples" / "town-2014" / "ready.yaml").read_text(encoding="utf-8"))
    loaded: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return loaded


def _post(base: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    req = urllib.request.Request(
        base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310  loopback only
        out: dict[str, Any] = json.loads(resp.read())
        return out


def _wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"lifemeeting serve stopped with {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/v1/health", timeout=1):  # noqa: S310
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"lifemeeting serve did not answer in {timeout} s")


async def _request(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes, body: bytes = b""
) -> tuple[int, bytes]:
    writer.write(head + body)
    status_line = await reader.readline()
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        if name.lower() == b"content-length":
            length = int(value)
    payload = await reader.readexactly(length) if length else b""
    return int(status_line.split()[1]), payload


async def _readiness_client(port: int, case_ids: list[str], until: float, lat: list[float], k: int) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    heads = [
        f"GET /v1/cases/{c}/readiness?on=2014-06-30 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode() for c in case_ids
    ]
    errors, i, clock = 0, k, time.perf_counter
    while clock() < until:
        t0 = clock()
        status, _ = await _request(reader, writer, heads[i % len(heads)])
        lat.append(clock() - t0)
        errors += status != 200
        i += 1
    writer.close()
    return errors


async def _events_client(port: int, case_id: str, until: float, lat: list[float], k: int) -> int:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    errors, version, clock = 0, 0, time.perf_counter
    while clock() < until:
        event = {"type": "talk", "date": "2014-06-25", "between": ["zhou", "sun"], "note": f"c{k}-{version}"}
        body = json.dumps({"event": event, "expected_version": version}).encode()
        head = (
            f"POST /v1/cases/{case_id}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        t0 = clock()
        status, _ = await _request(reader, writer, head, body)
        lat.append(clock() - t0)
        if status == 201:
            version += 1
        else:
            errors += 1
    writer.close()
    return errors


def _summary(lat: list[float], errors: int, seconds: float) -> dict[str, Any]:
    ordered = sorted(lat)

    def q(x: float) -> float:
        return ordered[min(len(ordered) - 1, int(x * len(ordered)))] * 1e3 if ordered else float("nan")

    return {
        "requests": len(lat),
        "errors": errors,
        "per_s": len(lat) / seconds,
        "p50_ms": q(0.5),
        "p99_ms": q(0.99),
    }


async def _phase(make: Any, clients: int, seconds: float) -> dict[str, Any]:
    lat: list[float] = []
    t0 = time.perf_counter()
    until = t0 + seconds
    errors = await asyncio.gather(*(make(until, lat, k) for k in range(clients)))
    return _summary(lat, sum(errors), time.perf_counter() - t0)


def run(args: argparse.Namespace) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite:///{Path(tmp) / 'load.db'}"
        argv = [*_command(), "serve", "--db", db, "--port", str(port), "--workers", str(args.workers)]
        env = {**os.environ, "LIFEMEETING_LOG_LEVEL": "warning"}
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_up(base, proc)
            data = _example()
            header = {k: v for k, v in data.items() if k != "events"}
            stamp = int(time.time() * 1000)
            ready = [
                _post(base, "/v1/cases", {"id": f"load-{stamp}-r{i}", "case": data})["id"] for i in range(args.cases)
            ]
            rec = [
                _post(base, "/v1/cases", {"id": f"load-{stamp}-e{i}", "case": header})["id"]
                for i in range(args.clients)
            ]
            for _ in range(2):  # every case opened by every worker, as on a running service
                for c in ready:
                    urllib.request.urlopen(f"{base}/v1/cases/{c}/readiness?on=2014-06-30", timeout=30).read()  # noqa: S310

            async def both() -> tuple[dict[str, Any], dict[str, Any]]:
                r = await _phase(
                    lambda until, lat, k: _readiness_client(port, ready, until, lat, k), args.clients, args.seconds
                )
                e = await _phase(
                    lambda until, lat, k: _events_client(port, rec[k], until, lat, k), args.clients, args.seconds
                )
                return r, e

            load0 = os.getloadavg() if hasattr(os, "getloadavg") else None
            readiness, events = asyncio.run(both())
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    store = "postgresql" if db.startswith("postgresql") else "sqlite"
    measured = {
        "readiness_rps": readiness["per_s"],
        "readiness_p99_ms": readiness["p99_ms"],
        "events_per_s": events["per_s"] if not events["errors"] else events["per_s"] - events["errors"] / args.seconds,
    }
    return {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average_at_start": load0},
        "store": store,
        "workers": args.workers,
        "clients": args.clients,
        "seconds": args.seconds,
        "readiness": readiness,
        "events": events,
        "targets": {
            k: {
                "target": f"{op} {limit:g}",
                "measured": round(measured[k], 2),
                "met": measured[k] <= limit if op == "≤" else measured[k] >= limit,
            }
            for k, (op, limit) in TARGETS.items()
        },
    }


def markdown(runs: list[dict[str, Any]]) -> str:
    met = {True: "yes", False: "**no**"}
    out = [
        f"Runs from {min(r['when'] for r in runs)} to {max(r['when'] for r in runs)} on "
        f"{runs[0]['machine']['cpus']} CPUs, Python {runs[0]['machine']['python']}; "
        f"{runs[0]['clients']} concurrent clients on the same machine, {runs[0]['seconds']:g} s each phase.",
        "",
        "| store, workers | readiness req/s (≥ 2,000) | p50 / p99 ms (p99 ≤ 10) | events/s (≥ 500) | "
        "event p50 / p99 ms | met | load average at start |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in runs:
        rd, ev = r["readiness"], r["events"]
        ok = all(t["met"] for t in r["targets"].values())
        out.append(
            f"| {r['store']}, {r['workers']} | {rd['per_s']:,.0f} | {rd['p50_ms']:.1f} / {rd['p99_ms']:.1f} | "
            f"{ev['per_s']:,.0f} | {ev['p50_ms']:.1f} / {ev['p99_ms']:.1f} | {met[ok]} | "
            f"{', '.join(f'{x:.1f}' for x in r['machine']['load_average_at_start'] or [])} |"
        )
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="store URL (default: a SQLite file in a temporary folder)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1], help="server processes; several: one run each")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each phase (at most 120)")
    parser.add_argument("--cases", type=int, default=20, help="stored cases the readiness clients ask about")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    parser.add_argument("--doc", action="store_true", help=f"refresh the figures in {DOC.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    args.seconds = min(args.seconds, 120.0)  # bounded
    runs = []
    for workers in args.workers:
        one = argparse.Namespace(**{**vars(args), "workers": workers})
        r = run(one)
        runs.append(r)
        rd, ev = r["readiness"], r["events"]
        print(
            f"{r['store']}, {workers} worker(s), {args.clients} clients: readiness {rd['per_s']:,.0f} req/s, "
            f"p50 {rd['p50_ms']:.2f} ms, p99 {rd['p99_ms']:.2f} ms ({rd['errors']} errors); "
            f"events {ev['per_s']:,.0f}/s, p50 {ev['p50_ms']:.2f} ms, p99 {ev['p99_ms']:.2f} ms ({ev['errors']} errors)"
        )
        for k, t in r["targets"].items():
            print(f"  {'met ' if t['met'] else 'MISS'} {k:<18} {t['target']:<8} measured {t['measured']}")
    if args.out:
        args.out.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
    if args.doc:  # kept beside the runs of other stores and worker counts, by (store, workers)
        kept = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else []
        mine = {(r["store"], r["workers"]) for r in runs}
        runs = [r for r in kept if (r["store"], r["workers"]) not in mine] + runs
        runs.sort(key=lambda r: (r["store"] != "sqlite", r["workers"]))
        RESULTS.write_text(json.dumps(runs, indent=2) + "\n", encoding="utf-8")
        text = DOC.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        DOC.write_text(head + START + "\n" + markdown(runs) + END + tail, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
