"""Lab 15: a stacked SMS spam classifier, its meta-classifier and how that is trained.

Naive Bayes (word counts), a linear SVM and a random forest (both on TF-IDF) are the base
models.  A logistic-regression meta-classifier is trained on their out-of-fold scores (inner
5-fold cross-validation inside each outer training fold), and, to show the leak, a second one on
the base models' scores for their own training messages.  Both stacks are compared with each
base model and a majority vote on outer folds that no model saw.  Duplicate texts are removed
before any split, so a message and its copy cannot sit on both sides.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import SMS_SPAM

if TYPE_CHECKING:
    import numpy as np

_BASES = {"nb": "naive Bayes", "svm": "linear SVM", "rf": "random forest"}
_ALL = {
    **_BASES,
    "vote": "majority vote of the three",
    "stack": "stack: logistic regression on out-of-fold scores",
    "stack_in": "stack trained on in-sample scores (leaky)",
}


def _base(key: str, rs: int) -> Any:
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import LinearSVC

    if key == "nb":
        return make_pipeline(CountVectorizer(), MultinomialNB())
    if key == "svm":
        return make_pipeline(TfidfVectorizer(sublinear_tf=True), LinearSVC(C=1.0))
    return make_pipeline(
        TfidfVectorizer(sublinear_tf=True),
        RandomForestClassifier(n_estimators=100, random_state=rs, n_jobs=2),
    )


def _scores(model: Any, texts: np.ndarray) -> np.ndarray:
    """Spam probability, or the SVM's signed distance to its margin."""
    import numpy as np

    if hasattr(model, "predict_proba"):
        return np.asarray(model.predict_proba(texts)[:, 1])
    return np.asarray(model.decision_function(texts))


