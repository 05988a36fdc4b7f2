"""Safety on an office network: an access token on every request (required off localhost) and a cap on what a
request may upload. Both are plain ASGI middleware, so they hold for the page, its static files and the API."""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from drafting.web.messages import MAX_UPLOAD, message

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
COOKIE = "drafting_token"


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


async def _refuse(send: Send, status: int, text: str) -> None:
    body = json.dumps({"error": text}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return ""


def presented_token(scope: Scope) -> str:
    """The token a request carries: `?token=`, `Authorization: Bearer`, `X-Token` or the page's cookie."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    if query.get("token"):
        return query["token"][0]
    auth = _header(scope, b"authorization")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if _header(scope, b"x-token"):
        return _header(scope, b"x-token")
    cookie = SimpleCookie()
    try:
        cookie.load(_header(scope, b"cookie"))
    except Exception:  # noqa: BLE001 - a malformed cookie header is no token
        return ""
    return cookie[COOKIE].value if COOKIE in cookie else ""


class TokenGuard:
    """Refuses (401) every HTTP request without the token; the page's first visit with `?token=` sets a cookie so
    its own requests carry it."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = presented_token(scope)
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            await _refuse(send, 401, message("token"))
            return

        async def send_with_cookie(event: Message) -> None:
            if event["type"] == "http.response.start":
                cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
                event["headers"] = [*event.get("headers", []), (b"set-cookie", cookie.encode("latin-1"))]
            await send(event)

        await self.app(scope, receive, send_with_cookie)


class UploadTooLarge(Exception):
    """A request body went past the cap while it was read."""


class UploadCap:
    """413 for a declared Content-Length above the cap; a body that grows past it while read raises
    `UploadTooLarge` (turned into a 413 by the app's handler)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_UPLOAD) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared.isdigit() and int(declared) > self.limit:
            await _refuse(send, 413, message("too_large"))
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            event = await receive()
            if event["type"] == "http.request":
                seen += len(event.get("body", b""))
                if seen > self.limit:
                    raise UploadTooLarge
            return event

        await self.app(scope, counted, send)
