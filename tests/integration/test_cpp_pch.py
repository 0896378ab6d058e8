"""The precompiled ``<bits/stdc++.h>``: built once on the host, bound read-only into the C++
compile box, used with the same flags, and a clean fallback when it is missing or broken."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from barraiser.judge.languages import LANGUAGES, self_test
from barraiser.judge.languages import cpp as cpp_module
from barraiser.judge.result import Status
from barraiser.judge.sandbox import Sandbox, remove_tree, runs_root

SOURCE = (
    b"#include <bits/stdc++.h>\nint main() { std::vector<int> v{1, 2}; std::cout << v.size(); }\n"
)


def _compile(language: cpp_module.Cpp, sandbox: Sandbox, extra: list[str]) -> tuple[Status, str]:
    build = Path(tempfile.mkdtemp(prefix="build-", dir=runs_root()))
    try:
        result = sandbox.run(
            [*language.compile_argv(), *extra],
            limits=language.compile_limits,
            files={"main.cpp": SOURCE},
            build_dir=build,
            build_writable=True,
            binds=language.compile_binds(),
        )
        return result.status, result.stderr.decode("utf-8", "replace")
    finally:
        remove_tree(build)


def test_the_precompiled_header_is_built_and_used(sandbox: Sandbox) -> None:
    cpp = LANGUAGES["cpp"]
    assert isinstance(cpp, cpp_module.Cpp)
    folder = cpp_module.precompiled_header_dir()
    assert folder is not None and folder.parent == cpp_module.PCH_ROOT
    header = folder / "bits" / "stdc++.h.gch"
    assert header.stat().st_mode & 0o777 == 0o644 and header.stat().st_uid == os.geteuid()
    assert "-I{pch}" in cpp.compile_argv() and cpp.compile_binds() == {"pch": folder}
    status, stderr = _compile(cpp, sandbox, ["-H", "-Winvalid-pch"])
    assert status is Status.OK, stderr
    # g++ -H marks a precompiled header it used with "!".
    assert stderr.splitlines()[0] == "! /pch/bits/stdc++.h.gch", stderr[:500]


def test_missing_header_falls_back(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpp_module, "PCH_ROOT", Path("/proc/no-such-folder/pch"))
    monkeypatch.setattr(cpp_module, "_pch_dirs", {})
    cpp = cpp_module.Cpp()
    assert cpp.compile_binds() == {} and "-I{pch}" not in cpp.compile_argv()
    ok, result = self_test(cpp, sandbox)
    assert ok, result


def test_broken_header_falls_back(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="pch-", dir=runs_root()))
    try:
        (folder / "bits").mkdir()
        (folder / "bits" / "stdc++.h.gch").write_bytes(b"gpch.013 not a header")
        for path in (folder, folder / "bits"):
            path.chmod(0o755)
        (folder / "bits" / "stdc++.h.gch").chmod(0o644)
        monkeypatch.setattr(cpp_module, "precompiled_header_dir", lambda **_: folder)
        cpp = cpp_module.Cpp()
        status, stderr = _compile(cpp, sandbox, [])
        assert status is Status.OK, stderr
    finally:
        remove_tree(folder)


def test_bind_names_are_checked(sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="bad bind name"):
        sandbox.run(["true"], limits=cpp_module.Cpp.compile_limits, binds={"../etc": Path("/")})
