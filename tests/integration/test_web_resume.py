"""The résumé page and API on the real app: upload a PDF, paste a job, see the report; bad and
over-size files get a sentence on the page; the JSON API and the latest analysis."""

from __future__ import annotations

import base64
from pathlib import Path

from web_support import web_settings

from barraiser.resume import MAX_FILE_BYTES
from barraiser.web.app import create_app
from resume_files import docx_bytes, fixture_text, text_pdf
from web_client import TestClient


def _client(folder: Path) -> TestClient:
    return TestClient(create_app(web_settings(folder)))


def test_upload_analyse_and_see_the_report(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        page = client.get("/resume")
        assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
        assert 'href="/resume" aria-current="page"' in page.text
        posted = client.post(
            "/resume",
            data={"job_text": fixture_text("jobs", "computer-vision")},
            files={
                "resume_file": (
                    "cv.pdf",
                    text_pdf(fixture_text("resumes", "computer-vision")),
                    "application/pdf",
                )
            },
            follow_redirects=False,
        )
        assert posted.status_code == 303 and posted.headers["location"].startswith("/resume")
        report = client.get("/resume").text
        assert 'data-skill="PhD"' in report and "Rewrite these first" in report
        assert "Responsible for camera calibration." in report
        assert "cv.pdf" in report
        latest = client.get("/api/resume/latest").json()
        assert "PhD" in [s["skill"] for s in latest["skills"]["missing"]]


def test_bad_files_come_back_with_a_sentence(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        wrong = client.post(
            "/resume",
            data={"resume_text": "", "job_text": "Python"},
            files={"resume_file": ("cv.pdf", docx_bytes("Jane"), "application/pdf")},
        )
        assert wrong.status_code == 400
        assert "named like a PDF but holds a Word document" in wrong.text
        big = client.post(
            "/resume",
            data={"job_text": "Python"},
            files={
                "resume_file": ("cv.pdf", b"%PDF-1.4\n" + bytes(MAX_FILE_BYTES), "application/pdf")
            },
        )
        assert big.status_code == 400 and "larger than the 3 MiB limit" in big.text
        empty = client.post("/resume", data={"resume_text": "Jane Doe", "job_text": " "})
        assert empty.status_code == 400 and "The job description is empty" in empty.text
        # Kept what was typed.
        assert "Jane Doe" in empty.text
        assert client.get("/api/resume/latest").status_code == 404


def test_json_api_with_text_and_base64_file(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        pdf = text_pdf(fixture_text("resumes", "nlp-senior"))
        answer = client.post(
            "/api/resume/analyze",
            json={
                "resume_file": base64.b64encode(pdf).decode(),
                "resume_filename": "cv.pdf",
                "job_text": fixture_text("jobs", "senior-nlp"),
            },
        )
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert {"found", "weak", "missing"} == set(data["skills"])
        assert data["bullets"][0]["text"].startswith("Led fine-tuning")
        assert data["questions"]
        bad = client.post(
            "/api/resume/analyze",
            json={"resume_file": "%%%", "resume_filename": "cv.pdf", "job_text": "x"},
        )
        assert bad.status_code == 400 and "base64" in bad.json()["detail"]
        cross = client.post(
            "/resume",
            data={"resume_text": "x", "job_text": "y"},
            headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
        )
        assert cross.status_code == 403
