"""Hosted mode's sign-in: every page and ``/api/`` route needs a session cookie (set by
``POST /login``) or an ``Authorization: Bearer TOKEN`` header (``barraiser users token``),
except the login page, ``/api/health`` and the static files.

Without one, an API route answers 401 (``WWW-Authenticate: Bearer``), an htmx request 401 with
``HX-Redirect: /login``, and a page a 303 to ``/login?next=...``. The signed-in account is put
in ``request.state.user``. A local install (``mode = "local"``) never adds this middleware.
"""

from __future__ import annotations

import json
from http.cookies import SimpleCookie
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from barraiser.accounts import Account, Accounts

SESSION_COOKIE = "barraiser_session"
PUBLIC_PATHS = frozenset({"/login", "/api/health", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/",)


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def session_token(headers: Headers) -> str:
    """The session cookie's value, or an empty string."""
    cookie = SimpleCookie()
    try:
        cookie.load(headers.get("cookie", ""))
    except Exception:
        return ""
    morsel = cookie.get(SESSION_COOKIE)
    return morsel.value if morsel is not None else ""


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path of this site only (never another site)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


async def resolve(accounts: Accounts, headers: Headers) -> Account | None:
    """The account a request signs in as: its bearer token, else its session cookie."""
    authorization = headers.get("authorization", "")
    if authorization[:7].lower() == "bearer ":
        return await run_in_threadpool(accounts.user_for_bearer, authorization[7:].strip())
    token = session_token(headers)
    if not token:
        return None
    return await run_in_threadpool(accounts.user_for_session, token)


class HostedAuth:
    """ASGI middleware: no signed-in account, no page or API route (hosted mode only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        path = scope["path"]
        if is_public(path) and path != "/login":  # static files and health: no lookup
            scope.setdefault("state", {})["user"] = None
            await self.app(scope, receive, send)
            return
        accounts: Accounts | None = getattr(scope["app"].state, "accounts", None)
        account = await resolve(accounts, headers) if accounts is not None else None
        scope.setdefault("state", {})["user"] = account
        if account is not None or path == "/login":
            await self.app(scope, receive, send)
            return
        await _refuse(scope, headers, send)


async def _refuse(scope: Scope, headers: Headers, send: Send) -> None:
    path = scope["path"]
    query = scope.get("query_string", b"").decode("latin-1")
    wanted = path + (f"?{query}" if query else "")
    login = "/login?next=" + quote(wanted, safe="")
    if path.startswith("/api/") or path == "/openapi.json":
        status, extra = 401, [(b"www-authenticate", b"Bearer")]
        body = {
            "detail": "Sign in first: send Authorization: Bearer TOKEN (an admin makes one "
            "with `barraiser users token NAME`), or log in at /login in the browser."
        }
    elif headers.get("hx-request") == "true":
        status, extra = 401, [(b"hx-redirect", login.encode())]
        body = {"detail": "Your session has ended: log in again."}
    else:
        status, extra = 303, [(b"location", login.encode())]
        body = {"detail": "Log in first."}
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"cache-control", b"no-store"),
                *extra,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
