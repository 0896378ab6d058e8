"""The story bank's pages (``/stories``): the list with the coverage matrix, write, show, edit
and delete a story, and export and import the bank.

Plain HTML forms posted to the server (post/redirect/get), so every page works without
JavaScript; like every state-changing request, the posts are refused when another site's page
sends them (``web.security.RequestGuard``). Stories are the local user's only; each is saved
before it is analysed.

The handlers are plain functions, run in the threadpool: saving a story analyses it with the
embedding model (the first analysis loads it) and an import can analyse up to a thousand, which
would stall every other request on the event loop. Only reading the posted form is async (the
``FormFieldsDep`` and ``ImportDep`` dependencies).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile
from starlette.responses import Response

from barraiser.store import utcnow
from barraiser.stories import (
    PART_HINTS,
    PART_LABELS,
    PARTS,
    ExportedStory,
    Problem,
    StoryBank,
    StoryInvalid,
    StoryNotFound,
    StoryOut,
    TransferError,
    export_stories,
    fitting_questions,
    parse_story,
    read_stories,
)
from barraiser.stories.analysis import SIGNAL_LABELS
from barraiser.stories.entries import MAX_PART_CHARS, MAX_TITLE_CHARS
from barraiser.stories.transfer import MAX_FILE_BYTES, Format
from barraiser.web.deps import (
    BankDep,
    CurrentUserDep,
    FormFieldsDep,
    StoryBankDep,
    TemplatesDep,
    is_row_id,
)
from barraiser.web.routes.pages import render_error

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_EXPORTS: dict[str, tuple[Format, str]] = {
    "json": ("json", "application/json"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
}


def _not_found(request: Request, templates: Jinja2Templates, story_id: int) -> Response:
    return render_error(
        request,
        templates,
        404,
        "Story not found",
        f"You have no story with id {story_id}. Your stories are listed on the stories page.",
        [("/stories", "See your stories"), ("/", "Go to the home page")],
    )


def _story(stories: StoryBank, user_id: int, story_id: int) -> StoryOut | None:
    if not is_row_id(story_id):
        return None
    try:
        return stories.get(user_id, story_id)
    except StoryNotFound:
        return None


@dataclass(frozen=True)
class ImportFile:
    """What the import form posted: the uploaded file's bytes and name, else the pasted text
    (name ``""``); empty ``data`` when neither was given."""

    data: bytes
    name: str


async def _import_file(request: Request) -> ImportFile:
    form = await request.form()
    upload = form.get("file")
    pasted = form.get("text")
    if isinstance(upload, UploadFile) and upload.filename:
        return ImportFile(await upload.read(MAX_FILE_BYTES + 1), upload.filename)
    if isinstance(pasted, str) and pasted.strip():
        return ImportFile(pasted.encode("utf-8"), "")
    return ImportFile(b"", "")


ImportDep = Annotated[ImportFile, Depends(_import_file)]


def _render_form(
    request: Request,
    templates: Jinja2Templates,
    form: dict[str, str],
    story: StoryOut | None,
    problems: list[Problem] | None = None,
) -> Response:
    return templates.TemplateResponse(
        request,
        "story_form.html",
        {
            "form": form,
            "story": story,
            "problems": problems or [],
            "action": f"/stories/{story.id}/edit" if story else "/stories",
            "parts": PARTS,
            "part_labels": PART_LABELS,
            "part_hints": PART_HINTS,
            "max_title_chars": MAX_TITLE_CHARS,
            "max_part_chars": MAX_PART_CHARS,
        },
        status_code=400 if problems else 200,
    )


def _render_list(
    request: Request,
    templates: Jinja2Templates,
    stories: StoryBank,
    user_id: int,
    import_error: str | None = None,
) -> Response:
    found = stories.list(user_id)
    return templates.TemplateResponse(
        request,
        "stories.html",
        {
            "stories": found,
            "coverage": stories.coverage(user_id, found),
            "import_error": import_error,
            "imported": request.query_params.get("imported"),
            "skipped": request.query_params.get("skipped"),
            "deleted": request.query_params.get("deleted") == "1",
            "max_file_mib": MAX_FILE_BYTES // 1_000_000,
        },
        status_code=400 if import_error else 200,
    )


@router.get("/stories")
def stories_page(
    request: Request, templates: TemplatesDep, stories: StoryBankDep, user: CurrentUserDep
) -> Response:
    """Your stories and the coverage matrix: which principles have no strong story yet."""
    return _render_list(request, templates, stories, user.id)


@router.get("/stories/new")
def new_story_page(request: Request, templates: TemplatesDep) -> Response:
    """The form to write a story."""
    return _render_form(request, templates, {}, None)


@router.post("/stories")
def create_story(
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
    fields: FormFieldsDep,
) -> Response:
    """Save a new story, analyse it, then show it; a bad form comes back with what to fix."""
    try:
        data = parse_story(fields)
    except StoryInvalid as exc:
        return _render_form(request, templates, fields, None, exc.problems)
    story = stories.create(user.id, data)
    return RedirectResponse(f"/stories/{story.id}?saved=1", status_code=303)


@router.get("/stories/export.{ext}")
def export_bank(
    ext: str,
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
) -> Response:
    """Download every story as JSON (complete, with dates) or Markdown."""
    if ext not in _EXPORTS:
        return render_error(
            request,
            templates,
            404,
            "No such export",
            "The story bank exports as /stories/export.json or /stories/export.md.",
            [("/stories", "See your stories")],
        )
    fmt, media_type = _EXPORTS[ext]
    now = utcnow()
    text = export_stories(_exported(stories, user.id), fmt, now)
    name = f"barraiser-stories-{now.date().isoformat()}.{ext}"
    return Response(
        text,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def _exported(stories: StoryBank, user_id: int) -> list[ExportedStory]:
    """The user's stories, oldest first, as written to a file."""
    found = sorted(stories.list(user_id), key=lambda s: (s.created_at, s.id))
    return [ExportedStory(s.data(), s.created_at, s.updated_at) for s in found]


