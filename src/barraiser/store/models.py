"""The tables of the store, as SQLAlchemy 2 typed ORM classes.

JSON columns are plain ``sa.JSON`` (SQLite and PostgreSQL): assign a new value to change one,
because in-place edits of a dict or list are not tracked. Datetimes are timezone-aware UTC on
the way in and on the way out (:class:`UTCDateTime`); naive datetimes are refused.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Literal, get_args

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

SessionMode = Literal["loop", "practice"]
SessionStatus = Literal["active", "finished", "abandoned"]
RoundStatus = Literal["pending", "active", "finished"]
SubmissionMode = Literal["run", "submit", "custom"]
UserRole = Literal["candidate", "coach", "admin"]
TokenKind = Literal["session", "api"]
GradingState = Literal["queued", "graded", "failed"]
LabRunStatus = Literal["queued", "running", "done", "failed"]

# Deterministic constraint names: SQLite batch migrations and downgrades need names to find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def new_session_id() -> str:
    """A fresh interview-session id: a uuid4 as 32 hex digits."""
    return uuid.uuid4().hex


def one_of(column: str, values: Any) -> CheckConstraint:
    """A named CHECK constraint keeping ``column`` inside a ``Literal`` type's values."""
    allowed = ", ".join(f"'{value}'" for value in get_args(values))
    return CheckConstraint(f"{column} IN ({allowed})", name=column)


class UTCDateTime(TypeDecorator[datetime]):
    """A ``DateTime(timezone=True)`` that stores UTC and always returns aware UTC datetimes."""

    # SQLite keeps no offset: storing UTC everywhere keeps its text comparisons (due <= now) right.
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert to UTC; refuse naive datetimes, whose zone is a guess."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(
                f"naive datetime {value!r}: use barraiser.store.utcnow() or an aware datetime"
            )
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Attach UTC to SQLite's naive values; convert PostgreSQL's to UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base of every barraiser table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class User(Base):
    """A candidate; a laptop install has exactly one local user."""

    __tablename__ = "users"
    __table_args__ = (
        # At most one local user, even if two processes start at once.
        Index(
            "uq_users_local",
            "is_local",
            unique=True,
            sqlite_where=text("is_local"),
            postgresql_where=text("is_local"),
        ),
        one_of("role", UserRole),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Hosted mode's accounts (the local user has none of these): a login name, an argon2 hash,
    # a role, and whether the account may still sign in.
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[UserRole] = mapped_column(String(16), default="candidate")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The coach who may read this candidate's sessions and debriefs (hosted mode).
    coach_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class AuthToken(Base):
    """A browser session (cookie) or an API bearer token of an account, stored as a keyed hash
    only: the token itself is shown once and never kept."""

    __tablename__ = "auth_tokens"
    __table_args__ = (one_of("kind", TokenKind),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[TokenKind] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None]


class LoginFailure(Base):
    """Failed logins of one account or one address within the current window (rate limit)."""

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(default=utcnow)


class InterviewSession(Base):
    """One mock loop or practice session, with the engine's state."""

    __tablename__ = "interview_sessions"
    __table_args__ = (one_of("mode", SessionMode), one_of("status", SessionStatus))

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_session_id)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    loop_id: Mapped[str] = mapped_column(String(100))
    mode: Mapped[SessionMode] = mapped_column(String(16))
    status: Mapped[SessionStatus] = mapped_column(String(16), default="active")
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    finished_at: Mapped[datetime | None]
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    decision: Mapped[str | None] = mapped_column(String(32))
    debrief: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))

    rounds: Mapped[list[SessionRound]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SessionRound.position",
    )


class SessionRound(Base):
    """One round of a session, in loop order."""

    __tablename__ = "session_rounds"
    __table_args__ = (UniqueConstraint("session_id", "position"), one_of("status", RoundStatus))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("interview_sessions.id", ondelete="CASCADE"))
    round_id: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[RoundStatus] = mapped_column(String(16), default="pending")
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    time_used_s: Mapped[float] = mapped_column(Float, default=0.0)
    question_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    scorecard: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    #: The engine's clock and item progress (see ``barraiser.interview.engine``).
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    session: Mapped[InterviewSession] = relationship(back_populates="rounds")


