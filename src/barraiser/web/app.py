"""The FastAPI app factory and the ``serve`` entry point used by ``barraiser serve``."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from barraiser import __version__
from barraiser.config import ENV_PREFIX, Settings, get_settings
from barraiser.content.bank import get_bank
from barraiser.interview.submissions import JudgeFn, SubmissionLimits
from barraiser.storage import StorageError, storage_error
from barraiser.web.auth import HostedAuth
from barraiser.web.routes import (
    admin_pages,
    api,
    auth_pages,
    coach_pages,
    company_pages,
    debrief_pages,
    experience_api,
    experience_pages,
    experience_sharing,
    grading_api,
    grading_pages,
    judge_api,
    pages,
    pay_pages,
    problem_pages,
    progress_pages,
    resume_pages,
    review_pages,
    session_api,
    session_pages,
    story_api,
    story_pages,
)
from barraiser.web.routes.lab_pages import install_labs
from barraiser.web.security import (
    SECURITY_HEADERS,
    BodyLimit,
    HostPolicy,
    RequestGuard,
    SecurityHeaders,
)
from barraiser.web.templating import STATIC_DIR, build_templates

logger = logging.getLogger(__name__)

OPENAPI_URL = "/openapi.json"
_SWAGGER = "/static/vendor/swagger-ui"

DESCRIPTION = """\
The JSON API of barraiser, a self-hosted mock interview system for machine-learning engineers.

The question bank, the interview loops and the coding problems are read-only content. Code is
sent to the judge with `POST /api/submissions` (saved at once, judged in the background by a pool
of sandboxed workers) and its verdict read with `GET /api/submissions/{id}`. A free-text answer
is graded with `POST /api/grade` (saved first, then scored against the question's rubric, with
the sentence that earned each key point) and read back with `GET /api/answers/{id}`. The web
pages at `/` use the same data.

Requests must name an allowed host (400 otherwise); a state-changing request sent by another
site's page is refused with 403 (requests without `Origin` or `Sec-Fetch-Site`, such as curl,
pass); bodies over the size cap get 413 (docs/security.md). When the server's disk is full,
a request that would save something answers 507 (503 when the disk is read-only or failing)
with a sentence in `detail`, and nothing of it is saved.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open (and migrate) the store unless ``serve`` already did, and run the judge's workers.

    The submission service queues again every saved submission without a verdict, so work
    left by a crash or a restart is judged now.
    """
    # Imported here so that building the app (and importing this module) stays cheap.
    from barraiser.accounts import Account, Accounts
    from barraiser.interview.answers import AnswerService
    from barraiser.interview.engine import InterviewService
    from barraiser.interview.submissions import SubmissionService
    from barraiser.store import ensure_local_user, init_store

    settings: Settings = app.state.settings
    owned = getattr(app.state, "store", None) is None
    if owned:
        app.state.store = init_store(settings)
    store = app.state.store
    with store.session() as session:
        local = ensure_local_user(session)
        app.state.user_id = local.id
        app.state.local_user = Account.of(local)
    if settings.hosted:
        from barraiser.content.folders import load_with_folders

        app.state.accounts = Accounts.from_settings(store, settings)
        # The content folders an admin enabled (read from the database at each start).
        app.state.content_folders = load_with_folders(settings, store)
        app.state.bank = app.state.content_folders.bank
    options = app.state.judge_options
    job_queue = None
    grade_queue = None
    if settings.hosted and settings.broker_url:
        # The workers (`barraiser worker`) judge, grade and run labs; this process only queues.
        from barraiser.grading.jobs import GradeQueue
        from barraiser.judge.jobs import JobQueue

        job_queue = JobQueue(settings)
        grade_queue = GradeQueue(settings)
    service = SubmissionService(
        store,
        app.state.bank.problems,
        slots=options.get("slots"),
        limits=options.get("limits"),
        judge=options.get("judge"),
        enqueue=job_queue.send if job_queue is not None else None,
    )
    service.start()
    app.state.submissions = service
    app.state.answers = AnswerService(
        store,
        app.state.bank,
        settings,
        enqueue=grade_queue.send if grade_queue is not None else None,
    )
    app.state.interviews = InterviewService(
        store,
        app.state.bank,
        answers=app.state.answers,
        submissions=service,
        data_dir=settings.data_dir,
    )
    try:
        yield
    finally:
        service.stop()
        if job_queue is not None:
            job_queue.close()
        if grade_queue is not None:
            grade_queue.close()
        app.state.submissions = None
        app.state.answers = None
        app.state.interviews = None
        if owned:
            app.state.store = None
            store.close()


class HostedModeError(RuntimeError):
    """Hosted mode's settings are incomplete; the message says which and how to fix them."""


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == OPENAPI_URL


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _wants_json(request):
        return JSONResponse(
            {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
        )
    templates = request.app.state.templates
    if exc.status_code == 404:
        return pages.render_error(
            request,
            templates,
            404,
            "Page not found",
            f"There is no page at {request.url.path}. Check the address, or start again from "
            "the home page or the question bank.",
        )
    if exc.status_code == 405:
        return pages.render_error(
            request,
            templates,
            405,
            "This page cannot do that",
            f"{request.method} is not supported at {request.url.path}. Open the page in your "
            "browser instead.",
        )
    return pages.render_error(
        request, templates, exc.status_code, "Something went wrong", str(exc.detail)
    )


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _wants_json(request):
        return JSONResponse({"detail": validation_errors(exc)}, status_code=422)
    return pages.render_error(
        request,
        request.app.state.templates,
        400,
        "That address has a bad value",
        "Part of the address (a filter or search term) is not valid. Start from the question "
        "bank and pick the filters again.",
    )


def validation_errors(exc: RequestValidationError) -> list[dict[str, object]]:
    """The validation errors as FastAPI lists them, without the ``input`` they were about (a
    huge or private body must never be echoed back) nor the ``ctx`` that can quote it."""
    kept = ("type", "loc", "msg")
    errors = [{key: error[key] for key in kept if key in error} for error in exc.errors()]
    encoded: list[dict[str, object]] = jsonable_encoder(errors)
    return encoded


def _storage_response(request: Request, problem: StorageError) -> Response:
    """507 for a full disk, 503 for a read-only or failing one: a sentence, never the input."""
    logger.warning("%s %s was not saved: %s", request.method, request.url.path, problem)
    status_code = 507 if problem.problem == "full" else 503
    message = problem.sentence()
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status_code)
    heading = "The server's disk is full" if problem.problem == "full" else "Nothing was saved"
    return pages.render_error(request, request.app.state.templates, status_code, heading, message)


