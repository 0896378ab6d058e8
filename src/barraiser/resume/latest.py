"""Each user's latest résumé analysis, kept in the database (table ``resume_records``).

One row per user holds one JSON object: the résumé's and the job's text, the résumé's name and,
once it is done, the analysis. The texts are saved *before* the analysis starts, so a crash or
a full disk during the analysis loses nothing the user typed. In the database, not the data
folder, so that several web processes (which share nothing but the database and the broker)
all see it, in local and hosted mode alike.

Before the table, the record was the file ``<data_dir>/resume/user-<id>.json``. A user who has
no row but such a file gets it imported the first time it is read (:func:`load_record` with the
``data_dir``); the file is left where it is and never read again once the row exists.

The loop's résumé round asks the analysis's "tell me about this project" questions
(:func:`project_questions`).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from barraiser.resume.models import ResumeAnalysis, ResumeQuestion

if TYPE_CHECKING:
    from barraiser.store import Store

logger = logging.getLogger(__name__)
#: The folder of the legacy files, under the data folder.
FOLDER = "resume"


def legacy_path(data_dir: Path, user_id: int) -> Path:
    """Where the record was kept before the table (imported once, see :func:`load_record`)."""
    return data_dir / FOLDER / f"user-{int(user_id)}.json"


def _write(store: Store, user_id: int, record: dict[str, Any]) -> None:
    """Insert or replace the user's row, atomically on SQLite and PostgreSQL."""
    from barraiser.store._dialect import insert_for
    from barraiser.store.models import ResumeRecord, utcnow

    text = json.dumps(record, ensure_ascii=False)
    with store.session() as session:
        insert = insert_for(session, ResumeRecord).values(
            user_id=int(user_id), record=text, updated_at=utcnow()
        )
        session.execute(
            insert.on_conflict_do_update(
                index_elements=[ResumeRecord.user_id],
                set_={"record": insert.excluded.record, "updated_at": insert.excluded.updated_at},
            )
        )


def save_inputs(
    store: Store, user_id: int, resume_text: str, job_text: str, resume_name: str
) -> dict[str, Any]:
    """Keep the texts about to be analysed (the previous analysis is replaced)."""
    record: dict[str, Any] = {
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "resume_name": resume_name,
        "resume_text": resume_text,
        "job_text": job_text,
        "analysis": None,
    }
    _write(store, user_id, record)
    return record


def save_analysis(
    store: Store, user_id: int, record: dict[str, Any], analysis: ResumeAnalysis
) -> None:
    """Add the finished analysis to the saved texts."""
    record = {**record, "analysis": analysis.model_dump(mode="json")}
    record["analysed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    _write(store, user_id, record)


def _decode(text: str, user_id: int, where: object) -> dict[str, Any] | None:
    try:
        record = json.loads(text)
    except ValueError as exc:
        logger.warning(
            "Cannot read the saved résumé analysis of user %s (%s): %s", user_id, where, exc
        )
        return None
    return record if isinstance(record, dict) else None


def _stored(store: Store, user_id: int) -> str | None:
    from sqlalchemy import select

    from barraiser.store.models import ResumeRecord

    with store.session() as session:
        found: str | None = session.scalar(
            select(ResumeRecord.record).where(ResumeRecord.user_id == int(user_id))
        )
        return found


def _import_legacy(store: Store, user_id: int, data_dir: Path) -> str | None:
    """Copy the user's legacy file into the table (unless a row appeared meanwhile, e.g. from
    another process); the row's text afterwards, or None without a readable file."""
    from barraiser.store._dialect import insert_for
    from barraiser.store.models import ResumeRecord, utcnow

    path = legacy_path(data_dir, user_id)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.warning("Cannot read the saved résumé analysis %s: %s", path, exc)
        return None
    if _decode(text, user_id, path) is None:
        return None
    with store.session() as session:
        insert = insert_for(session, ResumeRecord).values(
            user_id=int(user_id), record=text, updated_at=utcnow()
        )
        session.execute(insert.on_conflict_do_nothing(index_elements=[ResumeRecord.user_id]))
    logger.info("Imported the résumé analysis of user %s from %s into the database", user_id, path)
    return _stored(store, user_id)


def load_record(store: Store, user_id: int, data_dir: Path | None = None) -> dict[str, Any] | None:
    """The saved texts and analysis, or None when there are none (or they are unreadable).

    With ``data_dir``, a legacy file of a user who has no row yet is imported first."""
    text = _stored(store, user_id)
    if text is None and data_dir is not None:
        text = _import_legacy(store, user_id, data_dir)
    if text is None:
        return None
    return _decode(text, user_id, "resume_records")


def analysis_of(record: dict[str, Any] | None, user_id: int) -> ResumeAnalysis | None:
    """The finished analysis of a record from :func:`load_record`, or None."""
    if not record or not record.get("analysis"):
        return None
    try:
        return ResumeAnalysis.model_validate(record["analysis"])
    except ValidationError as exc:
        logger.warning("The saved résumé analysis of user %s is not readable: %s", user_id, exc)
        return None


def load_analysis(
    store: Store, user_id: int, data_dir: Path | None = None
) -> ResumeAnalysis | None:
    """The user's latest finished analysis, or None."""
    return analysis_of(load_record(store, user_id, data_dir), user_id)


def project_questions(
    store: Store, user_id: int, data_dir: Path | None = None
) -> list[ResumeQuestion]:
    """The "tell me about this project" questions of the user's latest analysis (empty without
    one): what the loop's résumé round asks instead of its generic question."""
    analysis = load_analysis(store, user_id, data_dir)
    if analysis is None:
        return []
    return [q for q in analysis.questions if q.kind == "project"]


def resume_prompts(
    store: Store, user_id: int, data_dir: Path | None = None
) -> list[tuple[str, str]]:
    """(title, prompt) of each project question of the user's latest analysis, for the loop's
    résumé round; empty without an analysis."""
    return [
        (f"About your résumé: {_title(q)}", q.text)
        for q in project_questions(store, user_id, data_dir)
    ]


def _title(question: ResumeQuestion) -> str:
    entry = question.entry or "a project"
    return entry if len(entry) <= 80 else entry[:77] + "..."
