"""Answers inside an interview round, graded by grade workers in hosted mode (issue 14, item 2).

A real Redis broker, a real PostgreSQL, a hosted web app (Starlette's test client) and real
`barraiser worker --queues grade` processes. The web process saves a round's answer, queues it
and waits for a worker's grading (the round needs it to pick the follow-up); it never loads the
grader. The same answers sent to a local install (graded in its web process) give the same
grades and the same follow-up, so the round goes on as it does there. With no worker, the
request ends with a 503 that says so after ``grade_wait_s``, and the answer is kept.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from web_support import hosted_settings, web_settings

from barraiser.config import Settings
from barraiser.store import Answer, GradingResult, ReviewCard, Store
from barraiser.web.app import create_app
from redis_support import RedisServer, redis_server
from web_client import TestClient
from worker_support import WorkerProcess

pytestmark = pytest.mark.postgres

QUESTION = "activation-function-for-image-classification"
#: A thin answer (the interviewer has something to ask about) and the follow-up's answer.
FIRST = "Sigmoid in every layer, because it squashes the values between zero and one."
SECOND = (
    "On reflection, ReLU in the hidden layers, since it does not saturate for positive inputs, "
    "and softmax at the output with cross-entropy, so the class scores are probabilities."
)
LEASE_S = 2.0
REQUEUE_S = 3.0
#: The grade fields that depend on nothing but the text and the rubric.
SAME = ("score", "grader", "grader_version", "follow_ups", "combined_with", "graded_text")


@pytest.fixture(scope="module")
def broker() -> Iterator[RedisServer]:
    with redis_server() as server:
        yield server


@pytest.fixture
def settings(postgres_url: str, broker: RedisServer, tmp_path: Path) -> Settings:
    return hosted_settings(
        tmp_path / "web",
        postgres_url,
        broker_url=broker.url,
        judge_lease_s=LEASE_S,
        judge_requeue_s=REQUEUE_S,
    )


class GradeWorker(WorkerProcess):
    """A `barraiser worker --queues grade` process."""

    def __init__(self, settings: Settings, folder: Path) -> None:
        super().__init__(settings, folder, ["--queues", "grade"])


@pytest.fixture
def workers(settings: Settings, tmp_path: Path) -> Iterator[list[GradeWorker]]:
    started: list[GradeWorker] = []
    yield started
    for worker in started:
        worker.stop()


def _start(settings: Settings, started: list[GradeWorker], tmp_path: Path) -> GradeWorker:
    worker = GradeWorker(settings, tmp_path / f"worker{len(started)}")
    started.append(worker)
    worker.wait_ready()
    return worker


def _login(app: FastAPI, name: str) -> tuple[int, dict[str, str]]:
    accounts = app.state.accounts
    user_id = accounts.add_user(name, f"{name}-password-1").id
    return user_id, {"Authorization": f"Bearer {accounts.issue_api_token(name)}"}


def _practise(client: TestClient, headers: dict[str, str]) -> tuple[str, str]:
    """A practice session of the question: (session id, item id); its clock runs."""
    created = client.post("/api/sessions", json={"practice_item_id": QUESTION}, headers=headers)
    assert created.status_code == 201, created.text
    session_id = created.json()["id"]
    view = client.get(f"/api/sessions/{session_id}", headers=headers).json()
    return session_id, view["rounds"][0]["items"][0]["id"]


def _round(
    client: TestClient, headers: dict[str, str], store: Store, user_id: int
) -> dict[str, Any]:
    """Answer, answer the follow-up, open the debrief: what each step said, and the user's
    review cards (question, reps) before the debrief."""
    session_id, item_id = _practise(client, headers)
    url = f"/api/sessions/{session_id}/items/{item_id}"
    first = client.post(f"{url}/answer", json={"text": FIRST}, headers=headers)
    assert first.status_code == 200, first.text
    assert first.json()["follow_up"] is not None, first.json()
    second = client.post(f"{url}/follow-up", json={"text": SECOND}, headers=headers)
    assert second.status_code == 200, second.text
    view = client.get(f"/api/sessions/{session_id}", headers=headers).json()
    item = view["rounds"][0]["items"][0]
    with store.session() as session:
        cards = session.scalars(select(ReviewCard).where(ReviewCard.user_id == user_id))
        graded_cards = [(card.question_id, card.reps) for card in cards]
    finished = client.post(f"/api/sessions/{session_id}/rounds/finish", headers=headers)
    assert finished.status_code == 200, finished.text
    debrief = client.get(f"/api/sessions/{session_id}/debrief", headers=headers)
    assert debrief.status_code == 200, debrief.text
    return {
        "first": first.json(),
        "second": second.json(),
        "item": item,
        "cards": graded_cards,
        "debrief": debrief.json(),
    }


def _same(grade: dict[str, Any]) -> dict[str, Any]:
    return {key: grade[key] for key in SAME}


def _rows(store: Store, ids: list[int]) -> dict[int, tuple[Answer, list[GradingResult]]]:
    with store.session() as session:
        rows = {}
        for answer_id in ids:
            answer = session.get(Answer, answer_id)
            assert answer is not None
            rows[answer_id] = (answer, list(answer.gradings))
        session.expunge_all()
        return rows


def test_a_rounds_answer_and_follow_up_are_graded_by_a_worker_as_in_local_mode(
    settings: Settings, workers: list[GradeWorker], tmp_path: Path
) -> None:
    began = time.monotonic()
    worker = _start(settings, workers, tmp_path)
    app = create_app(settings)
    with TestClient(app) as client:
        user_id, headers = _login(app, "ada")
        store: Store = app.state.store
        hosted = _round(client, headers, store, user_id)
        # The web process queued and waited: it never loaded the grader.
        assert app.state.answers.enqueue is not None
        assert app.state.answers._grader is None
        first_id, second_id = hosted["first"]["answer_id"], hosted["second"]["answer_id"]
        rows = _rows(store, [first_id, second_id])
    hosted_took = time.monotonic() - began

    # Each graded once, by the worker, with what the engine grades in process.
    for answer, gradings in rows.values():
        assert len(gradings) == 1
        assert answer.grading_state == "graded" and answer.records_review is False
        assert (answer.claimed_by or "").startswith(worker.name + ":")
    first_row, second_row = rows[first_id][0], rows[second_id][0]
    assert first_row.text == FIRST and first_row.graded_text is None
    assert second_row.text == SECOND and second_row.parent_answer_id == first_id
    assert second_row.graded_text == f"{FIRST}\n\n{SECOND}"
    second_grade = hosted["second"]["grade"]
    assert second_grade["combined_with"] == first_id
    assert second_grade["graded_text"] == f"{FIRST}\n\n{SECOND}"
    assert hosted["item"]["status"] == "done"
    # Session answers update no review card when graded (the debrief records the reviews).
    assert hosted["cards"] == []

    # The same round on a local install: graded in the web process, the same outcome.
    began = time.monotonic()
    local_app = create_app(web_settings(tmp_path / "local"))
    with TestClient(local_app) as client:
        local = _round(client, {}, local_app.state.store, local_app.state.user_id)
    local_took = time.monotonic() - began
    assert local["first"]["follow_up"] == hosted["first"]["follow_up"]
    assert _same(local["first"]["grade"]) == _same(hosted["first"]["grade"])
    local_second = dict(local["second"]["grade"])
    assert local_second["combined_with"] == local["first"]["answer_id"]
    local_second["combined_with"] = first_id  # the ids differ between the two databases
    assert _same(local_second) == _same(second_grade)
    assert local["second"]["follow_up"] == hosted["second"]["follow_up"]
    assert local["item"]["status"] == hosted["item"]["status"]
    assert local["cards"] == hosted["cards"]
    assert (
        local["debrief"]["scorecards"][0]["items"][0]["score"]
        == (hosted["debrief"]["scorecards"][0]["items"][0]["score"])
    )
    print(f"\nhosted round (worker start included) {hosted_took:.1f} s; local {local_took:.1f} s")


def test_with_no_grade_worker_the_answer_is_kept_and_the_question_opens_again(
    postgres_url: str, broker: RedisServer, tmp_path: Path
) -> None:
    settings = hosted_settings(
        tmp_path / "web", postgres_url, broker_url=broker.url, grade_wait_s=2.0
    )
    app = create_app(settings)
    with TestClient(app) as client:
        _user_id, headers = _login(app, "bob")
        session_id, item_id = _practise(client, headers)
        began = time.monotonic()
        refused = client.post(
            f"/api/sessions/{session_id}/items/{item_id}/answer",
            json={"text": FIRST},
            headers=headers,
        )
        waited = time.monotonic() - began
        assert refused.status_code == 503, refused.text
        message = refused.json()["detail"]
        assert "grading workers are not answering" in message
        assert "barraiser worker --queues grade" in message
        assert 2.0 <= waited < 10, waited
        view = client.get(f"/api/sessions/{session_id}", headers=headers).json()
        item = view["rounds"][0]["items"][0]
        assert item["status"] == "open" and item["answer_text"] == FIRST
        store: Store = app.state.store
        with store.session() as session:
            kept = session.scalars(select(Answer).where(Answer.question_id == QUESTION)).all()
            assert [(a.text, a.grading_state, a.gradings) for a in kept] == [(FIRST, "queued", [])]
        assert app.state.answers._grader is None


def test_a_round_answer_held_by_a_killed_worker_is_graded_by_another_after_its_lease(
    settings: Settings, workers: list[GradeWorker], tmp_path: Path
) -> None:
    doomed = _start(settings, workers, tmp_path)
    app = create_app(settings)
    with TestClient(app) as client:
        _user_id, headers = _login(app, "cy")
        session_id, item_id = _practise(client, headers)
        outcome: dict[str, Any] = {}

        def send() -> None:
            response = client.post(
                f"/api/sessions/{session_id}/items/{item_id}/answer",
                json={"text": FIRST},
                headers=headers,
            )
            outcome.update(status=response.status_code, body=response.json())

        waiting = threading.Thread(target=send)
        waiting.start()
        store: Store = app.state.store
        # The worker's first grading loads the grader (seconds): kill it holding the answer.
        deadline = time.monotonic() + 45
        while True:
            with store.session() as session:
                held = session.scalars(
                    select(Answer).where(Answer.claimed_by.startswith(doomed.name + ":"))
                ).first()
                lease = held.lease_until if held is not None else None
                state = held.grading_state if held is not None else None
            if held is not None and state == "queued":
                break
            assert time.monotonic() < deadline, doomed.log()
            time.sleep(0.02)
        doomed.kill()
        survivor = _start(settings, workers, tmp_path)
        waiting.join(60)
        assert not waiting.is_alive()
        assert outcome["status"] == 200, outcome
        answer_id = outcome["body"]["answer_id"]
        rows = _rows(store, [answer_id])
    answer, gradings = rows[answer_id]
    assert len(gradings) == 1 and answer.grading_state == "graded"
    assert (answer.claimed_by or "").startswith(survivor.name + ":")
    assert lease is not None and gradings[0].created_at > lease
    assert outcome["body"]["grade"]["score"] == gradings[0].score
