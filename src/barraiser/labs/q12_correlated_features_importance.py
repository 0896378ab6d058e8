"""Lab 12: how two highly correlated features show up in a random forest's feature importance.

A forest is trained on the breast-cancer table, then again with an exact copy of its most
important feature added.  Impurity importance (scikit-learn's default ``feature_importances_``)
and permutation importance on held-out rows are compared, and the remedy is tried: cluster the
features on their Spearman correlation, permute each cluster as a group, and keep one feature
per cluster.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import BREAST_CANCER

if TYPE_CHECKING:
    import numpy as np

# Features whose average-linkage distance 1 - |Spearman rho| is below this share a cluster.
_CLUSTER_DISTANCE = 0.2


def _permutation_drop(
    model: Any,
    x: np.ndarray,
    y: np.ndarray,
    columns: list[int],
    n_repeats: int,
    rng: np.random.Generator,
) -> float:
    """Mean fall in accuracy when ``columns`` are shuffled together (one row order for all)."""
    import numpy as np

    base = float(np.mean(model.predict(x) == y))
    drops = []
    for _ in range(n_repeats):
        shuffled = x.copy()
        order = rng.permutation(len(x))
        shuffled[:, columns] = x[order][:, columns]
        drops.append(base - float(np.mean(model.predict(shuffled) == y)))
    return float(np.mean(drops))


def _clusters(x: np.ndarray) -> list[list[int]]:
    """Groups of features clustered on 1 - |Spearman correlation| (average linkage)."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from scipy.stats import spearmanr

    rho = spearmanr(x).statistic
    distance = 1 - np.abs((rho + rho.T) / 2)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(
        linkage(squareform(distance, checks=False), method="average"),
        t=_CLUSTER_DISTANCE,
        criterion="distance",
    )
    groups: dict[int, list[int]] = {}
    for column, label in enumerate(labels):
        groups.setdefault(int(label), []).append(column)
    return list(groups.values())


