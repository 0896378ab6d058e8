"""The labs' JSON API: the labs, their cached results, and runs in the background.

``POST /api/labs/{id}/runs`` answers 202 at once; poll ``GET /api/labs/runs/{run_id}`` until
``status`` is ``done`` (the result is then included) or ``failed`` (``error`` says why).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, status

from barraiser.labs.base import Lab, LabError, LabResult, Size
from barraiser.labs.registry import get_lab
from barraiser.web.lab_models import LabRunIn, LabRunOut, LabSummary
from barraiser.web.lab_runs import LabRun, LabRunsBusy, Runs
from barraiser.web.lab_views import LabRunnerDep, cached_results, safe_all_labs
from barraiser.web.models import ErrorOut

router = APIRouter(prefix="/api/labs", tags=["labs"])

_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No lab (or run) with this id."}
}
_REFUSED: dict[int | str, dict[str, Any]] = {
    **_NOT_FOUND,
    429: {"model": ErrorOut, "description": "Too many lab runs are waiting already."},
}


def find_lab(lab_id: str) -> Lab:
    """The lab, or a 404 whose message lists where the ids are."""
    try:
        return get_lab(lab_id)
    except LabError:
        raise HTTPException(
            404, f"No lab with id {lab_id!r}. GET /api/labs lists the ids."
        ) from None


def run_out(run: LabRun, runner: Runs) -> LabRunOut:
    """The API view of a run; the result is read from the cache once the run is done."""
    result = None
    if run.status == "done":
        cached = runner.cache.get(run.lab_id, run.size)
        result = cached.result if cached is not None else None
    return LabRunOut(
        id=run.id,
        lab_id=run.lab_id,
        size=run.size,
        status=run.status,
        message=run.message,
        fraction=run.fraction,
        error=run.error,
        queued_at=run.queued_at,
        started_at=run.started_at,
        finished_at=run.finished_at,
        result=result,
    )


@router.get("")
def list_labs(runner: LabRunnerDep) -> list[LabSummary]:
    """Every lab in the order of the guide's questions, with what is cached."""
    try:
        labs = safe_all_labs()
    except LabError as exc:
        raise HTTPException(500, str(exc)) from None
    return [
        LabSummary.of(lab, [c.result for c in cached_results(runner.cache, lab.id)]) for lab in labs
    ]


@router.get("/runs/{run_id}", responses=_NOT_FOUND)
def get_run(run_id: str, runner: LabRunnerDep) -> LabRunOut:
    """Where a run is (queued, running, done, failed), its progress, and the result when done.

    Runs are remembered by this server process only (in hosted mode with lab workers, by the
    database); their results stay in the cache.
    """
    run = runner.get(run_id)
    if run is None:
        raise HTTPException(
            404, f"No lab run with id {run_id!r} (runs are forgotten when the server restarts)."
        )
    return run_out(run, runner)


@router.get("/{lab_id}", responses=_NOT_FOUND)
def get_lab_result(lab_id: str, runner: LabRunnerDep, size: Size | None = None) -> LabResult | None:
    """The cached result of the lab's current version (full size first), or null.

    ``size`` asks for one size only: ``full`` or ``fast``.
    """
    lab = find_lab(lab_id)
    cached = runner.cache.get(lab.id, size) if size else runner.cache.best(lab.id)
    return cached.result if cached is not None else None


@router.post("/{lab_id}/runs", status_code=status.HTTP_202_ACCEPTED, responses=_REFUSED)
def start_run(lab_id: str, runner: LabRunnerDep, body: LabRunIn | None = None) -> LabRunOut:
    """Run the lab in the background (one lab at a time; others wait in a short queue).

    A run of the same lab and size already under way is returned instead of a new one; a
    result already cached for this version comes back at once.
    """
    lab = find_lab(lab_id)
    fast = body.fast if body is not None else False
    try:
        run = runner.start(lab.id, "fast" if fast else "full")
    except LabRunsBusy as exc:
        raise HTTPException(429, str(exc)) from None
    return run_out(run, runner)
