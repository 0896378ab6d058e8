"""JavaScript: Node.js from Debian's ``nodejs`` package.

V8's heap gets the problem's memory limit (``--max-old-space-size``), so a program that fills
it stops with "JavaScript heap out of memory", which is MLE; the cgroup adds room for Node
itself (code, young generation, buffers outside the heap) and bounds everything together.  The
box sets no address-space rlimit, so V8 may reserve its address space as it likes.  The stack
of the main thread is raised (``--stack-size``) for deep recursion, kept under the box's stack
rlimit so that running out of it is a RangeError (RE), never a crash.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, ClassVar

from barraiser.content.languages import LANGUAGE_FACTS
from barraiser.judge.languages.base import InterpretedLanguage
from barraiser.judge.result import Limits, RunResult, Status

if TYPE_CHECKING:
    from barraiser.content.problems import Signature

NODE = "/usr/bin/node"
#: The harness's channels: Node cannot dup, so the shell moves stdin to fd 3 and stdout to fd 4,
#: then gives Node /dev/null as stdin and stderr as stdout (see harness/javascript.py).
_HARNESS_FDS = 'exec 3<&0 4>&1 0</dev/null 1>&2; exec "$@"'
#: Loaded before the program (``--require``).  Node writes to a pipe asynchronously: a program
#: that prints without yielding to the event loop would queue all of it in memory (MLE, not OLE)
#: and lose what is queued at ``process.exit()``.  Blocking writes behave as in other languages.
PRELUDE_NAME = "prelude.js"
PRELUDE = """"use strict";
for (const stream of [process.stdout, process.stderr]) {
  const handle = stream._handle;
  if (handle && typeof handle.setBlocking === "function") handle.setBlocking(true);
}
"""
_OUT_OF_MEMORY = (b"JavaScript heap out of memory", b"Array buffer allocation failed")


class JavaScript(InterpretedLanguage, facts=LANGUAGE_FACTS["javascript"]):
    """Node.js (CommonJS), run straight from the source."""

    source_name = "main.js"
    #: References ship for a subset of the problems (content/problems/README.md).
    startup_s = 1.0
    self_test_program = (
        'const line = require("fs").readFileSync(0, "utf8").split("\\n")[0];\n'
        'console.log("hello, " + line);\n'
    )
    stdio_starter = (
        'const data = require("fs").readFileSync(0, "utf8").split(/\\s+/).filter(Boolean);\n'
        "\n"
        "// Collect the output and write it once: console.log per line is slow.\n"
        "const out = [];\n"
        "\n"
        'process.stdout.write(out.join("\\n") + "\\n");\n'
    )
    #: Room for Node itself on top of the V8 heap (code, young generation, buffers).
    runtime_overhead_mib: ClassVar[int] = 64
    #: The most stack the main thread gets, in KiB.
    max_stack_kib: ClassVar[int] = 64 * 1024

    def run_limits(self, limits: Limits) -> Limits:
        return dataclasses.replace(
            limits, memory_limit_mib=limits.memory_limit_mib + self.runtime_overhead_mib
        )

    def run_argv(self, limits: Limits) -> list[str]:
        # The box's stack rlimit is the run's memory limit; half of it stays free for Node.
        stack_kib = min(self.max_stack_kib, limits.memory_limit_mib * 512)
        return [
            NODE,
            f"--max-old-space-size={limits.memory_limit_mib}",
            f"--stack-size={stack_kib}",
            "--require",
            f"{{src}}/{PRELUDE_NAME}",
            "{src}/main.js",
        ]

    def program_files(self, source: str) -> dict[str, str]:
        return {self.source_name: source, PRELUDE_NAME: PRELUDE}

    def harness_run_argv(self, limits: Limits) -> list[str]:
        return ["/bin/sh", "-c", _HARNESS_FDS, "harness", *self.run_argv(limits)]

    def classify(self, result: RunResult) -> RunResult:
        if result.status is Status.RE and any(m in result.stderr for m in _OUT_OF_MEMORY):
            return dataclasses.replace(result, status=Status.MLE)
        return result

    def harness(self, signature: Signature, source: str) -> dict[str, str]:
        from barraiser.judge.harness import javascript

        return {**javascript.build(signature, source), PRELUDE_NAME: PRELUDE}

    def function_starter(self, signature: Signature) -> str:
        from barraiser.judge.harness import javascript

        return javascript.starter(signature)
