"""Shared fixtures: a fast fake embedder for unit tests, and the real model for the slow ones."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class FakeEmbedder:
    """Deterministic bag-of-words hashing vectors: similar words, similar vectors. No model needed."""

    name = "fake-hash-embedder"
    max_tokens = 256
    dimension = 64

    def embed(self, texts):
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in re.findall(r"\w", text.lower()) if re.search(r"[\u4e00-\u9fff]", text) else re.findall(r"\w+", text.lower()):
                bucket = int(hashlib.md5(token.encode()).hexdigest(), 16) % self.dimension
                out[row, bucket] += 1.0
            norm = np.linalg.norm(out[row])
            out[row] = out[row] / norm if norm else out[row]
            if not norm:
                out[row, 0] = 1.0
        return out

    def count_tokens(self, texts):
        # Roughly word pieces: one per CJK character, one per word, one per punctuation mark.
        return [len(re.findall(r"[\u4e00-\u9fff]|\w+|[^\w\s]", t)) for t in texts]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def seed_pipeline(tmp_path, fake_embedder):
    """A pipeline over the five seeds in a fresh embedded index, with the fake embedder."""
    from rag.pipeline import Pipeline

    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    pipeline.ingest([SEEDS])
    return pipeline


@pytest.fixture(scope="module")
def readonly_seed_pipeline(tmp_path_factory):
    """Like seed_pipeline, but built once per module, for tests that only read from it."""
    from rag.pipeline import Pipeline

    pipeline = Pipeline(Settings(index_dir=tmp_path_factory.mktemp("seeds") / "index"), embedder=FakeEmbedder())
    pipeline.ingest([SEEDS])
    return pipeline


def damaged(data: bytes, flips: list[tuple[int, int]], truncate: bool) -> bytes:
    """`data` with the byte at each (position, value) of `flips` overwritten, and cut short if `truncate`."""
    data = bytearray(data)
    for where, value in flips:
        data[where % len(data)] = value
    if truncate:
        data = data[: flips[0][0] % len(data)]
    return bytes(data)


def index_snapshot(index_dir: Path, url: str | None = None, collection: str = "rag") -> dict:
    """What an index holds: documents by source, chunk ids, duplicate ids, and check()'s problems."""
    from rag.index import Index

    index = Index(index_dir, collection, url, FakeEmbedder.name)
    index.store.generation()  # reloads this process's view when another process wrote since the last look
    pairs = list(index.store.iter_chunks(with_text=False))
    ids = [chunk_id for chunk_id, _ in pairs]
    return {
        "documents": sorted({(c.source, c.doc_id) for _, c in pairs}),
        "chunk_ids": sorted(ids),
        "duplicates": len(ids) - len(set(ids)),
        "problems": index.check(),
    }


@pytest.fixture(scope="session")
def real_embedder():
    """The bundled all-MiniLM-L6-v2, loaded once per test session."""
    from rag.embedder import make_embedder

    embedder = make_embedder()
    embedder.embed(["warm up"])
    return embedder


@pytest.fixture(scope="session")
def real_seed_index(tmp_path_factory, real_embedder) -> Path:
    """An index of the seeds built once with the real model; copy it before writing to it."""
    from rag.pipeline import Pipeline

    index = tmp_path_factory.mktemp("real-seed-index") / "index"
    Pipeline(Settings(index_dir=index), embedder=real_embedder).ingest([SEEDS])
    return index


@pytest.fixture
def real_seed_pipeline(real_seed_index, real_embedder, tmp_path):
    """A writable copy of the real seed index, with the real model."""
    from rag.pipeline import Pipeline

    index = tmp_path / "index"
    shutil.copytree(real_seed_index, index)
    return Pipeline(Settings(index_dir=index), embedder=real_embedder)
