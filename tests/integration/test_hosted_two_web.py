"""Several web processes of one hosted install (issue 14, items 2 and 4): a real PostgreSQL, a real
Redis, two real `barraiser worker` processes judging in the real sandbox, and two `barraiser
serve` commands on two loopback ports, the first with `--workers 2` (two uvicorn processes on one
socket); 200 submissions from 20 simulated users.

The web processes share nothing but the database and the broker: a session cookie made by one is
accepted by the other, every submission sent through either is judged exactly once (by one of
the workers; both take part), and each user sees only their own work on both. `serve --workers
2` is refused on a local install and in hosted mode without a broker.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from barraiser.accounts import Accounts
from barraiser.config import Settings
from barraiser.interview.review import PROBLEM_PREFIX
from barraiser.judge.sandbox import Sandbox
from barraiser.store import CodeSubmission, ReviewCard, init_store
from barraiser.web.auth import SESSION_COOKIE
from redis_support import RedisServer, redis_server

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).parents[2]
TWO_SUM = ROOT / "content/problems/two-sum"
REFERENCE = (TWO_SUM / "solutions/reference.py").read_text()
WRONG = (TWO_SUM / "solutions/wrong_same_index.py").read_text()
SECRET_KEY = "two-web-test-key-" + "0123456789abcdefghijklmnopqrstuv"  # 49 characters
#: 20 simulated candidates, 10 submissions each (the per-user limit is 10 a minute): 200 in all.
USERS = {f"user{n:02d}": f"user{n:02d}-password-1" for n in range(20)}
PER_USER = 10


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Process:
    """A `barraiser ...` command in its own process group, its output in a log file."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "barraiser", *args],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_for(self, text: str, count: int = 1, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while self.log().count(text) < count:
            assert self.process.poll() is None, f"exited:\n{self.log()}"
            assert time.monotonic() < deadline, (
                f"no {text!r} x{count} in {timeout_s} s:\n{self.log()}"
            )
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


@pytest.fixture
def broker() -> Iterator[RedisServer]:
    with redis_server() as server:
        yield server


@pytest.fixture
def environment(postgres_url: str, broker: RedisServer, tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "BARRAISER_CONFIG": str(tmp_path / "no-config.toml"),
        "BARRAISER_MODE": "hosted",
        "BARRAISER_SECRET_KEY": SECRET_KEY,
        "BARRAISER_DATABASE_URL": postgres_url,
        "BARRAISER_BROKER_URL": broker.url,
        "BARRAISER_DATA_DIR": str(tmp_path / "web-data"),
    }


@pytest.fixture
def started() -> Iterator[list[Process]]:
    processes: list[Process] = []
    yield processes
    for process in processes:
        process.stop()


def _login(client: httpx.Client, name: str) -> str:
    response = client.post("/login", data={"username": name, "password": USERS[name]})
    assert response.status_code == 303, response.text[:300]
    token = response.cookies.get(SESSION_COOKIE)
    assert token
    return token


def _get(client: httpx.Client, url: str, cookie: str) -> httpx.Response:
    return client.get(url, headers={"Cookie": f"{SESSION_COOKIE}={cookie}"})


