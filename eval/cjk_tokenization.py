"""Measure BM25 retrieval on the Chinese eval questions: character unigrams+bigrams vs jieba words.

Usage: python eval/cjk_tokenization.py [--index .rag]
Needs jieba (pip install jieba); the project itself does not depend on it.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rag import lexical, metrics, terms
from rag.config import settings_from_env
from rag.datasets import load_dataset
from rag.evaluate import relevant_chunks
from rag.pipeline import Pipeline


def jieba_terms(run: str) -> list[str]:
    import jieba

    return [w for w in jieba.lcut(run) if w.strip()]


def measure(name: str, chunks, questions) -> None:
    started = time.perf_counter()
    index = lexical.LexicalIndex.build(chunks, generation=0)
    build_s = time.perf_counter() - started
    runs = []
    for q in questions:
        hits = index.search(q.question, 10)
        runs.append(([c.chunk_id for c, _ in hits], relevant_chunks(q, chunks)))
    summary = metrics.retrieval_summary(runs)
    print(f"| {name} | {len(questions)} | {summary['hit@1']:.3f} | {summary['hit@5']:.3f} | {summary['mrr']:.3f} | {build_s * 1000:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path)
    args = parser.parse_args()
    pipeline = Pipeline(settings_from_env(index_dir=args.index))
    pipeline._ensure_open()
    chunks = pipeline.index.lexical().chunks
    _, questions = load_dataset(Path("eval/seeds.jsonl"))
    zh = [q for q in questions if q.lang == "zh" and q.answerable]
    print("| Chinese terms | questions | hit@1 | hit@5 | MRR | build ms |\n|---|---:|---:|---:|---:|---:|")
    measure("characters + bigrams", chunks, zh)
    original = terms._cjk_terms
    terms._cjk_terms = jieba_terms
    try:
        measure("jieba words", chunks, zh)
    finally:
        terms._cjk_terms = original


if __name__ == "__main__":
    main()
