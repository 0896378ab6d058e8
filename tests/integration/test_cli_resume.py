"""``barraiser resume analyze``: a PDF résumé and a DOCX job description, as a user types it;
bad files end in one sentence and exit 1; the analysis is kept for the loop (in the database,
nothing in the data folder)."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from barraiser.cli import app
from barraiser.config import get_settings
from barraiser.resume.latest import load_analysis, load_record
from barraiser.store import init_store
from barraiser.store.models import ResumeRecord
from resume_files import docx_bytes, encrypted_pdf, fixture_text, text_pdf

runner = CliRunner()


def test_analyze_a_pdf_against_a_docx_job_as_json(tmp_path: Path) -> None:
    resume = tmp_path / "cv.pdf"
    resume.write_bytes(text_pdf(fixture_text("resumes", "mlops-platform")))
    job = tmp_path / "job.docx"
    job.write_bytes(docx_bytes(fixture_text("jobs", "mlops-platform")))
    result = runner.invoke(
        app, ["resume", "analyze", "--resume", str(resume), "--job", str(job), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"skills", "bullets", "questions", "problems", "rewrite_first"} <= set(data)
    assert "Kubernetes" in [s["skill"] for s in data["skills"]["found"]]
    assert "Ray" in [s["skill"] for s in data["skills"]["missing"]]
    ci = next(b for b in data["bullets"] if b["text"].startswith("Responsible for the CI/CD"))
    assert ci["has_metric"] is False
    assert [i["code"] for i in ci["issues"]] == ["weak-opening", "no-metric"]
    assert data["resume"]["pages"] == 1

    # Kept as the local user's latest analysis: one row in the database, no file.
    store = init_store(get_settings())
    try:
        with store.session() as session:
            user_ids = list(session.scalars(select(ResumeRecord.user_id)))
        assert len(user_ids) == 1
        record = load_record(store, user_ids[0])
        assert record is not None and record["resume_name"] == "cv.pdf"
        assert "Kubernetes" in record["resume_text"]
        kept = load_analysis(store, user_ids[0])
        assert kept is not None
        assert [q.text for q in kept.questions] == [q["text"] for q in data["questions"]]
    finally:
        store.close()
    assert not (get_settings().data_dir / "resume").exists()


def test_text_report_and_no_save(tmp_path: Path) -> None:
    resume = tmp_path / "cv.md"
    resume.write_text(fixture_text("resumes", "new-grad"), encoding="utf-8")
    job = tmp_path / "job.txt"
    job.write_text(fixture_text("jobs", "new-grad-mle"), encoding="utf-8")
    result = runner.invoke(
        app, ["resume", "analyze", "--resume", str(resume), "--job", str(job), "--no-save"]
    )
    assert result.exit_code == 0, result.output
    assert "missing  [required] data structures and algorithms" in result.output
    assert "Rewrite these first" in result.output
    assert not (get_settings().data_dir / "resume").exists()
    store = init_store(get_settings())
    try:
        with store.session() as session:
            assert session.scalars(select(ResumeRecord)).first() is None
    finally:
        store.close()


def test_bad_files_are_one_sentence(tmp_path: Path) -> None:
    locked = tmp_path / "cv.pdf"
    locked.write_bytes(encrypted_pdf())
    job = tmp_path / "job.md"
    job.write_text("# ML engineer\n- Python", encoding="utf-8")
    result = runner.invoke(app, ["resume", "analyze", "--resume", str(locked), "--job", str(job)])
    assert result.exit_code == 1
    assert "password-protected" in result.output and "Traceback" not in result.output
    result = runner.invoke(
        app, ["resume", "analyze", "--resume", str(tmp_path / "nope.pdf"), "--job", str(job)]
    )
    assert result.exit_code == 1 and "does not exist" in result.output
