"""The experiences journal through the real app on a real SQLite store: the pages and forms, the
JSON API, refusals of bad input and of other sites' pages, and the draft practice question from
recording to a saved, graded (not scored) answer, with the real grader."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from web_support import app_store, web_settings

from barraiser.content.loader import Bank
from barraiser.store import Answer, utcnow
from barraiser.store.models import Experience
from barraiser.web.app import create_app
from web_client import TestClient

TODAY = utcnow().date().isoformat()
ML_QUESTION = "How would you detect label leakage in a churn model?"
STORY_QUESTION = "Tell me about a time you disagreed with a senior colleague."


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("experiences-web")


@pytest.fixture(scope="module")
def app(folder: Path) -> FastAPI:
    return create_app(web_settings(folder))


def form(**changes: str) -> dict[str, str]:
    """The entry form as a browser posts it: two rounds, three question rows (one blank)."""
    fields = {
        "company": "Acme",
        "role": "ML engineer",
        "date": TODAY,
        "outcome": "pending",
        "notes": "",
        "round-0-title": "Phone screen",
        "round-0-notes": "Coding, then ML concepts.",
        "round-1-title": "Bar Raiser",
        "round-1-notes": "",
        "round-2-title": "",
        "round-2-notes": "",
        "question-0-id": "",
        "question-0-text": ML_QUESTION,
        "question-0-kind": "ml",
        "question-0-round": "1",
        "question-1-id": "",
        "question-1-text": STORY_QUESTION,
        "question-1-kind": "behavioural",
        "question-1-round": "2",
        "question-2-id": "",
        "question-2-text": "",
        "question-2-kind": "other",
        "question-2-round": "",
    }
    fields.update(changes)
    return fields


def entry_count(app: FastAPI) -> int:
    with app_store(app).session() as session:
        return session.scalar(select(func.count()).select_from(Experience)) or 0


def record(client: TestClient, **changes: str) -> int:
    response = client.post("/experiences", data=form(**changes), follow_redirects=False)
    assert response.status_code == 303, response.text
    match = re.fullmatch(r"/experiences/(\d+)\?saved=1", response.headers["location"])
    assert match, response.headers["location"]
    return int(match.group(1))


def practice_actions(page: str) -> list[str]:
    return re.findall(r'action="(/experiences/\d+/questions/\d+/practice)"', page)


def test_the_journal_is_in_the_navigation_and_starts_empty(client: TestClient) -> None:
    page = client.get("/experiences")
    assert page.status_code == 200
    assert '<a href="/experiences" aria-current="page">Experiences</a>' in page.text
    assert "No interviews recorded yet" in page.text
    assert "needs a hosted barraiser" in page.text  # a local install shares nothing, and says so
    new = client.get("/experiences/new")
    assert new.status_code == 200 and 'name="question-4-text"' in new.text
    assert "<script" not in new.text.split("</head>")[1]  # the form needs no script


def test_recording_an_interview_saves_it_and_shows_it(client: TestClient, app: FastAPI) -> None:
    entry_id = record(client)
    page = client.get(f"/experiences/{entry_id}?saved=1")
    assert page.status_code == 200
    assert "Saved." in page.text and "Acme · ML engineer" in page.text
    assert ML_QUESTION in page.text and "Phone screen" in page.text
    assert len(practice_actions(page.text)) == 2  # the blank question row was left out
    listed = client.get("/experiences").text
    assert f'href="/experiences/{entry_id}"' in listed and "Waiting to hear" in listed
    api = client.get(f"/api/experiences/{entry_id}").json()
    assert api["shared"] is False and api["outcome"] == "pending"
    assert [r["title"] for r in api["rounds"]] == ["Phone screen", "Bar Raiser"]
    assert [(q["kind"], q["round"]) for q in api["questions"]] == [("ml", 1), ("behavioural", 2)]


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        ({"company": "  "}, "The company is empty: write the company you interviewed with."),
        (
            {"date": (utcnow().date() + timedelta(days=3)).isoformat()},
            "is in the future: record an interview once it has taken place",
        ),
        ({"round-0-notes": "x" * 200_000}, "The notes of round 1 are 200,000 characters long"),
        ({"date": "30/11/2026"}, "is not a date: write it as YYYY-MM-DD"),
    ],
    ids=["empty-company", "future-date", "huge-note", "bad-date"],
)
def test_bad_input_gets_a_sentence_and_saves_nothing(
    client: TestClient, app: FastAPI, changes: dict[str, str], sentence: str
) -> None:
    before = entry_count(app)
    response = client.post("/experiences", data=form(**changes))
    assert response.status_code == 400
    assert "Nothing was saved: fix these first" in response.text
    assert sentence in response.text
    assert entry_count(app) == before
    # What was typed comes back in the form.
    assert ML_QUESTION in response.text


def test_editing_and_deleting_an_entry(client: TestClient, app: FastAPI) -> None:
    entry_id = record(client)
    edit = client.get(f"/experiences/{entry_id}/edit")
    assert edit.status_code == 200 and 'value="Acme"' in edit.text
    ids = re.findall(r'name="question-(\d+)-id" value="(\d+)"', edit.text)
    assert len(ids) == 2
    changed = form(company="Acme Corp", outcome="offer")
    changed.update({"question-0-id": ids[0][1], "question-1-id": ids[1][1], "question-1-text": ""})
    saved = client.post(f"/experiences/{entry_id}/edit", data=changed, follow_redirects=False)
    assert saved.status_code == 303
    after = client.get(f"/api/experiences/{entry_id}").json()
    assert (after["company"], after["outcome"]) == ("Acme Corp", "offer")
    assert [q["id"] for q in after["questions"]] == [int(ids[0][1])]  # the cleared one is gone
    bad = client.post(f"/experiences/{entry_id}/edit", data=form(company=""))
    assert (
        bad.status_code == 400
        and client.get(f"/api/experiences/{entry_id}").json()["company"] == "Acme Corp"
    )
    gone = client.post(f"/experiences/{entry_id}/delete", follow_redirects=False)
    assert (gone.status_code, gone.headers["location"]) == (303, "/experiences")
    assert client.get(f"/experiences/{entry_id}").status_code == 404
    assert client.get(f"/api/experiences/{entry_id}").status_code == 404


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}],
    ids=["origin", "fetch-metadata"],
)
def test_another_sites_page_cannot_post(
    client: TestClient, app: FastAPI, headers: dict[str, str]
) -> None:
    before = entry_count(app)
    response = client.post("/experiences", data=form(), headers=headers)
    assert response.status_code == 403
    assert entry_count(app) == before
    same_site = client.post(
        "/experiences", data=form(), headers={"Origin": "http://testserver"}, follow_redirects=False
    )
    assert same_site.status_code == 303


def test_the_json_api(client: TestClient) -> None:
    body: dict[str, Any] = {
        "company": "Beta",
        "role": "Applied scientist",
        "date": TODAY,
        "rounds": [{"title": "Onsite"}],
        "questions": [{"text": "Design a feature store.", "kind": "system-design", "round": 1}],
    }
    created = client.post("/api/experiences", json=body)
    assert created.status_code == 201
    entry = created.json()
    assert entry["shared"] is False and entry["questions"][0]["round_title"] == "Onsite"
    assert any(e["id"] == entry["id"] for e in client.get("/api/experiences").json())
    body["questions"][0]["id"] = entry["questions"][0]["id"]
    updated = client.put(f"/api/experiences/{entry['id']}", json={**body, "outcome": "rejected"})
    assert updated.status_code == 200 and updated.json()["outcome"] == "rejected"
    refused = client.post("/api/experiences", json={**body, "company": "", "notes": "x" * 200_000})
    assert refused.status_code == 422
    assert [d["loc"] for d in refused.json()["detail"]] == [["body", "company"], ["body", "notes"]]
    assert refused.json()["detail"][0]["msg"].startswith("The company is empty")
    assert client.delete(f"/api/experiences/{entry['id']}").status_code == 204
    assert client.delete(f"/api/experiences/{entry['id']}").status_code == 404
    assert client.get(f"/api/experiences/{2**70}").status_code == 404
    schema = client.get("/openapi.json").json()
    assert "/api/experiences/{entry_id}/questions/{question_id}/practice" in schema["paths"]


def test_a_recorded_question_becomes_a_draft_that_is_answered_and_graded(
    client: TestClient, app: FastAPI, folder: Path
) -> None:
    entry_id = record(client)
    page = client.get(f"/experiences/{entry_id}").text
    made = client.post(practice_actions(page)[0], follow_redirects=False)
    assert made.status_code == 303
    url = made.headers["location"]
    question_id = url.rsplit("/", 1)[1]
    assert question_id.startswith("draft-how-would-you-detect-label-leakage")
    # The file is in the user content folder inside the data folder, an empty rubric flagged.
    path = folder / "content" / "questions" / "concept" / f"{question_id}.yaml"
    assert "rubric: null" in path.read_text() and "draft: true" in path.read_text()
    # Making it again gives the same question; the entry links to it.
    again = client.post(practice_actions(page)[0], follow_redirects=False)
    assert again.headers["location"] == url
    assert f'href="{url}"' in client.get(f"/experiences/{entry_id}").text
    # It is in the question bank, marked as the user's draft.
    bank: Bank = app.state.bank
    assert bank.is_own(question_id) and bank.questions[question_id].draft
    listing = client.get("/questions?topic=from-your-interviews").text
    assert f'href="/questions/{question_id}"' in listing and "Your draft" in listing
    summary = client.get("/api/questions?topic=from-your-interviews").json()
    assert {"id": question_id, "draft": True}.items() <= next(
        s for s in summary if s["id"] == question_id
    ).items()
    question_page = client.get(url).text
    assert "Draft: no rubric yet." in question_page
    assert "Answers are saved but not scored against key points" in question_page
    assert "Practise as an interview question" not in question_page
    # An answer is saved, graded without a crash, and shown as not scored.
    answer = (
        "I would look for features computed after the label date and compare AUC on a time split."
    )
    graded = client.post(f"{url}/grade", data={"answer": answer}, follow_redirects=False)
    assert graded.status_code == 303, graded.text
    shown = client.get(graded.headers["location"])
    assert shown.status_code == 200
    assert "Saved, not scored: draft question with no rubric yet" in shown.text
    assert "not scored against key points" in shown.text
    with app_store(app).session() as session:
        stored = session.scalars(select(Answer).where(Answer.question_id == question_id)).all()
        assert [a.text for a in stored] == [answer]
        assert stored[0].gradings and stored[0].gradings[0].result["draft"] is True
    # The JSON API grades it the same way.
    api = client.post("/api/grade", json={"question_id": question_id, "answer": answer})
    assert api.status_code == 200, api.text
    result = api.json()
    assert (result["draft"], result["score"], result["key_points"]) == (True, 0.0, [])
    # A grade that scored nothing schedules no review and is no point on the progress charts.
    assert question_id not in client.get("/review").text
    attempts = client.get("/api/progress").json()["attempts"]
    assert question_id not in {a["item_id"] for a in attempts}
    assert "saved, not scored (draft)" in client.get(url).text


def test_a_behavioural_draft_still_gets_its_story_analysed(client: TestClient) -> None:
    entry_id = record(client)
    action = practice_actions(client.get(f"/experiences/{entry_id}").text)[1]
    url = client.post(action, follow_redirects=False).headers["location"]
    story = (
        "Last year our ranking model's latency doubled after a release. I owned the service, so "
        "I traced the slow calls and found a cache that was never warmed. I rewrote the warm-up, "
        "and p95 latency fell by 40% within a week. I learned to alert on p95, not the mean."
    )
    result = client.post(
        "/api/grade", json={"question_id": url.rsplit("/", 1)[1], "answer": story}
    ).json()
    assert result["draft"] is True and result["key_points"] == []
    assert result["star"] is not None and result["star"]["parts"]["action"]["present"]


def test_drafts_are_read_again_after_a_restart(folder: Path, client: TestClient) -> None:
    entry_id = record(client)
    action = practice_actions(client.get(f"/experiences/{entry_id}").text)[0]
    question_id = client.post(action, follow_redirects=False).headers["location"].rsplit("/", 1)[1]
    from barraiser.content.bank import get_bank

    get_bank.cache_clear()
    restarted = create_app(web_settings(folder))
    bank: Bank = restarted.state.bank
    assert bank.is_own(question_id) and bank.questions[question_id].draft
    with TestClient(restarted) as second:
        assert "Draft: no rubric yet." in second.get(f"/questions/{question_id}").text
        assert f'href="/questions/{question_id}"' in second.get(f"/experiences/{entry_id}").text


def test_a_draft_is_answered_even_when_no_grader_can_run(tmp_path: Path) -> None:
    """BARRAISER_GRADER=llm without an endpoint: bank questions cannot be graded (503), but a
    draft scores nothing anyway, so its answer is kept and answered as not scored."""
    broken = create_app(web_settings(tmp_path, grader="llm"))
    with TestClient(broken) as second:
        entry_id = record(second)
        action = practice_actions(second.get(f"/experiences/{entry_id}").text)[0]
        question_id = second.post(action, follow_redirects=False).headers["location"]
        question_id = question_id.rsplit("/", 1)[1]
        answer = {"question_id": question_id, "answer": "A time-based split."}
        result = second.post("/api/grade", json=answer)
        assert result.status_code == 200, result.text
        assert (result.json()["draft"], result.json()["score"]) == (True, 0.0)
        bank_question = {"question_id": "adam-optimizer", "answer": "Adam keeps two moments."}
        assert second.post("/api/grade", json=bank_question).status_code == 503


def test_a_coding_question_is_refused_with_a_sentence(
    client: TestClient, app: FastAPI, folder: Path
) -> None:
    """A coding question needs a judge problem with tests: no button, and a refusal that says
    where to practise instead (a coding draft could be neither graded nor practised)."""
    entry_id = record(
        client, **{"question-0-kind": "coding", "question-0-text": "Reverse a linked list."}
    )
    page = client.get(f"/experiences/{entry_id}").text
    coding_id, story_id = (
        q["id"] for q in client.get(f"/api/experiences/{entry_id}").json()["questions"]
    )
    assert practice_actions(page) == [f"/experiences/{entry_id}/questions/{story_id}/practice"]
    assert "A coding question needs a judge problem with tests" in page
    assert '<a href="/problems">coding problems</a>' in page
    before = set(app.state.bank.questions)
    refused = client.post(f"/experiences/{entry_id}/questions/{coding_id}/practice")
    assert refused.status_code == 409
    assert "coding questions need a judge problem with tests" in refused.text
    assert 'href="/problems"' in refused.text
    api = client.post(f"/api/experiences/{entry_id}/questions/{coding_id}/practice")
    assert api.status_code == 409
    assert api.json()["detail"].startswith("A coding question cannot become a practice question")
    assert not list(folder.rglob("*reverse-a-linked-list*"))
    assert set(app.state.bank.questions) == before
    assert "Some of your own questions are left out" not in client.get("/questions").text


def test_a_broken_draft_file_never_stops_the_app(tmp_path: Path) -> None:
    """A YAML typo in the user's own draft: the app starts, the file is left out and the
    question bank page says which file and why."""
    own = tmp_path / "content" / "questions" / "concept"
    own.mkdir(parents=True)
    (own / "typo.yaml").write_text("id: typo\ntitle: [never closed\n")
    started = create_app(web_settings(tmp_path))
    with TestClient(started) as second:
        page = second.get("/questions")
        assert page.status_code == 200
        assert "Some of your own questions are left out" in page.text
        assert f"{own / 'typo.yaml'}: is not valid YAML (line " in page.text
        assert second.get("/questions/adam-optimizer").status_code == 200
        assert second.get("/questions/typo").status_code == 404
