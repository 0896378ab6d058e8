"""Harnesses for function-style problems: one small generator per language.

Each language's ``harness`` method (:mod:`barraiser.judge.languages`) calls its module here.

Protocol (the same in every language; the host's side is :mod:`barraiser.judge.pacing`):

* The harness keeps the process's original stdout (fd 1) as its private **result channel** and
  points fd 1 (and the language's stdout object) at stderr, so whatever the candidate prints goes
  to the stderr pipe and cannot corrupt the results.
* Once the candidate's code is loaded it writes ``@@READY`` on the result channel.
* It keeps the original stdin as the **test channel** and points fd 0 (and the language's stdin
  object) at an empty input, so a candidate who reads stdin gets end-of-file, not a test.
  It reads the channel one line at a time: each line is one test, a JSON array of the arguments
  in signature order.  The host writes a test's line only after the previous test's result, so
  the candidate never sees a test's input before that test's time starts.
* Before each test it writes ``@@barraiser-test <k>@@`` on stderr, so the candidate's output can
  be attributed to a test; after it, ``@@R <k> <json>`` on the result channel: the result as
  canonical JSON (doubles round-trippable; NaN and infinities as ``NaN``/``Infinity``, which
  Python's json module reads).
* At the end of stdin it writes ``@@END`` and exits.

The harness measures no time and enforces no limit: the host reads the box's CPU clock at each
boundary and stops a test that passes its limit, so patching the language's clocks or timers
changes nothing.  A candidate who writes to the result channel gains nothing either: the
expected answers never enter the box, the comparison happens outside, and a line out of turn
is a verdict against the candidate.  The host reads the channel through the sandbox's capped
stdout pipe, never from a file in the box.
"""

from __future__ import annotations

TEST_MARKER = "@@barraiser-test {k}@@"


def element(type_: str) -> str:
    """``int[][]`` -> ``int[]`` -> ``int``."""
    return type_[:-2]


def camel(name: str) -> str:
    """``max_profit`` -> ``maxProfit`` (the method and parameter names of C++, Java and
    JavaScript)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)
