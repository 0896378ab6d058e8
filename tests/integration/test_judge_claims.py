"""Claims on submissions (store/claims.py) on SQLite and PostgreSQL: one holder at a time, a
verdict only from the holder, and the sweep that queues lost work again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from barraiser.judge.jobs import JudgeJob, WorkerError, claim_slots, slot_of
from barraiser.store import CodeSubmission, Store, ensure_local_user, utcnow
from barraiser.store.claims import (
    claim_submission,
    record_claimed_verdict,
    renew_claim,
    sweep_unjudged,
)
from barraiser.store.queries import create_submission

LEASE_S = 30.0


def _submission(store: Store, age_s: float = 0.0) -> int:
    with store.session() as session:
        user = ensure_local_user(session)
        row = create_submission(session, user.id, "two-sum", "python", "print(1)", "submit")
        row.created_at = utcnow() - timedelta(seconds=age_s)
        return row.id


def _row(store: Store, submission_id: int) -> CodeSubmission:
    with store.session() as session:
        row = session.get(CodeSubmission, submission_id)
        assert row is not None
        return row


def test_one_holder_at_a_time_and_only_the_holder_records(store: Store) -> None:
    sid = _submission(store)
    with store.session() as session:
        assert claim_submission(session, sid, "w1:slot0", LEASE_S)
    with store.session() as session:
        assert not claim_submission(session, sid, "w2:slot0", LEASE_S)
        assert renew_claim(session, sid, "w1:slot0", LEASE_S)
        assert not renew_claim(session, sid, "w2:slot0", LEASE_S)
        assert not record_claimed_verdict(session, sid, "w2:slot0", "AC", {"verdict": "AC"})
    assert _row(store, sid).verdict is None

    # The lease has run out (w1 died): w2 takes over, and w1's late verdict is dropped.
    later = utcnow() + timedelta(seconds=LEASE_S + 1)
    with store.session() as session:
        assert claim_submission(session, sid, "w2:slot0", LEASE_S, now=later)
    with store.session() as session:
        assert not record_claimed_verdict(session, sid, "w1:slot0", "WA", {"verdict": "WA"})
        assert record_claimed_verdict(session, sid, "w2:slot0", "AC", {"verdict": "AC"})
    row = _row(store, sid)
    assert (row.verdict, row.result, row.claimed_by) == ("AC", {"verdict": "AC"}, "w2:slot0")
    assert row.judged_at is not None and row.lease_until is None
    # Judged: nobody claims it again, even long after.
    with store.session() as session:
        assert not claim_submission(session, sid, "w3:slot0", LEASE_S, now=later)
        assert not record_claimed_verdict(session, sid, "w2:slot0", "WA", {"verdict": "WA"})
    assert _row(store, sid).verdict == "AC"


def test_the_sweep_queues_lost_and_expired_work_once(store: Store) -> None:
    fresh = _submission(store)  # just queued: left to the broker
    lost = _submission(store, age_s=120)  # never claimed: its job was lost
    held = _submission(store, age_s=120)
    expired = _submission(store, age_s=120)
    judged = _submission(store, age_s=120)
    with store.session() as session:
        assert claim_submission(session, held, "w1:slot0", LEASE_S)
        assert claim_submission(session, expired, "w2:slot0", LEASE_S)
        assert claim_submission(session, judged, "w1:slot0", LEASE_S)
        assert record_claimed_verdict(session, judged, "w1:slot0", "AC", {"verdict": "AC"})
        session.execute(
            update(CodeSubmission)
            .where(CodeSubmission.id == expired)
            .values(lease_until=utcnow() - timedelta(seconds=1))
        )
    with store.session() as session:
        assert sweep_unjudged(session, requeue_s=60) == sorted([lost, expired])
    # Marked: a second sweep (another worker) within the requeue time takes nothing.
    with store.session() as session:
        assert sweep_unjudged(session, requeue_s=60) == []
    row = _row(store, expired)
    assert row.claimed_by is None and row.verdict is None
    # Queued again, it is free to claim at once; the dead holder can no longer record.
    with store.session() as session:
        assert not record_claimed_verdict(session, expired, "w2:slot0", "AC", {"verdict": "AC"})
        assert claim_submission(session, expired, "w3:slot0", LEASE_S)
        assert not claim_submission(session, held, "w3:slot0", LEASE_S)
    assert _row(store, fresh).claimed_by is None


def test_judge_jobs_travel_as_json() -> None:
    job = JudgeJob(42)
    assert job.to_json() == {"submission_id": 42}
    assert JudgeJob.from_json({"submission_id": 42}) == job
    for bad in ({"submission_id": "42"}, {"submission_id": True}, {"id": 42}, [42], None):
        with pytest.raises(ValueError):
            JudgeJob.from_json(bad)


def test_two_workers_on_one_machine_never_share_a_slot(tmp_path: Path) -> None:
    first = claim_slots(2, folder=tmp_path)
    second = claim_slots(2, folder=tmp_path)
    assert [slot_of(h) for h in first] == [0, 1]
    assert [slot_of(h) for h in second] == [2, 3]
    with pytest.raises(WorkerError, match="slot 1 is used by another worker"):
        claim_slots(2, base=1, folder=tmp_path)
    for handle in first:
        handle.close()  # as when the first worker ends, however it ends
    third = claim_slots(1, base=1, folder=tmp_path)
    assert [slot_of(h) for h in third] == [1]
    for handle in second + third:
        handle.close()
