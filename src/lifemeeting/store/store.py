"""The append-only event store: cases, their events with audit facts, and the state replayed from them.

Appending is check-then-write inside one transaction that holds the case's write lock
(``BEGIN IMMEDIATE`` on SQLite, ``SELECT … FOR UPDATE`` on the case row in PostgreSQL):
catch the cached state up to the stored head, refuse a stale ``expected_version``, let the
engine apply the event (a refused event raises and nothing is written), insert it at
``head + 1``. The primary key (case, seq) would reject a second writer of the same version
even without the lock. A crash before COMMIT leaves the previous, consistent stream.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NamedTuple, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel

from lifemeeting.answers.open import OpenCase, event_from, open_case
from lifemeeting.case.model import Case, Event
from lifemeeting.dates import periods as _dates
from lifemeeting.engine.answer_model import Receipt
from lifemeeting.errors import (
    CaseExists,
    CaseNotFound,
    EventRefused,
    HistoryBroken,
    IdempotencyConflict,
    StoreError,
    StoreUnavailable,
    VersionConflict,
)
from lifemeeting.store import schema as t
from lifemeeting.store.cache import Entry, ReplayCache
from lifemeeting.store.db import DEFAULT_URL, make_engine, normalize_url
from lifemeeting.store.records import CaseExport, CaseRecord, CaseSummary, StoredEvent
from lifemeeting.version import engine_version

T = TypeVar("T")


class Appended(NamedTuple):
    """The stored event, and whether this call wrote it (False: an idempotent repeat)."""

    stored: StoredEvent
    created: bool


class Store:
    """Cases and their event streams in one SQL database."""

    def __init__(self, url: str = DEFAULT_URL, *, cache_size: int = 256) -> None:
        self.url = normalize_url(url)
        try:
            self.engine = make_engine(self.url)
        except (sa.exc.ArgumentError, ImportError) as exc:  # not a URL, or no driver for its scheme
            reason = (
                f"not a database URL it can use ({_first_line(exc)}); give sqlite:///FILE or postgresql://USER@HOST/DB"
            )
            raise StoreUnavailable(_hidden(self.url), reason) from None
        self._cache = ReplayCache(cache_size)
        with self._write() as conn:
            found = t.ensure(conn)
        if found is not None:
            raise StoreError(
                f"{self.display_url}: store schema version {found}, this lifemeeting reads {t.SCHEMA_VERSION}"
            )

    @property
    def kind(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        """The URL with any password hidden, for messages and logs."""
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self._reached(), self._connect().execution_options(lm_write=True) as conn, conn.begin():
            yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self._reached(), self._connect() as conn, conn.begin():
            yield conn

    def _connect(self) -> sa.Connection:
        """A connection; a database that cannot be reached or opened (or is no database) is ``StoreUnavailable``."""
        try:
            return self.engine.connect()
        except sa.exc.DBAPIError as exc:
            raise self._unavailable(exc) from None

    @contextmanager
    def _reached(self) -> Iterator[None]:
        """The database going away while in use (the connection lost) is ``StoreUnavailable`` too."""
        try:
            yield
        except sa.exc.DBAPIError as exc:
            if exc.connection_invalidated:
                raise self._unavailable(exc) from None
            raise

    def _unavailable(self, exc: sa.exc.DBAPIError) -> StoreUnavailable:
        reason = _first_line(exc.orig if exc.orig is not None else exc)
        password = self.engine.url.password
        if password:
            reason = reason.replace(str(password), "***")
        return StoreUnavailable(self.display_url, reason)

    # -- cases ----------------------------------------------------------------------------
    def create_case(
        self, case: Case, *, actor: str, case_id: str | None = None, recorded_on: dt.date | None = None
    ) -> CaseRecord:
        """Store a new case; its events, if any, are checked in order and recorded as ``actor``'s.

        A refused event raises ``EventRefused`` and nothing of the case is stored; an event dated
        after ``recorded_on`` (default: today in Asia/Shanghai) has not happened yet and is refused.
        """
        recorded_on = recorded_on or _dates.today()
        case_id = case_id or f"case-{uuid.uuid4().hex[:16]}"
        header = case.model_copy(update={"events": []})
        opened = open_case(header)
        now = _now()
        receipt = _receipt(opened)
        rows = []
        for i, event in enumerate(case.events, start=1):
            opened.apply(event, recorded_on=recorded_on)
            rows.append(
                _row(case_id, StoredEvent(seq=i, event=event, recorded_by=actor, recorded_at=now, receipt=receipt))
            )
        with self._write() as conn:
            if conn.execute(sa.select(t.cases.c.case_id).where(t.cases.c.case_id == case_id)).first():
                raise CaseExists(case_id)
            conn.execute(
                sa.insert(t.cases).values(
                    case_id=case_id, ruleset=case.ruleset, header=_dump(header), created_at=now, created_by=actor
                )
            )
            if rows:
                conn.execute(sa.insert(t.events), rows)
        self._cache.forget(case_id)
        return CaseRecord(id=case_id, version=len(rows), created_by=actor, created_at=now, case=case)

    def case(self, case_id: str) -> CaseRecord:
        """The stored case document with every event, and its version."""
        with self._read() as conn:
            row = self._header(conn, case_id)
            stored = [_stored(r) for r in conn.execute(_EVENTS_AFTER, {"case_id": case_id, "after": 0})]
        header = Case.model_validate_json(row.header)
        return CaseRecord(
            id=case_id,
            version=len(stored),
            created_by=row.created_by,
            created_at=row.created_at,
            case=header.model_copy(update={"events": [s.event for s in stored]}),
        )

    def cases(self, *, after: str | None = None, limit: int = 100) -> list[CaseSummary]:
        """Stored cases by id, ``limit`` at a time after the id ``after``."""
        heads = (
            sa.select(t.events.c.case_id, sa.func.max(t.events.c.seq).label("version"))
            .group_by(t.events.c.case_id)
            .subquery()
        )
        q = (
            sa.select(t.cases, heads.c.version)
            .outerjoin(heads, heads.c.case_id == t.cases.c.case_id)
            .order_by(t.cases.c.case_id)
            .limit(limit)
        )
        if after is not None:
            q = q.where(t.cases.c.case_id > after)
        with self._read() as conn:
            rows = conn.execute(q).all()
        return [
            CaseSummary(
                id=r.case_id,
                ruleset=r.ruleset,
                unit=json.loads(r.header)["unit"]["name"],
                version=r.version or 0,
                created_by=r.created_by,
                created_at=r.created_at,
            )
            for r in rows
        ]

    def events(self, case_id: str, *, after: int = 0, limit: int | None = None) -> list[StoredEvent]:
        """The audit trail: stored events with seq > ``after``, oldest first."""
        with self._read() as conn:
            self._header(conn, case_id)
            q = _EVENTS_AFTER.limit(limit) if limit else _EVENTS_AFTER
            return [_stored(r) for r in conn.execute(q, {"case_id": case_id, "after": after})]

    def version(self, case_id: str) -> int:
        with self._read() as conn:
            self._header(conn, case_id)
            return _head(conn, case_id)

    # -- appending ------------------------------------------------------------------------
    def append(
        self,
        case_id: str,
        event: Event | Mapping[str, Any],
        *,
        actor: str,
        expected_version: int | None = None,
        idempotency_key: str | None = None,
        recorded_on: dt.date | None = None,
    ) -> Appended:
        """Check ``event`` against the case as stored and record it, or raise and record nothing.

        ``expected_version`` (the version the caller read) makes a stale caller fail with
        ``VersionConflict``; without it the event goes on top of whatever is there. A repeated
        ``idempotency_key`` returns the event it first recorded, if the event is the same.
        An event dated after ``recorded_on`` (default: today in Asia/Shanghai) is refused.
        A mapping that is not a valid event is refused with ``EventRefused``, numbered as the
        case's next event, saying which field is wrong.
        """
        recorded_on = recorded_on or _dates.today()
        entry = self._cache.entry(case_id)
        with entry.lock:
            try:
                with self._write() as conn:
                    row = self._header(conn, case_id, lock=True)
                    if not isinstance(event, Event):
                        event = event_from(event, _head(conn, case_id))
                    if idempotency_key is not None:
                        done = self._by_key(conn, case_id, idempotency_key)
                        if done is not None:
                            if done.event != event:
                                raise IdempotencyConflict(case_id, idempotency_key, done.seq)
                            return Appended(done, False)
                    opened = self._catch_up(conn, entry, case_id, row)
                    if expected_version is not None and expected_version != entry.version:
                        raise VersionConflict(case_id, expected_version, entry.version)
                    opened.apply(event, recorded_on=recorded_on)  # EventRefused: nothing changed, nothing written
                    seq = entry.version + 1
                    stored = StoredEvent(
                        seq=seq,
                        event=event,
                        recorded_by=actor,
                        recorded_at=_now(),
                        idempotency_key=idempotency_key,
                        receipt=_receipt(opened),
                    )
                    conn.execute(sa.insert(t.events).values(_row(case_id, stored)))
            except (EventRefused, VersionConflict, IdempotencyConflict, CaseNotFound):
                raise  # refused before anything changed
            except BaseException:
                entry.drop()  # the state may be ahead of what was committed: rebuild it next time
                raise
            entry.applied(event, seq)
            return Appended(stored, True)

    # -- answering ------------------------------------------------------------------------
    def with_case(self, case_id: str, question: Callable[[OpenCase], T]) -> T:
        """Ask ``question`` of the case's current state (every stored event replayed).

        A case this process has open is caught up with one query, for the events stored
        since; its header is read only to open it (cases are never deleted or rewritten).
        """
        entry = self._cache.entry(case_id)
        with entry.lock:
            with self._read() as conn:
                self._catch_up(conn, entry, case_id, None if entry.opened is not None else self._header(conn, case_id))
            return question(entry.synced())

    def _catch_up(self, conn: sa.Connection, entry: Entry, case_id: str, row: Any) -> OpenCase:
        if entry.opened is None:
            entry.header = Case.model_validate_json(row.header)
            entry.opened, entry.version, entry.events = open_case(entry.header), 0, []
        opened = entry.opened
        for r in conn.execute(_EVENTS_AFTER, {"case_id": case_id, "after": entry.version}):
            if r.seq != entry.version + 1:
                entry.drop()
                raise HistoryBroken(case_id, entry.version + 1, f"the stream jumps from {entry.version} to {r.seq}")
            event = Event.model_validate_json(r.event)
            try:
                opened.apply(event)
            except EventRefused as exc:
                entry.drop()
                raise HistoryBroken(case_id, r.seq, exc.reason) from None
            entry.applied(event, r.seq)
        return opened

    # -- moving cases between stores ----------------------------------------------------
    def export(self, case_id: str) -> CaseExport:
        """The case and every stored event with its audit facts, to ``import_case`` elsewhere."""
        with self._read() as conn:
            row = self._header(conn, case_id)
            stored = [_stored(r) for r in conn.execute(_EVENTS_AFTER, {"case_id": case_id, "after": 0})]
        return CaseExport(
            id=case_id,
            created_by=row.created_by,
            created_at=row.created_at,
            case=Case.model_validate_json(row.header),
            events=stored,
        )

    def import_case(self, data: CaseExport, *, case_id: str | None = None) -> CaseRecord:
        """Store an exported case as it was (actors, times, keys, receipts), after replaying it here."""
        case_id = case_id or data.id
        opened = open_case(data.case.model_copy(update={"events": []}))
        for i, s in enumerate(data.events, start=1):
            if s.seq != i:
                raise StoreError(f"export of '{data.id}': event {i} has seq {s.seq}; the stream must run 1, 2, 3 …")
            opened.apply(s.event)
        with self._write() as conn:
            if conn.execute(sa.select(t.cases.c.case_id).where(t.cases.c.case_id == case_id)).first():
                raise CaseExists(case_id)
            conn.execute(
                sa.insert(t.cases).values(
                    case_id=case_id,
                    ruleset=data.case.ruleset,
                    header=_dump(data.case),
                    created_at=data.created_at,
                    created_by=data.created_by,
                )
            )
            if data.events:
                conn.execute(sa.insert(t.events), [_row(case_id, s) for s in data.events])
        self._cache.forget(case_id)
        return self.case(case_id)

    # -- queries --------------------------------------------------------------------------
    def _header(self, conn: sa.Connection, case_id: str, *, lock: bool = False) -> Any:
        row = conn.execute(_HEADER_FOR_UPDATE if lock else _HEADER, {"case_id": case_id}).first()
        if row is None:
            raise CaseNotFound(case_id)
        return row

    def _by_key(self, conn: sa.Connection, case_id: str, key: str) -> StoredEvent | None:
        q = sa.select(t.events).where(t.events.c.case_id == case_id, t.events.c.idempotency_key == key)
        row = conn.execute(q).first()
        return _stored(row) if row is not None else None


# Statements built once, with their values bound per call: building one costs more than running it.
_HEADER = sa.select(t.cases).where(t.cases.c.case_id == sa.bindparam("case_id"))
_HEADER_FOR_UPDATE = _HEADER.with_for_update()
_EVENTS_AFTER = (
    sa.select(t.events)
    .where(t.events.c.case_id == sa.bindparam("case_id"), t.events.c.seq > sa.bindparam("after"))
    .order_by(t.events.c.seq)
)


def _head(conn: sa.Connection, case_id: str) -> int:
    head: int = conn.execute(
        sa.select(sa.func.coalesce(sa.func.max(t.events.c.seq), 0)).where(t.events.c.case_id == case_id)
    ).scalar_one()
    return head


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _dump(model: BaseModel) -> str:
    return model.model_dump_json(exclude_none=True)


def _receipt(opened: OpenCase) -> Receipt:
    rs = opened.ruleset
    return Receipt(ruleset=rs.model.id, version=rs.model.version, sha256=rs.sha256, engine=engine_version())


def _row(case_id: str, s: StoredEvent) -> dict[str, Any]:
    r = s.receipt
    return {
        "case_id": case_id,
        "seq": s.seq,
        "type": s.event.type,
        "event": _dump(s.event),
        "recorded_at": s.recorded_at,
        "recorded_by": s.recorded_by,
        "idempotency_key": s.idempotency_key,
        "ruleset": r.ruleset,
        "ruleset_version": r.version,
        "ruleset_sha256": r.sha256,
        "engine": r.engine,
    }


def _stored(r: Any) -> StoredEvent:
    return StoredEvent(
        seq=r.seq,
        event=Event.model_validate_json(r.event),
        recorded_by=r.recorded_by,
        recorded_at=r.recorded_at,
        idempotency_key=r.idempotency_key,
        receipt=Receipt(ruleset=r.ruleset, version=r.ruleset_version, sha256=r.ruleset_sha256, engine=r.engine),
    )


def _first_line(exc: BaseException) -> str:
    """The first line of a driver's message (psycopg adds hints on further lines)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _hidden(url: str) -> str:
    """``url`` with any password replaced, for a URL SQLAlchemy could not parse."""
    import re

    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)