def test_two_web_processes_share_logins_and_judge_each_submission_once(
    environment: dict[str, str],
    postgres_url: str,
    sandbox: Sandbox,
    started: list[Process],
    tmp_path: Path,
) -> None:
    settings = Settings(
        mode="hosted",
        secret_key=SECRET_KEY,
        database_url=postgres_url,
        data_dir=tmp_path / "test-data",
    )
    store = init_store(settings)  # migrated here, once, as an install does before serving
    accounts = Accounts(store, SECRET_KEY)
    for name, password in USERS.items():
        accounts.add_user(name, password)

    began = time.monotonic()
    ports = [_free_port(), _free_port()]
    workers = [
        Process(["worker", "--concurrency", "1"], environment, tmp_path / f"worker{n}.log")
        for n in range(2)
    ]
    first = Process(
        ["serve", "--port", str(ports[0]), "--workers", "2"], environment, tmp_path / "web1.log"
    )
    second = Process(["serve", "--port", str(ports[1])], environment, tmp_path / "web2.log")
    started.extend([*workers, first, second])
    first.wait_for("Application startup complete.", count=2)  # both of its processes
    second.wait_for("Application startup complete.")
    for worker in workers:
        worker.wait_for(" ready.", timeout_s=90)
    web = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) for port in ports]
    try:
        # Half the users sign in through the first address, half through the second; each
        # cookie is then used on both (the first address alone is served by two processes).
        cookies = {name: _login(web[n % 2], name) for n, name in enumerate(USERS)}
        for client in web:
            client.cookies.clear()
        plan = dict.fromkeys(USERS, PER_USER)
        expected: dict[int, tuple[str, str]] = {}
        for i in range(PER_USER):
            for name in plan:
                wrong = i % 3 == 0
                body = {
                    "problem_id": "two-sum",
                    "language": "python",
                    "source": WRONG if wrong else REFERENCE,
                    "mode": "submit",
                }
                sent = web[i % 2].post(
                    "/api/submissions",
                    json=body,
                    headers={"Cookie": f"{SESSION_COOKIE}={cookies[name]}"},
                )
                assert sent.status_code == 202, sent.text
                expected[sent.json()["id"]] = (name, "WA" if wrong else "AC")

        # Waited for in the database, then every verdict read through the two addresses.
        deadline = time.monotonic() + 300
        while True:
            with store.session() as session:
                left = session.scalar(
                    select(func.count())
                    .select_from(CodeSubmission)
                    .where(CodeSubmission.verdict.is_(None))
                )
            if not left:
                break
            logs = "\n".join(w.log()[-1500:] for w in workers)
            assert time.monotonic() < deadline, f"{left} unjudged after 300 s:\n{logs}"
            time.sleep(0.5)
        took = time.monotonic() - began
        verdicts = {}
        for n, (submission_id, (name, _)) in enumerate(expected.items()):
            state = _get(web[n % 2], f"/api/submissions/{submission_id}", cookies[name])
            assert state.status_code == 200 and state.json()["status"] == "done", state.text
            verdicts[submission_id] = state.json()["verdict"]
        assert verdicts == {i: verdict for i, (_, verdict) in expected.items()}

        with store.session() as session:
            rows = session.scalars(select(CodeSubmission)).all()
            cards = session.scalars(
                select(ReviewCard).where(ReviewCard.question_id == PROBLEM_PREFIX + "two-sum")
            ).all()
            reps = {card.user_id: card.reps for card in cards}
        assert sorted(row.id for row in rows) == sorted(expected)
        # Judged by the workers (the web processes only queue) and recorded once each: a
        # submission judged twice would count twice on its user's review card.
        judges = {(row.claimed_by or "").split(":")[1] for row in rows}
        assert judges == {str(w.process.pid) for w in workers}, judges  # both took part
        ids = {name: accounts.get(name).id for name in USERS}
        assert reps == {ids[name]: count for name, count in plan.items()}

        # Each user sees their own work, and none of the other's, through both addresses.
        for client in web:
            names = list(USERS)
            for submission_id, (owner, _) in expected.items():
                other = names[(names.index(owner) + 1) % len(names)]
                assert _get(client, f"/api/submissions/{submission_id}", cookies[owner]).is_success
                refused = _get(client, f"/api/submissions/{submission_id}", cookies[other])
                assert refused.status_code == 404, refused.text
            for name in USERS:
                progress = _get(client, "/api/progress", cookies[name])
                assert progress.status_code == 200, progress.text
                seen = {
                    attempt["source_id"]
                    for attempt in progress.json()["attempts"]
                    if attempt["source"] == "submission"
                }
                assert seen == {i for i, (owner, _) in expected.items() if owner == name}
        print(f"\n{len(expected)} submissions of {len(USERS)} users through 2 addresses (3 web "
              f"processes), 2 workers: judged in {took:.1f} s from the first start")  # fmt: skip
    finally:
        for client in web:
            client.close()
        store.close()


@pytest.mark.parametrize(
    ("settings", "said"),
    [
        ({"BARRAISER_MODE": "local"}, "--workers above 1 needs hosted mode"),
        (
            {
                "BARRAISER_MODE": "hosted",
                "BARRAISER_SECRET_KEY": SECRET_KEY,
                "BARRAISER_DATABASE_URL": "postgresql://nobody@127.0.0.1:9/barraiser_test",
            },
            "--workers above 1 needs BARRAISER_BROKER_URL",
        ),
    ],
)
def test_serve_refuses_several_workers_where_processes_would_not_share_the_judging(
    tmp_path: Path, settings: dict[str, str], said: str
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "BARRAISER_CONFIG": str(tmp_path / "no-config.toml"),
        "BARRAISER_DATA_DIR": str(tmp_path / "data"),
        **settings,
    }
    env.pop("BARRAISER_BROKER_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "barraiser", "serve", "--port", str(_free_port()), "--workers", "2"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert said in done.stderr, done.stderr
    assert "starting at" not in done.stdout  # refused before anything was opened or bound
