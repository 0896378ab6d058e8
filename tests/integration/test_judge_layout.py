"""The judge stands alone: it imports none of web, store or interview."""

from __future__ import annotations

import subprocess
import sys

from barraiser.judge.seccomp import DENIED_X86_64, build_filter


def test_judge_imports_no_web_store_or_interview() -> None:
    code = (
        "import sys, barraiser.judge, barraiser.judge.languages, barraiser.cli.judge; "
        "print(','.join(m for m in sys.modules if m.startswith(('barraiser.web', "
        "'barraiser.store', 'barraiser.interview', 'fastapi', 'sqlalchemy'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_seccomp_filter_is_whole_bpf_instructions() -> None:
    program = build_filter()
    assert len(program) % 8 == 0
    # Two instructions per denied call plus the fixed prologue and epilogue.
    assert len(program) // 8 == 2 * len(DENIED_X86_64) + 6 + 8
    assert DENIED_X86_64["ptrace"] == 101 and DENIED_X86_64["bpf"] == 321
