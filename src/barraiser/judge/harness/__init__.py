"""Harnesses for function-style problems: one small generator per language.

Protocol (the same in every language):

* stdin: one line per test, a JSON array of the arguments in signature order; the harness
  reads all of stdin before the candidate's code can run.
* The harness keeps the process's original stdout (fd 1) as its private **result channel** and
  points fd 1 (and the language's stdout object) at stderr, so whatever the candidate prints goes
  to the stderr pipe and cannot corrupt the results.  Before each test it writes
  ``@@barraiser-test <k>@@`` on stderr, so the candidate's output can be attributed to a test.
* For test ``k`` it writes ``@@R <k> <cpu_s> <json>`` on the result channel: the CPU time of the
  call measured inside the process and the result as canonical JSON (doubles round-trippable;
  NaN and infinities as ``NaN``/``Infinity``, which Python's json module reads).  When a call
  uses more than the per-test CPU limit (argv[1] for C++, a constant elsewhere), the harness
  writes ``@@TLE <k>`` and exits, so one slow test does not eat the budget of all tests.
* ``@@END`` after the last test.

A candidate who deliberately writes to the result channel gains nothing: the expected answers
never enter the box and the comparison happens outside, and the sandbox's own CPU, memory and
wall limits bound the whole process whatever the harness reports.  The host reads the channel
through the sandbox's capped stdout pipe, never from a file in the box.
"""

from __future__ import annotations

from barraiser.content.problems import Signature

RESULT = "@@R"
TLE = "@@TLE"
END = "@@END"
TEST_MARKER = "@@barraiser-test {k}@@"
TLE_EXIT_CODE = 124


def element(type_: str) -> str:
    """``int[][]`` -> ``int[]`` -> ``int``."""
    return type_[:-2]


def build(language: str, signature: Signature, source: str, time_limit_s: float) -> dict[str, str]:
    """The files of the run (name -> text) for ``language``."""
    from barraiser.judge.harness import cpp, java, python

    builders = {"python": python.build, "cpp": cpp.build, "java": java.build}
    return builders[language](signature, source, time_limit_s)
