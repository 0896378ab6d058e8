"""Progress from a real SQLite store: attempts, daily series, totals, the page and its JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.orm import Session

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.interview.charts import CHART_CSS
from barraiser.interview.progress import hidden_test_score, progress, weakness
from barraiser.store import Store, init_store
from barraiser.store.queries import create_submission, record_verdict, save_answer, save_grading
from barraiser.web.app import create_app
from web_client import TestClient

NOW = datetime(2025, 6, 20, 15, 0, tzinfo=UTC)
CONCEPT = "activation-function-for-image-classification"
BEHAVIOURAL = "bold-idea-you-championed"
LINKED_PROBLEM = "two-sum"  # a coding question of the bank names it
UNLINKED_PROBLEM = "coin-change"


def _tests(hidden: list[str], samples: int = 2) -> dict[str, Any]:
    tests = [{"index": k, "kind": "sample", "verdict": "AC"} for k in range(samples)]
    tests += [{"index": samples + k, "kind": "hidden", "verdict": v} for k, v in enumerate(hidden)]
    return {"tests": tests}


def _answer(
    session: Session,
    user_id: int,
    question_id: str,
    when: datetime,
    scores: list[float],
    parent: int | None = None,
) -> int:
    answer = save_answer(session, user_id, question_id, "my answer", parent_answer_id=parent)
    answer.created_at = when
    for score in scores:  # several gradings: the latest counts
        save_grading(session, answer.id, "1.3.0", score, {"score": score})
    session.flush()
    return answer.id


def _submission(
    session: Session,
    user_id: int,
    problem_id: str,
    when: datetime,
    verdict: str | None,
    result: dict[str, Any],
    mode: str = "submit",
) -> None:
    row = create_submission(session, user_id, problem_id, "python", "pass", mode)  # type: ignore[arg-type]
    row.created_at = when
    if verdict is not None:
        record_verdict(session, row.id, verdict, result)
    session.flush()


def _fill(session: Session, user_id: int) -> None:
    """Six attempts that count and six rows that must not."""
    _answer(session, user_id, CONCEPT, NOW - timedelta(days=20), [30.0, 40.0])
    first = _answer(session, user_id, CONCEPT, NOW - timedelta(days=2, hours=3), [80.0])
    _answer(session, user_id, CONCEPT, NOW - timedelta(days=2, hours=1), [60.0])
    _answer(session, user_id, BEHAVIOURAL, NOW - timedelta(days=1), [50.0])
    _submission(session, user_id, LINKED_PROBLEM, NOW - timedelta(days=10), "WA",
                _tests(["AC", "AC", "AC", "WA"]))  # fmt: skip
    _submission(session, user_id, UNLINKED_PROBLEM, NOW - timedelta(days=1), "AC",
                _tests(["AC", "AC"]))  # fmt: skip
    # Not attempts: a follow-up, an ungraded answer, a run on samples, an unjudged submission,
    # an internal error of the judge, another user's answer.
    _answer(session, user_id, CONCEPT, NOW - timedelta(days=2), [99.0], parent=first)
    _answer(session, user_id, CONCEPT, NOW - timedelta(days=1), [])
    _submission(session, user_id, LINKED_PROBLEM, NOW, "AC", _tests([]), mode="run")
    _submission(session, user_id, LINKED_PROBLEM, NOW, None, {})
    _submission(session, user_id, LINKED_PROBLEM, NOW, "IE", {"verdict": "IE", "tests": []})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = init_store(Settings(data_dir=tmp_path))
    yield store
    store.close()


@pytest.fixture
def bank() -> Bank:
    return get_bank(None)


def _local_user(store: Store) -> int:
    from barraiser.store import ensure_local_user

    with store.session() as session:
        return ensure_local_user(session).id


def test_no_data_gives_empty_progress(store: Store, bank: Bank) -> None:
    with store.session() as session:
        report = progress(session, _local_user(store), bank, now=NOW)
    assert report.attempts == [] and report.by_competency == [] and report.by_kind == []
    assert report.totals.attempts == 0 and report.totals.mean_score is None
    assert report.totals.last_7_days.mean_score is None and report.weakest == []


def test_attempts_series_and_totals(store: Store, bank: Bank) -> None:
    user_id = _local_user(store)
    with store.session() as session:
        _fill(session, user_id)
        report = progress(session, user_id, bank, now=NOW)

    scores = [(a.item_id, a.kind, a.score) for a in report.attempts]
    assert scores == [
        (CONCEPT, "concept", 40.0),  # latest of two gradings
        (LINKED_PROBLEM, "coding", 75.0),  # 3 of 4 hidden tests
        (CONCEPT, "concept", 80.0),
        (CONCEPT, "concept", 60.0),
        (BEHAVIOURAL, "behavioral", 50.0),
        (UNLINKED_PROBLEM, "coding", 100.0),
    ]
    unlinked = report.attempts[-1]
    assert unlinked.competencies == ["coding", "problem-solving"]
    assert report.attempts[1].competencies == bank.questions[LINKED_PROBLEM].competencies

    kinds = {s.key: s for s in report.by_kind}
    assert set(kinds) == {"concept", "coding", "behavioral"}
    concept_days = [(p.day.isoformat(), p.mean, p.attempts) for p in kinds["concept"].points]
    assert concept_days == [("2025-05-31", 40.0, 1), ("2025-06-18", 70.0, 2)]
    assert [p.mean for p in kinds["coding"].points] == [75.0, 100.0]

    competencies = {g.key: g for g in report.competencies}
    for competency in bank.questions[CONCEPT].competencies:
        assert competencies[competency].attempts >= 3
    # Problem solving: the behavioural answer (50) and both submissions (75, 100).
    assert "problem-solving" in bank.questions[BEHAVIOURAL].competencies
    solving = competencies["problem-solving"]
    assert (solving.attempts, solving.mean_score, solving.last_score) == (3, 75.0, 100.0)
    assert all(s.label for s in report.by_competency)
    assert {s.key for s in report.by_competency} == set(competencies)

    totals = report.totals
    assert totals.attempts == 6 and totals.mean_score == pytest.approx(67.5)
    assert (totals.last_7_days.attempts, totals.last_7_days.mean_score) == (4, 72.5)
    assert (totals.before.attempts, totals.before.mean_score) == (2, 57.5)

    weakest = [g.mean_score for g in report.weakest]
    assert weakest == sorted(weakest) and len(weakest) == 3
    assert weakest[0] == min(g.mean_score for g in report.competencies)


def test_weakness_is_what_the_selection_leans_on(store: Store, bank: Bank) -> None:
    """The loop's picker reads each graded competency's weakness from the same attempts."""
    user_id = _local_user(store)
    with store.session() as session:
        assert weakness(session, user_id, bank) == {}
        _fill(session, user_id)
        report = progress(session, user_id, bank, now=NOW)
        weak = weakness(session, user_id, bank)
    assert set(weak) == {g.key for g in report.competencies}
    assert weak["problem-solving"] == pytest.approx(0.25)  # mean 75
    weakest = report.weakest[0]
    assert weak[weakest.key] == max(weak.values())


def test_hidden_test_score() -> None:
    assert hidden_test_score(_tests(["AC", "WA", "skipped", "skipped"]), "WA") == 25.0
    assert hidden_test_score({"verdict": "CE", "tests": []}, "CE") == 0.0
    # Stopped at a failing sample: the hidden tests never ran.
    failed_sample = {"tests": [{"index": 0, "kind": "sample", "verdict": "WA"}]}
    assert hidden_test_score(failed_sample, "WA") == 0.0
    assert hidden_test_score(_tests([]), "AC") == 100.0


# -- the web app --------------------------------------------------------------------------------


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    settings = Settings(
        data_dir=tmp_path,
        database_url=f"sqlite:///{tmp_path / 'barraiser_test.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )
    return create_app(settings, judge_slots=1)


def test_empty_page_says_how_to_get_data(app: FastAPI) -> None:
    with TestClient(app) as client:
        page = client.get("/progress")
        data = client.get("/api/progress").json()
    assert page.status_code == 200
    assert "Nothing graded yet" in page.text
    for link in ('href="/loops"', 'href="/questions"', 'href="/problems"'):
        assert link in page.text
    assert 'role="img"' not in page.text  # no empty charts
    assert data["attempts"] == [] and data["totals"]["attempts"] == 0
    assert data["suggestions"] == []


def test_page_and_api_show_the_series(app: FastAPI) -> None:
    with TestClient(app) as client:
        store: Store = app.state.store
        user_id: int = app.state.user_id
        now = datetime.now(UTC)
        with store.session() as session:
            _answer(session, user_id, CONCEPT, now - timedelta(days=12), [35.0])
            _answer(session, user_id, BEHAVIOURAL, now - timedelta(days=1), [55.0])
            _submission(session, user_id, UNLINKED_PROBLEM, now - timedelta(hours=2), "WA",
                        _tests(["AC", "WA"]))  # fmt: skip
        api = client.get("/api/progress")
        page = client.get("/progress")
        schema = client.get("/openapi.json").json()

    assert api.status_code == 200
    data = api.json()
    assert [a["score"] for a in data["attempts"]] == [35.0, 55.0, 50.0]
    assert data["totals"]["last_7_days"] == {"attempts": 2, "mean_score": 52.5}
    assert {s["key"] for s in data["by_kind"]} == {"concept", "behavioral", "coding"}
    weakest = data["weakest"][0]["key"]
    picks = [s for s in data["suggestions"] if s["competency"] == weakest]
    assert picks and all(s["url"] == f"/questions/{s['question_id']}" for s in picks)
    suggested = [s["question_id"] for s in data["suggestions"]]
    assert len(suggested) == len(set(suggested))
    assert "/api/progress" in schema["paths"] and "/progress" not in schema["paths"]
    assert schema["paths"]["/api/progress"]["get"]["tags"] == ["progress"]

    assert page.status_code == 200
    html = page.text
    assert html.count('role="img"') == 2
    assert CHART_CSS in html  # the charts' layout rules, inlined as in the report
    start = html.index('<section class="section" aria-labelledby="charts-title">')
    charts = html[start : html.index("</section>", start) + len("</section>")]
    ET.fromstring(charts)  # the charts are well-formed
    assert "Score by competency" in charts and "Score by kind of question" in charts
    assert "Behavioural" in charts and "ML concepts" in charts
    assert ">35<" in charts and ">55<" in charts and ">50<" in charts  # data tables
    assert "Weakest competencies" in html
    assert f'href="{picks[0]["url"]}"' in html
