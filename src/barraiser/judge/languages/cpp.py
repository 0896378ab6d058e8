"""C++17 with g++ -O2, with ``<bits/stdc++.h>`` precompiled once per machine when possible.

The header is built by ``barraiser judge prepare`` (``make run`` runs it) or in a background
thread when ``barraiser serve`` starts; a compile never waits for it: while it is missing, a
compile goes without it and starts the background build.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from barraiser.content.languages import LANGUAGE_FACTS
from barraiser.judge.languages.base import CompiledLanguage
from barraiser.judge.result import Limits

if TYPE_CHECKING:
    from barraiser.content.problems import Signature

GXX = "/usr/bin/g++"
#: The code-generation flags; the precompiled header is built with exactly these.
FLAGS = ("-O2", "-std=c++17")
#: Where precompiled headers live on the host, outside every box (bound read-only into it).
PCH_ROOT = Path("/var/cache/barraiser/pch")
PCH_BUILD_TIMEOUT_S = 120.0
_pch_dirs: dict[str, Path | None] = {}
_builder: threading.Thread | None = None
_builder_lock = threading.Lock()


@functools.cache
def _pch_key() -> str | None:
    """What the header depends on: the compiler's file (an upgrade replaces it) and the flags.

    Read from the file rather than by running ``g++ -dumpfullversion``, which costs a process
    start on every judge's first compile; g++ itself refuses a header built by another version
    (and compiles without it)."""
    try:
        real = os.path.realpath(GXX)
        info = os.stat(real)
    except OSError:
        return None
    text = f"{real}|{info.st_size}|{info.st_mtime_ns}|{FLAGS}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def precompiled_header_dir(*, build: bool = True) -> Path | None:
    """A host folder holding ``bits/stdc++.h.gch`` for :data:`FLAGS`, built on first use.

    None (compile without it) when it cannot be built: not root, no g++, a failed build.  The
    header is trusted input compiled on the host, once per machine and compiler.
    """
    key = _pch_key()
    if key is None:
        return None
    if key in _pch_dirs:
        return _pch_dirs[key]
    folder = PCH_ROOT / key
    header = folder / "bits" / "stdc++.h.gch"
    if not header.is_file() and (not build or not _build_pch(folder)):
        return None
    _pch_dirs[key] = folder
    return folder


def start_precompiled_header_build() -> threading.Thread | None:
    """Build the header in a background thread unless it exists; return the thread (None when
    there is nothing to do).  One attempt per process: a build that failed is not retried on
    every compile (``barraiser judge prepare`` says why it fails)."""
    global _builder
    if precompiled_header_dir(build=False) is not None:
        return None
    with _builder_lock:
        if _builder is not None:
            return _builder
        _builder = threading.Thread(
            target=precompiled_header_dir, name="barraiser-pch", daemon=True
        )
        _builder.start()
        return _builder


def _build_pch(folder: Path) -> bool:
    try:
        PCH_ROOT.mkdir(parents=True, exist_ok=True)
        for path in (PCH_ROOT.parent, PCH_ROOT):
            os.chmod(path, 0o755)
        with open(PCH_ROOT / ".lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if (folder / "bits" / "stdc++.h.gch").is_file():
                return True  # another process built it meanwhile
            for stale in PCH_ROOT.glob(".build-*"):
                # Left by a builder killed mid-build (we hold the lock, so none is running).
                if stale.is_dir() and not stale.is_symlink():
                    shutil.rmtree(stale, ignore_errors=True)
            tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=PCH_ROOT))
            try:
                (tmp / "bits").mkdir()
                (tmp / "wrap.h").write_text("#include <bits/stdc++.h>\n")
                done = subprocess.run(
                    [GXX, *FLAGS, "-x", "c++-header", str(tmp / "wrap.h"),
                     "-o", str(tmp / "bits" / "stdc++.h.gch")],
                    capture_output=True, timeout=PCH_BUILD_TIMEOUT_S,
                )  # fmt: skip
                if done.returncode != 0:
                    return False
                (tmp / "wrap.h").unlink()
                for path in (tmp, tmp / "bits"):
                    os.chmod(path, 0o755)
                os.chmod(tmp / "bits" / "stdc++.h.gch", 0o644)
                os.rename(tmp, folder)
                return True
            finally:
                if tmp.exists():
                    shutil.rmtree(tmp, ignore_errors=True)
    except (OSError, subprocess.SubprocessError):
        with contextlib.suppress(OSError):
            return (folder / "bits" / "stdc++.h.gch").is_file()
        return False


class Cpp(CompiledLanguage, facts=LANGUAGE_FACTS["cpp"]):
    """GNU C++17, optimised, statically sized like the common online judges."""

    source_name = "main.cpp"
    startup_s = 0.5
    stdio_starter = (
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    \n    return 0;\n}\n"
    )
    self_test_program = (
        "#include <iostream>\n#include <string>\n"
        "int main() { std::string s; std::getline(std::cin, s);"
        ' std::cout << "hello, " << s << "\\n"; }\n'
    )

    def compile_argv(self) -> list[str]:
        pch = ["-I{pch}"] if self.compile_binds() else []
        return [GXX, *FLAGS, "-pipe", *pch, "-o", "{build}/main", "{src}/main.cpp", "-lm"]

    def compile_binds(self) -> dict[str, Path]:
        folder = precompiled_header_dir(build=False)
        if folder is None:
            start_precompiled_header_build()  # for later compiles; this one goes without
            return {}
        return {"pch": folder}

    def run_argv(self, limits: Limits) -> list[str]:
        return ["{build}/main"]

    def harness(self, signature: Signature, source: str) -> dict[str, str]:
        from barraiser.judge.harness import cpp

        return cpp.build(signature, source)

    def function_starter(self, signature: Signature) -> str:
        from barraiser.judge.harness import cpp

        return cpp.starter(signature)
