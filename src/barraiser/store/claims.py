"""Claims on code submissions, so that exactly one judge worker records each verdict.

A worker claims a submission (``claimed_by``, ``lease_until``) with one conditional UPDATE before
judging it, renews the lease while it judges, and records the verdict only while the claim is
still its own. A claim whose lease ran out (its worker died) can be taken by another worker, and
:func:`sweep_unjudged` hands such submissions, and any that nobody claimed for a long time (a
broker that lost its queue), back to the queue. The database is the source of truth; every
statement here is a single UPDATE, atomic on SQLite and PostgreSQL alike.

Times are the workers' clocks (UTC): keep the machines' clocks in step (NTP), with a lease much
longer than any skew.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from barraiser.store.models import CodeSubmission, utcnow

_unjudged = CodeSubmission.verdict.is_(None)


def _execute(session: Session, statement: Any) -> Any:
    # Core-style UPDATEs on the mapped table: the ORM need not track the rows it changes.
    return session.execute(statement, execution_options={"synchronize_session": False})


def claim_submission(
    session: Session, submission_id: int, holder: str, lease_s: float, now: datetime | None = None
) -> bool:
    """Take an unjudged submission for ``holder`` for ``lease_s`` seconds; False when it is
    judged already or another holder's lease still runs."""
    now = now or utcnow()
    claimable = or_(
        CodeSubmission.claimed_by.is_(None),
        CodeSubmission.lease_until.is_(None),
        CodeSubmission.lease_until < now,
    )
    taken = _execute(
        session,
        update(CodeSubmission)
        .where(CodeSubmission.id == submission_id, _unjudged, claimable)
        .values(claimed_by=holder, lease_until=now + timedelta(seconds=lease_s))
        .returning(CodeSubmission.id),
    ).first()
    return taken is not None


def renew_claim(session: Session, submission_id: int, holder: str, lease_s: float) -> bool:
    """Extend ``holder``'s lease; False when the claim is no longer its own (or it is judged)."""
    renewed = _execute(
        session,
        update(CodeSubmission)
        .where(CodeSubmission.id == submission_id, _unjudged, CodeSubmission.claimed_by == holder)
        .values(lease_until=utcnow() + timedelta(seconds=lease_s))
        .returning(CodeSubmission.id),
    ).first()
    return renewed is not None


def record_claimed_verdict(
    session: Session, submission_id: int, holder: str, verdict: str, result: dict[str, Any]
) -> bool:
    """Record the verdict if ``holder`` still holds the claim; False (nothing written) if not.

    ``claimed_by`` is kept: it names the worker that judged the submission.
    """
    recorded = _execute(
        session,
        update(CodeSubmission)
        .where(CodeSubmission.id == submission_id, _unjudged, CodeSubmission.claimed_by == holder)
        .values(verdict=verdict, result=result, judged_at=utcnow(), lease_until=None)
        .returning(CodeSubmission.id),
    ).first()
    return recorded is not None


def sweep_unjudged(session: Session, requeue_s: float, limit: int = 500) -> list[int]:
    """The ids of unjudged submissions to queue again, marked so that no other sweep takes them
    for ``requeue_s`` seconds: those whose claim expired (their worker died) and those nobody
    claimed within ``requeue_s`` of being saved or last queued (a lost job)."""
    now = utcnow()
    stale = or_(
        CodeSubmission.lease_until < now,
        and_(
            CodeSubmission.lease_until.is_(None),
            CodeSubmission.created_at < now - timedelta(seconds=requeue_s),
        ),
    )
    due = select(CodeSubmission.id).where(_unjudged, stale).order_by(CodeSubmission.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        # Two sweeping workers split the rows instead of waiting for each other.
        due = due.with_for_update(skip_locked=True)
    swept = _execute(
        session,
        update(CodeSubmission)
        .where(CodeSubmission.id.in_(due.scalar_subquery()), _unjudged, stale)
        .values(claimed_by=None, lease_until=now + timedelta(seconds=requeue_s))
        .returning(CodeSubmission.id),
    )
    return sorted(row[0] for row in swept)
