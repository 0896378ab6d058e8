"""Hosted mode's login through the web app (issue 14, item 1), on a real PostgreSQL store: one
message for a wrong password and an unknown name, the rate limit, logout, disabled accounts,
revoked tokens, the ``next`` target, the session cookie's flags, and the settings hosted mode
refuses to start with. (``test_accounts.py`` tests the accounts service itself.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from httpx import Response

from barraiser.accounts import Accounts
from barraiser.config import Settings
from barraiser.web.app import HostedModeError, create_app
from barraiser.web.auth import SESSION_COOKIE
from web_client import TestClient

pytestmark = pytest.mark.postgres

SECRET_KEY = "hosted-login-test-key-" + "0123456789abcdefghijklmnop"  # 48 characters
NAME, PASSWORD = "carol", "carol-password-1"
WRONG_LOGIN = "Wrong login name or password."


@dataclass
class Hosted:
    client: TestClient
    accounts: Accounts

    def login(self, username: str, password: str, **form: str) -> Response:
        response = self.client.post(
            "/login",
            data={"username": username, "password": password, **form},
            follow_redirects=False,
        )
        self.client.cookies.clear()
        return response

    def get(self, url: str, cookie: str | None = None, token: str | None = None) -> Response:
        headers = {}
        if cookie is not None:
            headers["Cookie"] = f"{SESSION_COOKIE}={cookie}"
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        self.client.cookies.clear()
        return self.client.get(url, headers=headers, follow_redirects=False)

    def session(self, username: str = NAME, password: str = PASSWORD) -> str:
        response = self.login(username, password)
        assert response.status_code == 303, response.text[:300]
        token = response.cookies.get(SESSION_COOKIE)
        assert token
        return token


def _settings(folder: Path, **changes: Any) -> Settings:
    values: dict[str, Any] = {
        "mode": "hosted",
        "secret_key": SECRET_KEY,
        "database_url": "postgresql+psycopg://postgres@127.0.0.1:5432/barraiser_test",
        "data_dir": folder,
        "extra_content_dir": None,
        **changes,
    }
    return Settings(**values)


@pytest.fixture
def hosted(postgres_url: str, tmp_path: Path) -> Iterator[Hosted]:
    app = create_app(_settings(tmp_path, database_url=postgres_url))
    with TestClient(app) as client:
        accounts: Accounts = app.state.accounts
        accounts.add_user(NAME, PASSWORD)
        yield Hosted(client, accounts)


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(hosted: Hosted) -> None:
    wrong = hosted.login(NAME, "not-the-password")
    unknown = hosted.login("nobody-here", PASSWORD)
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert SESSION_COOKIE not in response.cookies
        assert WRONG_LOGIN in response.text
        assert 'action="/login"' in response.text  # the form again, to try once more
    assert 'value="carol"' in wrong.text  # the name typed is kept, the password never
    assert "not-the-password" not in wrong.text


def test_five_failures_then_429_with_retry_after_even_for_the_right_password(
    hosted: Hosted,
) -> None:
    for _ in range(5):
        assert hosted.login(NAME, "not-the-password").status_code == 401
    blocked = hosted.login(NAME, PASSWORD)
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    assert "Too many failed logins" in blocked.text
    assert SESSION_COOKIE not in blocked.cookies


def test_the_address_is_limited_too_across_names(hosted: Hosted) -> None:
    hosted.accounts.add_user("dave", "dave-password-1")
    for name in ["x1", "x2", "x3", "x4", "x5"]:
        assert hosted.login(name, "whatever-password").status_code == 401
    assert hosted.login("dave", "dave-password-1").status_code == 429


def test_the_session_cookie_is_httponly_and_samesite_lax(hosted: Hosted) -> None:
    response = hosted.login(NAME, PASSWORD)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "httponly" in flags and "samesite=lax" in flags and "path=/" in flags
    assert "secure" not in flags  # plain HTTP here; Secure over HTTPS
    token = response.cookies[SESSION_COOKIE]
    page = hosted.get("/sessions", cookie=token)
    assert page.status_code == 200 and "Signed in as <strong>carol</strong>" in page.text


def test_logout_deletes_the_session(hosted: Hosted) -> None:
    token = hosted.session()
    assert hosted.get("/api/sessions", cookie=token).status_code == 200
    other = hosted.session()  # another browser of the same user
    out = hosted.client.post(
        "/logout", headers={"Cookie": f"{SESSION_COOKIE}={token}"}, follow_redirects=False
    )
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert f'{SESSION_COOKIE}=""' in out.headers["set-cookie"]
    hosted.client.cookies.clear()
    # The old cookie, sent again (as a copied cookie would be), no longer works.
    assert hosted.get("/api/sessions", cookie=token).status_code == 401
    assert hosted.get("/sessions", cookie=token).headers["location"].startswith("/login")
    assert hosted.get("/api/sessions", cookie=other).status_code == 200


def test_a_disabled_account_loses_its_sessions_and_tokens(hosted: Hosted) -> None:
    cookie = hosted.session()
    token = hosted.accounts.issue_api_token(NAME)
    assert hosted.get("/api/sessions", token=token).status_code == 200
    hosted.accounts.set_disabled(NAME)
    assert hosted.get("/api/sessions", cookie=cookie).status_code == 401
    assert hosted.get("/api/sessions", token=token).status_code == 401
    assert hosted.get("/", cookie=cookie).status_code == 303
    again = hosted.login(NAME, PASSWORD)
    assert again.status_code == 401 and WRONG_LOGIN in again.text
    hosted.accounts.set_disabled(NAME, False)  # enabling does not bring old tokens back
    assert hosted.get("/api/sessions", token=token).status_code == 401


def test_a_revoked_token_stops_working(hosted: Hosted) -> None:
    first, second = (hosted.accounts.issue_api_token(NAME) for _ in range(2))
    assert hosted.get("/api/sessions", token=first).status_code == 200
    assert hosted.accounts.revoke_api_tokens(NAME) == 2
    for token in (first, second):
        response = hosted.get("/api/sessions", token=token)
        assert response.status_code == 401 and "Sign in first" in response.json()["detail"]
    cookie = hosted.session()  # a browser session is not an API token: it still works
    assert hosted.get("/api/sessions", cookie=cookie).status_code == 200
    # A session cookie's value is not accepted as a bearer token, nor a token as a cookie.
    assert hosted.get("/api/sessions", token=cookie).status_code == 401
    fresh = hosted.accounts.issue_api_token(NAME)
    assert hosted.get("/api/sessions", cookie=fresh).status_code == 401


@pytest.mark.parametrize(
    ("target", "landing"),
    [
        ("//evil.example", "/"),
        ("//evil.example/sessions", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
        ("/sessions?x=1", "/sessions?x=1"),
    ],
)
def test_next_goes_to_this_site_only(hosted: Hosted, target: str, landing: str) -> None:
    response = hosted.login(NAME, PASSWORD, next=target)
    assert response.status_code == 303
    assert response.headers["location"] == landing


def test_a_page_sends_to_the_login_and_the_login_comes_back(hosted: Hosted) -> None:
    refused = hosted.get("/stories?x=1")
    assert refused.status_code == 303
    assert refused.headers["location"] == "/login?next=%2Fstories%3Fx%3D1"
    form = hosted.get(refused.headers["location"])
    assert form.status_code == 200 and 'name="next" value="/stories?x=1"' in form.text
    done = hosted.login(NAME, PASSWORD, next="/stories?x=1")
    assert done.headers["location"] == "/stories?x=1"
    signed_in = hosted.get("/login?next=/sessions", cookie=done.cookies[SESSION_COOKIE])
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/sessions"


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"secret_key": None}, "BARRAISER_SECRET_KEY is not set"),
        ({"secret_key": "too-short-a-key"}, "shorter than 32 characters"),
        ({"secret_key": "changethis"}, "placeholder"),
        ({"secret_key": "   changethis  "}, "placeholder"),
        ({"database_url": "sqlite:///{folder}/barraiser_test.db"}, "hosted mode needs PostgreSQL"),
    ],
)
def test_hosted_mode_refuses_to_start_without_its_settings(
    tmp_path: Path, changes: dict[str, Any], said: str
) -> None:
    given = {k: v.format(folder=tmp_path) if isinstance(v, str) else v for k, v in changes.items()}
    with pytest.raises(HostedModeError) as refused:
        create_app(_settings(tmp_path, **given))
    message = str(refused.value)
    assert message.startswith("Hosted mode cannot start: ") and said in message
    assert message.endswith(".")
    if changes.get("secret_key"):
        assert changes["secret_key"].strip() not in message  # the key is never repeated


def test_a_local_install_has_no_login(tmp_path: Path) -> None:
    settings = _settings(
        tmp_path, mode="local", database_url=f"sqlite:///{tmp_path}/barraiser_test.db"
    )
    with TestClient(create_app(settings)) as client:
        assert client.get("/sessions", follow_redirects=False).status_code == 200
        assert client.get("/login").status_code == 404
        assert client.get("/api/sessions").status_code == 200
