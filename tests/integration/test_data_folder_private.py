"""The data folder is its owner's only (issue 13, item 12): 0700, and every file in it 0600.

Created so (the store, the hidden-test cache) and tightened when barraiser starts on an older
folder; links are not followed, and a folder shared with others (sticky, like /tmp) is left as
it is.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from barraiser.config import Settings, get_settings
from barraiser.content.loader import ContentProblem
from barraiser.content.problems import load_problem_folder
from barraiser.judge.hidden import hidden_tests
from barraiser.store import init_store

ROOT = Path(__file__).parents[2]


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def test_a_new_data_folder_is_created_private(tmp_path: Path) -> None:
    data = tmp_path / "home" / ".local" / "share" / "barraiser"
    init_store(Settings(data_dir=data)).close()
    for folder in (data, data.parent, data.parent.parent):
        assert _mode(folder) == 0o700, folder
    assert sorted(p.name for p in data.iterdir())[0] == "barraiser.db"
    for file in data.iterdir():
        assert _mode(file) == 0o600, file


def test_the_hidden_test_cache_is_private_without_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `barraiser judge submit` writes the cache without opening the store.
    data = tmp_path / "fresh-data"
    monkeypatch.setenv("BARRAISER_DATA_DIR", str(data))
    get_settings.cache_clear()
    found: list[ContentProblem] = []
    problem = load_problem_folder(ROOT / "content/problems/coin-change", ROOT / "content", found)
    assert problem is not None, found
    hidden_tests(problem)
    [cached] = list((data / "cache" / "tests").iterdir())
    assert _mode(data) == _mode(data / "cache") == _mode(data / "cache" / "tests") == 0o700
    assert _mode(cached) == 0o600


def test_an_older_data_folder_is_tightened_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    labs = data / "cache" / "labs" / "two-accuracies" / "fast-0123"
    labs.mkdir(parents=True)
    figure, tests = labs / "two_models.png", data / "cache" / "tests" / "two-sum-1.json"
    tests.parent.mkdir()
    outside = tmp_path / "elsewhere.txt"  # not barraiser's: a link to it is not followed
    for file in (figure, tests, outside):
        file.write_text("x")
        file.chmod(0o644)
    (data / "cache" / "link").symlink_to(outside)
    for folder in (data, data / "cache", labs.parent, labs, tests.parent):
        folder.chmod(0o755)

    init_store(Settings(data_dir=data)).close()
    for folder in (data, data / "cache", labs.parent.parent, labs.parent, labs, tests.parent):
        assert _mode(folder) == 0o700, folder
    for file in (figure, tests, data / "barraiser.db"):
        assert _mode(file) == 0o600, file
    assert _mode(outside) == 0o644


def test_a_shared_folder_is_not_narrowed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: others use it too
    init_store(Settings(data_dir=shared)).close()
    assert _mode(shared) == 0o1777
    assert _mode(shared / "barraiser.db") == 0o600
