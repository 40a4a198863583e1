"""The pipeline a user talks to: ingest documents, ask questions, list and remove documents.

Built cheaply; the embedding model, Chroma and the lexical index load on first use.
Usage:
    pipeline = Pipeline(settings_from_env())
    answer = pipeline.ask("How many hectares of green space will Minhang complete this year?")
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rag import summaries
from rag.clean import CJK, detect_lang
from rag.config import DEFAULT_EMBED_MODEL, Settings
from rag.embedder import Embedder, make_embedder
from rag.generators import Generator, make_generator
from rag.index import Index
from rag.retriever import Retriever
from rag.small_talk import (
    small_talk_reply,
    without_checking,
    without_courtesy,
    without_options,
    without_source_reference,
)
from rag.terms import spelled_out
from rag.traditional import to_simplified
from rag.types import Answer, Chunk, Document, DocumentInfo, Hit

if TYPE_CHECKING:  # rag.ingest pulls in langchain: kept off the path of a question
    import numpy as np

    from rag.ingest import Ingester, IngestReport, Progress
    from rag.lexical import LexicalIndex
    from rag.store import ChromaStore

MAX_QUESTION_CHARS = 2000
# The English model cannot read Chinese and BM25 does not translate: a question finds passages in its own language.
OTHER_LANGUAGE_NOTE = {
    "en": "Some of the documents are in Chinese, and a question only finds passages in its own language: "
    "ask in Chinese to search them.",
    "zh": "部分文档是英文的，而问题只能检索到同一语言的段落：用英文提问才能查到这些文档。",
}


def _answer_first(hits: Sequence[Hit], answer: Answer) -> list[Hit]:
    """`hits` with a passage the answer quotes moved to the front: the sources begin with the answer's.

    The generator weighs each sentence's fit to the question (its kind, names, numbers), which the reranker does
    not, so the passage it quotes is more often the right one than the reranker's first (SQuAD: right 32 times
    against 10 when they differ, eval/passage_order.py).
    """
    hits = list(hits)
    if answer.abstained or not answer.citations:
        return hits
    # Of the passages it quotes, the one ranked highest: the answer reads its best sentence first, but when a close
    # call comes from a higher-ranked passage, that passage stays first (SQuAD tune hit@1 0.873, 0.858 otherwise).
    cited = {citation.chunk_id for citation in answer.citations}
    at = next((i for i, hit in enumerate(hits) if hit.chunk.chunk_id in cited), 0)
    return [hits[at], *hits[:at], *hits[at + 1 :]] if at else hits


class QuestionError(ValueError):
    """The question cannot be asked as it is (empty, for instance)."""


_SPACE_IN_CHINESE = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")


def normalize_question(question: str) -> str:
    """Strip control characters and spaces between Chinese characters, read traditional characters as simplified,
    and clip very long questions; QuestionError when nothing is left."""
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    cleaned = "".join(ch if ch.isprintable() else " " for ch in question)
    cleaned = " ".join(cleaned.split())
    # Chinese is written without spaces; one typed between words ("区委副书记 周荣 在") splits what is one phrase.
    cleaned = to_simplified(_SPACE_IN_CHINESE.sub("", cleaned))
    if not cleaned:
        raise QuestionError("the question is empty: type a question about the documents")
    return cleaned[:MAX_QUESTION_CHARS]


def asked_part(question: str) -> str:
    """What a normalized question asks: without a greeting or a chat's "ok", thanks, who relays it, an exam's options,
    where the asker read it ("According to the article,"), or whether the documents say it ("Is it stated who …"),
    and with a chat box's short forms ("ppl", "mtg") written out."""
    return spelled_out(without_checking(without_source_reference(without_options(without_courtesy(question)))))


@dataclass(frozen=True)
class KnownTextsDense:
    """Chroma's nearest neighbours, their texts and metadata read from the lexical index's copy."""

    store: ChromaStore
    known: LexicalIndex

    def query(self, vector: np.ndarray, n: int, sources: Sequence[str] | None = None) -> list[tuple[Chunk, float]]:
        return self.store.query(vector, n, sources, known=self.known)


