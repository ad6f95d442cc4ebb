"""The HTTP service answers as the library does: same answers, same rule ids, messages and citations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from service_support import ROOT, STORES, example, header_and_events, running, store_url

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the service needs the service extra")

import lifemeeting  # noqa: E402
from lifemeeting.service import Auth, create_app, openapi_document  # noqa: E402
from lifemeeting.store import Store  # noqa: E402

ON = dt.date(2014, 7, 15)


@pytest.fixture(scope="module", params=STORES)
def client(request, tmp_path_factory):
    """An open server (no tokens file) on one store kind, holding the town-2014 example as case 'town'."""
    with store_url(request.param, tmp_path_factory.mktemp(request.param)) as url:
        store = Store(url)
        with running(create_app(store, Auth())) as base, httpx.Client(base_url=base, timeout=30) as c:
            r = c.post("/v1/cases", json={"id": "town", "case": example("town-2014/ready.yaml")})
            assert r.status_code == 201, r.text
            yield c
        store.close()


def test_openapi_document_in_docs_is_current():
    """docs/openapi.json is what the service serves (regenerate: `lifemeeting serve --openapi > docs/openapi.json`)."""
    kept = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
    assert kept == openapi_document()


def test_the_served_openapi_document_is_the_kept_one(client):
    """GET /openapi.json returns the document kept in docs/."""
    assert client.get("/openapi.json").json() == openapi_document()


def test_readiness_status_and_timeline_are_the_librarys(client):
    """Readiness, status and timeline of a stored case equal the library's answers on the example file."""
    path = ROOT / "examples" / "town-2014" / "ready.yaml"
    assert client.get("/v1/cases/town/readiness", params={"on": str(ON)}).json() == json.loads(
        lifemeeting.can_convene(path, on=ON).model_dump_json()
    )
    opened = lifemeeting.open_case(path)
    assert client.get("/v1/cases/town/status", params={"on": str(ON)}).json() == json.loads(
        opened.status(ON).model_dump_json()
    )
    expected = lifemeeting.timeline(path, on=ON, move_to=dt.date(2014, 7, 25))
    got = client.get("/v1/cases/town/timeline", params={"on": str(ON), "move_to": "2014-07-25"}).json()
    assert got == json.loads(expected.model_dump_json())


