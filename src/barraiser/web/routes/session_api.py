"""Placeholder router, filled in by the mock-loop work (issue 5)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["sessions"])
