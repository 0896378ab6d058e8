"""The web app through FastAPI's TestClient: JSON API, pages, no-JS filtering, offline assets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from barraiser.config import Settings
from barraiser.content.loader import Bank
from barraiser.content.schemas import QUESTION_KINDS, Question
from barraiser.web.app import create_app
from barraiser.web.presenters import format_minutes, kind_label
from web_client import TestClient

# An absolute http(s) URL in a src/href attribute or a CSS url(): something loaded from the network.
EXTERNAL_ASSET = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//"""
)
LOCAL_ASSET = re.compile(r"""(?:src|href)\s*=\s*["'](/static/[^"']+)["']""")
ROW_KIND = re.compile(r'<li class="q-row" data-id="([^"]+)" data-kind="([^"]+)"')


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    data = tmp_path_factory.mktemp("web-data")
    # Every setting is given, so neither the environment nor a config file can point elsewhere.
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'barraiser_test.db'}",
        extra_content_dir=None,
        host="127.0.0.1",
        port=8000,
    )
    yield create_app(settings)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:  # runs the lifespan: migrates the store
        yield test_client


@pytest.fixture(scope="module")
def bank(app: FastAPI) -> Bank:
    loaded: Bank = app.state.bank
    return loaded


def _ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()]


def _haystack(q: Question) -> str:
    return " ".join([q.id, q.title, q.prompt, " ".join(q.topics)]).lower()


# --- JSON API -------------------------------------------------------------------------------


def test_health(client: TestClient) -> None:
    from barraiser import __version__

    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "version": __version__}


def test_store_is_created_on_start(app: FastAPI, client: TestClient) -> None:
    settings: Settings = app.state.settings
    assert app.state.store is not None
    assert (settings.data_dir / "barraiser_test.db").is_file()


def test_loops_lists_every_loop(client: TestClient, bank: Bank) -> None:
    response = client.get("/api/loops")
    assert response.status_code == 200
    loops = {item["id"]: item for item in response.json()}
    assert {"amazon-mle", "quick"} <= set(loops)
    assert set(loops) == set(bank.loops)
    for loop_id, item in loops.items():
        loop = bank.loops[loop_id]
        assert item["title"] == loop.title
        assert item["company"] == loop.company
        assert item["role"] == loop.role
        assert item["duration_min"] == loop.duration_min
        assert item["stage_count"] == len(loop.stages)
        assert item["round_count"] == len(loop.rounds())


def test_loop_detail(client: TestClient, bank: Bank) -> None:
    response = client.get("/api/loops/amazon-mle")
    assert response.status_code == 200
    body = response.json()
    loop = bank.loops["amazon-mle"]
    assert [s["id"] for s in body["stages"]] == [s.id for s in loop.stages]
    assert body["decision"]["bar_raiser_veto"] is True
    assert body["duration_min"] == loop.duration_min


def test_unknown_loop_is_a_clear_json_404(client: TestClient) -> None:
    response = client.get("/api/loops/nope")
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]
    assert "amazon-mle" in response.json()["detail"]


def test_questions_without_filters_lists_the_whole_bank(client: TestClient, bank: Bank) -> None:
    response = client.get("/api/questions")
    assert sorted(_ids(response)) == sorted(bank.questions)
    fields = {"id", "kind", "title", "difficulty", "topics", "leadership_principles", "source"}
    assert fields <= set(response.json()[0])


@pytest.mark.parametrize("kind", QUESTION_KINDS)
def test_questions_filter_by_kind(client: TestClient, bank: Bank, kind: str) -> None:
    ids = _ids(client.get("/api/questions", params={"kind": kind}))
    assert sorted(ids) == sorted(q.id for q in bank.questions.values() if q.kind == kind)


def test_questions_filter_by_topic(client: TestClient, bank: Bank) -> None:
    for topic in bank.topics():
        ids = _ids(client.get("/api/questions", params={"topic": topic}))
        expected = [q.id for q in bank.questions.values() if topic in q.topics]
        assert expected, topic
        assert sorted(ids) == sorted(expected), topic


def test_questions_filter_by_lp(client: TestClient, bank: Bank) -> None:
    for lp in bank.principles:
        ids = _ids(client.get("/api/questions", params={"lp": lp}))
        expected = [q.id for q in bank.questions.values() if lp in q.leadership_principles]
        assert sorted(ids) == sorted(expected), lp


@pytest.mark.parametrize("difficulty", ["easy", "medium", "hard"])
def test_questions_filter_by_difficulty(client: TestClient, bank: Bank, difficulty: str) -> None:
    ids = _ids(client.get("/api/questions", params={"difficulty": difficulty}))
    expected = [q.id for q in bank.questions.values() if q.difficulty == difficulty]
    assert sorted(ids) == sorted(expected)


