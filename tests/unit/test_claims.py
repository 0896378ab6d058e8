"""The claim corpus: shape, coverage, size, hard cases, and the checks that name bad items."""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path

import pytest

from barraiser.content.check import check_content
from barraiser.content.claims import (
    HARD_CASES,
    MIN_PAIRS,
    check_claim_file,
    check_claims,
    claims_dir,
    load_claims,
    pairs,
    read_claim_file,
)
from barraiser.content.loader import Bank, default_content_dir, load_bank


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="module")
def corpus(bank: Bank):  # type: ignore[no-untyped-def]
    files, problems = load_claims(bank)
    return files, problems, pairs(bank, files.values())


def test_shipped_corpus_is_clean_and_covers_every_free_text_question(bank: Bank) -> None:
    problems = check_claims(bank)
    assert problems == [], "\n".join(str(p) for p in problems[:20])
    files, _ = load_claims(bank)
    free_text = {q.id for q in bank.questions.values() if q.is_free_text}
    assert free_text <= set(files)


def test_corpus_size_and_hard_cases_dominate(corpus) -> None:  # type: ignore[no-untyped-def]
    _files, _problems, all_pairs = corpus
    assert len(all_pairs) >= MIN_PAIRS
    cases = Counter(p.case for p in all_pairs)
    hard = sum(n for case, n in cases.items() if case in HARD_CASES)
    assert hard / len(all_pairs) > 0.5, cases
    labels = Counter(p.label for p in all_pairs)
    # Every label is well represented, and wrong statements are as common as right ones.
    assert min(labels.values()) >= 0.08 * len(all_pairs), labels
    assert labels["contradicts"] >= 0.6 * labels["states"], labels


def test_every_target_has_states_and_contradicts(bank: Bank, corpus) -> None:  # type: ignore[no-untyped-def]
    files, _problems, _pairs = corpus
    for question_id, claims in files.items():
        question = bank.question(question_id)
        assert question.rubric is not None
        seen: dict[str, Counter[str]] = {}
        for item in claims.items:
            for target, label in item.labels.items():
                seen.setdefault(target, Counter())[label] += 1
        for kp in question.rubric.key_points:
            assert seen[kp.id]["states"] >= 5 and seen[kp.id]["contradicts"] >= 3, kp.id


def _write(tmp_path: Path, text: str, name: str = "adam-optimizer.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text))
    return path


def test_bad_items_are_named(tmp_path: Path, bank: Bank) -> None:
    path = _write(
        tmp_path,
        """\
        question: adam-optimizer
        items:
          - text: "Adam keeps two moving averages for every weight."
            case: paraphrase
            labels: {first-moment: states, no-such-point: unrelated}
          - text: "adam keeps two moving averages for every weight!"
            case: terse
            labels: {memory-cost: mentions}
        """,
    )
    parsed, problems = read_claim_file(path)
    assert parsed is not None and problems == []
    found = [str(p) for p in check_claim_file(parsed, str(path), bank)]
    assert any("'no-such-point' is not a key point" in p for p in found)
    assert any("repeats the text of items[0]" in p for p in found)


def test_wrong_label_and_case_are_schema_errors(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        """\
        question: adam-optimizer
        items:
          - text: "Adam keeps two moving averages for every weight."
            case: clever
            labels: {first-moment: true-ish}
        """,
    )
    parsed, problems = read_claim_file(path)
    assert parsed is None
    assert {p.field for p in problems} == {"items.0.case", "items.0.labels.first-moment"}


def test_copying_a_calibration_answer_is_refused(tmp_path: Path, bank: Bank) -> None:
    question = bank.question("adam-optimizer")
    strong = next(c.answer for c in question.calibration if c.level == "strong")
    copied = " ".join(strong.split()[10:22])
    path = _write(
        tmp_path,
        f"""\
        question: adam-optimizer
        items:
          - text: "{copied}"
            case: paraphrase
            labels: {{first-moment: states}}
        """,
    )
    parsed, _ = read_claim_file(path)
    assert parsed is not None
    found = [str(p) for p in check_claim_file(parsed, str(path), bank)]
    assert any("calibration answer" in p for p in found)


def test_content_check_reports_a_missing_claims_file(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "content"
    shutil.copytree(default_content_dir(), root)
    (root / "claims" / "adam-optimizer.yaml").unlink()
    _bank, problems = check_content([root])
    assert any("claims/adam-optimizer.yaml" in str(p) and "missing" in str(p) for p in problems), (
        problems
    )


def test_claims_folder_is_next_to_the_questions() -> None:
    assert claims_dir() == default_content_dir() / "claims"
    assert (claims_dir() / "README.md").is_file()
