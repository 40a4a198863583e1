"""The Chroma store: several collections in one index folder stay independent."""

from __future__ import annotations

import numpy as np

from rag.store import ChromaStore
from rag.types import Chunk


def _chunks(source: str, n: int) -> list[Chunk]:
    return [Chunk("d" + source, source, i, n, i * 10, i * 10 + 5, f"{source} text {i}") for i in range(n)]


def _vectors(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 8)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_writing_one_collection_does_not_break_searches_in_another_of_the_same_folder(tmp_path):
    """`rag eval --compare` keeps the baseline's collection beside the index's (this once crashed searches)."""
    main = ChromaStore(tmp_path, "rag")
    main.open("model", create=True)
    main.bump_generation()
    main.upsert(_chunks("a.txt", 3), _vectors(3, 0))
    baseline = ChromaStore(tmp_path, "rag-baseline")
    baseline.open("model", create=True)
    for round_ in range(3):  # the other collection's generation moves on, again and again
        baseline.bump_generation()
        baseline.upsert(_chunks(f"b{round_}.txt", 2), _vectors(2, round_ + 1))
        hits = main.query(_vectors(1, 0)[0], 2)
        assert [c.source for c, _ in hits] == ["a.txt", "a.txt"]
        assert main.count() == 3
    assert baseline.count() == 6


def test_search_with_local_chunks_matches_chroma_and_fetches_the_ones_it_lacks(tmp_path):
    """Asks take texts from the lexical index's copy; a chunk written since it loaded still comes back whole."""
    store = ChromaStore(tmp_path, "rag")
    store.open("model", create=True)
    chunks, vectors = _chunks("a.txt", 6), _vectors(6, 0)
    store.upsert(chunks, vectors)
    known = {c.chunk_id: c for c in chunks[:3]}  # the other three arrived after the local copy was made

    from_chroma = store.query(vectors[4], 6)
    with_known = store.query(vectors[4], 6, known=known)

    assert with_known == from_chroma
    assert with_known[0][0] == chunks[4] and len(with_known) == 6
