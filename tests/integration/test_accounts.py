"""Hosted mode's accounts on a real store (SQLite and PostgreSQL): argon2 passwords, sessions
and API tokens kept only as keyed hashes, the failed-login limit shared through the database,
and the CLI that manages them."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import select
from typer.testing import CliRunner

from barraiser.accounts import AccountError, Accounts, LoginRefused, TooManyFailures
from barraiser.accounts.service import MAX_FAILURES, hosted_problems
from barraiser.cli import app as cli
from barraiser.config import Settings
from barraiser.store import Store, utcnow
from barraiser.store.models import AuthToken, User

SECRET = "k" * 48
PASSWORD = "correct horse battery"


@pytest.fixture
def accounts(store: Store) -> Accounts:
    return Accounts(store, SECRET, session_hours=1)


def test_an_account_logs_in_and_only_hashes_are_stored(accounts: Accounts, store: Store) -> None:
    ada = accounts.add_user("Ada", PASSWORD, role="coach", name="Ada Lovelace")
    assert (ada.username, ada.role, ada.name) == ("ada", "coach", "Ada Lovelace")
    account, token = accounts.login("ADA ", PASSWORD, "10.0.0.1")
    assert account.id == ada.id
    assert accounts.user_for_session(token) == account
    assert accounts.user_for_bearer(token) is None  # a session is not an API token
    api = accounts.issue_api_token("ada")
    assert api.startswith("brt_") and accounts.user_for_bearer(api) == account
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == "ada")).one()
        assert user.password_hash and PASSWORD not in user.password_hash
        assert user.password_hash.startswith("$argon2")
        hashes = set(session.scalars(select(AuthToken.token_hash)))
    assert len(hashes) == 2 and token not in hashes and api not in hashes
    # The hash is keyed: another secret does not recognise the token.
    assert Accounts(store, "x" * 48).user_for_session(token) is None
    accounts.logout(token)
    assert accounts.user_for_session(token) is None


def test_bad_names_passwords_and_roles_are_refused_with_a_sentence(accounts: Accounts) -> None:
    accounts.add_user("bo", PASSWORD)
    cases = [
        (("bo", PASSWORD), "is taken"),
        (("b", PASSWORD), "cannot be a login name"),
        (("../etc", PASSWORD), "cannot be a login name"),
        (("cy", "short"), "too short"),
        (("cy", "x" * 2000), "too long"),
    ]
    for (name, password), message in cases:
        with pytest.raises(AccountError, match=message):
            accounts.add_user(name, password)
    with pytest.raises(AccountError, match="unknown role"):
        accounts.add_user("cy", PASSWORD, role="root")
    with pytest.raises(AccountError, match="no account 'nobody'"):
        accounts.issue_api_token("nobody")


def test_wrong_password_and_unknown_name_get_the_same_answer(accounts: Accounts) -> None:
    accounts.add_user("cy", PASSWORD)
    for name, password in (("cy", "wrong password"), ("nobody", PASSWORD)):
        with pytest.raises(LoginRefused) as refused:
            accounts.login(name, password, "10.0.0.2")
        assert refused.value.message == "Wrong login name or password."
        assert refused.value.status_code == 401


def test_failed_logins_are_limited_per_account_and_per_address(accounts: Accounts) -> None:
    accounts.add_user("dee", PASSWORD)
    accounts.add_user("eve", PASSWORD)
    for n in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            accounts.login("dee", f"guess {n}", f"10.1.0.{n}")  # a new address each time
    # The account is locked for every address, even with the right password ...
    with pytest.raises(TooManyFailures) as locked:
        accounts.login("dee", PASSWORD, "10.9.9.9")
    assert locked.value.status_code == 429 and 0 < locked.value.retry_after_s <= 15 * 60 + 1
    # ... while another account still logs in from a fresh address.
    assert accounts.login("eve", PASSWORD, "10.2.0.1")[0].username == "eve"
    # One address guessing many accounts is stopped too.
    for n in range(MAX_FAILURES):
        with pytest.raises(LoginRefused):
            accounts.login(f"user{n}", "guess", "10.3.0.1")
    with pytest.raises(TooManyFailures):
        accounts.login("eve", PASSWORD, "10.3.0.1")


def test_expired_sessions_disabled_accounts_and_revoked_tokens_stop_working(
    accounts: Accounts, store: Store
) -> None:
    accounts.add_user("fay", PASSWORD)
    _, session_token = accounts.login("fay", PASSWORD, "10.0.0.3")
    api = accounts.issue_api_token("fay")
    assert accounts.revoke_api_tokens("fay") == 1
    assert accounts.user_for_bearer(api) is None
    assert accounts.user_for_session(session_token) is not None  # sessions are not API tokens
    with store.session() as session:
        for row in session.scalars(select(AuthToken).where(AuthToken.kind == "session")):
            row.expires_at = utcnow() - timedelta(seconds=1)
    assert accounts.user_for_session(session_token) is None
    _, fresh = accounts.login("fay", PASSWORD, "10.0.0.3")
    with store.session() as session:  # the ended session went when the new one started
        kinds = list(session.scalars(select(AuthToken.kind)))
    assert kinds == ["session"]
    api = accounts.issue_api_token("fay")
    accounts.set_disabled("fay", True)
    assert accounts.user_for_session(fresh) is None and accounts.user_for_bearer(api) is None
    with pytest.raises(LoginRefused):
        accounts.login("fay", PASSWORD, "10.0.0.3")
    with pytest.raises(AccountError, match="disabled"):
        accounts.issue_api_token("fay")
    accounts.set_disabled("fay", False)
    assert accounts.login("fay", PASSWORD, "10.0.0.4")[0].username == "fay"


def test_hosted_mode_names_what_its_settings_lack(tmp_path: Path) -> None:
    bare = Settings(data_dir=tmp_path, mode="hosted")
    problems = " ".join(hosted_problems(bare))
    assert "BARRAISER_SECRET_KEY is not set" in problems and "needs PostgreSQL" in problems
    for key in ("changethis", "short-key"):
        weak = Settings(data_dir=tmp_path, mode="hosted", secret_key=SecretStr(key))
        assert "placeholder or shorter" in " ".join(hosted_problems(weak))
    good = Settings(
        data_dir=tmp_path,
        mode="hosted",
        secret_key=SecretStr(SECRET),
        database_url="postgresql://u:p@127.0.0.1/db",
    )
    assert hosted_problems(good) == []


def test_the_users_command_manages_accounts(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BARRAISER_DATABASE_URL", db_url)
    monkeypatch.setenv("BARRAISER_SECRET_KEY", SECRET)
    runner = CliRunner()
    refused = runner.invoke(cli, ["users", "add", "gus"])
    assert refused.exit_code == 1 and "--password-stdin" in refused.output
    added = runner.invoke(cli, ["users", "add", "gus", "--password-stdin"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert PASSWORD not in added.output
    again = runner.invoke(cli, ["users", "add", "gus", "--password-stdin"], input=PASSWORD + "\n")
    assert again.exit_code == 1 and "is taken" in again.output
    short = runner.invoke(cli, ["users", "add", "hal", "--password-stdin"], input="abc\n")
    assert short.exit_code == 1 and "too short" in short.output
    listed = json.loads(runner.invoke(cli, ["users", "list", "--json"]).output)
    assert [(u["username"], u["role"], u["disabled"]) for u in listed] == [
        ("gus", "candidate", False)
    ]
    token = runner.invoke(cli, ["users", "token", "gus"]).output.strip()
    assert token.startswith("brt_")
    revoked = runner.invoke(cli, ["users", "revoke-tokens", "gus"])
    assert revoked.exit_code == 0 and "Revoked 1 API token(s)" in revoked.output
    assert runner.invoke(cli, ["users", "disable", "gus"]).exit_code == 0
    listed = json.loads(runner.invoke(cli, ["users", "list", "--json"]).output)
    assert listed[0]["disabled"] is True
    assert runner.invoke(cli, ["users", "enable", "gus"]).exit_code == 0
    coach = runner.invoke(
        cli, ["users", "add", "cora", "--role", "coach", "--password-stdin"], input=PASSWORD
    )
    assert coach.exit_code == 0, coach.output
    assigned = runner.invoke(cli, ["users", "assign", "gus", "--coach", "cora"])
    assert assigned.exit_code == 0 and "cora now coaches gus" in assigned.output
    neither = runner.invoke(cli, ["users", "assign", "gus"])
    assert neither.exit_code == 1 and "--no-coach" in neither.output
    wrong = runner.invoke(cli, ["users", "assign", "cora", "--coach", "gus"])
    assert wrong.exit_code == 1 and "not a coach" in wrong.output
    missing = runner.invoke(cli, ["users", "token", "nobody"])
    assert missing.exit_code == 1 and "no account 'nobody'" in missing.output
