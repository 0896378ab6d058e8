"""FastAPI's test client, imported once for every web test.

Starlette warns when its test client falls back to httpx instead of httpx2 (both work), and the
test run turns warnings into errors, so the import is made here with that one warning silenced.
"""

from __future__ import annotations

import warnings

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore",
        message="Using `httpx` with `starlette.testclient`",
        category=StarletteDeprecationWarning,
    )
    from fastapi.testclient import TestClient

__all__ = ["TestClient"]
