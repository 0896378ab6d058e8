"""Spaced-repetition review on a real SQLite store: scheduling, due lists, CLI, web and hooks.

The grader is the real embedding model and the judge the real sandbox; nothing of ours is
replaced.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from typer.testing import CliRunner

from bank_support import calibration
from barraiser.cli.main import app as cli_app
from barraiser.config import Settings, get_settings
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank
from barraiser.content.schemas import Question
from barraiser.interview.answers import AnswerService
from barraiser.interview.review import (
    Rating,
    all_items,
    card_count,
    due_items,
    record_review,
    upcoming,
)
from barraiser.interview.submissions import SubmissionService
from barraiser.judge.sandbox import Sandbox
from barraiser.store import ReviewCard, Store, ensure_local_user, init_store
from barraiser.store.queries import create_submission, upsert_review_card
from barraiser.web.app import create_app
from web_client import TestClient

ROOT = Path(__file__).parents[2]
TWO_SUM = ROOT / "content/problems/two-sum/solutions"
# Strong 95 / weak 13 on the shipped calibration answers (see test_web_grading.py).
CONCEPT = "activation-function-for-image-classification"
NOON = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(sqlite_url: str, tmp_path: Path) -> Iterator[Store]:
    opened = init_store(Settings(data_dir=tmp_path, database_url=sqlite_url))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


def _user(store: Store) -> int:
    with store.session() as session:
        return ensure_local_user(session).id


def _card(store: Store, user_id: int, item_id: str) -> ReviewCard | None:
    with store.session() as session:
        return session.scalars(
            select(ReviewCard).where(
                ReviewCard.user_id == user_id, ReviewCard.question_id == item_id
            )
        ).one_or_none()


def _place(store: Store, user_id: int, item_id: str, due: datetime, reps: int = 1) -> None:
    """A card due at ``due`` (its FSRS state is a real one, reviewed once a week before)."""
    with store.session() as session:
        card = record_review(session, user_id, item_id, Rating.Good, due - timedelta(days=7))
        upsert_review_card(
            session,
            user_id,
            item_id,
            card=card.card,
            due=due,
            last_review=card.last_review,
            reps=reps,
        )


# --- scheduling ------------------------------------------------------------------------------


def test_a_strong_grade_comes_back_later_than_a_weak_one(store: Store) -> None:
    user = _user(store)
    with store.session() as session:
        for item, rating in [
            ("strong", Rating.Easy),
            ("good", Rating.Good),
            ("weak", Rating.Again),
        ]:
            record_review(session, user, item, rating, NOON)
    strong, good, weak = (_card(store, user, item) for item in ("strong", "good", "weak"))
    assert strong is not None and good is not None and weak is not None
    assert strong.due > good.due > weak.due > NOON
    # No minute-long learning steps: even a failed answer comes back another day.
    assert weak.due - NOON >= timedelta(days=1)
    assert strong.reps == good.reps == weak.reps == 1
    assert strong.last_review == NOON
    assert strong.card["stability"] > weak.card["stability"]


def test_a_second_review_extends_the_interval_and_counts(store: Store) -> None:
    user = _user(store)
    with store.session() as session:
        first = record_review(session, user, "q", Rating.Good, NOON)
        first_interval = first.due - NOON
        second_time = first.due
        second = record_review(session, user, "q", Rating.Good, second_time)
    assert second.reps == 2
    assert second.last_review == second_time
    assert second.due - second_time > first_interval
    with store.session() as session:
        # Forgetting it after that brings it back sooner than remembering it would have.
        lapse = record_review(session, user, "q", Rating.Again, second.due)
    assert lapse.reps == 3
    assert lapse.due - second.due < second.due - second_time


def test_due_today_means_by_the_end_of_today_utc(store: Store, bank: Bank) -> None:
    user = _user(store)
    other = _user_named(store, "someone-else")
    free_text = next(q for q in bank.questions.values() if q.is_free_text)
    _place(store, user, free_text.id, NOON - timedelta(days=3), reps=2)
    _place(store, user, "problem:two-sum", NOON + timedelta(hours=11))  # 23:00 today
    _place(store, user, "removed-question", NOON - timedelta(hours=1))
    _place(store, user, "tomorrow", NOON + timedelta(days=1))
    _place(store, user, "in-three-days-a", NOON + timedelta(days=3))
    _place(store, user, "in-three-days-b", NOON + timedelta(days=3, hours=5))
    _place(store, user, "in-nine-days", NOON + timedelta(days=9))
    _place(store, other, "someone-elses", NOON - timedelta(days=1))
    with store.session() as session:
        due = due_items(session, user, NOON, bank)
        limited = due_items(session, user, NOON, bank, limit=1)
        ahead = upcoming(session, user, NOON)
        everything = all_items(session, user, NOON, bank)
        total = card_count(session, user)
    assert [item.item_id for item in due] == [free_text.id, "removed-question", "problem:two-sum"]
    assert [item.item_id for item in limited] == [free_text.id]
    first, removed, problem = due
    assert (first.title, first.kind, first.reps, first.overdue_days) == (
        free_text.title,
        free_text.kind,
        2,
        3,
    )
    assert first.practise_url == f"/practice/questions/{free_text.id}"
    assert first.read_url == f"/questions/{free_text.id}"
    assert first.stability is not None and first.stability > 0
    assert (removed.title, removed.kind, removed.overdue_days) == ("removed-question", "unknown", 0)
    assert problem.title == bank.problems["two-sum"].problem.title
    assert problem.kind == "coding"
    assert problem.practise_url == "/practice/questions/problem:two-sum"
    assert problem.read_url == "/problems/two-sum"
    assert problem.overdue_days == 0
    assert ahead == [(NOON.date() + timedelta(days=k), {1: 1, 3: 2}.get(k, 0)) for k in range(1, 8)]
    assert total == len(everything) == 7
    assert [item.due for item in everything] == sorted(item.due for item in everything)


def _user_named(store: Store, name: str) -> int:
    from barraiser.store import User

    with store.session() as session:
        user = User(name=name, is_local=False)
        session.add(user)
        session.flush()
        return user.id


# --- the command -----------------------------------------------------------------------------


@pytest.fixture
def cli_store(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The store the command opens: the configured one, a test database."""
    monkeypatch.setenv("BARRAISER_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    opened = init_store(get_settings())
    yield opened
    opened.close()


def test_the_command_explains_how_cards_are_made(cli_store: Store) -> None:
    result = CliRunner().invoke(cli_app, ["review"])
    assert result.exit_code == 0, result.output
    assert "No review cards yet" in result.output
    assert "answer" in result.output
    as_json = CliRunner().invoke(cli_app, ["review", "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []


def test_the_command_lists_what_is_due_today(cli_store: Store, bank: Bank) -> None:
    user = _user(cli_store)
    now = datetime.now(UTC)
    question: Question = bank.questions[CONCEPT]
    _place(cli_store, user, CONCEPT, now - timedelta(days=2))
    _place(cli_store, user, "problem:two-sum", now - timedelta(minutes=5))
    _place(cli_store, user, "later", now + timedelta(days=2))
    _place(cli_store, user, "much-later", now + timedelta(days=30))

    runner = CliRunner()
    as_json = runner.invoke(cli_app, ["review", "--json"])
    assert as_json.exit_code == 0, as_json.output
    items = json.loads(as_json.stdout)
    assert [item["item_id"] for item in items] == [CONCEPT, "problem:two-sum"]
    assert items[0]["title"] == question.title and items[0]["overdue_days"] == 2
    assert items[1]["practise_url"] == "/practice/questions/problem:two-sum"
    assert {"due", "last_review", "reps", "stability", "kind"} <= set(items[0])

    table = runner.invoke(cli_app, ["review"], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert question.title in table.output
    assert bank.problems["two-sum"].problem.title in table.output
    assert "2 d overdue" in table.output
    assert "1 more due in the next 7 days." in table.output

    limited = json.loads(runner.invoke(cli_app, ["review", "--json", "--limit", "1"]).stdout)
    assert [item["item_id"] for item in limited] == [CONCEPT]
    every = json.loads(runner.invoke(cli_app, ["review", "--json", "--all"]).stdout)
    assert [item["item_id"] for item in every] == [
        CONCEPT,
        "problem:two-sum",
        "later",
        "much-later",
    ]
    refused = runner.invoke(cli_app, ["review", "--limit", "0"])
    assert refused.exit_code != 0


# --- the web app -----------------------------------------------------------------------------


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[FastAPI, TestClient]]:
    settings = Settings(
        data_dir=tmp_path / "web",
        database_url=f"sqlite:///{tmp_path / 'web_barraiser_test.db'}",
        extra_content_dir=None,
    )
    app = create_app(settings, judge_slots=1)
    with TestClient(app) as client:
        yield app, client


def test_the_review_page_before_any_card_explains(web: tuple[FastAPI, TestClient]) -> None:
    _app, client = web
    page = client.get("/review")
    assert page.status_code == 200
    assert '<a href="/review" aria-current="page">Review</a>' in page.text
    assert "Nothing to review yet" in page.text
    assert 'href="/loops"' in page.text and "Practise now" not in page.text
    api = client.get("/api/review")
    assert api.status_code == 200
    body = api.json()
    assert body["due"] == [] and body["total_cards"] == 0
    assert len(body["upcoming"]) == 7 and all(day["count"] == 0 for day in body["upcoming"])


def test_the_review_page_lists_due_items_with_practise_forms(
    web: tuple[FastAPI, TestClient],
) -> None:
    app, client = web
    store: Store = app.state.store
    bank: Bank = app.state.bank
    user: int = app.state.user_id
    now = datetime.now(UTC)
    _place(store, user, CONCEPT, now - timedelta(days=1))
    _place(store, user, "problem:two-sum", now - timedelta(minutes=1))
    _place(store, user, "next-week", now + timedelta(days=2))

    page = client.get("/review")
    assert page.status_code == 200
    text = page.text
    assert "Due today" in text
    assert f'<form method="post" action="/practice/questions/{CONCEPT}">' in text
    assert '<form method="post" action="/practice/questions/problem:two-sum">' in text
    # The visible words start the button's accessible name; the hidden title says which question.
    assert text.count('>Practise now<span class="visually-hidden">: ') == 2
    assert (
        f'Practise now<span class="visually-hidden">: {bank.questions[CONCEPT].title}</span>'
        in text
    )
    assert f'href="/questions/{CONCEPT}"' in text and 'href="/problems/two-sum"' in text
    assert bank.questions[CONCEPT].title in text
    assert "1 day overdue" in text
    tomorrow_plus_one = (now + timedelta(days=2)).date().isoformat()
    assert f'<li data-day="{tomorrow_plus_one}"><strong>1</strong>' in text

    body = client.get("/api/review").json()
    assert [item["item_id"] for item in body["due"]] == [CONCEPT, "problem:two-sum"]
    assert body["total_cards"] == 3
    assert sum(day["count"] for day in body["upcoming"]) == 1
    schema = client.get("/openapi.json").json()
    assert "/api/review" in schema["paths"] and "/review" not in schema["paths"]
    assert schema["paths"]["/api/review"]["get"]["tags"] == ["review"]


# --- the hooks -------------------------------------------------------------------------------


def test_a_graded_bank_answer_makes_a_card_rated_from_its_score(
    store: Store, bank: Bank, tmp_path: Path
) -> None:
    service = AnswerService(store, bank, Settings(data_dir=tmp_path, extra_content_dir=None))
    user = _user(store)
    weak_user = _user_named(store, "weak")
    strong = service.submit(
        user, service.bank_target(CONCEPT), calibration(bank, CONCEPT, "strong")
    )
    weak = service.submit(
        weak_user, service.bank_target(CONCEPT), calibration(bank, CONCEPT, "weak")
    )
    assert strong.score is not None and strong.score >= 80
    assert weak.score is not None and weak.score < 30
    strong_card = _card(store, user, CONCEPT)
    weak_card = _card(store, weak_user, CONCEPT)
    assert strong_card is not None and weak_card is not None
    assert strong_card.reps == weak_card.reps == 1
    assert strong_card.due > weak_card.due

    # Not recorded when asked not to, nor for ad-hoc questions.
    service.submit(
        user,
        service.bank_target(CONCEPT),
        calibration(bank, CONCEPT, "strong"),
        record_review=False,
    )
    adhoc = service.adhoc_target("What is overfitting?", "Fitting noise in the training data.")
    service.submit(user, adhoc, "When the model memorises noise.")
    again = _card(store, user, CONCEPT)
    assert again is not None and again.reps == 1
    assert _card(store, user, adhoc.question_id) is None


def test_a_judged_submission_makes_a_problem_card(
    store: Store, sandbox: Sandbox, bank: Bank
) -> None:
    problems = {"two-sum": bank.problems["two-sum"]}
    service = SubmissionService(store, problems, slots=1)
    good_user = _user(store)
    wrong_user = _user_named(store, "wrong")
    with store.session() as session:
        good = create_submission(
            session,
            good_user,
            "two-sum",
            "python",
            (TWO_SUM / "reference.py").read_text(),
            "submit",
        ).id
        wrong = create_submission(
            session,
            wrong_user,
            "two-sum",
            "python",
            (TWO_SUM / "wrong_same_index.py").read_text(),
            "submit",
        ).id
        sample_run = create_submission(
            session, good_user, "two-sum", "python", "print(1)", "run"
        ).id
    assert service.judge_one(good) == "AC"
    assert service.judge_one(wrong) == "WA"
    service.judge_one(sample_run)
    good_card = _card(store, good_user, "problem:two-sum")
    wrong_card = _card(store, wrong_user, "problem:two-sum")
    assert good_card is not None and wrong_card is not None
    # A "run" on the samples is practice, not a review: still one.
    assert good_card.reps == 1
    assert good_card.due > wrong_card.due
