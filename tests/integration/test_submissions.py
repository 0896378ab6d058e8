"""The submission service on a real SQLite store: saved first, judged by workers, resumed."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from barraiser.config import Settings
from barraiser.content.loader import ContentProblem
from barraiser.content.problems import LoadedProblem, load_problem_folder
from barraiser.interview.submissions import SubmissionService
from barraiser.judge.sandbox import Sandbox
from barraiser.store import CodeSubmission, Store, ensure_local_user, init_store
from barraiser.store.queries import create_submission

ROOT = Path(__file__).parents[2]
TWO_SUM = ROOT / "content/problems/two-sum/solutions"


@pytest.fixture
def store(sqlite_url: str, tmp_path: Path) -> Iterator[Store]:
    opened = init_store(Settings(data_dir=tmp_path, database_url=sqlite_url))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def problems() -> dict[str, LoadedProblem]:
    # Only two-sum: other problem folders may be half-written while the tests run.
    found: list[ContentProblem] = []
    loaded = load_problem_folder(ROOT / "content/problems/two-sum", ROOT / "content", found)
    assert loaded is not None, found
    return {loaded.id: loaded}


def _user(store: Store) -> int:
    with store.session() as session:
        return ensure_local_user(session).id


def _pending(store: Store, user_id: int, source: str, count: int) -> list[int]:
    with store.session() as session:
        return [
            create_submission(session, user_id, "two-sum", "python", source, "submit").id
            for _ in range(count)
        ]


def _wait(service: SubmissionService, ids: list[int], timeout_s: float = 60) -> list[str]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        states = [service.status(i) for i in ids]
        if all(s is not None and s.status == "done" for s in states):
            return [s.verdict or "" for s in states if s is not None]
        time.sleep(0.05)
    raise AssertionError(f"not judged in {timeout_s} s: {ids}")


def test_pending_submissions_resume_after_restart(
    store: Store, problems: dict[str, LoadedProblem]
) -> None:
    user = _user(store)
    judged: list[int] = []
    lock = threading.Lock()

    def fake(
        p: Any, source: str, lang: str, mode: str, inp: str | None, slot: int
    ) -> dict[str, Any]:
        with lock:
            judged.append(slot)
        return {"verdict": "AC", "tests": []}

    # A first server saved these, then stopped before judging them.
    first = SubmissionService(store, problems, slots=2, judge=fake)
    ids = [first.submit(user, "two-sum", "python", "print(1)", "run") for _ in range(3)]
    ids += _pending(store, user, "print(2)", 2)
    with store.session() as session:
        assert all(session.get(CodeSubmission, i).verdict is None for i in ids)  # type: ignore[union-attr]
    assert [first.status(i).status for i in ids] == ["queued"] * 5  # type: ignore[union-attr]

    second = SubmissionService(store, problems, slots=2, judge=fake)
    assert second.start() == 5
    try:
        assert _wait(second, ids) == ["AC"] * 5
    finally:
        second.stop()
    assert len(judged) == 5 and set(judged) <= {0, 1}
    # Nothing is judged twice after another restart.
    third = SubmissionService(store, problems, slots=1, judge=fake)
    assert third.start() == 0
    third.stop()


def test_a_crashing_judge_gives_an_internal_error(
    store: Store, problems: dict[str, LoadedProblem]
) -> None:
    def broken(
        p: Any, source: str, lang: str, mode: str, inp: str | None, slot: int
    ) -> dict[str, Any]:
        raise RuntimeError("disk full")

    service = SubmissionService(store, problems, slots=1, judge=broken)
    service.start()
    try:
        submission = service.submit(_user(store), "two-sum", "python", "print(1)", "run")
        assert _wait(service, [submission]) == ["IE"]
        state = service.status(submission)
        assert state is not None and state.result is not None
        assert "disk full" in state.result["message"]
    finally:
        service.stop()


def test_real_judge_resumes_pending_submissions(
    store: Store, problems: dict[str, LoadedProblem], sandbox: Sandbox
) -> None:
    """The default (sandboxed) judge: an accepted and a wrong solution left pending."""
    user = _user(store)
    good = _pending(store, user, (TWO_SUM / "reference.py").read_text(), 1)
    wrong = _pending(store, user, (TWO_SUM / "wrong_same_index.py").read_text(), 1)
    service = SubmissionService(store, problems, slots=2)
    assert service.start() == 2
    try:
        assert _wait(service, good + wrong, timeout_s=120) == ["AC", "WA"]
        state = service.status(good[0])
        assert state is not None and state.result is not None
        hidden = [t for t in state.result["tests"] if t["kind"] == "hidden"]
        assert len(hidden) >= 15
        assert all(set(t) <= {"index", "kind", "verdict", "time_s", "memory_kb"} for t in hidden)
    finally:
        service.stop()
