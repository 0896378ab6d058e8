"""The web app under attack (issue 13, items 1-6): foreign hosts, cross-site posts, missing
security headers, huge bodies, bad text and ids, and racing the rate limit.

Everything runs against the real app on a real store (SQLite; the rate limit on PostgreSQL too).
The judge is the app's test stand-in (``create_app(judge=...)``): these tests are about the
web layer, not the sandbox.
"""

from __future__ import annotations

import inspect
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from starlette.routing import BaseRoute, Mount
from web_support import web_settings

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.interview.answers import MAX_ANSWER_CHARS
from barraiser.interview.submissions import SubmissionLimits, SubmissionService, _rate_lock_key
from barraiser.store import ensure_local_user, init_store
from barraiser.web.app import create_app
from barraiser.web.security import HostPolicy
from web_client import TestClient

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
SUBMISSION = {"problem_id": "two-sum", "language": "python", "source": "print(1)", "mode": "run"}


def _judge(
    problem: Any, source: str, language: str, mode: str, custom: str | None, slot: int
) -> dict[str, Any]:
    return {"verdict": "AC", "tests": []}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    folder = tmp_path_factory.mktemp("web-security")
    return create_app(
        web_settings(folder),
        judge_slots=1,
        submission_limits=SubmissionLimits(per_minute=1000),
        judge=_judge,
    )


def _routes(routes: list[BaseRoute], prefix: str = "") -> Iterator[tuple[str, set[str], Any]]:
    """Every (path, methods, endpoint) of the app's route table, included routers too."""
    for route in routes:
        original = getattr(route, "original_router", None)  # FastAPI >= 0.16x keeps routers
        if original is not None:
            context = getattr(route, "include_context", None)
            inner = prefix + (getattr(context, "prefix", "") or "")
            yield from _routes(original.routes, inner)
        elif isinstance(route, Mount):
            continue
        elif getattr(route, "methods", None):
            yield prefix + route.path, set(route.methods), getattr(route, "endpoint", None)  # type: ignore[attr-defined]


def _state_changing(app: FastAPI) -> list[tuple[str, str]]:
    found = sorted(
        (method, path)
        for path, methods, _ in _routes(app.routes)
        for method in methods & STATE_CHANGING
    )
    assert len(found) >= 20, found  # the walk found the app's forms and API, not nothing
    return found


def _fill(path: str) -> str:
    # Ids that exist nowhere: a request that gets through answers 404/422, and changes nothing.
    return re.sub(r"\{[^}]+\}", "no-such-id", path)


# -- 1. host allow-list -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def product_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app with the product's host defaults (``allowed_hosts`` empty: no ``testserver``)."""
    folder = tmp_path_factory.mktemp("web-security-hosts")
    return create_app(
        web_settings(folder, allowed_hosts=[], host="127.0.0.1", port=8000), judge=_judge
    )


def test_a_foreign_host_gets_400_on_pages_and_api(product_app: FastAPI) -> None:
    with TestClient(product_app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/health").status_code == 200
        evil = {"Host": "rebind.evil.example"}
        for method, path in [("GET", "/"), ("GET", "/api/sessions"), ("GET", "/api/answers/1")]:
            response = client.request(method, path, headers=evil)
            assert response.status_code == 400, path
            assert "BARRAISER_ALLOWED_HOSTS" in response.text
        posted = client.post("/api/submissions", json=SUBMISSION, headers=evil)
        assert posted.status_code == 400
        assert client.get("/", headers={"Host": "testserver"}).status_code == 400


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:9999", "[::1]:8000"])
def test_loopback_names_are_allowed(product_app: FastAPI, host: str) -> None:
    with TestClient(product_app) as client:
        assert client.get("/api/health", headers={"Host": host}).status_code == 200


def test_allowed_hosts_setting_adds_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARRAISER_ALLOWED_HOSTS", "barraiser.example, *.lab.example")
    settings = web_settings(tmp_path, host="10.0.0.5")
    assert settings.allowed_hosts == ["barraiser.example", "*.lab.example"]
    policy = HostPolicy(settings)
    for host in ["barraiser.example", "x.lab.example:443", "10.0.0.5:8000", "[::1]"]:
        assert policy.host_allowed(host), host
    for host in ["evil.example", "lab.example.evil", "", "testserver"]:
        assert not policy.host_allowed(host), host
    assert HostPolicy(web_settings(tmp_path, allowed_hosts=["*"])).host_allowed("any.where")


# -- 2. cross-site requests --------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "http://evil.example"},
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "http://localhost:3000"},  # another server on this machine
        {"Origin": "null"},
    ],
    ids=["sec-fetch-site", "origin", "lookalike-origin", "other-local-port", "null-origin"],
)
def test_every_state_changing_route_refuses_cross_site(
    client: TestClient, app: FastAPI, headers: dict[str, str]
) -> None:
    for method, path in _state_changing(app):
        for body in ({"data": {"answer": "x"}}, {"json": {}}):
            response = client.request(method, _fill(path), headers=headers, **body)  # type: ignore[arg-type]
            assert response.status_code == 403, (method, path, response.text[:200])
            assert "Refused" in response.text


