"""Lab 8: bagging versus boosting, measured as bias and variance over resampled training sets.

Each model is trained on many bootstrap resamples of one training pool and predicts the same
held-out test set; the spread of its predictions across resamples is its variance, and the error
of its average prediction is its bias (plus the noise in the measured strengths, which no model
can remove).  Learning curves on the same table show the train-validation gap that diagnoses
each case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import CONCRETE, load_concrete

if TYPE_CHECKING:
    import numpy as np

_TARGET = "compressive_strength"


def _models(rs: int, n_trees: int, n_rounds: int) -> dict[str, Any]:
    from sklearn.ensemble import BaggingRegressor, GradientBoostingRegressor
    from sklearn.tree import DecisionTreeRegressor

    return {
        "deep tree": DecisionTreeRegressor(random_state=rs),
        "bagged deep trees": BaggingRegressor(
            DecisionTreeRegressor(), n_estimators=n_trees, random_state=rs
        ),
        "depth-2 tree": DecisionTreeRegressor(max_depth=2, random_state=rs),
        "boosted depth-2 trees": GradientBoostingRegressor(
            max_depth=2, n_estimators=n_rounds, learning_rate=0.1, random_state=rs
        ),
    }


def _decompose(
    ctx: LabContext, x: np.ndarray, y: np.ndarray, rs: int, n_resamples: int, sizes: tuple[int, int]
) -> dict[str, tuple[float, float, float]]:
    """Bias² (with noise), variance and test MSE of each model over bootstrap resamples."""
    import numpy as np
    from sklearn.base import clone
    from sklearn.model_selection import train_test_split

    n_trees, n_rounds = sizes
    x_pool, x_test, y_pool, y_test = train_test_split(x, y, test_size=0.3, random_state=rs)
    rng = np.random.default_rng(rs)
    models = _models(rs, n_trees, n_rounds)
    preds: dict[str, list[np.ndarray]] = {name: [] for name in models}
    for r in range(n_resamples):
        ctx.progress(f"bootstrap resample {r + 1}/{n_resamples}", 0.05 + 0.55 * r / n_resamples)
        idx = rng.integers(0, len(y_pool), len(y_pool))
        for name, model in models.items():
            fitted = clone(model).set_params(random_state=rs + r)
            fitted.fit(x_pool[idx], y_pool[idx])
            preds[name].append(fitted.predict(x_test))
    out: dict[str, tuple[float, float, float]] = {}
    for name, runs in preds.items():
        p = np.vstack(runs)
        bias2 = float(np.mean((p.mean(axis=0) - y_test) ** 2))
        variance = float(np.mean(p.var(axis=0)))
        mse = float(np.mean((p - y_test) ** 2))
        out[name] = (bias2, variance, mse)
    return out


def _tuned_comparison(
    x: np.ndarray, y: np.ndarray, rs: int, folds: Any, n_trees: int
) -> dict[str, tuple[str, str, float]]:
    """Best CV MSE of a random forest and of gradient boosting, each over a small grid."""
    from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
    from sklearn.model_selection import GridSearchCV

    searches = {
        "forest": (
            "random forest (bagging)",
            RandomForestRegressor(n_estimators=n_trees, random_state=rs, n_jobs=2),
            {"max_features": [0.5, 1.0]},
        ),
        "gbm": (
            "gradient boosting",
            GradientBoostingRegressor(
                n_estimators=n_trees * 4, learning_rate=0.1, subsample=0.8, random_state=rs
            ),
            {"max_depth": [2, 4]},
        ),
    }
    out: dict[str, tuple[str, str, float]] = {}
    for key, (label, model, grid) in searches.items():
        search = GridSearchCV(model, grid, cv=folds, scoring="neg_mean_squared_error")
        search.fit(x, y)
        params = ", ".join(f"{k}={v}" for k, v in sorted(search.best_params_.items()))
        out[key] = (label, params, float(-search.best_score_))
    return out


def run(ctx: LabContext) -> None:
    import numpy as np
    from sklearn.model_selection import KFold, learning_curve

    rs = ctx.seed % (2**31)
    ctx.progress("loading the concrete table", 0.0)
    df = load_concrete()
    x = df.drop(columns=_TARGET).to_numpy(dtype=float)
    y = df[_TARGET].to_numpy(dtype=float)

    n_resamples = ctx.pick(6, 20)
    sizes = ctx.pick((20, 80), (50, 200))
    parts = _decompose(ctx, x, y, rs, n_resamples, sizes)
    keys = {
        "deep tree": "tree",
        "bagged deep trees": "bagging",
        "depth-2 tree": "stump2",
        "boosted depth-2 trees": "boosting",
    }
    rows = []
    for name, (bias2, variance, mse) in parts.items():
        key = keys[name]
        ctx.metric(f"bias2_{key}", bias2)
        ctx.metric(f"variance_{key}", variance)
        ctx.metric(f"mse_{key}", mse)
        rows.append([name, bias2, variance, mse])
    ctx.table(
        f"Bias² and variance on a fixed test set over {n_resamples} bootstrap training sets "
        "(strength in MPa; bias² includes the irreducible noise)",
        ["model", "bias² + noise (MPa²)", "variance (MPa²)", "test MSE (MPa²)"],
        rows,
    )

    ctx.progress("learning curves", 0.6)
    fractions = np.linspace(0.1, 1.0, ctx.pick(3, 5))
    folds = KFold(n_splits=5, shuffle=True, random_state=rs)
    curves: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
    for name, model in _models(rs, *sizes).items():
        n, train, val = learning_curve(
            model,
            x,
            y,
            train_sizes=fractions,
            cv=folds,
            scoring="neg_mean_squared_error",
            n_jobs=1,
        )
        curves[name] = (n, -train.mean(axis=1), -val.mean(axis=1))
    lc_rows = []
    for name, (n, train_mse, val_mse) in curves.items():
        key = keys[name]
        ctx.metric(f"lc_train_mse_{key}", train_mse[-1])
        ctx.metric(f"lc_val_mse_{key}", val_mse[-1])
        lc_rows.append([name, int(n[0]), val_mse[0], int(n[-1]), train_mse[-1], val_mse[-1]])
    ctx.table(
        "Learning curves (5-fold CV): validation MSE at the smallest and largest training size, "
        "and the train-validation gap at the largest",
        ["model", "n small", "val MSE small", "n full", "train MSE full", "val MSE full"],
        lc_rows,
    )

    ctx.progress("drawing figures", 0.75)
    fig = ctx.new_figure(11, 4.2)
    ax = fig.add_subplot(1, 2, 1)
    names = list(parts)
    b = [parts[nm][0] for nm in names]
    v = [parts[nm][1] for nm in names]
    pos = np.arange(len(names))
    ax.bar(pos, b, label="bias² + noise", color="tab:blue")
    ax.bar(pos, v, bottom=b, label="variance", color="tab:orange")
    ax.set_xticks(pos, [nm.replace(" ", "\n", 1) for nm in names], fontsize=8)
    ax.set_ylabel("test MSE (MPa²)")
    ax.set_title("Decomposition over bootstrap training sets")
    ax.legend()
    ax2 = fig.add_subplot(1, 2, 2)
    colors = dict(zip(names, ["tab:red", "tab:green", "tab:purple", "tab:brown"], strict=True))
    for name, (n, train_mse, val_mse) in curves.items():
        ax2.plot(n, val_mse, "-o", color=colors[name], label=f"{name} (validation)", ms=3)
        ax2.plot(n, train_mse, "--", color=colors[name], label=f"{name} (train)")
    ax2.set_xlabel("training rows")
    ax2.set_ylabel("MSE (MPa²)")
    ax2.set_yscale("symlog", linthresh=1.0)
    ax2.set_title("Learning curves (5-fold CV)")
    ax2.legend(fontsize=7, ncol=2)
    ctx.save_figure(
        fig,
        "bias_variance",
        "Left: test error of each model split into bias² (with noise) and variance across "
        "bootstrap training sets. Right: training (dashed) and validation (solid) MSE as the "
        "training set grows.",
    )

    ctx.progress("tuning both ensembles on the same folds", 0.8)
    tuned = _tuned_comparison(x, y, rs, folds, ctx.pick(30, 80))
    t_rows = []
    for key, (label, params, mse) in tuned.items():
        ctx.metric(f"tuned_cv_mse_{key}", mse)
        t_rows.append([label, params, mse])
    ctx.table(
        "Both ensembles tuned on the same 5 folds (best setting of a small grid)",
        ["ensemble", "best setting", "CV MSE (MPa²)"],
        t_rows,
    )

    m = ctx.metrics
    ctx.claim(
        "bagging-cuts-variance",
        "Averaging deep trees trained on bootstrap samples cuts the variance and leaves the bias "
        "close to that of a single deep tree.",
        m["variance_bagging"] < 0.5 * m["variance_tree"]
        and m["bias2_bagging"] < 1.25 * m["bias2_tree"],
        f"variance {m['variance_bagging']:.1f} vs {m['variance_tree']:.1f} MPa²; bias² + noise "
        f"{m['bias2_bagging']:.1f} vs {m['bias2_tree']:.1f}",
    )
    ctx.claim(
        "boosting-cuts-bias",
        "Adding shallow trees one at a time mainly reduces bias: the boosted ensemble's bias is "
        "far below that of its depth-2 base tree.",
        m["bias2_boosting"] < 0.5 * m["bias2_stump2"],
        f"bias² + noise {m['bias2_boosting']:.1f} vs {m['bias2_stump2']:.1f} MPa²; variance "
        f"{m['variance_boosting']:.1f} vs {m['variance_stump2']:.1f}",
    )
    gap_tree = m["lc_val_mse_tree"] - m["lc_train_mse_tree"]
    gap_stump = m["lc_val_mse_stump2"] - m["lc_train_mse_stump2"]
    ctx.metric("lc_gap_tree", gap_tree)
    ctx.metric("lc_gap_stump2", gap_stump)
    ctx.claim(
        "learning-curves-diagnose",
        "Learning curves tell the cases apart: a large train-validation gap signals variance "
        "(the deep tree), high error on both signals bias (the depth-2 tree).",
        gap_tree > 3 * gap_stump and m["lc_train_mse_stump2"] > 10 * m["lc_train_mse_tree"],
        f"gap {gap_tree:.1f} vs {gap_stump:.1f} MPa²; training MSE {m['lc_train_mse_tree']:.1f} "
        f"vs {m['lc_train_mse_stump2']:.1f}",
    )
    ctx.claim(
        "rule-of-thumb-decides",
        "(guide) Where a model has high variance and overfits, bagging is the algorithm to choose "
        "over boosting.",
        m["tuned_cv_mse_forest"] <= m["tuned_cv_mse_gbm"],
        f"the deep tree overfits (gap {gap_tree:.1f} MPa²); tuned on the same folds, CV MSE is "
        f"{m['tuned_cv_mse_forest']:.1f} for the random forest vs "
        f"{m['tuned_cv_mse_gbm']:.1f} for gradient boosting",
    )
    ctx.note(
        "The strengths are measured, not simulated, so their noise cannot be separated from the "
        "bias: the 'bias² + noise' column is the error of the average prediction."
    )
    ctx.note(
        "The verdicts are for this table and these settings: which ensemble wins is an empirical "
        "question to settle with validation, which is the point of the last claim."
    )


LAB = Lab(
    id="bagging-vs-boosting",
    title="Bagging vs boosting: bias and variance over resampled training sets",
    question_id="bagging-vs-boosting",
    guide_question=8,
    summary=(
        "Trains a deep tree, bagged deep trees, a depth-2 tree and boosted depth-2 trees on many "
        "bootstrap resamples of the concrete-strength table and splits each model's error on a "
        "fixed test set into bias² and variance, then draws learning curves and tunes a random "
        "forest and gradient boosting on the same folds. Bagging removes most of the deep tree's "
        "variance and boosting most of the shallow tree's bias, but the rule of thumb (high "
        "variance, so bagging) does not pick the better tuned model here: evidence has to decide."
    ),
    datasets=[CONCRETE],
    run=run,
)
