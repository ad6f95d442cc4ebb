"""FastAPI dependencies: the store, the calling actor, and the checks every route shares.

They are ``async def`` although nothing in them awaits: none blocks, and FastAPI runs a
plain ``def`` dependency in the thread pool, a hop per dependency per request.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from lifemeeting.errors import UnknownRuleSet
from lifemeeting.ruleset.load import LoadedRuleSet, available, load_ruleset
from lifemeeting.service.auth import LOCAL, Actor, Auth
from lifemeeting.service.errors import forbidden, unauthorized
from lifemeeting.service.models import CASE_ID
from lifemeeting.store import Store

bearer = HTTPBearer(auto_error=False, description="An API token from the server's tokens file")


async def store(request: Request) -> Store:
    s: Store = request.app.state.store  # set by the app factory
    return s


async def auth(request: Request) -> Auth:
    a: Auth = request.app.state.auth
    return a


async def actor(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Actor:
    """The caller; 401 without a known token (unless the server runs without a tokens file)."""
    a: Auth = request.app.state.auth
    if a.open:
        return LOCAL
    if credentials is None:
        raise unauthorized("send 'Authorization: Bearer <token>'")
    found = a.actor(credentials.credentials)
    if found is None:
        raise unauthorized("unknown token")
    return found


async def writer(who: Annotated[Actor, Depends(actor)]) -> Actor:
    """403 for a read-only actor, before the request body is even read."""
    if not who.writes:
        raise forbidden(f"'{who.name}' may read and ask readiness, but not record events")
    return who


async def clerk(who: Annotated[Actor, Depends(actor)]) -> Actor:
    if not (who.record or who.everything):
        raise forbidden(f"'{who.name}' may not open cases; that needs a clerk token (record: true)")
    return who


async def seen(
    who: Annotated[Actor, Depends(actor)], case_id: Annotated[str, Path(pattern=CASE_ID, description="the case's id")]
) -> str:
    """The case id, if the actor may see that case (403 otherwise, whether or not it exists)."""
    if not who.sees(case_id):
        raise forbidden(f"'{who.name}' does not see case '{case_id}'")
    return case_id


def ruleset_by_id(ruleset_id: str) -> LoadedRuleSet:
    """A rule set the server offers, by id only: never a file path sent by a client."""
    known = available()
    if ruleset_id not in known:
        raise UnknownRuleSet(ruleset_id, list(known))
    return load_ruleset(known[ruleset_id])


Who = Annotated[Actor, Depends(actor)]
Writer = Annotated[Actor, Depends(writer)]
Clerk = Annotated[Actor, Depends(clerk)]
CaseId = Annotated[str, Depends(seen)]
TheStore = Annotated[Store, Depends(store)]
