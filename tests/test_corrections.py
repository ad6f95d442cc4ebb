"""Corrections: a `retracted` event takes back an earlier one; the case replays as if it had not happened.

The trail keeps both events; a retraction is refused, with the reason, when a later event
depends on the one taken back; over HTTP it needs the rights the retracted event needed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from service_support import example, header_and_events, running, store_url

from lifemeeting import can_convene, open_case
from lifemeeting.errors import EventRefused

ON = dt.date(2014, 7, 14)
# In examples/town-2014/ready.yaml: #4 is the talk zhou–sun, #15 the team's examination submitted,
# #16 its approval at collective_discussion by committee_meeting (it needs #15).


def retraction(seq: int, reason: str = "recorded in error", date: str = "2014-07-11") -> dict[str, object]:
    return {"type": "retracted", "date": date, "retracts": seq, "reason": reason}


def test_a_retracted_talk_counts_as_never_held_and_the_trail_keeps_both():
    case = open_case(example("town-2014/ready.yaml"))
    assert case.can_convene(ON).convenable
    n = len(case.case.events)
    case.apply(retraction(4, "the talk was with 郑, not 孙"))
    answer = case.can_convene(ON)
    assert not answer.convenable
    assert "talks_covered" in {b.rule for b in answer.blockers}
    assert len(case.case.events) == n + 1  # the talk is still in the trail, and the retraction after it
    assert case.case.events[3].type == "talk" and case.case.events[-1].retracts == 4
    assert case.case.events[-1].reason == "the talk was with 郑, not 孙"


def test_the_same_answer_from_data_with_the_retraction_in_it():
    data = example("town-2014/ready.yaml")
    data["events"].append(retraction(4))
    assert can_convene(data, on=ON) == open_case(data).can_convene(ON)
    assert not can_convene(data, on=ON).convenable


def test_the_talk_recorded_again_after_the_retraction_counts():
    case = open_case(example("town-2014/ready.yaml"))
    case.apply(retraction(4))
    case.apply({"type": "talk", "date": "2014-07-11", "between": ["zhou", "sun"]})
    assert case.can_convene(ON).convenable


def test_retracting_what_a_later_event_depends_on_is_refused_naming_it():
    case = open_case(example("town-2014/ready.yaml"))
    n = len(case.case.events)
    with pytest.raises(EventRefused) as refused:
        case.apply(retraction(15))
    assert refused.value.index == n and refused.value.event_type == "retracted"
    assert "第16个事件（approved）依赖第15个事件" in refused.value.reason
    assert len(case.case.events) == n and case.can_convene(ON).convenable  # nothing changed


@pytest.mark.parametrize(
    ("seq", "message"),
    [(99, "只能撤回在它之前的事件"), (0, None)],
)
def test_a_retraction_must_name_an_earlier_event(seq, message):
    case = open_case(example("town-2014/ready.yaml"))
    if message is None:  # 0 is not a sequence number: the event itself is invalid
        with pytest.raises(ValueError, match="retracts"):
            case.apply(retraction(seq))
        return
    with pytest.raises(EventRefused, match=message):
        case.apply(retraction(seq))


def test_a_retraction_cannot_be_retracted_nor_an_event_retracted_twice():
    case = open_case(example("town-2014/ready.yaml"))
    n = len(case.case.events)
    case.apply(retraction(4))
    with pytest.raises(EventRefused, match="本身是撤回"):
        case.apply(retraction(n + 1))
    with pytest.raises(EventRefused, match=f"已被第{n + 1}个事件撤回"):
        case.apply(retraction(4))


def test_a_retraction_needs_its_reason():
    case = open_case(example("town-2014/ready.yaml"))
    with pytest.raises(EventRefused, match="须给出 'reason'"):
        case.apply({"type": "retracted", "date": "2014-07-11", "retracts": 4})


def test_later_events_are_numbered_as_in_the_whole_trail():
    data = example("town-2014/ready.yaml")
    data["events"].insert(4, retraction(4, date="2014-06-25"))  # now #5; the talk zhou–sun taken back
    data["events"].append({"type": "held", "date": "2014-07-15"})  # #last: refused, the talk is missing
    with pytest.raises(EventRefused) as refused:
        open_case(data)
    assert refused.value.index == len(data["events"]) - 1 and refused.value.event_type == "held"


def test_from_data_an_event_taken_back_is_as_if_never_recorded_even_one_replay_would_refuse():
    data = example("town-2014/ready.yaml")
    data["events"].insert(4, {"type": "talk", "date": "2014-06-25", "between": ["zhou", "zhou"]})  # #5: refused
    with pytest.raises(EventRefused, match="两个不同的人"):
        can_convene(data, on=ON)
    data["events"].append(retraction(5))
    assert can_convene(data, on=ON) == open_case(data).can_convene(ON)
    assert can_convene(data, on=ON).convenable


def test_from_data_a_refusal_after_a_retraction_is_numbered_as_in_the_whole_trail():
    data = example("town-2014/ready.yaml")
    data["events"].insert(4, retraction(4, date="2014-06-25"))
    data["events"].append({"type": "held", "date": "2014-07-15"})
    with pytest.raises(EventRefused) as refused:
        can_convene(data, on=ON)
    assert refused.value.index == len(data["events"]) - 1 and refused.value.event_type == "held"
    assert "尚缺1对：周建平—孙丽娟" in refused.value.reason  # the retracted talk is missing


# -- over HTTP, in the store ------------------------------------------------------------------------
httpx = pytest.importorskip("httpx", reason="the service tests need the test extra")
pytest.importorskip("fastapi", reason="the service needs the service extra")


@pytest.fixture(params=["sqlite", "postgresql"])
def service(request, tmp_path):
    from lifemeeting.service import Auth, create_app
    from lifemeeting.store import Store

    tokens = tmp_path / "tokens.yaml"
    tokens.write_text(
        "actors:\n"
        "  - name: 文书\n    token: clerk-token-0123456789\n    record: true\n"
        "  - name: 镇党委会议\n    token: committee-token-0123456789\n    roles: [committee_meeting]\n"
        "  - name: 周建平\n    token: zhou-token-0123456789\n    roles: [zhou]\n",
        encoding="utf-8",
    )
    with store_url(request.param, tmp_path) as url:
        store = Store(url)
        with running(create_app(store, Auth.from_file(tokens))) as base, httpx.Client(base_url=base) as client:
            header, events = header_and_events("town-2014/ready.yaml")
            clerk = {"Authorization": "Bearer clerk-token-0123456789"}
            assert client.post("/v1/cases", json={"id": "town", "case": header}, headers=clerk).status_code == 201
            for e in events:
                who = (
                    "committee"
                    if e.get("by") == "committee_meeting"
                    else "zhou"
                    if e["type"] == "approved"
                    else "clerk"
                )
                r = client.post(
                    "/v1/cases/town/events",
                    json={"event": e},
                    headers={"Authorization": f"Bearer {who}-token-0123456789"},
                )
                assert r.status_code == 201, r.text
            yield client, store, url
        store.close()


def _as(who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {who}-token-0123456789"}


def test_over_http_the_trail_shows_both_and_the_case_replays_without_it(service):
    client, store, url = service
    n = len(client.get("/v1/cases/town/events", headers=_as("clerk")).json())
    r = client.post("/v1/cases/town/events", json={"event": retraction(4, "wrong pair")}, headers=_as("clerk"))
    assert r.status_code == 201, r.text
    assert r.json()["seq"] == n + 1 and r.json()["recorded_by"] == "文书"
    trail = client.get("/v1/cases/town/events", headers=_as("clerk")).json()
    assert trail[3]["event"]["type"] == "talk" and trail[-1]["event"]["retracts"] == 4
    readiness = client.get("/v1/cases/town/readiness", params={"on": str(ON)}, headers=_as("clerk")).json()
    assert not readiness["convenable"]
    exported = store.export("town")
    assert [e.event.type for e in exported.events][-1] == "retracted" and exported.events[3].event.type == "talk"
    from lifemeeting.store import Store

    fresh = Store(url)  # another process replays the stream with the retraction in it
    try:
        assert not fresh.with_case("town", lambda o: o.can_convene(ON)).convenable
    finally:
        fresh.close()


def test_over_http_retracting_needs_the_rights_of_the_retracted_event(service):
    client, _, _ = service
    # #16: the committee's approval at collective_discussion; the principal (zhou) may not take it back
    r = client.post("/v1/cases/town/events", json={"event": retraction(16)}, headers=_as("zhou"))
    assert r.status_code == 403, r.text
    r = client.post("/v1/cases/town/events", json={"event": retraction(16)}, headers=_as("committee"))
    assert r.status_code == 201, r.text


def test_over_http_a_retraction_others_depend_on_is_refused_with_the_reason(service):
    client, _, _ = service
    n = len(client.get("/v1/cases/town/events", headers=_as("clerk")).json())
    r = client.post("/v1/cases/town/events", json={"event": retraction(15)}, headers=_as("clerk"))
    assert r.status_code == 422 and r.json()["code"] == "event_refused"
    assert "第16个事件（approved）依赖第15个事件" in r.json()["reason"]
    assert len(client.get("/v1/cases/town/events", headers=_as("clerk")).json()) == n  # nothing stored


def test_over_http_a_retraction_without_its_reason_names_the_field(service):
    client, _, _ = service
    r = client.post(
        "/v1/cases/town/events",
        json={"event": {"type": "retracted", "date": "2014-07-11", "retracts": 4}},
        headers=_as("clerk"),
    )
    assert r.status_code == 422 and r.json()["fields"][0]["field"] == "event.reason"
