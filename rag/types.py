"""The data that flows through the pipeline: documents, chunks, hits, answers.

Ids derive from content hashes, so ingesting the same text twice is a no-op
upsert and a changed document gets new ids for all of its chunks.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal


def content_id(*parts: str, length: int = 16) -> str:
    """A short, stable hex id for some text: sha256 over the parts, NUL-separated."""
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class Document:
    """One cleaned source file. `text` is what every chunk offset refers to."""

    source: str  # path relative to the ingested root, with "/" separators
    text: str
    title: str
    date: str | None  # ISO yyyy-mm-dd when the text states one
    lang: Literal["en", "zh"]

    @property
    def doc_id(self) -> str:
        # The text alone: two files with the same text are one document, stored once.
        return content_id(self.text)


@dataclass(frozen=True)
class Chunk:
    """A span of a document's cleaned text: `text == document.text[start:end]`."""

    doc_id: str
    source: str
    position: int  # 0-based index of the chunk within its document
    n_chunks: int  # how many chunks the document has; a document is complete when all are stored
    start: int
    end: int
    text: str
    title: str = ""
    date: str | None = None
    lang: str = "en"
    root: str = ""  # the folder (or file) it was ingested from; sync prunes within a root
    # One vector per sentence, packed (rag/sentence_vectors.py); "" when the embedder gives none.
    sentence_vectors: str = field(default="", compare=False, repr=False)
    # The settings it was cut with ("254/30": word pieces per chunk / overlap); "" before they were recorded.
    chunking: str = field(default="", compare=False)

    @property
    def chunk_id(self) -> str:
        return content_id(self.doc_id, str(self.position), self.text)

    def metadata(self) -> dict[str, Any]:
        """Flat metadata for the vector store (no None values: Chroma refuses them)."""
        meta = asdict(self)
        del meta["text"]
        meta["date"] = self.date or ""
        return meta

    @classmethod
    def from_metadata(cls, text: str, meta: dict[str, Any]) -> Chunk:
        return cls(
            doc_id=str(meta["doc_id"]),
            source=str(meta["source"]),
            position=int(meta["position"]),
            n_chunks=int(meta["n_chunks"]),
            start=int(meta["start"]),
            end=int(meta["end"]),
            text=text,
            title=str(meta.get("title", "")),
            date=str(meta.get("date") or "") or None,
            lang=str(meta.get("lang", "en")),
            root=str(meta.get("root", "")),
            sentence_vectors=str(meta.get("sentence_vectors", "")),
            chunking=str(meta.get("chunking", "")),
        )


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score (higher is better) and per-retriever ranks."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None  # 1-based rank in the dense list, None when absent
    lexical_rank: int | None = None
    lexical_score: float = 0.0
    dense_score: float = 0.0  # cosine similarity, when the dense retriever saw it
    sentence_scores: tuple[float, ...] | None = None  # the question's cosine with each sentence, when known
    # How surely the passage's whole document is about something else: a long article that never writes a name the
    # question gives (rag/rerank.py). The generator holds it against the passage's sentences.
    elsewhere: float = 0.0
    # The share of the question's names (rag/rerank.py) that the passage's document never writes, of any length.
    unnamed: float = 0.0
    # The passage's document never writes a year or quarter the question names ("how many parks did Minhang complete
    # in 2023", asked of an article that only says "this year"; "the third quarter" of one about the second): its
    # sentences cannot say what happened then.
    other_period: bool = False
    # The passage's document, a long one, never writes a place the question names with its kind ("虹口区的区委书记是谁?"
    # of Yangpu's article; "jingan district …", in letters or in characters) or alone where it asks ("how many pocket
    # parks is pudong adding"): its sentences speak of another place.
    other_place: bool = False


@dataclass(frozen=True)
class Citation:
    """A quoted span: `text == document.text[start:end]` of `source`."""

    marker: int  # the n in "[n]" in the answer text
    source: str
    chunk_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Answer:
    """What a generator returns. `kind` tells an extracted answer from a generated one."""

    question: str
    text: str
    citations: tuple[Citation, ...]
    hits: tuple[Hit, ...]
    abstained: bool = False
    kind: Literal["extractive", "generated", "fallback"] = "extractive"
    searched_query: str = ""  # the query actually sent to retrieval, when it differs
    confidence: float = 0.0
    notes: tuple[str, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The `rag ask --json` contract."""
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "kind": self.kind,
            "searched_query": self.searched_query or self.question,
            "confidence": round(self.confidence, 4),
            "citations": [asdict(c) for c in self.citations],
            "passages": [
                {
                    "rank": rank,
                    "source": hit.chunk.source,
                    "chunk_id": hit.chunk.chunk_id,
                    "start": hit.chunk.start,
                    "end": hit.chunk.end,
                    "text": hit.chunk.text,
                    "score": round(hit.score, 6),
                    "title": hit.chunk.title,
                    "date": hit.chunk.date,
                }
                for rank, hit in enumerate(self.hits, start=1)
            ],
            "notes": list(self.notes),
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }


@dataclass(frozen=True)
class DocumentInfo:
    """A document as the index knows it (for listings and sync)."""

    doc_id: str
    source: str
    title: str
    date: str | None
    lang: str
    n_chunks: int
    complete: bool = True
