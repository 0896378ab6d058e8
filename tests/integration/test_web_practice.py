"""Practice that does not give the answer away, and the small things around it, through the real
app on a real SQLite store: the answer key stays behind "Show me anyway" until a first attempt
is graded, the home page leads with the quick loop, attempts are numbered per question and the
bank's count reads as English.  Graded answers are written straight to the store (as the grader
would), so no model is loaded here."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from web_support import app_store, web_settings

from barraiser.content.loader import Bank
from barraiser.content.schemas import Question
from barraiser.judge.sandbox import Sandbox
from barraiser.store.queries import create_submission, record_verdict, save_answer, save_grading
from barraiser.web.app import create_app
from web_client import TestClient

CONCEPT = "adam-optimizer"
OTHER = "bagging-vs-boosting"
CODING = "two-sum"
HIDDEN_KEY = '<details class="card reveal answer-key" id="answer-key">'


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(web_settings(tmp_path_factory.mktemp("practice-web")))


@pytest.fixture(scope="module")
def bank(app: FastAPI) -> Bank:
    loaded: Bank = app.state.bank
    return loaded


def _graded_answer(app: FastAPI, question_id: str, text: str, score: float | None) -> int:
    """An answer of the local user, graded with ``score`` (None: saved, never graded)."""
    with app_store(app).session() as session:
        answer = save_answer(session, app.state.user_id, question_id, text)
        if score is not None:
            save_grading(session, answer.id, "test", score, {})
        return answer.id


def _key_parts(question: Question) -> list[str]:
    assert question.rubric is not None and question.rubric.follow_ups
    return [
        "How to answer",
        'class="prose model-answer"',
        html.escape(question.rubric.key_points[0].text, quote=False),
        html.escape(question.rubric.follow_ups[0].question, quote=False),
    ]


def _split_at_key(page: str) -> tuple[str, str]:
    """The page outside the hidden key, and the hidden key itself (nested toggles included)."""
    start = page.index(HIDDEN_KEY)
    depth = 0
    for tag in re.finditer(r"<details\b|</details>", page[start:]):
        depth += 1 if tag.group() == "<details" else -1
        if depth == 0:
            end = start + tag.end()
            return page[:start] + page[end:], page[start:end]
    raise AssertionError("the answer key's <details> is not closed")


def test_the_answer_key_hides_until_the_first_attempt_is_graded(
    client: TestClient, app: FastAPI, bank: Bank
) -> None:
    question = bank.questions[CONCEPT]
    page = client.get(f"/questions/{CONCEPT}").text
    # One closed, labelled toggle; nothing of the key outside it.
    assert page.count(HIDDEN_KEY) == 1
    assert '<span class="reveal-label">Show me anyway</span>' in page
    outside, inside = _split_at_key(page)
    for part in _key_parts(question):
        assert part in inside, part
        assert part not in outside, part
    assert 'aria-labelledby="how-title"' in inside

    # An answer saved but not graded (the grader failed) does not count.
    _graded_answer(app, CONCEPT, "Adam adapts the step size per parameter.", None)
    assert HIDDEN_KEY in client.get(f"/questions/{CONCEPT}").text

    # Once graded, the key shows as before: guidance above the answer box, the rest below.
    _graded_answer(app, CONCEPT, "Adam keeps two moments per parameter.", 42.0)
    page = client.get(f"/questions/{CONCEPT}").text
    assert HIDDEN_KEY not in page and "Show me anyway" not in page
    for part in _key_parts(question):
        assert part in page, part
    assert page.index('id="how-title"') < page.index('id="answer-text"')
    assert '<details class="card reveal" id="model-answer">' in page


def test_a_graded_answer_to_another_question_reveals_nothing(
    client: TestClient, app: FastAPI
) -> None:
    _graded_answer(app, CONCEPT, "Adam keeps two moments per parameter.", 55.0)
    assert HIDDEN_KEY in client.get(f"/questions/{OTHER}").text


def test_a_coding_question_shows_its_key_after_a_judged_submission(
    client: TestClient, app: FastAPI, bank: Bank
) -> None:
    question = next(q for q in bank.questions.values() if q.problem == CODING)
    assert HIDDEN_KEY in client.get(f"/questions/{question.id}").text
    with app_store(app).session() as session:
        run = create_submission(session, app.state.user_id, CODING, "python", "x", "run")
        record_verdict(session, run.id, "AC", {"tests": []})
    # Running the samples is not an attempt at the problem; a judged submission is.
    assert HIDDEN_KEY in client.get(f"/questions/{question.id}").text
    with app_store(app).session() as session:
        sent = create_submission(session, app.state.user_id, CODING, "python", "x", "submit")
        record_verdict(session, sent.id, "WA", {"tests": []})
    page = client.get(f"/questions/{question.id}").text
    assert HIDDEN_KEY not in page and 'class="prose model-answer"' in page


def test_attempts_are_numbered_per_question(client: TestClient, app: FastAPI) -> None:
    first = _graded_answer(app, OTHER, "Bagging averages many deep trees.", 30.0)
    _graded_answer(app, CONCEPT, "An answer to another question in between.", 50.0)
    second = _graded_answer(app, OTHER, "Boosting fits the residuals of shallow trees.", 60.0)
    assert second > first + 1, "the store's ids are global, not per question"

    page = client.get(f"/questions/{OTHER}").text
    rows = re.findall(r'<li data-answer-id="(\d+)" data-attempt="(\d+)">', page)
    assert rows == [(str(second), "2"), (str(first), "1")]  # newest first
    listed = page[page.index('id="attempts"') :]
    assert "Attempt 2" in listed and "Attempt 1" in listed
    assert f"Attempt {second}" not in listed


def test_the_home_page_leads_with_the_quick_loop(client: TestClient, bank: Bank) -> None:
    page = client.get("/").text
    forms = re.findall(r'<form method="post" action="(/loops/[a-z0-9-]+/start)"', page)
    assert forms == ["/loops/quick/start"], "the quick loop is the one loop started from home"
    first_action = re.search(
        r'<(?:form method="post" action|a class="button[^"]*" href)="([^"]+)"', page
    )
    assert first_action is not None and first_action.group(1) == "/loops/quick/start"
    assert "Start the 35 min quick loop" in page
    # The full loop: one click away, on its own page, where it starts.
    assert 'href="/loops/amazon-mle"' in page
    full = client.get("/loops/amazon-mle").text
    assert '<form method="post" action="/loops/amazon-mle/start"' in full
    assert page.count("<h1") == 1


def test_one_match_is_singular(client: TestClient, bank: Bank) -> None:
    title = next(
        q.title for q in bank.questions.values() if len(bank.filter_questions(text=q.title)) == 1
    )
    single = client.get("/questions", params={"q": title}, headers={"HX-Request": "true"}).text
    assert "1 question matches your filters" in " ".join(single.split())
    several = client.get("/questions", params={"kind": "concept"}, headers={"HX-Request": "true"})
    assert "questions match your filters" in " ".join(several.text.split())


def test_the_nav_folds_behind_a_menu_button(client: TestClient) -> None:
    page = client.get("/").text
    nav = page[page.index('<nav class="site-nav"') : page.index("</nav>")]
    assert '<details class="nav-menu">' in nav
    assert re.search(r'<summary class="nav-toggle">.*Menu</summary>', nav)
    assert nav.count('<a href="/') >= 8


def test_the_answer_key_waits_for_the_first_graded_attempt_in_a_fresh_store(
    tmp_path: Path,
) -> None:
    with TestClient(create_app(web_settings(tmp_path))) as fresh:
        assert HIDDEN_KEY in fresh.get(f"/questions/{CONCEPT}").text


def test_a_round_page_says_where_a_submission_stopped(
    client: TestClient, app: FastAPI, sandbox: Sandbox
) -> None:
    started = client.post("/practice/questions/problem:two-sum", follow_redirects=False)
    session_id = started.headers["location"].rsplit("/", 1)[1]
    client.post(f"/sessions/{session_id}/rounds/start")
    item = "problem:two-sum"
    wrong = "class Solution:\n    def two_sum(self, prices, target):\n        return [0, 0]\n"
    client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "python", "source": wrong, "mode": "submit"},
    )
    view = client.get(f"/api/sessions/{session_id}").json()
    active = next(r for r in view["rounds"] if r["status"] == "active")
    submission_id = active["items"][0]["submissions"][-1]
    deadline = time.monotonic() + 120
    state = client.get(f"/api/submissions/{submission_id}").json()
    while state["status"] != "done" and time.monotonic() < deadline:
        time.sleep(0.3)
        state = client.get(f"/api/submissions/{submission_id}").json()
    assert state["verdict"] == "WA", state
    assert state["result"]["summary"] == "stopped at sample 1; hidden tests not run"
    assert state["result"]["stopped_at_sample"] == 1
    page = client.get(f"/sessions/{session_id}?item={item}").text
    latest = page[page.index('<section class="latest-result"') :]
    assert "Stopped at sample 1; hidden tests not run." in latest
    assert "of 3 tests passed" not in page
