"""The command line, run as a user would: real content, real files, exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from barraiser import __version__
from barraiser.cli import app
from barraiser.content.loader import default_content_dir

runner = CliRunner()


def test_version_via_python_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "barraiser", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"barraiser {__version__}"


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys; from barraiser.cli import app; "
        "heavy = [m for m in ('fastapi', 'sqlalchemy', 'uvicorn', 'alembic', 'yaml') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_content_check_passes_on_shipped_content() -> None:
    result = runner.invoke(app, ["content", "check"])
    assert result.exit_code == 0, result.output
    assert "Content OK" in result.output


def test_content_check_fails_on_bad_extra_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = tmp_path / "extra"
    (extra / "questions" / "concept").mkdir(parents=True)
    (extra / "questions" / "concept" / "bad.yaml").write_text("id: bad\nkind: concept\n")
    monkeypatch.setenv("BARRAISER_EXTRA_CONTENT_DIR", str(extra))
    result = runner.invoke(app, ["content", "check"])
    assert result.exit_code == 1
    assert (
        "bad.yaml: title: is required but missing" in result.output.replace("\n", " ")
        or "title: is required but missing" in result.output
    )


def test_questions_list_json_matches_the_bank() -> None:
    result = runner.invoke(app, ["questions", "list", "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.output)
    files = list((default_content_dir() / "questions").rglob("*.yaml"))
    assert len(items) == len(files)
    assert {"id", "kind", "title", "source"} <= set(items[0])
    ids_on_disk = {yaml.safe_load(f.read_text())["id"] for f in files}
    assert {i["id"] for i in items} == ids_on_disk


def test_questions_list_filters() -> None:
    result = runner.invoke(app, ["questions", "list", "--kind", "behavioral", "--json"])
    items = json.loads(result.output)
    assert items and {i["kind"] for i in items} == {"behavioral"}
    result = runner.invoke(app, ["questions", "list", "--lp", "ownership", "--json"])
    assert all("ownership" in i["leadership_principles"] for i in json.loads(result.output))
    table = runner.invoke(app, ["questions", "list", "--kind", "concept"])
    assert table.exit_code == 0 and "question(s)" in table.output


def test_questions_list_rejects_unknown_filter_values() -> None:
    result = runner.invoke(app, ["questions", "list", "--kind", "essay"])
    assert result.exit_code == 1
    assert "unknown kind 'essay'; use one of: concept" in result.output


def test_questions_show() -> None:
    result = runner.invoke(app, ["questions", "show", "choosing-between-two-accuracies"])
    assert result.exit_code == 0, result.output
    assert "How to answer" in result.output and "Model answer" not in result.output
    result = runner.invoke(
        app, ["questions", "show", "choosing-between-two-accuracies", "--answer"]
    )
    assert "Model answer" in result.output and "Key points" in result.output
    result = runner.invoke(app, ["questions", "show", "choosing-between-two-accuracies", "--json"])
    assert json.loads(result.output)["source"] == {
        "document": "amazon-mle-interview-guide",
        "question": 4,
    }


def test_questions_show_unknown_id_says_what_to_do() -> None:
    result = runner.invoke(app, ["questions", "show", "nope"])
    assert result.exit_code == 1
    assert "No question with id 'nope'; `barraiser questions list` shows the ids." in result.output


def test_invalid_settings_give_a_sentence_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARRAISER_PORT", "not-a-port")
    result = runner.invoke(app, ["questions", "list"])
    assert result.exit_code == 1
    assert "invalid settings (port:" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("key", "said"),
    [("changethis", "placeholder"), (None, "BARRAISER_SECRET_KEY is not set")],
)
def test_a_hosted_worker_refuses_the_settings_the_web_process_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str | None, said: str
) -> None:
    """`barraiser worker` in hosted mode checks its settings as `serve` does (it used to start
    with a placeholder secret key and a SQLite database) and never repeats the key."""
    monkeypatch.setenv("BARRAISER_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.setenv("BARRAISER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BARRAISER_MODE", "hosted")
    monkeypatch.setenv("BARRAISER_DATABASE_URL", f"sqlite:///{tmp_path}/worker.db")
    if key is None:
        monkeypatch.delenv("BARRAISER_SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("BARRAISER_SECRET_KEY", key)
    result = runner.invoke(app, ["worker", "--queues", "judge"])
    assert result.exit_code == 1, result.output
    said_all = " ".join(result.output.split())
    assert "Hosted mode cannot start this worker" in said_all and said in said_all
    assert "hosted mode needs PostgreSQL" in said_all
    if key is not None:
        assert key not in said_all
    assert not (tmp_path / "worker.db").exists()