def test_questions_search_matches_words_case_insensitively(client: TestClient, bank: Bank) -> None:
    question = next(iter(bank.questions.values()))
    word = max(question.title.split(), key=len).strip(".,?%").upper()
    ids = _ids(client.get("/api/questions", params={"q": word}))
    assert question.id in ids
    # Every question holding the word (as a word: "aiming" is not in "kaiming") is found; the
    # search stems words, so it may also find forms of it ("championed" finds "champion"),
    # each sharing the word's first letters.
    whole = re.compile(rf"\b{re.escape(word.lower())}\b")
    expected = [q.id for q in bank.questions.values() if whole.search(_haystack(q))]
    assert set(expected) <= set(ids)
    # Porter only cuts suffixes, and keeps at least the first three letters of a word this long
    # ("aiming" -> "aim", which finds "aim high").
    stem = word.lower()[:3]
    for qid in ids:
        q = bank.questions[qid]
        names = " ".join(bank.principles[p].name for p in q.leadership_principles)
        assert stem in f"{_haystack(q)} {q.model_answer.lower()} {names.lower()}", (qid, stem)
    assert _ids(client.get("/api/questions", params={"q": "zzqx-no-such-word"})) == []


def test_questions_filters_combine(client: TestClient, bank: Bank) -> None:
    question = next(iter(bank.questions.values()))
    params = {"kind": question.kind, "topic": question.topics[0], "difficulty": question.difficulty}
    ids = _ids(client.get("/api/questions", params=params))
    expected = [
        q.id
        for q in bank.questions.values()
        if q.kind == question.kind
        and question.topics[0] in q.topics
        and q.difficulty == question.difficulty
    ]
    assert question.id in ids
    assert sorted(ids) == sorted(expected)


def test_questions_rejects_an_unknown_kind(client: TestClient) -> None:
    response = client.get("/api/questions", params={"kind": "poetry"})
    assert response.status_code == 422
    assert "detail" in response.json()


