"""The admins' accounts page (hosted mode, issue 14): an admin lists every account and disables or
enables one; a candidate or a coach gets 403 and changes nothing. Real PostgreSQL store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from httpx import Response

from barraiser.accounts import Accounts
from barraiser.config import Settings
from barraiser.web.app import create_app
from barraiser.web.auth import SESSION_COOKIE
from web_client import TestClient

pytestmark = pytest.mark.postgres

SECRET_KEY = "hosted-admin-test-key-" + "0123456789abcdefghijklmnop"  # 48 characters
PASSWORDS = {
    "root-admin": "admin-password-1",
    "cora": "coach-password-1",
    "cand": "cand-password-1",
}


@dataclass
class Site:
    client: TestClient
    accounts: Accounts
    cookies: dict[str, str]

    def call(self, method: str, url: str, who: str, **options: Any) -> Response:
        self.client.cookies.clear()
        headers = {"Cookie": f"{SESSION_COOKIE}={self.cookies[who]}"}
        return self.client.request(
            method,
            url,
            headers=headers,
            follow_redirects=False,
            **options,
        )

    def login(self, name: str) -> Response:
        self.client.cookies.clear()
        return self.client.post(
            "/login", data={"username": name, "password": PASSWORDS[name]}, follow_redirects=False
        )


@pytest.fixture
def site(postgres_url: str, tmp_path: Path) -> Iterator[Site]:
    settings = Settings(
        mode="hosted", secret_key=SECRET_KEY, database_url=postgres_url, data_dir=tmp_path
    )
    app = create_app(settings)
    with TestClient(app) as client:
        yield add_and_sign_in(Site(client, app.state.accounts, {}))


def add_and_sign_in(site: Site) -> Site:
    """Make the admin, the coach and the candidate, and sign each in (cookies kept)."""
    for name, role in (("root-admin", "admin"), ("cora", "coach"), ("cand", "candidate")):
        site.accounts.add_user(name, PASSWORDS[name], role=role)
    for name in PASSWORDS:
        response = site.login(name)
        assert response.status_code == 303, response.text[:300]
        site.cookies[name] = response.cookies[SESSION_COOKIE]
    return site


def test_an_admin_lists_every_account_and_disables_and_enables_one(site: Site) -> None:
    page = site.call("GET", "/admin/users", "root-admin")
    assert page.status_code == 200
    for name, role in (("root-admin", "admin"), ("cora", "coach"), ("cand", "candidate")):
        assert f'data-account="{name}"' in page.text and f"<td>{role}</td>" in page.text
    assert '<a href="/admin/users">Accounts</a>' in page.text

    done = site.call("POST", "/admin/users/disable", "root-admin", data={"username": "cand"})
    assert done.status_code == 303 and done.headers["location"] == "/admin/users?done=disabled:cand"
    assert site.accounts.get("cand").disabled
    # Its session ended at once, and it cannot sign in again.
    assert site.call("GET", "/api/sessions", "cand").status_code == 401
    assert site.login("cand").status_code == 401
    listed = site.call("GET", done.headers["location"], "root-admin").text
    assert "cand is disabled." in listed

    again = site.call("POST", "/admin/users/enable", "root-admin", data={"username": "cand"})
    assert again.status_code == 303 and not site.accounts.get("cand").disabled
    assert site.login("cand").status_code == 303


def test_an_admin_cannot_disable_their_own_account_here(site: Site) -> None:
    refused = site.call(
        "POST", "/admin/users/disable", "root-admin", data={"username": "root-admin"}
    )
    assert (
        refused.status_code == 409
        and "cannot disable the account you are signed in" in refused.text
    )
    assert not site.accounts.get("root-admin").disabled
    unknown = site.call("POST", "/admin/users/disable", "root-admin", data={"username": "nobody"})
    assert unknown.status_code == 404


@pytest.mark.parametrize("who", ["cora", "cand"])
def test_anyone_else_gets_403_and_changes_nothing(site: Site, who: str) -> None:
    page = site.call("GET", "/admin/users", who)
    assert page.status_code == 403 and "Only admins manage accounts" in page.text
    assert 'data-account="' not in page.text
    assert '<a href="/admin/users">' not in site.call("GET", "/", who).text
    for action in ("disable", "enable"):
        response = site.call("POST", f"/admin/users/{action}", who, data={"username": "root-admin"})
        assert response.status_code == 403
    assert not site.accounts.get("root-admin").disabled
    assert site.call("GET", "/api/sessions", "root-admin").status_code == 200


def test_the_address_cannot_make_the_page_announce_anything(site: Site) -> None:
    for done in ("disabled:nobody", "hacked:cand", "enabled:<b>x</b>"):
        page = site.call("GET", f"/admin/users?done={done}", "root-admin")
        assert page.status_code == 200 and 'role="status"' not in page.text
