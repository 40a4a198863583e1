"""The stock pipeline people assemble from tutorials, kept as a yardstick for `rag eval --compare`.

RecursiveCharacterTextSplitter(1000, 200) chunks, all-MiniLM-L6-v2 vectors in
Chroma, dense top-k, and the single most similar sentence of the top three
chunks as the answer. It never abstains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rag.embedder import Embedder
from rag.sentences import sentence_spans
from rag.store import ChromaStore
from rag.types import Answer, Chunk, Citation, Document, Hit

BASELINE_CHUNK_CHARS = 1000
BASELINE_OVERLAP_CHARS = 200


def baseline_chunks(document: Document) -> list[Chunk]:
    """Character-sized chunks as the tutorials make them, with their offsets."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=BASELINE_CHUNK_CHARS, chunk_overlap=BASELINE_OVERLAP_CHARS, add_start_index=True
    )
    pieces = splitter.create_documents([document.text])
    return [
        Chunk(
            doc_id=document.doc_id,
            source=document.source,
            position=i,
            n_chunks=len(pieces),
            start=p.metadata["start_index"],
            end=p.metadata["start_index"] + len(p.page_content),
            text=p.page_content,
            title=document.title,
            date=document.date,
            lang=document.lang,
        )
        for i, p in enumerate(pieces)
    ]


@dataclass
class BaselinePipeline:
    store: ChromaStore
    embedder: Embedder
    top_k: int = 5
    answer_from: int = 3

    def build(self, documents: Sequence[Document]) -> int:
        """Index `documents` (once: an existing collection of the same size is reused)."""
        chunks = [c for d in documents for c in baseline_chunks(d)]
        self.store.open(self.embedder.name, create=True)
        if self.store.count() != len(chunks):
            self.store.drop()
            self.store.open(self.embedder.name, create=True)
            for i in range(0, len(chunks), 256):
                part = chunks[i : i + 256]
                self.store.upsert(part, self.embedder.embed([c.text for c in part]))
        self.chunks = chunks
        return len(chunks)

    def search(self, question: str, top_k: int) -> list[Hit]:
        vector = self.embedder.embed([question])[0]
        return [
            Hit(chunk, score, dense_rank=rank, dense_score=score)
            for rank, (chunk, score) in enumerate(self.store.query(vector, top_k), start=1)
        ]

    def ask(self, question: str) -> Answer:
        hits = self.search(question, self.top_k)
        sentences: list[tuple[Chunk, int, int]] = [
            (hit.chunk, start, end)
            for hit in hits[: self.answer_from]
            for start, end in sentence_spans(hit.chunk.text, offset=hit.chunk.start)
        ]
        if not sentences:
            return Answer(question, "", (), tuple(hits))
        texts = [chunk.text[start - chunk.start : end - chunk.start] for chunk, start, end in sentences]
        vectors = self.embedder.embed([question] + texts)
        best = int(np.argmax(vectors[1:] @ vectors[0]))
        chunk, start, end = sentences[best]
        citation = Citation(1, chunk.source, chunk.chunk_id, start, end, texts[best])
        return Answer(question, f"{texts[best]} [1]", (citation,), tuple(hits))