def test_question_detail_includes_the_rubric(client: TestClient, bank: Bank) -> None:
    question = next(q for q in bank.questions.values() if q.rubric is not None)
    response = client.get(f"/api/questions/{question.id}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == question.id
    assert body["model_answer"] == question.model_answer
    assert question.rubric is not None
    assert [kp["id"] for kp in body["rubric"]["key_points"]] == [
        kp.id for kp in question.rubric.key_points
    ]


def test_unknown_question_is_a_clear_json_404(client: TestClient) -> None:
    response = client.get("/api/questions/no-such-question")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    detail = response.json()["detail"]
    assert "no-such-question" in detail
    assert "/api/questions" in detail


def test_unknown_api_path_is_json(client: TestClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")


def test_openapi_documents_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/health",
        "/api/questions",
        "/api/questions/{question_id}",
        "/api/loops",
        "/api/loops/{loop_id}",
        "/api/companies",
        "/api/companies/{company_id}",
    ):
        assert path in schema["paths"], path
    assert not any(not p.startswith("/api/") for p in schema["paths"]), "pages leak into the API"
    components = schema["components"]["schemas"]
    assert {"QuestionSummary", "Question", "LoopSummary", "LoopDetail", "Health"} <= set(components)
    params = {p["name"] for p in schema["paths"]["/api/questions"]["get"]["parameters"]}
    assert params == {"kind", "topic", "lp", "difficulty", "q", "company"}


# --- Pages ----------------------------------------------------------------------------------


def _page(client: TestClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    html: str = response.text
    return html


def test_home_shows_the_amazon_loop_as_a_timeline(client: TestClient, bank: Bank) -> None:
    html = _page(client, "/")
    loop = bank.loops["amazon-mle"]
    assert html.count('class="tl-stage') == len(loop.stages) == 5
    for stage in loop.stages:
        assert f'data-stage="{stage.id}"' in html
        for round_ in stage.rounds:
            assert round_.interviewer in html
            for competency in round_.assesses:
                assert bank.competencies[competency].name in html
    assert format_minutes(loop.duration_min) in html
    assert "Bar Raiser has a veto" in html
    for other in bank.loops.values():
        if other.id != "amazon-mle":  # the home page is the Amazon loop's page
            assert f'href="/loops/{other.id}"' in html
    assert 'href="/questions"' in html


def test_every_loop_has_a_page(client: TestClient, bank: Bank) -> None:
    index = _page(client, "/loops")
    for loop in bank.loops.values():
        assert f'href="/loops/{loop.id}"' in index
        html = _page(client, f"/loops/{loop.id}")
        assert loop.title in html
        assert html.count('class="tl-stage') == len(loop.stages)
    quick = _page(client, "/loops/quick")
    assert "Bar Raiser has a veto" not in quick


def test_unknown_loop_page_is_a_friendly_404(client: TestClient) -> None:
    html = _page(client, "/loops/nope", 404)
    assert 'href="/loops"' in html


def test_bank_page_lists_every_question_with_filters(client: TestClient, bank: Bank) -> None:
    html = _page(client, "/questions")
    total = len(bank.questions)
    assert f"{total} question" in html
    assert len(ROW_KIND.findall(html)) == total
    for field, label in [
        ("q", "Search"),
        ("kind", "Kind"),
        ("topic", "Topic"),
        ("lp", "Leadership Principle"),
        ("difficulty", "Difficulty"),
    ]:
        assert f'<label for="f-{field}">{label}</label>' in html
        assert f'name="{field}"' in html
    assert 'method="get" action="/questions"' in html
    assert '<button type="submit"' in html
    assert 'hx-get="/questions"' in html
    assert "hx-push-url" in html
    # Source labels such as "Guide Q4" appear for questions taken from the guide.
    sourced = [q for q in bank.questions.values() if q.source is not None]
    if sourced:
        assert f"Guide Q{sourced[0].source.question}" in html  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", ["behavioral", *QUESTION_KINDS])
def test_no_js_filter_form_filters_by_kind(client: TestClient, bank: Bank, kind: str) -> None:
    html = _page(client, f"/questions?kind={kind}&topic=&lp=&difficulty=&q=")
    rows = ROW_KIND.findall(html)
    expected = [q.id for q in bank.questions.values() if q.kind == kind]
    assert sorted(i for i, _ in rows) == sorted(expected)
    assert all(row_kind == kind for _, row_kind in rows)
    assert f'<option value="{kind}" selected>' in html  # the form shows the filter in use
    assert "<html" in html


def test_no_js_filter_form_combines_filters_and_search(client: TestClient, bank: Bank) -> None:
    question = next(iter(bank.questions.values()))
    word = max(question.title.split(), key=len).strip(".,?%")
    html = _page(client, f"/questions?kind={question.kind}&q={word}")
    rows = ROW_KIND.findall(html)
    ids = [i for i, _ in rows]
    # The page lists the search's hits of that kind: every question of the kind with a word
    # that starts with the search word ("complete" is not in "incomplete"; more may match
    # through the word's stem), and no other kind.
    found = {hit.question_id for hit in bank.search(word)}
    expected = [q.id for q in bank.questions.values() if q.kind == question.kind and q.id in found]
    plain = [
        q.id
        for q in bank.questions.values()
        if q.kind == question.kind and re.search(rf"\b{re.escape(word.lower())}", _haystack(q))
    ]
    assert question.id in ids
    assert sorted(ids) == sorted(expected)
    assert set(plain) <= set(ids)
    assert all(kind == question.kind for _, kind in rows)
    assert f'value="{word}"' in html


def test_no_matches_says_how_to_recover(client: TestClient) -> None:
    html = _page(client, "/questions?q=zzqx-no-such-word")
    assert "0 questions" in html
    assert "clear all filters" in html


def test_htmx_requests_get_only_the_list(client: TestClient, bank: Bank) -> None:
    kind = next(iter(bank.questions.values())).kind
    response = client.get(f"/questions?kind={kind}", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="result-count"' in response.text
    assert {k for _, k in ROW_KIND.findall(response.text)} == {kind}
    assert "HX-Request" in response.headers["vary"]
    # A history restore (cache miss) must get the full page.
    restore = client.get(
        f"/questions?kind={kind}",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.text


def test_question_page_hides_the_answer_key_behind_a_toggle(client: TestClient, bank: Bank) -> None:
    question = next(q for q in bank.questions.values() if q.rubric and q.rubric.follow_ups)
    assert question.rubric is not None
    html = _page(client, f"/questions/{question.id}")
    assert question.title in html
    assert kind_label(question.kind) in html
    # Before a first graded attempt the whole key sits in one "Show me anyway" toggle.
    details = html.index('<details class="card reveal answer-key" id="answer-key">')
    assert html.index("Show me anyway") > details
    assert html.index("How to answer") > details
    for kp in question.rubric.key_points:
        assert html.index(_escaped(kp.text)) > details, "key points must be inside the toggle"
    assert html.index('class="prose model-answer"') > details
    for follow_up in question.rubric.follow_ups:
        assert html.index(_escaped(follow_up.question)) > details
    assert 'href="/questions"' in html
    for lp in question.leadership_principles:
        assert bank.principles[lp].name in html


def _escaped(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_every_question_page_renders(client: TestClient, bank: Bank) -> None:
    for question in bank.questions.values():
        html = _page(client, f"/questions/{question.id}")
        for related in question.related:
            if related in bank.questions:
                assert f'href="/questions/{related}"' in html


def test_question_markdown_is_rendered_and_raw_html_escaped() -> None:
    from barraiser.web.markdown import render_markdown

    html = str(render_markdown("Two **bold** words <script>alert(1)</script>"))
    assert "<strong>bold</strong>" in html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_unknown_question_page_is_a_friendly_404(client: TestClient) -> None:
    html = _page(client, "/questions/no-such-question", 404)
    assert "no-such-question" in html
    assert 'href="/questions"' in html
    assert "Traceback" not in html


def test_unknown_page_is_a_friendly_404(client: TestClient) -> None:
    html = _page(client, "/no/such/page", 404)
    assert "Page not found" in html
    assert 'href="/"' in html


def test_server_errors_are_friendly(tmp_path: Path) -> None:
    data = tmp_path / "boom"
    app = create_app(Settings(data_dir=data, database_url=f"sqlite:///{data / 'b_test.db'}"))

    def boom() -> None:
        raise RuntimeError("kaboom")

    app.add_api_route("/boom", boom)
    app.add_api_route("/api/boom", boom)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        page = test_client.get("/boom")
        assert page.status_code == 500
        assert "Something went wrong" in page.text
        assert "kaboom" not in page.text
        api = test_client.get("/api/boom")
        assert api.status_code == 500
        assert "Try again" in api.json()["detail"]


# --- Offline assets -------------------------------------------------------------------------


def test_docs_use_the_vendored_swagger_ui(client: TestClient) -> None:
    html = _page(client, "/docs")
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/vendor/swagger-ui/swagger-ui.css" in html
    assert "/openapi.json" in html
    assert "cdn" not in html.lower()
    for asset, kind in [("swagger-ui-bundle.js", "javascript"), ("swagger-ui.css", "css")]:
        response = client.get(f"/static/vendor/swagger-ui/{asset}")
        assert response.status_code == 200
        assert kind in response.headers["content-type"]
    assert client.get("/redoc").status_code == 404


def test_htmx_is_vendored(client: TestClient) -> None:
    response = client.get("/static/vendor/htmx/htmx.min.js")
    assert response.status_code == 200
    assert 'version:"2.0.11"' in response.text


def test_no_page_loads_anything_from_the_network(client: TestClient, bank: Bank) -> None:
    question = next(iter(bank.questions.values()))
    urls = [
        "/",
        "/loops",
        "/loops/amazon-mle",
        "/loops/quick",
        "/questions",
        "/questions?kind=concept",
        f"/questions/{question.id}",
        "/docs",
        "/nope",
    ]
    checked_assets: set[str] = set()
    for url in urls:
        html = client.get(url).text
        assert not EXTERNAL_ASSET.findall(html), f"{url} loads an external asset"
        for asset in LOCAL_ASSET.findall(html):
            if asset not in checked_assets:
                checked_assets.add(asset)
                assert client.get(asset).status_code == 200, asset
    css = client.get("/static/app.css").text
    assert not EXTERNAL_ASSET.findall(css)
    assert "@import" not in css
    assert {"/static/app.css?v=", "/static/vendor/htmx/htmx.min.js?v="} <= {
        a.split("?")[0] + "?v=" for a in checked_assets
    }


def test_a_principles_page_says_what_it_asks_and_how_to_tell_a_story(
    client: TestClient, bank: Bank
) -> None:
    """The debrief's study plan links a story's principles here (interview/study.py)."""
    from barraiser.interview.study import principle_url

    for principle in bank.principles.values():
        html = _page(client, principle_url(principle.id))
        assert f'data-principle="{principle.id}"' in html
        assert _escaped(principle.description) in html
        assert "How to tell it (STAR)" in html
        ids = {i for i, _ in ROW_KIND.findall(html)}
        assert ids == {
            q.id
            for q in bank.questions.values()
            if q.kind == "behavioral" and principle.id in q.leadership_principles
        }
    # Any other filter shows no principle's page.
    assert "principle-guide" not in _page(client, "/questions?kind=behavioral")


def test_the_answer_box_says_how_much_the_grader_reads(client: TestClient, bank: Bank) -> None:
    """The help under the answer box names the graders' real cap (it said 400 words after the
    graders were raised to read design walk-throughs in full)."""
    from barraiser.grading.text import ANSWER_MAX_WORDS

    question = next(q for q in bank.questions.values() if q.kind == "ml-design")
    html = _page(client, f"/questions/{question.id}")
    assert f"the grader reads the first {ANSWER_MAX_WORDS:,} words" in html
    assert "first 400 words" not in html