class Pipeline:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder = embedder or make_embedder(settings.embed_model, settings.embed_batch_size)
        self.index = Index(settings.index_dir, settings.collection, settings.chroma_url, self.embedder.name)
        self._opened = False
        self._lock = threading.Lock()

    # -- reading --------------------------------------------------------------------

    def _ensure_open(self) -> None:
        if not self._opened:
            with self._lock:
                if not self._opened:
                    self.index.open()
                    self._opened = True

    def is_empty(self) -> bool:
        return not self.index.exists() or self.index.store.count() == 0

    def retriever(self, lexical: LexicalIndex | None = None) -> Retriever:
        s = self.settings
        lexical = lexical or self.index.lexical()
        return Retriever(
            dense=KnownTextsDense(self.index.store, lexical),
            lexical=lexical,
            embedder=self.embedder,
            candidates=s.candidates,
            rrf_k=s.rrf_k,
            dense_weight=s.dense_weight,
            lexical_weight=s.lexical_weight,
            dense_weight_zh=s.dense_weight_zh,
        )

    def search(
        self, query: str, top_k: int | None = None, mode: str | None = None, sources: Sequence[str] | None = None
    ) -> list[Hit]:
        """The top_k passages for `query`: fused candidates reranked by their best sentence, then the one holding the
        sentence an extractive answer would quote put first."""
        self._ensure_open()
        lexical = self.index.lexical()
        top_k = top_k or self.settings.top_k
        query = lexical.respell(asked_part(normalize_question(query)))
        hits = self._search(query, max(top_k, self.settings.top_k), mode, sources, lexical)
        # The last stage is the one ask() ends with: the passage its answer would quote comes first.
        answer = self.generator("extractive", lexical).generate(query, hits[: self.settings.top_k])
        return _answer_first(hits, answer)[:top_k]

    def _search(
        self, query: str, top_k: int | None, mode: str | None, sources: Sequence[str] | None, lexical: LexicalIndex
    ) -> list[Hit]:
        from rag.rerank import rerank
        from rag.sentence_vectors import sentence_similarities

        top_k = top_k or self.settings.top_k
        mode = mode or self.settings.mode
        depth = max(top_k, self.settings.rerank_depth)
        retriever = self.retriever(lexical)
        vector = retriever.query_vector(query, mode)
        hits = retriever.search(query, depth, mode, sources, vector=vector)
        if vector is not None:
            # How close in meaning each sentence of the passages is to the question: rerank and generator weigh it.
            hits = [replace(h, sentence_scores=sentence_similarities(h.chunk, vector)) for h in hits]
        s = self.settings
        return rerank(
            query,
            hits,
            lexical.idf,
            s.rerank_weight,
            s.rerank_type_bonus,
            s.rerank_semantic_weight,
            s.rerank_name_penalty,
            lexical.document_words,
            s.rerank_name_penalty_long,
        )[:top_k]

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        mode: str | None = None,
        generator: str | None = None,
        sources: Sequence[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        history: Sequence[str] = (),
    ) -> Answer:
        """Answer `question` from the index, with citations; `history` holds earlier questions of a chat."""
        from rag.followup import contextualize

        started = time.perf_counter()
        question = normalize_question(question)
        reply = small_talk_reply(question, detect_lang(question))
        if reply is not None:
            return Answer(question, reply, (), (), timings_ms={"total": (time.perf_counter() - started) * 1000})
        question = asked_part(question)
        self._ensure_open()
        lexical = self.index.lexical()
        searched = lexical.respell(question)  # "midyear" as the documents write it: "mid-year"
        query = contextualize(searched, history, lexical.idf)
        allowed = self._allowed_sources(sources, date_from, date_to, lexical.chunks)
        # A language model summarises the passages retrieved for the request itself; the extractive generator
        # cannot, so it quotes the document's lead.
        extractive = (generator or self.settings.generator) == "extractive"
        topic = summaries.summary_topic(question) if extractive else None
        if topic == "" and query != searched:  # "Summarize it" in a chat: what the chat was about
            topic = query[len(searched) :].strip()
        if topic is not None:
            answer = self._summarize(question, topic, allowed, lexical)
            return replace(answer, searched_query=query, timings_ms={"total": (time.perf_counter() - started) * 1000})
        if allowed is not None and not allowed:
            hits = []
        else:
            t0 = time.perf_counter()
            hits = self._search(query, top_k, mode, allowed, lexical)
            retrieval_ms = (time.perf_counter() - t0) * 1000
        t1 = time.perf_counter()
        answer = self.generator(generator, lexical).generate(query if query != question else question, hits)
        english = lexical.english_reading(query) if extractive and hits else query
        if english != query:
            # An English question with Chinese words in it is read both ways: as typed, where the answer must cover
            # its English words, and with the Chinese read in English ("How many 重大产业项目 …" as "… major
            # industry projects"). The reading the documents support better answers; a wrong gloss only adds one.
            # Only the extractive generator's confidence tells the readings apart (a language model's is always 1),
            # so a language model is not asked twice.
            english_hits = self._search(english, top_k, mode, allowed, lexical)
            english_answer = self.generator(generator, lexical).generate(english, english_hits)
            if english_answer.confidence > answer.confidence:
                answer, hits, query = english_answer, english_hits, english
        generate_ms = (time.perf_counter() - t1) * 1000
        timings = {"total": (time.perf_counter() - started) * 1000, "generate": generate_ms}
        if hits:
            timings["retrieve"] = retrieval_ms
            if answer.abstained:
                answer = replace(answer, notes=answer.notes + _other_language_note(question, allowed, lexical.chunks))
        answer = replace(answer, hits=tuple(_answer_first(answer.hits, answer)))
        return replace(answer, question=question, searched_query=query, timings_ms=timings)

    def _summarize(self, question: str, topic: str, allowed: list[str] | None, lexical: LexicalIndex) -> Answer:
        """A summary request: the named document's lead, or with none named an overview of those searched."""
        from rag.extractive import ABSTAIN_MESSAGE

        lang = detect_lang(question)
        documents: dict[str, list[Chunk]] = {}
        for chunk in lexical.chunks:
            if allowed is None or chunk.source in allowed:
                documents.setdefault(chunk.source, []).append(chunk)
        if not topic:
            if len(documents) == 1:
                return summaries.summarize_document(question, next(iter(documents.values())), lang)
            if documents:
                return summaries.overview(question, documents, lang)
        hits = self._search(topic, None, None, allowed, lexical) if documents else []
        if hits:  # the best passage's document, when it writes what the request names
            chunks = documents[hits[0].chunk.source]
            if summaries.names_document(topic, chunks):
                return summaries.summarize_document(question, chunks, lang)
        notes = _other_language_note(question, allowed, lexical.chunks) if hits else ()
        return Answer(question, ABSTAIN_MESSAGE[lang], (), tuple(hits), abstained=True, notes=notes)

    def generator(self, name: str | None = None, lexical: LexicalIndex | None = None) -> Generator:
        idf = (lexical or self.index.lexical()).idf
        # Phrases are compared by meaning with a threshold set for the bundled model's cosines; another model's
        # cosines sit elsewhere, so with it the generator judges counts by words alone.
        embed = self.embedder.embed if getattr(self.embedder, "name", None) == DEFAULT_EMBED_MODEL else None
        return make_generator(name or self.settings.generator, self.settings, idf, embed)

    @staticmethod
    def _allowed_sources(
        sources: Sequence[str] | None, date_from: str | None, date_to: str | None, chunks: Sequence[Chunk]
    ) -> list[str] | None:
        if not sources and not date_from and not date_to:
            return None
        allowed = {c.source for c in chunks}
        if sources:
            unknown = set(sources) - allowed
            if unknown:
                raise QuestionError(f"no document named {', '.join(sorted(unknown))} in the index")
            allowed &= set(sources)
        if date_from or date_to:
            dated = {c.source: c.date for c in chunks}
            allowed = {
                s for s in allowed
                if dated.get(s) and (not date_from or dated[s] >= date_from) and (not date_to or dated[s] <= date_to)
            }
        return sorted(allowed)

    def documents(self) -> list[DocumentInfo]:
        if self.is_empty():
            return []
        self._ensure_open()
        return self.index.documents()

    def context(self, chunk_id: str) -> tuple[str, str, str]:
        """(text before, the chunk, text after) from the neighbouring chunks, to show a passage in place."""
        self._ensure_open()
        lexical = self.index.lexical()
        chunk = lexical.get(chunk_id)
        if chunk is None:
            raise KeyError(f"no passage {chunk_id} in the index")
        before, after = lexical.neighbours(chunk)
        head = before.text[: max(0, chunk.start - before.start)] if before else ""
        tail = after.text[max(0, chunk.end - after.start) :] if after else ""
        # Chunks do not store the whitespace between them; put one space back so words stay apart.
        if before and before.end < chunk.start:
            head += " "
        if after and chunk.end < after.start:
            tail = " " + tail
        return head, chunk.text, tail

    def warm_up(self) -> None:
        """Open the index and load the model now, for a process that will answer many questions."""
        prepare = getattr(self.embedder, "prepare_for_many_questions", None)
        if prepare is not None:
            prepare()
        if not self.is_empty():
            self.search("warm up", top_k=1)

    def stats(self) -> dict:
        self._ensure_open()
        return self.index.stats()

    def check(self, repair: bool = False) -> list[str]:
        self._ensure_open()
        problems = self.index.check()
        if problems and repair:
            with self.index.write_lock():
                self.index.rebuild_lexical()
            problems = self.index.check()
        return problems

    # -- writing --------------------------------------------------------------------

    def _ingester(self) -> Ingester:
        from rag.ingest import Ingester

        s = self.settings
        count_tokens = self.embedder.count_tokens
        max_tokens = getattr(self.embedder, "max_tokens", 256) - 2  # [CLS] and [SEP]
        return Ingester(
            self.index,
            self.embedder.embed,
            count_tokens,
            s.chunk_tokens,
            s.chunk_overlap_tokens,
            max_tokens,
            embed_with_spans=self.embedder.embed_with_spans
            if getattr(self.embedder, "gives_sentence_vectors", False)
            else None,
        )

    def ingest(
        self,
        paths: Sequence[Path],
        prune: bool = True,
        progress: Progress | None = None,
        wait_s: float = 0.0,
        max_file_mb: float = 20.0,
    ) -> IngestReport:
        report = self._ingester().run(paths, prune=prune, progress=progress, wait_s=wait_s, max_file_mb=max_file_mb)
        self._reopen()
        return report

    def ingest_documents(self, documents: Sequence[Document], progress: Progress | None = None) -> IngestReport:
        """Ingest ready-made documents (a benchmark's paragraphs, say)."""
        report = self._ingester().run([], documents=documents, progress=progress)
        self._reopen()
        return report

    def remove(self, sources: Sequence[str]) -> IngestReport:
        report = self._ingester().remove(sources)
        self._reopen()
        return report

    def _reopen(self) -> None:
        """After a write: check the manifest again on the next read (questions may be running meanwhile)."""
        with self._lock:
            self._opened = False


def _other_language_note(question: str, allowed: Sequence[str] | None, chunks: Sequence[Chunk]) -> tuple[str, ...]:
    """A note for a "don't know" when the searched documents include some in the other language."""
    lang = detect_lang(question)
    searched = set(allowed) if allowed is not None else None
    other = any(c.lang != lang for c in chunks if searched is None or c.source in searched)
    return (OTHER_LANGUAGE_NOTE[lang],) if other else ()
