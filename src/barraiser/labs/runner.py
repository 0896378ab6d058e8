"""Runs a lab: fixed seeds, no network, results cached by code and data version."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import logging
import random
import shutil
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from barraiser import __version__
from barraiser.labs.base import LabContext, LabError, LabResult, ProgressFn, Size
from barraiser.labs.data import DATA_DIR, FASHION_MNIST_DIR, fingerprint
from barraiser.labs.registry import get_lab
from barraiser.storage import private_dirs

logger = logging.getLogger(__name__)

SEED = 20261127
_LIBRARIES = ("numpy", "scikit-learn", "pandas", "scipy", "torch", "xgboost-cpu", "statsmodels")


def default_cache_dir() -> Path:
    from barraiser.config import get_settings

    return get_settings().data_dir / "cache" / "labs"


def cache_key(lab_id: str, size: Size) -> str:
    """Changes when the lab's code, the shared lab code, its data or a library version change."""
    lab = get_lab(lab_id)
    digest = hashlib.sha256(f"{__version__}|{lab_id}|{size}|{SEED}".encode())
    module = sys.modules[lab.module]
    here = Path(__file__).parent
    for source in (
        Path(str(module.__file__)),
        here / "base.py",
        here / "data.py",
        here / "shared.py",
    ):
        digest.update(source.read_bytes())
    files: list[Path] = []
    for dataset in lab.datasets:
        folder = DATA_DIR / dataset.id
        if folder.is_dir():
            files.extend(p for p in folder.iterdir() if p.is_file())
        if dataset.id == "fashion-mnist" and FASHION_MNIST_DIR.is_dir():
            files.extend(FASHION_MNIST_DIR.iterdir())
    digest.update(fingerprint(files).encode())
    digest.update(_library_versions().encode())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def _library_versions() -> str:
    """Versions of the libraries whose upgrade can change a lab's numbers (read once)."""
    found = []
    for name in _LIBRARIES:
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            found.append(f"{name}={importlib.metadata.version(name)}")
    return ";".join(found)


def run_lab(
    lab_id: str,
    *,
    fast: bool = False,
    out_dir: Path | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    on_progress: ProgressFn | None = None,
) -> LabResult:
    """Run one lab (or return its cached result) and write figures and result.json."""
    size: Size = "fast" if fast else "full"
    key = cache_key(lab_id, size)
    entry = (cache_dir or default_cache_dir()) / lab_id / f"{size}-{key}"
    cached = read_cached(entry) if use_cache else None
    if cached is not None:
        result = cached.model_copy(update={"cached": True})
    else:
        result = _run_fresh(lab_id, size, key, entry, on_progress)
    if out_dir is not None and out_dir.resolve() != entry.resolve():
        out_dir.mkdir(parents=True, exist_ok=True)
        for figure in result.figures:
            shutil.copy2(entry / figure.file, out_dir / figure.file)
        result = result.model_copy(update={"output_dir": str(out_dir)})
        (out_dir / "result.json").write_text(result.model_dump_json(indent=2), encoding="utf-8")
    return result


def cache_entry(lab_id: str, size: Size, cache_dir: Path | None = None) -> Path:
    """The folder holding the lab's result at its current version and this size."""
    return (cache_dir or default_cache_dir()) / lab_id / f"{size}-{cache_key(lab_id, size)}"


def cached_result(
    lab_id: str, fast: bool = False, cache_dir: Path | None = None
) -> LabResult | None:
    """The cached result of the lab at its current version, if it has been run."""
    return read_cached(cache_entry(lab_id, "fast" if fast else "full", cache_dir))


def read_cached(entry: Path) -> LabResult | None:
    """The result stored in a cache entry, or None when it is missing, unreadable or partial."""
    path = entry / "result.json"
    try:
        if not path.is_file():
            return None
        result = LabResult.model_validate_json(path.read_text(encoding="utf-8"))
        if not all((entry / f.file).is_file() for f in result.figures):
            return None
    except ValueError:
        return None
    except OSError as exc:  # e.g. a cache folder another user (root) made: treat it as missing
        logger.warning(
            "Cannot read the lab result %s (%s): it is treated as not run; give the folder back "
            "to the user this process runs as, or delete it",
            path,
            exc,
        )
        return None
    return result


def _run_fresh(
    lab_id: str, size: Size, key: str, entry: Path, on_progress: ProgressFn | None
) -> LabResult:
    lab = get_lab(lab_id)
    private_dirs(entry.parent)
    # mkdtemp makes it 0700; its files are made 0600 before it takes the entry's place.
    scratch = Path(tempfile.mkdtemp(prefix=f".{size}-", dir=entry.parent))
    ctx = LabContext(size=size, out_dir=scratch, seed=SEED, on_progress=on_progress)
    started = time.perf_counter()
    try:
        _seed_everything(SEED)
        with no_network():
            lab.run(ctx)
        if not ctx.claims:
            raise LabError(f"lab {lab_id} checked no claim: every lab must check its claims")
        result = LabResult(
            id=lab.id,
            title=lab.title,
            question_id=lab.question_id,
            guide_question=lab.guide_question,
            size=size,
            summary=lab.summary,
            datasets=list(lab.datasets),
            tables=ctx.tables,
            figures=ctx.figures,
            claims=ctx.claims,
            metrics=ctx.metrics,
            notes=ctx.notes,
            seconds=round(time.perf_counter() - started, 2),
            cache_key=key,
            output_dir=str(entry),
        )
        (scratch / "result.json").write_text(result.model_dump_json(indent=2), encoding="utf-8")
        for written in scratch.rglob("*"):
            if written.is_file() and not written.is_symlink():
                written.chmod(0o600)
        if entry.exists():
            shutil.rmtree(entry)
        scratch.rename(entry)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
    return result


def _seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % (2**32))
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(seed)


class NetworkBlocked(LabError):
    """A lab tried to open a network connection; labs must work offline."""


_guarded = threading.local()
_install_lock = threading.Lock()
_installed = False


def _guard(original: Any, what: str) -> Any:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if getattr(_guarded, "depth", 0) > 0:
            target = args[1] if len(args) > 1 else kwargs.get("address", args[0] if args else "")
            raise NetworkBlocked(
                f"a lab tried to reach the network ({what} {target!r}); labs must run offline"
            )
        return original(*args, **kwargs)

    return guarded


def _install_guards() -> None:
    global _installed
    with _install_lock:
        if _installed:
            return
        sock = socket.socket
        sock.connect = _guard(sock.connect, "connect")  # type: ignore[method-assign]
        sock.connect_ex = _guard(sock.connect_ex, "connect")  # type: ignore[method-assign]
        sock.sendto = _guard(sock.sendto, "sendto")  # type: ignore[method-assign]
        socket.getaddrinfo = _guard(socket.getaddrinfo, "getaddrinfo")
        socket.create_connection = _guard(socket.create_connection, "connect")
        _installed = True


@contextlib.contextmanager
def no_network() -> Iterator[None]:
    """Refuse Python-level network access from this thread while the block runs."""
    _install_guards()
    _guarded.depth = getattr(_guarded, "depth", 0) + 1
    try:
        yield
    finally:
        _guarded.depth -= 1


def result_as_json(result: LabResult) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2)
