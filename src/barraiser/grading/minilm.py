"""The bundled all-MiniLM-L6-v2 as a sentence encoder on ONNX Runtime (no torch at grading time).

Importing sentence-transformers (and through it transformers and torch) costs about 4.5 s and
200+ MiB on this machine, more than the rest of the grader together.  For the bundled model the
same computation - WordPiece tokens cut at the model's 256, six BERT layers, the mean of the
token states, L2 normalisation - is a small fp32 ONNX graph built here from the package's
``model.safetensors`` (:func:`encoder_graph`) and run by ONNX Runtime, which the claim verifier
loads anyway.  The word-embedding lookup (half the weights) stays in numpy, outside the graph.
Its vectors equal sentence-transformers' to float precision
(``tests/integration/test_minilm_encoder.py`` compares them).  Other models (the
``grader_model`` setting) still load through sentence-transformers.
"""

from __future__ import annotations

import json
from collections.abc import Callable
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
    BERT with LayerNorm eps 1e-12 and enough positions for its cut, mean-pooled and normalised
    (the bundled all-MiniLM-L6-v2); any other goes through sentence-transformers."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        max_tokens = _max_tokens(folder)
    except (OSError, ValueError, KeyError, TypeError):
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
        and config.get("intermediate_size") == 4 * 384
        and config.get("hidden_act") == "gelu"
        and config.get("layer_norm_eps") == LAYER_NORM_EPS
        and config.get("type_vocab_size", 0) >= 1
        and config.get("max_position_embeddings", 0) >= max_tokens
        and (folder / "model.safetensors").is_file()
        and (folder / "tokenizer.json").is_file()
    )


HIDDEN, HEADS, LAYERS = 384, 12, 6
LAYER_NORM_EPS = 1e-12
#: What a masked (padding) position adds to the attention scores, as in the original BERT.
MASKED = -10000.0


