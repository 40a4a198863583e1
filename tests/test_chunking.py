"""Chunking: exact offsets, the model's token limit, Chinese sentence ends."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FakeEmbedder

from rag.chunking import chunk_document
from rag.loaders import FoundFile, load_document
from rag.types import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
ZH_SENTENCE_END = "。！？；"


def load(path: Path) -> Document:
    return load_document(FoundFile(path, path.name))


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_chunk_text_is_the_document_span(path):
    doc = load(path)
    chunks = chunk_document(doc, FakeEmbedder().count_tokens, chunk_tokens=120, overlap_tokens=20)
    assert len(chunks) > 1
    for position, chunk in enumerate(chunks):
        assert chunk.text == doc.text[chunk.start : chunk.end]
        assert chunk.text == chunk.text.strip() and chunk.text
        assert chunk.position == position and chunk.n_chunks == len(chunks)
        assert chunk.source == doc.source and chunk.doc_id == doc.doc_id
        assert (chunk.title, chunk.date, chunk.lang) == (doc.title, doc.date, doc.lang)
    # Chunks cover the document in order, leaving out nothing but whitespace.
    starts = [c.start for c in chunks]
    assert starts == sorted(starts)
    covered = [False] * len(doc.text)
    for c in chunks:
        covered[c.start : c.end] = [True] * (c.end - c.start)
    assert all(flag or doc.text[i].isspace() for i, flag in enumerate(covered))


def test_chunks_respect_the_fake_token_limit():
    fake = FakeEmbedder()
    for path in SEED_FILES:
        chunks = chunk_document(load(path), fake.count_tokens, chunk_tokens=60, overlap_tokens=10, max_tokens=64)
        assert max(fake.count_tokens([c.text for c in chunks])) <= 64


def test_a_sentence_longer_than_the_limit_is_still_split():
    # One "sentence" of 600 words with no separators but spaces.
    text = " ".join(f"word{i}" for i in range(600))
    doc = Document(source="long.txt", text=text, title="", date=None, lang="en")
    fake = FakeEmbedder()
    chunks = chunk_document(doc, fake.count_tokens, chunk_tokens=100, overlap_tokens=0, max_tokens=100)
    assert max(fake.count_tokens([c.text for c in chunks])) <= 100
    assert all(c.text == text[c.start : c.end] for c in chunks)
    assert " ".join(c.text for c in chunks).split() == text.split()


def test_unbroken_chinese_run_is_split_within_the_limit():
    text = "上海" * 400  # no punctuation at all
    doc = Document(source="zh.txt", text=text, title="", date=None, lang="zh")
    fake = FakeEmbedder()
    chunks = chunk_document(doc, fake.count_tokens, chunk_tokens=100, overlap_tokens=0, max_tokens=100)
    assert max(fake.count_tokens([c.text for c in chunks])) <= 100
    assert "".join(c.text for c in chunks) == text


def _zh_chunks_end_at_sentence_ends(doc, chunks):
    assert len(chunks) > 1  # a split was needed, so the check below means something
    for chunk in chunks:
        assert chunk.text[-1] in ZH_SENTENCE_END or chunk.end == len(doc.text), chunk.text[-20:]


def test_chinese_chunks_end_at_sentence_ends_fake_tokens():
    doc = load(next(SEEDS.glob("002_*.txt")))
    _zh_chunks_end_at_sentence_ends(doc, chunk_document(doc, FakeEmbedder().count_tokens, 200, 30))


def test_chinese_sentence_marks_win_over_commas():
    sentence = "区委书记主持会议,区长作报告,各部门负责人参加。"
    text = sentence * 20
    doc = Document(source="zh.txt", text=text, title="", date=None, lang="zh")
    chunks = chunk_document(doc, FakeEmbedder().count_tokens, chunk_tokens=50, overlap_tokens=0)
    assert len(chunks) > 1
    assert all(c.text.endswith("。") for c in chunks)


def test_chunking_is_deterministic():
    doc = load(SEED_FILES[1])
    fake = FakeEmbedder()
    first = [c.chunk_id for c in chunk_document(doc, fake.count_tokens)]
    second = [c.chunk_id for c in chunk_document(doc, fake.count_tokens)]
    assert first == second and len(set(first)) == len(first)


@pytest.mark.slow
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_no_chunk_exceeds_the_real_model_limit(path, real_embedder):
    doc = load(path)
    chunks = chunk_document(doc, real_embedder.count_tokens, chunk_tokens=200, overlap_tokens=30, max_tokens=254)
    counts = real_embedder.count_tokens([c.text for c in chunks])
    assert max(counts) <= 254
    assert all(c.text == doc.text[c.start : c.end] for c in chunks)


@pytest.mark.slow
def test_no_chunk_exceeds_the_real_limit_even_when_asked_for_more(real_embedder):
    # chunk_tokens at the maximum the settings allow (256): the chunker still caps at 254.
    for path in SEED_FILES:
        chunks = chunk_document(load(path), real_embedder.count_tokens, chunk_tokens=256, overlap_tokens=0)
        assert max(real_embedder.count_tokens([c.text for c in chunks])) <= 254


@pytest.mark.slow
def test_chinese_chunks_end_at_sentence_ends_real_tokens(real_embedder):
    doc = load(next(SEEDS.glob("002_*.txt")))
    _zh_chunks_end_at_sentence_ends(doc, chunk_document(doc, real_embedder.count_tokens, 200, 30))


def test_real_tokenizer_counts_word_pieces_not_characters():
    # Cheap: counting tokens reads tokenizer.json only, no model weights.
    from rag.embedder import make_embedder

    embedder = make_embedder()
    assert embedder.count_tokens(["hello world", ""]) == [2, 0]
    assert embedder.count_tokens(["区长周海鹰"]) == [5]
    assert embedder._model is None