class Answer(Base):
    """A free-text answer; a follow-up's answer points at the answer it follows."""

    __tablename__ = "answers"
    __table_args__ = (Index("ix_answers_user_id_question_id", "user_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(200))
    # Practice answers outlive a deleted session: the link is cleared, the answer kept.
    session_round_id: Mapped[int | None] = mapped_column(
        ForeignKey("session_rounds.id", ondelete="SET NULL"), index=True
    )
    parent_answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), index=True
    )
    prompt_text: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: An ad-hoc question's reference answer, kept so that a grade worker can grade it.
    reference_text: Mapped[str | None] = mapped_column(Text)
    #: On the grade queue (hosted mode): "queued" until a worker records its grading, then
    #: "graded" ("failed" when the grader broke on it); None for answers graded in process.
    grading_state: Mapped[GradingState | None] = mapped_column(String(16))
    #: The grade worker holding (or that held) the answer, and until when its claim holds.
    claimed_by: Mapped[str | None] = mapped_column(Text)
    lease_until: Mapped[datetime | None]
    #: What a grade worker grades when it is not ``text``: a follow-up in a round is graded
    #: with everything heard before it (the first answer and the earlier follow-ups' answers).
    graded_text: Mapped[str | None] = mapped_column(Text)
    #: False for an answer in an interview session: its grading updates no review card (the
    #: debrief records the reviews); None or True: it does, as a practice answer's.
    records_review: Mapped[bool | None] = mapped_column(Boolean)

    gradings: Mapped[list[GradingResult]] = relationship(
        back_populates="answer",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="GradingResult.id",
    )
    parent: Mapped[Answer | None] = relationship(
        back_populates="follow_ups", remote_side="Answer.id"
    )
    follow_ups: Mapped[list[Answer]] = relationship(
        back_populates="parent",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Answer.id",
    )


class GradingResult(Base):
    """The grader's verdict on one answer; regrading adds a row, keeping the history."""

    __tablename__ = "grading_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    grader_version: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    answer: Mapped[Answer] = relationship(back_populates="gradings")


class CodeSubmission(Base):
    """Code sent to the judge; saved before judging, so ``verdict`` is None until judged."""

    __tablename__ = "code_submissions"
    __table_args__ = (
        Index("ix_code_submissions_user_id_problem_id", "user_id", "problem_id"),
        one_of("mode", SubmissionMode),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    problem_id: Mapped[str] = mapped_column(String(200))
    session_round_id: Mapped[int | None] = mapped_column(
        ForeignKey("session_rounds.id", ondelete="SET NULL"), index=True
    )
    language: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(Text)
    mode: Mapped[SubmissionMode] = mapped_column(String(16))
    stdin: Mapped[str | None] = mapped_column(Text)
    verdict: Mapped[str | None] = mapped_column(String(16))
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    judged_at: Mapped[datetime | None]
    #: The worker judging it (``host:pid``), or that judged it; None until a worker claims it.
    claimed_by: Mapped[str | None] = mapped_column(Text)
    #: Until when the claim holds; a later claim or a sweep may take it over after this.
    lease_until: Mapped[datetime | None]


class ReviewCard(Base):
    """The spaced-repetition (FSRS) state of one question for one user."""

    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(200))
    card: Mapped[dict[str, Any]] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(index=True)
    last_review: Mapped[datetime | None]
    reps: Mapped[int] = mapped_column(Integer, default=0)


#: How a recorded interview ended (optional); kinds of question asked in it.
ExperienceOutcome = Literal["offer", "rejected", "pending", "withdrew", "no-reply"]
ExperienceQuestionKind = Literal["coding", "ml", "system-design", "behavioural", "other"]


class Experience(Base):
    """A real interview the candidate recorded in the experiences journal: private to its user
    unless, in hosted mode, its author shares it with every member of the instance
    (``shared``); members can then report it to the coaches (:class:`ExperienceReport`).
    """

    __tablename__ = "experiences"
    __table_args__ = (one_of("outcome", ExperienceOutcome),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    company: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200))
    interview_date: Mapped[date] = mapped_column(Date)
    outcome: Mapped[ExperienceOutcome | None] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    rounds: Mapped[list[ExperienceRound]] = relationship(
        back_populates="experience",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ExperienceRound.position",
    )
    questions: Mapped[list[ExperienceQuestion]] = relationship(
        back_populates="experience",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ExperienceQuestion.position",
    )