def test_same_origin_and_headerless_requests_pass(client: TestClient, app: FastAPI) -> None:
    same_origin = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    for method, path in _state_changing(app):
        for headers in (same_origin, {}):
            response = client.request(method, _fill(path), headers=headers, json={})
            assert response.status_code != 403, (method, path, response.text[:200])
    posted = client.post("/api/submissions", json=SUBMISSION, headers=same_origin)
    assert posted.status_code == 202
    # Reading is not state-changing: a cross-site GET (a link) still opens the page.
    assert client.get("/", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200


def test_a_configured_host_may_be_an_origin(tmp_path: Path) -> None:
    settings = web_settings(tmp_path, allowed_hosts=["testserver", "barraiser.example"])
    with TestClient(create_app(settings, judge=_judge)) as client:
        response = client.post(
            "/api/submissions", json=SUBMISSION, headers={"Origin": "https://barraiser.example"}
        )
        assert response.status_code == 202


# -- 3. security headers -----------------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


@pytest.mark.parametrize(
    "path", ["/", "/questions", "/problems/two-sum", "/docs", "/api/health", "/static/app.css"]
)
def test_every_response_has_the_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    _assert_security_headers(response.headers)
    if response.headers["content-type"].startswith("text/html"):
        assert not INLINE_SCRIPT.search(response.text), INLINE_SCRIPT.search(response.text)
        assert not HANDLER_ATTRIBUTE.search(response.text)


def test_errors_have_the_security_headers_too(client: TestClient) -> None:
    for response in (
        client.get("/no-such-page"),
        client.get("/api/answers/999999"),
        client.post("/api/submissions", json={}),
        client.post("/api/submissions", json=SUBMISSION, headers={"Origin": "http://x.example"}),
        client.get("/", headers={"Host": "rebind.evil.example"}),
    ):
        _assert_security_headers(response.headers)


def _assert_security_headers(headers: Any) -> None:
    policy = headers["content-security-policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives.get("script-src", ["'self'"]) == ["'self'"]  # no inline script, no eval
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] in {"same-origin", "no-referrer"}


# -- 4. body size ------------------------------------------------------------------------------


def test_the_body_cap_is_above_every_input_limit(app: FastAPI) -> None:
    cap = app.state.settings.max_body_bytes
    limits = SubmissionLimits()
    # JSON escaping can double plain text; the largest legal submission must still fit.
    assert cap >= 2 * (limits.max_source_bytes + limits.max_custom_input_bytes)
    assert cap >= 4 * MAX_ANSWER_CHARS * 2  # four UTF-8 bytes a character, escaped


@pytest.mark.parametrize("path", ["/api/submissions", "/api/grade", "/questions/x/grade"])
def test_a_body_over_the_cap_gets_413_from_its_length(
    client: TestClient, app: FastAPI, path: str
) -> None:
    cap = app.state.settings.max_body_bytes
    body = b'{"source": "' + b"x" * cap + b'"}'
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "larger than the limit" in response.text
    assert len(response.content) < 1000


@pytest.mark.parametrize("kind", ["json", "form"])
def test_a_streamed_body_is_cut_at_the_cap(client: TestClient, app: FastAPI, kind: str) -> None:
    cap = app.state.settings.max_body_bytes
    chunk = b"x" * 65536
    sent = 0

    def stream() -> Iterator[bytes]:  # no Content-Length: sent chunked
        nonlocal sent
        yield b'{"source": "' if kind == "json" else b"answer="
        while sent <= cap + len(chunk):
            sent += len(chunk)
            yield chunk
        yield b'"}' if kind == "json" else b""

    if kind == "json":
        path, content_type = "/api/submissions", "application/json"
    else:
        question_id = next(iter(app.state.bank.questions))
        path, content_type = f"/questions/{question_id}/grade", "application/x-www-form-urlencoded"
    response = client.post(path, content=stream(), headers={"Content-Type": content_type})
    assert response.status_code == 413
    assert "larger than the limit of 4 MiB" in response.text


def test_validation_errors_never_echo_the_input(client: TestClient) -> None:
    secret = "PRIVATE-ANSWER-TEXT " * 5000
    response = client.post("/api/submissions", json={"source": secret, "language": 7})
    assert response.status_code == 422
    assert "PRIVATE-ANSWER-TEXT" not in response.text
    assert len(response.content) < 2000
    errors = response.json()["detail"]
    assert errors and all("input" not in error and "msg" in error for error in errors)


# -- 5. no 500s on bad text and ids ------------------------------------------------------------

SURROGATE_BODIES = [
    (
        "/api/submissions",
        '{"problem_id": "two-sum", "language": "python", "mode": "run", '
        '"source": "print(1) # \\ud800"}',
    ),
    (
        "/api/submissions",
        '{"problem_id": "two-sum", "language": "python", "mode": "custom", '
        '"source": "print(1)", "custom_input": "\\udfff"}',
    ),
    ("/api/grade", '{"question_id": "precision-vs-recall", "answer": "recall \\ud800 precision"}'),
    ("/api/grade", '{"question": "Why \\ud800?", "reference_answer": "x", "answer": "y"}'),
    ("/api/sessions/no-such-id/items/q1/answer", '{"text": "\\ud800"}'),
    ("/api/sessions", '{"loop_id": "\\ud800"}'),
]


@pytest.mark.parametrize(("path", "body"), SURROGATE_BODIES)
def test_a_lone_surrogate_is_a_4xx_with_a_sentence(
    client: TestClient, path: str, body: str
) -> None:
    response = client.post(path, content=body, headers={"Content-Type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert "lone surrogate" in response.text


def _int_id_routes(app: FastAPI) -> list[str]:
    found = []
    for path, methods, endpoint in _routes(app.routes):
        if "GET" not in methods or endpoint is None:
            continue
        parameters = inspect.signature(endpoint).parameters
        if any(
            f"{{{name}}}" in path and p.annotation in (int, "int") for name, p in parameters.items()
        ):
            found.append(path)
    return found


@pytest.mark.parametrize("bad_id", [2**63, 2**63 - 1, 2**64, 10**30, -1, 0, -(2**63) - 1])
def test_out_of_range_ids_are_404(client: TestClient, app: FastAPI, bad_id: int) -> None:
    paths = _int_id_routes(app)
    assert {"/api/submissions/{submission_id}", "/api/answers/{answer_id}"} <= set(paths)
    assert "/questions/{question_id}/answers/{answer_id}" in paths
    question_id = next(iter(app.state.bank.questions))
    for path in paths:
        url = re.sub(r"\{question_id\}", question_id, path)
        url = re.sub(r"\{[a-z_]+_id\}", str(bad_id), url)
        response = client.get(url)
        assert response.status_code == 404, (url, response.status_code, response.text[:200])


# -- 6. atomic rate limit ----------------------------------------------------------------------


def test_the_rate_limit_holds_under_concurrency(db_url: str, tmp_path: Path) -> None:
    limit, requests = 10, 40
    settings = Settings(data_dir=tmp_path / "data", database_url=db_url, extra_content_dir=None)
    app = create_app(
        settings, judge_slots=1, submission_limits=SubmissionLimits(per_minute=limit), judge=_judge
    )
    statuses: list[int] = []
    with TestClient(app) as client:
        start = threading.Barrier(requests)

        def fire() -> None:
            start.wait(10)
            statuses.append(client.post("/api/submissions", json=SUBMISSION).status_code)

        threads = [threading.Thread(target=fire) for _ in range(requests)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert sorted(set(statuses)) == [202, 429], statuses
    assert statuses.count(202) == limit
    assert statuses.count(429) == requests - limit


def test_the_app_stops_reading_a_body_at_the_cap(app: FastAPI, client: TestClient) -> None:
    """Straight through ASGI, as uvicorn calls it: chunks are pulled only up to the cap."""
    cap = app.state.settings.max_body_bytes
    chunk = b"x" * 65536
    pulled = 0
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": pulled < 10_000}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/submissions",
        "raw_path": b"/api/submissions",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
        "state": {},
    }
    anyio.run(app, scope, receive, send)
    assert sent[0]["status"] == 413
    assert pulled * len(chunk) <= cap + len(chunk)  # 10,000 chunks (625 MiB) were on offer


@pytest.mark.postgres
def test_postgres_serialises_one_users_submissions_across_connections(
    postgres_url: str, tmp_path: Path
) -> None:
    """Another server process on the same database takes the same per-user lock: a submit
    waits while another connection holds it."""
    store = init_store(Settings(database_url=postgres_url, data_dir=tmp_path / "data"))
    try:
        with store.session() as session:
            user_id = ensure_local_user(session).id
        service = SubmissionService(store, get_bank(None).problems, judge=_judge)
        saved: list[int] = []
        with store.engine.connect() as other, other.begin():
            other.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _rate_lock_key(user_id)}
            )
            thread = threading.Thread(
                target=lambda: saved.append(
                    service.submit(user_id, "two-sum", "python", "print(1)", "run")
                )
            )
            thread.start()
            thread.join(1.0)
            assert thread.is_alive() and not saved  # waiting for the other connection
        thread.join(10)
        assert not thread.is_alive() and len(saved) == 1
    finally:
        store.close()
