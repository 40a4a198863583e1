"""Sentence vectors: read from the chunk's own encoding at ingest, stored with the chunk, and used to pick
answer sentences that say what the question asks in other words."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from rag.config import Settings
from rag.extractive import ExtractiveGenerator
from rag.sentence_vectors import pack, sentence_similarities, unpack
from rag.sentences import sentence_spans
from rag.types import Chunk, Hit

# -- fast: packing, and the generator with hand-made scores ------------------------------------


def test_packed_vectors_keep_their_direction_and_zero_rows_stay_zero():
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(5, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[3] = 0.0  # a sentence past the model's 256-piece limit
    packed = pack(vectors)
    assert len(packed) == 5 * 384 * 4 // 3  # int8, base64
    back = unpack(packed)
    cosines = (back * vectors).sum(axis=1)
    assert np.all(cosines[[0, 1, 2, 4]] > 0.999)
    assert not back[3].any()


def _chunk(text: str, vectors: np.ndarray | None) -> Chunk:
    return Chunk(
        doc_id="d", source="d.txt", position=0, n_chunks=1, start=0, end=len(text), text=text,
        sentence_vectors="" if vectors is None else pack(vectors),
    )


def test_similarities_line_up_with_the_sentences_or_are_not_used():
    text = "Parks open at six. The museum closes at nine."
    rows = np.eye(384, dtype=np.float32)[:2]
    question = np.eye(384, dtype=np.float32)[1]
    assert sentence_similarities(_chunk(text, rows), question) == pytest.approx((0.0, 1.0))
    assert sentence_similarities(_chunk(text, None), question) is None  # another model, or an old index
    assert sentence_similarities(_chunk(text, rows[:1]), question) is None  # sentences split differently


def flat_idf(term: str) -> float:
    return 1.0


def test_a_paraphrase_close_in_meaning_wins_over_a_sentence_that_only_shares_words():
    question = "Which part of the year is the key window for development?"
    text = (
        "The year of development opened with a new window on the riverside. "
        "The second quarter is a crucial and golden period."
    )
    chunk = Chunk(doc_id="d", source="d.txt", position=0, n_chunks=1, start=0, end=len(text), text=text)
    words_only = ExtractiveGenerator(idf=flat_idf).generate(question, [Hit(chunk, 1.0)])
    assert "second quarter" not in words_only.text
    with_meaning = Hit(chunk, 1.0, sentence_scores=(0.35, 0.8))
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [with_meaning])
    assert "The second quarter is a crucial and golden period. [" in answer.text
    assert "The second quarter is a crucial and golden period." in [c.text for c in answer.citations]
    off = ExtractiveGenerator(idf=flat_idf, semantic_weight=0.0).generate(question, [with_meaning])
    assert off.text == words_only.text


def test_a_negative_meaning_weight_is_refused_by_name():
    with pytest.raises(ValueError, match="^rerank_semantic_weight, answer_semantic_weight must be 0 or more$"):
        Settings(rerank_semantic_weight=-1.0, answer_semantic_weight=-0.5)


# -- the real model: the encoder, ingest, and an answer on the seeds ---------------------------


def test_span_vectors_are_the_mean_of_the_texts_own_token_vectors_inside_each_span():
    from rag.fast_encoder import bundled_encoder, mean_pool, pad
    from rag.onnx_encoder import bundled_onnx_encoder

    text = "Minhang parks\nThe second quarter is a golden period. Work goes on."
    spans = [(14, 52), (53, len(text)), (len(text), len(text))]
    encoder = bundled_onnx_encoder()
    vectors, (span_vectors,) = encoder.encode_with_spans([text], [spans])
    np.testing.assert_allclose(vectors, encoder.encode([text]), atol=1e-6)  # the same pass gives both

    reference = bundled_encoder()
    encoding = reference._tokenizer.encode(text)
    ids, mask = pad([encoding])
    hidden = reference._forward(ids, mask)[0]
    offsets = np.array(encoding.offsets)
    for (start, end), got in zip(spans[:2], span_vectors[:2], strict=True):
        inside = (offsets[:, 0] >= start) & (offsets[:, 1] <= end) & (offsets[:, 1] > offsets[:, 0])
        expected = mean_pool(hidden[inside][None], np.ones((1, int(inside.sum())), dtype=np.float32))[0]
        np.testing.assert_allclose(got, expected, atol=2e-4)
    assert not span_vectors[2].any()  # an empty span has no tokens


@pytest.fixture
def real_seed_copy(real_seed_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(real_seed_index, index)
    return index


def test_ingest_stores_one_vector_per_sentence_and_a_rebuilt_lexical_index_keeps_them(
    real_seed_copy, real_embedder
):
    from rag.pipeline import Pipeline

    pipeline = Pipeline(Settings(index_dir=real_seed_copy), embedder=real_embedder)
    pipeline.documents()  # opens the index
    chunks = pipeline.index.lexical().chunks
    assert chunks and all(len(unpack(c.sentence_vectors)) == len(sentence_spans(c.text)) for c in chunks)
    before = {c.chunk_id: c.sentence_vectors for c in chunks}
    shutil.rmtree(pipeline.index.lexical_dir)  # rebuilt from Chroma, the source of truth
    fresh = Pipeline(Settings(index_dir=real_seed_copy), embedder=real_embedder)
    fresh.documents()
    assert {c.chunk_id: c.sentence_vectors for c in fresh.index.lexical().chunks} == before


def test_a_question_in_other_words_is_answered_with_the_sentence_that_means_it(real_seed_index, real_embedder):
    from rag.pipeline import Pipeline

    # The answer sentence shares only "Xue Kan" and "year" with the question; "the key window" is
    # "a crucial and golden period" there. Held-out question en-006 of eval/seeds.jsonl.
    question = "According to Xue Kan, which part of the year is the key window for Yangpu's development push?"
    answer = Pipeline(Settings(index_dir=real_seed_index), embedder=real_embedder).ask(question)
    assert "second quarter" in answer.text
    assert any("second quarter" in c.text for c in answer.citations)
    words_only = Pipeline(Settings(index_dir=real_seed_index, answer_semantic_weight=0.0), embedder=real_embedder)
    assert "second quarter" not in words_only.ask(question).text


def test_an_index_built_before_sentence_vectors_gets_them_on_the_next_ingest(tmp_path, real_embedder):
    from conftest import SEEDS

    from rag.ingest import Ingester
    from rag.pipeline import Pipeline

    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=real_embedder)
    pipeline.documents()
    s = Settings()
    old = Ingester(pipeline.index, real_embedder.embed, real_embedder.count_tokens, s.chunk_tokens, s.chunk_overlap_tokens, 254)
    assert len(old.run([SEEDS]).added) == 5

    def stored_vectors(pipeline: Pipeline) -> list[str]:
        pipeline.documents()  # opens the index
        return [c.sentence_vectors for c in pipeline.index.lexical().chunks]

    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=real_embedder)
    assert not any(stored_vectors(pipeline))
    upgraded = pipeline.ingest([SEEDS])
    assert len(upgraded.updated) == 5 and upgraded.chunks_deleted == 0
    assert all(stored_vectors(pipeline))
    assert len(pipeline.ingest([SEEDS]).unchanged) == 5  # and from then on nothing is embedded again