class ExperienceRound(Base):
    """One round of a recorded interview (its kind or title, and the candidate's notes)."""

    __tablename__ = "experience_rounds"
    __table_args__ = (UniqueConstraint("experience_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    experience_id: Mapped[int] = mapped_column(ForeignKey("experiences.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")

    experience: Mapped[Experience] = relationship(back_populates="rounds")


class ExperienceQuestion(Base):
    """A question asked in a recorded interview; ``practice_question_id`` names the draft
    question made from it, once the candidate has made one."""

    __tablename__ = "experience_questions"
    __table_args__ = (one_of("kind", ExperienceQuestionKind),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[ExperienceQuestionKind] = mapped_column(String(16))
    #: The round it was asked in: the position of one of the entry's rounds, or None.
    round_position: Mapped[int | None] = mapped_column(Integer)
    practice_question_id: Mapped[str | None] = mapped_column(String(100))

    experience: Mapped[Experience] = relationship(back_populates="questions")


class Story(Base):
    """A STAR story in the candidate's story bank: private to its user.

    The story is saved first; ``analysis`` (the principles it shows and its STAR signals, as
    JSON) is filled in afterwards and cleared on every edit, so None means "not analysed yet".
    """

    __tablename__ = "stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    situation: Mapped[str] = mapped_column(Text, default="")
    task: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    analysis_version: Mapped[str | None] = mapped_column(String(64))


class ExperienceReport(Base):
    """A member's report of a shared journal entry, for the coaches to look at (one per member
    and entry; reporting again replaces the reason)."""

    __tablename__ = "experience_reports"
    __table_args__ = (UniqueConstraint("experience_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    experience_id: Mapped[int] = mapped_column(
        ForeignKey("experiences.id", ondelete="CASCADE"), index=True
    )
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class LabRun(Base):
    """A lab run queued for the lab workers (hosted mode): its state, progress and claim.

    The result goes to :class:`LabResultRow`, where every web process finds it."""

    __tablename__ = "lab_runs"
    __table_args__ = (
        Index("ix_lab_runs_lab_id_size", "lab_id", "size"),
        one_of("status", LabRunStatus),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    lab_id: Mapped[str] = mapped_column(String(200))
    size: Mapped[str] = mapped_column(String(16))
    status: Mapped[LabRunStatus] = mapped_column(String(16), default="queued")
    message: Mapped[str] = mapped_column(Text, default="Waiting to start")
    fraction: Mapped[float | None] = mapped_column(Float)
    error: Mapped[str | None] = mapped_column(Text)
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(Text)
    lease_until: Mapped[datetime | None]


class LabResultRow(Base):
    """A lab's result at one version and size, kept in the database in hosted mode so that a
    lab worker on another machine and every web process share it (each keeps a copy in its own
    lab cache, ``labs.results``)."""

    __tablename__ = "lab_results"
    __table_args__ = (UniqueConstraint("lab_id", "size", "cache_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lab_id: Mapped[str] = mapped_column(String(200))
    size: Mapped[str] = mapped_column(String(16))
    cache_key: Mapped[str] = mapped_column(String(64))
    result_json: Mapped[str] = mapped_column(Text)
    ran_at: Mapped[datetime] = mapped_column(default=utcnow)
    files: Mapped[list[LabResultFile]] = relationship(
        back_populates="result", cascade="all, delete-orphan"
    )


class LabResultFile(Base):
    """One file of a lab result (a figure), by name."""

    __tablename__ = "lab_result_files"
    __table_args__ = (UniqueConstraint("result_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("lab_results.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    result: Mapped[LabResultRow] = relationship(back_populates="files")


class ContentFolder(Base):
    """A sub-folder of the content folders (``Settings.content_folders_dir``) an admin switched
    on or off (hosted mode). Web and worker processes read the enabled ones when they start."""

    __tablename__ = "content_folders"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    enabled: Mapped[bool] = mapped_column(default=False)
    changed_by: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ResumeRecord(Base):
    """A user's latest résumé analysis: the texts as typed (saved before the analysis starts)
    and, once it is done, the analysis, as one JSON object (``barraiser.resume.latest``).

    In the database, not the data folder, so that every web process sees it."""

    __tablename__ = "resume_records"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    record: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