def test_the_plan_document_is_the_librarys(client):
    """document?format=md is the library's Markdown 方案; docx is a Word file with its name in the header."""
    from lifemeeting.answers.plan_document import plan_document
    from lifemeeting.render.document_md import document_md

    r = client.get("/v1/cases/town/document", params={"on": str(ON), "format": "md"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/markdown")
    assert r.text == document_md(plan_document(ROOT / "examples/town-2014/ready.yaml", on=ON))
    r = client.get("/v1/cases/town/document", params={"on": str(ON)})
    assert r.status_code == 200 and r.content.startswith(b"PK")
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="town.docx"' in r.headers["content-disposition"]


def test_the_timeline_calendar_is_the_librarys(client):
    """timeline.ics is the library's iCalendar file for the same day."""
    r = client.get("/v1/cases/town/timeline.ics", params={"on": str(ON)})
    assert r.headers["content-type"] == "text/calendar; charset=utf-8"
    assert r.content == lifemeeting.timeline_ics(lifemeeting.timeline(ROOT / "examples/town-2014/ready.yaml", on=ON))


def test_a_refused_held_carries_the_blockers_with_rule_ids_and_citations(client):
    """Holding the meeting too early is 422 event_refused with the engine's reason and every cited blocker."""
    header, events = header_and_events("town-2014/blocked-talks-incomplete.yaml")
    assert client.post("/v1/cases", json={"id": "town-blocked", "case": header | {"events": events}}).status_code == 201
    r = client.post("/v1/cases/town-blocked/events", json={"event": {"type": "held", "date": str(ON)}})
    body = r.json()
    assert (r.status_code, body["code"], body["event_type"], body["index"]) == (
        422,
        "event_refused",
        "held",
        len(events),
    )
    expected = lifemeeting.can_convene(header | {"events": events}, on=ON)
    assert body["blockers"] == [json.loads(b.model_dump_json()) for b in expected.blockers]
    assert body["blockers"] and all(b["citation"]["quote"] for b in body["blockers"])
    assert body["reason"].startswith(f"{ON} 还不能召开专题民主生活会：")
    assert client.get("/v1/cases/town-blocked").json()["version"] == len(events)


def test_an_event_the_engine_refuses_keeps_its_message(client):
    """A refused event answers with the library's own message and index."""
    r = client.post("/v1/cases/town/events", json={"event": {"type": "done", "task": "stduy", "date": "2014-07-12"}})
    assert r.status_code == 422
    with pytest.raises(lifemeeting.EventRefused) as info:
        lifemeeting.open_case(ROOT / "examples/town-2014/ready.yaml").apply(
            {"type": "done", "task": "stduy", "date": "2014-07-12"}
        )
    assert r.json()["message"] == str(info.value).split(": ", 1)[-1] or r.json()["reason"] == info.value.reason
    assert r.json()["reason"] == info.value.reason and "是否指 'study'" in r.json()["reason"]


def test_the_audit_trail_and_the_case_document(client):
    """GET events lists who recorded each event; GET case gives the case document with every event and its version."""
    trail = client.get("/v1/cases/town/events", params={"after": 27}).json()
    assert [e["seq"] for e in trail] == [28, 29] and {e["recorded_by"] for e in trail} == {"local"}
    record = client.get("/v1/cases/town").json()
    assert record["version"] == len(record["case"]["events"]) == 29
    assert (
        lifemeeting.Case.model_validate(record["case"])
        == lifemeeting.read_case(ROOT / "examples/town-2014/ready.yaml")[0]
    )


def test_an_idempotent_repeat_returns_the_first_event(client):
    """The same Idempotency-Key twice: 201 then 200 with the same stored event; one event written."""
    header, _ = header_and_events("town-2014/ready.yaml")
    created = client.post("/v1/cases", json={"case": header})
    assert created.status_code == 201 and created.headers["location"] == f"/v1/cases/{created.json()['id']}"
    url = created.headers["location"] + "/events"
    body = {"event": {"type": "done", "task": "study", "date": "2014-06-16"}}
    first = client.post(url, json=body, headers={"Idempotency-Key": "req-42"})
    again = client.post(url, json=body, headers={"Idempotency-Key": "req-42"})
    assert (first.status_code, again.status_code, again.json()) == (201, 200, first.json())
    other = client.post(
        url, json={"event": body["event"] | {"date": "2014-06-17"}}, headers={"Idempotency-Key": "req-42"}
    )
    assert (other.status_code, other.json()["code"]) == (409, "idempotency_conflict")
    assert client.get(created.headers["location"]).json()["version"] == 1


def test_rule_sets_schemas_and_chains_are_the_librarys(client):
    """Rule-set list, document, JSON Schemas and chain answers equal the library's."""
    assert [r["id"] for r in client.get("/v1/rulesets").json()] == list(lifemeeting.available())
    doc = client.get("/v1/rulesets/puyang-2014").json()
    loaded = lifemeeting.load_ruleset("puyang-2014")
    assert doc["receipt"]["sha256"] == loaded.sha256
    assert doc["ruleset"] == json.loads(loaded.model.model_dump_json(by_alias=True))
    assert client.get("/v1/schemas/case").json() == lifemeeting.Case.model_json_schema(by_alias=True)
    got = client.get(
        "/v1/rulesets/puyang-2014/positions/县（区）委常委/chains",
        params={"tier": "county", "unit": "liaison_point=true"},
    ).json()
    want = lifemeeting.subject_chains(
        "puyang-2014", position="县（区）委常委", tier="county", unit=["liaison_point=true"]
    )
    assert got == [json.loads(c.model_dump_json()) for c in want]
    got = client.get("/v1/rulesets/puyang-2014/chains", params={"tier": "county", "material": "examination"}).json()
    assert got == [
        json.loads(c.model_dump_json())
        for c in lifemeeting.tier_chains("puyang-2014", tier="county", material="examination")
    ]


def test_diagrams_are_the_librarys(client):
    """The Mermaid diagram is the library's text; SVG is drawn when Graphviz is installed, else 501 with the hint."""
    r = client.get("/v1/rulesets/puyang-2014/diagram", params={"tier": "county", "position": "county_standing_member"})
    assert r.text == lifemeeting.chain_diagram("puyang-2014", tier="county", position="county_standing_member")
    svg = client.get("/v1/rulesets/puyang-2014/diagram", params={"tier": "county", "format": "svg"})
    if svg.status_code == 501:
        assert svg.json()["code"] == "renderer_missing"
    else:
        assert svg.headers["content-type"] == "image/svg+xml" and b"<svg" in svg.content
    case = client.get("/v1/cases/town/diagram", params={"member": "zhou"})
    assert case.text == lifemeeting.case_diagram(ROOT / "examples/town-2014/ready.yaml", member="zhou")


def test_unknown_things_are_404_with_the_librarys_message(client):
    """An unknown case, rule set or position is 404 with the library's message (and its did-you-mean)."""
    assert client.get("/v1/cases/nope/readiness").json() == {
        "status": 404,
        "code": "not_found",
        "message": "no case 'nope' in the store",
        "fields": [],
        "problems": [],
        "blockers": [],
    }
    r = client.get("/v1/rulesets/town-2041")
    assert r.status_code == 404 and "did you mean 'town-2014'" in r.json()["message"]
    r = client.get("/v1/rulesets/puyang-2014/positions/county_standing_membr/chains", params={"tier": "county"})
    assert (r.status_code, r.json()["code"]) == (404, "query_error")


def test_bulk_readiness_answers_stored_and_inline_cases(client):
    """POST /v1/readiness answers each case in order, reports bad ones in place, and sums up like `lifemeeting bulk`."""
    inline = example("town-2014/blocked-talks-incomplete.yaml")
    body = {"on": str(ON), "case_ids": ["town", "missing"], "cases": [inline]}
    r = client.post("/v1/readiness", json=body).json()
    assert [a["case"] for a in r["answers"]] == ["town", "missing", "cases[0]"]
    assert r["answers"][0]["readiness"]["convenable"] is True
    assert r["answers"][1]["error"]["code"] == "not_found"
    assert r["answers"][2]["readiness"] == json.loads(lifemeeting.can_convene(inline, on=ON).model_dump_json())
    assert (r["summary"]["cases"], r["summary"]["convenable"], r["summary"]["blocked"], r["summary"]["errors"]) == (
        3,
        1,
        1,
        1,
    )


def test_a_snapshot_path_is_not_taken_over_http(client):
    """A pinned case naming a snapshot file is refused: the server does not read files a client names."""
    case = example("town-2014/ready.yaml") | {
        "events": [],
        "pinned": {"version": "1", "sha256": "0" * 64, "snapshot": "/etc/passwd"},
    }
    r = client.post("/v1/cases", json={"id": "pinned", "case": case})
    assert r.status_code == 422 and [f["field"] for f in r.json()["fields"]] == ["case.pinned.snapshot"]


def test_open_mode_records_every_event_as_local(client):
    """Without a tokens file every request acts as 'local', and the health check says so."""
    assert client.get("/v1/health").json()["auth"] == "open"
    assert {e["recorded_by"] for e in client.get("/v1/cases/town/events").json()} == {"local"}


def test_the_cli_does_not_import_the_service_stack():
    """`lifemeeting` starts without FastAPI, uvicorn or SQLAlchemy; they load only in serve, export, import."""
    import subprocess
    import sys

    heavy = "('fastapi', 'uvicorn', 'sqlalchemy', 'psycopg')"
    code = f"import sys, lifemeeting.cli; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(ROOT))
    assert out.stdout.strip() == "[]"
