"""The admins' content folders (hosted mode, issue 14): an admin enables a sub-folder of the
content folders once it loads cleanly; a web process started afterwards serves its questions,
a grade worker's bank holds them, a disabled or broken folder is left out. Anyone else gets 403.
Real PostgreSQL store, real content loader."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from test_hosted_admin import SECRET_KEY, Site, add_and_sign_in

from barraiser.config import Settings
from barraiser.content.files import default_content_dir
from barraiser.content.folders import load_with_folders
from barraiser.store import init_store
from barraiser.web.app import create_app
from web_client import TestClient

pytestmark = pytest.mark.postgres

QUESTION_ID = "our-own-adam-question"


def _our_question(folder: Path) -> None:
    """A copy of a shipped concept question under a new id (and no claims: none are needed)."""
    source = default_content_dir() / "questions" / "concept" / "adam-optimizer.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["id"] = QUESTION_ID
    data["title"] = "Our own Adam question"
    data["related"] = []
    target = folder / "questions" / "concept" / f"{QUESTION_ID}.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


@pytest.fixture
def settings(postgres_url: str, tmp_path: Path) -> Settings:
    root = tmp_path / "content-folders"
    _our_question(root / "ours")
    broken = root / "broken" / "questions" / "concept" / "half.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("id: half\ntitle: A question with nothing else\n", encoding="utf-8")
    (root / "empty").mkdir()
    return Settings(
        mode="hosted", secret_key=SECRET_KEY, database_url=postgres_url, data_dir=tmp_path
    )


@contextmanager
def _start(settings: Settings, cookies: dict[str, str] | None = None) -> Iterator[Site]:
    """A web process on the database; the accounts are made (and signed in) on the first."""
    app = create_app(settings)
    with TestClient(app) as client:
        site = Site(client, app.state.accounts, dict(cookies or {}))
        yield site if site.cookies else add_and_sign_in(site)


def test_an_admin_enables_a_folder_and_the_next_start_serves_it(settings: Settings) -> None:
    with _start(settings) as site:
        cookies = _enable_ours_after_refusals(site)

    # A restarted web process serves the folder, and so does a grade worker's bank.
    with _start(settings, cookies) as site:
        question = site.call("GET", f"/questions/{QUESTION_ID}", "cand")
        assert question.status_code == 200 and "Our own Adam question" in question.text
        listed = site.call("GET", "/admin/content", "root-admin").text
        assert "yes: 1 questions, 0 problems, 0 loops" in listed
        store = init_store(settings)
        try:
            loaded = load_with_folders(settings, store)
            assert QUESTION_ID in loaded.bank.questions
            assert [f.name for f in loaded.folders] == ["ours"]
        finally:
            store.close()
        disabled = site.call("POST", "/admin/content/disable", "root-admin", data={"name": "ours"})
        assert disabled.status_code == 303
    with _start(settings, cookies) as site:
        assert site.call("GET", f"/questions/{QUESTION_ID}", "cand").status_code == 404


def _enable_ours_after_refusals(site: Site) -> dict[str, str]:
    page = site.call("GET", "/admin/content", "root-admin")
    assert page.status_code == 200
    for name in ("ours", "broken", "empty"):
        assert f'data-folder="{name}"' in page.text
    assert '<a href="/admin/content">Content</a>' in page.text

    refused = site.call("POST", "/admin/content/enable", "root-admin", data={"name": "broken"})
    assert refused.status_code == 422 and "broken was not enabled" in refused.text
    assert "half.yaml" in refused.text
    empty = site.call("POST", "/admin/content/enable", "root-admin", data={"name": "empty"})
    assert empty.status_code == 422 and "holds no questions, problems or loops" in empty.text

    done = site.call("POST", "/admin/content/enable", "root-admin", data={"name": "ours"})
    assert (
        done.status_code == 303 and done.headers["location"] == "/admin/content?done=enabled:ours"
    )
    listed = site.call("GET", done.headers["location"], "root-admin").text
    assert "ours is enabled. Restart the web and worker processes (to serve it)." in listed
    assert "not yet: restart the processes" in listed
    # This process serves what it started with.
    assert site.call("GET", f"/questions/{QUESTION_ID}", "cand").status_code == 404
    return site.cookies


def test_a_folder_that_stops_loading_is_left_out_not_fatal(settings: Settings) -> None:
    with _start(settings) as site:
        enabled = site.call("POST", "/admin/content/enable", "root-admin", data={"name": "ours"})
        assert enabled.status_code == 303
        cookies = site.cookies
    # Someone breaks the file after it was enabled: the next start leaves the folder out.
    path = settings.content_folders_dir / "ours" / "questions" / "concept" / f"{QUESTION_ID}.yaml"
    path.write_text("id: [not, a, question\n", encoding="utf-8")
    with _start(settings, cookies) as site:
        assert site.call("GET", f"/questions/{QUESTION_ID}", "cand").status_code == 404
        assert site.call("GET", "/questions/adam-optimizer", "cand").status_code == 200
        page = site.call("GET", "/admin/content", "root-admin").text
        assert "no: it stopped loading" in page


@pytest.mark.parametrize("who", ["cora", "cand"])
def test_anyone_else_gets_403_and_enables_nothing(settings: Settings, who: str) -> None:
    with _start(settings) as site:
        page = site.call("GET", "/admin/content", who)
        assert page.status_code == 403 and "Only admins manage content folders" in page.text
        assert 'data-folder="' not in page.text
        for action in ("enable", "disable"):
            response = site.call("POST", f"/admin/content/{action}", who, data={"name": "ours"})
            assert response.status_code == 403
        listed = site.call("GET", "/admin/content", "root-admin").text
        assert "not yet: restart" not in listed and ">enabled<" not in listed


def test_a_folder_clashing_with_one_waiting_for_a_restart_is_refused(settings: Settings) -> None:
    """Two folders enabled before a restart must load together: the second copy of the same
    question id is refused at once, not left out at the next start."""
    _our_question(settings.content_folders_dir / "ours-too")
    with _start(settings) as site:
        first = site.call("POST", "/admin/content/enable", "root-admin", data={"name": "ours"})
        assert first.status_code == 303
        again = site.call("POST", "/admin/content/enable", "root-admin", data={"name": "ours-too"})
        assert again.status_code == 422 and "duplicate question id" in again.text


def test_names_that_leave_the_folder_are_refused(settings: Settings) -> None:
    with _start(settings) as site:
        _refuses_names(site, settings)


def _refuses_names(site: Site, settings: Settings) -> None:
    (settings.content_folders_dir / "outside").symlink_to(default_content_dir())
    for name in ("../content", "/etc", "Ours", "outside", ""):
        response = site.call("POST", "/admin/content/enable", "root-admin", data={"name": name})
        assert response.status_code == 400, name
    page = site.call("GET", "/admin/content", "root-admin").text
    assert 'data-folder="outside"' not in page
    for done in ("enabled:nobody", "hacked:ours", "enabled:<b>x</b>"):
        page = site.call("GET", f"/admin/content?done={done}", "root-admin").text
        assert 'role="status"' not in page
