"""The vector store: Chroma, embedded or a `chroma run` server. The only module that imports chromadb.

The collection's metadata records the index format version, the embedding
model and a generation counter. The generation is bumped before every write,
so the lexical index (built for one generation) can tell when it is stale.

Embedded Chroma keeps the vector index in memory and does not see another
process's writes: when the generation moves and this process did not move it,
the client is closed and opened again, so a long-lived reader (the UI) picks up
what a `rag ingest` in another terminal wrote instead of failing on deleted ids.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urlparse

import numpy as np

from rag.types import Chunk

FORMAT_VERSION = 1
log = logging.getLogger(__name__)
T = TypeVar("T")


class KnownChunks(Protocol):
    def get(self, chunk_id: str) -> Chunk | None: ...


def _chunks_by_id(ids: Sequence[str], texts: Sequence[str | None], metadatas: Sequence[dict | None]) -> dict[str, Chunk]:
    """Chroma's parallel result lists as chunks by id, leaving out any deleted by another process meanwhile."""
    return {
        i: Chunk.from_metadata(text, meta)
        for i, text, meta in zip(ids, texts, metadatas, strict=True)
        if meta is not None and text is not None
    }


class StoreError(RuntimeError):
    """Chroma cannot be reached or refused an operation."""


class IndexMismatchError(StoreError):
    """The index was built by another format version or embedding model."""


def _is_connection_error(exc: BaseException) -> bool:
    names = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None}
    text = str(exc).lower()
    return bool(
        names & {"ConnectError", "ConnectTimeout", "ReadTimeout", "RemoteProtocolError", "ReadError", "ConnectionError"}
        or "could not connect" in text
        or "connection refused" in text
    )


@dataclass
class _Connection:
    """A Chroma client and what this process knows of the index behind it.

    Embedded Chroma shares one in-memory system per folder within a process, so
    every ChromaStore on one folder shares one _Connection: a reopen then really
    reloads the folder, and a write through one store is not foreign to another.
    """

    client: Any = None
    epoch: int = 0  # bumped on every (re)connect; stores drop collection handles of older epochs
    # The last generation this process saw or wrote, per collection: a folder can hold several
    # (the index and `rag eval --compare`'s baseline), each with its own counter.
    known_generations: dict[str, int] = field(default_factory=dict)
    lock: threading.RLock = field(default_factory=threading.RLock)  # calls and reopens exclude each other


_EMBEDDED: dict[str, _Connection] = {}
_EMBEDDED_LOCK = threading.Lock()


def _embedded_connection(path: Path) -> _Connection:
    with _EMBEDDED_LOCK:
        return _EMBEDDED.setdefault(str(Path(path).resolve()), _Connection())


