"""Sentence vectors kept with each chunk, so answer sentences are chosen by meaning as well as by words.

At ingest the encoder reads each chunk whole anyway; the mean of its contextual token vectors inside a
sentence is that sentence's vector, read in its passage's context ("late chunking"), at no extra
encoding cost. They travel in the chunk's Chroma metadata as int8 rows (384 bytes a sentence, base64),
so the lexical index, which is built from Chroma, carries them too.
"""

from __future__ import annotations

import base64

import numpy as np

from rag.sentences import sentence_spans
from rag.types import Chunk

WIDTH = 384  # the bundled model's vector size


def pack(vectors: np.ndarray) -> str:
    """int8 rows scaled to each row's largest component (cosines change by < 0.001), base64."""
    vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, WIDTH)
    peaks = np.abs(vectors).max(axis=1, keepdims=True)
    scaled = np.divide(vectors, peaks, out=np.zeros_like(vectors), where=peaks > 0)
    return base64.b64encode(np.round(scaled * 127).astype(np.int8).tobytes()).decode("ascii")


def unpack(packed: str) -> np.ndarray:
    """(n, 384) float32 unit rows (a zero row, for a sentence past the model's limit, stays zero)."""
    rows = np.frombuffer(base64.b64decode(packed), dtype=np.int8).reshape(-1, WIDTH).astype(np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)


def sentence_similarities(chunk: Chunk, vector: np.ndarray) -> tuple[float, ...] | None:
    """Cosine of `vector` with each sentence of the chunk, in sentence_spans() order; None when the chunk
    has no sentence vectors (ingested by another model or an older version) or they do not line up."""
    if not chunk.sentence_vectors:
        return None
    rows = unpack(chunk.sentence_vectors)
    if len(rows) != len(sentence_spans(chunk.text)) or rows.shape[1] != len(vector):
        return None
    return tuple(float(s) for s in rows @ np.asarray(vector, dtype=np.float32))
