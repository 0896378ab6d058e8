"""Lab 7: a recommender from scratch on MovieLens, judged on the future, with cold start.

Every rating is an interaction (implicit feedback: the user chose to watch the film). Each
user's last 20% of interactions by time are the test set; the models see only what came before
and must rank the films the user went on to watch. Four rankers: popularity, item-to-item
collaborative filtering (cosine), matrix factorisation (truncated SVD of the interaction
matrix, "PureSVD") and a rating predictor (global mean plus user and item biases) ranked by
predicted rating. Cold start: users' training histories are cut to their first n films.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import MOVIELENS, load_movielens

if TYPE_CHECKING:
    import numpy as np

K = 10
K_DEEP = 100
TEST_SHARE = 0.2
FACTORS = 50
BIAS_REG = 10.0
COLD_FOLDS = 4
MODELS = ("popularity", "item_cf", "svd", "rating_bias")
LABELS = {
    "popularity": "Popularity",
    "item_cf": "Item-item CF (cosine)",
    "svd": f"Matrix factorisation (SVD, {FACTORS} factors)",
    "rating_bias": "Highest predicted rating (biases)",
}


@dataclass
class _Split:
    """Interactions as integer indices: users 0..U-1, items 0..I-1."""

    n_users: int
    n_items: int
    train: Any  # DataFrame u, i, rating, timestamp (sorted by user and time)
    test: Any


def _split(ratings: Any) -> _Split:
    """Per user, the last TEST_SHARE of interactions by time are the test set."""
    import numpy as np

    r = ratings.sort_values(["userId", "timestamp", "movieId"], kind="stable").copy()
    users = {u: n for n, u in enumerate(sorted(r["userId"].unique()))}
    items = {m: n for n, m in enumerate(sorted(r["movieId"].unique()))}
    r["u"] = r["userId"].map(users)
    r["i"] = r["movieId"].map(items)
    position = r.groupby("u").cumcount()
    size = r.groupby("u")["i"].transform("size")
    n_test = np.maximum(1, np.round(size * TEST_SHARE)).astype(int)
    is_test = position >= size - n_test
    cols = ["u", "i", "rating", "timestamp"]
    return _Split(len(users), len(items), r.loc[~is_test, cols], r.loc[is_test, cols])


def _matrix(train: Any, n_users: int, n_items: int) -> Any:
    import numpy as np
    from scipy.sparse import csr_matrix

    data = np.ones(len(train), dtype=np.float64)
    return csr_matrix((data, (train["u"], train["i"])), shape=(n_users, n_items))


def _scores(model: str, x: Any, train: Any, users: np.ndarray) -> np.ndarray:
    """Scores of every item for ``users`` (rows in that order), from binary CSR ``x``."""
    import numpy as np

    rows = x[users]
    if model == "popularity":
        counts = np.asarray(x.sum(axis=0)).ravel()
        return np.broadcast_to(counts, (len(users), x.shape[1]))
    if model == "item_cf":
        counts = np.asarray(x.sum(axis=0)).ravel()
        scale = np.where(counts > 0, 1.0 / np.sqrt(np.maximum(counts, 1)), 0.0)
        a = x.multiply(scale).tocsr()  # columns scaled so that a.T @ a is the cosine matrix
        overlap = (rows @ a.T).toarray()  # users x training users
        return np.asarray(a.T @ overlap.T).T  # sparse times dense: cheap at this size
    if model == "svd":
        # Truncated SVD through the small users x users Gram matrix (exact, deterministic).
        from scipy.linalg import eigh

        gram = (x @ x.T).toarray()
        n = gram.shape[0]
        values, vectors = eigh(gram, subset_by_index=[n - FACTORS, n - 1], driver="evr")
        sigma = np.sqrt(np.maximum(values, 1e-12))
        v = np.asarray(x.T @ vectors).T / sigma[:, None]  # factors x items
        return np.asarray(np.asarray(rows @ v.T) @ v)
    if model == "rating_bias":
        mu, _, b_item = _fit_biases(train, x.shape[0], x.shape[1])
        return np.broadcast_to(mu + b_item, (len(users), x.shape[1]))
    raise ValueError(model)


def _fit_biases(train: Any, n_users: int, n_items: int) -> tuple[float, Any, Any]:
    """Global mean plus regularised user and item biases, fitted by alternating means."""
    import numpy as np

    u = train["u"].to_numpy()
    i = train["i"].to_numpy()
    y = train["rating"].to_numpy(dtype=float)
    mu = float(y.mean())
    b_u = np.zeros(n_users)
    b_i = np.zeros(n_items)
    for _ in range(10):
        resid = y - mu - b_u[u]
        b_i = np.bincount(i, resid, n_items) / (np.bincount(i, minlength=n_items) + BIAS_REG)
        resid = y - mu - b_i[i]
        b_u = np.bincount(u, resid, n_users) / (np.bincount(u, minlength=n_users) + BIAS_REG)
    return mu, b_u, b_i


def _evaluate(
    scores: np.ndarray, x: Any, relevant: dict[int, set[int]], users: np.ndarray
) -> dict[str, np.ndarray]:
    """Per-user precision@K, recall@K, NDCG@K and recall@K_DEEP (seen films excluded)."""
    import numpy as np

    discounts = 1.0 / np.log2(np.arange(2, K + 2))
    out: dict[str, list[float]] = {"precision": [], "recall": [], "ndcg": [], "recall_deep": []}
    top_items: list[np.ndarray] = []
    for row, u in enumerate(users):
        s = np.array(scores[row], dtype=float)
        seen = x.indices[x.indptr[u] : x.indptr[u + 1]]
        s[seen] = -np.inf
        deep = np.argpartition(-s, K_DEEP)[:K_DEEP]
        deep = deep[np.lexsort((deep, -s[deep]))]  # by score, ties by item index
        rel = relevant[int(u)]
        hits = np.array([int(i) in rel for i in deep[:K]], dtype=float)
        ideal = discounts[: min(len(rel), K)].sum()
        out["precision"].append(hits.sum() / K)
        out["recall"].append(hits.sum() / len(rel))
        out["ndcg"].append(float(hits @ discounts) / ideal)
        out["recall_deep"].append(sum(int(i) in rel for i in deep) / len(rel))
        top_items.append(deep[:K])
    result = {k: np.array(v) for k, v in out.items()}
    result["top_items"] = np.concatenate(top_items)
    return result


def _truncate(train: Any, cold_users: set[int], n: int) -> Any:
    """Keep only the first ``n`` training interactions of the cold users."""
    position = train.groupby("u").cumcount()
    keep = ~train["u"].isin(cold_users) | (position < n)
    return train[keep]


def run(ctx: LabContext) -> None:
    # Load scipy's BLAS before limiting the threads, or the limit misses it.
    import scipy.linalg  # noqa: F401
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    # One BLAS thread: on a shared 2-core machine, OpenBLAS threads that wait for each other
    # made a 610 x 610 eigendecomposition 100 times slower.
    with threadpool_limits(limits=1):
        _run(ctx)


def _run(ctx: LabContext) -> None:
    import numpy as np

    rs = ctx.seed % (2**31)
    ctx.progress("loading MovieLens ratings", 0.05)
    ratings = load_movielens("ratings")
    split = _split(ratings)
    train, test = split.train, split.test
    ctx.metric("users", split.n_users)
    ctx.metric("items", split.n_items)
    ctx.metric("test_interactions", len(test))
    new_item_share = float((~test["i"].isin(set(train["i"]))).mean())
    ctx.metric("test_share_new_items", new_item_share)
    _global_split_facts(ctx, ratings)

    ctx.progress("fitting the four rankers on each user's earlier history", 0.15)
    x = _matrix(train, split.n_users, split.n_items)
    relevant: dict[int, set[int]] = test.groupby("u")["i"].apply(set).to_dict()
    users = np.arange(split.n_users)
    warm: dict[str, dict[str, np.ndarray]] = {}
    for n, model in enumerate(MODELS):
        ctx.progress(f"scoring {LABELS[model]}", 0.15 + 0.05 * n)
        warm[model] = _evaluate(_scores(model, x, train, users), x, relevant, users)
    rows: list[list[Any]] = []
    for model in MODELS:
        res = warm[model]
        values = {k: float(res[k].mean()) for k in ("precision", "recall", "ndcg", "recall_deep")}
        coverage = len(np.unique(res["top_items"])) / split.n_items
        for key, value in values.items():
            ctx.metric(f"{key}_{model}", value)
        ctx.metric(f"coverage_{model}", coverage)
        rows.append(
            [
                LABELS[model],
                values["precision"],
                values["recall"],
                values["ndcg"],
                values["recall_deep"],
                coverage,
            ]
        )
    ctx.table(
        f"Next films watched, all {split.n_users} users (last 20% of each user's history)",
        [
            "model",
            f"precision@{K}",
            f"recall@{K}",
            f"NDCG@{K}",
            f"recall@{K_DEEP}",
            f"catalogue coverage (top {K})",
        ],
        [[r[0], *(round(v, 4) for v in r[1:])] for r in rows],
    )

    mu, b_u, b_i = _fit_biases(train, split.n_users, split.n_items)
    y = test["rating"].to_numpy(dtype=float)
    pred = np.clip(mu + b_u[test["u"].to_numpy()] + b_i[test["i"].to_numpy()], 0.5, 5.0)
    ctx.metric("rmse_bias_model", float(np.sqrt(np.mean((y - pred) ** 2))))
    ctx.metric("rmse_global_mean", float(np.sqrt(np.mean((y - mu) ** 2))))

    history = ctx.pick((1, 5), (1, 2, 5, 10, 20))
    cold = _cold_start(ctx, split, relevant, history, rs)

    _figure(ctx, warm, cold, history)
    ahead = [n for n in history if max(cold["item_cf"][n], cold["svd"][n]) > cold["popularity"][n]]
    ctx.note(
        "Cold start: popularity stays ahead of both personalised models "
        + (
            f"until users have {ahead[0]} films in their history (at {ahead[0]} the better "
            f"one scores NDCG@10 {max(cold['item_cf'][ahead[0]], cold['svd'][ahead[0]]):.4f} "
            f"against {cold['popularity'][ahead[0]]:.4f}, a near tie)."
            if ahead
            else f"for every history length tried (up to {history[-1]} films)."
        )
        + " With the full history (about 80% of each user's films) both beat it clearly."
    )
    _claims(ctx, history)
    ctx.note(
        "Implicit feedback: every rated film counts as watched, whatever the stars; the "
        "rankers learn from the presence of a rating, except the rating predictor, which "
        "uses the stars."
    )
    ctx.note(
        "The split is per user in time (each user's last 20% of ratings), so the models see "
        "other users' later ratings: a global cut-off would be stricter, but on this small "
        f"data set it leaves only {ctx.metrics['global_split_warm_users']:.0f} test users with "
        f"20 or more earlier ratings ({ctx.metrics['global_split_new_users']:.0f} of the "
        f"{ctx.metrics['global_split_test_users']:.0f} users active after the cut-off are new)."
    )
    ctx.note(
        f"{new_item_share:.1%} of the test interactions are films nobody had rated before: no "
        "collaborative method and no popularity count can recommend them; content features "
        "(genres, text, images) would be needed."
    )


def _global_split_facts(ctx: LabContext, ratings: Any) -> None:
    """How many returning users a single global cut-off at 80% of the ratings would leave."""
    cut = ratings["timestamp"].quantile(1 - TEST_SHARE)
    before = ratings[ratings["timestamp"] < cut].groupby("userId").size()
    after = ratings.loc[ratings["timestamp"] >= cut, "userId"].unique()
    history = before.reindex(after).fillna(0)
    ctx.metric("global_split_test_users", len(after))
    ctx.metric("global_split_new_users", int((history == 0).sum()))
    ctx.metric("global_split_warm_users", int((history >= 20).sum()))


def _cold_start(
    ctx: LabContext,
    split: _Split,
    relevant: dict[int, set[int]],
    history: tuple[int, ...],
    seed: int,
) -> dict[str, dict[int, float]]:
    """NDCG@K when users' training histories are cut to their first n films (refit per fold)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    folds = np.array_split(rng.permutation(split.n_users), COLD_FOLDS)
    out: dict[str, dict[int, float]] = {m: {} for m in ("popularity", "item_cf", "svd")}
    steps = len(history) * COLD_FOLDS
    for h_n, n in enumerate(history):
        per_model: dict[str, list[np.ndarray]] = {m: [] for m in out}
        for f_n, fold in enumerate(folds):
            done = 0.4 + 0.5 * (h_n * COLD_FOLDS + f_n) / steps
            ctx.progress(f"cold start: {n} earlier films, fold {f_n + 1}", done)
            train = _truncate(split.train, set(int(u) for u in fold), n)
            x = _matrix(train, split.n_users, split.n_items)
            for model in out:
                res = _evaluate(_scores(model, x, train, fold), x, relevant, fold)
                per_model[model].append(res["ndcg"])
        for model in out:
            value = float(np.concatenate(per_model[model]).mean())
            out[model][n] = value
            ctx.metric(f"cold_ndcg_{model}_n{n}", value)
    for model in out:
        out[model][0] = ctx.metrics[f"ndcg_{model}"]  # 0 stands for the full history
    ctx.table(
        f"Cold start: NDCG@{K} when each user's training history is cut to the first n films",
        ["earlier films (n)", *(LABELS[m] for m in out)],
        [[n, *(round(out[m][n], 4) for m in out)] for n in history]
        + [["all (about 80%)", *(round(out[m][0], 4) for m in out)]],
    )
    return out


