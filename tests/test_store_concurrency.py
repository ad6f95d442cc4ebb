"""Many writers, one case stream: nothing lost, nothing doubled; a writer killed mid-append leaves a sound store."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time

import pytest
import service_support
from service_support import STORES, store_url, talk, town_case

pytest.importorskip("sqlalchemy", reason="the store needs the service extra")

from lifemeeting.store import Store  # noqa: E402

WRITERS, EACH = 8, 1000


@pytest.fixture(params=STORES)
def url(request, tmp_path):
    with store_url(request.param, tmp_path) as u:
        yield u


def _spawn(target, *args) -> mp.Process:
    p = mp.get_context("spawn").Process(target=target, args=args, daemon=True)
    p.start()
    return p


def _wait_for(path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} did not appear in {timeout}s")
        time.sleep(0.01)


def _assert_sound(store: Store, case_id: str) -> int:
    """The stream is 1..N with no gap, and replaying it gives N applied events."""
    events = store.events(case_id, limit=None)
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    fresh = Store(store.url)
    try:
        assert fresh.with_case(case_id, lambda o: o.state.applied) == len(events)
    finally:
        fresh.close()
    return len(events)


def test_eight_processes_append_eight_thousand_events(url):
    """8 processes × 1,000 appends to one case give exactly 8,000 events, each once, in one gapless stream."""
    store = Store(url)
    case_id = town_case(store)
    workers = [_spawn(service_support.append_worker, url, case_id, EACH, w) for w in range(WRITERS)]
    for p in workers:
        p.join(240)
    assert [p.exitcode for p in workers] == [0] * WRITERS
    events = store.events(case_id, limit=None)
    notes = [e.event.note for e in events]
    assert len(events) == WRITERS * EACH
    assert sorted(notes) == sorted(f"w{w}-{i}" for w in range(WRITERS) for i in range(EACH))
    for w in range(WRITERS):  # each writer's own events kept their order
        mine = [n for n in notes if n.startswith(f"w{w}-")]
        assert mine == [f"w{w}-{i}" for i in range(EACH)]
    assert _assert_sound(store, case_id) == WRITERS * EACH
    store.close()


def test_a_writer_killed_inside_its_transaction_loses_only_that_event(url, tmp_path):
    """SIGKILL between INSERT and COMMIT: the store opens, replays the three committed events, takes more."""
    store = Store(url)
    case_id = town_case(store)
    marker = tmp_path / "inside"
    p = _spawn(service_support.paused_writer, url, case_id, str(marker))
    _wait_for(marker)
    os.kill(p.pid, signal.SIGKILL)
    p.join(30)
    assert p.exitcode == -signal.SIGKILL
    assert [e.event.note for e in store.events(case_id)] == ["before-0", "before-1", "before-2"]
    assert store.append(case_id, talk("after the crash"), actor="survivor", expected_version=3).stored.seq == 4
    assert _assert_sound(store, case_id) == 4
    store.close()


def test_a_busy_writer_killed_at_any_moment_leaves_a_stream_that_replays(url, tmp_path):
    """Writers killed with SIGKILL at arbitrary moments of an append loop leave a gapless, replayable stream."""
    store = Store(url)
    case_id = town_case(store)
    for round_ in range(3):
        marker = tmp_path / f"busy-{round_}"
        p = _spawn(service_support.busy_writer, url, case_id, str(marker))
        _wait_for(marker)
        time.sleep(0.2 + 0.1 * round_)
        os.kill(p.pid, signal.SIGKILL)
        p.join(30)
        assert p.exitcode == -signal.SIGKILL
    count = _assert_sound(store, case_id)
    assert count >= 3
    assert store.append(case_id, talk("after"), actor="survivor", expected_version=count).stored.seq == count + 1
    store.close()
