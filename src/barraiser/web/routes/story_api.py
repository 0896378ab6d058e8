"""The story bank's JSON API (``/api/stories``): the local user's STAR stories, their analysis,
the coverage matrix, and export and import.

A bad story is answered 422 with one sentence per problem in ``detail`` (``loc`` names the
field); a bad import file 422 with one sentence naming the problem. Nothing of either is saved.

The handlers are plain functions, run in the threadpool: saving a story analyses it with the
embedding model, and an import can analyse up to a thousand; on the event loop that would stall
every other request. Only reading an import's body is async (``ImportBodyDep``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.responses import Response

from barraiser.store import utcnow
from barraiser.stories import (
    Coverage,
    ExportedStory,
    FittingQuestion,
    StoryInvalid,
    StoryNotFound,
    StoryOut,
    TransferError,
    export_stories,
    fitting_questions,
    parse_story,
    read_stories,
)
from barraiser.stories.transfer import MAX_FILE_BYTES
from barraiser.web.deps import BankDep, CurrentUserDep, StoryBankDep, is_row_id

router = APIRouter(prefix="/api/stories", tags=["stories"])

_INVALID: dict[int | str, dict[str, Any]] = {
    422: {"description": "The story (or file) is not sound: `detail` says what to fix."}
}
_MISSING: dict[int | str, dict[str, Any]] = {
    404: {"description": "You have no story with that id."}
}


class StoryIn(BaseModel):
    """A story to save (or the new content of one): a title and the five STAR parts."""

    title: str = Field(examples=["Traced a silent drop in fraud recall"])
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    reflection: str = ""


class StoryDetail(StoryOut):
    """A story with the bank's behavioural questions it fits ("practise this story")."""

    questions: list[FittingQuestion] = Field(default_factory=list)


class ImportOut(BaseModel):
    """What an import added, and the titles it skipped as already in the bank."""

    added: list[StoryOut]
    skipped: list[str]


def _invalid(exc: StoryInvalid) -> JSONResponse:
    detail = [{"loc": ["body", p.field], "msg": p.message} for p in exc.problems]
    return JSONResponse({"detail": detail}, status_code=422)


def _check_id(story_id: int) -> None:
    if not is_row_id(story_id):
        raise HTTPException(404, f"You have no story with id {story_id}.")


async def _import_body(request: Request) -> bytes:
    return await request.body()


ImportBodyDep = Annotated[bytes, Depends(_import_body)]


@router.get("", response_model=list[StoryOut])
def list_stories(stories: StoryBankDep, user: CurrentUserDep) -> list[StoryOut]:
    """Your stories, most recently changed first, each with its analysis."""
    return stories.list(user.id)


@router.post("", response_model=StoryOut, status_code=201, responses=_INVALID)
def create_story(stories: StoryBankDep, user: CurrentUserDep, body: StoryIn = Body()) -> Response:
    """Save a story (committed before it is analysed), then analyse it."""
    try:
        data = parse_story(body.model_dump())
    except StoryInvalid as exc:
        return _invalid(exc)
    story = stories.create(user.id, data)
    return JSONResponse(story.model_dump(mode="json"), status_code=201)


@router.get("/coverage", response_model=Coverage)
def coverage(stories: StoryBankDep, user: CurrentUserDep) -> Coverage:
    """The 16-principle coverage matrix: strong, weak ("no strong story") or none per principle."""
    return stories.coverage(user.id)


@router.get(
    "/export",
    responses={200: {"content": {"application/json": {}, "text/markdown": {}}}},
)
def export(
    stories: StoryBankDep,
    user: CurrentUserDep,
    fmt: Literal["json", "markdown"] = Query("json", alias="format"),
) -> Response:
    """Every story as a file: JSON (complete, with dates) or Markdown."""
    found = sorted(stories.list(user.id), key=lambda s: (s.created_at, s.id))
    text = export_stories(
        [ExportedStory(s.data(), s.created_at, s.updated_at) for s in found], fmt, utcnow()
    )
    media = "application/json" if fmt == "json" else "text/markdown; charset=utf-8"
    return Response(text, media_type=media)


@router.post("/import", response_model=ImportOut, responses=_INVALID)
def import_stories(
    data: ImportBodyDep,
    stories: StoryBankDep,
    user: CurrentUserDep,
    fmt: Literal["json", "markdown"] | None = Query(
        None, alias="format", description="Default: from the body (JSON starts with { or [)."
    ),
) -> Response:
    """Add the stories of an export (the request body, JSON or Markdown); a bad file is refused
    whole with a sentence naming the problem; stories already in the bank are skipped."""
    if len(data) > MAX_FILE_BYTES:
        return JSONResponse({"detail": "The file is too large to import."}, status_code=413)
    try:
        found = read_stories(data, "", fmt)
    except TransferError as exc:
        return JSONResponse({"detail": str(exc)}, status_code=422)
    done = stories.import_stories(user.id, [f.story for f in found], [f.created_at for f in found])
    out = ImportOut(added=done.added, skipped=done.skipped)
    return JSONResponse(out.model_dump(mode="json"))


@router.get("/{story_id}", response_model=StoryDetail, responses=_MISSING)
def get_story(
    story_id: int, stories: StoryBankDep, user: CurrentUserDep, bank: BankDep
) -> StoryDetail:
    """One of your stories, its analysis, and the questions to practise it with."""
    _check_id(story_id)
    try:
        story = stories.get(user.id, story_id)
    except StoryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    questions = fitting_questions(story.analysis, bank.questions) if story.analysis else []
    return StoryDetail(**story.model_dump(), questions=questions)


@router.put("/{story_id}", response_model=StoryOut, responses={**_INVALID, **_MISSING})
def update_story(
    story_id: int, stories: StoryBankDep, user: CurrentUserDep, body: StoryIn = Body()
) -> Response:
    """Replace a story's title and parts; it is analysed again."""
    _check_id(story_id)
    try:
        story = stories.update(user.id, story_id, parse_story(body.model_dump()))
    except StoryInvalid as exc:
        return _invalid(exc)
    except StoryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return JSONResponse(story.model_dump(mode="json"))


@router.delete("/{story_id}", status_code=204, responses=_MISSING)
def delete_story(story_id: int, stories: StoryBankDep, user: CurrentUserDep) -> Response:
    """Delete one of your stories."""
    _check_id(story_id)
    try:
        stories.delete(user.id, story_id)
    except StoryNotFound as exc:
        raise HTTPException(404, str(exc)) from None
    return Response(status_code=204)
