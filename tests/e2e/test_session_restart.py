"""Resume after a crash: a real `barraiser serve` is killed (SIGKILL) mid-round and started again.

The session must come back with nothing lost: the answer typed, the follow-up the interviewer
chose, the running round and its clock (the time the server was down shows as time away), and
code queued for the judge but not judged before the kill is judged after the restart.

The loop is written for this test into an extra content folder: one round like the Amazon
phone screen (a coding problem, an ML concept, a Leadership Principle story) and one short
concept round, with ``away_after_s: 20`` (the schema's minimum) so that the gap across the
restart is time away after a wait of about 20 s rather than the default minute.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from _support import Server, free_port, stop, wait_until_up

from bank_support import calibration, reference_source, story_answer
from barraiser.content.bank import get_bank
from barraiser.content.loader import Bank

pytestmark = pytest.mark.e2e

LOOP_ID = "restart-drill"
AWAY_AFTER_S = 20
LOOP_YAML = f"""\
id: {LOOP_ID}
title: Restart drill
company_id: amazon
company: Amazon
role: Machine Learning Engineer
description: A phone-screen-like round and a short concept round, to check resuming after a crash.
competencies: [coding, problem-solving, ml-breadth, communication]
stages:
  - id: drill
    title: Drill
    description: A phone screen, then one more question.
    rounds:
      - id: drill-phone
        title: Phone screen
        kind: phone
        duration_min: 30
        interviewer: ML engineer
        assesses: [coding, ml-breadth, communication]
        questions:
          - kind: coding
            difficulty: [easy]
            count: 1
          - kind: concept
            count: 1
        lp_questions: 1
      - id: drill-concepts
        title: One more concept
        kind: onsite
        duration_min: 10
        interviewer: ML engineer
        assesses: [ml-breadth]
        questions:
          - kind: concept
            count: 1
decision:
  min_mean_rating: 3.0
  max_no_ratings: 0
  strong_no_blocks: true
  bar_raiser_veto: false
timing:
  away_time: counts
  on_timeout: end-round
  away_after_s: {AWAY_AFTER_S}
"""
# The first grading in each server process loads the embedding model.
GRADE_TIMEOUT_S = 180.0
JUDGE_TIMEOUT_S = 120.0
# Submits queued at the kill: more than the judge's workers (one per core), so that some are
# still waiting in the queue when the process dies.
QUEUED_SUBMITS = 3
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@dataclass
class Folders:
    root: Path
    data: Path
    extra: Path


class Crashable:
    """`barraiser serve` in its own process group, so that a kill takes its sandboxes too."""

    def __init__(self, folders: Folders) -> None:
        self.folders = folders
        self.server: Server | None = None
        self.starts = 0

    def start(self) -> Server:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BARRAISER_")}
        env.update(
            BARRAISER_DATA_DIR=str(self.folders.data),
            BARRAISER_EXTRA_CONTENT_DIR=str(self.folders.extra),
            BARRAISER_CONFIG=str(self.folders.root / "no-config.toml"),
            PYTHONUNBUFFERED="1",
        )
        self.starts += 1
        port = free_port()
        log = self.folders.root / f"server-{self.starts}.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "barraiser", "serve", "--port", str(port)],
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                cwd=self.folders.root,
                start_new_session=True,
            )
        self.server = Server(base=f"http://127.0.0.1:{port}", process=process, log=log)
        wait_until_up(self.server)
        return self.server

    def kill(self) -> None:
        """SIGKILL the server's whole process group: no shutdown code runs."""
        assert self.server is not None
        process = self.server.process
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL


@pytest.fixture
def crashable(tmp_path: Path) -> Iterator[Crashable]:
    extra = tmp_path / "extra-content"
    (extra / "loops").mkdir(parents=True)
    (extra / "loops" / f"{LOOP_ID}.yaml").write_text(LOOP_YAML)
    holder = Crashable(Folders(root=tmp_path, data=tmp_path / "data", extra=extra))
    try:
        yield holder
    finally:
        if holder.server is not None and holder.server.process.poll() is None:
            stop(holder.server.process)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return get_bank()


