"""The index: Chroma (the source of truth for chunks) plus the lexical index derived from it.

Writers take a file lock in the index folder, because embedded Chroma is
thread-safe but not process-safe. Readers never wait for it: a reader that
finds the lexical index behind Chroma's generation uses it as it is when a
writer is busy (the writer rebuilds it when done), and repairs it otherwise.
Saving the lexical index takes a second, short lock, so that two processes
repairing it at once cannot interleave their renames.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rag.lexical import LexicalIndex
from rag.store import ChromaStore
from rag.types import Chunk, DocumentInfo

LOCK_NAME = "write.lock"
LEXICAL_LOCK_NAME = "lexical.lock"
LEXICAL_LOCK_WAIT_S = 120.0
# Readers test the write lock by taking it for an instant (_writer_busy), so a writer
# waits at least this long before it takes the lock to be another writer's.
PROBE_GRACE_S = 2.0


class IndexBusyError(RuntimeError):
    """Another process is writing to this index."""


class Index:
    def __init__(self, index_dir: Path, collection: str, chroma_url: str | None, embedding_model: str) -> None:
        self.index_dir = Path(index_dir)
        self.collection = collection
        self.embedding_model = embedding_model
        self.store = ChromaStore(self.index_dir, collection, chroma_url)
        self._lexical: LexicalIndex | None = None

    @property
    def lexical_dir(self) -> Path:
        return self.index_dir / "lexical" / self.collection

    @contextmanager
    def write_lock(self, timeout_s: float = 0.0) -> Iterator[None]:
        """Hold the index's write lock; IndexBusyError when another writer holds it past `timeout_s`."""
        from filelock import FileLock, Timeout

        self.index_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.index_dir / LOCK_NAME))
        try:
            lock.acquire(timeout=max(timeout_s, PROBE_GRACE_S))
        except Timeout:
            raise IndexBusyError(
                f"another `rag ingest` is writing to {self.index_dir}; wait for it to finish "
                "(or pass --wait SECONDS to queue behind it)"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _writer_busy(self) -> bool:
        from filelock import FileLock, Timeout

        if not self.index_dir.is_dir():
            return False
        lock = FileLock(str(self.index_dir / LOCK_NAME))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return True
        lock.release()
        return False

    def exists(self) -> bool:
        return self.store.exists()

    def open(self, create: bool = False) -> dict:
        return self.store.open(self.embedding_model, create=create)

    def lexical(self) -> LexicalIndex:
        """The lexical index for Chroma's current generation (loaded once, repaired when stale)."""
        generation = self.store.generation()
        if self._lexical is not None and self._lexical.generation == generation:
            return self._lexical
        loaded = LexicalIndex.load(self.lexical_dir)
        if loaded is not None and loaded.generation == generation:
            self._lexical = loaded
        elif self._writer_busy():
            # A writer is mid-ingest and saves a fresh one when done: use what is there, or
            # (on a first ingest) build one in memory without touching the writer's files.
            self._lexical = loaded if loaded is not None else self._build_lexical(generation)
        else:
            self._lexical = self.rebuild_lexical(generation)
        return self._lexical

    def _build_lexical(self, generation: int) -> LexicalIndex:
        # Read the generation before the chunks: a write that lands in between bumps it
        # first, so the result is labelled stale rather than passed off as current.
        chunks = [chunk for _, chunk in self.store.iter_chunks(with_text=True)]
        return LexicalIndex.build(chunks, generation)

    def rebuild_lexical(self, generation: int | None = None) -> LexicalIndex:
        """Build the lexical index from Chroma and save it (under the lexical lock)."""
        from filelock import FileLock

        generation = self.store.generation() if generation is None else generation
        lexical = self._build_lexical(generation)
        self.index_dir.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.index_dir / LEXICAL_LOCK_NAME), timeout=LEXICAL_LOCK_WAIT_S):
            saved = LexicalIndex.load(self.lexical_dir)
            if saved is not None and saved.generation == self.store.generation() != generation:
                lexical = saved  # another process saved a newer, current one while this one was built
            else:
                _remove_stale_staging(self.lexical_dir.parent)
                lexical.save(self.lexical_dir)
        self._lexical = lexical
        return lexical

    def lexical_is_current(self) -> bool:
        """Whether the saved lexical index reflects Chroma as it is now."""
        saved = LexicalIndex.load(self.lexical_dir)
        return saved is not None and saved.generation == self.store.generation() and len(saved) == self.store.count()

    def documents(self) -> list[DocumentInfo]:
        """Indexed documents, from the lexical index's copy of the chunks."""
        return documents_of(self.lexical().chunks)

    def stats(self) -> dict:
        manifest = self.store.manifest()
        lexical = self.lexical()
        return {
            "documents": len(documents_of(lexical.chunks)),
            "chunks": self.store.count(),
            "embedding_model": manifest.get("embedding_model"),
            "format_version": manifest.get("format_version"),
            "generation": manifest.get("generation"),
            "index": str(self.index_dir),
            "chroma": self.store.where,
        }

    def check(self) -> list[str]:
        """Problems found between Chroma, the lexical index and the document records; [] when consistent."""
        problems: list[str] = []
        stored = {chunk_id: chunk for chunk_id, chunk in self.store.iter_chunks(with_text=True)}
        for chunk_id, chunk in stored.items():
            if chunk.chunk_id != chunk_id:
                problems.append(f"chunk {chunk_id} of {chunk.source}: id does not match its content")
        for info in documents_of(stored.values()):
            if not info.complete:
                problems.append(f"{info.source}: incomplete document (an ingest was interrupted); run `rag ingest` again")
        by_source: dict[str, set[str]] = defaultdict(set)
        for chunk in stored.values():
            by_source[chunk.source].add(chunk.doc_id)
        for source, doc_ids in by_source.items():
            if len(doc_ids) > 1:
                problems.append(f"{source}: chunks of {len(doc_ids)} versions; run `rag ingest` again")
        saved = LexicalIndex.load(self.lexical_dir)
        generation = self.store.generation()
        if saved is None:
            problems.append("the lexical index is missing or unreadable; `rag check --repair` rebuilds it")
        else:
            if saved.generation != generation:
                problems.append(
                    f"the lexical index is for generation {saved.generation}, Chroma is at {generation}; "
                    "`rag check --repair` rebuilds it"
                )
            lexical_ids = {c.chunk_id for c in saved.chunks}
            if lexical_ids != set(stored):
                problems.append(
                    f"the lexical index has {len(lexical_ids - set(stored))} chunks Chroma lacks and lacks "
                    f"{len(set(stored) - lexical_ids)} that Chroma has; `rag check --repair` rebuilds it"
                )
        return problems


def documents_of(chunks) -> list[DocumentInfo]:  # chunks: Iterable[Chunk]
    groups: dict[tuple[str, str], list[Chunk]] = defaultdict(list)
    for chunk in chunks:
        groups[(chunk.source, chunk.doc_id)].append(chunk)
    infos = []
    for (source, doc_id), members in groups.items():
        first = members[0]
        infos.append(
            DocumentInfo(
                doc_id=doc_id,
                source=source,
                title=first.title,
                date=first.date,
                lang=first.lang,
                n_chunks=len(members),
                complete=len({c.position for c in members}) == first.n_chunks,
            )
        )
    return sorted(infos, key=lambda d: d.source)


def _remove_stale_staging(folder: Path) -> None:
    """Delete staging folders that a killed save left behind (called under the lexical lock)."""
    import shutil

    if folder.is_dir():
        for leftover in folder.glob(".lexical-*"):
            shutil.rmtree(leftover, ignore_errors=True)


def default_index_dir() -> Path:
    return Path(os.environ.get("RAG_INDEX", ".rag"))
