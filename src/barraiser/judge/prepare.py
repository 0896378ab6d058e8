"""Get a machine ready to judge: remove what killed judges left, build the C++ header.

Run at install (``barraiser judge prepare``, which ``make run`` calls) and, in the background,
when ``barraiser serve`` starts, so that no candidate's submit waits for either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from barraiser.judge.languages import cpp
from barraiser.judge.scratch import remove_stale_runs


@dataclass
class Prepared:
    """What :func:`prepare` did."""

    removed: list[Path] = field(default_factory=list)
    #: The precompiled header's folder (None: not built, or being built in the background).
    pch_dir: Path | None = None
    pch_building: bool = False


def prepare(*, background: bool) -> Prepared:
    """Remove the run folders of dead judge processes, then build the precompiled C++ header
    (in a background thread with ``background``, else now)."""
    done = Prepared(removed=remove_stale_runs())
    if background:
        done.pch_dir = cpp.precompiled_header_dir(build=False)
        done.pch_building = done.pch_dir is None and (
            cpp.start_precompiled_header_build() is not None
        )
    else:
        done.pch_dir = cpp.precompiled_header_dir()
    return done
