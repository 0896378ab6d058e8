"""A full disk (issue 13, item 9), on a real 2 MiB tmpfs filled to the last byte.

Nothing is mocked: the store is SQLite on that disk, the web app is the real app, the judge is
the real sandbox, and the CLI is the installed command. Every write must answer with a sentence
(507 on the web), leave no partial file, and a submission stopped by the full disk must be
judged once space returns, without a restart.
"""

from __future__ import annotations

import errno
import html
import logging
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from web_support import app_store, web_settings

from barraiser.config import Settings, get_settings
from barraiser.content.loader import ContentProblem
from barraiser.content.problems import LoadedProblem, load_problem_folder
from barraiser.interview.submissions import RetryDelays, SubmissionService
from barraiser.judge.hidden import build_tests, hidden_tests
from barraiser.judge.sandbox import Sandbox
from barraiser.store import Answer, CodeSubmission, ensure_local_user, init_store
from barraiser.store.queries import create_submission
from barraiser.web.app import create_app
from web_client import TestClient

ROOT = Path(__file__).parents[2]
TWO_SUM = ROOT / "content/problems/two-sum"
QUESTION = "activation-function-for-image-classification"
DISK_BYTES = 2 * 1024 * 1024


class SmallDisk:
    """A tmpfs of 2 MiB that a test fills to the last byte and frees again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    @property
    def data(self) -> Path:
        return self.root / "data"

    def fill(self) -> None:
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (1 << 16, 1 << 12, 1):
                while True:
                    try:
                        os.write(fd, b"\0" * size)
                    except OSError as error:
                        assert error.errno == errno.ENOSPC, error
                        break
        finally:
            os.close(fd)
        assert os.statvfs(self.root).f_bavail == 0

    def free(self) -> None:
        self.filler.unlink()

    def leftovers(self) -> list[Path]:
        """Temporary files anywhere on the disk (a write that failed half-way)."""
        return [p for p in self.root.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    root = tmp_path / "disk"
    root.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES},mode=0700", "tmpfs", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(
            "mounting a small tmpfs needs root (or CAP_SYS_ADMIN) and a system that allows "
            f"mounts: {mounted.stderr.strip() or mounted.returncode}"
        )
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "--lazy", str(root)], check=False)


def _problem(slug: str) -> LoadedProblem:
    found: list[ContentProblem] = []
    loaded = load_problem_folder(ROOT / "content/problems" / slug, ROOT / "content", found)
    assert loaded is not None, found
    return loaded


@pytest.fixture(scope="module")
def two_sum() -> LoadedProblem:
    return _problem("two-sum")  # hidden tests of 1.9 MB


def _sentence(folder: Path, lost: str = "your answer was not saved") -> str:
    return f"The server's disk is full; {lost}. Free space in {folder} and try again."


# -- the hidden-test cache -------------------------------------------------------------------


def test_the_hidden_test_cache_on_a_full_disk_leaves_no_file(
    disk: SmallDisk, two_sum: LoadedProblem
) -> None:
    small = _problem("valid-parentheses")  # hidden tests of about 50 KB
    cache = disk.root / "cache" / "tests"
    cache.mkdir(parents=True)
    disk.fill()
    # The cache is only a cache: the tests are built and used, nothing is left behind.
    assert hidden_tests(small, cache) == build_tests(small)
    assert list(cache.iterdir()) == []
    assert disk.leftovers() == []

    disk.free()
    stale = cache / ".valid-parentheses-old.json.tmp"  # left by a process killed while writing
    stale.write_text("{")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    tests = hidden_tests(small, cache)
    [cached] = list(cache.iterdir())
    assert cached.name.startswith("valid-parentheses-") and cached.suffix == ".json"
    assert cached.stat().st_mode & 0o777 == 0o600
    assert hidden_tests(small, cache) == tests
    # A cache file that would take more than half of the free space is not written: the store
    # needs that space for answers and verdicts.
    assert hidden_tests(two_sum, cache) == build_tests(two_sum)
    assert list(cache.iterdir()) == [cached]
    assert disk.leftovers() == []


# -- the web app ---------------------------------------------------------------------------------


def test_web_writes_on_a_full_disk_answer_507_with_a_sentence(disk: SmallDisk) -> None:
    app = create_app(web_settings(disk.data), judge_slots=1)
    source = "# my secret solution\n" + "x = 1\n" * 5000
    submission = {"problem_id": "two-sum", "language": "python", "source": source, "mode": "run"}
    answer = "ReLU keeps gradients alive; " * 400
    with TestClient(app) as client:
        disk.fill()
        posted = client.post("/api/submissions", json=submission)
        assert posted.status_code == 507
        assert posted.json() == {"detail": _sentence(disk.data)}

        graded = client.post("/api/grade", json={"question_id": QUESTION, "answer": answer})
        assert graded.status_code == 507
        assert graded.json() == {"detail": _sentence(disk.data)}

        page = client.post(f"/questions/{QUESTION}/grade", data={"answer": answer})
        assert page.status_code == 507
        assert page.headers["content-type"].startswith("text/html")
        assert _sentence(disk.data) in html.unescape(page.text)
        assert page.headers["X-Content-Type-Options"] == "nosniff"

        for response in (posted, graded, page):
            assert "content check" not in response.text
            assert "secret solution" not in response.text and "ReLU keeps" not in response.text
        with app_store(app).session() as session:
            assert session.scalar(select(func.count()).select_from(CodeSubmission)) == 0
            assert session.scalar(select(func.count()).select_from(Answer)) == 0

        disk.free()
        again = client.post("/api/submissions", json=submission)
        assert again.status_code == 202, again.text
        assert client.get(f"/api/submissions/{again.json()['id']}").status_code == 200
    assert disk.leftovers() == []


# -- the judge's workers ---------------------------------------------------------------------


def _wait_for(check: object, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout_s} s: {what}")


def test_a_submission_stopped_by_a_full_disk_is_judged_when_space_returns(
    disk: SmallDisk,
    two_sum: LoadedProblem,
    sandbox: Sandbox,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Store and hidden-test cache on the full disk: the verdict cannot be saved, so the
    submission stays queued and is tried again, and is judged once space returns."""
    monkeypatch.setenv("BARRAISER_DATA_DIR", str(disk.data))
    get_settings.cache_clear()
    store = init_store(Settings(data_dir=disk.data))
    service = SubmissionService(
        store, {"two-sum": two_sum}, slots=1, retry=RetryDelays(first_s=0.2, longest_s=1.0)
    )
    caplog.set_level(logging.WARNING, logger="barraiser.interview.submissions")
    try:
        with store.session() as session:
            user = ensure_local_user(session).id
            source = (TWO_SUM / "solutions" / "reference.py").read_text()
            submission = create_submission(session, user, "two-sum", "python", source, "submit")
        disk.fill()
        service.start()

        def stays_queued() -> int:
            return sum("stays queued" in r.getMessage() for r in caplog.records)

        _wait_for(lambda: stays_queued() >= 2, 120, "two failed attempts")
        state = service.status(submission.id)
        assert state is not None and state.verdict is None
        assert state.status in ("queued", "judging")
        assert _sentence(disk.data, "its verdict was not saved") in caplog.text

        disk.free()

        def judged() -> bool:
            now = service.status(submission.id)
            return now is not None and now.status == "done"

        _wait_for(judged, 120, "the verdict once space returned")
        state = service.status(submission.id)
        assert state is not None and state.verdict == "AC"
    finally:
        service.stop()
        store.close()
    assert disk.leftovers() == []
    # 1.9 MB of hidden tests would take the space the verdict needs: not cached.
    assert list((disk.data / "cache" / "tests").iterdir()) == []


# -- the CLI -----------------------------------------------------------------------------------


def test_the_cli_on_a_full_disk_prints_a_sentence(disk: SmallDisk) -> None:
    disk.fill()
    env = {**os.environ, "BARRAISER_DATA_DIR": str(disk.data)}
    done = subprocess.run(
        [sys.executable, "-m", "barraiser", "review"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr == f"Error: {_sentence(disk.data, 'nothing was saved')}\n"
    assert "Traceback" not in done.stdout + done.stderr