def _counts(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """True positives, false positives (ham flagged), false negatives (spam missed)."""
    import numpy as np

    return np.array(
        [
            np.sum((pred == 1) & (y == 1)),
            np.sum((pred == 1) & (y == 0)),
            np.sum((pred == 0) & (y == 1)),
        ]
    )


def _weight_shares(meta: Any, z: np.ndarray) -> np.ndarray:
    """Each input's share of the meta-model's weight, with inputs put on one scale (x std)."""
    import numpy as np

    w = np.abs(meta.coef_[0]) * z.std(axis=0)
    return np.asarray(w / w.sum())


def run(ctx: LabContext) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from barraiser.labs.data import load_sms_spam

    rs = ctx.seed % (2**31)
    ctx.progress("loading the SMS Spam Collection", 0.0)
    raw = load_sms_spam()
    frame = raw.drop_duplicates(subset="text")
    ctx.metric("duplicates_removed", len(raw) - len(frame))
    texts = frame["text"].to_numpy()
    y = (frame["label"] == "spam").to_numpy(dtype=int)

    outer = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=rs).split(texts, y))
    outer = outer[: ctx.pick(2, 5)]
    totals = {k: np.zeros(3, dtype=int) for k in _ALL}
    shares_oof: list[np.ndarray] = []
    shares_in: list[np.ndarray] = []
    rf_recall_in: list[float] = []
    rf_recall_oof: list[float] = []
    missed_by_all = 0
    caught_by_stack = 0
    # Per held-out message: is each model right? (for paired comparisons of error counts)
    right: dict[str, list[np.ndarray]] = {k: [] for k in _ALL}
    n_eval = 0
    steps = len(outer) * len(_BASES)
    for o, (tr, te) in enumerate(outer):
        x_tr, y_tr, x_te, y_te = texts[tr], y[tr], texts[te], y[te]
        n_eval += len(te)
        inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=rs + o)
        z_oof = np.zeros((len(tr), len(_BASES)))
        z_in = np.zeros((len(tr), len(_BASES)))
        z_te = np.zeros((len(te), len(_BASES)))
        preds = np.zeros((len(te), len(_BASES)), dtype=int)
        for j, key in enumerate(_BASES):
            ctx.progress(f"outer fold {o + 1}/{len(outer)}: {_BASES[key]}", (o * 3 + j) / steps)
            for fit_idx, val_idx in inner.split(x_tr, y_tr):
                model = _base(key, rs).fit(x_tr[fit_idx], y_tr[fit_idx])
                z_oof[val_idx, j] = _scores(model, x_tr[val_idx])
            model = _base(key, rs).fit(x_tr, y_tr)
            z_in[:, j] = _scores(model, x_tr)
            z_te[:, j] = _scores(model, x_te)
            preds[:, j] = model.predict(x_te)
            totals[key] += _counts(y_te, preds[:, j])
            right[key].append(preds[:, j] == y_te)
            if key == "rf":
                spam = y_tr == 1
                rf_recall_in.append(float(np.mean(z_in[spam, j] >= 0.5)))
                rf_recall_oof.append(float(np.mean(z_oof[spam, j] >= 0.5)))
        meta = LogisticRegression(max_iter=1000).fit(z_oof, y_tr)
        meta_in = LogisticRegression(max_iter=1000).fit(z_in, y_tr)
        stack = meta.predict(z_te)
        totals["stack"] += _counts(y_te, stack)
        totals["stack_in"] += _counts(y_te, meta_in.predict(z_te))
        totals["vote"] += _counts(y_te, (preds.sum(axis=1) >= 2).astype(int))
        right["stack"].append(stack == y_te)
        right["stack_in"].append(meta_in.predict(z_te) == y_te)
        right["vote"].append((preds.sum(axis=1) >= 2).astype(int) == y_te)
        shares_oof.append(_weight_shares(meta, z_oof))
        shares_in.append(_weight_shares(meta_in, z_in))
        all_miss = (y_te == 1) & (preds.sum(axis=1) == 0)
        missed_by_all += int(all_miss.sum())
        caught_by_stack += int(np.sum(all_miss & (stack == 1)))

    m = ctx.metrics
    n_spam = int(totals["nb"][0] + totals["nb"][2])
    for k, (tp, fp, fn) in totals.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn)
        ctx.metric(f"precision_{k}", precision)
        ctx.metric(f"recall_{k}", recall)
        ctx.metric(f"f1_{k}", 2 * precision * recall / (precision + recall))
        ctx.metric(f"errors_{k}", fp + fn)
        ctx.metric(f"ham_flagged_{k}", fp)
        ctx.metric(f"spam_missed_{k}", fn)
    best = max(_BASES, key=lambda k: m[f"f1_{k}"])
    ctx.metric("f1_best_base", m[f"f1_{best}"])
    # Paired comparison of the stack with each rival on the same messages: messages only the
    # stack gets right, messages only the rival gets right. With no real difference, the first
    # minus the second has a standard error of about sqrt(their sum) (McNemar).
    stack_right = np.concatenate(right["stack"])
    for rival in ("best", "vote", "stack_in"):
        other = np.concatenate(right[best if rival == "best" else rival])
        ctx.metric(f"only_stack_right_vs_{rival}", int(np.sum(stack_right & ~other)))
        ctx.metric(f"only_rival_right_vs_{rival}", int(np.sum(~stack_right & other)))
    ctx.metric("messages_evaluated", n_eval)
    ctx.metric("spam_evaluated", n_spam)
    ctx.metric("missed_by_all_bases", missed_by_all)
    ctx.metric("caught_by_stack_of_those", caught_by_stack)
    ctx.metric("rf_train_recall_in_sample", float(np.mean(rf_recall_in)))
    ctx.metric("rf_train_recall_out_of_fold", float(np.mean(rf_recall_oof)))
    mean_oof = np.mean(shares_oof, axis=0)
    mean_in = np.mean(shares_in, axis=0)
    for j, key in enumerate(_BASES):
        ctx.metric(f"weight_share_{key}_oof", float(mean_oof[j]))
        ctx.metric(f"weight_share_{key}_in_sample", float(mean_in[j]))

    ctx.table(
        f"Spam detection on held-out outer folds ({n_eval} distinct messages, {n_spam} spam)",
        ["model", "precision (spam)", "recall (spam)", "F1 (spam)", "ham flagged", "spam missed"],
        [
            [
                label,
                m[f"precision_{k}"],
                m[f"recall_{k}"],
                m[f"f1_{k}"],
                int(m[f"ham_flagged_{k}"]),
                int(m[f"spam_missed_{k}"]),
            ]
            for k, label in _ALL.items()
        ],
    )
    ctx.table(
        "Meta-classifier weights (|coefficient| x input std, as a share of the total)",
        ["base model", "trained on out-of-fold scores", "trained on in-sample scores"],
        [[_BASES[k], m[f"weight_share_{k}_oof"], m[f"weight_share_{k}_in_sample"]] for k in _BASES],
    )

    ctx.progress("drawing figures", 0.95)
    fig = ctx.new_figure(11, 4.3)
    ax1 = fig.add_subplot(1, 2, 1)
    colors = {
        "nb": "tab:blue",
        "svm": "tab:orange",
        "rf": "tab:green",
        "vote": "tab:gray",
        "stack": "tab:red",
        "stack_in": "tab:pink",
    }
    for k, label in _ALL.items():
        ax1.scatter(m[f"recall_{k}"], m[f"precision_{k}"], s=60, color=colors[k], label=label)
    ax1.set_xlabel("recall on spam")
    ax1.set_ylabel("precision on spam")
    ax1.set_title("Held-out precision and recall on spam")
    ax1.legend(fontsize=7, loc="lower left")
    ax1.grid(alpha=0.3)

    ax2 = fig.add_subplot(1, 2, 2)
    pos = np.arange(len(_BASES))
    ax2.bar(pos - 0.2, mean_oof, 0.4, color="tab:red", label="out-of-fold scores")
    ax2.bar(pos + 0.2, mean_in, 0.4, color="tab:pink", label="in-sample scores (leaky)")
    ax2.set_xticks(pos, list(_BASES.values()))
    ax2.set_ylabel("share of the meta-model's weight")
    ax2.set_title("What the logistic-regression meta-model relies on")
    ax2.legend(fontsize=8)
    ctx.save_figure(
        fig,
        "stacking_spam",
        "Left: precision and recall on spam of each base model, the majority vote and two "
        "stacks, pooled over held-out outer folds. Right: how the meta-model spreads its weight "
        "over the base models when trained on out-of-fold scores and on in-sample scores.",
    )

    ctx.claim(
        "stack-beats-best-base",
        "(guide) A logistic-regression meta-classifier refines and improves on the individual "
        "predictions of the base models.",
        m["f1_stack"] > m["f1_best_base"] and _paired_better(m, "best"),
        f"spam F1 {m['f1_stack']:.3f} for the stack vs {m['f1_best_base']:.3f} for the best "
        f"base model ({_BASES[best]}); {int(m['errors_stack'])} vs {int(m[f'errors_{best}'])} "
        f"errors; {_paired_evidence(m, 'best')}",
    )
    ctx.claim(
        "stack-beats-vote",
        "A learned weighting of the base models' scores beats a simple majority vote.",
        m["f1_stack"] > m["f1_vote"] and _paired_better(m, "vote"),
        f"spam F1 {m['f1_stack']:.3f} vs {m['f1_vote']:.3f}; recall {m['recall_stack']:.3f} "
        f"vs {m['recall_vote']:.3f}; precision {m['precision_stack']:.3f} vs "
        f"{m['precision_vote']:.3f}; {_paired_evidence(m, 'vote')}",
    )
    ctx.claim(
        "forest-memorises-training",
        "A random forest classifies its own training messages almost perfectly, so its "
        "in-sample scores overstate how good it is.",
        m["rf_train_recall_in_sample"] >= 0.99
        and m["rf_train_recall_in_sample"] - m["rf_train_recall_out_of_fold"] >= 0.1,
        f"spam recall on its own training messages {m['rf_train_recall_in_sample']:.3f} vs "
        f"{m['rf_train_recall_out_of_fold']:.3f} out of fold",
    )
    ctx.claim(
        "meta-over-trusts-forest",
        "Earlier model answer: trained on in-sample predictions, the meta-model learns to "
        "trust the random forest too much.",
        m["weight_share_rf_in_sample"] > m["weight_share_rf_oof"],
        f"random forest's share of the meta-model's weight {m['weight_share_rf_in_sample']:.2f} "
        f"in-sample vs {m['weight_share_rf_oof']:.2f} out of fold (SVM "
        f"{m['weight_share_svm_in_sample']:.2f} vs {m['weight_share_svm_oof']:.2f})",
    )
    ctx.claim(
        "oof-beats-in-sample",
        "A meta-classifier trained on out-of-fold predictions does better on new messages than "
        "one trained on the base models' in-sample predictions.",
        m["f1_stack"] > m["f1_stack_in"] and _paired_better(m, "stack_in"),
        f"spam F1 {m['f1_stack']:.3f} vs {m['f1_stack_in']:.3f} "
        f"({int(m['errors_stack'])} vs {int(m['errors_stack_in'])} errors); "
        f"{_paired_evidence(m, 'stack_in')}",
    )
    ctx.claim(
        "shared-mistakes",
        "If all the base models miss the same spam, no meta-classifier fixes that: the stack "
        "catches under a quarter of the spam that all three miss.",
        m["caught_by_stack_of_those"] < 0.25 * max(m["missed_by_all_bases"], 1),
        f"all three base models miss {missed_by_all} spam messages; the stack catches "
        f"{caught_by_stack} of them",
    )
    ctx.note(
        f"{int(m['duplicates_removed'])} messages that repeat an earlier text were removed "
        "before splitting, so no copy of a test message is in training. Each outer training "
        "fold is split again (5 folds) to produce the out-of-fold scores; the meta-model's "
        "inputs are naive Bayes and forest spam probabilities and the SVM's margin."
    )
    ctx.note(
        "The leak is real but small here: the meta-model is a regularised logistic regression "
        "with three inputs, so overconfident in-sample scores shift its weights (towards the "
        "SVM, whose margins on its own training messages are as overconfident as the forest's "
        f"probabilities) and cost {int(m['errors_stack_in'] - m['errors_stack'])} extra errors "
        f"out of {n_eval} messages, a difference the paired count above cannot tell from "
        "chance. A more flexible meta-model would have more room to overfit."
    )