async def _storage_error(request: Request, exc: Exception) -> Response:
    """Storage errors raised as such, or as the file or database error they come from."""
    problem = storage_error(exc, request.app.state.settings.data_dir)
    if problem is None:
        raise exc  # another failure: the server-error handler answers it
    return _storage_response(request, problem)


async def _server_error(request: Request, exc: Exception) -> Response:
    response: Response
    problem = storage_error(exc, request.app.state.settings.data_dir)
    if problem is not None:  # a full disk, wrapped in another error on its way up
        response = _storage_response(request, problem)
    else:
        logger.error("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        message = (
            "The server hit an unexpected error. Try again; if it keeps happening, the server "
            "log says what went wrong."
        )
        if _wants_json(request):
            response = JSONResponse({"detail": message}, status_code=500)
        else:
            response = pages.render_error(
                request, request.app.state.templates, 500, "Something went wrong", message
            )
    # Starlette answers this outside the app's middleware: add the security headers here.
    for name, value in SECURITY_HEADERS:
        response.headers.setdefault(name.decode(), value.decode())
    return response


def create_app(
    settings: Settings | None = None,
    *,
    judge_slots: int | None = None,
    submission_limits: SubmissionLimits | None = None,
    judge: JudgeFn | None = None,
) -> FastAPI:
    """Build the web app: pages, JSON API, vendored static assets and offline API docs.

    Loads the content bank now (raising ``ContentError`` listing every problem of the bundled
    and extra content; a broken file of the user's own questions is skipped, logged and shown
    on the question bank page, never raised); the store is
    migrated and opened, and the judge's workers started (``judge_slots``, default one per
    core), when the app starts (its lifespan). ``judge`` replaces the sandboxed judge in tests.
    """
    settings = settings if settings is not None else get_settings()
    if settings.hosted:
        from barraiser.accounts import hosted_problems

        problems = hosted_problems(settings)
        if problems:
            raise HostedModeError("Hosted mode cannot start: " + "; ".join(problems) + ".")
    app = FastAPI(
        title="barraiser",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url=OPENAPI_URL,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.bank = get_bank(settings.extra_content_dir, settings.user_content_dir)
    app.state.templates = build_templates()
    app.state.judge_options = {"slots": judge_slots, "limits": submission_limits, "judge": judge}

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(judge_api.router)
    app.include_router(grading_api.router)
    app.include_router(pages.router)
    app.include_router(company_pages.router)
    app.include_router(grading_pages.router)
    app.include_router(problem_pages.router)
    app.include_router(session_api.router)
    app.include_router(session_pages.router)
    app.include_router(debrief_pages.router)
    app.include_router(review_pages.router)
    app.include_router(progress_pages.router)
    app.include_router(pay_pages.router)
    app.include_router(resume_pages.router)
    # Shared entries before the journal's own routes: /experiences/shared is not an entry id.
    app.include_router(experience_sharing.api)
    app.include_router(experience_sharing.pages)
    app.include_router(experience_api.router)
    app.include_router(experience_pages.router)
    app.include_router(story_api.router)
    app.include_router(story_pages.router)
    install_labs(app)
    if settings.hosted:
        app.include_router(auth_pages.router)
        app.include_router(coach_pages.api)
        app.include_router(coach_pages.pages)
        app.include_router(admin_pages.pages)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    for storage_class in (StorageError, OSError, DBAPIError):
        app.add_exception_handler(storage_class, _storage_error)
    app.add_exception_handler(Exception, _server_error)
    # Added last = outermost: headers on every answer, then host and cross-site checks, then
    # the body cap just outside the routes.
    if settings.hosted:  # inside the guards: a cross-site or oversized request is refused first
        app.add_middleware(HostedAuth)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestGuard, policy=HostPolicy(settings))
    app.add_middleware(SecurityHeaders)

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        """Swagger UI served from the vendored assets, so it works offline.

        FastAPI's own page starts Swagger UI with an inline script, which the Content-Security-
        Policy forbids; ``swagger-init.js`` does the same from a file.
        """
        return HTMLResponse(_SWAGGER_PAGE.format(version=__version__, init=_swagger_init()))

    return app