def _call(server: Server, method: str, path: str, body: Any = None, timeout: float = 10) -> Any:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        server.base + path, data=data, method=method, headers={"Content-Type": "application/json"}
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        pytest.fail(
            f"{method} {path} answered {exc.code}: {exc.read().decode(errors='replace')}"
            f"\n--- server output ---\n{server.output()}"
        )


def _verdicts(server: Server, ids: list[int], timeout_s: float = JUDGE_TIMEOUT_S) -> list[str]:
    deadline = time.monotonic() + timeout_s
    while True:
        states = [_call(server, "GET", f"/api/submissions/{i}") for i in ids]
        if all(s["status"] == "done" for s in states):
            return [s["verdict"] for s in states]
        if time.monotonic() > deadline:
            pytest.fail(f"Submissions not judged within {timeout_s:.0f} s: {states}")
        time.sleep(0.3)


def _unjudged(data_dir: Path, ids: list[int]) -> list[int]:
    """Submissions saved without a verdict, read straight from the SQLite file of the store."""
    with sqlite3.connect(f"file:{data_dir / 'barraiser.db'}?mode=ro", uri=True) as db:
        marks = ",".join("?" * len(ids))
        rows = db.execute(
            f"SELECT id FROM code_submissions WHERE verdict IS NULL AND id IN ({marks})", ids
        ).fetchall()
    return sorted(r[0] for r in rows)


def _item(view: dict[str, Any], position: int, item_id: str) -> dict[str, Any]:
    item: dict[str, Any] = next(i for i in view["rounds"][position]["items"] if i["id"] == item_id)
    return item


