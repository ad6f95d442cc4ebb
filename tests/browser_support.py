"""A real server and a real browser: `lifemeeting serve` in a subprocess, Debian chromium driven by Playwright.

Used by tests/test_pages_browser.py and docs/screenshots.py. Playwright's own browser download
(`playwright install`) is never used: the system's /usr/bin/chromium is launched instead.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("LIFEMEETING_CHROMIUM", "/usr/bin/chromium")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install 'lifemeeting[test]')"
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no chromium at {CHROMIUM} (apt-get install chromium fonts-wqy-microhei; .ci/run does)"
    return None


def example(path: str) -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "examples" / path).read_text(encoding="utf-8"))
    loaded: dict[str, Any] = json.loads(json.dumps(data, default=str))
    return loaded


@contextmanager
def served(tmp: Path, cases: dict[str, str], *, tokens: str | None = None, clerk: str | None = None) -> Iterator[str]:
    """`lifemeeting serve` on a free loopback port over a fresh SQLite file, with ``cases`` (id → example) opened.

    ``tokens``: the text of a tokens file to serve with; ``clerk``: the token that opens the cases then.
    """
    import httpx

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    base = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in ("LIFEMEETING_TOKENS", "LIFEMEETING_DB")}
    args = ["--tokens", str(tmp / "tokens.yaml")] if tokens is not None else []
    if tokens is not None:
        (tmp / "tokens.yaml").write_text(tokens, encoding="utf-8")
    headers = {"Authorization": f"Bearer {clerk}"} if clerk else {}
    log = tmp / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lifemeeting",
                "serve",
                "--db",
                f"sqlite:///{tmp / 'pages.db'}",
                "--port",
                str(port),
                *args,
            ],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"lifemeeting serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.1)
        for case_id, path in cases.items():
            r = httpx.post(f"{base}/v1/cases", json={"id": case_id, "case": example(path)}, headers=headers, timeout=30)
            r.raise_for_status()
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()
