"""Lab results in the database (hosted mode), so that nothing but the database and the broker
is shared between a lab worker and the web processes, whatever machines they run on.

A lab worker runs a lab into its own lab cache (``labs.runner``), then :func:`save` copies the
entry (``result.json`` and its figures) into the ``lab_results`` tables. A web process that
finds no entry in its own cache calls :func:`restore`, which writes the stored entry into that
cache (in a temporary folder renamed into place, so a reader never sees half an entry); from
then on the web reads its local copy as it does in local mode.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from barraiser.labs.base import LabResult, Size
from barraiser.storage import private_dirs

if TYPE_CHECKING:
    from barraiser.store import Store

RESULT_FILE = "result.json"


def save(store: Store, lab_id: str, size: Size, entry: Path) -> bool:
    """Copy the cache entry ``entry`` of ``lab_id`` at ``size`` into the database (kept as
    it is when that version is there already); False when the entry is not a whole result."""
    from sqlalchemy import select

    from barraiser.store.models import LabResultFile, LabResultRow

    try:
        text = (entry / RESULT_FILE).read_text(encoding="utf-8")
        result = LabResult.model_validate_json(text)
        files = {f.file: (entry / f.file).read_bytes() for f in result.figures}
    except (OSError, ValueError):
        return False
    key = _key(entry, size)
    with store.session() as session:
        found = session.scalars(
            select(LabResultRow).where(
                LabResultRow.lab_id == lab_id,
                LabResultRow.size == size,
                LabResultRow.cache_key == key,
            )
        ).first()
        if found is not None:
            return True
        row = LabResultRow(lab_id=lab_id, size=size, cache_key=key, result_json=text)
        row.files = [LabResultFile(name=name, data=data) for name, data in files.items()]
        session.add(row)
    return True


def restore(store: Store, lab_id: str, size: Size, entry: Path) -> bool:
    """Write the stored result of ``lab_id`` at ``size`` and the version ``entry`` names into
    ``entry``; False when the database has none."""
    from sqlalchemy import select

    from barraiser.store.models import LabResultRow

    key = _key(entry, size)
    with store.session() as session:
        row = session.scalars(
            select(LabResultRow).where(
                LabResultRow.lab_id == lab_id,
                LabResultRow.size == size,
                LabResultRow.cache_key == key,
            )
        ).first()
        if row is None:
            return False
        text = row.result_json
        files = {f.name: f.data for f in row.files}
    for name in files:
        if Path(name).name != name or name in ("", ".", "..", RESULT_FILE):
            return False  # a figure is a plain file name in the entry, nothing else
    private_dirs(entry.parent)
    scratch = Path(tempfile.mkdtemp(prefix=f".{size}-", dir=entry.parent))
    try:
        for name, data in {**files, RESULT_FILE: text.encode("utf-8")}.items():
            fd = os.open(scratch / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
        try:
            os.rename(scratch, entry)
        except OSError:
            if not (entry / RESULT_FILE).is_file():  # not another process's copy: a real error
                raise
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(scratch)
    return True


def _key(entry: Path, size: Size) -> str:
    """The version part of a cache entry's name (``<size>-<key>``)."""
    return entry.name.removeprefix(f"{size}-")
