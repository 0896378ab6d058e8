"""Each user's latest résumé analysis, kept as a JSON file in the private data folder.

``<data_dir>/resume/user-<id>.json`` (folder 0700, file 0600, written whole or not at all)
holds the résumé's and the job's text and, once it is done, the analysis. The texts are saved
*before* the analysis starts, so a crash or a full disk during the analysis loses nothing the
user typed. The file, not a table, because the store's migrations are being reworked; a table
can replace it later without changing the callers.

The loop's résumé round asks the analysis's "tell me about this project" questions
(:func:`project_questions`).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from barraiser.resume.models import ResumeAnalysis, ResumeQuestion
from barraiser.storage import private_dirs, write_private

logger = logging.getLogger(__name__)
FOLDER = "resume"


def latest_path(data_dir: Path, user_id: int) -> Path:
    return data_dir / FOLDER / f"user-{int(user_id)}.json"


def _write(path: Path, record: dict[str, Any]) -> None:
    private_dirs(path.parent)
    write_private(path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"))


def save_inputs(
    data_dir: Path, user_id: int, resume_text: str, job_text: str, resume_name: str
) -> dict[str, Any]:
    """Keep the texts about to be analysed (the previous analysis is replaced)."""
    record: dict[str, Any] = {
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "resume_name": resume_name,
        "resume_text": resume_text,
        "job_text": job_text,
        "analysis": None,
    }
    _write(latest_path(data_dir, user_id), record)
    return record


def save_analysis(
    data_dir: Path, user_id: int, record: dict[str, Any], analysis: ResumeAnalysis
) -> None:
    """Add the finished analysis to the saved texts."""
    record = {**record, "analysis": analysis.model_dump(mode="json")}
    record["analysed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    _write(latest_path(data_dir, user_id), record)


def load_record(data_dir: Path, user_id: int) -> dict[str, Any] | None:
    """The saved texts and analysis, or None when there are none (or the file is unreadable)."""
    path = latest_path(data_dir, user_id)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        logger.warning("Cannot read the saved résumé analysis %s: %s", path, exc)
        return None
    return record if isinstance(record, dict) else None


def load_analysis(data_dir: Path, user_id: int) -> ResumeAnalysis | None:
    """The user's latest finished analysis, or None."""
    record = load_record(data_dir, user_id)
    if not record or not record.get("analysis"):
        return None
    try:
        return ResumeAnalysis.model_validate(record["analysis"])
    except ValidationError as exc:
        logger.warning("The saved résumé analysis of user %s is not readable: %s", user_id, exc)
        return None


def project_questions(data_dir: Path | None, user_id: int) -> list[ResumeQuestion]:
    """The "tell me about this project" questions of the user's latest analysis (empty without
    one): what the loop's résumé round asks instead of its generic question."""
    if data_dir is None:
        return []
    analysis = load_analysis(data_dir, user_id)
    if analysis is None:
        return []
    return [q for q in analysis.questions if q.kind == "project"]


def resume_prompts(data_dir: Path | None, user_id: int) -> list[tuple[str, str]]:
    """(title, prompt) of each project question of the user's latest analysis, for the loop's
    résumé round; empty without an analysis."""
    return [
        (f"About your résumé: {_title(q)}", q.text) for q in project_questions(data_dir, user_id)
    ]


def _title(question: ResumeQuestion) -> str:
    entry = question.entry or "a project"
    return entry if len(entry) <= 80 else entry[:77] + "..."
