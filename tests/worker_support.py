"""A real `barraiser worker` process for the tests of the task queue (hosted mode)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from barraiser.config import Settings
from barraiser.judge.jobs import worker_name

ROOT = Path(__file__).parents[1]


class WorkerProcess:
    """One `barraiser worker ARGS` process in its own process group (its sandbox runs
    included), with the test's database, broker and leases and a data folder of its own."""

    def __init__(
        self, settings: Settings, folder: Path, args: list[str], data_dir: Path | None = None
    ) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.log_path = folder / "worker.log"
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "BARRAISER_CONFIG": str(folder / "no-config.toml"),
            "BARRAISER_DATA_DIR": str(data_dir or folder / "data"),
            "BARRAISER_DATABASE_URL": settings.resolved_database_url,
            "BARRAISER_BROKER_URL": settings.broker_url or "",
            "BARRAISER_JUDGE_LEASE_S": str(settings.judge_lease_s),
            "BARRAISER_JUDGE_REQUEUE_S": str(settings.judge_requeue_s),
        }
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "barraiser", "worker", *args],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        #: What the worker writes in the claims it takes (``worker_name`` of its process).
        self.name = worker_name().rsplit(":", 1)[0] + f":{self.process.pid}"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_ready(self, timeout_s: float = 90) -> str:
        """Wait for the worker's "ready." line; its log so far."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            text = self.log()
            if " ready." in text:
                return text
            assert self.process.poll() is None, f"the worker exited:\n{text}"
            time.sleep(0.1)
        raise AssertionError(f"the worker was not ready in {timeout_s} s:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL the worker and everything it started, as when its machine dies."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.kill()
