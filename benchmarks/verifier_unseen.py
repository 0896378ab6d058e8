"""The shipped claim verifier on questions written after it was trained.

The model card names the questions its corpus covered (``corpus.question_ids``); the claim
pairs of every other question in today's bank were written later, so the model has never seen
them, whether or not they are held out.  This prints its per-label precision and recall on
those pairs, beside the card's held-out figures: new content keeps arriving, and this is how the
verifier reads it before the next training.

Run: ``.venv/bin/python benchmarks/verifier_unseen.py``
"""

from __future__ import annotations

from collections import Counter

from barraiser.content.bank import get_bank
from barraiser.content.claims import load_claims, pairs
from barraiser.grading.verifier import ClaimVerifier
from barraiser.grading.verifier.metrics import accuracy_by, classification_report
from barraiser.grading.verifier.train import predict


def main() -> int:
    bank = get_bank()
    files, problems = load_claims(bank)
    if problems:
        print(f"{len(problems)} claim problem(s): run `barraiser content check`")
        return 1
    verifier = ClaimVerifier()
    card = verifier.card
    known = set(card["corpus"]["question_ids"])
    unseen = [p for p in pairs(bank, files.values()) if p.question_id not in known]
    if not unseen:
        print("Every question with claims was in the model's corpus: nothing unseen to measure.")
        return 0
    questions = sorted({p.question_id for p in unseen})
    print(
        f"verifier {card['version']}: {len(unseen):,} pairs of {len(questions)} questions "
        "written after it was trained"
    )
    predicted = predict(verifier, unseen)
    gold = [p.label for p in unseen]
    report = classification_report(gold, predicted)
    print(f"  accuracy {report['accuracy']:.3f}, macro-F1 {report['macro_f1']:.3f}")
    for label, figures in report["labels"].items():
        print(
            f"  {label:12s} precision {figures['precision']:.3f}  recall {figures['recall']:.3f}"
            f"  ({figures['support']:,} pairs)"
        )
    held = card["metrics"]["held_out"]
    print(
        f"  (card, held-out questions: accuracy {held['accuracy']:.3f}, "
        f"macro-F1 {held['macro_f1']:.3f})"
    )
    print("  by question:")
    for question, figures in accuracy_by([p.question_id for p in unseen], gold, predicted).items():
        print(f"    {question:40s} {figures['accuracy']:.3f}  ({figures['pairs']} pairs)")
    kinds = Counter(bank.question(q).kind for q in questions)
    print("  kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
