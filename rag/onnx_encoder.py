"""all-MiniLM-L6-v2 on ONNX Runtime, for encoding many texts (ingest, and the questions of long-lived
processes) fast and without torch.

The graph is built here, in memory, from the bundled model.safetensors: the
same operations as rag/fast_encoder.py's NumPy forward pass (BERT, erf GELU,
LayerNorm eps 1e-12), written as ONNX nodes. Nothing is exported with torch
and nothing is written to disk. On these 2-core machines the project's ingest
runs at 2x sentence-transformers' (rag bench), with the same vectors (cosine
0.99999+), so an index built either way ranks the same.

Usage:
    encoder = bundled_onnx_encoder()        # hash-checks the weights, builds the session once (~1 s)
    vectors = encoder.encode(paragraphs)    # (n, 384) float32, unit length, length-sorted batches of ≤512 word pieces
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence

import numpy as np

from rag.embedder import bundled_model_path
from rag.fast_encoder import (
    HIDDEN,
    LAYER_NORM_EPS,
    N_HEADS,
    N_LAYERS,
    check_weights,
    load_weights_and_tokenizer,
    mean_pool,
    pad,
)

OPSET = 17  # LayerNormalization is a standard op from 17 on


def build_graph(weights: dict[str, np.ndarray]) -> bytes:
    """A serialized ONNX model: (input_ids int64 [b, s], attention_mask float32 [b, s]) -> hidden [b, s, 384]."""
    from onnx import TensorProto, helper, numpy_helper

    check_weights(weights)
    nodes: list = []
    inits: list = []

    def const(name: str, value: np.ndarray | float | list) -> str:
        array = np.asarray(value)
        array = array.astype(np.int64 if array.dtype.kind in "iu" else np.float32)
        inits.append(numpy_helper.from_array(array, name))
        return name

    def node(op: str, inputs: list[str], name: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def w(key: str) -> str:
        return const(key, weights[key])

    def wt(key: str) -> str:  # stored (out, in); MatMul wants (in, out)
        return const(key + ".T", np.ascontiguousarray(weights[key].T))

    def layer_norm(x: str, prefix: str, name: str) -> str:
        return node("LayerNormalization", [x, w(prefix + ".weight"), w(prefix + ".bias")], name, axis=-1, epsilon=LAYER_NORM_EPS)

    def linear(x: str, prefix: str, name: str) -> str:
        return node("Add", [node("MatMul", [x, wt(prefix + ".weight")], name + ".mm"), w(prefix + ".bias")], name)

    head_dim = HIDDEN // N_HEADS
    length = node("Gather", ["input_ids_shape", const("one", np.array([1]))], "length")
    nodes.insert(0, helper.make_node("Shape", ["input_ids"], ["input_ids_shape"], name="input_ids_shape"))
    positions = node("Slice", [w("embeddings.position_embeddings.weight"), const("zero", np.array([0])), length], "positions")
    words = node("Gather", [w("embeddings.word_embeddings.weight"), "input_ids"], "words")
    token_type = const("token_type0", weights["embeddings.token_type_embeddings.weight"][0])
    x = node("Add", [node("Add", [words, positions], "emb_sum"), token_type], "emb")
    x = layer_norm(x, "embeddings.LayerNorm", "emb_ln")
    # Padding keys get a large negative score, so softmax gives them ~0 weight (as transformers does).
    padding = node("Sub", [const("f_one", 1.0), "attention_mask"], "padding")
    key_bias = node("Unsqueeze", [node("Mul", [padding, const("neg_big", -1e9)], "key_bias2d"), const("axes12", [1, 2])], "key_bias")
    split_heads = const("split_heads", [0, 0, N_HEADS, head_dim])
    merge_heads = const("merge_heads", [0, 0, HIDDEN])
    scale = const("scale", 1.0 / np.sqrt(head_dim))

    def heads(x: str, layer: int, kind: str, perm: list[int]) -> str:
        projected = linear(x, f"encoder.layer.{layer}.attention.self.{kind}", f"l{layer}.{kind}")
        split = node("Reshape", [projected, split_heads], f"l{layer}.{kind}.split")
        return node("Transpose", [split], f"l{layer}.{kind}.t", perm=perm)

    for i in range(N_LAYERS):
        p = f"encoder.layer.{i}."
        q = heads(x, i, "query", [0, 2, 1, 3])  # (b, heads, s, d)
        k = heads(x, i, "key", [0, 2, 3, 1])  # (b, heads, d, s)
        v = heads(x, i, "value", [0, 2, 1, 3])
        scores = node("Add", [node("Mul", [node("MatMul", [q, k], f"l{i}.qk"), scale], f"l{i}.scaled"), key_bias], f"l{i}.scores")
        probs = node("Softmax", [scores], f"l{i}.probs", axis=-1)
        context = node("Transpose", [node("MatMul", [probs, v], f"l{i}.ctx")], f"l{i}.ctx.t", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, merge_heads], f"l{i}.ctx.merged")
        attended = linear(context, p + "attention.output.dense", f"l{i}.ao")
        x = layer_norm(node("Add", [attended, x], f"l{i}.res1"), p + "attention.output.LayerNorm", f"l{i}.ln1")
        h = linear(x, p + "intermediate.dense", f"l{i}.in")
        erf = node("Erf", [node("Mul", [h, const(f"l{i}.sqrt_half", 0.7071067811865476)], f"l{i}.hs")], f"l{i}.erf")
        gelu = node("Mul", [node("Mul", [h, const(f"l{i}.half", 0.5)], f"l{i}.h2"), node("Add", [erf, const(f"l{i}.one", 1.0)], f"l{i}.erf1")], f"l{i}.gelu")
        out = linear(gelu, p + "output.dense", f"l{i}.out")
        x = layer_norm(node("Add", [out, x], f"l{i}.res2"), p + "output.LayerNorm", f"l{i}.ln2")
    nodes.append(helper.make_node("Identity", [x], ["hidden"], name="hidden"))
    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "length"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.FLOAT, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", HIDDEN])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="rag")
    model.ir_version = 8
    return model.SerializeToString()


class OnnxMiniLM:
    """The bundled sentence encoder as an ONNX Runtime session; thread-safe (sessions are)."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer, batch_tokens: int = 512) -> None:
        import onnxruntime

        # A batch holds at most batch_tokens padded word pieces: two 256-piece paragraphs, or a dozen
        # sentences. Measured on 2 cores: SQuAD paragraphs 35/s (19/s in fixed batches of 64, where
        # attention's working set outgrows the caches), single sentences 175/s (82/s); budgets of
        # 256 and 1024 word pieces were no better.
        self.batch_tokens = batch_tokens
        self._tokenizer = tokenizer
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = os.cpu_count() or 1
        options.log_severity_level = 3  # warnings about unused initializers are noise here
        self._session = onnxruntime.InferenceSession(build_graph(weights), options, providers=["CPUExecutionProvider"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text; sorted by length into batches to keep padding low."""
        return self.encode_with_spans(texts, None)[0]

    def encode_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]] | None
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The texts' vectors, and for each text one vector per (start, end) character span of it.

        A span's vector is the mean of the text's own contextual token vectors inside the span, unit
        length ("late chunking"): a sentence read in the context of its passage, at no extra cost of
        encoding. A span with no token (past the 256-piece limit) gets a zero row.
        """
        out = np.zeros((len(texts), HIDDEN), dtype=np.float32)
        span_vectors = [np.zeros((len(s), HIDDEN), dtype=np.float32) for s in spans] if spans is not None else []
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=True)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for rows in self._batches(order, [len(e.ids) for e in encodings]):
            ids, mask = pad([encodings[i] for i in rows])
            (hidden,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
            out[rows] = mean_pool(hidden, mask)
            if spans is not None:
                for row, i in enumerate(rows):
                    span_vectors[i] = pool_spans(hidden[row], encodings[i], spans[i])
        return out, span_vectors

    def _batches(self, order: list[int], lengths: list[int]) -> list[list[int]]:
        """Consecutive runs of order (shortest first) whose count times longest stays within batch_tokens."""
        batches: list[list[int]] = []
        for i in order:
            if batches and (len(batches[-1]) + 1) * lengths[i] <= self.batch_tokens:
                batches[-1].append(i)
            else:
                batches.append([i])
        return batches


def pool_spans(hidden: np.ndarray, encoding, spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Unit-length means of one text's token vectors (hidden: [length, 384]) over character spans."""
    offsets = np.asarray(encoding.offsets, dtype=np.int64).reshape(-1, 2)
    real = (offsets[:, 1] > offsets[:, 0]) & (np.asarray(encoding.special_tokens_mask) == 0)
    out = np.zeros((len(spans), HIDDEN), dtype=np.float32)
    for k, (start, end) in enumerate(spans):
        inside = real & (offsets[:, 0] >= start) & (offsets[:, 1] <= end)
        if inside.any():
            pooled = hidden[: len(offsets)][inside].mean(axis=0)
            out[k] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
    return out


_lock = threading.Lock()
_bundled: OnnxMiniLM | None = None


def bundled_onnx_encoder() -> OnnxMiniLM:
    """The bundled all-MiniLM-L6-v2 on ONNX Runtime, built (and hash-checked) once per process."""
    global _bundled
    with _lock:
        if _bundled is None:
            _bundled = OnnxMiniLM(*load_weights_and_tokenizer(bundled_model_path()))
        return _bundled