class ChromaStore:
    """One Chroma collection of chunks. Cheap to build; connects on first use."""

    def __init__(
        self,
        index_dir: Path,
        collection: str = "rag",
        chroma_url: str | None = None,
        retries: int = 4,
        retry_wait_s: float = 0.5,
    ) -> None:
        self.index_dir = Path(index_dir)
        self.collection_name = collection
        self.chroma_url = chroma_url
        self.retries = retries
        self.retry_wait_s = retry_wait_s
        self._collection = None
        self._epoch = 0
        self._conn_cache: _Connection | None = _Connection() if chroma_url else None

    @property
    def _conn(self) -> _Connection:
        if self._conn_cache is None:
            self._conn_cache = _embedded_connection(self.index_dir / "chroma")
        return self._conn_cache

    @property
    def _lock(self) -> threading.RLock:
        return self._conn.lock

    # -- connection -----------------------------------------------------------------

    @property
    def where(self) -> str:
        return self.chroma_url or str(self.index_dir / "chroma")

    def _connect(self):  # -> chromadb.ClientAPI
        conn = self._conn
        with conn.lock:
            if conn.client is None:
                conn.client = self._new_client()
                conn.epoch += 1
            if self._epoch != conn.epoch:
                self._collection = None  # a handle from before a reopen belongs to a closed client
                self._epoch = conn.epoch
            return conn.client

    def _new_client(self):  # -> chromadb.ClientAPI
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if self.chroma_url:
            url = urlparse(self.chroma_url)
            try:
                client = chromadb.HttpClient(
                    host=url.hostname or "127.0.0.1",
                    port=url.port or (443 if url.scheme == "https" else 8000),
                    ssl=url.scheme == "https",
                    settings=chroma_settings,
                )
                client.heartbeat()
            except Exception as exc:
                raise StoreError(
                    f"cannot reach the Chroma server at {self.chroma_url} ({type(exc).__name__}). "
                    "Start one with `chroma run --path DIR --host 127.0.0.1 --port PORT`, or drop --chroma-url "
                    "to use the embedded index."
                ) from None
        else:
            path = self.index_dir / "chroma"
            try:
                path.mkdir(parents=True, exist_ok=True)
                client = chromadb.PersistentClient(path=str(path), settings=chroma_settings)
            except Exception as exc:
                raise StoreError(f"cannot open the index at {path}: {exc}") from None
        return client

    def _call(self, action: Callable[[], T], what: str) -> T:
        """Run a Chroma call, retrying a few times when a server connection drops.

        Any other Chroma failure becomes a StoreError that says what was being done.
        """
        for attempt in range(self.retries + 1):
            try:
                with self._lock:
                    return action()
            except StoreError:
                raise
            except Exception as exc:
                if not (self.chroma_url and _is_connection_error(exc)):
                    if _is_connection_error(exc):
                        raise StoreError(f"cannot reach Chroma at {self.where} to {what} ({type(exc).__name__})") from exc
                    raise StoreError(
                        f"Chroma at {self.where} failed to {what}: {type(exc).__name__}: {str(exc)[:300]}"
                    ) from exc
                if attempt == self.retries:
                    raise StoreError(
                        f"lost the Chroma server at {self.chroma_url} while trying to {what} "
                        f"({type(exc).__name__}); run the same command again once it is back: "
                        "nothing is lost, and a re-run completes the index."
                    ) from None
                wait = self.retry_wait_s * 2**attempt
                log.warning("Chroma server unreachable (%s); retrying in %.1fs", type(exc).__name__, wait)
                time.sleep(wait)
                self._collection = None  # the server may have restarted: look the collection up again
        raise AssertionError("unreachable")

    def exists(self) -> bool:
        """Whether the collection exists (without creating anything)."""
        if not self.chroma_url and not (self.index_dir / "chroma").exists():
            return False
        client = self._connect()
        names = self._call(lambda: [c if isinstance(c, str) else c.name for c in client.list_collections()], "list")
        return self.collection_name in names

    def _get_collection(self, create: bool = False):
        client = self._connect()  # drops a handle that belongs to a client closed by a reopen
        if self._collection is not None:
            return self._collection
        if create:
            collection = self._call(
                lambda: client.get_or_create_collection(
                    self.collection_name,
                    embedding_function=None,
                    configuration={"hnsw": {"space": "cosine", "ef_construction": 200, "ef_search": 100}},
                    # Generations start at the creation time in milliseconds, so that a collection
                    # dropped and made again never repeats a generation an old lexical index carries.
                    metadata={"format_version": FORMAT_VERSION, "generation": time.time_ns() // 1_000_000},
                ),
                "create the collection",
            )
        else:
            if not self.exists():
                raise StoreError(
                    f"no index named {self.collection_name!r} at {self.where}: run `rag ingest` first"
                )
            collection = self._call(
                lambda: client.get_collection(self.collection_name, embedding_function=None), "open"
            )
        self._collection = collection
        return collection

    # -- manifest -------------------------------------------------------------------

    def manifest(self) -> dict[str, Any]:
        """The collection's metadata as stored now (a collection handle caches it; this reads it afresh)."""
        self._get_collection()
        conn = self._conn
        with conn.lock:
            meta = self._read_manifest()
            generation = int(meta.get("generation", 0))
            known = conn.known_generations.get(self.collection_name)
            if not self.chroma_url and known is not None and generation != known:
                # Another process wrote to the embedded index: reload Chroma's view of it.
                log.info("the index changed in another process (generation %s -> %s); reopening it", known, generation)
                self._reopen()
                meta = self._read_manifest()
            conn.known_generations[self.collection_name] = int(meta.get("generation", 0))
            return meta

    def _read_manifest(self) -> dict[str, Any]:
        client = self._connect()
        collection = self._call(
            lambda: client.get_collection(self.collection_name, embedding_function=None), "read the manifest"
        )
        self._collection = collection  # a fresh handle: the collection may have been made again
        return dict(collection.metadata or {})

    def _reopen(self) -> None:
        conn = self._conn
        with conn.lock:
            client, conn.client, self._collection = conn.client, None, None
        close = getattr(client, "close", None)
        if close is not None:
            try:
                close()
            except Exception as exc:  # closing is best effort; the next call connects again
                log.debug("closing the Chroma client failed: %s", exc)

    def open(self, embedding_model: str, create: bool = False) -> dict[str, Any]:
        """Open (or create) the collection and check it was built with this model and format."""
        self._get_collection(create=create)
        meta = self.manifest()
        version = meta.get("format_version")
        if version != FORMAT_VERSION:
            raise IndexMismatchError(
                f"the index at {self.where} has format version {version!r}, this program reads "
                f"{FORMAT_VERSION}: re-ingest into a new --index folder (or delete the old one)."
            )
        built_with = meta.get("embedding_model")
        if built_with is None and create:
            meta["embedding_model"] = embedding_model
            self._set_metadata(meta)
        elif built_with != embedding_model:
            raise IndexMismatchError(
                f"the index at {self.where} was built with embedding model {built_with!r}, not "
                f"{embedding_model!r}: its vectors cannot be compared. Use --embed-model {built_with} "
                "or re-ingest into a new --index folder."
            )
        return meta

    def _set_metadata(self, meta: dict[str, Any]) -> None:
        self._call(lambda: self._get_collection().modify(metadata=meta), "update the manifest")

    def generation(self) -> int:
        return int(self.manifest().get("generation", 0))

    def bump_generation(self) -> int:
        """Mark the collection as changing; returns the new generation."""
        with self._lock:
            meta = self.manifest()
            meta["generation"] = int(meta.get("generation", 0)) + 1
            self._set_metadata(meta)
            self._conn.known_generations[self.collection_name] = meta["generation"]
        return meta["generation"]

    # -- data -----------------------------------------------------------------------

    # Each call looks the collection up inside the retry: after a server restart or a
    # reopen the old handle is gone.

    def count(self) -> int:
        return int(self._call(lambda: self._get_collection().count(), "count"))

    def max_batch(self) -> int:
        client = self._connect()
        try:
            return max(1, int(client.get_max_batch_size()))
        except Exception:
            return 1000

    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors: the embedder returned the wrong number")
        step = self.max_batch()
        for i in range(0, len(chunks), step):
            part = chunks[i : i + step]
            self._call(
                lambda part=part, i=i: self._get_collection().upsert(
                    ids=[c.chunk_id for c in part],
                    embeddings=vectors[i : i + len(part)],
                    documents=[c.text for c in part],
                    metadatas=[c.metadata() for c in part],
                ),
                "write chunks",
            )

    def delete(self, ids: Sequence[str]) -> None:
        if not ids:
            return
        step = self.max_batch()
        for i in range(0, len(ids), step):
            part = list(ids[i : i + step])
            self._call(lambda part=part: self._get_collection().delete(ids=part), "delete chunks")

    def query(
        self, vector: np.ndarray, n: int, sources: Sequence[str] | None = None, known: KnownChunks | None = None
    ) -> list[tuple[Chunk, float]]:
        """The n nearest chunks with their cosine similarity, best first.

        With `known` (the lexical index, current for this generation), Chroma returns only ids and
        distances and the chunks come from it: fetching texts and metadata was 3.3 of a seed query's
        4.6 ms. Ids it lacks (written since it loaded) are fetched from Chroma.
        """
        where = None
        if sources:
            where = {"source": sources[0]} if len(sources) == 1 else {"source": {"$in": list(sources)}}
        include = ["distances"] if known is not None else ["documents", "metadatas", "distances"]
        result = self._call(
            lambda: self._get_collection().query(
                query_embeddings=[np.asarray(vector, dtype=np.float32)], n_results=n, where=where, include=include
            ),
            "search",
        )
        ids, distances = result["ids"][0], result["distances"][0]
        if known is None:
            chunks = _chunks_by_id(ids, result["documents"][0], result["metadatas"][0])
        else:
            chunks = {i: chunk for i in ids if (chunk := known.get(i)) is not None}
            if missing := [i for i in ids if i not in chunks]:
                chunks.update(self._fetch(missing))
        return [(chunks[i], 1.0 - float(d)) for i, d in zip(ids, distances, strict=True) if i in chunks]

    def _fetch(self, ids: list[str]) -> dict[str, Chunk]:
        got = self._call(
            lambda: self._get_collection().get(ids=ids, include=["documents", "metadatas"]), "fetch chunks"
        )
        return _chunks_by_id(got["ids"], got["documents"], got["metadatas"])

    def iter_chunks(self, with_text: bool = True, page: int = 5000) -> Iterator[tuple[str, Chunk]]:
        """Every stored chunk as (id, chunk), page by page; text is "" when not asked for."""
        include = ["metadatas", "documents"] if with_text else ["metadatas"]
        offset = 0
        while True:
            batch = self._call(
                lambda offset=offset: self._get_collection().get(include=include, limit=page, offset=offset),
                "read chunks",
            )
            ids = batch["ids"]
            if not ids:
                return
            texts = batch.get("documents") or [""] * len(ids)
            for chunk_id, text, meta in zip(ids, texts, batch["metadatas"], strict=True):
                yield chunk_id, Chunk.from_metadata(text or "", meta)
            offset += len(ids)

    def drop(self) -> None:
        """Delete the collection (used by `rag ingest --rebuild`)."""
        client = self._connect()
        if self.exists():
            self._call(lambda: client.delete_collection(self.collection_name), "delete the collection")
        self._collection = None
