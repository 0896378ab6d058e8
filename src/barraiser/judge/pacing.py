"""Host-side pacing and timing of a function-style batch: one test at a time, on the host's clock.

The candidate's process cannot be trusted to time itself (it can replace its language's clocks
and timers), so the host does it.  The harness and the host talk over the box's stdin and stdout:

* the harness writes ``@@READY`` once the candidate's code is loaded;
* the host then reads the box's CPU clock (the slot cgroup's usage, or the process tree's
  ``/proc`` times) and writes the input of test 0, one line;
* the harness runs the test and writes ``@@R <k> <json>``; the host reads the clock again, which
  ends test ``k`` and starts test ``k + 1``, whose input it writes only now;
* after the last result the host closes stdin and the harness writes ``@@END`` and exits.

So a test's time is the CPU of every thread of every process of the box between the host's
reading of two boundaries, and the host stops the run the moment a test's window passes its
limit.  The candidate can write on the channel too, but forging gains nothing: it cannot see a
test's input before that test's window opens, every CPU-second after ``@@READY`` falls in some
test's window, the start-up before ``@@READY`` has its own small allowance, and a line out of
turn (a second result, an unknown line, ``@@END`` too early) ends the run with a verdict
against the candidate (RE), never AC.
"""

from __future__ import annotations

import contextlib
import os
import selectors
from abc import ABC, abstractmethod
from pathlib import Path
from typing import IO

READY = b"@@READY"
RESULT = b"@@R "
END = b"@@END"


class Interaction(ABC):
    """A conversation the sandbox holds with a running program over its stdin and stdout."""

    @abstractmethod
    def on_output(self, chunk: bytes, cpu_s: float) -> None:
        """``chunk`` arrived on stdout when the box's CPU clock read ``cpu_s``."""

    @abstractmethod
    def take_input(self) -> bytes:
        """Bytes to write to the program's stdin now (and forget)."""

    @property
    @abstractmethod
    def input_closed(self) -> bool:
        """Whether stdin should be closed once the bytes taken so far are written."""

    @abstractmethod
    def cpu_deadline_s(self) -> float | None:
        """The CPU clock reading at which the run must stop (None: only the run's own limit)."""

    @abstractmethod
    def on_deadline(self, cpu_s: float) -> None:
        """The clock read ``cpu_s``, past :meth:`cpu_deadline_s`; the run stops as TLE."""

    @property
    @abstractmethod
    def stop_reason(self) -> str | None:
        """Why the run must stop at once: ``"TLE"``, ``"protocol"`` (broken by the program)."""


