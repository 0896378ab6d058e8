"""Content: schemas and loaders for questions, Leadership Principles, competencies and loops.

The names below are imported on first use, so that a part that needs one module of this
package (the judge reads ``content.problems`` and ``content.languages``) does not pay for
building every question schema.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "Bank": "loader",
    "ContentError": "loader",
    "ContentProblem": "loader",
    "default_content_dir": "loader",
    "load_bank": "loader",
    "load_bank_collecting": "loader",
    "FREE_TEXT_KINDS": "schemas",
    "QUESTION_KINDS": "schemas",
    "RATINGS": "schemas",
    "Loop": "schemas",
    "Question": "schemas",
    "Rubric": "schemas",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
