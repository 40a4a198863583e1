"""The generator seam: generate(question, hits) -> Answer, and the one function that picks one."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from rag.config import GENERATORS, Settings
from rag.types import Answer, Hit


class Generator(Protocol):
    def generate(self, question: str, hits: Sequence[Hit]) -> Answer: ...


def make_generator(
    name: str,
    settings: Settings,
    idf: Callable[[str], float],
    embed: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> Generator:
    """The generator called `name`; ValueError lists the valid names. `embed` (unit vectors) lets the
    extractive one compare short phrases by meaning."""
    from rag.extractive import ExtractiveGenerator

    @functools.lru_cache(maxsize=64)  # one answer checks the same sentence's counts several times
    def similarity(phrase: str, others: tuple[str, ...]) -> tuple[float, ...]:
        vectors = embed([phrase, *others])
        return tuple((vectors[1:] @ vectors[0]).tolist())

    def phrase_similarity(phrase: str, others: Sequence[str]) -> Sequence[float]:
        return similarity(phrase, tuple(others))

    extractive = ExtractiveGenerator(
        idf=idf,
        max_sentences=settings.max_answer_sentences,
        abstain_threshold=settings.abstain_threshold,
        semantic_weight=settings.answer_semantic_weight,
        close_call_ratio=settings.answer_close_call_ratio,
        other_passage_ratio=settings.answer_other_passage_ratio,
        phrase_similarity=phrase_similarity if embed is not None else None,
    )
    if name == "extractive":
        return extractive
    if name == "openai":
        from rag.openai_generator import OpenAIGenerator

        if not settings.openai_base_url:
            raise ValueError(
                "the openai generator needs an endpoint: set RAG_OPENAI_BASE_URL (or OPENAI_BASE_URL), "
                "e.g. http://127.0.0.1:8000/v1, and RAG_OPENAI_MODEL"
            )
        return OpenAIGenerator(
            base_url=settings.openai_base_url,
            model=settings.openai_model,
            api_key=settings.openai_api_key,
            timeout_s=settings.openai_timeout_s,
            fallback=extractive,
        )
    raise ValueError(f"unknown generator {name!r}; choose one of {', '.join(GENERATORS)}")
