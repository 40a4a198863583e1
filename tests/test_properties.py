"""Property-based tests (hypothesis, bounded): cleaning, chunk offsets, citation spans, and loader fuzzing."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import SEEDS, FakeEmbedder, damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rag.chunking as chunking
from rag.clean import clean_text, detect_lang
from rag.config import Settings
from rag.loaders import FoundFile, SkipFile, decode_text, load_document
from rag.pipeline import Pipeline
from rag.types import Document

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like the documents this tool reads: words, CJK, punctuation, odd whitespace and controls.
PIECES = st.sampled_from(
    ["the", "River", "公园", "绿地", "。", "，", ".", "!", "?", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\x00", "\x0b",
     "\x85", "\u3000", "\xa0", "\u200b", "\ufeff", "（", "）", "(ren)", "html", "htmlTen", "１２３", "\x7f", "é", "-"]
)
MESSY = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=80).map("".join))
ALLOWED_CONTROLS = {"\n"}


def _bad_controls(text: str) -> list[str]:
    """Characters of category Cc (C0 and DEL; C1 is checked separately) other than the newline."""
    return [ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in ALLOWED_CONTROLS and not 0x80 <= ord(ch) <= 0x9F]


@FAST
@given(MESSY)
def test_clean_text_is_idempotent_and_leaves_no_control_characters(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert _bad_controls(once) == []
    assert "\r" not in once and "\t" not in once
    assert once == once.strip()
    assert "\n\n\n" not in once


def test_clean_text_removes_c1_control_characters():
    assert clean_text("a\x85b\x9fc") == "a b c"


# -- chunk offsets ------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["river", "harbour", "Council", "budget", "2024", "公园", "绿地建设", "一百公顷", "。", "，", ",", ".", "!", "?", ";"]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=60).map(lambda ws: " ".join(ws))
DOC_TEXT = st.lists(PARAGRAPH, min_size=1, max_size=8).map("\n\n".join).map(clean_text).filter(bool)


def _chunks(text: str, chunk_tokens: int, overlap: int, max_tokens: int):
    emb = FakeEmbedder()
    doc = Document(source="d.txt", text=text, title="t", date=None, lang=detect_lang(text))
    return chunking.chunk_document(doc, emb.count_tokens, chunk_tokens, min(overlap, chunk_tokens - 1), max_tokens)


@FAST
@given(DOC_TEXT, st.integers(16, 80), st.integers(0, 15), st.integers(20, 254))
def test_chunk_offsets_are_exact(text, chunk_tokens, overlap, max_tokens):
    chunks = _chunks(text, chunk_tokens, overlap, max_tokens)
    assert chunks
    for position, chunk in enumerate(chunks):
        assert chunk.position == position and chunk.n_chunks == len(chunks)
        assert chunk.text == text[chunk.start : chunk.end]
        assert chunk.text.strip()
        assert FakeEmbedder().count_tokens([chunk.text])[0] <= max_tokens or chunk.end - chunk.start < 2
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def _missed(text: str, chunks) -> list[int]:
    covered = [False] * len(text)
    for chunk in chunks:
        covered[chunk.start : chunk.end] = [True] * (chunk.end - chunk.start)
    return [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]




@FAST
@given(DOC_TEXT, st.integers(16, 80), st.integers(0, 15), st.integers(20, 254))
def test_chunks_cover_all_non_space_text(text, chunk_tokens, overlap, max_tokens):
    chunks = _chunks(text, chunk_tokens, overlap, max_tokens)
    missed = _missed(text, chunks)
    assert missed == [], f"characters outside every chunk: {[text[i] for i in missed][:20]}"


def test_a_repeated_phrase_at_a_chunk_boundary_keeps_its_offsets():
    """Found by the property above: the second '绿地建设' was given the first one's offsets."""
    text = "river river river river river river river 公园 绿地建设 绿地建设"
    chunks = _chunks(text, 16, 0, 20)
    assert _missed(text, chunks) == []


