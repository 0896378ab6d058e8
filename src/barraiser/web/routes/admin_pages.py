"""Admins (hosted mode): ``/admin/users`` lists every account (login name, name, role, coach,
whether disabled) and disables or enables one with a button; ``/admin/content`` lists the content
folders (sub-folders of ``Settings.content_folders_dir``) and enables or disables one. Anyone else
gets 403.

Disabling ends the account's sessions and revokes its API tokens at once (``Accounts``), as
``barraiser users disable`` does; an admin cannot disable their own account here (the CLI can).
A content folder is enabled only when it loads cleanly beside the content in use; web and worker
processes read the enabled folders when they start (:mod:`barraiser.content.folders`).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.responses import Response

from barraiser.accounts import Account, AccountError, Accounts
from barraiser.content.folders import FolderCheck, LoadedFolders
from barraiser.web.deps import CurrentUserDep, FormFieldsDep, TemplatesDep
from barraiser.web.routes.pages import render_error

pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_ONLY = "Only admins manage accounts (`barraiser users add NAME --role admin` makes one)."
_ONLY_CONTENT = (
    "Only admins manage content folders (`barraiser users add NAME --role admin` makes one)."
)


def _admin_accounts(request: Request, user: Account) -> Accounts | None:
    """The accounts service when ``user`` is an admin of a hosted install, else None."""
    accounts: Accounts | None = getattr(request.app.state, "accounts", None)
    if accounts is None or user.role != "admin":
        return None
    return accounts


def _refused(request: Request, templates: TemplatesDep, message: str = _ONLY) -> Response:
    return render_error(request, templates, 403, "For admins", message, [("/", "Home")])


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


def _folders_in_use(request: Request) -> LoadedFolders:
    loaded: LoadedFolders = request.app.state.content_folders
    return loaded


def _content_page(
    request: Request,
    templates: TemplatesDep,
    user: Account,
    *,
    notice: str = "",
    check: FolderCheck | None = None,
    status_code: int = 200,
) -> Response:
    from barraiser.content.folders import available, counts_in, enabled_names

    settings = request.app.state.settings
    root = settings.content_folders_dir
    enabled = set(enabled_names(request.app.state.store))
    loaded = _folders_in_use(request)
    serving = {f.name: counts_in(loaded.bank, f) for f in loaded.folders}
    here = available(root)
    rows = [
        {
            "name": name,
            "enabled": name in enabled,
            "serving": serving.get(name),
            "broken": loaded.broken.get(name, []),
        }
        for name in here
    ]
    if not notice:
        # Only a change of a listed folder is announced (the address cannot put words here).
        what, _, name = request.query_params.get("done", "").partition(":")
        if what in ("enabled", "disabled") and name in here:
            notice = (
                f"{name} is {what}. Restart the web and worker processes "
                f"({'to serve it' if what == 'enabled' else 'to stop serving it'})."
            )
    context = {
        "root": root,
        "rows": rows,
        "missing": sorted(enabled - set(here)),
        "notice": notice,
        "check": check,
        "me": user,
    }
    return templates.TemplateResponse(
        request, "admin_content.html", context, status_code=status_code
    )


@pages.get("/admin/content")
def content_page(request: Request, templates: TemplatesDep, user: CurrentUserDep) -> Response:
    """The content folders: which are enabled, which this process serves, and buttons."""
    if _admin_accounts(request, user) is None:
        return _refused(request, templates, _ONLY_CONTENT)
    return _content_page(request, templates, user)


def _posted_folder(
    request: Request, templates: TemplatesDep, user: Account, form: dict[str, str]
) -> Response | str:
    """The folder name posted by an admin, or the page that answers the request instead."""
    from barraiser.content.folders import FolderError, folder_path

    if _admin_accounts(request, user) is None:
        return _refused(request, templates, _ONLY_CONTENT)
    name = form.get("name", "").strip()
    links = [("/admin/content", "Content folders")]
    if not name:
        return render_error(request, templates, 400, "No folder", "Choose a folder.", links)
    try:
        folder_path(request.app.state.settings.content_folders_dir, name)
    except FolderError as exc:
        return render_error(request, templates, 400, "Not a content folder", str(exc), links)
    return name


@pages.post("/admin/content/enable")
def enable_folder(
    request: Request, templates: TemplatesDep, user: CurrentUserDep, form: FormFieldsDep
) -> Response:
    """Enable a folder once it loads cleanly beside the content in use (else 422 and every
    problem found); it is served after the web and worker processes restart."""
    from barraiser.content.bank import content_dirs
    from barraiser.content.folders import check_folder, enabled_dirs, set_enabled

    name = _posted_folder(request, templates, user, form)
    if not isinstance(name, str):
        return name
    settings = request.app.state.settings
    # Checked beside every other enabled folder, served yet or waiting for a restart: two
    # folders enabled before a restart must load together too.
    enabled = enabled_dirs(settings, request.app.state.store)
    others = tuple(f for f in enabled if f.name != name)
    check = check_folder(
        settings.content_folders_dir, name, content_dirs(settings.extra_content_dir, others)
    )
    if not check.ok:
        return _content_page(request, templates, user, check=check, status_code=422)
    set_enabled(request.app.state.store, name, True, user.id)
    return RedirectResponse(f"/admin/content?done=enabled:{name}", status_code=303)


@pages.post("/admin/content/disable")
def disable_folder(
    request: Request, templates: TemplatesDep, user: CurrentUserDep, form: FormFieldsDep
) -> Response:
    """Disable a folder: it is no longer served after the processes restart."""
    from barraiser.content.folders import set_enabled

    name = _posted_folder(request, templates, user, form)
    if not isinstance(name, str):
        return name
    set_enabled(request.app.state.store, name, False, user.id)
    return RedirectResponse(f"/admin/content?done=disabled:{name}", status_code=303)
