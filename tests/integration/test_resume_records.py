"""Each user's latest résumé analysis lives in the database (``resume_records``), on SQLite and
PostgreSQL: two web apps on one database and different data folders see the same record, and a
record left as a file by an older version is imported the first time it is read."""

from __future__ import annotations

import json
from pathlib import Path

from barraiser.config import Settings
from barraiser.content.bank import get_bank
from barraiser.interview.engine import InterviewService
from barraiser.resume import read_text
from barraiser.resume.latest import legacy_path, load_record
from barraiser.resume.service import run_analysis
from barraiser.storage import private_dirs, write_private
from barraiser.store import Store, User, ensure_local_user
from barraiser.store.models import ResumeRecord
from barraiser.web.app import create_app
from resume_files import fixture_text
from web_client import TestClient


def _app_settings(folder: Path, db_url: str) -> Settings:
    return Settings(data_dir=folder, database_url=db_url, extra_content_dir=None)


def test_two_web_apps_on_one_database_share_the_record(db_url: str, tmp_path: Path) -> None:
    first = create_app(_app_settings(tmp_path / "web-1", db_url))
    second = create_app(_app_settings(tmp_path / "web-2", db_url))
    with TestClient(first) as one, TestClient(second) as two:
        assert two.get("/api/resume/latest").status_code == 404
        posted = one.post(
            "/api/resume/analyze",
            json={
                "resume_text": fixture_text("resumes", "nlp-senior"),
                "resume_filename": "cv.md",
                "job_text": fixture_text("jobs", "senior-nlp"),
            },
        )
        assert posted.status_code == 200, posted.text
        seen = two.get("/api/resume/latest")
        assert seen.status_code == 200 and seen.json() == posted.json()
        # The page of the other app shows the texts as they were sent.
        page = two.get("/resume").text
        assert "Led fine-tuning" in page and "cv.md" in page

        # The latest write wins, whichever app made it.
        again = two.post(
            "/api/resume/analyze",
            json={
                "resume_text": fixture_text("resumes", "new-grad"),
                "job_text": fixture_text("jobs", "new-grad-mle"),
            },
        )
        assert again.status_code == 200, again.text
        assert one.get("/api/resume/latest").json() == again.json() != posted.json()
    for folder in ("web-1", "web-2"):
        assert not (tmp_path / folder / "resume").exists()


def test_a_legacy_file_is_imported_once(store: Store, tmp_path: Path) -> None:
    bank = get_bank()
    data_dir = tmp_path / "data"
    with store.session() as session:
        user = ensure_local_user(session).id
        other = User(name="Someone else")
        session.add(other)
        session.flush()
        other_id = other.id
    resume_text = fixture_text("resumes", "recsys-mid")
    analysis = run_analysis(
        read_text(resume_text),
        read_text(fixture_text("jobs", "recsys-mle")),
        Settings(data_dir=data_dir),
        list(bank.principles.values()),
    )
    # The file as the version before the table wrote it.
    path = legacy_path(data_dir, user)
    private_dirs(path.parent)
    legacy = {
        "saved_at": "2026-12-01T10:00:00+00:00",
        "resume_name": "cv.md",
        "resume_text": resume_text,
        "job_text": fixture_text("jobs", "recsys-mle"),
        "analysis": analysis.model_dump(mode="json"),
        "analysed_at": "2026-12-01T10:00:02+00:00",
    }
    write_private(path, json.dumps(legacy, ensure_ascii=False, indent=1).encode("utf-8"))
    assert load_record(store, user) is None  # not imported without the data folder

    # Starting a loop reads it: the résumé round asks about the file's projects.
    service = InterviewService(store, bank, data_dir=data_dir)
    session_id = service.start_loop(user, "amazon-mle", seed=7)
    prompts = [i.prompt for i in service.view(user, session_id).rounds[0].items]  # type: ignore[attr-defined]
    projects = [q.text for q in analysis.questions if q.kind == "project"]
    assert set(projects) & set(prompts)
    with store.session() as session:
        row = session.get(ResumeRecord, user)
        assert row is not None
        assert json.loads(row.record) == legacy

    # From now on the row is the record: a changed (or removed) file is not read again.
    changed = {**legacy, "resume_name": "changed.md", "analysis": None}
    write_private(path, json.dumps(changed).encode("utf-8"))
    kept = load_record(store, user, data_dir)
    assert kept is not None and kept["resume_name"] == "cv.md" and kept["analysis"]
    path.unlink()
    assert load_record(store, user, data_dir) == legacy

    # Another user has neither a file nor a row.
    assert load_record(store, other_id, data_dir) is None
    other_session = service.start_loop(other_id, "amazon-mle", seed=7)
    other_items = service.view(other_id, other_session).rounds[0].items
    assert not any(i.id.startswith("resume:") for i in other_items)  # type: ignore[attr-defined]
