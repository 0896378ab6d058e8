"""The lab framework: registry against the bank, caching, the network guard, notebooks, CLI."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from barraiser.content.bank import get_bank
from barraiser.labs import Lab, LabContext, LabError, all_labs, registry, run_lab
from barraiser.labs.data import BREAST_CANCER
from barraiser.labs.runner import NetworkBlocked, cached_result


def _fake_run(ctx: LabContext) -> None:
    from sklearn.datasets import load_breast_cancer

    x, _ = load_breast_cancer(return_X_y=True)
    mean = ctx.metric("mean", float(x.mean()))
    ctx.table("Means", ["what", "value"], [["all features", mean]])
    fig = ctx.new_figure()
    fig.add_subplot().hist(x[:, 0], bins=20)
    ctx.save_figure(fig, "hist", "First feature")
    ctx.claim("positive", "The mean is positive.", mean > 0, f"mean {mean:.2f}")


def _network_run(ctx: LabContext) -> None:
    ctx.claim("never", "unreachable", True, "")
    socket.create_connection(("192.0.2.1", 80), timeout=1)


def _fake_lab(lab_id: str, run: object) -> Lab:
    return Lab(
        id=lab_id,
        title="Fake",
        question_id="adam-optimizer",
        guide_question=14,
        summary="A lab for the framework's tests.",
        datasets=[BREAST_CANCER],
        run=run,  # type: ignore[arg-type]
        module=__name__,
    )


@pytest.fixture
def fake_labs(monkeypatch: pytest.MonkeyPatch) -> None:
    labs = {"fake": _fake_lab("fake", _fake_run), "netty": _fake_lab("netty", _network_run)}
    monkeypatch.setattr(registry, "_labs", lambda: labs)


def test_every_guide_question_1_to_15_has_a_lab_and_links_it() -> None:
    bank = get_bank()
    by_number = {lab.guide_question: lab for lab in all_labs()}
    assert sorted(by_number) == list(range(1, 16))
    for number, lab in by_number.items():
        question = bank.questions[lab.question_id]
        assert question.source is not None and question.source.question == number, lab.id
        assert lab.id in question.labs, f"{lab.question_id} does not link lab {lab.id}"
        assert lab.datasets, f"{lab.id} names no data set"


def test_a_run_is_cached_by_version_and_copied_to_out(fake_labs: None, tmp_path: Path) -> None:
    first = run_lab("fake", fast=True, cache_dir=tmp_path / "c", out_dir=tmp_path / "o")
    assert not first.cached and first.claim("positive").holds
    assert (tmp_path / "o" / "hist.png").read_bytes().startswith(b"\x89PNG")
    saved = json.loads((tmp_path / "o" / "result.json").read_text())
    assert saved["metrics"]["mean"] == pytest.approx(first.metrics["mean"])
    again = run_lab("fake", fast=True, cache_dir=tmp_path / "c")
    assert again.cached and again.metrics == first.metrics
    assert cached_result("fake", fast=True, cache_dir=tmp_path / "c") is not None
    assert cached_result("fake", fast=False, cache_dir=tmp_path / "c") is None


def test_an_unreadable_cache_entry_counts_as_not_run(
    fake_labs: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A cache folder this process may not read (a root worker made it) is not an error: the
    lab reads as not run, with a warning saying what to do."""
    run_lab("fake", fast=True, cache_dir=tmp_path / "c")
    real_read = Path.read_text

    def denied(path: Path, *args: object, **kwargs: object) -> str:
        if path.name == "result.json":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path, *args, **kwargs)  # type: ignore[arg-type]

    # Tests run as root, which reads any file: the kernel's refusal is injected here.
    monkeypatch.setattr(Path, "read_text", denied)
    assert cached_result("fake", fast=True, cache_dir=tmp_path / "c") is None
    assert "Cannot read the lab result" in caplog.text


def test_a_lab_that_touches_the_network_fails(fake_labs: None, tmp_path: Path) -> None:
    with pytest.raises(NetworkBlocked, match="offline"):
        run_lab("netty", fast=True, cache_dir=tmp_path)
    # The guard is per thread and per run: the test process can still open sockets.
    server = socket.create_server(("127.0.0.1", 0))
    with server, socket.create_connection(server.getsockname()):
        pass


def test_unknown_lab_names_the_known_ones(fake_labs: None) -> None:
    with pytest.raises(LabError, match="known labs are fake, netty"):
        run_lab("nope")


def _cli(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "barraiser", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=600,
        check=False,
    )


def test_cli_list_json_and_notebook_that_runs(tmp_path: Path) -> None:
    env = {**os.environ, "BARRAISER_DATA_DIR": str(tmp_path / "data")}
    listed = _cli("lab", "list", "--json", cwd=tmp_path, env=env)
    assert listed.returncode == 0, listed.stderr
    labs = json.loads(listed.stdout)
    assert {lab["guide_question"] for lab in labs} == set(range(1, 16))
    assert all({"id", "title", "question_id", "guide_question"} <= set(lab) for lab in labs)

    unknown = _cli("lab", "run", "no-such-lab", cwd=tmp_path, env=env)
    assert unknown.returncode == 1 and "barraiser lab list" in unknown.stderr

    lab_id = next(lab["id"] for lab in labs if lab["guide_question"] == 12)
    made = _cli(
        "lab", "notebook", lab_id, "--out", str(tmp_path / "lab.ipynb"), cwd=tmp_path, env=env
    )
    assert made.returncode == 0, made.stderr
    import nbformat

    notebook = nbformat.read(tmp_path / "lab.ipynb", as_version=4)
    nbformat.validate(notebook)
    script = "\n\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    (tmp_path / "lab.py").write_text(script)
    ran = subprocess.run(
        [sys.executable, "lab.py"], capture_output=True, text=True, cwd=tmp_path, timeout=600
    )
    assert ran.returncode == 0, ran.stderr
    assert "claims checked" in ran.stdout and ("HOLDS" in ran.stdout or "FAILS" in ran.stdout)


def test_listing_labs_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from barraiser.labs import all_labs\n"
        "assert len(all_labs()) == 15\n"
        "heavy = {'sklearn', 'torch', 'pandas', 'xgboost', 'statsmodels', 'matplotlib'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
