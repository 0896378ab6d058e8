"""Which Leadership Principles a story shows: a linear classifier over embeddings and words.

The story's real sentences (not hypothetical, not general claims) are embedded with the grading
model; the story is represented by the normalised mean and the element-wise maximum of those
vectors, beside the TF-IDF of its words and word pairs (what people *do* in a Dive Deep story -
"traced", "query", "root cause" - is partly vocabulary), and a multinomial logistic regression
trained on ``content/principle_training`` (stories written to show one principle, a few two)
gives a probability per principle.  The evidence for a principle is the sentence its weights
score highest.  Nothing about the question asked enters the detection, so
a story ranks the same principles under any behavioural question.

``barraiser grader train-principles`` retrains the shipped weights (seconds, deterministic);
``benchmarks/principle_detection.py`` measures top-1 / top-3 on stories never trained on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, Field

from barraiser.content.principle_training import TrainingStory
from barraiser.content.schemas import LeadershipPrinciple

MODEL_FILE = Path(__file__).with_name("principle_model.npz")
#: Inverse regularisation strength of the classifier (chosen by cross-validation on the training
#: stories only; see ``barraiser grader train-principles --search``).
DEFAULT_C = 128.0
#: Scale of the word (TF-IDF) features beside the embedding features (both unit-length parts);
#: chosen with C by cross-validation on the training stories only.
DEFAULT_TEXT_WEIGHT = 2.0
#: Fewer real sentences than this are too little to say which principle a story shows.
MIN_SENTENCES = 2


class PrincipleScore(BaseModel):
    """One principle a story shows: its probability and the sentence that shows it best."""

    id: str
    name: str
    score: float = Field(description="The classifier's probability for this principle (0-1).")
    evidence: str = Field(description="The story's sentence that shows the principle best.")


@dataclass
class PrincipleModel:
    """Weights of the classifier: one row per principle id."""

    ids: list[str]
    coef: npt.NDArray[np.float32]
    intercept: npt.NDArray[np.float32]
    meta: dict[str, Any]
    #: The word features: terms (words and word pairs) and their inverse document frequencies.
    words: WordFeatures | None = None

    def save(self, path: Path = MODEL_FILE) -> None:
        words = self.words
        np.savez_compressed(
            path,
            ids=np.array(self.ids),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
            terms=np.array(words.terms if words else [], dtype=str),
            idf=(words.idf if words else np.zeros(0)).astype(np.float32),
            text_weight=np.array(words.weight if words else 0.0, dtype=np.float32),
        )

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> PrincipleModel:
        with np.load(path, allow_pickle=False) as data:
            words = None
            if "terms" in data.files and len(data["terms"]):
                words = WordFeatures(
                    [str(t) for t in data["terms"]], data["idf"], float(data["text_weight"])
                )
            return cls(
                ids=[str(i) for i in data["ids"]],
                coef=data["coef"],
                intercept=data["intercept"],
                meta=json.loads(str(data["meta"])),
                words=words,
            )

    def features(self, texts: Sequence[str], vectors: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        """One feature row of a story: ``texts`` its sentences, ``vectors`` their embeddings."""
        row = story_features(vectors)
        if self.words is None:
            return row
        return np.concatenate([row, self.words.transform([" ".join(texts)])], axis=1)

    def probabilities(self, features: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        """Softmax probabilities, one row per feature row."""
        logits = features @ self.coef.T.astype(np.float64) + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True))


def story_features(vectors: npt.NDArray[Any]) -> npt.NDArray[np.float64]:
    """One feature row from a story's sentence vectors: their normalised mean, then their
    element-wise maximum (what the most telling sentence says on each dimension)."""
    vecs = np.asarray(vectors, dtype=np.float64)
    mean = vecs.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return np.concatenate([mean / norm, vecs.max(axis=0)])[None, :]


class WordFeatures:
    """TF-IDF of a text's words and word pairs (English stop words left out), scaled to length
    ``weight``: sublinear term counts times the inverse document frequency, L2-normalised."""

    def __init__(self, terms: Sequence[str], idf: npt.NDArray[Any], weight: float) -> None:
        from sklearn.feature_extraction.text import CountVectorizer

        self.terms = list(terms)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.weight = weight
        self._counter = CountVectorizer(
            vocabulary={t: i for i, t in enumerate(self.terms)}, **_WORD_OPTIONS
        )

    @classmethod
    def fit(cls, texts: Sequence[str], weight: float) -> WordFeatures:
        from sklearn.feature_extraction.text import TfidfVectorizer

        tfidf = TfidfVectorizer(sublinear_tf=True, min_df=2, **_WORD_OPTIONS).fit(texts)
        return cls(list(tfidf.get_feature_names_out()), tfidf.idf_, weight)

    def transform(self, texts: Sequence[str]) -> npt.NDArray[np.float64]:
        counts = self._counter.transform(texts).toarray().astype(np.float64)
        tf = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0) * self.idf
        norms = np.linalg.norm(tf, axis=1, keepdims=True)
        return np.asarray(self.weight * tf / np.where(norms > 0, norms, 1.0))


_WORD_OPTIONS: dict[str, Any] = {"ngram_range": (1, 2), "stop_words": "english"}


def sentence_scores(
    model: PrincipleModel, texts: Sequence[str], vectors: npt.NDArray[Any]
) -> npt.NDArray[np.float64]:
    """Each sentence's linear score per principle: what it adds to the mean and max parts, and
    what its own words score."""
    dims = np.asarray(vectors).shape[1]
    coef = model.coef.astype(np.float64)
    weights = coef[:, :dims] + coef[:, dims : 2 * dims]
    scores = np.asarray(vectors, dtype=np.float64) @ weights.T
    if model.words is not None and len(texts):
        scores += model.words.transform(texts) @ coef[:, 2 * dims :].T
    return np.asarray(scores)


def train(
    stories: Sequence[TrainingStory],
    vectors: Sequence[npt.NDArray[Any]],
    principle_ids: Sequence[str],
    *,
    c: float = DEFAULT_C,
    text_weight: float = DEFAULT_TEXT_WEIGHT,
) -> PrincipleModel:
    """Fit the classifier; a story with two labels counts half for each."""
    from sklearn.linear_model import LogisticRegression

    words = WordFeatures.fit([s.story for s in stories], text_weight) if text_weight else None
    empty = np.zeros((0, 0), dtype=np.float32)
    shell = PrincipleModel(list(principle_ids), empty, np.zeros(0, dtype=np.float32), {}, words)
    rows, labels, weights = [], [], []
    for story, vecs in zip(stories, vectors, strict=True):
        feature = shell.features([story.story], vecs)[0]
        for label in story.principles:
            rows.append(feature)
            labels.append(principle_ids.index(label))
            weights.append(1.0 / len(story.principles))
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(np.array(rows), np.array(labels), sample_weight=np.array(weights))
    coef = np.zeros((len(principle_ids), model.coef_.shape[1]), dtype=np.float32)
    intercept = np.full(len(principle_ids), -1e4, dtype=np.float32)
    for row, cls in enumerate(model.classes_):
        coef[int(cls)] = model.coef_[row]
        intercept[int(cls)] = model.intercept_[row]
    meta = {
        "c": c,
        "text_weight": text_weight,
        "stories": len(stories),
        "features": "mean and max of sentence embeddings, TF-IDF of words and word pairs",
    }
    return PrincipleModel(list(principle_ids), coef, intercept, meta, words)


@lru_cache(maxsize=1)
def shipped_model() -> PrincipleModel | None:
    """The shipped weights, or None when they are missing (detection then finds nothing)."""
    return PrincipleModel.load() if MODEL_FILE.is_file() else None


def detect(
    sentences: Sequence[str],
    vectors: npt.NDArray[Any],
    principles: Sequence[LeadershipPrinciple],
    model: PrincipleModel | None = None,
    *,
    limit: int = 5,
) -> list[PrincipleScore]:
    """The principles the story shows, best first, each with its evidence sentence.

    ``sentences``/``vectors``: the story's real sentences and their embeddings.  Only principles
    known to both the bank and the model are ranked.
    """
    model = model or shipped_model()
    if model is None or len(sentences) < MIN_SENTENCES:
        return []
    probs = model.probabilities(model.features(sentences, vectors))[0]
    known = {p.id: p for p in principles}
    per_sentence = sentence_scores(model, sentences, vectors)
    ranked = sorted((i for i, pid in enumerate(model.ids) if pid in known), key=lambda i: -probs[i])
    found = []
    for i in ranked[:limit]:
        best = int(np.argmax(per_sentence[:, i]))
        found.append(
            PrincipleScore(
                id=model.ids[i],
                name=known[model.ids[i]].name,
                score=round(float(probs[i]), 4),
                evidence=sentences[best],
            )
        )
    return found


def embed_stories(texts: Sequence[str], encoder: Any) -> list[npt.NDArray[Any]]:
    """Each story's sentence vectors (one encoder call for all sentences)."""
    from barraiser.grading.text import split_sentences

    split = [[s.text for s in split_sentences(t)] for t in texts]
    flat = [s for sentences in split for s in sentences]
    vectors = np.asarray(encoder.encode(flat)) if flat else np.zeros((0, 0))
    out, start = [], 0
    for sentences in split:
        out.append(vectors[start : start + len(sentences)])
        start += len(sentences)
    return out


def cross_validate(
    stories: Sequence[TrainingStory],
    vectors: Sequence[npt.NDArray[Any]],
    principle_ids: Sequence[str],
    c: float,
    folds: int = 5,
    text_weight: float = DEFAULT_TEXT_WEIGHT,
) -> tuple[float, float]:
    """Top-1 and top-3 accuracy of ``train(c=c)`` over folds of the training stories only."""
    hits1 = hits3 = 0
    for fold in range(folds):
        train_idx = [i for i in range(len(stories)) if i % folds != fold]
        test_idx = [i for i in range(len(stories)) if i % folds == fold]
        model = train(
            [stories[i] for i in train_idx],
            [vectors[i] for i in train_idx],
            principle_ids,
            c=c,
            text_weight=text_weight,
        )
        for i in test_idx:
            probs = model.probabilities(model.features([stories[i].story], vectors[i]))[0]
            ranked = [model.ids[j] for j in np.argsort(-probs)]
            hits1 += ranked[0] in stories[i].principles
            hits3 += any(r in stories[i].principles for r in ranked[:3])
    return hits1 / len(stories), hits3 / len(stories)
