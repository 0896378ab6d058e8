"""Hosted mode keeps each account's work to itself (issue 14, item 1, and item 4's
authorization matrix).

On a real PostgreSQL store, user A makes one of everything an account can own through the
public API: a mock-loop session with a queued code submission, a finished practice session with
a graded answer and its debrief, a graded bank answer (and so a review card), a STAR story, an
experience entry, a saved résumé analysis and a code submission. Every text A writes carries
``MARK``. Then user B walks **every** route of the app (every method, the OpenAPI schema's paths
included), with its path parameters filled with A's ids, once with B's session cookie and, for
``/api/`` routes, once with B's API token: no answer is a 5xx, none shows A's text or A's secret
session ids, and a route that takes an id A owns answers 403 or 404 (an empty body on a
state-changing route may also get 400/409/422, never a success). Without a session, every route
but the login page, ``/api/health`` and the static files answers 401 (API) or 303 to the login
page.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from httpx import Response
from starlette.routing import Mount

from barraiser.accounts import Accounts
from barraiser.config import Settings
from barraiser.web.app import create_app
from barraiser.web.auth import SESSION_COOKIE
from postgres_support import drop_everything
from resume_files import fixture_text
from web_client import TestClient

pytestmark = pytest.mark.postgres

SECRET_KEY = "hosted-authz-test-key-" + "0123456789abcdefghijklmnop"  # 48 characters
MARK = "qzx-authz-user-a"  # in every text user A writes; no content or page contains it
A_NAME, A_PASSWORD = "alice-authz", "alice-password-1"
B_NAME, B_PASSWORD = "bob-authz", "bob-password-22"
CONCEPT = "activation-function-for-image-classification"  # A's practice session
GRADED = "choosing-between-two-accuracies"  # A's graded bank answer (and review card)
LAB = "bagging-vs-boosting"  # a lab whose fast run takes seconds
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
# An empty body may be refused for its shape before the owner is looked up: never a success.
EMPTY_BODY_REFUSALS = {400, 404, 409, 422}


@dataclass
class World:
    """What A made, and how A and B sign in."""

    a_cookie: str
    b_cookie: str
    #: A second session of B's, for walking POST /logout (which ends it).
    b_spare_cookie: str
    b_token: str
    params: dict[str, list[str]]
    #: Parameters whose value here is A's (a route taking one must answer 403/404 to B).
    owned: set[str]
    #: Strings that must not reach B: A's marker and A's session ids.
    secrets: list[str]
    #: A's own views of its objects, compared after B's walk (B changed nothing).
    a_views: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="module")
def hosted_db(postgres_server_url: str) -> Iterator[str]:
    """The PostgreSQL test database, emptied before and after this module."""
    drop_everything(postgres_server_url)
    yield postgres_server_url
    drop_everything(postgres_server_url)


@pytest.fixture(scope="module")
def app(hosted_db: str, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    settings = Settings(
        mode="hosted",
        secret_key=SECRET_KEY,
        database_url=hosted_db,
        data_dir=tmp_path_factory.mktemp("hosted-authz"),
        extra_content_dir=None,
    )
    return create_app(settings)


def _accounts(app: FastAPI) -> Accounts:
    accounts: Accounts = app.state.accounts
    return accounts


def _login(client: TestClient, username: str, password: str) -> str:
    response = client.post(
        "/login", data={"username": username, "password": password}, follow_redirects=False
    )
    assert response.status_code == 303, response.text[:300]
    token = response.cookies.get(SESSION_COOKIE)
    client.cookies.clear()
    assert token
    return token


def call(
    client: TestClient,
    method: str,
    url: str,
    *,
    cookie: str | None = None,
    token: str | None = None,
    **options: Any,
) -> Response:
    """One request with exactly the given credentials (the client keeps no cookies)."""
    headers = dict(options.pop("headers", {}))
    if cookie is not None:
        headers["Cookie"] = f"{SESSION_COOKIE}={cookie}"
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    client.cookies.clear()
    try:
        return client.request(method, url, headers=headers, follow_redirects=False, **options)
    finally:
        client.cookies.clear()


def _ok(response: Response, status: int = 200) -> Any:
    assert response.status_code == status, (response.request.url, response.text[:500])
    return response.json()


def _wait(check: Any, what: str, timeout_s: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def world(client: TestClient, app: FastAPI) -> World:
    accounts = _accounts(app)
    accounts.add_user(A_NAME, A_PASSWORD)
    accounts.add_user(B_NAME, B_PASSWORD)
    a = _login(client, A_NAME, A_PASSWORD)
    b = _login(client, B_NAME, B_PASSWORD)
    b_spare = _login(client, B_NAME, B_PASSWORD)

    def as_a(method: str, url: str, status: int = 200, **options: Any) -> Any:
        return _ok(call(client, method, url, cookie=a, **options), status)

    # A mock loop, its coding round started and a submission queued in it.
    loop = as_a("POST", "/api/sessions", 201, json={"loop_id": "quick"})["id"]
    as_a("POST", f"/api/sessions/{loop}/rounds/start")
    view = as_a("GET", f"/api/sessions/{loop}")
    coding = next(r for r in view["rounds"] if r["status"] == "active")["items"][0]["id"]
    source = f"# {MARK} session code\nprint(1)\n"
    code = {"language": "python", "source": source, "mode": "submit"}
    loop_submission = as_a(
        "POST", f"/api/sessions/{loop}/items/{coding}/submissions", 202, json=code
    )["id"]

    # A practice session on one concept: answered (graded), finished, with a debrief.
    practice = as_a("POST", "/api/sessions", 201, json={"practice_item_id": CONCEPT})["id"]
    as_a("POST", f"/api/sessions/{practice}/rounds/start")
    answer = f"Use ReLU in the hidden layers and softmax at the output ({MARK} practice)."
    as_a("POST", f"/api/sessions/{practice}/items/{CONCEPT}/answer", json={"text": answer})
    as_a("POST", f"/api/sessions/{practice}/rounds/finish")
    as_a("GET", f"/api/sessions/{practice}/debrief")

    # A graded bank answer (it reviews A's card of that question).
    graded_text = f"Prefer the model with the better recall on the rare class ({MARK} graded)."
    graded = as_a("POST", "/api/grade", json={"question_id": GRADED, "answer": graded_text})
    answer_id = graded["answer_id"]

    story = as_a(
        "POST",
        "/api/stories",
        201,
        json={
            "title": f"Fixed the fraud model ({MARK} story)",
            "situation": f"Recall fell from 0.81 to 0.64 overnight ({MARK}).",
            "task": "I had to find the cause before the audit.",
            "action": "I compared feature null rates day by day and found a renamed column.",
            "result": "Recall was back to 0.80 within a day.",
        },
    )["id"]
    entry = as_a(
        "POST",
        "/api/experiences",
        201,
        json={
            "company": f"Initech {MARK}",
            "role": "ML engineer",
            "date": "2026-10-01",
            "notes": f"Notes of {MARK}",
            "rounds": [{"title": f"Phone screen {MARK}"}],
            "questions": [{"text": f"How would you detect drift? {MARK}", "kind": "ml"}],
        },
    )
    entry_id, entry_question = entry["id"], entry["questions"][0]["id"]
    resume = fixture_text("resumes", "nlp-senior") + f"\n- Led the {MARK} launch for 3 teams\n"
    as_a(
        "POST",
        "/api/resume/analyze",
        json={"resume_text": resume, "job_text": fixture_text("jobs", "senior-nlp"), "save": True},
    )
    submission = as_a(
        "POST",
        "/api/submissions",
        202,
        json={"problem_id": "two-sum", "language": "python", "mode": "submit", "source": source},
    )["id"]
    # Lab runs are the install's (their results are a shared cache of public data), not A's.
    run_id = as_a("POST", f"/api/labs/{LAB}/runs", 202, json={"fast": True})["id"]

    bank = app.state.bank
    problem = next(iter(bank.problems))
    loop_round = bank.loops["quick"].rounds()[0].id
    world = World(
        a_cookie=a,
        b_cookie=b,
        b_spare_cookie=b_spare,
        b_token=accounts.issue_api_token(B_NAME),
        params={
            # A's own objects: a route naming one must not serve it to B.
            "session_id": [loop, practice],
            "answer_id": [str(answer_id)],
            "story_id": [str(story)],
            "entry_id": [str(entry_id)],
            "submission_id": [str(submission), str(loop_submission)],
            # Content every account sees.
            "question_id": [GRADED],
            "problem_id": [problem],
            "loop_id": ["quick"],
            "round_id": [loop_round],
            "company_id": ["amazon"],
            "lab_id": [LAB],
            "run_id": [run_id],
            "size": ["fast"],
            "file": ["figure.png"],
            "ext": ["json", "md"],
        },
        owned={"session_id", "answer_id", "story_id", "entry_id", "submission_id"},
        secrets=[MARK, loop, practice],
    )
    # The item of each session (filled with its session) and the entry's question (an id A
    # owns in the experience routes, a bank question elsewhere).
    world.params["item_id"] = [coding, CONCEPT]
    world.params["entry_question_id"] = [str(entry_question)]
    # A's submissions are judged in the background and a judged practice submission adds a
    # review card: wait for both verdicts, so that A's views hold still while B walks.
    for queued in (submission, loop_submission):
        _wait(
            lambda queued=queued: as_a("GET", f"/api/submissions/{queued}")["status"] == "done",
            f"A's submission {queued} to be judged",
        )
    world.a_views = _a_views(client, world, loop, practice, story, entry_id)
    review = _ok(call(client, "GET", "/api/review", cookie=a))
    assert review["total_cards"] >= 1, "A's graded answer made a review card"
    return world


def _a_views(
    client: TestClient, world: World, loop: str, practice: str, story: int, entry: int
) -> dict[str, Any]:
    views = {}
    for url in [
        f"/api/sessions/{loop}",
        f"/api/sessions/{practice}",
        f"/api/stories/{story}",
        f"/api/experiences/{entry}",
        "/api/resume/latest",
        "/api/review",
    ]:
        body = _ok(call(client, "GET", url, cookie=world.a_cookie))
        views[url] = _stable(body)
    return views


def _stable(body: Any) -> Any:
    """A view without what changes by itself (clocks, timers and the time of reading)."""
    volatile = {"now", "clock", "remaining_s", "elapsed_s", "time_used_s", "due", "overdue_days"}
    if isinstance(body, dict):
        return {k: _stable(v) for k, v in body.items() if k not in volatile}
    if isinstance(body, list):
        return [_stable(v) for v in body]
    return body


# -- the route table --------------------------------------------------------------------------


@dataclass(frozen=True)
class Walked:
    method: str
    path: str
    url: str
    #: The same URL with every id of A's replaced by one that exists nowhere (owned routes).
    ghost: str | None


#: Ids that exist nowhere, of each kind of A's objects.
GHOSTS = {
    "session_id": "0" * 32,
    "answer_id": "987654321",
    "story_id": "987654321",
    "entry_id": "987654321",
    "submission_id": "987654321",
    "question_id": "987654321",  # an entry's question (experience routes only)
}
#: Routes that answer an id of A's exactly as an id that exists nowhere, but not with 403/404:
#: the debrief page's htmx poll answers 200 with ``HX-Refresh`` for anything not pending, so
#: that the page reloads and shows its own error (nothing of A's is in it; B learns nothing).
SAME_AS_MISSING = {"/sessions/{session_id}/debrief/pending"}


def routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) the app answers, included routers too (static files apart)."""
    found = set()
    for context in iter_route_contexts(app.routes):
        if isinstance(context.original_route, Mount):
            continue
        path = context.path
        assert path, context
        for method in context.methods or ():
            found.add((method, path))
    return sorted(found)


