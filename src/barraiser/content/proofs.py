"""The record of proved problems: which files each problem had when the sandbox last proved it.

``barraiser content check --judge --record`` (``make content-proof``) writes
``problems/proved.json`` of the shipped content: problem id -> the digest of every file of its
folder (:meth:`LoadedProblem.files_digest`). ``--changed`` then proves only the problems whose
files differ from the record (new ones included), which is what CI runs: a problem nobody
touched was proved by the last full run, and the full run stays a separate, slower target.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from barraiser.content.problems import LoadedProblem

RECORD_FILE = "proved.json"


def record_path(content_root: Path) -> Path:
    return content_root / "problems" / RECORD_FILE


def read_record(content_root: Path) -> dict[str, str]:
    """Problem id -> files digest at its last proof; empty when nothing was recorded."""
    path = record_path(content_root)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError(
            f"{path} is not a JSON object of problem id -> digest; delete it and run "
            "`make content-proof` to write it again"
        )
    return dict(data)


def changed(problems: Iterable[LoadedProblem], record: Mapping[str, str]) -> list[LoadedProblem]:
    """The problems whose files differ from the record (or that it does not know)."""
    return [p for p in problems if record.get(p.id) != p.files_digest()]


def write_record(
    content_root: Path,
    proved: Iterable[LoadedProblem],
    failed: Iterable[str],
    known: Iterable[str],
) -> Path:
    """Record the proved problems' digests; drop failed ones and problems no longer shipped."""
    record = read_record(content_root)
    for problem in proved:
        record[problem.id] = problem.files_digest()
    for problem_id in failed:
        record.pop(problem_id, None)
    shipped = set(known)
    record = {k: v for k, v in sorted(record.items()) if k in shipped}
    path = record_path(content_root)
    path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
