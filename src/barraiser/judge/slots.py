"""A thread-safe pool of sandbox slots, so that several judgements can run at once.

Each slot has its own user and cgroup, and :meth:`Sandbox.run` holds a per-slot file lock, so
processes sharing the machine are safe too; the pool keeps the threads of one process on
different slots instead of queueing them all on slot 0.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from barraiser.judge.sandbox import Sandbox


class SlotPool:
    """Hands out one :class:`Sandbox` per concurrent judgement."""

    def __init__(self, size: int | None = None, *, unsafe: bool = False) -> None:
        self.size = size or int(os.environ.get("BARRAISER_JUDGE_SLOTS", "2"))
        self.unsafe = unsafe
        self._free = list(range(self.size))
        self._boxes: dict[int, Sandbox] = {}
        self._cond = threading.Condition()

    @contextmanager
    def acquire(self) -> Iterator[Sandbox]:
        """Wait for a free slot and lend its sandbox."""
        with self._cond:
            while not self._free:
                self._cond.wait()
            slot = self._free.pop(0)
        try:
            if slot not in self._boxes:
                self._boxes[slot] = Sandbox(slot, unsafe=self.unsafe)
            yield self._boxes[slot]
        finally:
            with self._cond:
                self._free.append(slot)
                self._cond.notify()


_POOL: SlotPool | None = None
_POOL_LOCK = threading.Lock()


def default_pool() -> SlotPool:
    """The process-wide pool (created on first use)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None:
            _POOL = SlotPool()
        return _POOL