class TestPacer(Interaction):
    """Feeds ``inputs`` (one line each) one test at a time and times each test on the host."""

    __test__ = False  # not a pytest class

    def __init__(self, inputs: list[bytes], test_limit_s: float, startup_s: float) -> None:
        self.inputs = inputs
        self.test_limit_s = test_limit_s
        self.startup_s = startup_s
        #: Per finished test, in order: (host-measured CPU seconds, the result's JSON text).
        self.results: list[tuple[float, str]] = []
        #: The test running (or the one that was running when the run ended); -1: start-up.
        self.current = -1
        self.started_at_s = 0.0
        #: Set when a window passed its limit: the CPU seconds measured for that test.
        self.timed_out_s: float | None = None
        #: Why the protocol was broken, in words (None: it was not).
        self.violation: str | None = None
        self.ended = False
        self._buffer = bytearray()
        self._outbox = bytearray()
        self._closed = False

    # The sandbox's side.
    def on_output(self, chunk: bytes, cpu_s: float) -> None:
        # The sandbox's output cap bounds this buffer (a longer line is OLE).
        self._buffer += chunk
        if b"\n" not in chunk:  # a long result arrives in many chunks: look at each once
            return
        while self.violation is None and self.timed_out_s is None:
            end = self._buffer.find(b"\n")
            if end < 0:
                return
            line = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            self._line(line, cpu_s)

    def take_input(self) -> bytes:
        data = bytes(self._outbox)
        self._outbox.clear()
        return data

    @property
    def input_closed(self) -> bool:
        return self._closed

    def cpu_deadline_s(self) -> float | None:
        if self.violation is not None or self.timed_out_s is not None or self._closed:
            return None
        if self.current < 0:
            return self.startup_s
        return self.started_at_s + self.test_limit_s

    def on_deadline(self, cpu_s: float) -> None:
        self.timed_out_s = max(0.0, cpu_s - self.started_at_s)

    @property
    def stop_reason(self) -> str | None:
        if self.violation is not None:
            return "protocol"
        return "TLE" if self.timed_out_s is not None else None

    # The protocol.
    def _line(self, line: bytes, cpu_s: float) -> None:
        if self.ended:
            self._break("output after the end of the batch")
        elif line == READY and self.current < 0:
            self._start(0, cpu_s)
        elif line.startswith(RESULT) and self.current >= 0 and not self._closed:
            index, _, payload = line[len(RESULT) :].partition(b" ")
            if index != str(self.current).encode():
                shown = index[:20].decode("utf-8", "replace")
                self._break(f"a result for test {shown!r} while test {self.current} ran")
                return
            spent_s = max(0.0, cpu_s - self.started_at_s)
            self.results.append((spent_s, payload.decode("utf-8", "replace")))
            if spent_s > self.test_limit_s:
                # Late but over: the run stops here, like a window caught by the watchdog.
                self.timed_out_s = spent_s
                return
            self._start(self.current + 1, cpu_s)
        elif line == END and self._closed and len(self.results) == len(self.inputs):
            self.ended = True
        else:
            self._break(f"an unexpected line {line[:40].decode('utf-8', 'replace')!r}")

    def _start(self, index: int, cpu_s: float) -> None:
        self.current = index
        self.started_at_s = cpu_s
        if index < len(self.inputs):
            self._outbox += self.inputs[index]
        else:
            self._closed = True

    def _break(self, why: str) -> None:
        self.violation = why


class InputFeeder:
    """Writes what an interaction has to say to the program's stdin pipe, never blocking: the
    pipe is watched for room only while something is waiting to be written."""

    def __init__(
        self, pipe: IO[bytes], interaction: Interaction, selector: selectors.BaseSelector
    ) -> None:
        self.pipe = pipe
        self.interaction = interaction
        self._selector = selector
        self._fd = pipe.fileno()
        os.set_blocking(self._fd, False)
        self._pending = bytearray()
        self._watched = False
        self._closed = False
        self.refill()

    def refill(self) -> None:
        """Take the interaction's new input (after it has read some output) and start writing
        it at once: the pipe usually has room, so the next test need not wait for a poll."""
        if self._closed:
            return
        self._pending += self.interaction.take_input()
        if self._pending:
            self.write()
        else:
            self._update()

    def write(self) -> None:
        """Write as much as the pipe takes now; the rest when it has room again."""
        try:
            written = os.write(self._fd, bytes(self._pending[:65536]))
        except BlockingIOError:
            self._update()
            return
        except OSError:  # the program is gone (EPIPE) or closed its stdin: nothing to feed
            self._pending.clear()
            self.close()
            return
        del self._pending[:written]
        self._update()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._watched:
            self._selector.unregister(self.pipe)
            self._watched = False
        with contextlib.suppress(OSError):
            self.pipe.close()

    def _update(self) -> None:
        if self._pending and not self._watched:
            self._selector.register(self.pipe, selectors.EVENT_WRITE)
            self._watched = True
        elif not self._pending and self._watched:
            self._selector.unregister(self.pipe)
            self._watched = False
        if not self._pending and self.interaction.input_closed:
            self.close()


def process_tree_cpu_s(root: int) -> float:
    """CPU seconds of process ``root`` and its descendants (threads included, and children
    they waited for), from ``/proc``: the clock of a run without a cgroup (unsafe local mode)."""
    total = 0
    todo, seen = [root], set[int]()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            text = Path(f"/proc/{pid}/stat").read_bytes()
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:  # gone meanwhile
            continue
        # The command name is in parentheses and may contain anything: split after it.
        fields = text[text.rfind(b")") + 2 :].split()
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        for task in tasks:
            with contextlib.suppress(OSError):
                todo += [
                    int(c) for c in Path(f"/proc/{pid}/task/{task}/children").read_text().split()
                ]
    return total / os.sysconf("SC_CLK_TCK")
