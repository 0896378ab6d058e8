"""Claims on queued answers (grade workers) and lab runs (lab workers), as for submissions.

The pattern of ``store/claims.py``: a worker claims a row with one conditional UPDATE before
working on it, renews the lease while it works, and records the outcome only while the claim is
still its own; a claim whose lease ran out can be taken by another worker, and :func:`sweep`
hands such rows, and those nobody claimed for ``requeue_s`` (a lost message), back to the queue.
Every statement is a single UPDATE, atomic on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.orm import Session

from barraiser.store.models import Answer, LabRun, utcnow

#: What a claim is on: an answer to grade, or a lab run.
Kind = Literal["answer", "lab_run"]


def _model(kind: Kind) -> Any:
    return Answer if kind == "answer" else LabRun


def _pending(kind: Kind) -> ColumnElement[bool]:
    if kind == "answer":
        return Answer.grading_state == "queued"
    return LabRun.status.in_(("queued", "running"))


def _created(kind: Kind) -> Any:
    return Answer.created_at if kind == "answer" else LabRun.queued_at


def _execute(session: Session, statement: Any) -> Any:
    return session.execute(statement, execution_options={"synchronize_session": False})


def claim(
    session: Session,
    kind: Kind,
    row_id: int | str,
    holder: str,
    lease_s: float,
    now: datetime | None = None,
) -> bool:
    """Take a pending row for ``holder`` for ``lease_s`` seconds; False when it is finished or
    another holder's lease still runs."""
    model = _model(kind)
    now = now or utcnow()
    claimable = or_(
        model.claimed_by.is_(None), model.lease_until.is_(None), model.lease_until < now
    )
    taken = _execute(
        session,
        update(model)
        .where(model.id == row_id, _pending(kind), claimable)
        .values(claimed_by=holder, lease_until=now + timedelta(seconds=lease_s))
        .returning(model.id),
    ).first()
    return taken is not None


def renew(session: Session, kind: Kind, row_id: int | str, holder: str, lease_s: float) -> bool:
    """Extend ``holder``'s lease; False when the claim is no longer its own (or it is done)."""
    model = _model(kind)
    renewed = _execute(
        session,
        update(model)
        .where(model.id == row_id, _pending(kind), model.claimed_by == holder)
        .values(lease_until=utcnow() + timedelta(seconds=lease_s))
        .returning(model.id),
    ).first()
    return renewed is not None


def record(
    session: Session,
    kind: Kind,
    row_id: int | str,
    holder: str,
    *,
    end_lease: bool = True,
    **values: Any,
) -> bool:
    """Write ``values`` (the outcome) if ``holder`` still holds the claim, and end the lease
    (unless ``end_lease`` is False: progress on the way); False, nothing written, when it does
    not. Call it in the transaction that saves the rest of the outcome, and save nothing when it
    answers False."""
    model = _model(kind)
    if end_lease:
        values["lease_until"] = None
    recorded = _execute(
        session,
        update(model)
        .where(model.id == row_id, _pending(kind), model.claimed_by == holder)
        .values(**values)
        .returning(model.id),
    ).first()
    return recorded is not None


def sweep(
    session: Session, kind: Kind, requeue_s: float, limit: int = 500, **values: Any
) -> list[Any]:
    """The ids of pending rows to queue again, marked so that no other sweep takes them for
    ``requeue_s`` seconds: those whose claim expired (their worker died) and those nobody
    claimed within ``requeue_s`` of being queued (a lost message). ``values`` are also set."""
    model = _model(kind)
    now = utcnow()
    stale = or_(
        model.lease_until < now,
        and_(model.lease_until.is_(None), _created(kind) < now - timedelta(seconds=requeue_s)),
    )
    due = select(model.id).where(_pending(kind), stale).order_by(model.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    swept = _execute(
        session,
        update(model)
        .where(model.id.in_(due.scalar_subquery()), _pending(kind), stale)
        .values(claimed_by=None, lease_until=now + timedelta(seconds=requeue_s), **values)
        .returning(model.id),
    )
    return sorted(row[0] for row in swept)
