"""Claims of the grade and lab workers on SQLite and PostgreSQL: one holder at a time, only the
holder records, an expired or never-taken row is swept back to the queue, and their jobs travel
as JSON (issue 14, item 2)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from barraiser.grading.jobs import GradeJob
from barraiser.judge.jobs import WorkerError, run_worker
from barraiser.labs.jobs import LabJob
from barraiser.store import Answer, Store, ensure_local_user, utcnow
from barraiser.store.models import LabRun
from barraiser.store.queries import save_answer
from barraiser.store.queue_claims import claim, record, renew, sweep

LEASE_S = 30.0


def _answer(store: Store, state: str | None = "queued", age_s: float = 0.0) -> int:
    with store.session() as session:
        user = ensure_local_user(session)
        answer = save_answer(session, user.id, "some-question", "An answer.")
        answer.grading_state = state  # type: ignore[assignment]
        answer.created_at = utcnow() - timedelta(seconds=age_s)
        return answer.id


def _state(store: Store, answer_id: int) -> tuple[str | None, str | None]:
    with store.session() as session:
        row = session.get(Answer, answer_id)
        assert row is not None
        return row.grading_state, row.claimed_by


def test_one_grade_worker_at_a_time_and_only_the_holder_records(store: Store) -> None:
    aid = _answer(store)
    with store.session() as session:
        assert claim(session, "answer", aid, "w1:grade1", LEASE_S)
    with store.session() as session:
        assert not claim(session, "answer", aid, "w2:grade1", LEASE_S)
        assert renew(session, "answer", aid, "w1:grade1", LEASE_S)
        assert not renew(session, "answer", aid, "w2:grade1", LEASE_S)
        assert not record(session, "answer", aid, "w2:grade1", grading_state="graded")
    assert _state(store, aid) == ("queued", "w1:grade1")

    # The lease has run out (w1 died): w2 takes over, and w1's late grading is dropped.
    later = utcnow() + timedelta(seconds=LEASE_S + 1)
    with store.session() as session:
        assert claim(session, "answer", aid, "w2:grade1", LEASE_S, now=later)
    with store.session() as session:
        assert not record(session, "answer", aid, "w1:grade1", grading_state="graded")
        assert record(session, "answer", aid, "w2:grade1", grading_state="graded")
    assert _state(store, aid) == ("graded", "w2:grade1")
    # Graded: a duplicate job finds nothing to claim.
    with store.session() as session:
        assert not claim(session, "answer", aid, "w3:grade1", LEASE_S, now=later)


def test_answers_graded_in_process_are_never_claimed_or_swept(store: Store) -> None:
    aid = _answer(store, state=None, age_s=3600)
    with store.session() as session:
        assert not claim(session, "answer", aid, "w1:grade1", LEASE_S)
        assert sweep(session, "answer", requeue_s=60) == []


def test_the_sweep_queues_lost_and_expired_answers_once(store: Store) -> None:
    fresh, lost, expired = _answer(store), _answer(store, age_s=120), _answer(store)
    with store.session() as session:
        assert claim(session, "answer", expired, "w1:grade1", -1.0)  # a lease already over
    with store.session() as session:
        assert sweep(session, "answer", requeue_s=60) == sorted([lost, expired])
    with store.session() as session:
        assert sweep(session, "answer", requeue_s=60) == []  # marked: not swept again at once
        # Swept rows are free for the next job to claim.
        assert claim(session, "answer", expired, "w2:grade1", LEASE_S)
    assert _state(store, fresh) == ("queued", None)


def test_a_swept_lab_run_waits_again(store: Store) -> None:
    with store.session() as session:
        session.add(LabRun(id="abc123", lab_id="some-lab", size="fast", status="queued"))
    with store.session() as session:
        assert claim(session, "lab_run", "abc123", "w1:labs1", -1.0)
        assert record(session, "lab_run", "abc123", "w1:labs1", end_lease=False, status="running")
    with store.session() as session:
        assert sweep(session, "lab_run", requeue_s=60, status="queued") == ["abc123"]
    with store.session() as session:
        run = session.get(LabRun, "abc123")
        assert run is not None and (run.status, run.claimed_by) == ("queued", None)
        assert claim(session, "lab_run", "abc123", "w2:labs1", LEASE_S)
        assert record(session, "lab_run", "abc123", "w2:labs1", status="done")
        assert not claim(session, "lab_run", "abc123", "w3:labs1", LEASE_S)


def test_grade_and_lab_jobs_travel_as_json() -> None:
    assert GradeJob(7).to_json() == {"answer_id": 7}
    assert GradeJob.from_json({"answer_id": 7}) == GradeJob(7)
    assert LabJob("abc123").to_json() == {"run_id": "abc123"}
    assert LabJob.from_json({"run_id": "abc123"}) == LabJob("abc123")
    for bad in ({"answer_id": "7"}, {"answer_id": True}, {"id": 7}, [7], None):
        with pytest.raises(ValueError):
            GradeJob.from_json(bad)
    for bad in ({"run_id": 7}, {"run_id": "../x"}, {"run_id": "a" * 33}, {"id": "abc"}):
        with pytest.raises(ValueError):
            LabJob.from_json(bad)


def test_a_worker_refuses_an_unknown_queue() -> None:
    from barraiser.config import Settings

    settings = Settings(broker_url="redis://127.0.0.1:1/0")
    with pytest.raises(WorkerError, match="Unknown queue"):
        run_worker(settings, judging=lambda *_: None, queues=["grade", "mail"], concurrency=1)  # type: ignore[arg-type]
