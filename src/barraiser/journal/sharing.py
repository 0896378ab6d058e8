"""Shared journal entries (hosted mode): an author shares an entry with every member of the
instance, members read it and may report it, coaches and admins see the reports and can hide
an entry from everyone. A local install never shares (:class:`SharingRefused`).

Another member sees the entry's company, role, date, outcome, rounds and questions and the
author's display name; never which practice questions the author made of it.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from barraiser.journal.service import EntryNotFound, EntryOut, Journal, load_own
from barraiser.store.models import Experience, ExperienceReport, User

MAX_REASON_CHARS = 500
LOCAL_REFUSAL = (
    "Journal entries stay private on a local install: sharing with other members needs a "
    "hosted barraiser (BARRAISER_MODE=hosted)."
)


#: Practice drafts live in one content folder that every account's question bank reads, so a
#: hosted instance does not make them (a member's recorded question would reach everyone).
HOSTED_DRAFTS_REFUSED = (
    "On a hosted barraiser a recorded question cannot become a practice question yet: drafts "
    "are kept in one content folder that every member's question bank reads. Practise it on "
    "your own local install, or ask an admin to add it to the bank."
)


class SharingRefused(ValueError):
    """Sharing is not possible here, or the request is not allowed; the message says why."""

    def __init__(self, message: str, status_code: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class SharedEntryOut(EntryOut):
    """A shared entry as other members see it."""

    author: str = Field(description="The author's display name.")


class ReportOut(BaseModel):
    """A shared entry that members reported, for the coaches."""

    entry: SharedEntryOut
    reports: int
    reasons: list[str]
    last_reported_at: dt.datetime


def _shared_view(row: Experience, author: str) -> SharedEntryOut:
    entry = EntryOut.of(row)
    questions = [q.model_copy(update={"practice_question_id": None}) for q in entry.questions]
    return SharedEntryOut(**{**entry.model_dump(), "questions": questions}, author=author)


class Sharing:
    """Shared entries of one store; ``hosted`` is False on a local install (nothing shared)."""

    def __init__(self, journal: Journal, hosted: bool) -> None:
        self.store = journal.store
        self.journal = journal
        self.hosted = hosted

    def _check_hosted(self) -> None:
        if not self.hosted:
            raise SharingRefused(LOCAL_REFUSAL)

    def set_shared(self, user_id: int, entry_id: int, shared: bool) -> EntryOut:
        """Share (or stop sharing) one of the user's own entries."""
        self._check_hosted()
        with self.store.session() as session:
            row = load_own(session, user_id, entry_id)
            row.shared = shared
            if not shared:  # its reports are moot once nobody else can read it
                session.execute(
                    delete(ExperienceReport).where(ExperienceReport.experience_id == row.id)
                )
        return self.journal.get(user_id, entry_id)

    def list_shared(self, viewer_id: int) -> list[SharedEntryOut]:
        """Entries other members shared, newest interview first (the viewer's own excluded)."""
        if not self.hosted:
            return []
        with self.store.session() as session:
            rows = session.execute(
                select(Experience, User.name)
                .join(User, User.id == Experience.user_id)
                .where(Experience.shared.is_(True), Experience.user_id != viewer_id)
                .options(selectinload(Experience.rounds), selectinload(Experience.questions))
                .order_by(Experience.interview_date.desc(), Experience.id.desc())
            ).all()
            return [_shared_view(row, name) for row, name in rows]

    def get_shared(self, entry_id: int) -> SharedEntryOut:
        """One shared entry; an entry that is not shared is "not found" (every entry, on a
        local install)."""
        if not self.hosted:
            raise EntryNotFound(f"No shared entry with id {entry_id}: {LOCAL_REFUSAL}")
        with self.store.session() as session:
            found = session.execute(
                select(Experience, User.name)
                .join(User, User.id == Experience.user_id)
                .where(Experience.id == entry_id, Experience.shared.is_(True))
                .options(selectinload(Experience.rounds), selectinload(Experience.questions))
            ).first()
            if found is None:
                raise EntryNotFound(
                    f"No shared entry with id {entry_id}: /experiences/shared lists them."
                )
            return _shared_view(found[0], found[1])

    def report(self, reporter_id: int, entry_id: int, reason: str) -> None:
        """Report a shared entry to the coaches (reporting it again replaces the reason)."""
        self._check_hosted()
        reason = " ".join(reason.split())
        if not reason:
            raise SharingRefused("Say in a few words what is wrong with the entry.", 422)
        if len(reason) > MAX_REASON_CHARS:
            raise SharingRefused(
                f"The reason may have at most {MAX_REASON_CHARS} characters: shorten it.", 422
            )
        entry = self.get_shared(entry_id)
        with self.store.session() as session:
            owner = session.scalar(select(Experience.user_id).where(Experience.id == entry.id))
            if owner == reporter_id:
                raise SharingRefused(
                    "This is your own entry: edit it, or stop sharing it, instead.", 409
                )
            existing = session.scalars(
                select(ExperienceReport).where(
                    ExperienceReport.experience_id == entry.id,
                    ExperienceReport.reporter_id == reporter_id,
                )
            ).first()
            if existing is None:
                session.add(
                    ExperienceReport(experience_id=entry.id, reporter_id=reporter_id, reason=reason)
                )
            else:
                existing.reason = reason

    def reports(self) -> list[ReportOut]:
        """Reported shared entries, most reported first (for coaches and admins)."""
        self._check_hosted()
        with self.store.session() as session:
            counts = session.execute(
                select(
                    ExperienceReport.experience_id,
                    func.count(ExperienceReport.id),
                    func.max(ExperienceReport.created_at),
                )
                .group_by(ExperienceReport.experience_id)
                .order_by(func.count(ExperienceReport.id).desc())
            ).all()
            out = []
            for entry_id, count, last in counts:
                reasons = list(
                    session.scalars(
                        select(ExperienceReport.reason)
                        .where(ExperienceReport.experience_id == entry_id)
                        .order_by(ExperienceReport.created_at)
                    )
                )
                found = session.execute(
                    select(Experience, User.name)
                    .join(User, User.id == Experience.user_id)
                    .where(Experience.id == entry_id)
                    .options(selectinload(Experience.rounds), selectinload(Experience.questions))
                ).first()
                if found is None:
                    continue
                out.append(
                    ReportOut(
                        entry=_shared_view(found[0], found[1]),
                        reports=int(count),
                        reasons=reasons,
                        last_reported_at=last,
                    )
                )
            return out

    def hide(self, entry_id: int) -> None:
        """A coach hides a reported entry from everyone: it is no longer shared (its author
        keeps it), and its reports are closed."""
        self._check_hosted()
        with self.store.session() as session:
            row = session.get(Experience, entry_id)
            if row is None or not row.shared:
                raise EntryNotFound(f"No shared entry with id {entry_id}.")
            row.shared = False
            session.execute(
                delete(ExperienceReport).where(ExperienceReport.experience_id == entry_id)
            )
