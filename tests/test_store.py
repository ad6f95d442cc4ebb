"""The event store on SQLite and PostgreSQL: append-only, checked by the engine, versioned, lossless to move."""

from __future__ import annotations

import datetime as dt

import pytest
from service_support import STORES, header_and_events, store_url, talk, town_case

sa = pytest.importorskip("sqlalchemy", reason="the store needs the service extra")

from lifemeeting import Case, EventRefused  # noqa: E402
from lifemeeting.store import (  # noqa: E402
    CaseExists,
    CaseNotFound,
    HistoryBroken,
    IdempotencyConflict,
    Store,
    VersionConflict,
)


@pytest.fixture(params=STORES)
def store(request, tmp_path):
    with store_url(request.param, tmp_path) as url:
        s = Store(url)
        yield s
        s.close()


def test_events_replay_to_the_libraries_answer(store):
    """A case stored event by event answers readiness exactly as the library does on the example file."""
    from lifemeeting import can_convene

    header, events = header_and_events("town-2014/ready.yaml")
    case_id = store.create_case(Case.model_validate(header), actor="clerk").id
    for e in events:
        store.append(case_id, e, actor="clerk")
    on = dt.date(2014, 7, 15)
    assert store.with_case(case_id, lambda o: o.can_convene(on)) == can_convene({**header, "events": events}, on=on)
    assert store.version(case_id) == len(events)


def test_each_stored_event_keeps_who_when_key_and_receipt(store):
    """The audit trail has the actor, server time (UTC), idempotency key and the rule-set receipt."""
    case_id = town_case(store)
    before = dt.datetime.now(dt.UTC)
    stored = store.append(case_id, talk("a"), actor="文书 李明", idempotency_key="req-1").stored
    [again] = store.events(case_id)
    assert again == stored
    assert (again.seq, again.recorded_by, again.idempotency_key) == (1, "文书 李明", "req-1")
    assert before <= again.recorded_at <= dt.datetime.now(dt.UTC)
    assert again.receipt.ruleset == "town-2014" and len(again.receipt.sha256) == 64


def test_a_refused_event_is_not_stored(store):
    """An event the engine refuses raises EventRefused and the stream stays as it was."""
    case_id = town_case(store)
    store.append(case_id, {"type": "done", "task": "study", "date": "2014-06-16"}, actor="clerk")
    with pytest.raises(EventRefused, match=r"第2个事件（done）被拒绝：任务 'study' 已记录于"):
        store.append(case_id, {"type": "done", "task": "study", "date": "2014-06-17"}, actor="clerk")
    assert store.version(case_id) == 1
    store.append(case_id, talk("after"), actor="clerk")  # the cached state was not spoiled
    assert [e.seq for e in store.events(case_id)] == [1, 2]


def test_a_stale_expected_version_is_refused(store):
    """Two clerks who read version 0 cannot both record: the second gets VersionConflict and nothing is written."""
    case_id = town_case(store)
    store.append(case_id, talk("first clerk"), actor="a", expected_version=0)
    with pytest.raises(VersionConflict, match="is at version 1, not 0") as info:
        store.append(case_id, talk("second clerk"), actor="b", expected_version=0)
    assert (info.value.expected, info.value.current) == (0, 1)
    assert store.version(case_id) == 1


def test_an_idempotency_key_records_once(store):
    """Sending the same key and event twice stores one event; the same key with another event is refused."""
    case_id = town_case(store)
    first = store.append(case_id, talk("x"), actor="a", idempotency_key="k")
    again = store.append(case_id, talk("x"), actor="a", idempotency_key="k")
    assert (first.created, again.created, again.stored) == (True, False, first.stored)
    with pytest.raises(IdempotencyConflict, match="already recorded event 1"):
        store.append(case_id, talk("y"), actor="a", idempotency_key="k")
    assert store.version(case_id) == 1


def test_events_cannot_be_changed_or_deleted(store):
    """The database itself refuses UPDATE and DELETE on stored events."""
    case_id = town_case(store)
    store.append(case_id, talk("x"), actor="a")
    for sql in ("UPDATE lm_events SET recorded_by = 'someone else'", "DELETE FROM lm_events"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.exec_driver_sql(sql)
    assert store.events(case_id)[0].recorded_by == "a"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ({"type": "done", "task": "study"}, r"第2个事件（done）被拒绝：date: Field required"),
        ({"type": "done", "task": "study", "date": "2014-13-45"}, r"第2个事件（done）被拒绝：date: "),
        (["done", "study"], r"第2个事件（\?）被拒绝：事件应是一个映射（date、type……），不是 list"),
        (None, r"第2个事件（\?）被拒绝：事件应是一个映射（date、type……），不是 NoneType"),
    ],
)
def test_a_malformed_event_is_refused_with_its_index_and_field(store, raw, reason):
    """A raw mapping that is no valid event raises the library's EventRefused (index, field), not pydantic's error."""
    case_id = town_case(store)
    store.append(case_id, talk("first"), actor="clerk")
    with pytest.raises(EventRefused, match=reason):
        store.append(case_id, raw, actor="clerk")
    assert store.version(case_id) == 1


