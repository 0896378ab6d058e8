"""The web app's guards, as ASGI middleware: allowed hosts, cross-site requests, security headers
and request body size.

- :class:`RequestGuard` answers 400 to a request whose ``Host`` is not an allowed host (a
  DNS-rebinding page sends its own name), and 403 to a state-changing request that a browser
  marks as cross-site (``Sec-Fetch-Site: cross-site``) or whose ``Origin`` is neither the
  request's own origin nor an allowed host. Requests without those headers (curl, the CLI,
  scripts) are not from a browser page and pass.
- :class:`BodyLimit` answers 413 when ``Content-Length`` is over the cap, and counts the bytes of
  a streamed body as they arrive, stopping at the cap: nothing over it is read or parsed.
- :class:`SecurityHeaders` adds a strict Content-Security-Policy (no inline script), framing
  and sniffing protection and a same-origin referrer policy to every response.

docs/security.md lists what these defend and what is not defended yet.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from barraiser.config import Settings

#: Names a browser on this machine uses for the server: always allowed.
LOOPBACK_HOSTS: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
_WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

#: Scripts only from our own files (no inline script, no eval). Styles allow inline: the progress
#: and debrief pages embed their chart CSS in a <style> block and the charts carry style=
#: attributes, and htmx and CodeMirror insert <style> elements at run time.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)


def split_host(value: str) -> tuple[str, int | None]:
    """``host[:port]`` (IPv6 in brackets) as a lower-case name without brackets, and the port."""
    value = value.strip().lower()
    port: int | None = None
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        if rest.startswith(":") and rest[1:].isdigit():
            port = int(rest[1:])
        return name, port
    if value.count(":") == 1:
        name, _, digits = value.partition(":")
        if digits.isdigit():
            return name, int(digits)
        return name, None
    return value, None


def _matches(name: str, pattern: str) -> bool:
    if pattern.startswith("*."):
        return name.endswith(pattern[1:])
    return name == pattern


class HostPolicy:
    """Which ``Host`` and ``Origin`` values the app accepts, from the settings."""

    def __init__(self, settings: Settings) -> None:
        configured = [entry.strip().lower() for entry in settings.allowed_hosts if entry.strip()]
        self.any_host = "*" in configured
        #: Configured entries as (name, port or None): these may also be an Origin.
        self.configured = [split_host(entry) for entry in configured if entry != "*"]
        names = set(LOOPBACK_HOSTS)
        if settings.host not in _WILDCARD_BINDS:
            names.add(split_host(settings.host)[0])
        names.update(name for name, _ in self.configured)
        self.names = frozenset(names)

    def host_allowed(self, host_header: str) -> bool:
        """Whether a request with this ``Host`` header is for us."""
        if self.any_host:
            return True
        name, _ = split_host(host_header)
        return bool(name) and any(_matches(name, pattern) for pattern in self.names)

    def origin_allowed(self, origin: str, host_header: str, scheme: str) -> bool:
        """Whether a browser page at ``origin`` may change state here.

        The request's own origin (same host and port as ``Host``) always may; otherwise the
        origin's host must be a configured allowed host (with its port, when one is given).
        The loopback names alone are not enough: another server on localhost is another origin.
        """
        if self.any_host:
            return True
        parts = urlsplit(origin)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            return False  # "null" (sandboxed frames, file: pages) and other schemes
        origin_port = parts.port or (443 if parts.scheme == "https" else 80)
        name, port = split_host(host_header)
        own_port = port or (443 if scheme in {"https", "wss"} else 80)
        if parts.hostname == name and origin_port == own_port:
            return True
        return any(
            _matches(parts.hostname, pattern) and (want is None or want == origin_port)
            for pattern, want in self.configured
        )


def _text_response(scope: Scope, status: int, message: str) -> tuple[Message, Message]:
    """A small 4xx answer: JSON ``{"detail": ...}`` under /api, plain text elsewhere."""
    path = str(scope.get("path", ""))
    if path == "/api" or path.startswith("/api/") or path == "/openapi.json":
        body = json.dumps({"detail": message}).encode()
        kind = b"application/json"
    else:
        body = (message + "\n").encode()
        kind = b"text/plain; charset=utf-8"
    start: Message = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())],
    }
    return start, {"type": "http.response.body", "body": body}


async def _answer(scope: Scope, send: Send, status: int, message: str) -> None:
    start, body = _text_response(scope, status, message)
    await send(start)
    await send(body)


class RequestGuard:
    """Refuse requests for another host (400) and cross-site state changes (403)."""

    def __init__(self, app: ASGIApp, policy: HostPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        host = headers.get("host", "")
        if not self.policy.host_allowed(host):
            await _answer(
                scope,
                send,
                400,
                f"This server does not answer for the host {host[:100]!r}. Open it as "
                "http://127.0.0.1:<port>/ or http://localhost:<port>/, or add the name to "
                "BARRAISER_ALLOWED_HOSTS.",
            )
            return
        method = str(scope.get("method", "GET")).upper()
        if scope["type"] == "http" and method not in SAFE_METHODS:
            refusal = self._cross_site(headers, host, str(scope.get("scheme", "http")))
            if refusal:
                await _answer(scope, send, 403, refusal)
                return
        await self.app(scope, receive, send)

    def _cross_site(self, headers: Headers, host: str, scheme: str) -> str | None:
        if headers.get("sec-fetch-site", "").lower() == "cross-site":
            return (
                "Refused: this request came from another site's page (Sec-Fetch-Site: "
                "cross-site). Use barraiser's own pages, or send the request without a browser."
            )
        origin = headers.get("origin")
        if origin is not None and not self.policy.origin_allowed(origin, host, scheme):
            return (
                f"Refused: this request came from a page at {origin[:100]!r}, which is not "
                "this server. Use barraiser's own pages, or add that host to "
                "BARRAISER_ALLOWED_HOSTS."
            )
        return None


def _too_large_message(limit: int) -> str:
    size = f"{limit / 2**20:g} MiB" if limit >= 2**20 else f"{limit / 1024:g} KiB"
    return (
        f"The request body is larger than the limit of {size} (BARRAISER_MAX_BODY_BYTES): "
        "send less."
    )


class BodyLimit:
    """Stop reading a request body at ``max_bytes``: 413 before a byte is parsed."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = _too_large_message(self.max_bytes)
        length = Headers(scope=scope).get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                await _answer(scope, send, 400, "The Content-Length header is not a number.")
                return
            if int(length) > self.max_bytes:
                await _answer(scope, send, 413, message)
                return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            event = await receive()
            if event["type"] == "http.request":
                received += len(event.get("body", b""))
                if received > self.max_bytes:
                    # Raised inside the route's body reading: FastAPI passes an HTTPException
                    # on, so the app's handler answers 413 (or the except below does).
                    raise HTTPException(413, message)
            return event

        async def tracked_send(event: Message) -> None:
            nonlocal started
            if event["type"] == "http.response.start":
                started = True
            await send(event)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except HTTPException as exc:
            if exc.status_code != 413 or started:
                raise
            await _answer(scope, send, 413, message)


class SecurityHeaders:
    """Add :data:`SECURITY_HEADERS` to every HTTP response that does not set them itself."""

    def __init__(self, app: ASGIApp, headers: Iterable[tuple[bytes, bytes]] = SECURITY_HEADERS):
        self.app = app
        self.headers = tuple(headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(event: Message) -> None:
            if event["type"] == "http.response.start":
                present = {name.lower() for name, _ in event.get("headers", [])}
                extra = [(n, v) for n, v in self.headers if n not in present]
                event = {**event, "headers": [*event.get("headers", []), *extra]}
            await send(event)

        await self.app(scope, receive, with_headers)
