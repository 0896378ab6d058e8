"""The record of proved problems: a changed, new or removed file makes a problem 'changed';
recording keeps only shipped problems that passed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from barraiser.content.loader import default_content_dir
from barraiser.content.problems import load_problems
from barraiser.content.proofs import changed, read_record, record_path, write_record


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    for pid in ("two-sum", "valid-parentheses"):
        shutil.copytree(default_content_dir() / "problems" / pid, root / "problems" / pid)
    return root


def test_changed_follows_every_file_of_the_folder(content: Path) -> None:
    problems = load_problems([content])
    assert {p.id for p in changed(problems.values(), {})} == {"two-sum", "valid-parentheses"}
    write_record(content, problems.values(), failed=[], known=problems)
    assert changed(problems.values(), read_record(content)) == []

    (content / "problems" / "two-sum" / "editorial.md").write_text("edited\n", encoding="utf-8")
    extra = content / "problems" / "valid-parentheses" / "solutions" / "extra.py"
    extra.write_text("print(1)\n", encoding="utf-8")
    reloaded = load_problems([content])
    assert {p.id for p in changed(reloaded.values(), read_record(content))} == {
        "two-sum",
        "valid-parentheses",
    }


def test_record_drops_failed_and_removed_problems(content: Path) -> None:
    problems = load_problems([content])
    write_record(content, problems.values(), failed=[], known=problems)
    write_record(content, [], failed=["two-sum"], known=problems)
    assert set(read_record(content)) == {"valid-parentheses"}
    write_record(content, [], failed=[], known=["two-sum"])
    assert read_record(content) == {}


def test_a_damaged_record_says_what_to_do(content: Path) -> None:
    record_path(content).write_text(json.dumps(["not", "a", "map"]), encoding="utf-8")
    with pytest.raises(ValueError, match="make content-proof"):
        read_record(content)


def test_shipped_record_is_well_formed() -> None:
    """The shipped record names only shipped problems (written by `make content-proof`)."""
    recorded = read_record(default_content_dir())
    assert recorded, "content/problems/proved.json is missing: run `make content-proof`"
    assert set(recorded) <= set(load_problems())
