"""Run the shipped claim verifier (ONNX Runtime, int8, CPU) on (target, text) pairs.

The model (``claim-verifier.onnx``, see :mod:`~barraiser.grading.verifier.network`) reads
``[CLS] target [SEP] text [SEP]`` and gives the four labels' logits.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from barraiser.grading.embeddings import ModelUnavailable

#: The verifier's classes, in the order of its output columns.
LABELS: tuple[str, ...] = ("states", "contradicts", "mentions", "unrelated")
MODEL_FILE = "claim-verifier.onnx"
TOKENIZER_FILE = "tokenizer.json"
CARD_FILE = "card.json"
#: The card's check slice as it was when the model was trained (one labelled pair per line), so
#: the shipped weights can be checked against their card after the claim files are corrected.
CHECK_SLICE_FILE = "check-slice.jsonl"
#: Segments longer than this many tokens are cut.
MAX_TARGET_TOKENS = 64
MAX_TEXT_TOKENS = 128
CLS_ID, SEP_ID = 101, 102

Probabilities = npt.NDArray[np.float32]


class VerifierUnavailable(ModelUnavailable):
    """The claim verifier's model files are missing or cannot be loaded."""


@dataclass(frozen=True)
class Segment:
    """One tokenized segment: ids and segment (type) ids, unpadded."""

    ids: tuple[int, ...]
    types: tuple[int, ...]


def shipped_model_dir() -> Path:
    """The folder holding the shipped model, its tokenizer and its card."""
    return Path(__file__).resolve().parent / "model"


def read_card(model_dir: Path) -> dict[str, Any]:
    """The model card (``card.json``): version, data, split, hyper-parameters and metrics."""
    try:
        data: dict[str, Any] = json.loads((model_dir / CARD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise VerifierUnavailable(
            f"the claim verifier's card {model_dir / CARD_FILE} cannot be read ({exc}): "
            "reinstall barraiser, or rebuild the model with `barraiser grader train`."
        ) from exc
    return data


def make_tokenizer(path: Path) -> Any:
    """The base model's WordPiece tokenizer (no special tokens, padding or cutting: done here)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def encode_pairs(tokenizer: Any, pairs: Sequence[tuple[str, str]]) -> list[Segment]:
    """``[CLS] target [SEP] text [SEP]`` with segment ids 0 then 1 (each side cut to its cap)."""
    targets = tokenizer.encode_batch([a for a, _ in pairs], add_special_tokens=False)
    texts = tokenizer.encode_batch([b for _, b in pairs], add_special_tokens=False)
    out = []
    for a, b in zip(targets, texts, strict=True):
        first = (CLS_ID, *a.ids[: MAX_TARGET_TOKENS - 2], SEP_ID)
        second = (*b.ids[: MAX_TEXT_TOKENS - 1], SEP_ID)
        out.append(Segment(first + second, (0,) * len(first) + (1,) * len(second)))
    return out


def pad_segments(segments: Sequence[Segment]) -> tuple[npt.NDArray[np.int64], ...]:
    """(input ids, segment ids, attention mask), padded to the longest."""
    width = max(len(s.ids) for s in segments)
    ids = np.zeros((len(segments), width), dtype=np.int64)
    types = np.zeros_like(ids)
    mask = np.zeros_like(ids)
    for row, s in enumerate(segments):
        ids[row, : len(s.ids)] = s.ids
        types[row, : len(s.ids)] = s.types
        mask[row, : len(s.ids)] = 1
    return ids, types, mask


def softmax(logits: npt.NDArray[Any]) -> Probabilities:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    probabilities: Probabilities = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return probabilities


class ClaimVerifier:
    """The shipped (or a freshly trained) verifier, loaded once and shared by threads."""

    def __init__(self, model_dir: Path | None = None, *, threads: int = 2) -> None:
        folder = model_dir or shipped_model_dir()
        self.folder = folder
        self.card = read_card(folder)
        self.version: str = str(self.card.get("version", "unknown"))
        self.name = f"claim-verifier-{self.version}"
        try:
            import onnxruntime as ort
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise VerifierUnavailable(
                "onnxruntime is not installed: run `pip install -e .` in the project."
            ) from exc
        # One thread per run and ``threads`` runs at once: a single pair is too small to share
        # between threads (two runs side by side do 189 pairs/s here, one run on two threads 161).
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        self._workers = max(1, threads)
        self._pool: ThreadPoolExecutor | None = None
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(
                str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
            )
            self._tokenizer = make_tokenizer(folder / TOKENIZER_FILE)
        except Exception as exc:
            raise VerifierUnavailable(
                f"cannot load the claim verifier from {folder} ({exc}): reinstall barraiser, "
                "or rebuild the model with `barraiser grader train`."
            ) from exc

    def verify(self, pairs: Sequence[tuple[str, str]], *, batch_size: int = 1) -> Probabilities:
        """Probabilities (one row per (target, text) pair, columns in :data:`LABELS` order).

        One pair per run by default: dynamic int8 quantization scales activations over the
        whole batch, so in a batch a pair's probabilities shift (by about 0.01) with its
        neighbours and padding, and an answer graded alone could score differently from the
        same answer in a batch.  Alone, each pair gives the same figures wherever it is graded
        (at 133 pairs/s against 166 in batches of 32 on this machine).
        """
        out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
        if not pairs:
            return out
        encoded = encode_pairs(self._tokenizer, pairs)
        # Batches of similar length waste little on padding.
        order = sorted(range(len(pairs)), key=lambda i: len(encoded[i].ids))
        chunks = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]

        def run(chunk: list[int]) -> None:
            ids, types, mask = pad_segments([encoded[i] for i in chunk])
            (logits,) = self._session.run(
                ["logits"], {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}
            )
            out[chunk] = softmax(np.asarray(logits, dtype=np.float32))

        if self._workers == 1 or len(chunks) == 1:
            for chunk in chunks:
                run(chunk)
        else:  # ONNX Runtime releases the GIL: the runs go side by side, each giving its rows
            list(self._executor().map(run, chunks))
        return out

    def _executor(self) -> ThreadPoolExecutor:
        with _lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="verifier")
            return self._pool


_verifiers: dict[str, ClaimVerifier] = {}
_lock = threading.Lock()


def get_verifier(model_dir: Path | None = None, *, threads: int = 2) -> ClaimVerifier:
    """The process-wide verifier for a model folder (default: the shipped one), loaded once."""
    key = str(model_dir or shipped_model_dir())
    with _lock:
        verifier = _verifiers.get(key)
        if verifier is None:
            verifier = ClaimVerifier(model_dir, threads=threads)
            _verifiers[key] = verifier
        return verifier
