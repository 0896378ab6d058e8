"""Grading and lab runs on the real task queue (issue 14, item 2): a real Redis broker, a real
PostgreSQL, a hosted web app (Starlette's test client) that only queues, and real `barraiser
worker` processes that grade answers and run labs.

Every practice answer sent to the hosted web app is saved and queued (202), then graded exactly
once by a worker, for the user who sent it: one grading row per answer, and each user's review
card counts one review per answer graded, so an answer graded twice would show there. A worker
killed with SIGKILL while it holds an answer leaves it to another worker once its lease runs out.
A lab run asked of the web app is carried out by a lab worker with a data folder of its own (as
on another machine): the result reaches the web app through the database only.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from barraiser.config import Settings
from barraiser.labs import Lab, all_labs
from barraiser.store import Answer, GradingResult, ReviewCard, Store, init_store
from barraiser.store.models import LabResultRow
from barraiser.web.app import create_app
from redis_support import RedisServer, redis_server
from web_client import TestClient
from worker_support import WorkerProcess

pytestmark = pytest.mark.postgres

QUESTION = "activation-function-for-image-classification"
ANSWERS = (
    "For the hidden layers I would use ReLU: it is cheap and does not saturate for positive "
    "inputs, so gradients do not vanish. The output layer uses softmax over the classes, trained "
    "with cross-entropy, so the outputs are probabilities that sum to one.",
    "Sigmoid everywhere, because it squashes values between zero and one.",
    "ReLU in the hidden layers, maybe leaky ReLU if many units die; softmax at the output for "
    "one label per image, or a sigmoid per class when an image can carry several labels.",
)
# Short, so that the tests wait seconds, not minutes, for a dead worker's lease to run out.
LEASE_S = 2.0
REQUEUE_S = 3.0
SECRET_KEY = "grade-workers-test-key-" + "0123456789abcdefghijklmnop"  # 49 characters
#: Guide questions whose labs are quick at the fast size, quickest first (as test_web_labs).
QUICK_FIRST = (12, 11, 4, 1, 5, 6, 15, 3, 10, 2, 8, 7, 14, 13, 9)


@pytest.fixture(scope="module")
def broker() -> Iterator[RedisServer]:
    with redis_server() as server:
        yield server


@pytest.fixture
def settings(postgres_url: str, broker: RedisServer, tmp_path: Path) -> Settings:
    return Settings(
        database_url=postgres_url,
        data_dir=tmp_path / "web",
        extra_content_dir=None,
        broker_url=broker.url,
        judge_lease_s=LEASE_S,
        judge_requeue_s=REQUEUE_S,
        mode="hosted",
        secret_key=SECRET_KEY,
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    yield create_app(settings)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = init_store(settings)
    yield opened
    opened.close()


class Worker(WorkerProcess):
    """One `barraiser worker --queues ...` process (grade and lab workers take no sandbox slot)."""

    def __init__(self, settings: Settings, folder: Path, queues: str, data_dir: Path) -> None:
        super().__init__(settings, folder, ["--queues", queues], data_dir)

    def wait_ready(self, timeout_s: float = 60) -> str:
        text = super().wait_ready(timeout_s)
        assert "no sandbox slots" in text, text  # grade and lab workers need no sandbox
        return text


@pytest.fixture
def workers(settings: Settings, tmp_path: Path) -> Iterator[list[Worker]]:
    """Started workers; each is stopped at the end."""
    started: list[Worker] = []
    yield started
    for worker in started:
        worker.stop()


def _start(
    count: int,
    settings: Settings,
    started: list[Worker],
    tmp_path: Path,
    queues: str = "grade",
    data_dir: Path | None = None,
) -> list[Worker]:
    new = []
    for _ in range(count):
        folder = tmp_path / f"worker{len(started)}"
        worker = Worker(settings, folder, queues, data_dir or folder / "data")
        started.append(worker)
        new.append(worker)
    for worker in new:
        worker.wait_ready()
    return new


def _tokens(app: FastAPI, names: list[str]) -> dict[str, dict[str, str]]:
    """A bearer header per new account (its id in ``ids``)."""
    accounts = app.state.accounts
    headers = {}
    for name in names:
        ids[name] = accounts.add_user(name, f"{name}-password-1").id
        headers[name] = {"Authorization": f"Bearer {accounts.issue_api_token(name)}"}
    return headers


#: Account ids by name, filled by :func:`_tokens`.
ids: dict[str, int] = {}


def _wait_graded(
    client: TestClient, answer_id: int, headers: dict[str, str], timeout_s: float
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        response = client.get(f"/api/answers/{answer_id}", headers=headers)
        if response.status_code == 200:
            graded: dict[str, Any] = response.json()
            return graded
        assert response.status_code == 202, response.text
        assert response.json()["status"] == "queued"
        assert time.monotonic() < deadline, f"answer {answer_id} not graded in {timeout_s} s"
        time.sleep(0.2)


def _gradings_per_answer(store: Store) -> dict[int, int]:
    with store.session() as session:
        rows = session.execute(
            select(GradingResult.answer_id, func.count()).group_by(GradingResult.answer_id)
        ).all()
        return {answer_id: count for answer_id, count in rows}


def _reviews_per_user(store: Store) -> dict[int, int]:
    with store.session() as session:
        cards = session.scalars(select(ReviewCard).where(ReviewCard.question_id == QUESTION)).all()
        return {card.user_id: card.reps for card in cards}


def _answers(store: Store, ids: list[int]) -> dict[int, Answer]:
    with store.session() as session:
        rows = session.scalars(select(Answer).where(Answer.id.in_(ids))).all()
        session.expunge_all()
        return {row.id: row for row in rows}


def test_answers_of_several_users_are_each_graded_once_by_the_workers(
    app: FastAPI, store: Store, settings: Settings, workers: list[Worker], tmp_path: Path
) -> None:
    with TestClient(app) as client:
        users = _tokens(app, ["ada", "bob", "cy", "dee"])
        sent: dict[int, str] = {}
        began = time.monotonic()
        # Queued with no worker running yet: the web process saves and queues, never grades.
        for round_ in range(3):
            for name, headers in users.items():
                body = {"question_id": QUESTION, "answer": ANSWERS[round_]}
                response = client.post("/api/grade", json=body, headers=headers)
                assert response.status_code == 202, response.text
                queued = response.json()
                assert queued["status"] == "queued" and queued["question_id"] == QUESTION
                sent[queued["answer_id"]] = name
        # The page route too: saved, queued, and the answer's page says it is being graded.
        page = client.post(
            f"/questions/{QUESTION}/grade",
            data={"answer": ANSWERS[0]},
            headers=users["ada"],
            follow_redirects=False,
        )
        assert page.status_code == 303, page.text
        page_answer = int(page.headers["location"].rsplit("/", 1)[1])
        sent[page_answer] = "ada"
        pending = client.get(page.headers["location"], headers=users["ada"])
        assert pending.status_code == 200 and "Being graded" in pending.text
        # With htmx, the form gets a panel that polls the answer's page until the grade is in.
        panel = client.post(
            f"/questions/{QUESTION}/grade",
            data={"answer": ANSWERS[1]},
            headers={**users["bob"], "HX-Request": "true"},
        )
        assert panel.status_code == 200 and "Being graded" in panel.text, panel.text
        polled = re.search(rf'hx-get="/questions/{QUESTION}/answers/(\d+)"', panel.text)
        assert polled is not None, panel.text
        sent[int(polled.group(1))] = "bob"
        assert _gradings_per_answer(store) == {}

        first, second = _start(2, settings, workers, tmp_path)
        graded = {
            answer_id: _wait_graded(client, answer_id, users[name], timeout_s=120)
            for answer_id, name in sent.items()
        }
        took = time.monotonic() - began
        done = client.get(page.headers["location"], headers=users["ada"])
        assert "Being graded" not in done.text and 'id="grade"' in done.text
        # Another user sees none of it.
        assert client.get(f"/api/answers/{page_answer}", headers=users["bob"]).status_code == 404

    assert all(0 <= g["score"] <= 100 and g["answer_id"] == i for i, g in graded.items())
    assert _gradings_per_answer(store) == dict.fromkeys(sent, 1)
    rows = _answers(store, list(sent))
    account_ids = {name: ids[name] for name in users}
    assert {i: row.user_id for i, row in rows.items()} == {
        i: account_ids[name] for i, name in sent.items()
    }
    assert all(row.grading_state == "graded" for row in rows.values())
    graders = Counter((row.claimed_by or "").rsplit(":", 1)[0] for row in rows.values())
    assert set(graders) <= {first.name, second.name}, graders
    # One recorded grading per answer: each user's review card counts theirs.
    assert _reviews_per_user(store) == Counter(account_ids[name] for name in sent.values())
    print(f"\n{len(sent)} answers of {len(users)} users graded in {took:.1f} s; {dict(graders)}")


def test_a_killed_grade_workers_answers_are_graded_after_its_lease(
    app: FastAPI, store: Store, settings: Settings, workers: list[Worker], tmp_path: Path
) -> None:
    with TestClient(app) as client:
        users = _tokens(app, ["eve", "fay"])
        (doomed,) = _start(1, settings, workers, tmp_path)
        sent: dict[int, str] = {}
        for round_ in range(2):
            for name, headers in users.items():
                body = {"question_id": QUESTION, "answer": ANSWERS[round_]}
                response = client.post("/api/grade", json=body, headers=headers)
                assert response.status_code == 202, response.text
                sent[response.json()["answer_id"]] = name

        # The worker's first grading loads the grader (seconds): kill it holding an answer.
        deadline = time.monotonic() + 60
        while True:
            held = [
                row
                for row in _answers(store, list(sent)).values()
                if (row.claimed_by or "").startswith(doomed.name + ":")
                and row.grading_state == "queued"
            ]
            if held:
                break
            assert time.monotonic() < deadline, doomed.log()
            time.sleep(0.02)
        doomed.kill()
        taken = held[0]
        assert taken.lease_until is not None

        (survivor,) = _start(1, settings, workers, tmp_path)
        for answer_id, name in sent.items():
            _wait_graded(client, answer_id, users[name], timeout_s=120)

    rows = _answers(store, list(sent))
    assert _gradings_per_answer(store) == dict.fromkeys(sent, 1)
    assert (rows[taken.id].claimed_by or "").startswith(survivor.name + ":")
    with store.session() as session:
        grading = session.scalars(
            select(GradingResult).where(GradingResult.answer_id == taken.id)
        ).one()
        # Not taken over while the dead worker's lease still ran.
        assert grading.created_at > taken.lease_until
    account_ids = {name: ids[name] for name in users}
    assert _reviews_per_user(store) == Counter(account_ids[name] for name in sent.values())


def _quickest_lab() -> Lab:
    rank = {number: i for i, number in enumerate(QUICK_FIRST)}
    return min(all_labs(), key=lambda lab: (rank.get(lab.guide_question, 99), lab.id))


def test_a_lab_run_is_done_by_a_lab_worker_and_seen_by_the_web_app(
    app: FastAPI, settings: Settings, workers: list[Worker], tmp_path: Path
) -> None:
    lab = _quickest_lab()
    with TestClient(app) as client:
        headers = _tokens(app, ["gus"])["gus"]
        started = client.post(f"/api/labs/{lab.id}/runs", json={"fast": True}, headers=headers)
        assert started.status_code == 202, started.text
        run = started.json()
        assert run["status"] == "queued" and run["size"] == "fast"
        # Queued, not run, by the web process.
        time.sleep(LEASE_S)
        assert client.get(f"/api/labs/runs/{run['id']}", headers=headers).json()["status"] == (
            "queued"
        )
        # The same run again is the one under way, not a second one.
        again = client.post(f"/api/labs/{lab.id}/runs", json={"fast": True}, headers=headers)
        assert again.json()["id"] == run["id"]

        # The lab worker has its own data folder: the result travels through the database.
        worker_data = tmp_path / "lab-worker-data"
        _start(1, settings, workers, tmp_path, queues="labs", data_dir=worker_data)
        deadline = time.monotonic() + 90
        while (state := client.get(f"/api/labs/runs/{run['id']}", headers=headers).json())[
            "status"
        ] in ("queued", "running"):
            assert time.monotonic() < deadline, state
            time.sleep(0.2)
        assert state["status"] == "done", state
        assert state["result"]["id"] == lab.id and state["result"]["size"] == "fast"
        cached = client.get(f"/api/labs/{lab.id}?size=fast", headers=headers).json()
        assert cached is not None and cached["cache_key"] == state["result"]["cache_key"]
        # Run in the worker's folder, stored in the database, copied into the web's cache.
        key = state["result"]["cache_key"]
        assert (worker_data / "cache" / "labs" / lab.id / f"fast-{key}" / "result.json").is_file()
        web_entry = settings.data_dir / "cache" / "labs" / lab.id / f"fast-{key}"
        assert (web_entry / "result.json").is_file()
        with app.state.store.session() as session:
            rows = session.scalars(select(LabResultRow).where(LabResultRow.lab_id == lab.id))
            assert [(r.size, r.cache_key) for r in rows] == [("fast", key)]
        for figure in state["result"]["figures"]:
            page = client.get(f"/labs/{lab.id}/figures/fast/{figure['file']}", headers=headers)
            assert page.status_code == 200 and page.content.startswith(b"\x89PNG"), page