def encoder_graph(weight: Callable[[str], npt.NDArray[np.float32]]) -> Any:
    """The ONNX model (a ``ModelProto``): token states in (``embedded``, batch x tokens x 384,
    the word embeddings already looked up) with the 0/1 ``attention_mask``; the normalised mean
    of the last layer's token states out (``vectors``, batch x 384).  ``weight(name)`` gives a
    parameter of the safetensors file, read once each."""
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    inits: list[Any] = []

    def const(name: str, value: Any) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], **attrs))
        return output

    def layer_norm(x: str, prefix: str, out: str) -> str:
        scale = const(f"{out}.g", weight(f"{prefix}.weight"))
        bias = const(f"{out}.b", weight(f"{prefix}.bias"))
        return node("LayerNormalization", [x, scale, bias], out, axis=-1, epsilon=LAYER_NORM_EPS)

    def linear(x: str, prefix: str, out: str) -> str:
        w = const(f"{out}.w", np.ascontiguousarray(weight(f"{prefix}.weight").T))
        b = const(f"{out}.b", weight(f"{prefix}.bias"))
        return node("Add", [node("MatMul", [x, w], f"{out}.mm"), b], out)

    head = HIDDEN // HEADS
    const("heads_shape", np.array([0, 0, HEADS, head], dtype=np.int64))
    const("hidden_shape", np.array([0, 0, HIDDEN], dtype=np.int64))
    const("zero", np.array(0, dtype=np.int64))
    const("one", np.array(1, dtype=np.int64))
    const("axis1", np.array([1], dtype=np.int64))
    # Position (and segment 0) embeddings for positions 0 .. tokens - 1.
    length = node("Gather", [node("Shape", ["embedded"], "shape"), "one"], "length", axis=0)
    positions = node("Range", ["zero", length, "one"], "positions")
    table = const("position_table", weight("embeddings.position_embeddings.weight"))
    x = node("Gather", [table, positions], "position_vectors", axis=0)
    x = node("Add", ["embedded", x], "embedded_positions")
    segment = const("segment0", weight("embeddings.token_type_embeddings.weight")[0])
    x = layer_norm(node("Add", [x, segment], "embedded_all"), "embeddings.LayerNorm", "h0")
    # Padding as scores to add (batch x 1 x 1 x tokens).
    mask = node("Cast", ["attention_mask"], "mask_f", to=TensorProto.FLOAT)
    keep = node("Sub", [const("one_f", np.array(1.0, dtype=np.float32)), mask], "masked")
    scores_mask = node("Mul", [keep, const("masked_value", np.float32(MASKED))], "mask_add")
    scores_mask = node(
        "Unsqueeze", [scores_mask, const("axes12", np.array([1, 2], dtype=np.int64))], "mask4"
    )
    scale = const("scale", np.float32(1.0 / np.sqrt(head)))
    for i in range(LAYERS):
        p, n = f"encoder.layer.{i}.", f"l{i}"
        proj = {
            k: linear(x, f"{p}attention.self.{name}", f"{n}.{k}")
            for k, name in (("q", "query"), ("k", "key"), ("v", "value"))
        }
        split = {
            k: node("Reshape", [proj[k], "heads_shape"], f"{n}.{k}.heads") for k in ("q", "k", "v")
        }
        q = node("Transpose", [split["q"]], f"{n}.qt", perm=[0, 2, 1, 3])
        k = node("Transpose", [split["k"]], f"{n}.kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [split["v"]], f"{n}.vt", perm=[0, 2, 1, 3])
        scores = node("Mul", [node("MatMul", [q, k], f"{n}.qk"), scale], f"{n}.scaled")
        weights_ = node(
            "Softmax", [node("Add", [scores, scores_mask], f"{n}.masked")], f"{n}.attn", axis=-1
        )
        context = node("MatMul", [weights_, v], f"{n}.context")
        context = node("Transpose", [context], f"{n}.context_t", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, "hidden_shape"], f"{n}.context_h")
        out = linear(context, p + "attention.output.dense", f"{n}.o")
        x = layer_norm(
            node("Add", [x, out], f"{n}.res1"), p + "attention.output.LayerNorm", f"{n}.n1"
        )
        inner = linear(x, p + "intermediate.dense", f"{n}.i")
        # The exact (erf) GELU, as BERT: 0.5 * h * (1 + erf(h / sqrt 2)).
        erf = node(
            "Erf",
            [node("Mul", [inner, const(f"{n}.rsqrt2", np.float32(1 / np.sqrt(2)))], f"{n}.hs")],
            f"{n}.erf",
        )
        gate = node("Add", [erf, const(f"{n}.one", np.float32(1.0))], f"{n}.gate")
        half = node("Mul", [inner, const(f"{n}.half", np.float32(0.5))], f"{n}.halfh")
        act = node("Mul", [half, gate], f"{n}.gelu")
        out = linear(act, p + "output.dense", f"{n}.f")
        x = layer_norm(node("Add", [x, out], f"{n}.res2"), p + "output.LayerNorm", f"{n}.n2")
    # Mean of the real tokens' states, then L2 normalisation (eps as torch's normalize).
    weights3 = node(
        "Unsqueeze", [mask, const("axis_last", np.array([-1], dtype=np.int64))], "mask3"
    )
    total = node("ReduceSum", [node("Mul", [x, weights3], "kept"), "axis1"], "total", keepdims=0)
    count = node("ReduceSum", [weights3, "axis1"], "count", keepdims=0)
    count = node("Max", [count, const("tiny", np.float32(1e-9))], "count_safe")
    pooled = node("Div", [total, count], "pooled")
    norm = node("ReduceL2", [pooled], "norm", axes=[1], keepdims=1)  # axes: an attribute in 17
    norm = node("Max", [norm, const("eps", np.float32(1e-12))], "norm_safe")
    node("Div", [pooled, norm], "vectors")
    graph = helper.make_graph(
        nodes,
        "minilm-encoder",
        [
            helper.make_tensor_value_info(
                "embedded", TensorProto.FLOAT, ["batch", "tokens", HIDDEN]
            ),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info("vectors", TensorProto.FLOAT, ["batch", HIDDEN])],
        inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


class MiniLMBackend:
    """An :class:`~barraiser.grading.embeddings.EmbeddingBackend` for the bundled model."""

    def __init__(self, folder: Path, *, name: str, threads: int = 2) -> None:
        """Load the model in ``folder``; any failure (a missing package or file, a bad file)
        propagates as it is, and :func:`~barraiser.grading.embeddings.get_backend` turns it
        into a sentence saying what to do."""
        import onnxruntime as ort
        from safetensors import safe_open
        from tokenizers import Tokenizer

        self.name = name
        self.dimension = HIDDEN
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=_max_tokens(folder))
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        # Tensor by tensor from the memory-mapped file, the graph serialized once.  Loading still
        # holds the graph's 41 MiB of weights up to three times at its peak (the arrays, the
        # ModelProto, its bytes): about 130 MiB above the steady state, for a moment.
        with safe_open(str(folder / "model.safetensors"), framework="np") as weights:
            self._words = weights.get_tensor("embeddings.word_embeddings.weight")
            graph = encoder_graph(weights.get_tensor).SerializeToString()
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, threads)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
        del graph

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        encoded = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(order), BATCH_SIZE):
            chunk = order[start : start + BATCH_SIZE]
            width = max(len(encoded[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                tokens = encoded[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1
            (vectors,) = self._session.run(
                ["vectors"], {"embedded": self._words[ids], "attention_mask": mask}
            )
            out[chunk] = vectors
        return out
