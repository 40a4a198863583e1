"""Rerank fused candidates by how well their best sentence covers the question's rare terms.

BM25 and the dense model score whole chunks; an answer lives in one sentence.
A chunk whose single sentence holds most of the question's specific terms is
a better first passage than one that mentions them scattered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from rag.sentences import sentence_spans
from rag.terms import is_cjk_term, question_terms, term_set
from rag.types import Hit


def term_weights(question: str, idf: Callable[[str], float]) -> dict[str, float]:
    """IDF weights of the question's content terms; a lone Chinese character counts for a third."""
    return {t: (0.35 if is_cjk_term(t) and len(t) == 1 else 1.0) * idf(t) for t in question_terms(question)}


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
    weights = term_weights(question, idf)
    top = max(h.score for h in hits) or 1.0
    scored = [replace(h, score=h.score / top + weight * best_sentence_coverage(h.chunk.text, weights)) for h in hits]
    return sorted(scored, key=lambda h: -h.score)
