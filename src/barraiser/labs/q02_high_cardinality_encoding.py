"""Lab 2: encoding a categorical feature with thousands of values (MovieLens movie IDs).

The task: will this user rate this movie 4 stars or more?  Every variant uses the same user
one-hot columns and a logistic regression; only the encoding of the movie ID (about 9,700
values, a third of them rated once) changes.  A small PyTorch model with learned user and movie
embeddings stands in for the deep-learning option.  Each variant reports validation and
training AUC, time and the memory its movie columns take.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import MOVIELENS, load_movielens
from barraiser.labs.shared import torch_one_thread

if TYPE_CHECKING:
    import numpy as np

_HASH_BUCKETS = 1024
_SMOOTHING = 10.0  # pseudo-ratings at the global mean added to each movie's count
_EMBED_DIM = 16


@dataclass
class _Outcome:
    label: str
    columns: int
    parameters: int
    movie_bytes: int
    seconds: float
    train_auc: float
    val_auc: float


def _target_mean(
    keys_fit: np.ndarray, y_fit: np.ndarray, keys_apply: np.ndarray, smoothing: float
) -> np.ndarray:
    """Mean label per key over the fitting rows, shrunk toward the global mean (unseen: that)."""
    import pandas as pd

    prior = float(y_fit.mean())
    stats = pd.DataFrame({"k": keys_fit, "y": y_fit}).groupby("k")["y"].agg(["sum", "count"])
    encoded = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
    mapped: np.ndarray = pd.Series(keys_apply).map(encoded).fillna(prior).to_numpy(dtype=float)
    return mapped


def _out_of_fold(
    keys: np.ndarray, y: np.ndarray, train: np.ndarray, val: np.ndarray, smoothing: float, rs: int
) -> np.ndarray:
    """Training rows encoded from the other folds only; validation rows from all training rows."""
    import numpy as np
    from sklearn.model_selection import KFold

    out = np.zeros(len(keys))
    for fit_idx, enc_idx in KFold(5, shuffle=True, random_state=rs).split(train):
        a, b = train[fit_idx], train[enc_idx]
        out[b] = _target_mean(keys[a], y[a], keys[b], smoothing)
    out[val] = _target_mean(keys[train], y[train], keys[val], smoothing)
    return out


def _logit_column(p: np.ndarray) -> Any:
    import numpy as np
    import scipy.sparse as sp

    q = np.clip(p, 1e-3, 1 - 1e-3)
    return sp.csr_matrix(np.log(q / (1 - q))[:, None])


def _sparse_bytes(m: Any) -> int:
    return int(m.data.nbytes + m.indices.nbytes + m.indptr.nbytes)


def _fit_linear(
    label: str,
    base: Any,
    movie: Any,
    movie_bytes: int,
    y: np.ndarray,
    train: np.ndarray,
    val: np.ndarray,
    encode_seconds: float,
) -> _Outcome:
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    x = base if movie is None else sp.hstack([base, movie]).tocsr()
    started = time.perf_counter()
    model = LogisticRegression(C=1.0, max_iter=3000).fit(x[train], y[train])
    seconds = encode_seconds + time.perf_counter() - started
    return _Outcome(
        label=label,
        columns=0 if movie is None else int(movie.shape[1]),
        parameters=0 if movie is None else int(movie.shape[1]),
        movie_bytes=movie_bytes,
        seconds=seconds,
        train_auc=float(roc_auc_score(y[train], model.predict_proba(x[train])[:, 1])),
        val_auc=float(roc_auc_score(y[val], model.predict_proba(x[val])[:, 1])),
    )


def _embedding_model(
    ctx: LabContext,
    users: np.ndarray,
    movies: np.ndarray,
    y: np.ndarray,
    train: np.ndarray,
    val: np.ndarray,
    epochs: int,
) -> tuple[_Outcome, np.ndarray, dict[int, int]]:
    """User and movie embeddings into a small MLP; returns the outcome and the movie vectors."""
    import numpy as np
    import torch
    from sklearn.metrics import roc_auc_score

    torch.manual_seed(ctx.seed)
    user_ids = {int(u): i for i, u in enumerate(np.unique(users[train]))}
    # Index 0 is the out-of-vocabulary slot for movies never seen in training.
    movie_ids = {int(m): i + 1 for i, m in enumerate(np.unique(movies[train]))}
    u = torch.tensor([user_ids.get(int(v), 0) for v in users])
    m = torch.tensor([movie_ids.get(int(v), 0) for v in movies])
    target = torch.tensor(y, dtype=torch.float32)

    class Net(torch.nn.Module):
        def __init__(self, n_users: int, n_movies: int, dim: int) -> None:
            super().__init__()
            self.user = torch.nn.Embedding(n_users, dim)
            self.movie = torch.nn.Embedding(n_movies, dim)
            self.movie_bias = torch.nn.Embedding(n_movies, 1)
            torch.nn.init.normal_(self.user.weight, std=0.05)
            torch.nn.init.normal_(self.movie.weight, std=0.05)
            torch.nn.init.zeros_(self.movie_bias.weight)
            self.mlp = torch.nn.Sequential(
                torch.nn.Linear(2 * dim, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1)
            )

        def forward(self, uu: torch.Tensor, mm: torch.Tensor) -> torch.Tensor:
            joined = torch.cat([self.user(uu), self.movie(mm)], dim=1)
            out: torch.Tensor = self.mlp(joined).squeeze(1) + self.movie_bias(mm).squeeze(1)
            return out

    net = Net(len(user_ids), len(movie_ids) + 1, _EMBED_DIM)
    opt = torch.optim.Adam(net.parameters(), lr=0.01)
    started = time.perf_counter()  # after the optimizer, whose first use imports much of torch
    train_t = torch.tensor(train)
    gen = torch.Generator().manual_seed(ctx.seed)
    for epoch in range(epochs):
        ctx.progress(f"embedding model, epoch {epoch + 1}/{epochs}", 0.75 + 0.1 * epoch / epochs)
        order = train_t[torch.randperm(len(train_t), generator=gen)]
        for i in range(0, len(order), 1024):
            batch = order[i : i + 1024]
            opt.zero_grad()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                net(u[batch], m[batch]), target[batch]
            )
            loss.backward()  # type: ignore[no-untyped-call]
            opt.step()
    seconds = time.perf_counter() - started
    with torch.no_grad():
        p_train = net(u[train_t], m[train_t]).numpy()
        p_val = net(u[torch.tensor(val)], m[torch.tensor(val)]).numpy()
        vectors = net.movie.weight.detach().numpy().copy()
    table_bytes = (net.movie.weight.numel() + net.movie_bias.weight.numel()) * 4
    outcome = _Outcome(
        label=f"learned embedding ({_EMBED_DIM} dims, MLP)",
        columns=_EMBED_DIM,
        parameters=int(net.movie.weight.numel() + net.movie_bias.weight.numel()),
        movie_bytes=int(table_bytes + len(train) * 8),
        seconds=seconds,
        train_auc=float(roc_auc_score(y[train], p_train)),
        val_auc=float(roc_auc_score(y[val], p_val)),
    )
    return outcome, vectors, movie_ids


def _genre_similarity(
    vectors: np.ndarray,
    movie_ids: dict[int, int],
    counts: dict[int, int],
    min_count: int,
    seed: int,
    permutations: int = 200,
) -> tuple[float, float, int, float]:
    """Mean cosine similarity of movie vectors for pairs sharing a genre and pairs sharing none.

    The last value is a permutation p-value: the share of random reassignments of the genre
    lists to the movies whose same-minus-none difference is at least the observed one.
    """
    import numpy as np

    movies = load_movielens("movies").set_index("movieId")
    keep = [k for k, c in counts.items() if c >= min_count and k in movies.index]
    genres = sorted({g for k in keep for g in str(movies.at[k, "genres"]).split("|")})
    col = {g: i for i, g in enumerate(genres)}
    multi_hot = np.zeros((len(keep), len(genres)))
    for row, k in enumerate(keep):
        for g in str(movies.at[k, "genres"]).split("|"):
            multi_hot[row, col[g]] = 1.0
    v = vectors[[movie_ids[k] for k in keep]]
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    sim = v @ v.T
    share = (multi_hot @ multi_hot.T) > 0
    upper = np.triu_indices(len(keep), 1)
    same, other = sim[upper][share[upper]], sim[upper][~share[upper]]
    observed = float(same.mean() - other.mean())
    rng = np.random.default_rng(seed)
    pairs = sim[upper]
    at_least = 0
    for _ in range(permutations):
        perm = rng.permutation(len(keep))
        mask = share[np.ix_(perm, perm)][upper]
        at_least += int(pairs[mask].mean() - pairs[~mask].mean() >= observed)
    p_value = (at_least + 1) / (permutations + 1)
    return float(same.mean()), float(other.mean()), len(keep), p_value


def run(ctx: LabContext) -> None:
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp
    from sklearn.feature_extraction import FeatureHasher
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import OneHotEncoder

    rs = ctx.seed % (2**31)
    ctx.progress("loading MovieLens ratings", 0.0)
    ratings = load_movielens("ratings")
    n_rows = ctx.pick(40_000, len(ratings))
    if n_rows < len(ratings):
        ratings = ratings.sample(n_rows, random_state=rs)
    ratings = ratings.reset_index(drop=True)
    y = (ratings["rating"] >= 4).to_numpy(dtype=int)
    users = ratings["userId"].to_numpy()
    movies = ratings["movieId"].to_numpy()
    train, val = train_test_split(np.arange(len(y)), test_size=0.25, random_state=rs)
    train_counts = pd.Series(movies[train]).value_counts()
    counts = {int(k): int(v) for k, v in train_counts.items()}
    n_movies = len(counts)
    unseen = float(np.mean([int(k) not in counts for k in movies[val]]))
    ctx.metric("rows", len(y))
    ctx.metric("movies_in_train", n_movies)
    ctx.metric("share_movies_seen_once", float((train_counts == 1).mean()))
    ctx.metric("share_val_rows_unseen_movie", unseen)
    ctx.metric("positive_rate", float(y.mean()))

    base_enc = OneHotEncoder(handle_unknown="ignore").fit(ratings.loc[train, ["userId"]])
    base = base_enc.transform(ratings[["userId"]]).tocsr()
    outcomes: dict[str, _Outcome] = {}
    steps = 8

    def step(key: str, label: str, build: Any) -> None:
        ctx.progress(label, 0.05 + 0.7 * len(outcomes) / steps)
        started = time.perf_counter()
        movie, nbytes = build()
        encode_s = time.perf_counter() - started
        outcomes[key] = _fit_linear(label, base, movie, nbytes, y, train, val, encode_s)

    def one_hot() -> tuple[Any, int]:
        enc = OneHotEncoder(handle_unknown="ignore").fit(ratings.loc[train, ["movieId"]])
        mat = enc.transform(ratings[["movieId"]]).tocsr()
        return mat, _sparse_bytes(mat[train])

    def frequency() -> tuple[Any, int]:
        col = np.log1p(pd.Series(movies).map(counts).fillna(0).to_numpy(dtype=float))
        col = (col - col[train].mean()) / col[train].std()
        return sp.csr_matrix(col[:, None]), len(train) * 8

    def naive_target() -> tuple[Any, int]:
        col = np.zeros(len(y))
        col[train] = _target_mean(movies[train], y[train], movies[train], 0.0)
        col[val] = _target_mean(movies[train], y[train], movies[val], 0.0)
        return _logit_column(col), len(train) * 8

    def oof_target(smoothing: float) -> Any:
        def build() -> tuple[Any, int]:
            col = _out_of_fold(movies, y, train, val, smoothing, rs)
            return _logit_column(col), len(train) * 8

        return build

    def hashed() -> tuple[Any, int]:
        hasher = FeatureHasher(n_features=_HASH_BUCKETS, input_type="string", alternate_sign=False)
        mat = hasher.transform([[str(k)] for k in movies]).tocsr()
        return mat, _sparse_bytes(mat[train])

    step("none", "no movie feature (users only)", lambda: (None, 0))
    step("onehot", f"one-hot, sparse ({n_movies:,} columns)", one_hot)
    step("frequency", "frequency (log count)", frequency)
    step("te_naive", "target mean, in-sample (naive)", naive_target)
    step("te_oof_raw", "target mean, out-of-fold, unsmoothed", oof_target(0.0))
    step("te_oof", f"target mean, out-of-fold, smoothed (m={_SMOOTHING:g})", oof_target(_SMOOTHING))
    step("hashing", f"hashing trick ({_HASH_BUCKETS:,} buckets)", hashed)

    with torch_one_thread():
        emb, vectors, movie_ids = _embedding_model(ctx, users, movies, y, train, val, epochs=2)
    outcomes["embedding"] = emb

    for key, o in outcomes.items():
        ctx.metric(f"val_auc_{key}", o.val_auc)
        ctx.metric(f"train_auc_{key}", o.train_auc)
        ctx.metric(f"gap_{key}", o.train_auc - o.val_auc)
        ctx.metric(f"seconds_{key}", o.seconds)
        ctx.metric(f"movie_bytes_{key}", o.movie_bytes)
    dense_one_hot = len(train) * n_movies * 8
    ctx.metric("dense_onehot_bytes", dense_one_hot)
    hashes = FeatureHasher(n_features=_HASH_BUCKETS, input_type="string", alternate_sign=False)
    buckets = hashes.transform([[str(k)] for k in counts]).tocsr().indices
    bucket_sizes = np.bincount(buckets, minlength=_HASH_BUCKETS)
    ctx.metric("share_movies_sharing_a_bucket", float(np.mean(bucket_sizes[buckets] > 1)))
    ctx.metric("movies_per_used_bucket", float(len(buckets) / np.count_nonzero(bucket_sizes)))
    freq_values = len(set(counts.values()))
    ctx.metric("distinct_frequency_values", freq_values)

    ctx.table(
        f"Will the user rate the movie 4+ stars? {len(y):,} ratings, {n_movies:,} movies in "
        f"training; validation AUC on a random 25% split",
        [
            "movie encoding",
            "movie columns",
            "movie weights",
            "movie-feature MB",
            "fit s",
            "train AUC",
            "val AUC",
        ],
        [
            [
                o.label,
                o.columns,
                o.parameters,
                o.movie_bytes / 1e6,
                o.seconds,
                o.train_auc,
                o.val_auc,
            ]
            for o in outcomes.values()
        ],
    )

    ctx.progress("comparing embeddings of movies by genre", 0.88)
    same, other, n_compared, p_genre = _genre_similarity(
        vectors, movie_ids, counts, min_count=20, seed=rs
    )
    ctx.metric("cosine_same_genre", same)
    ctx.metric("cosine_no_shared_genre", other)
    ctx.metric("movies_compared", n_compared)
    ctx.metric("genre_similarity_p_value", p_genre)

    ctx.progress("drawing figures", 0.92)
    _figure(ctx, outcomes)
    _claims(ctx)
    ctx.note(
        f"{ctx.metrics['share_movies_seen_once']:.0%} of the training movies have one rating and "
        f"{unseen:.1%} of validation ratings are for a movie never seen in training: one-hot and "
        "hashing give those nothing, target encodings give them the global mean and the "
        "embedding model gives them its out-of-vocabulary vector."
    )
    ctx.note(
        "Memory is for the movie feature of the training rows (sparse: values, indices and row "
        "pointers; embedding: its table plus one index per row). Times include encoding and "
        "fitting (for the embedding model, training only, not importing PyTorch) on a shared "
        "2-core machine and are only comparable within one run."
    )
    ctx.note(
        "In a sparse matrix, hashed and one-hot rows take the same memory (one stored value per "
        "row); what hashing bounds is the number of columns and weights, and it needs no "
        "vocabulary of IDs."
    )
    ctx.note(
        "The embedding model is not only a different encoding: its MLP also lets user and movie "
        "vectors interact, which a logistic regression cannot. It trains for a fixed 2 epochs; "
        "longer runs overfit the rare movies."
    )


def _claims(ctx: LabContext) -> None:
    m = ctx.metrics
    ctx.claim(
        "naive-target-encoding-leaks",
        "Computed on the same rows the model trains on, target encoding leaks the label: the "
        "train/validation gap is far larger than out of fold, and validation is worse.",
        m["gap_te_naive"] > 3 * m["gap_te_oof"] and m["val_auc_te_naive"] < m["val_auc_te_oof"],
        f"train/validation AUC {m['train_auc_te_naive']:.3f}/{m['val_auc_te_naive']:.3f} "
        f"in-sample vs {m['train_auc_te_oof']:.3f}/{m['val_auc_te_oof']:.3f} out of fold",
    )
    ctx.claim(
        "smoothing-helps",
        "Out-of-fold target means should also be smoothed toward the global mean by the "
        "category's count.",
        m["val_auc_te_oof"] > m["val_auc_te_oof_raw"],
        f"validation AUC {m['val_auc_te_oof']:.3f} smoothed vs {m['val_auc_te_oof_raw']:.3f} "
        "unsmoothed",
    )
    ratio = m["movie_bytes_onehot"] / m["dense_onehot_bytes"]
    ctx.metric("onehot_sparse_to_dense", ratio)
    ctx.claim(
        "sparse-one-hot-workable",
        "With a regularised linear model on a sparse matrix, one-hot encoding of thousands of "
        "values is workable.",
        ratio < 0.01 and m["val_auc_onehot"] - m["val_auc_none"] >= 0.02,
        f"{m['movie_bytes_onehot'] / 1e6:.1f} MB sparse vs {m['dense_onehot_bytes'] / 1e9:.1f} GB "
        f"dense; validation AUC {m['val_auc_onehot']:.3f} vs {m['val_auc_none']:.3f} without "
        f"the movie, fitted in {m['seconds_onehot']:.1f} s",
    )
    ctx.claim(
        "frequency-collides",
        "Frequency encoding is cheap and free of leakage, but values with the same count become "
        "identical.",
        m["gap_frequency"] <= m["gap_none"] + 0.01
        and m["distinct_frequency_values"] < 0.1 * m["movies_in_train"],
        f"train/validation AUC gap {m['gap_frequency']:.3f} vs {m['gap_none']:.3f} with the user "
        f"columns alone; {m['distinct_frequency_values']:.0f} distinct values for "
        f"{m['movies_in_train']:.0f} movies",
    )
    ctx.claim(
        "hashing-collisions",
        "The hashing trick bounds the number of columns and handles unseen values, at the cost "
        "of collisions.",
        m["share_movies_sharing_a_bucket"] > 0 and m["val_auc_hashing"] < m["val_auc_onehot"],
        f"{_HASH_BUCKETS:,} columns instead of {m['movies_in_train']:.0f}; "
        f"{m['share_movies_sharing_a_bucket']:.0%} of movies share a bucket "
        f"({m['movies_per_used_bucket']:.1f} per bucket on average); validation AUC "
        f"{m['val_auc_hashing']:.3f} vs {m['val_auc_onehot']:.3f} one-hot",
    )
    ctx.claim(
        "embeddings-group-similar",
        "Learned embeddings are trained with the task, so similar items end up close together.",
        m["cosine_same_genre"] > m["cosine_no_shared_genre"]
        and m["genre_similarity_p_value"] < 0.05,
        f"mean cosine similarity {m['cosine_same_genre']:.3f} for pairs of movies sharing a genre "
        f"vs {m['cosine_no_shared_genre']:.3f} for pairs sharing none "
        f"({m['movies_compared']:.0f} movies with 20+ training ratings; genres are not an input); "
        f"permutation p-value {m['genre_similarity_p_value']:.3f} (genre lists shuffled "
        "among the movies 200 times)",
    )


def _figure(ctx: LabContext, outcomes: dict[str, _Outcome]) -> None:
    import numpy as np

    fig = ctx.new_figure(11, 4.5)
    ax = fig.add_subplot(1, 2, 1)
    keys = list(outcomes)
    pos = np.arange(len(keys))
    ax.barh(pos - 0.2, [outcomes[k].train_auc for k in keys], 0.4, label="train", color="0.7")
    ax.barh(pos + 0.2, [outcomes[k].val_auc for k in keys], 0.4, label="validation")
    ax.set_yticks(pos, [outcomes[k].label for k in keys], fontsize=7)
    ax.invert_yaxis()
    lo = min(min(o.val_auc, o.train_auc) for o in outcomes.values())
    hi = max(max(o.val_auc, o.train_auc) for o in outcomes.values())
    ax.set_xlim(lo - 0.02, hi + 0.02)
    ax.set_xlabel("AUC")
    ax.set_title("Train vs validation AUC by movie encoding")
    ax.legend(fontsize=8, loc="lower right")

    ax2 = fig.add_subplot(1, 2, 2)
    for k in keys:
        o = outcomes[k]
        if o.parameters <= 0:
            continue
        ax2.scatter(o.parameters, o.val_auc, s=30)
        ax2.annotate(
            o.label,
            (o.parameters, o.val_auc),
            fontsize=6,
            xytext=(4, 2),
            textcoords="offset points",
        )
    ax2.axhline(outcomes["none"].val_auc, color="grey", ls="--", lw=1, label="no movie feature")
    ax2.set_xscale("log")
    ax2.set_xlabel("weights the model learns for the movie (log scale)")
    ax2.set_ylabel("validation AUC")
    ax2.set_title("Accuracy against model size")
    ax2.legend(fontsize=7)
    ctx.save_figure(
        fig,
        "encodings",
        "Left: training and validation AUC for each encoding of the movie ID; the in-sample "
        "target mean looks best on training rows and falls behind on validation. Right: "
        "validation AUC against the number of weights the model learns for the movie ID.",
    )


LAB = Lab(
    id="high-cardinality-encoding",
    title="Encoding ~9,700 movie IDs: one-hot, frequency, target, hashing, embeddings",
    question_id="high-cardinality-categorical-encoding",
    guide_question=2,
    summary=(
        "Predicts whether a MovieLens user rates a movie 4 stars or more, encoding the movie ID "
        "(about 9,700 values, a third rated once) in seven ways for the same logistic regression, "
        "plus a small embedding network. It measures validation AUC, the train/validation gap, "
        "time and memory: the in-sample target mean leaks the label, out-of-fold and smoothed "
        "target means do not, and sparse one-hot stays small and accurate."
    ),
    datasets=[MOVIELENS],
    run=run,
)
