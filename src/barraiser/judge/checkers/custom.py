"""The problem's own ``checker.py`` (trusted content): ``check(input, output, expected)``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from barraiser.judge.checkers import CheckResult

_LOADED: dict[Path, Any] = {}


def _module(path: Path) -> Any:
    if path not in _LOADED:
        spec = importlib.util.spec_from_file_location(f"_barraiser_checker_{len(_LOADED)}", path)
        if spec is None or spec.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _LOADED[path] = module
    return _LOADED[path]


def check(
    output: Any, expected: Any, *, checker_path: Path, input: Any = None, **opts: Any
) -> CheckResult:
    ok, message = _module(checker_path).check(input, output, expected)
    return CheckResult(bool(ok), str(message or ""))
