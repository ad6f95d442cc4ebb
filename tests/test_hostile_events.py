"""Hostile and mistaken events and requests: refused with the reason, never a crash, never a case blocked for ever."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import EXAMPLES, run_cli
from service_support import STORES, example, running, store_url

import lifemeeting as lm
from lifemeeting.dates import periods

TOWN = EXAMPLES / "town-2014" / "ready.yaml"
ON = dt.date(2014, 7, 15)


def _opened() -> lm.OpenCase:
    return lm.open_case(TOWN)


@pytest.mark.parametrize("far", ["9999-12-31", "2099-01-01"])
def test_a_far_date_is_refused_and_does_not_block_the_case(far: str) -> None:
    opened = _opened()
    before = len(opened.case.events)
    far_off = rf"第{before + 1}个事件（talk）被拒绝：日期 {far} 与规则集的年份 2014 相差超过 10 年"
    with pytest.raises(lm.EventRefused, match=far_off):
        opened.apply({"date": far, "type": "talk", "between": ["zhou", "sun"]})
    opened.apply({"date": "2014-07-15", "type": "held"})  # a real event after it is still taken
    assert opened.status(ON).stage == "held"
    lm.timeline(opened, on=ON)


def test_a_first_event_far_before_the_rule_sets_year_is_refused() -> None:
    opened = lm.open_case({**example("town-2014/ready.yaml"), "events": []})
    far_off = r"第1个事件（done）被拒绝：日期 2003-12-31 与规则集的年份 2014 相差超过 10 年"
    with pytest.raises(lm.EventRefused, match=far_off):
        opened.apply({"date": "2003-12-31", "type": "done", "task": "study"})
    opened.apply({"date": "2004-01-01", "type": "done", "task": "study"})


def test_a_case_file_with_a_far_future_event_is_refused_with_its_place(tmp_path: Any) -> None:
    text = TOWN.read_text(encoding="utf-8") + "  - {date: 9999-12-31, type: held}\n"
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(lm.EventRefused, match=r"case.yaml:\d+:5: 第\d+个事件（held）被拒绝：日期 9999-12-31"):
        lm.can_convene(path, on=ON)
    r = run_cli("check", str(path), "--on", str(ON))
    assert r.returncode != 0
    assert "日期 9999-12-31 与规则集的年份 2014 相差超过 10 年" in r.stderr


def test_an_oversized_case_file_and_a_long_note_are_refused_by_the_cli(tmp_path: Any) -> None:
    text = TOWN.read_text(encoding="utf-8")
    big, noted = tmp_path / "big.yaml", tmp_path / "noted.yaml"
    big.write_text(text + "#" + "x" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    noted.write_text(text + "  - {date: 2014-07-15, type: held, note: " + "字" * 4001 + "}\n", encoding="utf-8")
    r = run_cli("check", str(big), "--on", str(ON))
    assert r.returncode != 0
    assert "big.yaml:1:1: the file is larger than 4 MB" in r.stderr
    r = run_cli("check", str(noted), "--on", str(ON))
    assert r.returncode != 0
    assert "note: String should have at most 4000 characters" in r.stderr


def test_an_event_dated_after_the_day_it_is_recorded_has_not_happened() -> None:
    opened = _opened()
    with pytest.raises(lm.EventRefused, match=r"日期 2014-07-16 晚于记录之日（2014-07-15）"):
        opened.apply({"date": "2014-07-16", "type": "held"}, recorded_on=ON)
    opened.apply({"date": "2014-07-15", "type": "held"}, recorded_on=ON)


@pytest.mark.parametrize(
    ("event", "reason"),
    [
        (None, "事件应是一个映射.*，不是 NoneType"),
        ([1, 2], "事件应是一个映射.*，不是 list"),
        ("held", "事件应是一个映射.*，不是 str"),
        ({"date": "someday", "type": "held"}, "date: Input should be a valid date"),
        ({"date": "2014-07-15", "type": "lunch"}, "type: Input should be"),
        ({"date": "2014-07-15", "type": "talk", "between": "zhou"}, "between: Input should be a valid list"),
        ({"date": "2014-07-15", "type": "held", "note": "字" * 5000}, "note: String should have at most 4000"),
    ],
)
def test_a_malformed_event_is_refused_with_its_index(event: Any, reason: str) -> None:
    opened = _opened()
    index = len(opened.case.events)
    with pytest.raises(lm.EventRefused, match=rf"第{index + 1}个事件（.*）被拒绝：{reason}"):
        opened.apply(event)
    assert len(opened.case.events) == index


def test_today_is_asia_shanghai_for_readiness_and_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(periods, "today", lambda: ON)  # the host's date may be a day behind Shanghai's
    opened = _opened()
    assert opened.can_convene() == opened.can_convene(ON)
    assert opened.status() == opened.status(ON)


# -- the service -----------------------------------------------------------------------
httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the service needs the service extra")


@pytest.fixture(scope="module", params=STORES)
def client(request: Any, tmp_path_factory: Any) -> Any:
    from lifemeeting.service import Auth, create_app
    from lifemeeting.store import Store

    with store_url(request.param, tmp_path_factory.mktemp(request.param)) as url:
        store = Store(url)
        header = {**example("town-2014/ready.yaml"), "events": []}
        with running(create_app(store, Auth(), max_body=64 * 1024)) as base, httpx.Client(base_url=base) as c:
            assert c.post("/v1/cases", json={"id": "town", "case": header}).status_code == 201
            yield c
        store.close()


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("9999-12-31", "日期 9999-12-31 晚于记录之日"),
        ("2099-01-01", "日期 2099-01-01 晚于记录之日"),
        ("2001-01-01", "日期 2001-01-01 与规则集的年份 2014 相差超过 10 年"),
    ],
)
def test_the_service_refuses_a_far_date_with_the_reason(client: Any, date: str, reason: str) -> None:
    r = client.post("/v1/cases/town/events", json={"event": {"date": date, "type": "done", "task": "study"}})
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "event_refused"
    assert reason in r.json()["message"]
    assert client.get("/v1/cases/town/status", params={"on": "2014-07-15"}).status_code == 200


def test_the_service_refuses_an_event_dated_after_today_in_shanghai(client: Any) -> None:
    tomorrow = periods.today() + dt.timedelta(days=1)
    r = client.post("/v1/cases/town/events", json={"event": {"date": str(tomorrow), "type": "done", "task": "study"}})
    assert r.status_code == 422, r.text
    assert f"日期 {tomorrow} 晚于记录之日" in r.json()["message"]


def test_an_oversized_body_is_413_before_anything_reads_it(client: Any) -> None:
    r = client.post("/v1/cases/town/events", content=b"{" + b" " * (100 * 1024) + b"}")
    assert r.status_code == 413
    assert r.json()["code"] == "too_large"
    assert "the service takes at most 65536 bytes" in r.json()["message"]


def test_a_streamed_oversized_body_is_413(client: Any) -> None:
    def chunks() -> Any:
        for _ in range(100):
            yield b" " * 4096

    r = client.post("/v1/cases/town/events", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "passed 65536 bytes" in r.json()["message"]


def test_a_long_note_is_422(client: Any) -> None:
    event = {"date": "2014-06-16", "type": "done", "task": "study", "note": "字" * 4001}
    r = client.post("/v1/cases/town/events", json={"event": event})
    assert r.status_code == 422, r.text
    assert "at most 4000 characters" in r.text


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/cases/town/events", {"after": "1180591620717411303424"}),
        ("/v1/cases/town/events", {"limit": "-1"}),
        ("/v1/cases", {"after": "x" * 1000}),
        ("/v1/cases/town/status", {"on": "99999-01-01"}),
    ],
)
def test_every_query_parameter_is_validated(client: Any, path: str, params: dict[str, str]) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid"
    assert client.get("/v1/health").status_code == 200  # the connection still serves


def test_an_oversized_unauthenticated_body_is_413_not_read_for_the_401(tmp_path: Any) -> None:
    from lifemeeting.service import Auth, create_app
    from lifemeeting.store import Store

    store = Store(f"sqlite:///{tmp_path / 'events.db'}")
    with running(create_app(store, Auth({}), max_body=1024)) as base, httpx.Client(base_url=base) as c:
        assert c.post("/v1/cases/x/events", json={}).status_code == 401
        r = c.post("/v1/cases/x/events", content=b" " * 4096)
        assert r.status_code == 413
    store.close()


def test_a_burst_of_reads_and_hostile_requests_gets_no_5xx_and_no_reset() -> None:
    import subprocess
    import sys

    from conftest import ROOT

    r = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "burst.py"), "--requests", "200", "--threads", "8"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "200 requests on 8 threads" in r.stdout
    assert "unexpected: 0" in r.stdout


@pytest.mark.parametrize(("where", "value"), [("meeting", {"date": "9999-12-30"}), ("parameters", {"x": "2099-01-01"})])
def test_a_meeting_or_parameter_date_far_from_the_rule_sets_year_is_a_case_error(where: str, value: Any) -> None:
    case = {**example("town-2014/ready.yaml"), where: value}
    with pytest.raises(
        lm.CaseError, match=r"(9999-12-30|2099-01-01) is more than 10 years from the rule set's year 2014"
    ):
        lm.open_case(case)
    with pytest.raises(lm.CaseError, match="more than 10 years"):
        lm.can_convene(case, on=ON)
