"""The FastAPI application: routers, error handlers, and the store and tokens it serves."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from lifemeeting.service.auth import Auth
from lifemeeting.service.errors import install
from lifemeeting.service.limits import MAX_BODY, BodyLimit
from lifemeeting.service.models import Health
from lifemeeting.store import Store
from lifemeeting.version import engine_version

DESCRIPTION = """\
Rules as code for 生活会 (each named as its rule set names it): record a unit's meeting case
event by event, and ask whether the meeting can be convened, with every blocker cited to its source.

Every request but `/v1/health` needs `Authorization: Bearer <token>`; the token's actor is
recorded with each event and decides which events it may record. Errors are `ErrorOut`.

Open mode: a server started without a tokens file (`/v1/health` says `"auth": "open"`) binds
to loopback only, ignores any `Authorization` header, and acts for every request as the actor
`local`, who may do everything; events are recorded as by `local`.
"""


def create_app(store: Store | None = None, auth: Auth | None = None, *, max_body: int = MAX_BODY) -> FastAPI:
    """The service over ``store`` (None only to write the OpenAPI document) with ``auth`` (None: open).

    A request body over ``max_body`` bytes is refused (413) before authentication or routing reads it.
    """
    from lifemeeting.service import bulk as _bulk
    from lifemeeting.service import cases as _cases
    from lifemeeting.service import rulesets as _rulesets

    app = FastAPI(
        title="lifemeeting",
        version=engine_version(),
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI would fetch its assets from a CDN; /openapi.json stays (docs/service.md)
        redoc_url=None,
        openapi_tags=[
            {"name": "cases", "description": "Stored cases: record events, ask readiness, status and timeline"},
            {"name": "readiness", "description": "Many cases at once"},
            {"name": "rule sets", "description": "The rules, their review chains and JSON Schemas"},
        ],
    )
    app.state.store = store
    app.state.auth = auth or Auth()
    install(app)
    app.add_middleware(BodyLimit, max_bytes=max_body)

    @app.get("/v1/health", response_model=Health, tags=["service"], summary="Is the service up, on which store")
    async def health() -> Health:  # async: nothing here blocks, so no hop to the thread pool
        s: Any = app.state.store
        return Health(
            status="ok",
            engine=engine_version(),
            store=s.kind if s is not None else None,
            auth="open" if app.state.auth.open else "tokens",
        )

    for router in (_cases.router, _bulk.router, _rulesets.router):
        app.include_router(router)
    from lifemeeting.service import pages as _pages

    _pages.install(app)
    return app


def from_environment() -> FastAPI:
    """The app of one worker process of ``lifemeeting serve --workers N``: the store and tokens named by the parent.

    Each worker opens its own connections to the one store; the store's write lock and
    version check keep their appends in one gapless stream (SQLite in WAL mode, PostgreSQL).
    """
    import os

    url = os.environ["LIFEMEETING_SERVE_DB"]
    tokens = os.environ.get("LIFEMEETING_SERVE_TOKENS")
    app = create_app(Store(url), Auth.from_file(tokens) if tokens else None)
    app.router.on_shutdown.append(app.state.store.close)
    return app


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document, the same on every machine: it is kept in docs/openapi.json."""
    return create_app().openapi()