def _paired_better(m: dict[str, float], rival: str) -> bool:
    """The stack gets more messages right that the rival gets wrong than the reverse, by more
    than two standard errors of that difference (McNemar's normal approximation)."""
    a, b = m[f"only_stack_right_vs_{rival}"], m[f"only_rival_right_vs_{rival}"]
    return a - b > 2 * math.sqrt(a + b)


def _paired_evidence(m: dict[str, float], rival: str) -> str:
    a, b = m[f"only_stack_right_vs_{rival}"], m[f"only_rival_right_vs_{rival}"]
    return (
        f"{int(a)} messages only the stack gets right vs {int(b)} only the other "
        f"(a difference counts above {2 * math.sqrt(a + b):.1f}, two standard errors)"
    )


LAB = Lab(
    id="stacking-spam",
    title="Stacking an SMS spam classifier: logistic regression on out-of-fold predictions",
    question_id="stacking-meta-classifier",
    guide_question=15,
    summary=(
        "Naive Bayes, a linear SVM and a random forest classify the SMS Spam Collection (with "
        "duplicate texts removed); a logistic-regression meta-model combines their out-of-fold "
        "scores. Nested cross-validation compares the stack with each base model, a majority "
        "vote and a leaky stack trained on in-sample scores, on precision and recall for spam. "
        "The stack edges out the best base model and the vote; spam that all three base models "
        "miss stays missed."
    ),
    datasets=[SMS_SPAM],
    run=run,
)
