"""The résumé page (``/resume``) and its API (``POST /api/resume/analyze``,
``GET /api/resume/latest``).

The page is a plain multipart form posted to the server (post/redirect/get): it works without
JavaScript, and like every state-changing request the post is refused when another site's page
sends it (``web.security.RequestGuard``). A file over the résumé limit gets a sentence on the
page; a body over ``BARRAISER_MAX_BODY_BYTES`` is refused before it is read. The texts are kept
(the user's row of ``resume_records`` in the database) before the analysis starts; the latest
analysis is shown on the page and its project questions are what the loop's résumé round asks.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.responses import Response

from barraiser.config import Settings
from barraiser.content.loader import Bank
from barraiser.resume import MAX_FILE_BYTES, ParsedFile, ResumeAnalysis, ResumeFileError
from barraiser.resume.latest import analysis_of, load_analysis, load_record
from barraiser.resume.parse import MAX_TEXT_CHARS, ReaderBusy, read_bytes, read_text, too_large
from barraiser.store import Store
from barraiser.web.deps import BankDep, CurrentUserDep, SettingsDep, StoreDep, TemplatesDep

router = APIRouter(default_response_class=HTMLResponse)

ISSUE_LABELS = {
    "weak-opening": "Weak opening",
    "no-metric": "No measurable result",
    "too-long": "Too long",
    "too-short": "Too short",
}


@dataclass
class ResumeForm:
    """What the form shows: the texts to edit and what went wrong."""

    resume_text: str = ""
    job_text: str = ""
    resume_name: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def _render(
    request: Request,
    templates: Jinja2Templates,
    form: ResumeForm,
    analysis: ResumeAnalysis | None,
    record: dict[str, Any] | None,
    status_code: int = 200,
) -> Response:
    return templates.TemplateResponse(
        request,
        "resume.html",
        {
            "form": form,
            "analysis": analysis,
            "record": record,
            "issue_labels": ISSUE_LABELS,
            "max_file_mib": MAX_FILE_BYTES // 2**20,
            "max_text_chars": MAX_TEXT_CHARS,
        },
        status_code=status_code,
    )


@router.get("/resume", include_in_schema=False)
def resume_page(
    request: Request,
    templates: TemplatesDep,
    settings: SettingsDep,
    store: StoreDep,
    user: CurrentUserDep,
) -> Response:
    """The form, and your latest analysis under it."""
    record = load_record(store, user.id, settings.data_dir)
    form = ResumeForm(
        resume_text=str((record or {}).get("resume_text", "")),
        job_text=str((record or {}).get("job_text", "")),
        resume_name=str((record or {}).get("resume_name", "")),
    )
    analysis = analysis_of(record, user.id)
    return _render(request, templates, form, analysis, record)


async def _upload(value: Any, label: str) -> tuple[bytes, str] | None:
    """The uploaded file's bytes and name (None when no file was chosen); over the limit is
    refused without reading further."""
    if not isinstance(value, UploadFile) or not value.filename:
        return None
    data = await value.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ResumeFileError(str(too_large(value.filename, value.size or len(data))))
    return data, value.filename


def _parse(upload: tuple[bytes, str] | None, text: str, label: str) -> ParsedFile:
    if upload is not None:
        return read_bytes(upload[0], upload[1])
    if not text.strip():
        raise ResumeFileError(f"{label} is empty: paste its text or choose a file.")
    return read_text(text, label)


def _analyse(
    settings: Settings,
    store: Store,
    bank: Bank,
    user_id: int,
    resume: ParsedFile,
    job: ParsedFile,
    resume_name: str,
    save: bool = True,
) -> ResumeAnalysis:
    from barraiser.resume.service import run_analysis

    return run_analysis(
        resume,
        job,
        settings,
        list(bank.principles.values()),
        store=store if save else None,
        user_id=user_id if save else None,
        resume_name=resume_name,
    )


@router.post("/resume", include_in_schema=False)
async def analyse_form(
    request: Request,
    templates: TemplatesDep,
    settings: SettingsDep,
    store: StoreDep,
    bank: BankDep,
    user: CurrentUserDep,
) -> Response:
    """Analyse the posted résumé and job; show the form again with what to fix on bad input."""
    from barraiser.grading.embeddings import ModelUnavailable

    posted = await request.form()
    form = ResumeForm(
        resume_text=str(posted.get("resume_text") or ""),
        job_text=str(posted.get("job_text") or ""),
    )
    parsed: dict[str, ParsedFile] = {}
    for key, label in (("resume", "The résumé"), ("job", "The job description")):
        try:
            upload = await _upload(posted.get(f"{key}_file"), label)
            if upload is not None and key == "resume":
                form.resume_name = upload[1]
            parsed[key] = await run_in_threadpool(
                _parse, upload, getattr(form, f"{key}_text"), label
            )
        except ResumeFileError as exc:
            form.errors[key] = str(exc)
    if form.errors:
        return _render(request, templates, form, None, None, status_code=400)
    try:
        await run_in_threadpool(
            _analyse,
            settings,
            store,
            bank,
            user.id,
            parsed["resume"],
            parsed["job"],
            form.resume_name or "pasted text",
        )
    except ModelUnavailable as exc:
        form.errors["model"] = f"The analysis cannot run: {exc}"
        return _render(request, templates, form, None, None, status_code=503)
    return RedirectResponse("/resume?done=1#results", status_code=303)


class AnalyzeIn(BaseModel):
    """A résumé and a job description, each as text or as a base64 file with its name."""

    resume_text: str | None = Field(default=None, description="The résumé as plain text.")
    resume_file: str | None = Field(
        default=None, description="The résumé file (PDF, DOCX, .md, .txt), base64."
    )
    resume_filename: str | None = Field(
        default=None, description="The résumé file's name, e.g. `cv.pdf` (with resume_file)."
    )
    job_text: str | None = Field(default=None, description="The job description as text.")
    job_file: str | None = Field(default=None, description="The job description file, base64.")
    job_filename: str | None = Field(default=None, description="Its name, e.g. `job.pdf`.")
    save: bool = Field(
        default=True,
        description="Keep it as your latest analysis (the loop's résumé round asks from it).",
    )


def _api_input(text: str | None, file: str | None, name: str | None, label: str) -> ParsedFile:
    if file:
        if not name:
            raise ResumeFileError(f"{label}: give the file's name too (e.g. cv.pdf).")
        try:
            data = base64.b64decode(file, validate=True)
        except (binascii.Error, ValueError):
            raise ResumeFileError(f"{label}: the file is not valid base64.") from None
        return read_bytes(data, name)
    if text is None:
        raise ResumeFileError(f"{label}: give its text or a file.")
    return read_text(text, label)


@router.post(
    "/api/resume/analyze",
    response_class=JSONResponse,
    response_model=ResumeAnalysis,
    tags=["resume"],
    responses={
        400: {"description": "A file or text cannot be read; `detail` says what to do."},
        503: {
            "description": "The embedding model cannot load, or the file reader is busy with "
            "other files (try again in a moment)."
        },
    },
)
def analyze_api(
    body: AnalyzeIn,
    settings: SettingsDep,
    store: StoreDep,
    bank: BankDep,
    user: CurrentUserDep,
) -> ResumeAnalysis:
    """Tailor a résumé to a job description: `skills` (`found`, `weak`, `missing`), `bullets`
    (`text`, `has_metric`, `issues`, `principles`), `problems`, `rewrite_first`, `questions`."""
    from barraiser.grading.embeddings import ModelUnavailable

    try:
        resume = _api_input(body.resume_text, body.resume_file, body.resume_filename, "The résumé")
        job = _api_input(body.job_text, body.job_file, body.job_filename, "The job description")
    except ReaderBusy as exc:
        raise HTTPException(503, str(exc)) from None
    except ResumeFileError as exc:
        raise HTTPException(400, str(exc)) from None
    try:
        return _analyse(
            settings, store, bank, user.id, resume, job, body.resume_filename or "text", body.save
        )
    except ModelUnavailable as exc:
        raise HTTPException(503, f"The analysis cannot run: {exc}") from None


@router.get(
    "/api/resume/latest",
    response_class=JSONResponse,
    response_model=ResumeAnalysis,
    tags=["resume"],
    responses={404: {"description": "No résumé has been analysed yet."}},
)
def latest_api(settings: SettingsDep, store: StoreDep, user: CurrentUserDep) -> ResumeAnalysis:
    """Your latest résumé analysis."""
    analysis = load_analysis(store, user.id, settings.data_dir)
    if analysis is None:
        raise HTTPException(
            404, "No résumé has been analysed yet: POST one to /api/resume/analyze."
        )
    return analysis
