"""The size of a request body, bounded before anything reads it: 413, not 100 MB in memory.

An ASGI middleware, outside authentication and routing. A ``Content-Length`` over the
limit is answered at once (one under twice the limit is read and dropped, never kept, so
that the client still sending reads the 413 rather than a reset connection); a body
sent without one (chunked) is counted as it streams, and answered 413 as soon as it passes
the limit, whatever the application was about to say. The answer has the service's
``ErrorOut`` shape, with ``code: too_large``.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[MutableMapping[str, Any], Receive, Send], Awaitable[None]]

MAX_BODY = 16 * 1024 * 1024
"""The largest request body taken, in bytes: a bulk request of a few thousand cases fits."""


class BodyLimit:
    """Refuse (413) a request whose body is larger than ``max_bytes``, before the application reads it."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: MutableMapping[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            if declared <= 2 * self.max_bytes:  # read and dropped, so that the client reads the 413, not a reset
                await _drain(receive)
            await _refuse(send, self._message(f"says {declared} bytes"))
            return
        received = 0
        too_large = False
        answered = False

        async def counted() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    return {"type": "http.disconnect"}  # the application reads no further
            return message

        async def guarded(message: Message) -> None:
            nonlocal answered
            if too_large:  # whatever the application says, the answer is 413
                if not answered:
                    answered = True
                    await _refuse(send, self._message(f"passed {self.max_bytes} bytes"))
                return
            await send(message)

        await self.app(scope, counted, guarded)
        if too_large and not answered:
            await _refuse(send, self._message(f"passed {self.max_bytes} bytes"))

    def _message(self, what: str) -> str:
        return (
            f"the request body {what}; the service takes at most {self.max_bytes} bytes"
            f" ({self.max_bytes // (1024 * 1024)} MB) in one request: send fewer cases or shorter notes"
        )


async def _drain(receive: Receive) -> None:
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body"):
            return


def _content_length(scope: MutableMapping[str, Any]) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(send: Send, message: str) -> None:
    body = json.dumps({"status": 413, "code": "too_large", "message": message}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
