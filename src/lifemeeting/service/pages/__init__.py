"""Server-rendered Chinese pages over the same store, engine and permissions as the API.

Every asset ships in this package (templates/, static/): nothing is fetched from a CDN.
``install(app)`` adds the pages' routes (kept out of the OpenAPI document) and /static.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from lifemeeting.errors import LifemeetingError

HERE = Path(__file__).parent


def install(app: FastAPI) -> None:
    """Add the pages and their static files to ``app``."""
    from lifemeeting.service.pages import access, routes

    app.include_router(routes.router)
    app.add_exception_handler(access.PageError, access.page_error)
    api = app.exception_handlers[LifemeetingError]  # the API's JSON, kept for /v1
    app.add_exception_handler(LifemeetingError, access.library_error(api))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
