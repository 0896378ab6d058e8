"""One résumé analysis from start to end, shared by the CLI, the pages and the API: keep the
texts, analyse them with the process's embedding model, keep the analysis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from barraiser.config import Settings
from barraiser.content.schemas import LeadershipPrinciple
from barraiser.resume.analysis import analyze
from barraiser.resume.latest import save_analysis, save_inputs
from barraiser.resume.models import ResumeAnalysis
from barraiser.resume.parse import ParsedFile

if TYPE_CHECKING:
    from barraiser.store import Store


def run_analysis(
    resume: ParsedFile,
    job: ParsedFile,
    settings: Settings,
    principles: Sequence[LeadershipPrinciple],
    *,
    store: Store | None = None,
    user_id: int | None = None,
    resume_name: str = "",
) -> ResumeAnalysis:
    """Analyse; with ``store`` and ``user_id`` the texts are saved first and the analysis
    after, as the user's latest (the loop's résumé round asks its questions).

    Raises :class:`~barraiser.grading.embeddings.ModelUnavailable` when the model cannot load
    and :class:`~barraiser.storage.StorageError` when the database cannot store the record.
    """
    from barraiser.grading.embeddings import get_backend

    if user_id is not None and store is None:
        raise TypeError("run_analysis: saving for a user needs the store too")
    record = None
    if store is not None and user_id is not None:
        record = save_inputs(store, user_id, resume.text, job.text, resume_name)
    analysis = analyze(
        resume.text,
        job.text,
        encoder=get_backend(settings),
        principles=principles,
        pages=resume.pages,
    )
    if store is not None and user_id is not None and record is not None:
        save_analysis(store, user_id, record, analysis)
    return analysis
