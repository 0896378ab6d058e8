"""What a sandboxed run is given (limits) and what comes out of it (status, measurements)."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Status(enum.StrEnum):
    """Outcome of one run (CE is added by the compile step of a language)."""

    OK = "OK"
    TLE = "TLE"
    MLE = "MLE"
    OLE = "OLE"
    RE = "RE"
    CE = "CE"
    IE = "IE"


@dataclass(frozen=True)
class Limits:
    """Limits of one run; each name carries its unit."""

    time_limit_s: float = 2.0
    wall_limit_s: float | None = None  # default: 2 x time limit + 1 s
    memory_limit_mib: int = 256
    pids_max: int = 64
    output_limit_bytes: int = 16 * 1024 * 1024
    stderr_limit_bytes: int = 64 * 1024
    file_size_limit_bytes: int = 64 * 1024 * 1024
    open_files_max: int = 64
    tmpfs_size_mib: int = 64

    @property
    def wall_s(self) -> float:
        """The wall-clock limit in force."""
        return self.wall_limit_s if self.wall_limit_s is not None else 2 * self.time_limit_s + 1


@dataclass
class RunResult:
    """What happened to one run."""

    status: Status
    exit_code: int | None
    signal: int | None
    cpu_s: float
    wall_s: float
    memory_kb: int
    stdout: bytes
    stderr: bytes
    message: str = ""

    def to_json(self) -> dict[str, object]:
        """The JSON object of ``barraiser judge run --json``."""
        return {
            "status": str(self.status),
            "exit_code": self.exit_code,
            "signal": self.signal,
            "cpu_s": round(self.cpu_s, 4),
            "wall_s": round(self.wall_s, 4),
            "memory_kb": self.memory_kb,
            "stdout": self.stdout.decode("utf-8", errors="replace"),
            "stderr": self.stderr.decode("utf-8", errors="replace"),
        }
