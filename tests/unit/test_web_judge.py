"""The judge's web side through TestClient: problems API, pages, submissions (fake judge)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import select

from barraiser.config import Settings
from barraiser.interview.submissions import SubmissionLimits
from barraiser.store import CodeSubmission, Store
from barraiser.web.app import create_app
from web_client import TestClient

HIDDEN_SECRET = "hidden-input-never-shown"


class FakeJudge:
    """Stands in for the sandboxed judge; ``gate`` holds every run until it is set."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.calls: list[tuple[str, str, str, str | None]] = []

    def __call__(
        self, problem: Any, source: str, language: str, mode: str, custom: str | None, slot: int
    ) -> dict[str, Any]:
        assert self.gate.wait(10)
        self.calls.append((problem.id, language, mode, custom))
        verdict = "WA" if "wrong" in source else "AC"
        tests: list[dict[str, Any]] = [
            {
                "index": 0,
                "hidden": False,
                "verdict": verdict,
                "input": "x",
                "expected": [1, 2],
                "actual": [1, 2] if verdict == "AC" else [0, 0],
                "time_s": 0.01,
                "memory_kb": 900,
            },
        ]
        if mode == "submit":
            # A careless judge leaking data: the API must cut it out.
            tests.append(
                {
                    "index": 0,
                    "hidden": True,
                    "verdict": "AC",
                    "input": HIDDEN_SECRET,
                    "expected": HIDDEN_SECRET,
                    "actual": HIDDEN_SECRET,
                    "time_s": 0.02,
                    "memory_kb": 1000,
                }
            )
        return {"verdict": verdict, "tests": tests}


def _settings(data: Path) -> Settings:
    return Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'barraiser_test.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )


@pytest.fixture(scope="module")
def judge() -> FakeJudge:
    return FakeJudge()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, judge: FakeJudge) -> FastAPI:
    data = tmp_path_factory.mktemp("web-judge")
    return create_app(
        _settings(data),
        judge_slots=2,
        submission_limits=SubmissionLimits(per_minute=1000),
        judge=judge,
    )


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _wait_done(client: TestClient, submission_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        body: dict[str, Any] = client.get(f"/api/submissions/{submission_id}").json()
        if body["status"] == "done":
            return body
        time.sleep(0.02)
    raise AssertionError(f"submission {submission_id} was not judged in time")


def _post(client: TestClient, **fields: Any) -> Any:
    body = {"problem_id": "two-sum", "language": "python", "source": "print(1)", "mode": "run"}
    body.update(fields)
    return client.post("/api/submissions", json=body)


# -- problems ------------------------------------------------------------------------------------


def test_problem_list_and_detail(client: TestClient) -> None:
    listed = client.get("/api/problems").json()
    assert "two-sum" in [p["id"] for p in listed]
    detail = client.get("/api/problems/two-sum").json()
    assert detail["title"] and detail["statement"] and len(detail["samples"]) >= 2
    assert set(detail["starter_code"]) == {"python", "cpp", "java", "javascript"}
    assert set(detail["limits"]["time_limit_s"]) == {"python", "cpp", "java", "javascript"}
    assert "class Solution {" in detail["starter_code"]["javascript"]
    assert "twoSum(prices, target)" in detail["starter_code"]["javascript"]
    # Hidden tests, generators and reference solutions never leave the server.
    assert not {"hidden", "tests", "solutions", "editorial", "generator"} & set(detail)


def test_unknown_problem_is_a_clear_404(client: TestClient) -> None:
    response = client.get("/api/problems/nope")
    assert response.status_code == 404
    assert "GET /api/problems" in response.json()["detail"]


def test_problem_pages(client: TestClient) -> None:
    listing = client.get("/problems")
    assert listing.status_code == 200
    assert 'href="/problems/two-sum"' in listing.text
    assert 'href="/problems"' in listing.text  # in the nav
    page = client.get("/problems/two-sum")
    assert page.status_code == 200
    for needle in (
        "editor.bundle.js",
        'id="run-button"',
        'id="submit-button"',
        "problem-config",
        'id="custom-input"',
        "Hint 1",
        'id="language"',
        '<option value="javascript">JavaScript (Node.js)</option>',
    ):
        assert needle in page.text
    assert client.get("/problems/nope").status_code == 404


def test_editor_bundle_and_licences_are_served(client: TestClient) -> None:
    bundle = client.get("/static/vendor/codemirror/editor.bundle.js")
    assert bundle.status_code == 200 and "BarraiserEditor" in bundle.text
    licences = Path(__file__).parents[2] / "src/barraiser/web/static/vendor/codemirror/licenses"
    assert any(p.name.startswith("codemirror@") for p in licences.iterdir())


def test_question_page_links_its_problem(client: TestClient, app: FastAPI) -> None:
    linked = [q for q in app.state.bank.questions.values() if q.problem in app.state.bank.problems]
    assert linked, "the bank's coding questions link their judge problems"
    page = client.get(f"/questions/{linked[0].id}")
    assert f'href="/problems/{linked[0].problem}"' in page.text


def test_openapi_documents_the_judge_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/problems",
        "/api/problems/{problem_id}",
        "/api/submissions",
        "/api/submissions/{submission_id}",
    ):
        assert path in paths