def run(ctx: LabContext) -> None:
    import numpy as np
    from scipy.stats import spearmanr
    from sklearn.datasets import load_breast_cancer
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

    rs = ctx.seed % (2**31)
    n_trees = ctx.pick(100, 200)
    n_repeats = ctx.pick(5, 10)
    n_seeds = ctx.pick(3, 6)
    data = load_breast_cancer()
    x, y, names = data.data, data.target, list(data.feature_names)
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.3, stratify=y, random_state=rs)

    def forest(xs: np.ndarray, seed: int = rs) -> Any:
        model = RandomForestClassifier(n_estimators=n_trees, random_state=seed, n_jobs=2)
        return model.fit(xs, y_tr)

    def mean_mdi(xs: np.ndarray) -> np.ndarray:
        # impurity importance varies from forest to forest; average a few seeds
        runs = [forest(xs, rs + k).feature_importances_ for k in range(n_seeds)]
        return np.asarray(np.mean(runs, axis=0))

    ctx.progress("training the forest on the 30 features", 0.05)
    model_a = forest(x_tr)
    mdi_a = mean_mdi(x_tr)
    top = int(np.argmax(mdi_a))
    ctx.progress("permutation importance of each feature", 0.15)
    rng = np.random.default_rng(rs)
    perm_a = np.array(
        [_permutation_drop(model_a, x_te, y_te, [j], n_repeats, rng) for j in range(x.shape[1])]
    )
    ctx.metric("accuracy_a", float(np.mean(model_a.predict(x_te) == y_te)))
    ctx.metric("mdi_top_a", float(mdi_a[top]))
    ctx.metric("perm_top_a", float(perm_a[top]))
    # the guide's claim concerns the forest's own attribute, so compare that one directly
    builtin = model_a.feature_importances_
    rank_corr = float(spearmanr(builtin, perm_a).statistic)
    ctx.metric("rank_corr_mdi_perm", rank_corr)
    ctx.metric("same_top_feature", float(int(np.argmax(perm_a)) == int(np.argmax(builtin))))

    ctx.progress("adding an exact copy of the strongest feature", 0.4)
    x_tr_b = np.column_stack([x_tr, x_tr[:, top]])
    x_te_b = np.column_stack([x_te, x_te[:, top]])
    copy = x.shape[1]
    names_b = [*names, f"{names[top]} (copy)"]
    model_b = forest(x_tr_b)
    mdi_b = mean_mdi(x_tr_b)
    perm_b = np.array(
        [
            _permutation_drop(model_b, x_te_b, y_te, [j], n_repeats, rng)
            for j in range(x_tr_b.shape[1])
        ]
    )
    ctx.metric("accuracy_b", float(np.mean(model_b.predict(x_te_b) == y_te)))
    changes = mdi_a - mdi_b[:copy]
    changes[top] = -np.inf
    second = int(np.argmax(changes))
    ctx.metric("mdi_second_a", float(mdi_a[second]))
    ctx.metric("mdi_second_b", float(mdi_b[second]))
    ctx.metric("mdi_top_b", float(mdi_b[top]))
    ctx.metric("mdi_copy_b", float(mdi_b[copy]))
    ctx.metric("perm_top_b", float(perm_b[top]))
    ctx.metric("perm_copy_b", float(perm_b[copy]))
    ranks_b = np.argsort(-perm_b)
    ctx.metric("perm_rank_top_b", float(int(np.where(ranks_b == top)[0][0]) + 1))
    ctx.metric("perm_rank_copy_b", float(int(np.where(ranks_b == copy)[0][0]) + 1))

    ctx.progress("clustering correlated features", 0.6)
    clusters = _clusters(x_tr)
    top_cluster = next(c for c in clusters if top in c)
    ctx.metric("n_clusters", len(clusters))
    ctx.metric("top_cluster_size", len(top_cluster))
    ctx.metric("perm_pair_b", _permutation_drop(model_b, x_te_b, y_te, [top, copy], n_repeats, rng))
    ctx.metric(
        "perm_cluster_b",
        _permutation_drop(model_b, x_te_b, y_te, [*top_cluster, copy], n_repeats, rng),
    )
    group_rows = []
    for cluster in sorted(clusters, key=lambda c: -float(mdi_a[c].sum())):
        if len(cluster) == 1 and mdi_a[cluster[0]] < 0.02:
            continue
        drop = _permutation_drop(model_a, x_te, y_te, cluster, n_repeats, rng)
        label = ", ".join(names[j] for j in cluster[:4]) + (" ..." if len(cluster) > 4 else "")
        group_rows.append(
            [label, len(cluster), float(mdi_a[cluster].sum()), float(perm_a[cluster].sum()), drop]
        )
        if cluster is top_cluster:
            ctx.metric("perm_cluster_a", drop)
            ctx.metric("perm_cluster_members_sum_a", float(perm_a[cluster].sum()))

    ctx.progress("keeping one feature per cluster", 0.8)
    keep = [max(c, key=lambda j: float(mdi_a[j])) for c in clusters]
    model_c = forest(x_tr[:, keep])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=rs)
    cv_model = RandomForestClassifier(n_estimators=n_trees, random_state=rs, n_jobs=2)
    ctx.metric("cv_accuracy_all", float(cross_val_score(cv_model, x, y, cv=folds).mean()))
    ctx.metric(
        "cv_accuracy_one_per_cluster",
        float(cross_val_score(cv_model, x[:, keep], y, cv=folds).mean()),
    )
    ctx.metric("n_kept", len(keep))
    perm_c = [
        _permutation_drop(model_c, x_te[:, keep], y_te, [i], n_repeats, rng)
        for i in range(len(keep))
    ]
    ctx.metric("perm_top_one_per_cluster", float(perm_c[keep.index(top)]))

    order = np.argsort(-mdi_b)[:10]
    ctx.table(
        f"Importances with an exact copy of '{names[top]}' added (accuracy drop on "
        f"{len(y_te)} held-out rows, {n_repeats} shuffles)",
        ["feature", "impurity (MDI)", "permutation", "MDI without the copy"],
        [
            [names_b[j], float(mdi_b[j]), float(perm_b[j]), float(mdi_a[j]) if j < copy else None]
            for j in order
        ],
    )
    ctx.table(
        f"Clusters of correlated features (1 - |Spearman rho| < {_CLUSTER_DISTANCE}), "
        "permuted as groups in the 30-feature forest",
        [
            "cluster",
            "features",
            "MDI (sum)",
            "permutation, one at a time (sum)",
            "permutation, whole group",
        ],
        group_rows,
    )

    ctx.progress("drawing figures", 0.9)
    fig = ctx.new_figure(11, 4.8)
    ax = fig.add_subplot(1, 2, 1)
    pos = np.arange(len(order))
    mdi_share = mdi_b[order] / mdi_b.sum()
    perm_share = perm_b[order] / max(float(perm_b.clip(min=0).sum()), 1e-12)
    ax.barh(pos - 0.2, mdi_share, height=0.4, label="impurity (MDI)", color="tab:blue")
    ax.barh(pos + 0.2, perm_share, height=0.4, label="permutation", color="tab:orange")
    ax.set_yticks(pos, [names_b[j] for j in order], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("share of the total importance")
    ax.set_title("With an exact copy of the strongest feature")
    ax.legend(fontsize=8)
    ax2 = fig.add_subplot(1, 2, 2)
    labels = ["feature", "its copy", "both", "whole cluster"]
    values = [
        ctx.metrics["perm_top_b"],
        ctx.metrics["perm_copy_b"],
        ctx.metrics["perm_pair_b"],
        ctx.metrics["perm_cluster_b"],
    ]
    ax2.bar(labels, values, color=["tab:orange", "tab:orange", "tab:red", "tab:purple"])
    ax2.set_ylabel("accuracy drop when shuffled")
    ax2.set_title(f"Permuting '{names[top]}' alone and in groups")
    ctx.save_figure(
        fig,
        "importance",
        "Left: impurity and permutation importance (as shares of their totals) for the ten "
        "features with the highest impurity importance, after adding an exact copy of the "
        "strongest one. Right: accuracy lost when the feature, its copy, both, or its whole "
        "correlated cluster are shuffled.",
    )

    m = ctx.metrics
    pair = m["mdi_top_b"] + m["mdi_copy_b"]
    ctx.metric("mdi_pair_b", pair)
    ctx.claim(
        "mdi-split",
        "With impurity importance the credit is shared: some trees split on one of the two "
        "identical features and some on the other, so both get a real part of it.",
        min(m["mdi_top_b"], m["mdi_copy_b"]) > 0.3 * pair,
        f"'{names[top]}': MDI {m['mdi_top_a']:.3f} alone; {m['mdi_top_b']:.3f} and "
        f"{m['mdi_copy_b']:.3f} with its copy, {min(m['mdi_top_b'], m['mdi_copy_b']) / pair:.0%} "
        f"of the pair's total for the smaller (mean of {n_seeds} forests)",
    )
    ctx.claim(
        "mdi-sum-unchanged",
        "Earlier model answer: each of the two looks about half as important as the signal, "
        "and together they get roughly what one of them would get alone.",
        abs(pair - m["mdi_top_a"]) <= 0.25 * m["mdi_top_a"]
        and max(m["mdi_top_b"], m["mdi_copy_b"]) <= 0.75 * m["mdi_top_a"],
        f"each keeps {m['mdi_top_b'] / m['mdi_top_a']:.0%} and "
        f"{m['mdi_copy_b'] / m['mdi_top_a']:.0%} of the single feature's {m['mdi_top_a']:.3f}; "
        f"the pair gets {pair:.3f} ({pair / m['mdi_top_a'] - 1:+.0%}), partly taken from "
        f"'{names[second]}' ({m['mdi_second_a']:.3f} to {m['mdi_second_b']:.3f})",
    )
    ctx.claim(
        "permutation-both-low",
        "With permutation importance, shuffling one feature leaves its twin to carry the "
        "signal, so each looks unimportant while shuffling the correlated group hurts.",
        max(m["perm_top_b"], m["perm_copy_b"]) < 0.5 * m["perm_cluster_b"],
        f"accuracy drop {m['perm_top_b']:.3f} (feature), {m['perm_copy_b']:.3f} (copy), "
        f"{m['perm_pair_b']:.3f} (both), {m['perm_cluster_b']:.3f} (its cluster of "
        f"{len(top_cluster)} features plus the copy)",
    )
    ctx.claim(
        "one-per-cluster",
        "Keeping one feature per correlated cluster loses little accuracy and gives importances "
        "that reflect the shared information.",
        m["cv_accuracy_one_per_cluster"] >= m["cv_accuracy_all"] - 0.02
        and m["perm_top_one_per_cluster"] > 2 * max(m["perm_top_a"], 0.001),
        f"{m['n_kept']:.0f} of 30 features kept: 5-fold accuracy "
        f"{m['cv_accuracy_one_per_cluster']:.3f} vs {m['cv_accuracy_all']:.3f}; permutation "
        f"importance of '{names[top]}' "
        f"{m['perm_top_one_per_cluster']:.3f} vs {m['perm_top_a']:.3f} among all 30",
    )
    ctx.claim(
        "rf-uses-permutation",
        "(guide) Random-forest feature importance is measured using permutation importance.",
        rank_corr >= 0.9 and m["same_top_feature"] == 1.0,
        f"feature_importances_ is impurity-based; its ranking agrees with permutation "
        f"importance only with Spearman rho {rank_corr:.2f}, top feature "
        f"{'the same' if m['same_top_feature'] == 1.0 else 'different'} "
        f"('{names[int(np.argmax(builtin))]}' by MDI, '{names[int(np.argmax(perm_a))]}' by "
        "permutation)",
    )
    ctx.claim(
        "both-score-high",
        "(guide) Two highly correlated features can both have high permutation importance.",
        max(m["perm_rank_top_b"], m["perm_rank_copy_b"]) <= 5,
        f"'{names[top]}' and its exact copy rank {m['perm_rank_top_b']:.0f} and "
        f"{m['perm_rank_copy_b']:.0f} of 31 by permutation importance",
    )
    ctx.note(
        "Why the pair gains credit: a forest tries a random subset of features at each split "
        "(here the square root of their number), and a duplicated signal is in that subset more "
        "often, so it wins splits that would otherwise have gone to features correlated with it."
    )
    ctx.note(
        "Accuracy on about 170 held-out rows moves in steps of about 0.006, so single-feature "
        "permutation importances of 0 mean 'less than one row changes on average', not exactly "
        "nothing. An exact copy is the extreme case; the table's own correlated clusters (radius, "
        "perimeter and area) show the same effect without it."
    )


LAB = Lab(
    id="correlated-features-importance",
    title="Correlated features: impurity vs permutation importance in a random forest",
    question_id="correlated-features-importance",
    guide_question=12,
    summary=(
        "Trains a random forest on the breast-cancer table, then again with an exact copy of "
        "its strongest feature. Impurity importance splits the credit between the twins; "
        "permutation importance makes each look unimportant, while shuffling the whole "
        "correlated cluster costs real accuracy. Clustering features on Spearman correlation "
        "and keeping one per cluster is tried as the remedy, and the guide's claim that forests "
        "measure importance by permutation is checked against feature_importances_."
    ),
    datasets=[BREAST_CANCER],
    run=run,
)
