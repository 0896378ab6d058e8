"""The shipped claim verifier: it loads, reproduces its card, and training is deterministic."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from barraiser.cli import app
from barraiser.content.bank import get_bank
from barraiser.content.claims import load_claims, pairs
from barraiser.grading.verifier import LABELS, ClaimVerifier, shipped_model_dir
from barraiser.grading.verifier.card import card_markdown, check_shipped
from barraiser.grading.verifier.runtime import CHECK_SLICE_FILE, MODEL_FILE
from barraiser.grading.verifier.train import (
    HELD_OUT_QUESTIONS,
    TrainOptions,
    read_slice,
    train,
    write_slice,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "claim-verifier.md"


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    bank = get_bank()
    files, problems = load_claims(bank)
    assert not problems
    return pairs(bank, files.values())


def test_shipped_weights_are_small_int8_and_load() -> None:
    folder = shipped_model_dir()
    size = (folder / MODEL_FILE).stat().st_size
    assert size <= 60 * 1024 * 1024
    verifier = ClaimVerifier()
    probs = verifier.verify(
        [
            (
                "Adam needs more optimiser memory than SGD.",
                "Adam keeps two extra buffers per weight, so its state is bigger than SGD's.",
            ),
            (
                "Adam needs more optimiser memory than SGD.",
                "Adam is leaner on memory than SGD with momentum.",
            ),
        ]
    )
    assert probs.shape == (2, len(LABELS))
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0], abs=1e-4)
    # Each pair is run alone: the same pair gives the same figures in any batch.
    alone = verifier.verify([("Adam needs more optimiser memory than SGD.", "Adam is leaner.")])
    mixed = verifier.verify(
        [("a", "b"), ("Adam needs more optimiser memory than SGD.", "Adam is leaner.")]
    )
    assert alone[0] == pytest.approx(mixed[1], abs=1e-6)


def test_shipped_weights_reproduce_the_card(corpus) -> None:  # type: ignore[no-untyped-def]
    result = check_shipped(ClaimVerifier(), corpus)
    # Checked on the slice stored beside the weights, so later corrections to the claim files
    # (result.corpus_matches False) do not make the shipped model look broken.
    assert result.slice_stored and result.ok, result
    assert result.pairs == ClaimVerifier().card["check_slice"]["pairs"]


def test_stored_slice_is_every_nth_pair_of_the_held_out_questions() -> None:
    verifier = ClaimVerifier()
    chosen = read_slice(verifier.folder / CHECK_SLICE_FILE)
    held = set(verifier.card["corpus"]["held_out_questions"])
    assert {p.question_id for p in chosen} <= held
    # Every held-out question of any size has a pair in it.
    assert len({p.question_id for p in chosen}) == len(held)
    assert len(chosen) == len(verifier.card["check_slice"]["predicted"])


def test_check_fails_when_the_slice_does_not_match_the_card(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(shipped_model_dir(), folder)
    chosen = read_slice(folder / CHECK_SLICE_FILE)
    # Relabel a tenth of the slice: the model's accuracy on it moves away from the card's.
    relabelled = [
        replace(p, label=LABELS[(LABELS.index(p.label) + 1) % len(LABELS)]) if i % 10 == 0 else p
        for i, p in enumerate(chosen)
    ]
    write_slice(folder / CHECK_SLICE_FILE, relabelled)
    result = check_shipped(ClaimVerifier(folder), [])
    assert result.agreement == 1.0  # the weights are the same ...
    assert not result.ok  # ... but the card's accuracy is not reproduced


def test_card_holds_out_a_fifth_of_the_bank_and_reports_per_label_figures() -> None:
    card = ClaimVerifier().card
    bank = get_bank()
    free_text = [q for q in bank.questions.values() if q.is_free_text]
    held = card["corpus"]["held_out_questions"]
    assert list(held) == list(HELD_OUT_QUESTIONS)
    # At least a fifth of the questions the corpus held when it was trained were kept out ...
    trained_on = card["corpus"]["question_ids"]
    assert len(held) >= 0.2 * len(trained_on)
    # ... and of today's bank, the model has not seen at least a fifth (held out, or written
    # since it was trained).
    unseen = [q for q in free_text if q.id in held or q.id not in trained_on]
    assert len(unseen) >= 0.2 * len(free_text)
    metrics = card["metrics"]["held_out"]
    assert set(metrics["labels"]) == set(LABELS)
    assert card["corpus"]["all"]["pairs"] >= 12_000


def test_docs_card_is_the_shipped_card() -> None:
    assert DOCS.read_text(encoding="utf-8") == card_markdown(ClaimVerifier().card)


def test_cli_check_and_card() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["grader", "check", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ok"] is True
    card = runner.invoke(app, ["grader", "card"])
    assert card.exit_code == 0 and json.loads(card.stdout)["version"]


def _digest(folder: Path) -> str:
    return hashlib.sha256((folder / MODEL_FILE).read_bytes()).hexdigest()


def test_training_is_seeded_and_deterministic(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A short run twice gives the same weights; the result loads and is measured."""
    options = TrainOptions(epochs=1, limit=96)
    first = train(corpus, tmp_path / "a", options)
    second = train(corpus, tmp_path / "b", options)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert first.card["metrics"]["held_out"]["pairs"] > 0
    assert first.card["corpus"]["digest"] == second.card["corpus"]["digest"]
    ClaimVerifier(tmp_path / "a").verify([("a claim", "a sentence")])
    # The check slice is stored beside the weights, and the fresh model reproduces its card.
    stored = read_slice(tmp_path / "a" / CHECK_SLICE_FILE)
    assert len(stored) == first.card["check_slice"]["pairs"] > 0
    assert check_shipped(ClaimVerifier(tmp_path / "a"), corpus).ok