def _values(world: World, path: str, name: str) -> list[str]:
    if name == "question_id" and path.startswith(("/api/experiences/", "/experiences/")):
        name = "entry_question_id"
    if name not in world.params:
        pytest.fail(
            f"{path} takes {{{name}}}, which this test has no value for: add one of user A's "
            "(or a content id) to World.params, so that the route is walked."
        )
    return world.params[name]


def urls(world: World, method: str, path: str) -> list[Walked]:
    """The route's path filled with A's ids (each combination; a session with its own item)."""
    names = re.findall(r"\{([^}:]+)(?::[^}]*)?\}", path)
    if not names:
        return [Walked(method, path, path, None)]
    choices: list[dict[str, str]] = [{}]
    for name in names:
        values = _values(world, path, name)
        if name == "item_id" and "session_id" in names:  # the item of that session
            sessions = world.params["session_id"]
            choices = [{**c, name: values[sessions.index(c["session_id"])]} for c in choices]
            continue
        choices = [{**c, name: value} for c in choices for value in values]
    owned_names = set(world.owned)
    if path.startswith(("/api/experiences/", "/experiences/")):
        owned_names.add("question_id")
    owned = owned_names & set(names)
    walked = []
    for choice in choices:
        ghost_choice = {k: GHOSTS[k] if k in owned else v for k, v in choice.items()}
        url, ghost = _fill(path, choice), _fill(path, ghost_choice)
        walked.append(Walked(method, path, url, ghost if owned else None))
    return walked


