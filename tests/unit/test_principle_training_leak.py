"""The principle detector's training stories are not the stories it is measured on."""

from __future__ import annotations

from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer

from barraiser.content.principle_training import load_training

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
#: TF-IDF cosine above which two stories tell the same scenario.  Stories of the training set
#: reach 0.44 among themselves; a retold benchmark scenario measured 0.50 before it was removed.
SAME_SCENARIO = 0.30


def test_no_training_story_retells_a_measurement_story() -> None:
    training, problems = load_training()
    assert not problems and training
    measured = [
        s["story"] for s in yaml.safe_load((DATA / "principle_stories.yaml").read_text())["stories"]
    ]
    measured += [
        a["answer"] for a in yaml.safe_load((DATA / "behavioral_dev.yaml").read_text())["answers"]
    ]
    texts = [s.story for s in training]
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts + measured)
    similarity = (vectorizer.transform(texts) @ vectorizer.transform(measured).T).toarray()
    worst = similarity.max(axis=1)
    retold = [(training[i].id, round(float(worst[i]), 3)) for i in worst.argsort()[::-1][:3]]
    assert worst.max() < SAME_SCENARIO, retold
