"""The HTTP service behind ``lifemeeting serve`` (FastAPI), for systems not written in Python.

Needs the ``service`` extra. ``create_app(store, auth)`` builds the application;
``openapi_document()`` is what docs/openapi.json holds.
"""

from lifemeeting.service.app import create_app, openapi_document
from lifemeeting.service.auth import LOCAL, Actor, Auth, token_hash
from lifemeeting.service.errors import ErrorOut

__all__ = ["LOCAL", "Actor", "Auth", "ErrorOut", "create_app", "openapi_document", "token_hash"]
