"""The debrief page and the report exports, after a real quick loop: real SQLite store, real
grader, real sandboxed judge; then ``barraiser report`` on the same store in a real process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi import FastAPI
from markupsafe import escape
from web_support import web_settings

from bank_support import calibration, reference_source, weak_story
from barraiser.content.loader import Bank
from barraiser.interview.engine import InterviewService
from barraiser.interview.models import Debrief
from barraiser.interview.submissions import SubmissionService
from barraiser.judge.sandbox import Sandbox
from barraiser.web.app import create_app
from barraiser.web.routes import debrief_pages
from web_client import TestClient

ROOT = Path(__file__).parents[2]
HOSTILE = "<script>alert(1)</script>"
FOLLOW_UP = "I would check it on a held-out validation set before trusting the number."


def _esc(text: str) -> str:
    """Text as the autoescaping templates write it."""
    return str(escape(text))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("debrief-web")


@pytest.fixture(scope="module")
def app(folder: Path) -> FastAPI:
    return create_app(web_settings(folder), judge_slots=1)


def _parts(app: FastAPI) -> tuple[InterviewService, SubmissionService, Bank, int]:
    return app.state.interviews, app.state.submissions, app.state.bank, app.state.user_id


def _wait_done(submissions: SubmissionService, ids: list[int], timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        states = [submissions.status(i) for i in ids]
        if all(s is not None and s.status == "done" for s in states):
            return
        time.sleep(0.1)
    pytest.fail(f"the judge did not finish submissions {ids} in {timeout_s} s")


@pytest.fixture(scope="module")
def finished(app: FastAPI, client: TestClient, sandbox: Sandbox) -> dict[str, str]:
    """A quick loop taken to its end: the coding problem solved, a concept question answered
    well (with a script tag in it) and its follow-up, a Leadership Principle story told weakly."""
    interviews, submissions, bank, user = _parts(app)
    sid = interviews.start_loop(user, "quick", seed=3)
    coding = interviews.start_round(user, sid).rounds[0].items[0]
    assert coding.problem_id
    submit = interviews.submit_code(
        user, sid, coding.id, "python", reference_source(bank, coding.problem_id), "submit"
    )
    _wait_done(submissions, [submit])
    interviews.skip(user, sid, coding.id)  # "done with this problem": the round ends
    concept, story = interviews.start_round(user, sid).rounds[1].items
    concept_answer = f"{calibration(bank, concept.id, 'strong')}\n\nP.S. {HOSTILE}"
    interviews.answer(user, sid, concept.id, concept_answer)
    interviews.answer_follow_up(user, sid, concept.id, FOLLOW_UP)
    interviews.answer(user, sid, story.id, weak_story(bank, story.id))
    view = interviews.skip(user, sid, story.id)
    assert view.status == "finished"
    return {"id": sid, "concept": concept.id, "story": story.id, "coding": coding.id}


def test_the_debrief_page_shows_what_the_candidate_acts_on(
    app: FastAPI, client: TestClient, finished: dict[str, str]
) -> None:
    interviews, _, bank, user = _parts(app)
    debrief = interviews.debrief(user, finished["id"])
    assert debrief.decision is not None and not debrief.pending
    page = client.get(f"/sessions/{finished['id']}/debrief")
    assert page.status_code == 200
    assert "refresh" not in {k.lower() for k in page.headers}
    text = page.text
    assert '<a href="/sessions">History</a>' in text  # inside the site layout
    assert _esc(debrief.decision.label) in text
    for reason in debrief.decision.reasons:
        assert _esc(reason) in text
    for card in debrief.scorecards:
        assert _esc(card.title) in text
    for title in ("Competencies over the loop", "Leadership Principles by round", "Time used"):
        assert title in text
    # The heat map has a column per round: its card takes the whole width of the charts.
    assert re.search(
        r'<div class="rp-card rp-figure rp-figure--wide">\s*<div class="chart-heatmap-wrap">', text
    )
    # The candidate's own words, escaped; the follow-up and its answer.
    assert HOSTILE not in text and _esc(HOSTILE) in text
    assert FOLLOW_UP in text
    concept_card = debrief.scorecards[1].items[0]
    assert concept_card.best_quote
    assert _esc(concept_card.best_quote) in text
    # The study plan links the weak story's question in the app.
    assert f'<a href="/questions/{finished["story"]}">' in text
    assert any(s.item_id == finished["story"] for s in debrief.study_plan)
    # The exports are offered.
    assert f'href="/sessions/{finished["id"]}/report.html"' in text
    assert f'href="/sessions/{finished["id"]}/report.json"' in text
    assert _esc(bank.questions[finished["concept"]].title) in text


def test_the_html_export_is_a_self_contained_download(
    client: TestClient, finished: dict[str, str]
) -> None:
    response = client.get(f"/sessions/{finished['id']}/report.html")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-disposition"] == (
        f'attachment; filename="barraiser-report-{finished["id"]}.html"'
    )
    text = response.text
    lowered = text.lower().replace('xmlns="http://www.w3.org/2000/svg"', "")
    for forbidden in ("http://", "https://", "<script", "src=", "<link", "url("):
        assert forbidden not in lowered, forbidden
    assert _esc(HOSTILE) in text
    assert "<style>" in text and "Strongest and weakest moments" in text
    # The same body as the page: the study plan's question shown as a path, not a dead link.
    assert f"/questions/{finished['story']}</span>" in text
    assert 'href="/' not in text
    # On a phone a rating table scrolls in its own box, never the whole report sideways.
    tables = text.count('<table class="rp-table rp-ratings">')
    wrapped = re.findall(
        r'<div class="rp-table-wrap[^"]*">\s*<table class="rp-table rp-ratings">', text
    )
    assert tables >= 2 and len(wrapped) == tables


def test_the_json_export_is_the_debrief(
    app: FastAPI, client: TestClient, finished: dict[str, str]
) -> None:
    interviews, _, _, user = _parts(app)
    response = client.get(f"/sessions/{finished['id']}/report.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert "attachment" in response.headers["content-disposition"]
    assert Debrief.model_validate_json(response.text) == interviews.debrief(user, finished["id"])
    assert HOSTILE in response.json()["scorecards"][1]["items"][0]["answer_text"]


def test_unknown_and_unfinished_sessions_are_explained(
    app: FastAPI, client: TestClient, finished: dict[str, str]
) -> None:
    interviews, _, _, user = _parts(app)
    missing = client.get("/sessions/no-such-session/debrief")
    assert missing.status_code == 404 and "<h1" in missing.text
    missing_json = client.get("/sessions/no-such-session/report.json")
    assert missing_json.status_code == 404 and missing_json.json()["detail"]
    sid = interviews.start_loop(user, "quick", seed=4)
    try:
        page = client.get(f"/sessions/{sid}/debrief")
        assert page.status_code == 409
        assert "The debrief is not ready" in page.text and "not finished" in page.text
        assert client.get(f"/sessions/{sid}/report.html").status_code == 409
        assert client.get(f"/sessions/{sid}/report.json").status_code == 409
    finally:
        interviews.abandon(user, sid)


def test_pending_verdicts_poll_a_small_notice_until_judged(
    app: FastAPI, client: TestClient, finished: dict[str, str]
) -> None:
    interviews, submissions, bank, user = _parts(app)
    # With the judge stopped, a submission stays saved and queued: the verdict is pending.
    submissions.stop()
    try:
        sid = interviews.start_practice(user, item_id="problem:coin-change")
        submit = interviews.submit_code(
            user,
            sid,
            "problem:coin-change",
            "python",
            reference_source(bank, "coin-change"),
            "submit",
        )
        interviews.skip(user, sid, "problem:coin-change")
        page = client.get(f"/sessions/{sid}/debrief")
        assert page.status_code == 200
        # No whole-page Refresh (it lost scroll and focus): only the notice polls, with htmx.
        assert "refresh" not in {k.lower() for k in page.headers}
        notice = (
            f'hx-get="/sessions/{sid}/debrief/pending" '
            f'hx-trigger="every {debrief_pages.POLL_S}s" hx-swap="none"'
        )
        assert notice in page.text
        assert f'<a href="/sessions/{sid}/debrief">Reload now</a>' in page.text  # without JS
        assert "still being judged" in page.text
        assert client.get(f"/sessions/{sid}/report.json").json()["pending"] is True
        waiting = client.get(f"/sessions/{sid}/debrief/pending", headers={"HX-Request": "true"})
        assert waiting.status_code == 204 and "hx-refresh" not in waiting.headers
    finally:
        submissions.start()  # queues the saved submission again
    _wait_done(submissions, [submit])
    ready = client.get(f"/sessions/{sid}/debrief/pending", headers={"HX-Request": "true"})
    assert ready.status_code == 200 and ready.headers["HX-Refresh"] == "true"
    page = client.get(f"/sessions/{sid}/debrief")
    assert "hx-trigger" not in page.text and "Reload now" not in page.text
    assert "still being judged" not in page.text
    assert "A practice session has no hiring decision" in page.text
    assert "Verdict <strong>AC</strong>" in page.text
    # A session that is not the user's (or not there) reloads the page too, to show its error.
    gone = client.get("/sessions/no-such-session/debrief/pending")
    assert gone.status_code == 200 and gone.headers["HX-Refresh"] == "true"


def _cli(folder: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "BARRAISER_DATA_DIR": str(folder),
        "BARRAISER_DATABASE_URL": f"sqlite:///{folder / 'barraiser_test.db'}",
    }
    return subprocess.run(
        [sys.executable, "-m", "barraiser", "report", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def test_the_report_command_exports_both_formats(
    app: FastAPI,
    client: TestClient,
    finished: dict[str, str],
    folder: Path,
    tmp_path: Path,
) -> None:
    interviews, _, _, user = _parts(app)
    sid = finished["id"]
    as_json = _cli(folder, sid, "--format", "json", cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    assert Debrief.model_validate_json(as_json.stdout) == interviews.debrief(user, sid)

    as_html = _cli(folder, sid, "--format", "html", cwd=tmp_path)
    assert as_html.returncode == 0, as_html.stderr
    written = tmp_path / f"report-{sid}.html"
    assert f"Wrote the report to {written}" in as_html.stdout
    page = written.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert _esc(HOSTILE) in page

    out = tmp_path / "sub" / "debrief.json"
    out.parent.mkdir()
    to_file = _cli(folder, sid, "--format", "json", "--out", str(out), cwd=tmp_path)
    assert to_file.returncode == 0, to_file.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["session_id"] == sid


def test_the_report_command_explains_what_it_cannot_do(
    app: FastAPI, client: TestClient, folder: Path, tmp_path: Path
) -> None:
    interviews, _, _, user = _parts(app)
    unknown = _cli(folder, "no-such-session", cwd=tmp_path)
    assert unknown.returncode == 1
    assert "no session with id 'no-such-session'" in unknown.stderr
    assert "/api/sessions" in unknown.stderr and "History" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    sid = interviews.start_loop(user, "quick", seed=6)
    try:
        unfinished = _cli(folder, sid, "--format", "json", cwd=tmp_path)
        assert unfinished.returncode == 1
        assert "not finished" in unfinished.stderr and unfinished.stdout == ""
    finally:
        interviews.abandon(user, sid)
    bad = _cli(folder, sid, "--format", "pdf", cwd=tmp_path)
    assert bad.returncode == 1 and "--format html or --format json" in bad.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written by a refused command
