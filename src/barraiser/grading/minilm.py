"""The bundled all-MiniLM-L6-v2 as a sentence encoder in plain torch (no sentence-transformers).

Importing sentence-transformers (and through it transformers) costs about 4.5 s on this
machine, more than the rest of the grader's start together.  For the bundled model the same
computation - WordPiece tokens cut at the model's 256, six BERT layers, the mean of the token
states, L2 normalisation - takes a few lines over the modules the claim verifier already defines
(:mod:`barraiser.grading.verifier.network`), reading the same ``model.safetensors`` and
``tokenizer.json``.  Its vectors equal sentence-transformers' to float precision
(``tests/integration/test_minilm_encoder.py`` compares them).  Other models (the
``grader_model`` setting) still load through sentence-transformers.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

#: Texts per forward pass (sorted by length first, so little is padding).
BATCH_SIZE = 64


def _max_tokens(folder: Path) -> int:
    """The model's ``max_seq_length`` (what sentence-transformers cuts at)."""
    config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    return int(config["max_seq_length"])


def is_mean_pooled_minilm(folder: Path) -> bool:
    """True when ``folder`` holds a model this encoder computes exactly: a 6-layer, 384-wide
    BERT, mean-pooled and normalised (the bundled all-MiniLM-L6-v2)."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
    return (
        kinds == ["Transformer", "Pooling", "Normalize"]
        and pooling.get("pooling_mode_mean_tokens") is True
        and not any(
            pooling.get(k)
            for k in (
                "pooling_mode_cls_token",
                "pooling_mode_max_tokens",
                "pooling_mode_mean_sqrt_len_tokens",
            )
        )
        and config.get("model_type") == "bert"
        and config.get("num_hidden_layers") == 6
        and config.get("hidden_size") == 384
        and config.get("num_attention_heads") == 12
        and config.get("hidden_act") == "gelu"
        and (folder / "model.safetensors").is_file()
        and (folder / "tokenizer.json").is_file()
    )


class MiniLMBackend:
    """An :class:`~barraiser.grading.embeddings.EmbeddingBackend` for the bundled model."""

    def __init__(self, folder: Path, *, name: str) -> None:
        """Load the model in ``folder``; any failure (a missing package or file, a bad file)
        propagates as it is, and :func:`~barraiser.grading.embeddings.get_backend` turns it
        into a sentence saying what to do."""
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        from barraiser.grading.verifier.network import LAYERS, Embeddings, Layer

        self.name = name
        self.dimension = 384
        self._torch = torch
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=_max_tokens(folder))
        tokenizer.no_padding()
        weights = load_file(str(folder / "model.safetensors"))
        self._tokenizer = tokenizer
        embeddings = Embeddings()
        embeddings.load_state_dict(
            {
                k[len("embeddings.") :]: v
                for k, v in weights.items()
                if k.startswith("embeddings.") and "position_ids" not in k
            }
        )
        layers = torch.nn.ModuleList(Layer() for _ in range(LAYERS))
        for i, layer in enumerate(layers):
            prefix = f"encoder.layer.{i}."
            layer.load_state_dict(
                {k[len(prefix) :]: v for k, v in weights.items() if k.startswith(prefix)}
            )
        self._embeddings = embeddings.eval()
        self._layers = layers.eval()
        # One forward pass at a time: torch modules are not re-entrant under threads.
        self._lock = threading.Lock()

    def _layer(self, layer: Any, x: Any, scores_mask: Any) -> Any:
        """One encoder layer at inference, attention through torch's fused kernel."""
        functional = self._torch.nn.functional
        batch, length, hidden = x.shape
        heads = 12

        def split(t: Any) -> Any:
            return t.view(batch, length, heads, hidden // heads).transpose(1, 2)

        attn = layer.attention.self
        context = functional.scaled_dot_product_attention(
            split(attn.query(x)), split(attn.key(x)), split(attn.value(x)), attn_mask=scores_mask
        )
        context = context.transpose(1, 2).reshape(batch, length, hidden)
        out = layer.attention.output
        x = out.LayerNorm(x + out.dense(context))
        inner = functional.gelu(layer.intermediate.dense(x))
        return layer.output.LayerNorm(x + layer.output.dense(inner))

    def _forward(self, ids: Any, mask: Any) -> Any:
        torch = self._torch
        from barraiser.grading.verifier.network import additive

        x = self._embeddings(ids, torch.zeros_like(ids))
        scores_mask = additive(mask)
        for layer in self._layers:
            x = self._layer(layer, x, scores_mask)
        weights = mask.to(x.dtype).unsqueeze(-1)
        pooled = (x * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2, dim=1)

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        torch = self._torch
        encoded = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        with self._lock, torch.inference_mode():
            for start in range(0, len(order), BATCH_SIZE):
                chunk = order[start : start + BATCH_SIZE]
                width = max(len(encoded[i].ids) for i in chunk)
                ids = torch.zeros((len(chunk), width), dtype=torch.long)
                mask = torch.zeros((len(chunk), width), dtype=torch.long)
                for row, i in enumerate(chunk):
                    tokens = encoded[i].ids
                    ids[row, : len(tokens)] = torch.tensor(tokens, dtype=torch.long)
                    mask[row, : len(tokens)] = 1
                out[chunk] = self._forward(ids, mask).numpy()
        return out
