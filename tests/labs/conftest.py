"""Lab tests run each lab at its fast size, uncached, in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from barraiser.labs import LabResult, run_lab


@pytest.fixture
def run_fast(tmp_path: Path) -> Callable[[str], LabResult]:
    """Run a lab in fast mode with no cache; figures land in ``tmp_path / 'out'``."""

    def run(lab_id: str) -> LabResult:
        result = run_lab(
            lab_id,
            fast=True,
            out_dir=tmp_path / "out",
            cache_dir=tmp_path / "cache",
            use_cache=False,
        )
        assert result.claims, "a lab must check claims"
        for figure in result.figures:
            data = (tmp_path / "out" / figure.file).read_bytes()
            assert data.startswith(b"\x89PNG"), figure.file
        return result

    return run
