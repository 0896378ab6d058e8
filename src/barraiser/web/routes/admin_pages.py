"""Admins (hosted mode): ``/admin/users`` lists every account (login name, name, role, coach,
whether disabled) and disables or enables one with a button. Anyone else gets 403.

Disabling ends the account's sessions and revokes its API tokens at once (``Accounts``), as
``barraiser users disable`` does; an admin cannot disable their own account here (the CLI can).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from barraiser.accounts import Account, AccountError, Accounts
from barraiser.web.deps import CurrentUserDep, FormFieldsDep, TemplatesDep
from barraiser.web.routes.pages import render_error

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_ONLY = "Only admins manage accounts (`barraiser users add NAME --role admin` makes one)."


def _admin_accounts(request: Request, user: Account) -> Accounts | None:
    """The accounts service when ``user`` is an admin of a hosted install, else None."""
    accounts: Accounts | None = getattr(request.app.state, "accounts", None)
    if accounts is None or user.role != "admin":
        return None
    return accounts


def _refused(request: Request, templates: TemplatesDep) -> Response:
    return render_error(request, templates, 403, "For admins", _ONLY, [("/", "Home")])


@pages.get("/admin/users")
def users_page(request: Request, templates: TemplatesDep, user: CurrentUserDep) -> Response:
    """Every account, with a button to disable or enable it."""
    accounts = _admin_accounts(request, user)
    if accounts is None:
        return _refused(request, templates)
    listed = accounts.list_users()
    names = {account.id: account.username for account in listed}
    # Only a change of a listed account is announced (the address cannot put words here).
    what, _, name = request.query_params.get("done", "").partition(":")
    known = what in ("disabled", "enabled") and name in names.values()
    context = {
        "accounts": listed,
        "coach_names": {a.id: names.get(a.coach_id or 0, "") for a in listed},
        "me": user,
        "notice": f"{name} is {what}." if known else "",
    }
    return templates.TemplateResponse(request, "admin_users.html", context)


def _set_disabled(
    request: Request, templates: TemplatesDep, user: Account, form: dict[str, str], disabled: bool
) -> Response:
    accounts = _admin_accounts(request, user)
    if accounts is None:
        return _refused(request, templates)
    username = form.get("username", "").strip().lower()
    links = [("/admin/users", "Accounts")]
    if not username:
        return render_error(request, templates, 400, "No account", "Choose an account.", links)
    if disabled and username == user.username:
        return render_error(
            request,
            templates,
            409,
            "Not your own account",
            "You cannot disable the account you are signed in with: ask another admin, or use "
            "`barraiser users disable` on the server.",
            links,
        )
    try:
        changed = accounts.set_disabled(username, disabled)
    except AccountError as exc:
        return render_error(request, templates, exc.status_code, "Not changed", exc.message, links)
    done = "disabled" if changed.disabled else "enabled"
    return RedirectResponse(f"/admin/users?done={done}:{changed.username}", status_code=303)


@pages.post("/admin/users/disable")
def disable_user(
    request: Request, templates: TemplatesDep, user: CurrentUserDep, form: FormFieldsDep
) -> Response:
    """Disable an account: its sessions end and its API tokens stop working."""
    return _set_disabled(request, templates, user, form, True)


@pages.post("/admin/users/enable")
def enable_user(
    request: Request, templates: TemplatesDep, user: CurrentUserDep, form: FormFieldsDep
) -> Response:
    """Enable a disabled account again (it logs in afresh)."""
    return _set_disabled(request, templates, user, form, False)
