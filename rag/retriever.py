"""Hybrid retrieval: dense (Chroma) and BM25 candidates fused by weighted reciprocal rank.

Rank fusion needs no score calibration between the two retrievers, which is
what makes it robust across English (where the dense model is good) and
Chinese (where only the lexical side is).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from rag.clean import CJK, detect_lang
from rag.types import Chunk, Hit

_CJK_RUN = re.compile(f"[{CJK}]+")


class DenseSearch(Protocol):
    def query(self, vector: np.ndarray, n: int, sources: Sequence[str] | None = None) -> list[tuple[Chunk, float]]: ...


class LexicalSearch(Protocol):
    def search(self, query: str, n: int, sources: Sequence[str] | None = None) -> list[tuple[Chunk, float]]: ...


class QueryEmbedder(Protocol):
    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def dense_text(query: str) -> str:
    """What the dense model reads of a question: an English one without the Chinese it mixes in ("Who chaired the
    Yangpu 区委区政府 meeting?"), which the English model cannot read and only pulls its vector off the topic."""
    if detect_lang(query) == "zh" or not _CJK_RUN.search(query):
        return query
    return " ".join(_CJK_RUN.sub(" ", query).split())


def rrf_fuse(
    dense: Sequence[tuple[Chunk, float]],
    lexical: Sequence[tuple[Chunk, float]],
    k: int = 60,
    dense_weight: float = 1.0,
    lexical_weight: float = 1.0,
) -> list[Hit]:
    """Weighted reciprocal rank fusion: score = sum of weight / (k + rank), best first."""
    fused: dict[str, dict] = {}
    for rank, (chunk, score) in enumerate(dense, start=1):
        entry = fused.setdefault(chunk.chunk_id, {"chunk": chunk, "score": 0.0})
        entry["score"] += dense_weight / (k + rank)
        entry["dense_rank"], entry["dense_score"] = rank, score
    for rank, (chunk, score) in enumerate(lexical, start=1):
        entry = fused.setdefault(chunk.chunk_id, {"chunk": chunk, "score": 0.0})
        entry["score"] += lexical_weight / (k + rank)
        entry["lexical_rank"], entry["lexical_score"] = rank, score
    hits = [Hit(**entry) for entry in fused.values()]
    # Ties (same fused score) go to the chunk that appears earlier in its document: stable and readable.
    hits.sort(key=lambda h: (-h.score, h.chunk.source, h.chunk.position))
    return hits


@dataclass
class Retriever:
    dense: DenseSearch
    lexical: LexicalSearch
    embedder: QueryEmbedder
    candidates: int = 30
    rrf_k: int = 60
    dense_weight: float = 1.0
    lexical_weight: float = 1.0
    dense_weight_zh: float = 0.0

    def uses_dense(self, query: str, mode: str) -> bool:
        return mode == "dense" or (mode == "hybrid" and (self.dense_weight_zh > 0 or detect_lang(query) != "zh"))

    def query_vector(self, query: str, mode: str = "hybrid") -> np.ndarray | None:
        """The query's vector, or None when this mode and language search without one."""
        return self.embedder.embed([dense_text(query)])[0] if self.uses_dense(query, mode) else None

    def search(
        self,
        query: str,
        top_k: int,
        mode: str = "hybrid",
        sources: Sequence[str] | None = None,
        vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """The top_k passages for `query`; mode is hybrid, dense or bm25; `vector`: the query's, if known."""
        n = max(self.candidates, top_k)
        dense: list[tuple[Chunk, float]] = []
        lexical: list[tuple[Chunk, float]] = []
        if self.uses_dense(query, mode):
            if vector is None:
                vector = self.embedder.embed([dense_text(query)])[0]
            dense = self.dense.query(vector, n, sources)
        if mode in ("hybrid", "bm25"):
            lexical = self.lexical.search(query, n, sources)
        if mode == "dense":
            return [Hit(c, s, dense_rank=r, dense_score=s) for r, (c, s) in enumerate(dense[:top_k], start=1)]
        if mode == "bm25":
            return [Hit(c, s, lexical_rank=r, lexical_score=s) for r, (c, s) in enumerate(lexical[:top_k], start=1)]
        if mode != "hybrid":
            raise ValueError(f"mode must be one of hybrid, dense, bm25, got {mode!r}")
        dense_weight = self.dense_weight_zh if detect_lang(query) == "zh" else self.dense_weight
        return rrf_fuse(dense, lexical, self.rrf_k, dense_weight, self.lexical_weight)[:top_k]