def _fill(path: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        path = re.sub(r"\{" + name + r"(?::[^}]*)?\}", value, path)
    return path


def _body(method: str, path: str) -> dict[str, Any]:
    """An empty body of the route's kind; lab runs ask for the fast size (a full run takes
    minutes: the shape of the body is not what is tested there)."""
    if method not in STATE_CHANGING:
        return {}
    if path == "/api/labs/{lab_id}/runs":
        return {"json": {"fast": True}}
    if path == "/labs/{lab_id}/runs":
        return {"params": {"size": "fast"}}
    if path.startswith("/api/"):
        return {"json": {}}
    return {"data": {}}


def _order(pair: tuple[str, str]) -> tuple[bool, bool, bool, str, str]:
    # Reads first, then changes, deletes and logging out last: a delete that got through must
    # not hide what the reads would have shown.
    method, path = pair
    return (path == "/logout", method == "DELETE", method in STATE_CHANGING, path, method)


# -- the tests --------------------------------------------------------------------------------


def test_b_walks_every_route_with_a_ids_and_gets_nothing_of_a(
    client: TestClient, app: FastAPI, world: World
) -> None:
    table = sorted(routes(app), key=_order)
    schema_paths = app.openapi()["paths"]
    in_schema = {(m.upper(), p) for p, ops in schema_paths.items() for m in ops}
    assert in_schema, "the OpenAPI schema lists the API"
    assert in_schema <= set(table), f"schema routes not walked: {in_schema - set(table)}"

    failures: list[str] = []
    walked = 0
    for method, path in table:
        for target in urls(world, method, path):
            cookie = world.b_spare_cookie if path == "/logout" else world.b_cookie
            credentials: list[dict[str, str]] = [{"cookie": cookie}]
            if path.startswith("/api/") or path == "/openapi.json":
                credentials.append({"token": world.b_token})
            for given in credentials:
                how = "cookie" if "cookie" in given else "token"
                body = _body(method, path)
                response = call(client, method, target.url, **given, **body)
                walked += 1
                failures += _check(target, response, world, how)
                if target.ghost is not None:
                    missing = call(client, method, target.ghost, **given, **body)
                    walked += 1
                    if missing.status_code != response.status_code:
                        failures.append(
                            f"{method} {target.url} (B by {how}): {response.status_code}, but "
                            f"{missing.status_code} for an id that exists nowhere: B can tell "
                            "that A's id exists"
                        )
    print(f"\nauthorization matrix: {len(table)} routes, {walked} requests as user B")
    assert not failures, "\n".join(failures)
    # The walk's logout ended B's spare session only.
    assert call(client, "GET", "/sessions", cookie=world.b_spare_cookie).status_code == 303
    assert call(client, "GET", "/sessions", cookie=world.b_cookie).status_code == 200

    # Nothing of A's changed (B's posts, puts and deletes did not reach A's objects).
    after = {
        url: _stable(_ok(call(client, "GET", url, cookie=world.a_cookie))) for url in world.a_views
    }
    for url, before in world.a_views.items():
        assert after[url] == before, f"A's {url} changed while B walked the routes"


def _check(target: Walked, response: Response, world: World, how: str) -> list[str]:
    where = f"{target.method} {target.url} (B by {how}): {response.status_code}"
    problems = []
    if response.status_code >= 500:
        problems.append(f"{where}: a server error: {response.text[:200]}")
    body = response.text
    for secret in world.secrets:
        # A 404 may repeat the id B sent; A's ids must not reach B any other way.
        if secret in body and secret not in target.url:
            problems.append(f"{where}: A's {secret!r} in the body")
    if target.ghost is not None and target.path not in SAME_AS_MISSING:
        allowed = {403, 404}
        if target.method in STATE_CHANGING:
            allowed |= EMPTY_BODY_REFUSALS
        if response.status_code not in allowed:
            problems.append(f"{where}: expected {sorted(allowed)} for an id of A's")
    return problems


def test_b_lists_none_of_a_work(client: TestClient, world: World) -> None:
    """B's own lists are empty: sessions, stories, entries, review cards, progress, résumé."""
    b = world.b_cookie
    # The walk started sessions for B (POST /loops/quick/start ...): none of them is A's.
    sessions = _ok(call(client, "GET", "/api/sessions", token=world.b_token))
    assert not {s["id"] for s in sessions} & set(world.params["session_id"])
    assert _ok(call(client, "GET", "/api/stories", token=world.b_token)) == []
    assert _ok(call(client, "GET", "/api/experiences", token=world.b_token)) == []
    review = _ok(call(client, "GET", "/api/review", token=world.b_token))
    assert review["total_cards"] == 0, review
    resume = call(client, "GET", "/api/resume/latest", token=world.b_token)
    assert resume.status_code == 404 and MARK not in resume.text
    attempts = call(client, "GET", f"/api/questions/{GRADED}/answers", token=world.b_token)
    assert _ok(attempts) == []
    page = call(client, "GET", f"/questions/{GRADED}", cookie=b)
    assert page.status_code == 200
    assert f"/questions/{GRADED}/answers/{world.params['answer_id'][0]}" not in page.text


def test_without_a_session_only_the_public_routes_answer(
    client: TestClient, app: FastAPI, world: World
) -> None:
    public = {("GET", "/login"), ("POST", "/login"), ("GET", "/api/health")}
    checked = 0
    for method, path in routes(app):
        if (method, path) in public:
            continue
        for target in urls(world, method, path):
            response = call(client, method, target.url, **_body(method, path))
            checked += 1
            if path.startswith("/api/") or path == "/openapi.json":
                assert response.status_code == 401, (method, target.url, response.status_code)
                assert response.headers["www-authenticate"] == "Bearer"
                if method != "HEAD":
                    assert "Sign in first" in response.json()["detail"]
            else:
                assert response.status_code == 303, (method, target.url, response.status_code)
                location = response.headers["location"]
                assert location.startswith("/login?next="), (target.url, location)
            assert MARK not in response.text
    htmx = call(client, "GET", "/sessions", headers={"HX-Request": "true"})
    assert htmx.status_code == 401 and htmx.headers["hx-redirect"] == "/login?next=%2Fsessions"
    wrong = call(client, "GET", "/api/sessions", token="brt_not-a-token")
    assert wrong.status_code == 401
    forged = call(client, "GET", "/sessions", cookie="not-a-session")
    assert forged.status_code == 303
    # The public ones answer without a session.
    assert _ok(call(client, "GET", "/api/health"))["status"] == "ok"
    login = call(client, "GET", "/login")
    assert login.status_code == 200 and 'action="/login"' in login.text
    css = call(client, "GET", "/static/app.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    print(f"\nwithout a session: {checked} requests refused")


def test_a_recorded_question_never_becomes_everyones_draft(
    client: TestClient, world: World
) -> None:
    marker = "qzx-authz-draft"  # not MARK: the matrix above must not depend on this test
    a = world.a_cookie
    entry = _ok(
        call(
            client,
            "POST",
            "/api/experiences",
            cookie=a,
            json={
                "company": f"Globex {marker}",
                "role": "ML engineer",
                "date": "2026-09-01",
                "questions": [
                    {"text": f"Explain the bias variance trade-off {marker}", "kind": "ml"}
                ],
            },
        ),
        201,
    )
    made = call(
        client,
        "POST",
        f"/api/experiences/{entry['id']}/questions/{entry['questions'][0]['id']}/practice",
        cookie=a,
    )
    # A hosted instance makes no drafts: they would be in every member's question bank.
    assert made.status_code == 409, made.text
    assert "cannot become a practice question" in made.json()["detail"]
    listing = call(client, "GET", "/api/questions", token=world.b_token)
    assert listing.status_code == 200
    assert marker not in listing.text, "B's question bank shows A's drafted question"
    page = call(client, "GET", "/questions", cookie=world.b_cookie)
    assert page.status_code == 200 and marker not in page.text
