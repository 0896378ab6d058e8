"""Grading through the web app: the JSON API and the question page, with the real embedding
model, a real SQLite store in a temporary folder and, for the LLM judge, a real local HTTP server
that speaks the chat-completions API."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from chat_server import ChatServer
from fastapi import FastAPI
from sqlalchemy import func, select
from web_support import app_store, web_settings

from bank_support import calibration
from barraiser.content.loader import Bank
from barraiser.grading.result import GRADER_VERSION
from barraiser.interview.answers import MAX_ANSWER_CHARS
from barraiser.store import Answer, GradingResult, User
from barraiser.store.queries import save_answer
from barraiser.web.app import create_app
from web_client import TestClient

# Strong 95 / weak 13 with a flagged misconception on the shipped calibration answers.
CONCEPT = "activation-function-for-image-classification"
BEHAVIOURAL = "prioritizing-multiple-deadlines"
MARK = re.compile(r'<mark class="ev ev--(covered|partly|wrong)"[^>]*>(.*?)</mark>', re.DOTALL)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(web_settings(tmp_path_factory.mktemp("grading-web")))


@pytest.fixture(scope="module")
def bank(app: FastAPI) -> Bank:
    loaded: Bank = app.state.bank
    return loaded


def _grade(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/grade", json=body)
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _answer_count(app: FastAPI) -> int:
    with app_store(app).session() as session:
        return int(session.scalar(select(func.count()).select_from(Answer)) or 0)


# --- JSON API --------------------------------------------------------------------------------


def test_strong_answer_scores_high_and_is_stored_with_its_grading(
    client: TestClient, app: FastAPI, bank: Bank
) -> None:
    text = calibration(bank, CONCEPT, "strong")
    data = _grade(client, question_id=CONCEPT, answer=text)

    assert data["score"] >= 70, data["feedback"]
    assert data["question_id"] == CONCEPT and data["grader_version"] == GRADER_VERSION
    assert data["answer"] == text.strip() and data["llm"] is None
    covered = [kp for kp in data["key_points"] if kp["status"] == "covered"]
    assert len(covered) >= len(data["key_points"]) // 2
    for kp in covered:
        assert kp["covered"] is True
        start, end = kp["evidence_span"]
        # The evidence is a sentence (or two) of the answer, at the offsets given.
        assert " ".join(data["answer"][start:end].split()) == " ".join(kp["evidence"].split())
    assert data["misconceptions"] == []
    assert data["feedback"].startswith(f"Score {round(data['score'])}/100")

    with app_store(app).session() as session:
        answer = session.get(Answer, data["answer_id"])
        assert answer is not None and answer.text == text.strip()
        assert (
            answer.question_id == CONCEPT and answer.prompt_text == bank.questions[CONCEPT].prompt
        )
        gradings = session.scalars(
            select(GradingResult).where(GradingResult.answer_id == answer.id)
        ).all()
        assert len(gradings) == 1
        assert gradings[0].grader_version == GRADER_VERSION
        assert gradings[0].score == data["score"]
        assert gradings[0].result["key_points"] == data["key_points"]


def test_weak_answer_scores_low_and_its_misconception_is_flagged(
    client: TestClient, bank: Bank
) -> None:
    strong = _grade(client, question_id=CONCEPT, answer=calibration(bank, CONCEPT, "strong"))
    weak = _grade(client, question_id=CONCEPT, answer=calibration(bank, CONCEPT, "weak"))
    assert weak["score"] <= 30
    assert strong["score"] - weak["score"] >= 40
    assert weak["misconceptions"], weak["feedback"]
    flagged = weak["misconceptions"][0]
    assert flagged["evidence"] and flagged["correction"]
    assert " ".join(flagged["evidence"].split()) in " ".join(weak["answer"].split())
    # Follow-ups probe what was missed.
    missed = {kp["id"] for kp in weak["key_points"] if kp["status"] != "covered"}
    assert weak["follow_ups"] and any(set(f["probes"]) & missed for f in weak["follow_ups"])


def test_get_answer_returns_the_stored_grading_only_to_its_owner(
    client: TestClient, app: FastAPI, bank: Bank
) -> None:
    posted = _grade(client, question_id=CONCEPT, answer=calibration(bank, CONCEPT, "partial"))
    fetched = client.get(f"/api/answers/{posted['answer_id']}")
    assert fetched.status_code == 200
    assert fetched.json() == posted

    with app_store(app).session() as session:
        other = User(name="someone else", is_local=False)
        session.add(other)
        session.flush()
        foreign_id = save_answer(session, other.id, CONCEPT, "Their answer.").id
    response = client.get(f"/api/answers/{foreign_id}")
    assert response.status_code == 404
    assert response.json() == {"detail": f"No answer of yours with id {foreign_id}."}
    assert client.get("/api/answers/987654").status_code == 404

    listed = client.get(f"/api/questions/{CONCEPT}/answers").json()
    assert listed[0]["answer_id"] >= posted["answer_id"]
    assert posted["answer_id"] in [a["answer_id"] for a in listed]
    assert foreign_id not in [a["answer_id"] for a in listed]


def test_ad_hoc_question_with_a_reference_answer(client: TestClient) -> None:
    reference = (
        "Recall is the share of the actual positives that the model finds: TP / (TP + FN). "
        "Precision is the share of predicted positives that are right: TP / (TP + FP). "
        "Raising the decision threshold usually raises precision and lowers recall."
    )
    question = "What is the difference between precision and recall?"
    good = _grade(
        client,
        question=question,
        reference_answer=reference,
        answer="Recall measures how many of the real positives the model catches, TP over TP "
        "plus FN, while precision measures how many of its positive predictions are correct, "
        "TP over TP plus FP. If you raise the threshold you generally gain precision and lose "
        "recall, so you pick it from the cost of each error.",
    )
    off_topic = _grade(
        client,
        question=question,
        reference_answer=reference,
        answer="I enjoy hiking in the mountains on weekends with my family and our dog.",
    )
    assert good["question_id"].startswith("adhoc:") and good["prompt"] == question
    assert good["reference_answer"] == reference
    assert len(good["key_points"]) >= 2
    assert good["score"] >= 50 and off_topic["score"] <= 10
    assert good["question_id"] == off_topic["question_id"]  # same question, same id


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (None, 400, "has no body"),
        ({"answer": "Something."}, 400, "needs both `question` and `reference_answer`"),
        ({"question_id": "no-such-question", "answer": "x"}, 404, "GET /api/questions"),
        ({"question_id": "two-sum", "answer": "x"}, 400, "POST /api/submissions"),
        ({"question_id": CONCEPT, "answer": "   \n"}, 400, "The answer is empty"),
        ({"question_id": CONCEPT}, 400, "The answer is empty"),
        (
            {"question_id": CONCEPT, "answer": "word " * (MAX_ANSWER_CHARS // 5 + 1)},
            413,
            "at most 20,000",
        ),
        (
            {"question_id": CONCEPT, "question": "Q?", "reference_answer": "R.", "answer": "A."},
            400,
            "not both",
        ),
    ],
)
def test_bad_requests_are_refused_with_a_sentence_and_nothing_is_saved(
    client: TestClient, app: FastAPI, body: dict[str, Any] | None, status: int, words: str
) -> None:
    before = _answer_count(app)
    response = client.post("/api/grade", json=body) if body else client.post("/api/grade")
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and words in detail
    assert detail.endswith(".")
    assert _answer_count(app) == before


def test_malformed_requests_get_a_sentence_too(client: TestClient, app: FastAPI) -> None:
    before = _answer_count(app)
    cases = [
        (b"{not json", "is not valid JSON"),
        (b"[1, 2]", "must be a JSON object"),
        (b'{"question_id": "x", "answer": 5}', "`answer` input should be a valid string"),
    ]
    for raw, words in cases:
        response = client.post(
            "/api/grade", content=raw, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 422
        assert words in response.json()["detail"], response.text
    response = client.get("/api/answers/twelve")
    assert response.status_code == 422 and "whole number" in response.json()["detail"]
    assert _answer_count(app) == before


def test_openapi_documents_the_grading_endpoints(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "post" in schema["paths"]["/api/grade"]
    assert "get" in schema["paths"]["/api/answers/{answer_id}"]
    models = schema["components"]["schemas"]
    assert {"answer", "question_id", "question", "reference_answer"} <= set(
        models["GradeIn"]["properties"]
    )
    graded = models["GradedAnswer"]["properties"]
    assert {"answer_id", "score", "key_points", "misconceptions", "feedback", "star", "llm"} <= set(
        graded
    )


def test_behavioural_answer_gets_the_star_breakdown(client: TestClient, bank: Bank) -> None:
    strong = _grade(
        client, question_id=BEHAVIOURAL, answer=calibration(bank, BEHAVIOURAL, "strong")
    )
    weak = _grade(client, question_id=BEHAVIOURAL, answer=calibration(bank, BEHAVIOURAL, "weak"))
    assert strong["score"] > weak["score"]
    star = strong["star"]
    assert star is not None
    assert {s["part"] for s in star["sentences"]} >= {"situation", "action", "result"}
    assert star["ownership"]["i_count"] > 0 and star["length"]["words"] > 100
    assert star["quantities"], "the strong story has numbers"
    # The weak answer is hypothetical ("I would ..."): the analysis says so.
    assert weak["star"]["hypothetical"] is True
    assert any("hypothetical" in advice for advice in weak["star"]["advice"])


def test_the_answer_is_saved_even_when_the_grader_cannot_load(tmp_path: Path) -> None:
    settings = web_settings(tmp_path, grader_model=str(tmp_path / "no-model-here"))
    application = create_app(settings)
    with TestClient(application) as test_client:
        response = test_client.post(
            "/api/grade", json={"question_id": CONCEPT, "answer": "Use softmax at the output."}
        )
        assert response.status_code == 503
        detail = response.json()["detail"]
        match = re.search(r"Your answer was saved \(id (\d+)\)", detail)
        assert match, detail
        with app_store(application).session() as session:
            saved = session.get(Answer, int(match.group(1)))
            assert saved is not None and saved.text == "Use softmax at the output."
            assert saved.gradings == []
        stored = test_client.get(f"/api/answers/{match.group(1)}")
        assert stored.status_code == 409 and "never graded" in stored.json()["detail"]


# --- the question page -----------------------------------------------------------------------


def test_free_text_question_page_has_a_labelled_answer_box(client: TestClient) -> None:
    page = client.get(f"/questions/{CONCEPT}").text
    assert '<label for="answer-text">' in page
    assert re.search(r'<textarea id="answer-text" name="answer"', page)
    assert f'action="/questions/{CONCEPT}/grade"' in page
    assert f'hx-post="/questions/{CONCEPT}/grade"' in page
    assert 'hx-indicator="#grading-indicator"' in page and 'id="grading-indicator"' in page
    assert ">Grade</button>" in page
    assert "Previous attempts" in page
    # Coding questions are judged by running code: no answer box.
    coding = client.get("/questions/two-sum")
    if coding.status_code == 200:
        assert 'id="answer-text"' not in coding.text


def test_plain_form_post_redirects_to_the_graded_answer_with_highlighted_evidence(
    client: TestClient, bank: Bank
) -> None:
    text = calibration(bank, CONCEPT, "strong")
    posted = client.post(
        f"/questions/{CONCEPT}/grade", data={"answer": text}, follow_redirects=False
    )
    assert posted.status_code == 303
    location = posted.headers["location"]
    answer_id = int(location.rsplit("/", 1)[1])
    assert location == f"/questions/{CONCEPT}/answers/{answer_id}"

    page = client.get(location)
    assert page.status_code == 200 and page.text.startswith("<!doctype html>")
    stored = client.get(f"/api/answers/{answer_id}").json()
    assert f'<span class="score-value" data-score="{stored["score"]}">' in page.text
    marks = [(kind, html.unescape(body)) for kind, body in MARK.findall(page.text)]
    covered_text = " ".join(body for kind, body in marks if kind == "covered")
    for kp in stored["key_points"]:
        if kp["status"] == "covered":
            # Each covered point's sentence is highlighted, and linked both ways.
            first_words = " ".join(kp["evidence"].split()[:4])
            assert first_words in " ".join(covered_text.split()), kp["id"]
    number = next(i for i, kp in enumerate(stored["key_points"], 1) if kp["status"] == "covered")
    assert f'id="ev-kp-{number}"' in page.text and f'href="#ev-kp-{number}"' in page.text
    assert f'<li class="kp kp--covered" id="kp-{number}"' in page.text
    assert f'href="#kp-{number}"' in page.text
    # The attempt is listed, marked as the one shown.
    assert f'href="/questions/{CONCEPT}/answers/{answer_id}"' in page.text
    assert "shown above" in page.text


def test_htmx_post_returns_the_result_and_the_attempts_out_of_band(
    client: TestClient, bank: Bank
) -> None:
    text = calibration(bank, CONCEPT, "weak")
    response = client.post(
        f"/questions/{CONCEPT}/grade", data={"answer": text}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    fragment = response.text
    assert "<html" not in fragment and 'id="grade"' in fragment
    kinds = {kind for kind, _ in MARK.findall(fragment)}
    assert "wrong" in kinds, "the misconception's sentence is highlighted"
    assert "Misconceptions" in fragment and "You did not say:" in fragment
    assert '<section class="section attempts" id="attempts"' in fragment
    assert 'hx-swap-oob="true"' in fragment
    answer_id = int(re.search(r'data-answer-id="(\d+)"', fragment).group(1))  # type: ignore[union-attr]
    assert f'href="/questions/{CONCEPT}/answers/{answer_id}"' in fragment


def test_the_first_htmx_grade_opens_the_answer_key_and_links_the_lab(
    client: TestClient, bank: Bank
) -> None:
    question_id = "adam-optimizer"  # graded by no other test here; backed by a lab
    assert bank.questions[question_id].labs == ["optimizer-memory"]
    page = client.get(f"/questions/{question_id}").text
    assert 'id="answer-key">' in page and "Show me anyway" in page

    def graded(level: str) -> str:
        response = client.post(
            f"/questions/{question_id}/grade",
            data={"answer": calibration(bank, question_id, level)},
            headers={"HX-Request": "true"},
        )
        assert response.status_code == 200
        return response.text

    first = graded("weak")
    # The key replaces its "Show me anyway" toggle, open, out of band.
    assert (
        '<details class="card reveal answer-key" id="answer-key" hx-swap-oob="true" open>' in first
    )
    assert 'class="prose model-answer"' in first
    # The next step links the lab's page; no command line anywhere in the web feedback.
    assert '<p class="grade-next">' in first and 'href="/labs/optimizer-memory"' in first
    assert "barraiser lab run" not in first and "barraiser " not in html.unescape(first)
    # Attempts count per question: this is attempt 1 of this question.
    assert 'data-attempt="1"' in first

    second = graded("partial")
    assert 'id="answer-key"' not in second, "the key is already open after the first grade"
    assert 'data-attempt="2"' in second
    page = client.get(f"/questions/{question_id}").text
    assert "Show me anyway" not in page and "barraiser lab run" not in page


def test_behavioural_page_shows_the_star_breakdown(client: TestClient, bank: Bank) -> None:
    text = calibration(bank, BEHAVIOURAL, "strong")
    response = client.post(f"/questions/{BEHAVIOURAL}/grade", data={"answer": text})
    assert response.status_code == 200  # after the redirect
    page = response.text
    assert "Story structure (STAR)" in page
    parts = re.findall(r'<li class="star-sentence" data-part="(\w+)">', page)
    assert len(parts) >= 5 and {"situation", "action", "result"} <= set(parts)
    assert 'class="star-ownership"' in page and '"I" vs' in html.unescape(page)
    assert 'class="star-length"' in page and "min spoken" in page
    assert 'class="star-numbers"' in page


def test_page_errors_keep_the_draft_and_say_what_to_do(client: TestClient) -> None:
    empty = client.post(
        f"/questions/{CONCEPT}/grade", data={"answer": " "}, headers={"HX-Request": "true"}
    )
    assert empty.status_code == 200 and 'role="alert"' in empty.text
    assert "The answer is empty" in empty.text

    long_text = "softmax " * (MAX_ANSWER_CHARS // 8 + 1)
    too_long = client.post(f"/questions/{CONCEPT}/grade", data={"answer": long_text})
    assert too_long.status_code == 413
    assert "at most 20,000" in too_long.text
    assert long_text.strip()[:80] in too_long.text  # the draft is kept in the box
    missing = client.post("/questions/no-such-question/grade", data={"answer": "x"})
    assert missing.status_code == 404 and "Question not found" in missing.text


# --- the optional LLM judge ------------------------------------------------------------------


def test_llm_judge_is_shown_beside_the_built_in_grade(
    chat_server: ChatServer, tmp_path: Path, bank: Bank
) -> None:
    question = bank.questions[CONCEPT]
    assert question.rubric is not None
    first_point = question.rubric.key_points[0].id
    chat_server.content = json.dumps(
        {
            "score": 64,
            "key_points": [{"id": first_point, "covered": True, "evidence": "Softmax ..."}],
            "misconceptions": [],
            "feedback": "Name the loss that goes with softmax.",
        }
    )
    settings = web_settings(tmp_path, llm_base_url=chat_server.url + "/v1", llm_model="tiny-judge")
    text = calibration(bank, CONCEPT, "strong")
    with TestClient(create_app(settings)) as test_client:
        data = _grade(test_client, question_id=CONCEPT, answer=text)
        assert data["score"] >= 70  # the built-in grade is unchanged
        assert data["llm"]["model"] == "tiny-judge" and data["llm"]["error"] is None
        assert data["llm"]["judgement"]["score"] == 64
        assert [kp["id"] for kp in data["llm"]["judgement"]["key_points"]] == [first_point]
        sent = chat_server.requests[-1]
        assert sent["path"] == "/v1/chat/completions"
        assert sent["body"]["model"] == "tiny-judge"
        assert text.split()[0] in sent["body"]["messages"][-1]["content"]
        # Stored with the answer, and on the page.
        assert test_client.get(f"/api/answers/{data['answer_id']}").json()["llm"] == data["llm"]
        page = test_client.get(f"/questions/{CONCEPT}/answers/{data['answer_id']}").text
        assert "Second opinion: LLM judge" in page and "<strong>64/100</strong>" in page
        assert "Name the loss that goes with softmax." in page

        # The endpoint fails: the built-in grade still comes back, the failure is a sentence.
        chat_server.status = 500
        failed = _grade(test_client, question_id=CONCEPT, answer=text)
        assert failed["score"] == data["score"]
        assert failed["llm"]["judgement"] is None
        assert "HTTP 500" in failed["llm"]["error"]
        page = test_client.get(f"/questions/{CONCEPT}/answers/{failed['answer_id']}").text
        assert "No assessment from the LLM judge" in page and "HTTP 500" in page


def test_half_configured_llm_judge_is_reported_not_fatal(tmp_path: Path, bank: Bank) -> None:
    settings = web_settings(tmp_path, llm_model="tiny-judge")  # no base URL
    with TestClient(create_app(settings)) as test_client:
        data = _grade(test_client, question_id=CONCEPT, answer=calibration(bank, CONCEPT, "strong"))
        assert data["score"] >= 70
        assert data["llm"]["judgement"] is None
        assert "BARRAISER_LLM_BASE_URL" in data["llm"]["error"]


def test_the_verifier_grader_in_the_web_app_shows_its_verdicts(
    tmp_path_factory: pytest.TempPathFactory, bank: Bank
) -> None:
    """BARRAISER_GRADER=verifier: the page names the grader and each point's verdict."""
    from barraiser.grading.verifier_grader import VERIFIER_GRADER_VERSION

    settings = web_settings(tmp_path_factory.mktemp("verifier-web"), grader="verifier")
    verifier_app = create_app(settings)
    text = calibration(bank, CONCEPT, "strong")
    with TestClient(verifier_app) as verifier_client:
        data = _grade(verifier_client, question_id=CONCEPT, answer=text)
        assert (data["grader"], data["grader_version"]) == ("verifier", VERIFIER_GRADER_VERSION)
        judged = [kp for kp in data["key_points"] if kp["verdict"] is not None]
        assert judged, data["key_points"]
        page = verifier_client.post(
            f"/questions/{CONCEPT}/grade", data={"answer": text}, headers={"HX-Request": "true"}
        ).text
        with app_store(verifier_app).session() as session:
            stored = session.scalars(select(GradingResult)).all()
            assert stored and all(g.grader_version == VERIFIER_GRADER_VERSION for g in stored)
    labels = {
        "states": "states it:",
        "mentions": "mentions it only:",
        "contradicts": "contradicts it:",
    }
    assert any(labels[kp["verdict"]] in page for kp in judged), page
    assert "claim verifier" in page.lower()


def test_the_grade_card_numbers_attempts_per_question(
    tmp_path_factory: pytest.TempPathFactory, bank: Bank
) -> None:
    """The card says "Attempt 2" for the second answer to a question, not a database id."""
    fresh = create_app(web_settings(tmp_path_factory.mktemp("attempt-numbers")))
    text = calibration(bank, CONCEPT, "partial")
    with TestClient(fresh) as fresh_client:
        pages = [
            fresh_client.post(
                f"/questions/{CONCEPT}/grade", data={"answer": text}, headers={"HX-Request": "true"}
            ).text
            for _ in range(2)
        ]
    assert "Attempt 1 ·" in pages[0]
    assert "Attempt 2 ·" in pages[1]