@router.post("/stories/import")
def import_bank(
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
    posted: ImportDep,
) -> Response:
    """Add the stories of an uploaded (or pasted) JSON or Markdown file; a bad file is refused
    whole, with a sentence naming the problem."""
    data, name = posted.data, posted.name
    if not data:
        return _render_list(
            request,
            templates,
            stories,
            user.id,
            "Choose a JSON or Markdown file to import (or paste its text), then press Import.",
        )
    try:
        found = read_stories(data, name)
    except TransferError as exc:
        label = f"{name}: " if name else ""
        return _render_list(
            request, templates, stories, user.id, f"Nothing was imported. {label}{exc}"
        )
    done = stories.import_stories(user.id, [f.story for f in found], [f.created_at for f in found])
    return RedirectResponse(
        f"/stories?imported={len(done.added)}&skipped={len(done.skipped)}", status_code=303
    )


@router.get("/stories/{story_id}")
def story_page(
    story_id: int,
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
    bank: BankDep,
) -> Response:
    """One story: its parts, the principles it shows with evidence, its STAR signals, and the
    bank's questions to practise it with."""
    story = _story(stories, user.id, story_id)
    if story is None:
        return _not_found(request, templates, story_id)
    questions = fitting_questions(story.analysis, bank.questions) if story.analysis else []
    context: dict[str, Any] = {
        "story": story,
        "parts": story.data().parts(),
        "part_labels": PART_LABELS,
        "signal_labels": SIGNAL_LABELS,
        "questions": questions,
        "principle_names": {p.id: p.name for p in bank.principles.values()},
        "saved": request.query_params.get("saved") == "1",
    }
    return templates.TemplateResponse(request, "story.html", context)


@router.get("/stories/{story_id}/edit")
def edit_story_page(
    story_id: int,
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
) -> Response:
    """The form filled with a story, to change it."""
    story = _story(stories, user.id, story_id)
    if story is None:
        return _not_found(request, templates, story_id)
    return _render_form(request, templates, {"title": story.title, **story.data().parts()}, story)


@router.post("/stories/{story_id}/edit")
def update_story(
    story_id: int,
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
    fields: FormFieldsDep,
) -> Response:
    """Save the changed story, analyse it again, then show it."""
    story = _story(stories, user.id, story_id)
    if story is None:
        return _not_found(request, templates, story_id)
    try:
        data = parse_story(fields)
    except StoryInvalid as exc:
        return _render_form(request, templates, fields, story, exc.problems)
    stories.update(user.id, story_id, data)
    return RedirectResponse(f"/stories/{story_id}?saved=1", status_code=303)


@router.post("/stories/{story_id}/delete")
def delete_story(
    story_id: int,
    request: Request,
    templates: TemplatesDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
) -> Response:
    """Delete the story, then list the others."""
    if not is_row_id(story_id):
        return _not_found(request, templates, story_id)
    try:
        stories.delete(user.id, story_id)
    except StoryNotFound:
        return _not_found(request, templates, story_id)
    return RedirectResponse("/stories?deleted=1", status_code=303)