# -- submissions ---------------------------------------------------------------------------------


def test_run_then_submit(client: TestClient, judge: FakeJudge) -> None:
    accepted = _post(client)
    assert accepted.status_code == 202
    assert accepted.json()["status"] == "queued"
    done = _wait_done(client, accepted.json()["id"])
    assert done["verdict"] == "AC" and done["mode"] == "run"

    submitted = _post(client, mode="submit", source="class Solution: wrong = 1")
    done = _wait_done(client, submitted.json()["id"])
    assert done["verdict"] == "WA"
    sample, hidden = done["result"]["tests"]
    assert sample["expected"] == [1, 2] and sample["actual"] == [0, 0]
    assert set(hidden) <= {"index", "hidden", "verdict", "time_s", "memory_kb"}
    assert HIDDEN_SECRET not in client.get(f"/api/submissions/{submitted.json()['id']}").text


def test_javascript_is_accepted(client: TestClient, judge: FakeJudge) -> None:
    source = "class Solution { twoSum(prices, target) { return [0, 1]; } }"
    accepted = _post(client, language="javascript", source=source)
    assert accepted.status_code == 202, accepted.text
    done = _wait_done(client, accepted.json()["id"])
    assert done["language"] == "javascript"
    assert judge.calls[-1] == ("two-sum", "javascript", "run", None)


def test_custom_input_reaches_the_judge(client: TestClient, judge: FakeJudge) -> None:
    accepted = _post(client, mode="custom", custom_input='{"prices": [1, 2], "target": 3}')
    _wait_done(client, accepted.json()["id"])
    assert judge.calls[-1] == ("two-sum", "python", "custom", '{"prices": [1, 2], "target": 3}')


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"problem_id": "no-such"}, 404, "no problem"),
        ({"language": "ruby"}, 422, "javascript"),
        ({"mode": "fly"}, 422, "run"),
        ({"source": "   "}, 400, "empty"),
        ({"source": "x" * (64 * 1024 + 1)}, 413, "64 KiB"),
        ({"mode": "custom"}, 400, "custom_input"),
        ({"mode": "custom", "custom_input": "1" * (1024 * 1024 + 1)}, 413, "1 MiB"),
        ({"mode": "run", "custom_input": "1"}, 400, "only read in mode 'custom'"),
    ],
)
def test_refusals_are_clear(
    client: TestClient, fields: dict[str, Any], status: int, words: str
) -> None:
    response = _post(client, **fields)
    assert response.status_code == status, response.text
    assert words.lower() in response.text.lower()


def test_unknown_submission_is_404(client: TestClient) -> None:
    assert client.get("/api/submissions/999999").status_code == 404


def test_saved_before_judged(client: TestClient, app: FastAPI, judge: FakeJudge) -> None:
    judge.gate.clear()
    try:
        submission_id = _post(client, mode="submit").json()["id"]
        store: Store = app.state.store
        with store.session() as session:
            row = session.get(CodeSubmission, submission_id)
            assert row is not None and row.verdict is None and row.source == "print(1)"
        assert client.get(f"/api/submissions/{submission_id}").json()["status"] in {
            "queued",
            "judging",
        }
    finally:
        judge.gate.set()
    assert _wait_done(client, submission_id)["verdict"] == "AC"


def test_rate_limit_per_user(tmp_path: Path) -> None:
    app = create_app(
        _settings(tmp_path),
        judge_slots=1,
        submission_limits=SubmissionLimits(per_minute=2),
        judge=FakeJudge(),
    )
    with TestClient(app) as client:
        assert _post(client).status_code == 202
        assert _post(client).status_code == 202
        refused = _post(client)
        assert refused.status_code == 429
        assert "at most 2 a minute" in refused.json()["detail"]
        with app.state.store.session() as session:
            assert len(list(session.scalars(select(CodeSubmission.id)))) == 2