def test_a_killed_server_resumes_the_session_with_nothing_lost(
    crashable: Crashable, bank: Bank
) -> None:
    started = time.monotonic()
    server = crashable.start()
    sid = _call(server, "POST", "/api/sessions", {"loop_id": LOOP_ID})["id"]
    view = _call(server, "POST", f"/api/sessions/{sid}/rounds/start")
    phone = view["rounds"][0]
    assert phone["status"] == "active"
    coding, concept, story = phone["items"]
    assert coding["kind"] == "coding" and concept["kind"] == "concept"
    assert story["is_lp_question"]
    problem_id = coding["problem_id"]
    source = reference_source(bank, problem_id)
    submissions = f"/api/sessions/{sid}/items/{coding['id']}/submissions"

    # Run the reference solution on the samples, and answer the concept question.
    run_id = _call(server, "POST", submissions, {"language": "python", "source": source})["id"]
    assert _verdicts(server, [run_id]) == ["AC"]
    strong = calibration(bank, concept["id"], "strong")
    outcome = _call(
        server,
        "POST",
        f"/api/sessions/{sid}/items/{concept['id']}/answer",
        {"text": strong},
        timeout=GRADE_TIMEOUT_S,
    )
    follow_up = outcome["follow_up"]
    assert follow_up and follow_up["question"], outcome

    # Submit on the hidden tests, several times, and crash at once: some are still queued.
    before = _call(server, "POST", f"/api/sessions/{sid}/heartbeat")
    queued = [
        _call(server, "POST", submissions, {"language": "python", "source": source, "mode": mode})[
            "id"
        ]
        for mode in ["submit"] * QUEUED_SUBMITS
    ]
    crashable.kill()
    killed_at = time.monotonic()
    waiting = _unjudged(crashable.folders.data, queued)
    assert waiting, "every submission was judged before the kill: the test proves nothing"

    # Stay away longer than the loop's away threshold, then start a new server process.
    time.sleep(max(0.0, AWAY_AFTER_S + 3 - (time.monotonic() - killed_at)))
    server = crashable.start()
    after = _call(server, "GET", f"/api/sessions/{sid}")

    # The session, its answer and its follow-up are as they were; the round is still running.
    assert after["status"] == "active"
    assert [r["status"] for r in after["rounds"]] == ["active", "pending"]
    assert [i["id"] for i in after["rounds"][0]["items"]] == [i["id"] for i in phone["items"]]
    kept = _item(after, 0, concept["id"])
    assert kept["answer_text"] == strong
    assert kept["status"] == "answered"
    assert kept["follow_up"] == follow_up
    assert _item(after, 0, coding["id"])["submissions"] == [run_id, *queued]
    # The clock went on: the time the server was down is time away, and it counts in this loop.
    before_clock, clock = before["rounds"][0]["clock"], after["rounds"][0]["clock"]
    assert clock["started_at"] == before_clock["started_at"]
    assert clock["away_s"] >= AWAY_AFTER_S
    assert clock["used_s"] >= before_clock["used_s"] + AWAY_AFTER_S
    assert clock["remaining_s"] <= before_clock["remaining_s"] - AWAY_AFTER_S
    # The open page's heartbeat records the gap as one period away.
    clock = _call(server, "POST", f"/api/sessions/{sid}/heartbeat")["rounds"][0]["clock"]
    assert len(clock["away_periods"]) == 1 and clock["away_periods"][0][1] >= AWAY_AFTER_S

    # What was queued at the kill is judged by the new process.
    assert _verdicts(server, queued) == ["AC"] * QUEUED_SUBMITS

    # The candidate goes on: the follow-up, the story, the coding problem, the next round.
    follow_up_answer = "I would check it first on a held-out validation set, then online."
    _call(
        server,
        "POST",
        f"/api/sessions/{sid}/items/{concept['id']}/follow-up",
        {"text": follow_up_answer},
        timeout=GRADE_TIMEOUT_S,
    )
    told = story_answer(bank, story["id"])
    outcome = _call(
        server,
        "POST",
        f"/api/sessions/{sid}/items/{story['id']}/answer",
        {"text": told},
        timeout=GRADE_TIMEOUT_S,
    )
    if outcome["follow_up"] is not None:
        _call(server, "POST", f"/api/sessions/{sid}/items/{story['id']}/skip")
    view = _call(server, "POST", f"/api/sessions/{sid}/items/{coding['id']}/skip")
    if view["rounds"][0]["status"] == "active":
        view = _call(server, "POST", f"/api/sessions/{sid}/rounds/finish")
    assert view["rounds"][0]["status"] == "finished"
    view = _call(server, "POST", f"/api/sessions/{sid}/rounds/start")
    last = view["rounds"][1]["items"][0]
    _call(
        server,
        "POST",
        f"/api/sessions/{sid}/items/{last['id']}/answer",
        {"text": calibration(bank, last["id"], "partial")},
        timeout=GRADE_TIMEOUT_S,
    )
    if _call(server, "GET", f"/api/sessions/{sid}")["status"] == "active":
        _call(server, "POST", f"/api/sessions/{sid}/rounds/finish")
    assert _call(server, "GET", f"/api/sessions/{sid}")["status"] == "finished"

    # The debrief has everything from both server processes.
    debrief = _call(server, "GET", f"/api/sessions/{sid}/debrief")
    assert not debrief["pending"]
    assert debrief["decision"] is not None and debrief["decision"]["reasons"]
    phone_card = debrief["scorecards"][0]
    outcomes = {o["item_id"]: o for o in phone_card["items"]}
    assert outcomes[coding["id"]]["verdict"] == "AC"
    assert outcomes[coding["id"]]["submits"] == QUEUED_SUBMITS
    assert outcomes[concept["id"]]["answer_text"] == strong
    assert outcomes[concept["id"]]["follow_up_question"] == follow_up["question"]
    assert outcomes[concept["id"]]["follow_up_answer"] == follow_up_answer
    assert outcomes[story["id"]]["answer_text"] == told
    assert phone_card["away_s"] >= AWAY_AFTER_S
    print(
        f"\nrestart test: {time.monotonic() - started:.1f} s "
        f"({len(waiting)} of {QUEUED_SUBMITS} submits unjudged at the kill)"
    )
