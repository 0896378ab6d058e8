"""The story bank through the real app on a real SQLite store, with the real embedding model:
the pages and forms, the coverage matrix, export and import, the JSON API, and refusals of bad
input and of other sites' pages."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from markupsafe import escape
from sqlalchemy import select
from web_support import app_store, web_settings

from barraiser.store.models import Story
from barraiser.web.app import create_app
from web_client import TestClient

DIVE_DEEP = {
    "title": "Traced a silent drop in fraud recall",
    "situation": "At a payments company I owned the fraud model, and one Monday its recall fell "
    "from 0.81 to 0.64 with no deploy in between.",
    "task": "It was on me to find the root cause before the next audit.",
    "action": "I pulled the raw scoring logs for the week and compared feature distributions day "
    "by day. I traced the drop to one feature which had become null for 30% of transactions. I "
    "read the upstream pipeline's code and found a renamed column.",
    "result": "",
    "reflection": "I learned to look at per-feature null rates first.",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stories-web")


@pytest.fixture(scope="module")
def app(folder: Path) -> FastAPI:
    return create_app(web_settings(folder))


@pytest.fixture(autouse=True)
def _empty_bank(client: TestClient, app: FastAPI) -> Iterator[None]:
    """Each test starts with no stories (the app and its model load once per module)."""
    yield
    with app_store(app).session() as session:
        for row in session.scalars(select(Story)).all():
            session.delete(row)


def _cell(page: str, principle: str) -> str:
    found = re.search(rf'data-principle="{principle}" data-status="(\w+)"', page)
    assert found, f"no matrix cell for {principle}"
    return found.group(1)


def _create(client: TestClient, **changes: str) -> int:
    response = client.post("/stories", data={**DIVE_DEEP, **changes}, follow_redirects=False)
    assert response.status_code == 303, response.text
    found = re.match(r"/stories/(\d+)\?saved=1$", response.headers["location"])
    assert found
    return int(found.group(1))


def test_the_nav_links_the_stories_page_and_it_starts_empty(client: TestClient) -> None:
    page = client.get("/stories")
    assert page.status_code == 200
    assert '<a href="/stories" aria-current="page">Stories</a>' in page.text
    assert "No stories yet" in page.text
    assert page.text.count('data-status="none"') == 16


def test_a_story_through_the_form_updates_the_matrix_then_edit_and_delete(
    client: TestClient, app: FastAPI
) -> None:
    story_id = _create(client)
    with app_store(app).session() as session:
        row = session.get(Story, story_id)
        assert row is not None and row.action == DIVE_DEEP["action"]
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    assert 'data-principle="dive-deep"' in page.text
    assert "I pulled the raw scoring logs" in page.text
    assert 'data-signal="result" data-present="no"' in page.text
    assert 'href="/questions/dove-deep-into-a-metric"' in page.text  # practise this story
    assert 'action="/practice/questions/dove-deep-into-a-metric"' in page.text
    listing = client.get("/stories").text
    assert _cell(listing, "dive-deep") == "weak"
    assert "No strong story" in listing
    edit = client.get(f"/stories/{story_id}/edit")
    assert edit.status_code == 200 and escape(DIVE_DEEP["action"]) in edit.text
    changed = {**DIVE_DEEP, "result": "Recall went back to 0.80 within a day."}
    response = client.post(f"/stories/{story_id}/edit", data=changed, follow_redirects=False)
    assert response.status_code == 303
    assert _cell(client.get("/stories").text, "dive-deep") == "strong"
    response = client.post(f"/stories/{story_id}/delete", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/stories?deleted=1"
    assert client.get(f"/stories/{story_id}").status_code == 404
    assert _cell(client.get("/stories").text, "dive-deep") == "none"


def test_a_bad_form_comes_back_with_what_to_fix_and_saves_nothing(
    client: TestClient, app: FastAPI
) -> None:
    response = client.post("/stories", data={**DIVE_DEEP, "title": ""})
    assert response.status_code == 400
    assert "Nothing was saved" in response.text and "Give the story a title" in response.text
    assert escape(DIVE_DEEP["action"]) in response.text  # what was typed is kept
    with app_store(app).session() as session:
        assert session.scalars(select(Story)).all() == []


def test_export_links_download_files_that_import_back(client: TestClient) -> None:
    _create(client)
    _create(client, title="Second", action="# hash first\nI did more.", result="2x faster.")
    before = client.get("/api/stories").json()
    for ext in ("json", "md"):
        download = client.get(f"/stories/export.{ext}")
        assert download.status_code == 200
        assert f'.{ext}"' in download.headers["content-disposition"]
        for story in client.get("/api/stories").json():
            client.post(f"/stories/{story['id']}/delete")
        response = client.post(
            "/stories/import",
            files={"file": (f"bank.{ext}", download.content, "application/octet-stream")},
            follow_redirects=False,
        )
        assert response.status_code == 303
        assert response.headers["location"] == "/stories?imported=2&skipped=0"
        after = client.get("/api/stories").json()
        keys = ("title", "situation", "task", "action", "result", "reflection")
        assert sorted([s[k] for k in keys] for s in after) == sorted(
            [s[k] for k in keys] for s in before
        )
    assert "Imported 2 stories" in client.get("/stories?imported=2&skipped=0").text


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"{not json", "The file is not valid JSON"),
        (b"## Only a title\n", "The file has no story"),
        (b'[{"title": "x", "action": 3}]', "Give the action as text, not int."),
    ],
)
def test_a_bad_import_file_is_refused_with_a_sentence(
    client: TestClient, content: bytes, sentence: str
) -> None:
    response = client.post("/stories/import", files={"file": ("bank.txt", content, "text/plain")})
    assert response.status_code == 400
    error = re.search(r'id="sb-import-error">([^<]*)<', response.text)
    assert error and sentence in error.group(1).replace("&#39;", "'"), response.text[-2000:]
    assert "Nothing was imported" in error.group(1)
    assert client.get("/api/stories").json() == []


def test_the_json_api(client: TestClient) -> None:
    created = client.post("/api/stories", json=DIVE_DEEP)
    assert created.status_code == 201
    story = created.json()
    assert story["analysis"]["principles"][0]["id"] == "dive-deep"
    detail = client.get(f"/api/stories/{story['id']}").json()
    assert any(q["id"] == "dove-deep-into-a-metric" for q in detail["questions"])
    coverage = client.get("/api/stories/coverage").json()
    dive = next(c for c in coverage["cells"] if c["principle_id"] == "dive-deep")
    assert dive["status"] == "weak" and dive["stories"][0]["missing"] == ["no result"]
    bad = client.put(f"/api/stories/{story['id']}", json={**DIVE_DEEP, "title": " "})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "title"]
    put = client.put(f"/api/stories/{story['id']}", json={**DIVE_DEEP, "result": "Up 20%."})
    assert put.status_code == 200 and put.json()["result"] == "Up 20%."
    markdown = client.get("/api/stories/export", params={"format": "markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    exported = client.get("/api/stories/export").json()
    assert exported["format"] == "barraiser-stories" and len(exported["stories"]) == 1
    again = client.post("/api/stories/import", content=json.dumps(exported))
    assert again.status_code == 200 and again.json() == {
        "added": [],
        "skipped": [DIVE_DEEP["title"]],
    }
    refused = client.post("/api/stories/import", content=b"## nothing here")
    assert refused.status_code == 422 and "The file has no story" in refused.json()["detail"]
    assert client.delete(f"/api/stories/{story['id']}").status_code == 204
    assert client.get(f"/api/stories/{story['id']}").status_code == 404
    assert client.get(f"/api/stories/{2**70}").status_code == 404


@pytest.mark.parametrize(
    "headers", [{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}]
)
def test_other_sites_pages_cannot_post_stories(
    client: TestClient, app: FastAPI, headers: dict[str, str]
) -> None:
    response = client.post("/stories", data=DIVE_DEEP, headers=headers, follow_redirects=False)
    assert response.status_code == 403
    with app_store(app).session() as session:
        assert session.scalars(select(Story)).all() == []


def _post_a_story(client: TestClient, route: str, story_id: int) -> Any:
    if route == "form":
        return client.post("/stories", data=DIVE_DEEP, follow_redirects=False)
    if route == "edit":
        return client.post(f"/stories/{story_id}/edit", data=DIVE_DEEP, follow_redirects=False)
    exported = json.dumps([{**DIVE_DEEP, "title": "Imported while the database was busy"}])
    if route == "import-form":
        files = {"file": ("bank.json", exported.encode(), "application/json")}
        return client.post("/stories/import", files=files, follow_redirects=False)
    return client.post("/api/stories/import", content=exported)


@pytest.mark.parametrize("route", ["form", "edit", "import-form", "import-api"])
def test_saving_a_story_does_not_stall_other_requests(
    client: TestClient, folder: Path, route: str
) -> None:
    """A story's save (and its analysis) runs off the event loop: while it waits on a busy
    database, another page still answers at once."""
    story_id = _create(client)
    # Another writer holds SQLite's write lock: the save waits on it (the busy timeout).
    other = sqlite3.connect(folder / "barraiser_test.db", timeout=10, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    saved: list[Any] = []
    saving = threading.Thread(target=lambda: saved.append(_post_a_story(client, route, story_id)))
    answered: list[int] = []
    probe = threading.Thread(target=lambda: answered.append(client.get("/stories/new").status_code))
    try:
        saving.start()
        saving.join(1.0)  # it is now waiting for the lock
        assert saving.is_alive(), "the save did not wait for the database"
        probe.start()
        probe.join(5.0)
        assert answered == [200], "a page did not answer while a story was being saved"
        assert saving.is_alive()
    finally:
        other.rollback()
        other.close()
        saving.join(30.0)
        probe.join(30.0)
    assert saved and saved[0].status_code in {200, 303}, saved