def test_unknown_and_duplicate_cases_are_refused(store):
    """Appending to a missing case and reusing a case id both fail and write nothing."""
    with pytest.raises(CaseNotFound, match="no case 'nope'"):
        store.append("nope", talk("x"), actor="a")
    town_case(store, "same-id")
    with pytest.raises(CaseExists, match="case 'same-id' already exists"):
        town_case(store, "same-id")
    assert [c.id for c in store.cases()] == ["same-id"]


def test_a_case_with_a_refused_event_is_not_created(store):
    """Creating a case whose events do not replay stores nothing of it."""
    header, events = header_and_events("town-2014/ready.yaml")
    bad = {**header, "events": [*events[:2], {"type": "held", "date": "2014-06-19"}]}
    with pytest.raises(EventRefused, match=r"第3个事件（held）"):
        store.create_case(Case.model_validate(bad), actor="a", case_id="bad")
    assert store.cases() == []


def test_another_process_sees_new_events(store):
    """A second store object (as another process would be) catches up with events written through the first."""
    case_id = town_case(store)
    other = Store(store.url)
    try:
        assert other.with_case(case_id, lambda o: o.state.applied) == 0
        store.append(case_id, {"type": "done", "task": "study", "date": "2014-06-16"}, actor="a")
        with pytest.raises(EventRefused):
            other.append(case_id, {"type": "done", "task": "study", "date": "2014-06-16"}, actor="b")
        assert other.append(case_id, talk("x"), actor="b").stored.seq == 2
    finally:
        other.close()


def test_history_that_no_longer_replays_is_reported(store):
    """A stored stream the rules now refuse (written around the engine) raises HistoryBroken, not a wrong answer."""
    from lifemeeting.store import schema as _schema
    from lifemeeting.store.store import _row

    case_id = town_case(store)
    stored = store.append(case_id, {"type": "done", "task": "study", "date": "2014-06-16"}, actor="a").stored
    with store.engine.begin() as conn:  # a second 'study', as if the rules had changed since it was checked
        conn.execute(sa.insert(_schema.events).values(_row(case_id, stored.model_copy(update={"seq": 2}))))
    fresh = Store(store.url)
    try:
        with pytest.raises(
            HistoryBroken, match=f"case '{case_id}': stored event 2 no longer replays: 任务 'study' 已记录于"
        ):
            fresh.with_case(case_id, lambda o: o.state.applied)
    finally:
        fresh.close()


@pytest.mark.parametrize("target", STORES)
def test_export_and_import_move_a_case_losslessly(store, target, tmp_path):
    """A case exported from one store and imported into another exports to the very same JSON."""
    header, events = header_and_events("town-2014/ready.yaml")
    case_id = store.create_case(Case.model_validate(header), actor="开案人", case_id="qingshi").id
    for i, e in enumerate(events):
        store.append(case_id, e, actor=f"actor-{i % 3}", idempotency_key=f"k{i}")
    exported = store.export(case_id)
    (tmp_path / "target").mkdir()
    with store_url(target, tmp_path / "target") as url:
        other = Store(url)
        try:
            other.import_case(exported, case_id="qingshi-copy")
            again = other.export("qingshi-copy")
            assert again.model_copy(update={"id": "qingshi"}).model_dump_json() == exported.model_dump_json()
            on = dt.date(2014, 7, 15)
            assert other.with_case("qingshi-copy", lambda o: o.can_convene(on)) == store.with_case(
                case_id, lambda o: o.can_convene(on)
            )
        finally:
            other.close()


def test_answers_for_an_earlier_day_count_the_stored_events_up_to_it(store):
    """Readiness, status and timeline for a day before the last event replay the stored events, as the library does."""
    import lifemeeting

    header, events = header_and_events("town-2014/ready.yaml")
    case_id = store.create_case(Case.model_validate(header), actor="clerk").id
    for e in events:
        store.append(case_id, e, actor="clerk")
    whole = {**header, "events": events}
    day = dt.date(2014, 7, 1)
    assert store.with_case(case_id, lambda o: o.can_convene(day)) == lifemeeting.can_convene(whole, on=day)
    assert store.with_case(case_id, lambda o: o.status(day)) == lifemeeting.open_case(whole).status(day)
    assert store.with_case(case_id, lambda o: lifemeeting.timeline(o, on=day)) == lifemeeting.timeline(whole, on=day)


def test_export_from_a_store_that_is_not_there_creates_none(tmp_path, monkeypatch):
    """`lifemeeting export` in an empty folder says there is no store, and leaves no empty database behind."""
    from click.testing import CliRunner

    from lifemeeting.cli import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LIFEMEETING_DB", raising=False)
    result = CliRunner().invoke(cli, ["export", "town"])
    assert result.exit_code != 0
    assert "cannot open the event store lifemeeting.db: no such file" in str(result.exception)
    assert list(tmp_path.iterdir()) == []
