"""ML-coding problems: the ``kind`` field, Python only (schema, judge, API, pages, CLI)."""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from barraiser.cli import app as cli_app
from barraiser.config import Settings
from barraiser.content.loader import ContentProblem
from barraiser.content.problems import (
    load_problem,
    load_problem_folder,
    required_references,
)
from barraiser.interview.submissions import SubmissionLimits
from barraiser.judge.runner import SubmissionRejected, judge
from barraiser.web.app import create_app
from web_client import TestClient

SHIPPED = Path(__file__).parents[2] / "content" / "problems"
ML_PROBLEM = "precision-recall-from-scores"


def _copy(tmp_path: Path, problem_id: str) -> tuple[Path, Path]:
    root = tmp_path / "content"
    folder = root / "problems" / problem_id
    shutil.copytree(SHIPPED / problem_id, folder)
    return root, folder


def _load(root: Path, folder: Path) -> tuple[Any, list[ContentProblem]]:
    problems: list[ContentProblem] = []
    return load_problem_folder(folder, root, problems), problems


# -- schema --------------------------------------------------------------------------------------


def test_kind_defaults_to_dsa_and_ml_coding_needs_only_a_python_reference() -> None:
    problems = {pid: load_problem(pid) for pid in ("two-sum", ML_PROBLEM)}
    assert problems["two-sum"].problem.kind == "dsa"
    assert problems["two-sum"].problem.languages == ["python", "cpp", "java", "javascript"]
    ml = problems[ML_PROBLEM].problem
    assert ml.kind == "ml-coding" and ml.languages == ["python"]
    assert required_references("ml-coding") == ["python"]
    assert required_references() == ["python", "cpp", "java"]
    assert ml.language_refusal("python") is None
    refusal = ml.language_refusal("cpp")
    assert refusal is not None and "Python 3 only" in refusal and "'cpp'" in refusal
    assert problems["two-sum"].problem.language_refusal("cpp") is None


def test_an_ml_coding_problem_may_not_ship_other_languages(tmp_path: Path) -> None:
    root, folder = _copy(tmp_path, ML_PROBLEM)
    yaml_path = folder / "problem.yaml"
    shutil.copy(SHIPPED / "two-sum" / "solutions" / "reference.cpp", folder / "solutions")
    loaded, problems = _load(root, folder)
    assert loaded is None
    assert "reference.cpp" in str(problems) and "remove the file" in str(problems)
    yaml_path.write_text(
        yaml_path.read_text().replace(
            "  - {file: reference.py, expect: AC}\n",
            "  - {file: reference.py, expect: AC}\n  - {file: reference.cpp, expect: AC}\n",
        )
    )
    loaded, problems = _load(root, folder)
    assert loaded is None
    assert "solved in python only; remove: reference.cpp" in str(problems)


def test_a_dsa_problem_still_needs_every_required_reference(tmp_path: Path) -> None:
    root, folder = _copy(tmp_path, ML_PROBLEM)
    yaml_path = folder / "problem.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("kind: ml-coding\n", "kind: dsa\n"))
    loaded, problems = _load(root, folder)
    assert loaded is None
    assert "no accepted reference solution in: cpp, java" in str(problems)


def test_float_matrices_are_for_ml_coding_problems_only(tmp_path: Path) -> None:
    root, folder = _copy(tmp_path, "two-sum")
    yaml_path = folder / "problem.yaml"
    yaml_path.write_text(
        yaml_path.read_text().replace(
            '{name: prices, type: "int[]"}', '{name: prices, type: "float[][]"}'
        )
    )
    loaded, problems = _load(root, folder)
    assert loaded is None
    assert "float[][] is read by the Python harness only" in str(problems)


def test_the_judge_refuses_another_language_before_running_anything() -> None:
    problem = load_problem(ML_PROBLEM)
    # No sandbox is passed or acquired: the refusal comes first.
    with pytest.raises(SubmissionRejected, match=r"solved in Python 3 only"):
        judge(problem, "class Solution {};", "cpp", "run")
    with pytest.raises(SubmissionRejected, match="unknown language 'ruby'"):
        judge(problem, "puts 1", "ruby", "run")