def _figure(
    ctx: LabContext,
    warm: dict[str, dict[str, np.ndarray]],
    cold: dict[str, dict[int, float]],
    history: tuple[int, ...],
) -> None:
    import numpy as np

    fig = ctx.new_figure(11, 4.3)
    ax1 = fig.add_subplot(1, 2, 1)
    pos = np.arange(len(MODELS))
    width = 0.27
    for n, (metric, label) in enumerate(
        (("precision", f"precision@{K}"), ("recall", f"recall@{K}"), ("ndcg", f"NDCG@{K}"))
    ):
        ax1.bar(pos + (n - 1) * width, [warm[m][metric].mean() for m in MODELS], width, label=label)
    ax1.set_xticks(pos, ["Popularity", "Item-item CF", "SVD (MF)", "Predicted\nrating"], fontsize=8)
    ax1.set_ylabel("mean over users")
    ax1.set_title("Predicting each user's next films")
    ax1.legend(fontsize=8)
    ax2 = fig.add_subplot(1, 2, 2)
    for model in cold:
        ax2.plot(list(history), [cold[model][n] for n in history], marker="o", label=LABELS[model])
        ax2.axhline(cold[model][0], linestyle=":", linewidth=1, color=ax2.lines[-1].get_color())
    ax2.set_xscale("log")
    ax2.set_xticks(list(history), [str(n) for n in history])
    ax2.set_xlabel("films in the user's history (dotted: full history)")
    ax2.set_ylabel(f"NDCG@{K}")
    ax2.set_title("Cold start: users with little history")
    ax2.legend(fontsize=8)
    ctx.save_figure(
        fig,
        "recommender_time_split",
        f"Left: precision, recall and NDCG at {K} for the next 20% of each user's films. "
        "Right: NDCG@10 when users' histories are cut to their first n films.",
    )


