"""Web helpers for the labs: typed dependencies, number formatting and template globals."""

from __future__ import annotations

import functools
import logging
import math
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request

from barraiser.config import Settings
from barraiser.labs.base import Lab, LabError, Table
from barraiser.labs.registry import all_labs, labs_for_question
from barraiser.web.lab_runs import CachedLab, LabCache, LabRunner, QueuedLabRunner, Runs

logger = logging.getLogger(__name__)

_create_lock = threading.Lock()


def lab_cache_dir(settings: Settings) -> Path:
    """Where the web app reads and writes lab results: the CLI's cache, in the data folder."""
    return settings.data_dir / "cache" / "labs"


def _lab_runner(request: Request) -> Runs:
    state = request.app.state
    settings: Settings = state.settings
    with _create_lock:
        runner: Runs | None = getattr(state, "lab_runner", None)
        if runner is None:
            if settings.hosted and settings.broker_url:
                # Lab workers run the labs; the runs and their results are rows every web
                # process can read (each keeps a copy of a result in its own lab cache).
                from barraiser.labs import results
                from barraiser.labs.jobs import LabQueue

                restore = functools.partial(results.restore, state.store)
                cache = LabCache(lab_cache_dir(settings), restore)
                runner = QueuedLabRunner(cache, state.store, LabQueue(settings).send)
            else:
                runner = LabRunner(LabCache(lab_cache_dir(settings)))
            state.lab_runner = runner
    return runner


LabRunnerDep = Annotated[Runs, Depends(_lab_runner)]


def cached_results(cache: LabCache, lab_id: str) -> list[CachedLab]:
    """The cached results of a lab, full size first."""
    found = [cache.get(lab_id, "full"), cache.get(lab_id, "fast")]
    return [c for c in found if c is not None]


def format_cell(value: object, decimals: int | None = None) -> str:
    """A table cell for reading: thousands separators, decimals by size (or as given)."""
    if value is None:
        return "—"
    if isinstance(value, bool | str):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return "—" if math.isnan(value) else ("∞" if value > 0 else "-∞")
        if value.is_integer() and abs(value) < 1e15 and decimals is None:
            return f"{int(value):,}"
        places = decimals if decimals is not None else _decimals(abs(value))
        if places < 0 or _too_small(value, places):
            return _small(value)
        return f"{value:,.{places}f}"
    return str(value)


def _too_small(value: float, places: int) -> bool:
    """Whether ``places`` decimals would show less than two digits of a non-zero number (a
    learning rate of 0.001 among losses of 2.3 would read 0.00)."""
    return value != 0 and abs(value) < 10.0 ** (1 - places)


def _small(value: float) -> str:
    """A small number with its digits: ``0.001`` -> ``1e-3``, ``0.0125`` -> ``0.013``,
    ``0.000123`` -> ``1.23e-4``."""
    if abs(value) >= 0.01:
        return f"{value:.2g}"
    mantissa, exponent = f"{value:.2e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}e{int(exponent)}"


def _decimals(size: float) -> int:
    """Decimals for numbers up to ``size``: three significant digits or so; -1 means 1.2e-05."""
    if size >= 1000:
        return 0
    if size >= 10:
        return 1
    if size >= 1:
        return 2
    if size >= 0.001 or size == 0:
        return 3
    return -1


def table_rows(table: Table) -> list[list[tuple[str, bool]]]:
    """The cells of a results table as (text, is_number), one number format per column.

    A column of scores reads 0.853, 0.912 and 0.700, not 0.853, 0.91 and 0.7; a column of whole
    numbers keeps its thousands separators.
    """
    columns = len(table.columns)
    places: list[int | None] = []
    for index in range(columns):
        floats = [
            cell
            for row in table.rows
            if index < len(row) and isinstance(cell := row[index], float) and math.isfinite(cell)
        ]
        if not floats or all(f.is_integer() for f in floats):
            places.append(None)
            continue
        nonzero = [abs(f) for f in floats if f != 0]
        largest = max(nonzero, default=0.0)
        places.append(-1 if largest < 0.001 and nonzero else _decimals(largest))
    return [
        [
            (format_cell(cell, places[i] if i < columns else None), is_number(cell))
            for i, cell in enumerate(row)
        ]
        for row in table.rows
    ]


def numeric_columns(table: Table) -> list[bool]:
    """Which columns hold only numbers (their headings are right-aligned like their cells)."""
    return [
        any(is_number(row[i]) for row in table.rows if i < len(row))
        and all(row[i] is None or is_number(row[i]) for row in table.rows if i < len(row))
        for i in range(len(table.columns))
    ]


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def format_seconds(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def format_when(moment: datetime) -> str:
    """``2026-11-27 07:50 UTC``: unambiguous wherever the server runs."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def question_labs(question_id: str) -> list[Lab]:
    """The labs backing a question, for its page; a broken lab module hides the links only."""
    try:
        return labs_for_question(question_id)
    except (LabError, ImportError) as exc:
        logger.warning("Cannot list the labs of question %s: %s", question_id, exc)
        return []


def safe_all_labs() -> list[Lab]:
    """All labs (raises LabError with a sentence when a lab module is broken)."""
    try:
        return all_labs()
    except ImportError as exc:
        raise LabError(
            f"a lab module cannot be imported ({exc}); run `barraiser lab list` to see which"
        ) from None


TEMPLATE_GLOBALS: dict[str, Any] = {
    "question_labs": question_labs,
    "lab_table_rows": table_rows,
    "lab_numeric_columns": numeric_columns,
}
TEMPLATE_FILTERS: dict[str, Any] = {
    "lab_seconds": format_seconds,
    "lab_when": format_when,
}