# -- web -----------------------------------------------------------------------------------------


class _Judge:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def __call__(
        self, problem: Any, source: str, language: str, mode: str, custom: str | None, slot: int
    ) -> dict[str, Any]:
        self.calls.append((problem.id, language))
        return {"verdict": "AC", "tests": []}


@pytest.fixture(scope="module")
def fake_judge() -> _Judge:
    return _Judge()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, fake_judge: _Judge) -> FastAPI:
    data = tmp_path_factory.mktemp("ml-coding")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'barraiser_test.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )
    return create_app(
        settings,
        judge_slots=1,
        submission_limits=SubmissionLimits(per_minute=1000),
        judge=fake_judge,
    )


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def test_the_api_carries_the_kind_and_the_languages(client: TestClient) -> None:
    listed = {p["id"]: p for p in client.get("/api/problems").json()}
    assert listed["two-sum"]["kind"] == "dsa"
    assert listed[ML_PROBLEM]["kind"] == "ml-coding"
    assert listed[ML_PROBLEM]["languages"] == ["python"]
    detail = client.get(f"/api/problems/{ML_PROBLEM}").json()
    assert detail["kind"] == "ml-coding"
    assert set(detail["starter_code"]) == {"python"}
    assert set(detail["limits"]["time_limit_s"]) == {"python"}
    assert "def threshold_for_precision(self" in detail["starter_code"]["python"]


def test_a_submission_in_another_language_is_refused_with_the_allowed_one(
    client: TestClient, fake_judge: _Judge
) -> None:
    body = {"problem_id": ML_PROBLEM, "language": "java", "source": "class Solution {}"}
    refused = client.post("/api/submissions", json={**body, "mode": "run"})
    assert refused.status_code == 400, refused.text
    assert "Python 3 only" in refused.json()["detail"]
    assert (ML_PROBLEM, "java") not in fake_judge.calls
    accepted = client.post(
        "/api/submissions", json={**body, "language": "python", "source": "class Solution: pass"}
    )
    assert accepted.status_code == 202, accepted.text
    deadline = time.monotonic() + 10
    while (ML_PROBLEM, "python") not in fake_judge.calls and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (ML_PROBLEM, "python") in fake_judge.calls


def test_the_problems_page_labels_and_filters_the_kind(client: TestClient) -> None:
    everything = client.get("/problems").text
    assert (
        f'href="/problems/{ML_PROBLEM}"' in everything and 'href="/problems/two-sum"' in everything
    )
    assert "ML coding · Python + numpy" in everything
    ml_only = client.get("/problems?kind=ml-coding").text
    assert f'href="/problems/{ML_PROBLEM}"' in ml_only
    assert 'href="/problems/two-sum"' not in ml_only
    dsa_only = client.get("/problems?kind=dsa").text
    assert 'href="/problems/two-sum"' in dsa_only
    assert f'href="/problems/{ML_PROBLEM}"' not in dsa_only
    page = client.get(f"/problems/{ML_PROBLEM}").text
    assert '<option value="python">Python 3</option>' in page
    assert '<option value="cpp">' not in page and "in the other languages" not in page


def test_the_ml_coding_question_opens_its_problem(client: TestClient) -> None:
    page = client.get(f"/questions/{ML_PROBLEM}").text
    assert f'href="/problems/{ML_PROBLEM}"' in page
    assert f'action="/practice/questions/problem:{ML_PROBLEM}"' in page


# -- CLI -----------------------------------------------------------------------------------------


def test_problems_list_json_carries_the_kind() -> None:
    result = CliRunner().invoke(cli_app, ["problems", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.output)}
    assert rows["two-sum"]["kind"] == "dsa"
    assert rows[ML_PROBLEM]["kind"] == "ml-coding" and rows[ML_PROBLEM]["languages"] == ["python"]
