"""Classification metrics of the verifier: accuracy, per-label precision/recall/F1, confusion."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from barraiser.grading.verifier.runtime import LABELS


def classification_report(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label precision/recall/F1/support and the confusion matrix.

    ``confusion[g][p]`` counts pairs whose gold label is ``g`` and prediction ``p``.
    """
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    per_label: dict[str, dict[str, float]] = {}
    for label in LABELS:
        tp = confusion[label][label]
        predicted_n = sum(confusion[g][label] for g in LABELS)
        support = sum(confusion[label].values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "support": support,
        }
    total = len(gold)
    correct = sum(confusion[label][label] for label in LABELS)
    present = [lab for lab in LABELS if per_label[lab]["support"]]
    macro = sum(per_label[lab]["f1"] for lab in present) / len(present) if present else 0.0
    return {
        "pairs": total,
        "accuracy": round(correct / total, 4) if total else 0.0,
        "macro_f1": round(macro, 4),
        "labels": per_label,
        "confusion": confusion,
    }


def accuracy_by(
    keys: Sequence[str], gold: Sequence[str], predicted: Sequence[str]
) -> dict[str, Any]:
    """Accuracy per group (e.g. per hard case or per question), with the group's size."""
    groups: dict[str, list[bool]] = {}
    for key, g, p in zip(keys, gold, predicted, strict=True):
        groups.setdefault(key, []).append(g == p)
    return {
        key: {"pairs": len(hits), "accuracy": round(sum(hits) / len(hits), 4)}
        for key, hits in sorted(groups.items())
    }
