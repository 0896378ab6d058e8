"""HTML pages of the labs: the list, a lab with its evidence, and runs with live progress.

A run is started with a POST (HTMX swaps in a status panel that polls every second; without
JavaScript the browser is sent back to the lab page). When the run ends, the status panel
stops polling and swaps in the results ("out of band"), so the page is never reloaded.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from starlette.responses import Response

from barraiser.labs.base import Lab, LabError, Size
from barraiser.labs.registry import get_lab
from barraiser.web.deps import BankDep, TemplatesDep
from barraiser.web.lab_runs import CachedLab, LabRun, LabRunsBusy, Runs
from barraiser.web.lab_views import (
    TEMPLATE_FILTERS,
    TEMPLATE_GLOBALS,
    LabRunnerDep,
    cached_results,
    safe_all_labs,
)
from barraiser.web.routes import lab_api
from barraiser.web.routes.pages import render_error

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_LAB_LINKS = [("/labs", "See all labs"), ("/", "Go to the home page")]


def install_labs(app: FastAPI) -> None:
    """Add the labs' pages, JSON API and template helpers to the app.

    ``question_labs(question_id)`` becomes a template global, so that any page (the question
    page includes ``partials/question_labs.html``) can link to the labs of a question.
    """
    env = app.state.templates.env
    env.globals.update(TEMPLATE_GLOBALS)
    env.filters.update(TEMPLATE_FILTERS)
    app.include_router(lab_api.router)
    app.include_router(router)


def _is_htmx(request: Request) -> bool:
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def _lab_or_none(lab_id: str) -> Lab | None:
    try:
        return get_lab(lab_id)
    except LabError:
        return None


def _unknown_lab(request: Request, templates: TemplatesDep, lab_id: str) -> Response:
    return render_error(
        request,
        templates,
        404,
        "Lab not found",
        f"There is no lab with the id “{lab_id}”. Pick one from the list of labs.",
        _LAB_LINKS,
    )


def _figure_url(cached: CachedLab, file: str) -> str:
    result = cached.result
    # The cache key in the query string makes browsers fetch the figure again after a new run.
    return f"/labs/{result.id}/figures/{result.size}/{file}?v={result.cache_key}"


def _run_context(lab: Lab, run: LabRun | None, runner: Runs) -> dict[str, Any]:
    """What the run panel needs: the run (if any), the queue position and the best result."""
    return {
        "lab": lab,
        "run": run,
        "ahead": runner.ahead_of(run.id) if run is not None and run.status == "queued" else 0,
        "cached": runner.cache.best(lab.id),
        "figure_url": _figure_url,
        "error": run.error if run is not None else None,
        "result_oob": False,
    }


@router.get("/labs")
def labs_page(
    request: Request, bank: BankDep, templates: TemplatesDep, runner: LabRunnerDep
) -> Response:
    """Every lab with the question it backs, its data and what its cached result found."""
    try:
        labs = safe_all_labs()
    except LabError as exc:
        message = f"{str(exc)[:1].upper()}{str(exc)[1:]}."
        return render_error(request, templates, 500, "The labs cannot be listed", message)
    rows = []
    for lab in labs:
        found = cached_results(runner.cache, lab.id)
        rows.append(
            {
                "lab": lab,
                "question": bank.questions.get(lab.question_id),
                "cached": found[0] if found else None,
                "running": runner.active_for(lab.id),
            }
        )
    return templates.TemplateResponse(request, "labs.html", {"rows": rows})


@router.get("/labs/{lab_id}")
def lab_page(
    lab_id: str,
    request: Request,
    bank: BankDep,
    templates: TemplatesDep,
    runner: LabRunnerDep,
) -> Response:
    """A lab: what it shows, its data, a run button with live progress, and its evidence."""
    lab = _lab_or_none(lab_id)
    if lab is None:
        return _unknown_lab(request, templates, lab_id)
    context = _run_context(lab, runner.active_for(lab.id), runner)
    context["question"] = bank.questions.get(lab.question_id)
    return templates.TemplateResponse(request, "lab.html", context)


@router.post("/labs/{lab_id}/runs")
def start_run(
    lab_id: str,
    request: Request,
    templates: TemplatesDep,
    runner: LabRunnerDep,
    size: Annotated[Size, Query()] = "full",
) -> Response:
    """Start a run; HTMX gets the polling status panel, a plain form post a redirect."""
    lab = _lab_or_none(lab_id)
    if lab is None:
        return _unknown_lab(request, templates, lab_id)
    error = None
    run = None
    try:
        run = runner.start(lab.id, size)
    except LabRunsBusy as exc:
        error = str(exc)
    if not _is_htmx(request):
        if error:
            return render_error(request, templates, 429, "The lab could not start", error)
        return RedirectResponse(f"/labs/{lab.id}", status_code=303)
    context = _run_context(lab, run, runner)
    context["error"] = error or context["error"]
    return templates.TemplateResponse(request, "partials/lab_run.html", context)


@router.get("/labs/{lab_id}/runs/{run_id}")
def run_status(
    lab_id: str, run_id: str, request: Request, templates: TemplatesDep, runner: LabRunnerDep
) -> Response:
    """The status panel of a run; once it has ended, the results come along out of band."""
    lab = _lab_or_none(lab_id)
    run = runner.get(run_id)
    if lab is None or run is None or run.lab_id != lab.id:
        if lab is not None and _is_htmx(request):
            # The server restarted and forgot the run: show the panel (and any result) again.
            context = _run_context(lab, None, runner)
            context["result_oob"] = True
            return templates.TemplateResponse(request, "partials/lab_run.html", context)
        return render_error(
            request,
            templates,
            404,
            "Run not found",
            "This lab run is not known to the server (runs are forgotten when it restarts). "
            "Open the lab again to see its cached result or to run it.",
            _LAB_LINKS,
        )
    context = _run_context(lab, run, runner)
    context["result_oob"] = not run.active
    if not _is_htmx(request):
        return RedirectResponse(f"/labs/{lab.id}", status_code=303)
    return templates.TemplateResponse(request, "partials/lab_run.html", context)


@router.get("/labs/{lab_id}/figures/{size}/{file}")
def figure(lab_id: str, size: Size, file: str, runner: LabRunnerDep) -> Response:
    """A figure of a cached result: only files the result names, from its cache entry."""
    lab = _lab_or_none(lab_id)
    cached = runner.cache.get(lab.id, size) if lab is not None else None
    path = cached.figure_path(file) if cached is not None else None
    if path is None:
        return Response("No such figure.", status_code=404, media_type="text/plain")
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "max-age=3600"})