def test_a_last_chunk_that_also_fits_inside_the_previous_one_is_placed_at_the_end():
    """Found by the property above: 'river\n\nriver' matched 5 characters into the first chunk's last
    word as well as at the end, and the earlier match left the last word outside every chunk."""
    text = " ".join(["river"] * 16) + "\n\nriver\n\nriver"
    chunks = _chunks(text, 16, 1, 20)
    assert _missed(text, chunks) == []
    assert chunks[-1].end == len(text)


# -- citation spans ------------------------------------------------------------------------


def _generated_documents(n: int = 20) -> list[Document]:
    rng = random.Random(3)
    nouns = "river harbour station council budget school bridge library orchard tunnel market festival".split()
    docs = []
    for i in range(n):
        sentences = [
            f"The {rng.choice(nouns)} of Town{i} counted {rng.randint(2, 9999)} {rng.choice(nouns)}s in {rng.randint(1990, 2024)}."
            for _ in range(rng.randint(4, 30))
        ]
        text = clean_text(f"Report {i}\n\n" + " ".join(sentences))
        docs.append(Document(source=f"gen/{i}.txt", text=text, title=f"Report {i}", date=None, lang="en"))
    return docs


@pytest.fixture(scope="module")
def cited(tmp_path_factory):
    """A pipeline over the seeds and generated documents, with every document's text by source."""
    index_dir = tmp_path_factory.mktemp("cited") / "index"
    pipeline = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    pipeline.ingest([SEEDS])
    docs = _generated_documents()
    pipeline.ingest_documents(docs)
    texts = {d.source: d.text for d in docs}
    for path in sorted(SEEDS.iterdir()):
        texts[path.name] = load_document(FoundFile(path, path.name)).text
    vocabulary = sorted({w for t in texts.values() for w in re.findall(r"[A-Za-z]{4,}|\d{2,}|[\u4e00-\u9fff]{2}", t)})
    return pipeline, texts, vocabulary


def test_citation_spans_equal_the_document_text(cited):
    pipeline, texts, vocabulary = cited
    answered = 0

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.lists(st.sampled_from(vocabulary), min_size=1, max_size=6),
        st.sampled_from(["", "How many ", "When did ", "Who ", "What is ", "多少"]),
        st.sampled_from(["hybrid", "bm25", "dense"]),
    )
    def check(words, prefix, mode):
        nonlocal answered
        answer = pipeline.ask(prefix + " ".join(words) + "?", mode=mode)
        for hit in answer.hits:
            assert hit.chunk.text == texts[hit.chunk.source][hit.chunk.start : hit.chunk.end]
        for citation in answer.citations:
            assert citation.text == texts[citation.source][citation.start : citation.end]
            assert citation.text.strip()
        answered += bool(answer.citations)

    check()
    assert answered >= 5, "too few answers to say anything about citations"


# -- loader fuzzing -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _valid_pdf() -> bytes:
    from test_reliability import text_pdf

    return text_pdf("Fuzzing starts from a valid page of text.")


@settings(max_examples=120, deadline=None)
@given(st.binary(max_size=3000))
def test_decode_text_returns_text_or_raises_skipfile(data):
    try:
        text = decode_text(data)
    except SkipFile as skip:
        assert str(skip) and "\n" not in str(skip)
        return
    assert isinstance(text, str)


BYTES = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from([b"<p>", b"</p>", b"<script>", b"<!--", b"<![CDATA[", b"&#x", b"\xff", b"\x00", b"abc ",
                              b"\xe4\xbd\xa0", b"<", b">", b"\r\n", b"%PDF-1.4", b"obj", b"stream"]), max_size=200).map(b"".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(BYTES, st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf"]))
def test_load_document_on_random_bytes_raises_only_skipfile(fuzz_dir, data, suffix):
    path = fuzz_dir / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = load_document(FoundFile(path, path.name))
    except SkipFile as skip:
        assert str(skip) and "\n" not in str(skip)
        return
    assert doc.text and doc.text == clean_text(doc.text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=12), st.booleans())
def test_load_document_on_damaged_pdfs_raises_only_skipfile(fuzz_dir, flips, truncate):
    path = fuzz_dir / "damaged.pdf"
    path.write_bytes(damaged(_valid_pdf(), flips, truncate))
    try:
        load_document(FoundFile(path, path.name))
    except SkipFile:
        pass
