"""Ingestion: files -> cleaned documents -> chunks -> vectors -> Chroma, then the lexical index.

Safe to interrupt at any point and run again:
- chunk ids derive from content, so writing a chunk twice is an upsert, never a duplicate;
- a document counts as stored only when all of its `n_chunks` chunks are in Chroma;
- the Chroma generation is bumped before the first write, so a lexical index
  saved before the crash is known to be stale and is rebuilt from Chroma;
- chunk ids do not name their file, so two files can trade texts: a chunk written
  in this run is never deleted as another file's stale chunk.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rag.chunking import chunk_document, chunking_key
from rag.index import Index
from rag.loaders import DEFAULT_MAX_FILE_MB, FoundFile, SkipFile, find_files, load_document
from rag.sentence_vectors import pack
from rag.sentences import sentence_spans
from rag.types import Chunk, Document

Progress = Callable[[int, int, str], None]  # (done, total, current file)
# (texts, character spans of each) -> (text vectors, span vectors per text, or None when the model gives none)
EmbedWithSpans = Callable[[Sequence[str], Sequence[Sequence[tuple[int, int]]]], tuple[object, list | None]]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    chunks_written: int = 0
    chunks_deleted: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [
            f"documents: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed; "
            f"chunks: {self.chunks_written} written, {self.chunks_deleted} deleted; "
            f"{len(self.skipped)} skipped ({self.seconds:.1f}s)"
        ]
        lines += [f"  skipped {path}: {reason}" for path, reason in self.skipped]
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "chunks_written": self.chunks_written,
            "chunks_deleted": self.chunks_deleted,
            "seconds": round(self.seconds, 3),
        }


@dataclass
class _Stored:
    """What Chroma holds for one source: chunk ids by document version, and expected counts."""

    ids_by_doc: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    n_chunks: dict[str, int] = field(default_factory=dict)
    root: str = ""
    with_sentence_vectors: set[str] = field(default_factory=set)  # doc ids
    chunking: dict[str, str] = field(default_factory=dict)  # doc id -> how its chunks were cut

    def complete(self, doc_id: str) -> bool:
        return doc_id in self.n_chunks and len(self.ids_by_doc[doc_id]) == self.n_chunks[doc_id]


def _root_of(path: Path) -> str:
    return str(Path(path).resolve())


class Ingester:
    """Runs one ingest against an Index with an embedder and a token counter."""

    def __init__(
        self,
        index: Index,
        embed: Callable[[Sequence[str]], object],
        count_tokens: Callable[[Sequence[str]], list[int]],
        chunk_tokens: int,
        overlap_tokens: int,
        max_tokens: int,
        batch_chunks: int = 256,
        embed_with_spans: EmbedWithSpans | None = None,
    ) -> None:
        self.index = index
        self.embed = embed
        self.count_tokens = count_tokens
        self.chunk_tokens = chunk_tokens
        self.overlap_tokens = overlap_tokens
        self.max_tokens = max_tokens
        self.chunking = chunking_key(chunk_tokens, overlap_tokens, max_tokens)
        self.batch_chunks = batch_chunks
        self.embed_with_spans = embed_with_spans
        self._generation_bumped = False
        self._written_ids: set[str] = set()

    def run(
        self,
        paths: Sequence[Path],
        prune: bool = True,
        max_file_mb: float = DEFAULT_MAX_FILE_MB,
        progress: Progress | None = None,
        wait_s: float = 0.0,
        documents: Sequence[Document] | None = None,
    ) -> IngestReport:
        """Ingest files under `paths` (or ready-made `documents`, e.g. a benchmark's paragraphs)."""
        started = time.perf_counter()
        report = IngestReport()
        found: list[tuple[FoundFile, str]] = []
        for path in paths:
            files, skipped = find_files([path])
            report.skipped.extend(skipped)
            root = _root_of(path)
            found.extend((f, root) for f in files)
        with self.index.write_lock(timeout_s=wait_s):
            self.index.open(create=True)
            stored = self._scan()
            holders = _holders(stored)
            self._generation_bumped = False
            self._written_ids = written_ids = set()
            seen_docs: dict[str, str] = {}  # doc_id -> source that holds it in this run
            claimed: dict[str, str] = {}  # source -> the root its file was found under in this run
            present: set[str] = set()
            pending: list[tuple[Document, list[Chunk], str]] = []

            def flush() -> None:
                self._write(pending, stored, report, written_ids)
                pending.clear()

            items: list[tuple[str, str, Document | SkipFile]] = []
            if documents is not None:
                items = [(d.source, "", d) for d in documents]
            total = len(items) or len(found)
            for done, item in enumerate(items or found, start=1):
                if documents is not None:
                    source, root, loaded = item
                    display = source
                else:
                    found_file, root = item
                    source, display = found_file.source, str(found_file.path)
                    if other := _named_elsewhere(stored, claimed, source, root):
                        report.skipped.append(
                            (display, f"another file, under {other}, is already indexed as {source}; rename one of "
                             f"them, or run `rag remove {source}` first to index this one instead")
                        )
                        continue
                    claimed[source] = root
                    try:
                        loaded = load_document(found_file, max_file_mb)
                    except SkipFile as skip:
                        loaded = skip
                if progress:
                    progress(done, total, display)
                if isinstance(loaded, SkipFile):
                    report.skipped.append((display, str(loaded)))
                    present.add(source)  # an unreadable file is not a deleted one: keep what was stored
                    continue
                doc = loaded
                present.add(source)
                if doc.doc_id in seen_docs and seen_docs[doc.doc_id] != source:
                    report.skipped.append((display, f"duplicate of {seen_docs[doc.doc_id]} (same text)"))
                    self._forget(stored, source, report)
                    continue
                holder = self._holder(stored, doc.doc_id, exclude=source, holders=holders)
                if holder is not None and holder[1] != root and holder[0] not in present:
                    report.skipped.append((display, f"duplicate of {holder[0]} (same text, already indexed)"))
                    self._forget(stored, source, report)
                    continue
                seen_docs[doc.doc_id] = source
                mine = stored.get(source)
                # A document stored before sentence vectors existed, or cut into chunks with other settings
                # (an older default), is chunked and embedded again.
                upgrade = mine is not None and (
                    (self.embed_with_spans is not None and doc.doc_id not in mine.with_sentence_vectors)
                    or mine.chunking.get(doc.doc_id) != self.chunking
                )
                if mine is not None and mine.complete(doc.doc_id) and not upgrade:
                    report.unchanged.append(source)
                    stale = [i for d, ids in mine.ids_by_doc.items() if d != doc.doc_id for i in ids]
                    self._delete(stale, report)
                    continue
                chunks = chunk_document(doc, self.count_tokens, self.chunk_tokens, self.overlap_tokens, self.max_tokens)
                chunks = [_with_root(c, root) for c in chunks]
                (report.updated if mine is not None else report.added).append(source)
                pending.append((doc, chunks, source))
                if sum(len(c) for _, c, _ in pending) >= self.batch_chunks:
                    flush()
            flush()
            if prune and documents is None:
                roots = {root for _, root in found} | {_root_of(p) for p in paths}
                for source, mine in stored.items():
                    if source not in present and mine.root in roots:
                        ids = [i for ids in mine.ids_by_doc.values() for i in ids]
                        self._delete(ids, report)
                        report.removed.append(source)
            # Also after a run that changed nothing: an earlier run may have been killed
            # after its last Chroma write and before it saved the lexical index.
            if self._generation_bumped or not self.index.lexical_is_current():
                self.index.rebuild_lexical()
        report.seconds = time.perf_counter() - started
        return report

    def remove(self, sources: Sequence[str]) -> IngestReport:
        """Delete documents by source name."""
        report = IngestReport()
        with self.index.write_lock():
            self.index.open()
            stored = self._scan()
            self._generation_bumped = False
            self._written_ids = set()
            for source in sources:
                mine = stored.get(source)
                if mine is None:
                    raise KeyError(f"no document named {source!r} in the index")
                self._delete([i for ids in mine.ids_by_doc.values() for i in ids], report)
                report.removed.append(source)
            if self._generation_bumped or not self.index.lexical_is_current():
                self.index.rebuild_lexical()
        return report

    # -- steps ----------------------------------------------------------------------

    def _scan(self) -> dict[str, _Stored]:
        stored: dict[str, _Stored] = {}
        for chunk_id, chunk in self.index.store.iter_chunks(with_text=False):
            entry = stored.setdefault(chunk.source, _Stored(root=chunk.root))
            entry.ids_by_doc[chunk.doc_id].add(chunk_id)
            entry.n_chunks[chunk.doc_id] = chunk.n_chunks
            if chunk.sentence_vectors:
                entry.with_sentence_vectors.add(chunk.doc_id)
            entry.chunking[chunk.doc_id] = chunk.chunking
        return stored

    @staticmethod
    def _holder(
        stored: dict[str, _Stored], doc_id: str, exclude: str, holders: dict[str, list[str]] | None = None
    ) -> tuple[str, str] | None:
        """A source other than `exclude` that holds all chunks of `doc_id`, with its root."""
        candidates = holders.get(doc_id, []) if holders is not None else list(stored)
        for source in candidates:
            entry = stored[source]
            if source != exclude and entry.complete(doc_id):
                return source, entry.root
        return None

    def _forget(self, stored: dict[str, _Stored], source: str, report: IngestReport) -> None:
        """Drop what was stored for `source` (now a duplicate of another file): a clean ingest would not hold it."""
        mine = stored.get(source)
        if mine is None:
            return
        ids = [i for ids in mine.ids_by_doc.values() for i in ids]
        if self._delete(ids, report):
            report.removed.append(source)

    def _mark_changing(self) -> None:
        if not self._generation_bumped:
            self.index.store.bump_generation()
            self._generation_bumped = True

    def _write(
        self,
        pending: list[tuple[Document, list[Chunk], str]],
        stored: dict[str, _Stored],
        report: IngestReport,
        written_ids: set[str],
    ) -> None:
        if not pending:
            return
        self._mark_changing()
        chunks = [c for _, doc_chunks, _ in pending for c in doc_chunks]
        texts = [c.title + "\n" + c.text if c.title else c.text for c in chunks]
        if self.embed_with_spans is None:
            vectors = self.embed(texts)
        else:  # sentence vectors too, read from the same pass (rag/sentence_vectors.py)
            spans = [_sentence_spans_in(text, c.text) for text, c in zip(texts, chunks, strict=True)]
            vectors, sentence_vectors = self.embed_with_spans(texts, spans)
            if sentence_vectors is not None:
                chunks = [replace(c, sentence_vectors=pack(v)) for c, v in zip(chunks, sentence_vectors, strict=True)]
        self.index.store.upsert(chunks, vectors)
        report.chunks_written += len(chunks)
        written_ids.update(c.chunk_id for c in chunks)
        for _doc, doc_chunks, source in pending:
            mine = stored.get(source)
            if mine is None:
                continue
            new_ids = {c.chunk_id for c in doc_chunks}
            stale = [i for ids in mine.ids_by_doc.values() for i in ids if i not in new_ids]
            self._delete(stale, report)

    def _delete(self, ids: list[str], report: IngestReport) -> int:
        """Delete chunks, except those written in this run (another file may now hold the same text)."""
        ids = [i for i in dict.fromkeys(ids) if i not in self._written_ids]
        if not ids:
            return 0
        self._mark_changing()
        self.index.store.delete(ids)
        report.chunks_deleted += len(ids)
        return len(ids)


def _holders(stored: dict[str, _Stored]) -> dict[str, list[str]]:
    """doc_id -> the sources that hold all of its chunks (so that duplicate lookups are not quadratic)."""
    holders: dict[str, list[str]] = defaultdict(list)
    for source, entry in stored.items():
        for doc_id in entry.n_chunks:
            if entry.complete(doc_id):
                holders[doc_id].append(source)
    return holders


def _named_elsewhere(stored: dict[str, _Stored], claimed: dict[str, str], source: str, root: str) -> str | None:
    """The root of another file known by the same name `source`: one found earlier in this run, or one stored
    from another root whose file is still there (a moved folder is not another file). Two roots can hold the
    same relative path; as one source they would overwrite each other."""
    other = claimed.get(source)
    if other is not None and other != root:
        return other
    mine = stored.get(source)
    if mine is None or not mine.root or mine.root == root:
        return None
    old = Path(mine.root)
    return mine.root if (old if old.is_file() else old / source).is_file() else None


def _with_root(chunk: Chunk, root: str) -> Chunk:
    return replace(chunk, root=root)


def _sentence_spans_in(embedded: str, text: str) -> list[tuple[int, int]]:
    """The chunk text's sentences as spans of the embedded text (the title and a newline come first)."""
    shift = len(embedded) - len(text)
    return [(start + shift, end + shift) for start, end in sentence_spans(text)]
