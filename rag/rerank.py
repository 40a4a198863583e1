"""Rerank fused candidates by how well their best sentence covers the question's rare terms.

BM25 and the dense model score whole chunks; an answer lives in one sentence.
A chunk whose single sentence holds most of the question's specific terms is
a better first passage than one that mentions them scattered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from rag.sentences import sentence_spans
from rag.terms import question_terms, term_set, term_weights
from rag.types import Hit


def best_sentence_coverage(text: str, weights: dict[str, float]) -> float:
    total = sum(weights.values())
    if not total:
        return 0.0
    best = 0.0
    for start, end in sentence_spans(text):
        found = term_set(text[start:end])
        best = max(best, sum(w for t, w in weights.items() if t in found) / total)
    return best


def rerank(question: str, hits: Sequence[Hit], idf: Callable[[str], float], weight: float) -> list[Hit]:
    """Hits reordered by fused score (scaled to the best one) + weight × best-sentence coverage."""
    if not hits or weight <= 0:
        return list(hits)
    weights = term_weights(question_terms(question), idf)
    top = max(h.score for h in hits) or 1.0
    scored = [replace(h, score=h.score / top + weight * best_sentence_coverage(h.chunk.text, weights)) for h in hits]
    return sorted(scored, key=lambda h: -h.score)
