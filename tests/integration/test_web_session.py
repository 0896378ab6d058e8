"""The mock loop through the web app: pages, no-JavaScript forms, htmx swaps and the sessions API,
on a real SQLite store in a temporary folder, the real grader model and the real sandbox."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from markupsafe import escape
from sqlalchemy import select
from web_support import app_store, web_settings

from bank_support import calibration
from barraiser.content.loader import Bank
from barraiser.judge.sandbox import Sandbox
from barraiser.store import Answer, utcnow
from barraiser.web.app import create_app
from web_client import TestClient

CONCEPT = "activation-function-for-image-classification"
SESSION_URL = re.compile(r"^/sessions/([0-9a-f]+)$")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return create_app(web_settings(tmp_path_factory.mktemp("session-web")))


@pytest.fixture(scope="module")
def bank(app: FastAPI) -> Bank:
    loaded: Bank = app.state.bank
    return loaded


def _session_id(response: Any) -> str:
    assert response.status_code == 303, response.text[:500]
    match = SESSION_URL.match(response.headers["location"])
    assert match, response.headers["location"]
    return match.group(1)


def _start(client: TestClient, path: str) -> str:
    """Start a session with a plain form post and start its first round."""
    session_id = _session_id(client.post(path, follow_redirects=False))
    started = client.post(f"/sessions/{session_id}/rounds/start", follow_redirects=False)
    assert started.status_code == 303 and started.headers["location"] == f"/sessions/{session_id}"
    return session_id


def _view(client: TestClient, session_id: str) -> dict[str, Any]:
    response = client.get(f"/api/sessions/{session_id}")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def _active(view: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in view["rounds"] if r["status"] == "active")


def _is_sentence(text: str) -> bool:
    return (
        bool(text) and text[0].isupper() and text.rstrip().endswith((".", ")")) and len(text) > 20
    )


# --- start pages and history ----------------------------------------------------------------


def test_loop_page_is_a_start_page(client: TestClient, bank: Bank) -> None:
    page = client.get("/loops/quick").text
    assert '<form method="post" action="/loops/quick/start"' in page
    assert 'id="what-to-expect"' in page and "What to expect" in page
    for round_ in bank.loops["quick"].rounds():
        assert f'action="/practice/rounds/quick/{round_.id}"' in page
    home = client.get("/").text
    assert re.search(r'<form method="post" action="/loops/[a-z0-9-]+/start"', home)


def test_history_is_empty_at_first_and_links_to_a_start(tmp_path: Path) -> None:
    with TestClient(create_app(web_settings(tmp_path))) as fresh:
        page = fresh.get("/sessions")
        assert page.status_code == 200
        assert "No sessions yet" in page.text
        assert 'action="/loops/quick/start"' in page.text
        assert 'href="/questions"' in page.text


def test_history_lists_active_then_finished_then_abandoned(tmp_path: Path) -> None:
    with TestClient(create_app(web_settings(tmp_path))) as fresh:
        finished = _start(fresh, "/loops/quick/start")
        for _ in range(2):
            fresh.post(f"/sessions/{finished}/rounds/start")
            fresh.post(f"/sessions/{finished}/rounds/finish")
        assert fresh.get(f"/api/sessions/{finished}").json()["status"] == "finished"
        done = fresh.get(f"/sessions/{finished}", follow_redirects=False)
        assert done.status_code == 303
        assert done.headers["location"] == f"/sessions/{finished}/debrief"

        abandoned = _session_id(fresh.post("/loops/quick/start", follow_redirects=False))
        left = fresh.post(f"/sessions/{abandoned}/abandon", follow_redirects=False)
        assert left.status_code == 303 and left.headers["location"] == "/sessions"
        active = _session_id(fresh.post("/loops/quick/start", follow_redirects=False))

        page = fresh.get("/sessions").text
        positions = [page.index(f'data-session="{sid}"') for sid in (active, finished, abandoned)]
        assert positions == sorted(positions), "active, then finished, then abandoned"
        assert f'href="/sessions/{active}">Resume' in page
        assert f'href="/sessions/{finished}/debrief"' in page
        assert page.index("In progress") < page.index("Finished") < page.index("Abandoned")
        gone = fresh.get(f"/sessions/{abandoned}").text
        assert "You left this session" in gone


# --- the round page without JavaScript ------------------------------------------------------


def test_quick_loop_next_round_card_and_coding_round_page(client: TestClient) -> None:
    session_id = _session_id(client.post("/loops/quick/start", follow_redirects=False))
    card = client.get(f"/sessions/{session_id}").text
    assert "Next: Coding" in card
    assert "Software engineer" in card and "20 min" in card and "1 question" in card
    assert "the clock stops and picks up when you come back" in card  # quick: away is paused
    assert f'<form method="post" action="/sessions/{session_id}/rounds/start"' in card

    client.post(f"/sessions/{session_id}/rounds/start")
    page = client.get(f"/sessions/{session_id}").text
    item = _active(_view(client, session_id))["items"][0]
    assert item["id"].startswith("problem:")
    remaining = float(re.search(r'data-remaining="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
    assert 20 * 60 - 30 <= remaining <= 20 * 60
    assert 'role="timer"' in page and 'aria-live="polite"' in page
    assert f'"submit_url": "/api/sessions/{session_id}/items/{item["id"]}/submissions"' in page
    assert 'id="problem-config"' in page and "problem.js" in page and "session.js" in page
    assert f'action="/sessions/{session_id}/items/{item["id"]}/skip"' in page
    assert "Done with this problem (ends the round)" in page  # its only item
    # Ending the round asks first, without JavaScript: a <details> holding the form.
    assert re.search(
        r'<details class="end-round">.*?action="/sessions/[0-9a-f]+/rounds/finish"', page, re.S
    )
    assert "session.css" in page


def test_coding_item_is_judged_on_the_real_sandbox_through_the_session(
    client: TestClient, bank: Bank, sandbox: Sandbox
) -> None:
    created = client.post("/api/sessions", json={"practice_item_id": "problem:two-sum"})
    assert created.status_code == 201
    session_id = created.json()["id"]
    assert created.json()["url"] == f"/sessions/{session_id}"
    client.post(f"/api/sessions/{session_id}/rounds/start")
    loaded = bank.problems["two-sum"]
    source = loaded.solution_path(loaded.problem.python_reference).read_text()
    sent = client.post(
        f"/api/sessions/{session_id}/items/problem:two-sum/submissions",
        json={"language": "python", "source": source, "mode": "submit", "problem_id": "two-sum"},
    )
    assert sent.status_code == 202, sent.text
    submission_id = sent.json()["id"]
    deadline = time.monotonic() + 120
    while True:
        state = client.get(f"/api/submissions/{submission_id}").json()
        if state["status"] == "done" or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert state["verdict"] == "AC", state
    item = _active(_view(client, session_id))["items"][0]
    assert item["submissions"] == [submission_id]

    done = client.post(f"/sessions/{session_id}/items/problem:two-sum/skip", follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/sessions/{session_id}"
    view = _view(client, session_id)
    assert view["rounds"][0]["items"][0]["status"] == "done", "done with it, not skipped"
    assert view["status"] == "finished", "its only item is done, so the round ends"
    end = client.get(f"/sessions/{session_id}", follow_redirects=False)
    assert end.headers["location"] == f"/sessions/{session_id}/debrief"


def _wait_judged(client: TestClient, submission_id: int) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while True:
        state: dict[str, Any] = client.get(f"/api/submissions/{submission_id}").json()
        if state["status"] == "done" or time.monotonic() > deadline:
            return state
        time.sleep(0.3)


def test_coding_works_without_javascript_and_the_page_lists_the_verdicts(
    client: TestClient, bank: Bank, sandbox: Sandbox
) -> None:
    session_id = _start(client, "/practice/questions/problem:two-sum")
    item = "problem:two-sum"
    page_url = f"/sessions/{session_id}?item={item}"
    page = client.get(page_url).text
    # The editor's controls need JavaScript: hidden by a <noscript> style, a plain form instead.
    assert "<noscript><style>.js-only { display: none !important; }</style></noscript>" in page
    assert 'class="editor js-only"' in page and 'class="actions editor-actions js-only"' in page
    form = re.search(
        r"<noscript>\s*(<form class=\"code-form\".*?</form>)\s*</noscript>", page, re.S
    )
    assert form, "the no-JavaScript form sits in the editor's <noscript>"
    assert f'action="/sessions/{session_id}/items/{item}/code"' in form.group(1)
    assert 'name="source"' in form.group(1) and 'name="language"' in form.group(1)
    assert 'name="mode" value="run"' in form.group(1)
    assert 'name="mode" value="submit"' in form.group(1)
    starter = bank.problems["two-sum"]
    assert "class Solution" in form.group(1), "the box starts with the starter code"
    assert "barraiser judge submit" not in page, "a CLI submission would not count"
    assert "With JavaScript off, the clock only moves when you send something" in page
    assert "Your best submission counts: an accepted one wins" in page
    assert "Your last submission is what counts" not in page
    assert "Run your code to see the results here." in page

    # An empty program: the page again with the sentence, the chosen language kept.
    empty = client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "cpp", "source": "  ", "mode": "run"},
    )
    assert empty.status_code == 400 and "The source code is empty" in empty.text
    assert '<option value="cpp" selected>' in empty.text
    odd = client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "python", "source": "print(1)", "mode": "custom"},
    )
    assert odd.status_code == 400 and "Press Run samples or Submit" in odd.text
    assert "print(1)</textarea>" in odd.text, "the typed code is back in the box"

    source = starter.solution_path(starter.problem.python_reference).read_text()
    sent = client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "python", "source": source, "mode": "submit"},
        follow_redirects=False,
    )
    assert sent.status_code == 303 and sent.headers["location"] == page_url
    ids = _active(_view(client, session_id))["items"][0]["submissions"]
    assert len(ids) == 1
    listed = client.get(page_url).text
    row = re.search(rf'<li data-submission="{ids[0]}" data-status="(\w+)">', listed)
    assert row and row.group(1) in ("queued", "judging", "done")
    assert "You have run or submitted this problem 1 time in this round" in listed
    state = _wait_judged(client, ids[0])
    assert state["verdict"] == "AC", state
    judged = client.get(page_url).text
    assert f'<li data-submission="{ids[0]}" data-status="done">' in judged
    assert 'data-verdict="AC">Accepted</span>' in judged
    # Counted as the scorecard counts a submission: its hidden tests alone.
    hidden = [t for t in state["result"]["tests"] if t.get("kind") == "hidden"]
    assert hidden and f"{len(hidden)} of {len(hidden)} hidden tests passed" in judged
    assert "reload</a> to see the verdicts" not in judged, "nothing left to wait for"
    # The form starts from the code last sent, so a reload does not lose it.
    assert str(escape(source.splitlines()[0])) in judged.split('id="code-source"')[1]


def test_without_javascript_a_run_shows_each_sample_and_a_submit_hides_its_tests(
    client: TestClient, bank: Bank, sandbox: Sandbox
) -> None:
    session_id = _start(client, "/practice/questions/problem:two-sum")
    item = "problem:two-sum"
    page_url = f"/sessions/{session_id}?item={item}"
    wrong = "class Solution:\n    def two_sum(self, prices, target):\n        return [0, 0]\n"
    client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "python", "source": wrong, "mode": "run"},
    )
    run_id = _active(_view(client, session_id))["items"][0]["submissions"][-1]
    assert _wait_judged(client, run_id)["verdict"] == "WA"
    page = client.get(page_url).text
    latest = page[page.index('<section class="latest-result"') :]
    latest = latest[: latest.index("</section>")]
    assert f'data-submission="{run_id}"' in page and "Latest run on the samples" in latest
    assert 'data-verdict="WA">Wrong Answer</span>' in latest
    first = bank.problems["two-sum"].problem.samples[0]
    sample = latest[latest.index("Sample 1") : latest.index("Sample 2")]
    # What went in, what was expected and what came out, as the browser's view shows them.
    assert "Input" in sample and str(first.args["target"]) in sample
    assert '<div class="io-label">Expected</div><pre>[1, 2]</pre>' in sample
    assert '<div class="io-label">Your output</div><pre>[0, 0]</pre>' in sample

    loaded = bank.problems["two-sum"]
    source = loaded.solution_path(loaded.problem.python_reference).read_text()
    client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "python", "source": source, "mode": "submit"},
    )
    submit_id = _active(_view(client, session_id))["items"][0]["submissions"][-1]
    state = _wait_judged(client, submit_id)
    assert state["verdict"] == "AC"
    page = client.get(page_url).text
    latest = page[page.index('<section class="latest-result"') :]
    latest = latest[: latest.index("</section>")]
    hidden_rows = re.findall(r'<li class="test-row test-row--hidden".*?</li>', latest, re.S)
    hidden = [t for t in state["result"]["tests"] if t.get("kind") == "hidden"]
    assert len(hidden_rows) == len(hidden) > 0
    # A hidden test shows its verdict, never its data.
    assert all("io-block" not in row and "Accepted" in row for row in hidden_rows)
    assert "Hidden test 1<" in latest


def test_practice_answer_is_saved_graded_and_followed_up_without_javascript(
    client: TestClient, app: FastAPI, bank: Bank
) -> None:
    session_id = _start(client, "/practice/rounds/quick/quick-ml")
    items = _active(_view(client, session_id))["items"]
    concept = next(i["id"] for i in items if i["kind"] == "concept")
    other = next(i["id"] for i in items if i["id"] != concept)
    page = client.get(f"/sessions/{session_id}?item={concept}").text
    assert '<label for="answer-text">' in page and 'name="text"' in page
    assert f'hx-post="/sessions/{session_id}/items/{concept}/answer"' in page
    assert 'hx-indicator="#reading-indicator"' in page and "reading your answer" in page

    text = calibration(bank, concept, "weak")
    posted = client.post(
        f"/sessions/{session_id}/items/{concept}/answer",
        data={"text": text},
        follow_redirects=False,
    )
    assert posted.status_code == 303
    assert posted.headers["location"] == f"/sessions/{session_id}?item={concept}"
    with app_store(app).session() as session:
        saved = session.scalars(select(Answer).where(Answer.text == text.strip())).one()
        assert saved.gradings, "graded after it was saved"

    page = client.get(posted.headers["location"]).text
    assert "The interviewer follows up" in page
    follow_up = next(i for i in _active(_view(client, session_id))["items"] if i["id"] == concept)[
        "follow_up"
    ]
    # As the templates escape it (an apostrophe is &#39;, not html.escape's &#x27;).
    assert follow_up and str(escape(follow_up["question"])) in page
    assert f'action="/sessions/{session_id}/items/{concept}/follow-up"' in page
    assert "Skip the follow-up" in page
    assert "Your grade" in page, "practice mode shows the grade after each answer"

    second = client.post(
        f"/sessions/{session_id}/items/{concept}/follow-up",
        data={"text": "I would check the validation curves and compare on held-out data."},
        follow_redirects=False,
    )
    assert second.status_code == 303
    assert second.headers["location"] == f"/sessions/{session_id}?item={concept}"
    page = client.get(second.headers["location"]).text
    assert "compare on held-out data" in page and "Your grade" in page
    # The way on takes the focus when htmx swaps this in (no follow-up is left to answer).
    assert f'href="/sessions/{session_id}?item={other}" data-focus-after-swap>Next question' in page

    assert "Skip it and end the round" in client.get(f"/sessions/{session_id}?item={other}").text
    last = client.post(f"/sessions/{session_id}/items/{other}/skip", follow_redirects=False)
    assert last.status_code == 303 and last.headers["location"] == f"/sessions/{session_id}"
    end = client.get(f"/sessions/{session_id}", follow_redirects=False)
    assert end.headers["location"] == f"/sessions/{session_id}/debrief"


# --- htmx -------------------------------------------------------------------------------------


def test_htmx_answer_swaps_in_the_follow_up_and_loop_mode_hides_the_grade(
    client: TestClient, bank: Bank
) -> None:
    session_id = _start(client, "/loops/quick/start")
    client.post(f"/sessions/{session_id}/rounds/finish")
    client.post(f"/sessions/{session_id}/rounds/start")
    item = next(i for i in _active(_view(client, session_id))["items"] if i["kind"] == "concept")
    response = client.post(
        f"/sessions/{session_id}/items/{item['id']}/answer",
        data={"text": calibration(bank, item["id"], "weak")},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response.headers["HX-Trigger"] == "answer-saved", "the browser may drop its draft"
    fragment = response.text
    assert "<html" not in fragment and fragment.lstrip().startswith('<div id="round-body"')
    assert "The interviewer follows up" in fragment and "data-focus-after-swap" in fragment
    assert f'hx-post="/sessions/{session_id}/items/{item["id"]}/follow-up"' in fragment
    assert "Your grade" not in fragment, "a loop gives feedback in the debrief, not per answer"

    followed = client.post(
        f"/sessions/{session_id}/items/{item['id']}/follow-up",
        data={"text": "I would compare it on a held-out set."},
        headers={"HX-Request": "true"},
    )
    assert followed.status_code == 200
    assert followed.headers["HX-Redirect"] == f"/sessions/{session_id}"
    assert followed.headers["HX-Trigger"] == "answer-saved"
    statuses = {i["id"]: i["status"] for i in _active(_view(client, session_id))["items"]}
    assert statuses[item["id"]] == "done"


def test_overtime_counts_on_from_the_server_across_heartbeats_and_reloads(
    client: TestClient, app: FastAPI
) -> None:
    # Practice rounds run over time instead of ending; away time is paused, so the clock
    # moves only with signs of life: heartbeats 50 s apart, as an open page sends them.
    session_id = _start(client, f"/practice/questions/{CONCEPT}")
    allotted = _active(_view(client, session_id))["clock"]["allotted_s"]
    service = app.state.interviews
    start = utcnow()

    def at(seconds: float) -> str:
        moment = start + timedelta(seconds=seconds)
        service.clock = lambda: moment
        return client.get(f"/sessions/{session_id}").text  # the page is a heartbeat too

    try:
        for step in range(1, int((allotted + 120) // 50) + 1):
            assert client.post(f"/api/sessions/{session_id}/heartbeat").status_code == 200
            page = at(step * 50)
        clock = _active(_view(client, session_id))["clock"]
        used = clock["used_s"]
        assert clock["remaining_s"] == 0 and clock["overtime_s"] == pytest.approx(used - allotted)
        over = float(re.search(r'data-remaining="(-?[\d.]+)"', page).group(1))  # type: ignore[union-attr]
        assert over == pytest.approx(-(used - allotted), abs=0.2), "signed: overtime is negative"
        assert 'id="timer-label">Overtime<' in page and 'data-overtime="true"' in page
        minutes, seconds = divmod(round(used - allotted), 60)
        assert f'data-testid="timer">+{minutes}:{seconds:02d}<' in page
        # 40 s later a reload carries on from there instead of starting again at +0:00.
        later = at(used + 40)
        again = float(re.search(r'data-remaining="(-?[\d.]+)"', later).group(1))  # type: ignore[union-attr]
        assert again == pytest.approx(over - 40, abs=0.2)
    finally:
        service.clock = utcnow
    client.post(f"/sessions/{session_id}/abandon")


def test_htmx_practice_follow_up_moves_focus_to_the_grade(client: TestClient, bank: Bank) -> None:
    session_id = _start(client, "/practice/rounds/quick/quick-ml")
    items = _active(_view(client, session_id))["items"]
    concept = next(i["id"] for i in items if i["kind"] == "concept")
    base = f"/sessions/{session_id}/items/{concept}"
    hx = {"HX-Request": "true"}
    first = client.post(
        f"{base}/answer", data={"text": calibration(bank, concept, "weak")}, headers=hx
    ).text
    # The follow-up waits for an answer: its heading is the first focus target, before the grade.
    marks = [m.start() for m in re.finditer("data-focus-after-swap", first)]
    assert first.index('id="follow-up-title"') < marks[0] < first.index('id="follow-up-text"')
    assert 'id="follow-up-title" class="section-label" tabindex="-1" data-focus-after-swap>' in (
        first
    )
    second = client.post(
        f"{base}/follow-up", data={"text": "I would compare it on held-out data."}, headers=hx
    )
    assert second.status_code == 200 and second.headers["HX-Trigger"] == "answer-saved"
    fragment = second.text
    assert "Your grade" in fragment
    # Nothing left to answer here: the grade (its heading, #grade-title) takes the focus.
    assert 'id="follow-up-title" class="section-label" tabindex="-1">' in fragment
    first_target = re.search(r"data-focus-after-swap(=\"[^\"]*\")?", fragment)
    assert first_target and first_target.group(0) == 'data-focus-after-swap="#grade-title"'
    assert 'id="grade-title" class="section-label" tabindex="-1"' in fragment
    client.post(f"/sessions/{session_id}/abandon")


def test_reload_while_the_answer_is_graded_waits_for_the_follow_up(
    client: TestClient, app: FastAPI, bank: Bank, set_item_state: Callable[..., None]
) -> None:
    session_id = _start(client, "/loops/quick/start")
    client.post(f"/sessions/{session_id}/rounds/finish")
    client.post(f"/sessions/{session_id}/rounds/start")
    items = _active(_view(client, session_id))["items"]
    concept = next(i["id"] for i in items if i["kind"] == "concept")
    text = calibration(bank, concept, "weak")
    # As the engine leaves an item while its answer is graded (or when the server died then):
    # answered, the text saved, no follow-up yet.
    set_item_state(
        app_store(app), session_id, concept, status="answered", answer_text=text, late=False
    )

    page_url = f"/sessions/{session_id}?item={concept}"
    page = client.get(page_url).text
    assert "The interviewer is still reading your answer" in page
    # No primary button that would skip the follow-up the candidate has not seen yet.
    assert not re.search(r'button--primary" type="submit"[^>]*>(Next question|End the round)', page)
    # Without JavaScript: a plain link to look again; with htmx: a bounded poll of the same page.
    assert f'<a class="button" href="{page_url}">Check again</a>' in page
    assert f'hx-get="{page_url}"' in page and 'hx-trigger="load delay:2s"' in page
    assert 'hx-select="#round-body"' in page and "data-poll" in page
    # A quiet way on, for when the follow-up never comes (the server died mid-grade).
    skip = re.search(
        rf'<form class="skip-form" method="post" action="/sessions/{session_id}/items/{concept}/'
        r'skip">'
        r'\s*<button class="button button--quiet" type="submit">([^<]+)</button>',
        page,
    )
    assert skip and "without waiting" in skip.group(1)
    # A still-waiting poll must not steal the focus each time it swaps the body in.
    body = page[page.index('<div id="round-body"') : page.index('<footer class="round-footer">')]
    assert "data-focus-after-swap" not in body

    # The grader finishes: the next poll (the same page) shows the follow-up and focuses it.
    follow_up = {"question": "How would you check that on held-out data?"}
    set_item_state(app_store(app), session_id, concept, follow_up=follow_up)
    polled = client.get(page_url, headers={"HX-Request": "true"}).text
    assert "still reading" not in polled and "The interviewer follows up" in polled
    assert 'id="follow-up-title" class="section-label" tabindex="-1" data-focus-after-swap>' in (
        polled
    )
    client.post(f"/sessions/{session_id}/abandon")


# --- errors -----------------------------------------------------------------------------------


def test_page_errors_say_what_to_do_and_keep_the_typed_answer(client: TestClient) -> None:
    session_id = _start(client, f"/practice/questions/{CONCEPT}")
    base = f"/sessions/{session_id}/items/{CONCEPT}"
    empty = client.post(f"{base}/answer", data={"text": "  "}, headers={"HX-Request": "true"})
    assert empty.status_code == 200 and 'role="alert"' in empty.text
    assert '<div id="round-body"' in empty.text
    # Swapped in like a success, but without the "saved" marker: the browser keeps its draft.
    assert "HX-Trigger" not in empty.headers
    assert re.search(
        r'<p class="result-error" tabindex="-1" data-focus-after-swap>[A-Z]', empty.text
    )

    long_text = "softmax " * 2600
    too_long = client.post(f"{base}/answer", data={"text": long_text})
    assert too_long.status_code == 413
    assert 'role="alert"' in too_long.text
    assert long_text.strip()[:80] in too_long.text, "the draft is back in the box"

    missing = client.get("/sessions/0123456789abcdef")
    assert missing.status_code == 404 and "Session not found" in missing.text
    assert "History page" in missing.text
    wrong_item = client.post(
        f"/sessions/{session_id}/items/no-such-item/answer", data={"text": "x"}
    )
    assert wrong_item.status_code == 404
    assert "Your answer was not sent" in wrong_item.text and ">x</textarea>" in wrong_item.text


def test_api_errors_are_sentences_with_the_engine_status(client: TestClient) -> None:
    nothing = client.post("/api/sessions", json={})
    assert nothing.status_code == 400 and _is_sentence(nothing.json()["detail"])
    both = client.post("/api/sessions", json={"loop_id": "quick", "practice_item_id": CONCEPT})
    assert both.status_code == 400 and _is_sentence(both.json()["detail"])
    no_round = client.post("/api/sessions", json={"loop_id": "quick", "practice": True})
    assert no_round.status_code == 400 and "round_id" in no_round.json()["detail"]
    unknown = client.post("/api/sessions", json={"loop_id": "no-such-loop"})
    assert unknown.status_code == 404 and _is_sentence(unknown.json()["detail"])
    assert client.get("/api/sessions/nope").status_code == 404

    session_id = client.post("/api/sessions", json={"loop_id": "quick"}).json()["id"]
    early = client.post(f"/api/sessions/{session_id}/items/{CONCEPT}/answer", json={"text": "x"})
    assert early.status_code == 409 and _is_sentence(early.json()["detail"])
    debrief = client.get(f"/api/sessions/{session_id}/debrief")
    assert debrief.status_code == 409 and _is_sentence(debrief.json()["detail"])


def test_the_answer_is_saved_even_when_the_grader_cannot_load(tmp_path: Path) -> None:
    application = create_app(web_settings(tmp_path, grader_model=str(tmp_path / "no-model-here")))
    with TestClient(application) as broken:
        session_id = _start(broken, f"/practice/questions/{CONCEPT}")
        text = "Use softmax at the output and cross-entropy loss."
        page = broken.post(f"/sessions/{session_id}/items/{CONCEPT}/answer", data={"text": text})
        assert page.status_code == 503
        assert re.search(r"Your answer was saved \(id \d+\)", page.text)
        assert text in page.text, "the answer is still on the page"
        with app_store(application).session() as session:
            saved = session.scalars(select(Answer).where(Answer.text == text)).one()
            assert saved.gradings == []
        # The question is open again with its saved text in the box, after a reload too.
        again = broken.get(f"/sessions/{session_id}").text
        assert f'data-draft-key="{session_id}:{CONCEPT}:answer">{text}</textarea>' in again
        hx = broken.post(
            f"/sessions/{session_id}/items/{CONCEPT}/answer",
            data={"text": text},
            headers={"HX-Request": "true"},
        )
        assert hx.status_code == 200 and "Your answer was saved" in hx.text
        assert "HX-Trigger" not in hx.headers, "not graded: the browser keeps its draft"


# --- the API ----------------------------------------------------------------------------------


def test_api_runs_a_loop_and_documents_itself(client: TestClient, app: FastAPI) -> None:
    created = client.post("/api/sessions", json={"loop_id": "amazon-mle"})
    assert created.status_code == 201
    session_id = created.json()["id"]
    listed = client.get("/api/sessions").json()
    summary = next(s for s in listed if s["id"] == session_id)
    assert summary["status"] == "active" and summary["rounds_done"] == 0
    assert set(summary) >= {"mode", "loop_title", "started_at", "rounds_total", "decision_label"}

    view = client.post(f"/api/sessions/{session_id}/rounds/start").json()
    first = _active(view)
    assert first["clock"]["allotted_s"] == first["duration_min"] * 60
    assert {"id", "kind", "title", "prompt", "status"} <= set(first["items"][0])
    beat = client.post(f"/api/sessions/{session_id}/heartbeat")
    assert beat.status_code == 200 and _active(beat.json())["position"] == first["position"]

    # The engine's clock is its injection point: five minutes later the page shows ten left.
    service = app.state.interviews
    later = utcnow() + timedelta(minutes=5)
    service.clock = lambda: later
    try:
        page = client.get(f"/sessions/{session_id}").text
        remaining = float(re.search(r'data-remaining="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        assert abs(remaining - (first["duration_min"] - 5) * 60) < 5
        # Past the end (amazon-mle: away time counts, the round ends): the next round's card.
        end = utcnow() + timedelta(minutes=first["duration_min"] + 1)
        service.clock = lambda: end
        page = client.get(f"/sessions/{session_id}").text
        assert "Next: " in page and 'class="card next-round"' in page
    finally:
        service.clock = utcnow

    item = first["items"][0]["id"]
    late = client.post(f"/api/sessions/{session_id}/items/{item}/skip")
    assert late.status_code == 409 and _is_sentence(late.json()["detail"])
    finished = client.post(f"/api/sessions/{session_id}/rounds/finish")
    assert finished.status_code == 200

    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/sessions",
        "/api/sessions/{session_id}",
        "/api/sessions/{session_id}/rounds/start",
        "/api/sessions/{session_id}/rounds/finish",
        "/api/sessions/{session_id}/heartbeat",
        "/api/sessions/{session_id}/items/{item_id}/answer",
        "/api/sessions/{session_id}/items/{item_id}/follow-up",
        "/api/sessions/{session_id}/items/{item_id}/skip",
        "/api/sessions/{session_id}/items/{item_id}/submissions",
        "/api/sessions/{session_id}/debrief",
    ):
        assert path in paths, path
        for operation in paths[path].values():
            assert operation["tags"] == ["sessions"]
    assert not any(p.startswith("/sessions") for p in paths), "pages stay out of the schema"


def test_home_offers_to_continue_an_active_session(tmp_path: Path) -> None:
    with TestClient(create_app(web_settings(tmp_path))) as fresh:
        assert "Continue your session" not in fresh.get("/").text
        sid = _session_id(fresh.post("/loops/quick/start", follow_redirects=False))
        page = fresh.get("/").text
        assert "Continue your session" in page and f'href="/sessions/{sid}"' in page


def test_an_accepted_submission_asks_for_the_approach_and_practice_shows_its_grade(
    client: TestClient, bank: Bank, sandbox: Sandbox
) -> None:
    session_id = _start(client, "/practice/questions/problem:valid-parentheses")
    item = "problem:valid-parentheses"
    page_url = f"/sessions/{session_id}?item={item}"
    api = f"/api/sessions/{session_id}/items/{item}/approach"
    early = client.post(api, json={"text": "A stack: O(n) time."})
    assert early.status_code == 409 and "once a submission is accepted" in early.json()["detail"]
    page = client.get(page_url).text
    assert 'id="approach"' not in page
    # Until the approach is asked, the editor opens this page again on an accepted submission.
    assert f'"accepted_url": "/sessions/{session_id}?item=problem%3Avalid-parentheses"' in page

    loaded = bank.problems["valid-parentheses"]
    source = loaded.solution_path(loaded.problem.python_reference).read_text()
    sent = client.post(
        f"/sessions/{session_id}/items/{item}/code",
        data={"language": "python", "source": source, "mode": "submit"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    submission_id = _active(_view(client, session_id))["items"][0]["submissions"][0]
    assert _wait_judged(client, submission_id)["verdict"] == "AC"
    asked = client.get(page_url).text
    assert 'data-approach="asked"' in asked and "what trade-off did you make?" in asked
    assert f'action="/sessions/{session_id}/items/{item}/approach"' in asked
    assert "accepted_url" not in asked, "asked already: no need to open the page again"
    assert _active(_view(client, session_id))["items"][0]["approach"]["answer_id"] is None

    empty = client.post(f"/sessions/{session_id}/items/{item}/approach", data={"text": " "})
    assert empty.status_code == 400 and "The answer is empty" in empty.text
    answer = (
        "I push each opening bracket on a stack and pop it when its closing partner comes. "
        "That is O(n) time and O(n) extra space in the worst case, the trade-off being memory "
        "for a single pass."
    )
    sent = client.post(
        f"/sessions/{session_id}/items/{item}/approach",
        data={"text": answer},
        follow_redirects=False,
    )
    assert sent.status_code == 303 and sent.headers["location"] == f"{page_url}#approach"
    graded = client.get(page_url).text
    assert 'data-approach="answered"' in graded and 'data-score="100"' in graded
    for part in ("time", "space", "trade-off", "approach"):
        assert f'data-part="{part}" data-status="correct"' in graded, part
    assert str(escape(answer)) in graded
    view_item = _active(_view(client, session_id))["items"][0]
    assert view_item["approach"]["answer_text"] == answer
    assert view_item["approach"]["grade"]["score"] == 100
    again = client.post(api, json={"text": answer})
    assert again.status_code == 409 and _is_sentence(again.json()["detail"])
    assert (
        "/api/sessions/{session_id}/items/{item_id}/approach"
        in (client.get("/openapi.json").json()["paths"])
    )
