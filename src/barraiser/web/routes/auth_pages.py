"""Hosted mode's login and logout (``GET|POST /login``, ``POST /logout``); a local install has
no login and does not mount these routes.

A login sets the session cookie (HttpOnly, SameSite=Lax, Secure over HTTPS) and goes back to
the page that asked for it (a path of this site only). A wrong name or password gets one
message for both; too many failures, per account or per address, get 429 with Retry-After.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from barraiser.accounts import AccountError, Accounts, TooManyFailures
from barraiser.web.auth import SESSION_COOKIE, safe_next, session_token
from barraiser.web.deps import FormFieldsDep, TemplatesDep

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _accounts(request: Request) -> Accounts:
    accounts: Accounts = request.app.state.accounts
    return accounts


@router.get("/login")
def login_page(request: Request, templates: TemplatesDep, next: str | None = None) -> Response:
    """The login form; a signed-in user goes straight on."""
    if getattr(request.state, "user", None) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    context = {"next": safe_next(next), "username": "", "error": ""}
    return templates.TemplateResponse(request, "login.html", context)


@router.post("/login")
def login(request: Request, templates: TemplatesDep, form: FormFieldsDep) -> Response:
    """Check the name and password; on success set the session cookie and go on."""
    username = form.get("username", "").strip()
    target = safe_next(form.get("next"))
    address = request.client.host if request.client else "unknown"
    accounts = _accounts(request)
    try:
        _account, token = accounts.login(username, form.get("password", ""), address)
    except AccountError as exc:
        headers = (
            {"Retry-After": str(exc.retry_after_s)} if isinstance(exc, TooManyFailures) else None
        )
        context = {"next": target, "username": username[:64], "error": exc.message}
        return templates.TemplateResponse(
            request, "login.html", context, status_code=exc.status_code, headers=headers
        )
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(accounts.session_length.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """End this browser's session (its token is deleted, not just forgotten)."""
    token = session_token(request.headers)
    if token:
        _accounts(request).logout(token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax")
    return response
