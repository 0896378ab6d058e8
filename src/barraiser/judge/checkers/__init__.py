"""Checkers: each module has ``check(output, expected, **opts) -> CheckResult``.

Function-style outputs are JSON values (already parsed); stdio outputs are text.  Messages may
quote the data, so the runner shows them for sample tests only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CheckResult:
    """Whether the output is accepted, and a short reason when it is not."""

    ok: bool
    message: str = ""


def canonical(value: Any) -> str:
    """One spelling per JSON value (bools stay distinct from numbers)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def short(value: Any, limit: int = 200) -> str:
    """A value for a message, cut to ``limit`` characters."""
    text = value if isinstance(value, str) else canonical(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def mismatch(output: Any, expected: Any) -> CheckResult:
    return CheckResult(False, f"expected {short(expected)}, got {short(output)}")