def _swagger_init() -> str:
    return f"/static/swagger-init.js?v={__version__}"


_SWAGGER_PAGE = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link type="text/css" rel="stylesheet" href="{_SWAGGER}/swagger-ui.css?v={{version}}">
<link rel="shortcut icon" href="{_SWAGGER}/favicon-32x32.png">
<title>barraiser API docs</title>
</head>
<body>
<div id="swagger-ui" data-openapi-url="{OPENAPI_URL}"></div>
<script src="{_SWAGGER}/swagger-ui-bundle.js?v={{version}}"></script>
<script src="{{init}}"></script>
</body>
</html>
"""


def _display_host(host: str) -> str:
    if host in {"0.0.0.0", ""}:
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def several_workers_problem(settings: Settings, workers: int) -> str | None:
    """Why these settings cannot run ``workers`` web processes (None when they can).

    Several processes share only the database and the broker: a local install judges in its
    one process (an in-process queue that every process would also refill from the database),
    and so does a hosted one without a broker.
    """
    if workers <= 1:
        return None
    if not settings.hosted:
        return (
            "--workers above 1 needs hosted mode: a local install judges code in its one web "
            "process (its judge queue lives in that process), so run it with one worker, or set "
            "BARRAISER_MODE=hosted with PostgreSQL and a broker (docs/deploy.md)"
        )
    if not settings.broker_url:
        return (
            "--workers above 1 needs BARRAISER_BROKER_URL: without a broker every web process "
            "would judge, and judge again what the others have not finished; set it (e.g. "
            "redis://127.0.0.1:6379/0) and run `barraiser worker` (docs/deploy.md)"
        )
    return None


def serve(settings: Settings, workers: int = 1) -> None:
    """Run the web app with uvicorn on ``settings.host:settings.port`` until interrupted.

    The content is loaded and the store migrated before the server binds, so that a problem
    is reported as one clear sentence rather than a traceback. With ``workers`` above 1
    (hosted mode with a broker only), uvicorn runs that many processes on the one socket, each
    building its own app from the same settings (``create_app`` as a factory).
    """
    import uvicorn

    from barraiser.content.loader import ContentError
    from barraiser.store import StoreError, init_store

    problem = several_workers_problem(settings, workers)
    if problem is not None:
        raise SystemExit(f"Error: {problem}.")
    try:
        app = create_app(settings)
    except ContentError as exc:
        raise SystemExit(
            f"Error: the content has problems, so the server cannot start.\n{exc}\n"
            "Run `barraiser content check` for the full report."
        ) from None
    except HostedModeError as exc:
        raise SystemExit(f"Error: {exc}") from None
    try:
        store = init_store(settings)
    except (StoreError, StorageError) as exc:
        raise SystemExit(f"Error: {exc}") from None
    app.state.store = store
    url = f"http://{_display_host(settings.host)}:{settings.port}/"
    print(f"barraiser {__version__} is starting at {url} (press Ctrl+C to stop)", flush=True)
    print(f"Data folder: {settings.data_dir}", flush=True)
    if settings.hosted:
        print("Hosted mode: every page and API route needs a login.", flush=True)
    if settings.host in {"0.0.0.0", "::", ""} and not settings.allowed_hosts:
        print(
            "Only localhost, 127.0.0.1 and ::1 are answered: to open it from other machines, "
            "set BARRAISER_ALLOWED_HOSTS to this machine's name or address.",
            flush=True,
        )
    # Folders left by a killed judge go now; the C++ header is built in the background.
    from barraiser.judge.prepare import prepare

    prepare(background=True)
    if workers > 1:
        # Each process builds its own app from the settings; the command line's host and port
        # reach them through the environment (they read settings afresh).
        store.close()
        del app
        os.environ[f"{ENV_PREFIX}HOST"] = settings.host
        os.environ[f"{ENV_PREFIX}PORT"] = str(settings.port)
        print(f"{workers} web processes share this address.", flush=True)
        uvicorn.run(
            f"{__name__}:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=workers,
            log_level="info",
        )
        return
    try:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
    finally:
        store.close()
