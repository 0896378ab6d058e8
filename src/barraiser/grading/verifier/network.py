"""The verifier's network: all-MiniLM-L6-v2 as a cross-encoder with a 4-way classifier.

Plain torch modules with the base model's weight names, so they load from the base model's
``model.safetensors`` and export to ONNX without transformers.  (A late-interaction variant,
the first three layers reading target and text apart and frozen, trained twice as fast but
reached 0.52 held-out accuracy where the full cross-encoder reached 0.71: not kept.)
"""

from __future__ import annotations

import math
from pathlib import Path

import torch
from torch import nn

HIDDEN = 384
HEADS = 12
INTERMEDIATE = 1536
LAYERS = 6
LABEL_COUNT = 4
LAYER_NORM_EPS = 1e-12
DROPOUT = 0.1
#: Added to attention scores of padding positions.
MASKED = -10000.0


class Embeddings(nn.Module):
    def __init__(self, vocab: int = 30522, positions: int = 512, types: int = 2) -> None:
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, HIDDEN)
        self.position_embeddings = nn.Embedding(positions, HIDDEN)
        self.token_type_embeddings = nn.Embedding(types, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=LAYER_NORM_EPS)

    def forward(self, input_ids: torch.Tensor, token_type_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = (
            self.word_embeddings(input_ids)
            + self.position_embeddings(positions)
            + self.token_type_embeddings(token_type_ids)
        )
        out: torch.Tensor = self.LayerNorm(x)
        return out


class _SelfAttention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)


class _AttentionOutput(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.dense = nn.Linear(HIDDEN, HIDDEN)
        self.LayerNorm = nn.LayerNorm(HIDDEN, eps=LAYER_NORM_EPS)


class _Attention(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.self = _SelfAttention()
        self.output = _AttentionOutput()


class _Dense(nn.Module):
    def __init__(self, n_in: int, n_out: int, norm: bool) -> None:
        super().__init__()
        self.dense = nn.Linear(n_in, n_out)
        if norm:
            self.LayerNorm = nn.LayerNorm(n_out, eps=LAYER_NORM_EPS)


class Layer(nn.Module):
    """One BERT encoder layer (post-norm, exact GELU), with the base model's weight names."""

    def __init__(self) -> None:
        super().__init__()
        self.attention = _Attention()
        self.intermediate = _Dense(HIDDEN, INTERMEDIATE, norm=False)
        self.output = _Dense(INTERMEDIATE, HIDDEN, norm=True)
        self.dropout = nn.Dropout(DROPOUT)

    def forward(self, x: torch.Tensor, additive_mask: torch.Tensor) -> torch.Tensor:
        batch, length, _ = x.shape
        head = HIDDEN // HEADS
        attn = self.attention.self

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(batch, length, HEADS, head).transpose(1, 2)

        q, k, v = split(attn.query(x)), split(attn.key(x)), split(attn.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(head) + additive_mask
        weights = self.dropout(torch.softmax(scores, dim=-1))
        context = (weights @ v).transpose(1, 2).reshape(batch, length, HIDDEN)
        out = self.attention.output
        x = out.LayerNorm(x + self.dropout(out.dense(context)))
        hidden = nn.functional.gelu(self.intermediate.dense(x))
        result: torch.Tensor = self.output.LayerNorm(x + self.dropout(self.output.dense(hidden)))
        return result


def additive(mask: torch.Tensor) -> torch.Tensor:
    """A 0/1 attention mask (batch x tokens) as scores to add (batch x 1 x 1 x tokens)."""
    return (1.0 - mask.to(torch.float32))[:, None, None, :] * MASKED


class CrossEncoder(nn.Module):
    """all-MiniLM-L6-v2 reading a target and a piece of answer together, then a classifier.

    Input: ``[CLS] target [SEP] text [SEP]`` with segment ids 0 then 1; output: the logits of
    the four labels, from the first token through the base model's pooler.
    """

    def __init__(self, layers: int = LAYERS, pooling: str = "cls") -> None:
        super().__init__()
        self.pooling = pooling
        self.embeddings = Embeddings()
        self.layer = nn.ModuleList(Layer() for _ in range(layers))
        self.pooler = nn.Linear(HIDDEN, HIDDEN)
        self.dropout = nn.Dropout(DROPOUT)
        self.classifier = nn.Linear(HIDDEN, LABEL_COUNT)

    def forward(
        self, input_ids: torch.Tensor, token_type_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> torch.Tensor:
        return self.head(self.prefix(input_ids, token_type_ids, attention_mask, 0), attention_mask)

    def prefix(
        self,
        input_ids: torch.Tensor,
        token_type_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        layers: int,
    ) -> torch.Tensor:
        """The token states after the embeddings and the first ``layers`` layers."""
        x: torch.Tensor = self.embeddings(input_ids, token_type_ids)
        mask = additive(attention_mask)
        for layer in self.layer[:layers]:
            x = layer(x, mask)
        return x

    def head(
        self, x: torch.Tensor, attention_mask: torch.Tensor, from_layer: int = 0
    ) -> torch.Tensor:
        """The remaining layers from ``from_layer`` on, then the classifier's logits."""
        mask = additive(attention_mask)
        for layer in self.layer[from_layer:]:
            x = layer(x, mask)
        if self.pooling == "mean":
            # The base model was trained to mean-pool its token states into a sentence vector.
            weights = attention_mask.to(x.dtype).unsqueeze(-1)
            first = (x * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
        else:
            first = x[:, 0]
        pooled = torch.tanh(self.pooler(first))
        logits: torch.Tensor = self.classifier(self.dropout(pooled))
        return logits


def load_base(model_file: Path, seed: int, pooling: str = "cls") -> CrossEncoder:
    """The cross-encoder with the base model's weights (the classifier new, seeded)."""
    from safetensors.torch import load_file

    weights = load_file(str(model_file))
    model = CrossEncoder(pooling=pooling)
    state = {
        k: v for k, v in weights.items() if k.startswith("embeddings.") and "position_ids" not in k
    }
    for i in range(LAYERS):
        prefix = f"encoder.layer.{i}."
        state.update(
            {f"layer.{i}.{k[len(prefix) :]}": v for k, v in weights.items() if k.startswith(prefix)}
        )
    state["pooler.weight"] = weights["pooler.dense.weight"]
    state["pooler.bias"] = weights["pooler.dense.bias"]
    generator = torch.Generator().manual_seed(seed)
    state["classifier.weight"] = torch.randn(LABEL_COUNT, HIDDEN, generator=generator) * 0.02
    state["classifier.bias"] = torch.zeros(LABEL_COUNT)
    model.load_state_dict(state)
    return model
