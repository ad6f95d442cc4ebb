"""Who may do what over HTTP: 401 without a known token, 403 for the wrong actor, 422 naming the field.

Nothing is written on any refusal.
"""

from __future__ import annotations

import uuid

import pytest
from service_support import STORES, example, header_and_events, running, store_url

httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the service needs the service extra")

from lifemeeting.service import Auth, create_app  # noqa: E402
from lifemeeting.store import Store  # noqa: E402

TOKENS = {
    "clerk": ("镇党委办公室 文书", "record: true"),
    "committee": ("镇党委会议", "roles: [committee_meeting]"),
    "principal": ("周建平", "roles: [zhou]"),
    "supervision": ("市委第七督导组", "roles: [supervision_group]"),
    "city_group": ("市委第二督导组", "roles: [city_supervision_group]"),
    "reader": ("组织部 查询", ""),
    "scoped": ("另一个镇 文书", "record: true\n    cases: ['other-*']"),
}


def token(who: str) -> str:
    return f"test-token-for-{who}-0123456789"


@pytest.fixture(scope="module", params=STORES)
def service(request, tmp_path_factory):
    """A server with the tokens above, on one store kind, and a town-2014 case 'town' with its first events."""
    tmp = tmp_path_factory.mktemp(request.param)
    lines = ["actors:"]
    for who, (name, extra) in TOKENS.items():
        lines += [f"  - name: {name}", f"    token: {token(who)}"] + ([f"    {extra}"] if extra else [])
    (tmp / "tokens.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with store_url(request.param, tmp) as url:
        store = Store(url)
        with running(create_app(store, Auth.from_file(tmp / "tokens.yaml"))) as base:
            with httpx.Client(base_url=base, timeout=30) as client:
                header, events = header_and_events("town-2014/ready.yaml")
                r = client.post("/v1/cases", json={"id": "town", "case": header}, headers=auth("clerk"))
                assert r.status_code == 201, r.text
                for e in events[:16]:  # up to the team's examination, submitted and waiting at collective_discussion
                    who = "committee" if e["type"] == "approved" else "clerk"
                    r = client.post("/v1/cases/town/events", json={"event": e}, headers=auth(who))
                    assert r.status_code == 201, r.text
                yield client, store
        store.close()


def auth(who: str | None) -> dict[str, str]:
    if who is None:
        return {}
    return {"Authorization": f"Bearer {token(who) if who in TOKENS else who}"}


READS = [
    ("GET", "/v1/rulesets", None),
    ("GET", "/v1/rulesets/town-2014", None),
    ("GET", "/v1/schemas/case", None),
    ("GET", "/v1/rulesets/town-2014/chains", None),
    ("GET", "/v1/rulesets/town-2014/diagram", None),
    ("GET", "/v1/cases", None),
    ("GET", "/v1/cases/town", None),
    ("GET", "/v1/cases/town/events", None),
    ("GET", "/v1/cases/town/readiness?on=2014-07-15", None),
    ("GET", "/v1/cases/town/status?on=2014-07-15", None),
    ("GET", "/v1/cases/town/timeline?on=2014-07-15", None),
    ("GET", "/v1/cases/town/timeline.ics?on=2014-07-15", None),
    ("GET", "/v1/cases/town/document?format=md&on=2014-07-15", None),
    ("POST", "/v1/readiness", {"on": "2014-07-15", "case_ids": ["town"]}),
]
WRITES = [
    ("POST", "/v1/cases", {"case": example("town-2014/ready.yaml") | {"events": []}}),
    (
        "POST",
        "/v1/cases/town/events",
        {"event": {"type": "done", "task": "examination_opinions", "date": "2014-07-07"}},
    ),
]


def _version(store: Store) -> tuple[int, int]:
    return store.version("town"), len(store.cases())


@pytest.mark.parametrize(("method", "path", "body"), READS + WRITES)
@pytest.mark.parametrize("who", [None, "not-a-token-0123456789"])
def test_no_known_token_is_401(service, method, path, body, who):
    """Every route but health answers 401 with a Bearer challenge to a missing or unknown token, and writes nothing."""
    client, store = service
    before = _version(store)
    r = client.request(method, path, json=body, headers=auth(who))
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json()["code"] == "unauthorized"
    assert _version(store) == before


@pytest.mark.parametrize(("method", "path", "body"), READS)
def test_any_actor_may_read_and_ask_readiness(service, method, path, body):
    """A read-only actor reads rule sets and cases and asks readiness."""
    client, _ = service
    assert client.request(method, path, json=body, headers=auth("reader")).status_code == 200


@pytest.mark.parametrize(
    ("method", "path", "body"), WRITES + [("POST", "/v1/cases/town/events", {"event": {"type": "bogus"}})]
)
def test_a_read_only_actor_may_not_write(service, method, path, body):
    """A read-only actor gets 403 on every write, even before its body is looked at, and nothing is written."""
    client, store = service
    before = _version(store)
    r = client.request(method, path, json=body, headers=auth("reader"))
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")
    assert _version(store) == before


@pytest.mark.parametrize(("method", "path", "body"), READS[6:12] + WRITES[1:])
def test_a_case_outside_the_actors_cases_is_403(service, method, path, body):
    """An actor limited to 'other-*' cases gets 403 on case 'town', for reads and writes alike."""
    client, store = service
    before = _version(store)
    r = client.request(method, path, json=body, headers=auth("scoped"))
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")
    assert "does not see case 'town'" in r.json()["message"]
    assert _version(store) == before


APPROVE = {
    "type": "approved",
    "date": "2014-07-04",
    "material": "examination",
    "subject": "team",
    "link": "collective_discussion",
}
WRONG_ROLE = [
    ("clerk", APPROVE | {"by": "committee_meeting"}, "may not record a 'approved' by 'committee_meeting'"),
    (
        "supervision",
        APPROVE | {"by": "supervision_group"},
        "only 'committee_meeting' (镇党委会议) may approve or return at link 'collective_discussion'",
    ),
    (
        "principal",
        APPROVE | {"type": "returned", "by": "zhou"},
        "only 'committee_meeting' (镇党委会议) may approve or return",
    ),
    ("committee", {"type": "done", "task": "examination_opinions", "date": "2014-07-07"}, "needs a clerk token"),
    ("principal", {"type": "held", "date": "2014-07-15"}, "needs a clerk token"),
    (
        "supervision",
        {"type": "talk", "date": "2014-07-01", "between": ["sun", "wang"]},
        "may record only its own talks",
    ),
]


@pytest.mark.parametrize(("who", "event", "message"), WRONG_ROLE)
def test_the_wrong_role_is_403(service, who, event, message):
    """Only a link's reviewer approves or returns there; only a clerk records the unit's own events."""
    client, store = service
    before = _version(store)
    r = client.post("/v1/cases/town/events", json={"event": event}, headers=auth(who))
    assert (r.status_code, r.json()["code"]) == (403, "forbidden"), r.text
    assert message in r.json()["message"]
    assert _version(store) == before


def test_only_the_supervision_group_records_its_talks(service):
    """A talk with the supervision group is refused to the unit's clerk and recorded by the group itself."""
    client, store = service
    case_id = f"puyang-{uuid.uuid4().hex[:6]}"
    header, _ = header_and_events("puyang-2014/ready-county.yaml")
    assert client.post("/v1/cases", json={"id": case_id, "case": header}, headers=auth("clerk")).status_code == 201
    event = {"type": "talk", "date": "2014-06-09", "between": ["liu", "city_supervision_group"]}
    r = client.post(f"/v1/cases/{case_id}/events", json={"event": event}, headers=auth("clerk"))
    assert r.status_code == 403 and "is recorded by 'city_supervision_group'" in r.json()["message"]
    assert store.version(case_id) == 0
    r = client.post(f"/v1/cases/{case_id}/events", json={"event": event}, headers=auth("city_group"))
    assert r.status_code == 201 and r.json()["recorded_by"] == "市委第二督导组"


def test_the_reviewer_approves_and_a_second_approval_is_a_conflict(service):
    """Two reviewers who read the same version both try to approve: the first is recorded, the second gets 409."""
    client, store = service
    header, events = header_and_events("town-2014/ready.yaml")
    case_id = f"town-{uuid.uuid4().hex[:6]}"
    body = {"id": case_id, "case": header | {"events": events[:15]}}
    assert client.post("/v1/cases", json=body, headers=auth("clerk")).status_code == 201
    version = client.get(f"/v1/cases/{case_id}", headers=auth("committee")).json()["version"]
    approve = {"event": APPROVE | {"by": "committee_meeting"}, "expected_version": version}
    first = client.post(f"/v1/cases/{case_id}/events", json=approve, headers=auth("committee"))
    second = client.post(f"/v1/cases/{case_id}/events", json=approve, headers=auth("committee"))
    assert first.status_code == 201 and first.json()["recorded_by"] == "镇党委会议"
    assert second.status_code == 409
    assert second.json() | {"message": ""} == {
        "status": 409,
        "code": "version_conflict",
        "message": "",
        "expected_version": version,
        "current_version": version + 1,
        "fields": [],
        "problems": [],
        "blockers": [],
    }
    assert store.version(case_id) == version + 1


MALFORMED = [
    ({"event": {"type": "hold", "date": "2014-07-15"}}, ["event.type"]),
    ({"event": {"type": "held", "date": "2014-13-45"}}, ["event.date"]),
    ({"event": {"type": "held"}}, ["event.date"]),
    ({"event": {"type": "held", "date": "2014-07-15", "colour": "red"}}, ["event.colour"]),
    ({"event": APPROVE}, ["event.by"]),
    (
        {"event": {"type": "approved", "date": "2014-07-04", "by": "committee_meeting"}},
        ["event.material", "event.subject", "event.link"],
    ),
    ({"event": {"type": "talk", "date": "2014-07-01", "between": ["sun"]}}, ["event.between"]),
    ({"event": {"type": "held", "date": "2014-07-15"}, "expected_version": -1}, ["expected_version"]),
    ({"evnt": {"type": "held", "date": "2014-07-15"}}, ["event", "evnt"]),
]


@pytest.mark.parametrize(("body", "fields"), MALFORMED)
def test_a_malformed_event_is_422_naming_the_field(service, body, fields):
    """A malformed append is refused with 422 'invalid' and the fields at fault; nothing is written."""
    client, store = service
    before = _version(store)
    r = client.post("/v1/cases/town/events", json=body, headers=auth("committee" if "by" in str(body) else "clerk"))
    assert (r.status_code, r.json()["code"]) == (422, "invalid"), r.text
    assert sorted(f["field"] for f in r.json()["fields"]) == sorted(fields)
    assert _version(store) == before


def test_a_body_that_is_not_json_is_422(service):
    """A body that is not JSON is a 422 too, and writes nothing."""
    client, store = service
    before = _version(store)
    r = client.post(
        "/v1/cases/town/events", content=b"{not json", headers=auth("clerk") | {"Content-Type": "application/json"}
    )
    assert (r.status_code, r.json()["code"]) == (422, "invalid")
    assert _version(store) == before


BAD_CASES = [
    ({"case": {"ruleset": "town-2014", "members": []}}, ["case.unit", "case.members"]),
    ({"case": example("town-2014/ready.yaml") | {"ruleset": "town-2041", "events": []}}, ["case.ruleset"]),
    (
        {"case": example("town-2014/ready.yaml") | {"ruleset": "../rulesets/town-2014.yaml", "events": []}},
        ["case.ruleset"],
    ),
    ({"id": "has space", "case": example("town-2014/ready.yaml") | {"events": []}}, ["id"]),
]


@pytest.mark.parametrize(("body", "fields"), BAD_CASES)
def test_a_malformed_case_is_422_naming_the_field(service, body, fields):
    """Opening a malformed case, or one naming a rule set the server does not offer, is 422 and stores nothing."""
    client, store = service
    before = _version(store)
    r = client.post("/v1/cases", json=body, headers=auth("clerk"))
    assert (r.status_code, r.json()["code"]) == (422, "invalid"), r.text
    assert sorted({f["field"] for f in r.json()["fields"]}) == sorted(fields)
    assert _version(store) == before


def test_a_scoped_clerk_opens_only_its_own_cases(service):
    """A clerk limited to 'other-*' may open 'other-1' but not 'town-x' (403, nothing stored)."""
    client, store = service
    case = example("town-2014/ready.yaml") | {"events": []}
    assert client.post("/v1/cases", json={"id": "town-x", "case": case}, headers=auth("scoped")).status_code == 403
    assert client.post("/v1/cases", json={"id": "other-1", "case": case}, headers=auth("scoped")).status_code == 201
    assert [c["id"] for c in client.get("/v1/cases", headers=auth("scoped")).json()] == ["other-1"]


def test_health_needs_no_token(service):
    """The health check answers without a token and says tokens are required."""
    client, _ = service
    r = client.get("/v1/health")
    assert r.status_code == 200 and r.json()["auth"] == "tokens"


def test_a_case_opened_with_events_is_checked_event_by_event(service):
    """A clerk opening a case whose events include a committee approval gets 403 naming that event; nothing stored."""
    client, store = service
    before = _version(store)
    body = {"id": "town-all", "case": example("town-2014/ready.yaml")}
    r = client.post("/v1/cases", json=body, headers=auth("clerk"))
    assert (r.status_code, r.json()["code"]) == (403, "forbidden")
    assert r.json()["message"].startswith("case.events[15] (approved): '镇党委办公室 文书' may not record a 'approved'")
    assert _version(store) == before


def test_a_bad_tokens_file_is_refused_with_its_line(tmp_path):
    """A short token, two tokens for one actor, or a shared token are refused as FILE:LINE:COL problems."""
    from lifemeeting import SourceError

    bad = tmp_path / "tokens.yaml"
    bad.write_text(
        "actors:\n"
        "  - name: a\n    token: short\n"
        "  - name: b\n    token: long-enough-token-0123\n    token_sha256: " + "ab" * 32 + "\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError) as info:
        Auth.from_file(bad)
    assert [str(p) for p in info.value.problems] == [
        f"{bad}:3:12: actors.0.token: String should have at least 16 characters",
        f"{bad}:4:5: actors.1: give exactly one of 'token' and 'token_sha256'",
    ]
    same = "token: same-token-0123456789"
    bad.write_text(f"actors:\n  - {{name: a, {same}}}\n  - {{name: b, {same}}}\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"tokens.yaml:3:5: actor 'b' has the same token as 'a'"):
        Auth.from_file(bad)
