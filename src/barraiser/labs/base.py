"""What a lab is: its description, the context it runs in, and the result it produces.

A lab module defines ``LAB = Lab(...)`` with a ``run(ctx)`` function.  ``run`` reads data, runs
the experiment, and records what it found through the context: tables, figures, metrics and
claims.  A claim is a sentence from the model answer checked against the measured numbers; it is
reported whether or not it holds.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Size = Literal["fast", "full"]
ProgressFn = Callable[[str, float | None], None]


class LabError(Exception):
    """A lab cannot run (missing data, bad id, network touched); the message says what to do."""


class DatasetInfo(BaseModel):
    """Where a lab's data comes from and the terms it is used under."""

    id: str
    title: str
    licence: str
    citation: str
    origin: str = Field(description="Where the copy comes from (file, package or generator).")


class Claim(BaseModel):
    """A statement of the model answer and whether the measured numbers support it."""

    id: str
    text: str
    holds: bool
    evidence: str = Field(description="The numbers the verdict rests on, in words.")


class Table(BaseModel):
    title: str
    columns: list[str]
    rows: list[list[str | float | int | None]]


class FigureInfo(BaseModel):
    file: str = Field(description="PNG file name inside the lab's output folder.")
    caption: str


class LabResult(BaseModel):
    """Everything one run of a lab produced (saved as result.json beside the figures)."""

    id: str
    title: str
    question_id: str
    guide_question: int
    size: Size
    summary: str
    datasets: list[DatasetInfo]
    tables: list[Table] = Field(default_factory=list)
    figures: list[FigureInfo] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    metrics: dict[str, float] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)
    seconds: float = 0.0
    cache_key: str = ""
    cached: bool = False
    output_dir: str = ""

    def claim(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(f"lab {self.id} has no claim {claim_id!r}")

    @property
    def all_hold(self) -> bool:
        return all(c.holds for c in self.claims)


@dataclass(frozen=True)
class Lab:
    """A runnable experiment that backs the model answer of one question."""

    id: str
    title: str
    question_id: str
    guide_question: int
    summary: str
    datasets: Sequence[DatasetInfo]
    run: Callable[[LabContext], None]
    module: str = ""


@dataclass
class LabContext:
    """What a running lab writes to: figures go to ``out_dir``, the rest into the result."""

    size: Size
    out_dir: Path
    seed: int = 0
    on_progress: ProgressFn | None = None
    tables: list[Table] = field(default_factory=list)
    figures: list[FigureInfo] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    _started: float = field(default_factory=time.perf_counter)

    @property
    def fast(self) -> bool:
        """True for the small size used by tests (each lab picks what 'small' means)."""
        return self.size == "fast"

    def pick(self, fast: Any, full: Any) -> Any:
        """Return ``fast`` in fast mode and ``full`` otherwise (sizes, epochs, folds)."""
        return fast if self.fast else full

    def progress(self, message: str, fraction: float | None = None) -> None:
        """Report progress (``fraction`` in 0..1 when known)."""
        if self.on_progress is not None:
            self.on_progress(message, fraction)

    def metric(self, name: str, value: float) -> float:
        """Record a named number (claims and tests refer to these)."""
        number = float(value)
        if math.isnan(number):
            raise LabError(f"metric {name!r} is NaN: the experiment went wrong")
        self.metrics[name] = number
        return number

    def table(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Record a results table; floats are kept as numbers (rounded for display later)."""
        clean: list[list[str | float | int | None]] = []
        for row in rows:
            if len(row) != len(columns):
                raise LabError(f"table {title!r}: a row has {len(row)} cells for {len(columns)}")
            clean.append([_cell(v) for v in row])
        self.tables.append(Table(title=title, columns=list(columns), rows=clean))

    def new_figure(self, width: float = 7.0, height: float = 4.5) -> Figure:
        """A matplotlib Figure not tied to pyplot (safe in background threads)."""
        from matplotlib.figure import Figure

        return Figure(figsize=(width, height), layout="constrained")

    def save_figure(self, fig: Figure, name: str, caption: str) -> None:
        """Write ``fig`` as ``<name>.png`` in the output folder and record its caption."""
        file = f"{name}.png"
        self.out_dir.mkdir(parents=True, exist_ok=True)
        fig.savefig(self.out_dir / file, dpi=110, metadata={"Software": None})
        self.figures.append(FigureInfo(file=file, caption=caption))

    def claim(self, claim_id: str, text: str, holds: bool, evidence: str) -> Claim:
        """Record a claim of the model answer and whether the numbers support it."""
        made = Claim(id=claim_id, text=text, holds=bool(holds), evidence=evidence)
        self.claims.append(made)
        return made

    def note(self, text: str) -> None:
        """Record a caveat or an observation worth reading beside the numbers."""
        self.notes.append(text)


def _cell(value: Any) -> str | float | int | None:
    if value is None or isinstance(value, str | bool):
        return value if not isinstance(value, bool) else str(value).lower()
    if isinstance(value, int):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