def _claims(ctx: LabContext, history: tuple[int, ...]) -> None:
    m = ctx.metrics
    pop, cf, svd = m["ndcg_popularity"], m["ndcg_item_cf"], m["ndcg_svd"]
    ctx.claim(
        "item_cf_beats_popularity",
        "Item-to-item collaborative filtering beats the popularity baseline (NDCG@10, "
        "time-based split).",
        holds=cf > pop,
        evidence=f"NDCG@10 {cf:.4f} item-item CF vs {pop:.4f} popularity",
    )
    ctx.claim(
        "mf_beats_popularity",
        "Matrix factorisation beats the popularity baseline (NDCG@10, time-based split).",
        holds=svd > pop,
        evidence=f"NDCG@10 {svd:.4f} SVD vs {pop:.4f} popularity",
    )
    first = history[0]
    p1 = m[f"cold_ndcg_popularity_n{first}"]
    best1 = max(m[f"cold_ndcg_item_cf_n{first}"], m[f"cold_ndcg_svd_n{first}"])
    ctx.claim(
        "new_users_get_popular_items",
        "For a new user with almost no history, popular items are the better recommendation.",
        holds=p1 >= best1,
        evidence=f"with {first} earlier film: NDCG@10 {p1:.4f} popularity vs {best1:.4f} for "
        "the better of item-item CF and SVD",
    )
    p5 = m["cold_ndcg_popularity_n5"]
    best5 = max(m["cold_ndcg_item_cf_n5"], m["cold_ndcg_svd_n5"])
    ctx.claim(
        "personalised_within_a_few_clicks",
        "Earlier model answer: new users are personalised within a few interactions (5 films).",
        holds=best5 > p5,
        evidence=f"with 5 earlier films: NDCG@10 {best5:.4f} for the better of item-item CF and "
        f"SVD vs {p5:.4f} popularity",
    )
    rmse_b, rmse_m = m["rmse_bias_model"], m["rmse_global_mean"]
    rank_b = m["ndcg_rating_bias"]
    ctx.claim(
        "rmse_does_not_rank",
        "A model that predicts ratings better (lower RMSE) is not a better recommender: judge "
        "it with top-K ranking metrics.",
        holds=rmse_b < rmse_m and rank_b < pop,
        evidence=f"the bias model's RMSE is {rmse_b:.3f} vs {rmse_m:.3f} for the global mean, "
        f"but ranking by its predicted rating gives NDCG@10 {rank_b:.4f} vs {pop:.4f} for "
        "popularity",
    )


LAB = Lab(
    id="recommender-time-split",
    title="A recommender from scratch: popularity, item-item CF and SVD, judged on the future",
    question_id="product-recommender-system",
    guide_question=7,
    summary=(
        "Four rankers learn from MovieLens users' earlier films and are scored on the films "
        "each user watched next (the last 20% by time): popularity, item-to-item collaborative "
        "filtering, truncated-SVD matrix factorisation and a rating predictor. It reports "
        "precision, recall and NDCG at 10, shows that a lower RMSE does not make a better "
        "ranking, and cuts users' histories to a few films to show where popularity is hard "
        "to beat (cold start)."
    ),
    datasets=[MOVIELENS],
    run=run,
)
