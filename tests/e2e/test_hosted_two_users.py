"""Two people on one hosted barraiser (issue 14, item 4): a real `barraiser serve` in hosted
mode on a real PostgreSQL, two accounts made with `barraiser users add`, and two browser
contexts that log in through the login page. A writes a story; B sees neither it in /stories
nor its page (404); each sees their own name in the header; logging out returns to the login
page, which does not scroll sideways at 390 px.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _support import SCREENSHOTS, Problems, Server, free_port, new_page, stop, wait_until_up

from postgres_support import drop_everything, postgres_server

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

SECRET_KEY = "hosted-e2e-test-key-" + "0123456789abcdefghijklmnopqr"  # 48 characters
USERS = {"alice": "alice-password-1", "bob": "bob-password-22"}
MARK = "qzx-e2e-alice-story"
PHONE = {"width": 390, "height": 844}


def _env(folder: Path, database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARRAISER_")}
    env.update(
        BARRAISER_DATA_DIR=str(folder / "data"),
        BARRAISER_CONFIG=str(folder / "no-config.toml"),
        BARRAISER_MODE="hosted",
        BARRAISER_SECRET_KEY=SECRET_KEY,
        BARRAISER_DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    return env


@pytest.fixture(scope="module")
def hosted_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`barraiser serve` in hosted mode on an empty PostgreSQL, with two accounts."""
    folder = tmp_path_factory.mktemp("e2e-hosted")
    with postgres_server() as database_url:
        drop_everything(database_url)
        env = _env(folder, database_url)
        for name, password in USERS.items():
            added = subprocess.run(
                [sys.executable, "-m", "barraiser", "users", "add", name, "--password-stdin"],
                input=password + "\n",
                env=env,
                cwd=folder,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert added.returncode == 0, added.stdout + added.stderr
            assert password not in added.stdout + added.stderr
        port = free_port()
        log = folder / "server.log"
        command = [sys.executable, "-m", "barraiser", "serve", "--port", str(port)]
        with log.open("wb") as sink:
            process = subprocess.Popen(
                command, env=env, stdout=sink, stderr=subprocess.STDOUT, cwd=folder
            )
        running = Server(base=f"http://127.0.0.1:{port}", process=process, log=log)
        try:
            wait_until_up(running)
            yield running
        finally:
            stop(process)
            drop_everything(database_url)


def _log_in(browser: Any, server: Server, name: str, problems: Problems, **options: Any) -> Any:
    page = new_page(browser, problems, **options)
    page.goto(server.base + "/stories")
    assert re.search(r"/login\?next=%2Fstories$", page.url), page.url
    page.get_by_label("Login name").fill(name)
    page.get_by_label("Password").fill(USERS[name])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(server.base + "/stories")
    header = page.locator(".account-bar").inner_text()
    assert f"Signed in as {name}" in header, header
    return page


def _no_horizontal_scroll(page: Any) -> None:
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"


def test_two_users_cannot_see_each_other_s_stories(hosted_server: Server, browser: Any) -> None:
    server = hosted_server
    problems = Problems()
    alice = _log_in(browser, server, "alice", problems)
    alice.get_by_role("link", name="Write a story").click()
    alice.get_by_label("Title").fill(f"Traced a recall drop {MARK}")
    alice.get_by_label("Situation").fill(f"Fraud recall fell from 0.81 to 0.64 ({MARK}).")
    alice.get_by_label("Action").fill("I compared per-feature null rates and found the column.")
    alice.get_by_role("button", name="Save").click()
    alice.wait_for_url(re.compile(r"/stories/\d+\?saved=1$"))
    story_url = alice.url.split("?")[0]
    assert MARK in alice.content()
    alice.goto(server.base + "/stories")
    assert MARK in alice.content()

    bob = _log_in(browser, server, "bob", problems)
    assert MARK not in bob.content() and "No stories yet" in bob.content()
    assert "alice" not in bob.locator(".account-bar").inner_text()
    opened = bob.goto(story_url)
    assert opened is not None and opened.status == 404
    assert MARK not in bob.content()
    bob.goto(server.base + "/sessions")
    assert MARK not in bob.content()
    bob.screenshot(path=str(SCREENSHOTS / "hosted-two-users-bob.png"), full_page=True)

    # Alice still has her story; logging out returns to the login page and ends the session.
    alice.goto(story_url)
    assert MARK in alice.content()
    alice.get_by_role("button", name="Log out").click()
    alice.wait_for_url(server.base + "/login")
    assert alice.get_by_role("button", name="Log in").is_visible()
    again = alice.goto(story_url)
    assert again is not None and "/login?next=" in alice.url
    assert _unexpected(problems, 404) == [], problems.items


def test_the_login_page_fits_a_phone(hosted_server: Server, browser: Any) -> None:
    problems = Problems()
    page = new_page(browser, problems, viewport=PHONE)
    page.goto(hosted_server.base + "/login")
    assert page.get_by_label("Login name").is_visible()
    _no_horizontal_scroll(page)
    page.get_by_label("Login name").fill("alice")
    page.get_by_label("Password").fill("not-her-password")
    page.get_by_role("button", name="Log in").click()
    assert "Wrong login name or password." in page.locator("#login-error").inner_text()
    _no_horizontal_scroll(page)
    page.screenshot(path=str(SCREENSHOTS / "hosted-login-phone.png"), full_page=True)
    assert _unexpected(problems, 401) == [], problems.items


def test_a_shared_interview_is_read_and_reported_on_a_phone_without_javascript(
    hosted_server: Server, browser: Any
) -> None:
    """Alice records an interview and shares it; Bob, on a phone with JavaScript off, finds it
    among the shared entries and reports it to the coaches."""
    server = hosted_server
    problems = Problems()
    company = f"Initech {MARK}"
    alice = _log_in(browser, server, "alice", problems, java_script_enabled=False)
    alice.goto(server.base + "/experiences/new")
    alice.locator("#company").fill(company)
    alice.locator("#role").fill("ML engineer")
    alice.locator("#date").fill("2026-11-20")
    alice.get_by_role("button", name="Save").click()
    alice.wait_for_url(re.compile(r"/experiences/\d+\?saved=1$"))
    assert "private to you" in alice.content()
    alice.get_by_role("button", name="Share with every member").click()
    alice.wait_for_url(re.compile(r"/experiences/\d+\?saved=1$"))
    assert "shared with every member" in alice.content()

    bob = _log_in(browser, server, "bob", problems, viewport=PHONE, java_script_enabled=False)
    bob.goto(server.base + "/experiences")
    bob.get_by_role("link", name="Entries other members shared").click()
    bob.wait_for_url(server.base + "/experiences/shared")
    _no_horizontal_scroll(bob)
    bob.get_by_role("link", name=f"{company} · ML engineer").click()
    assert "Shared by alice" in bob.content()  # her display name: the login name
    _no_horizontal_scroll(bob)
    bob.get_by_role("button", name="Report to the coaches").click()  # no reason: asked for one
    assert "what is wrong" in bob.locator("#report-error").inner_text()
    bob.get_by_label(re.compile("What is wrong with it")).fill("It names the interviewer.")
    bob.get_by_role("button", name="Report to the coaches").click()
    bob.wait_for_url(re.compile(r"/experiences/shared/\d+\?reported=1$"))
    assert "Reported: the coaches will look at it" in bob.content()
    _no_horizontal_scroll(bob)
    bob.screenshot(path=str(SCREENSHOTS / "hosted-shared-entry-phone.png"), full_page=True)
    assert _unexpected(problems, 422) == [], problems.items


def _unexpected(problems: Problems, status: int) -> list[str]:
    """What the pages reported beyond the one refusal each test provokes (and its console
    line)."""
    expected = (
        f"HTTP {status}: ",
        f"console: Failed to load resource: the server responded with a status of {status} ",
    )
    return [item for item in problems.items if not item.startswith(expected)]
