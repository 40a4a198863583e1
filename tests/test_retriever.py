"""Retrieval: reciprocal rank fusion by hand, the three modes, and the source filter."""

from __future__ import annotations

import pytest

from rag.retriever import rrf_fuse
from rag.types import Chunk


@pytest.fixture(scope="module")
def seed_pipeline(readonly_seed_pipeline):
    """These tests only read from the seed index: build it once for the module."""
    return readonly_seed_pipeline


def chunk(name: str, position: int = 0) -> Chunk:
    return Chunk(doc_id=name, source=f"{name}.txt", position=position, n_chunks=1, start=0, end=1, text=name)


A, B, C, D = (chunk(n) for n in "ABCD")


def test_rrf_hand_worked_example():
    # dense: A B C; lexical: B D.  k = 60.
    #   A = 1/61            = 0.016393
    #   B = 1/62 + 1/61     = 0.032522
    #   C = 1/63            = 0.015873
    #   D = 1/62            = 0.016129
    hits = rrf_fuse([(A, 0.9), (B, 0.8), (C, 0.7)], [(B, 12.0), (D, 9.0)], k=60)
    assert [h.chunk.text for h in hits] == ["B", "A", "D", "C"]
    assert [h.score for h in hits] == pytest.approx([1 / 62 + 1 / 61, 1 / 61, 1 / 62, 1 / 63])
    b = hits[0]
    assert (b.dense_rank, b.lexical_rank, b.dense_score, b.lexical_score) == (2, 1, 0.8, 12.0)
    d = hits[2]
    assert d.dense_rank is None and d.lexical_rank == 2


def test_rrf_weights_change_the_order():
    # With the dense list weighted 2: A = 2/61 = 0.0328, C = 2/63 = 0.0317 now beat D = 1/62 = 0.0161.
    hits = rrf_fuse([(A, 0.9), (B, 0.8), (C, 0.7)], [(B, 12.0), (D, 9.0)], k=60, dense_weight=2.0)
    assert [h.chunk.text for h in hits] == ["B", "A", "C", "D"]
    assert hits[0].score == pytest.approx(2 / 62 + 1 / 61)


def test_rrf_ties_break_by_source_then_position():
    x0, x1 = chunk("X", 0), Chunk("X", "X.txt", 1, 2, 1, 2, "X1")
    hits = rrf_fuse([(x1, 0.5)], [(x0, 3.0)], k=60)  # same rank in each list: equal scores
    assert [h.chunk.position for h in hits] == [0, 1]


def test_rrf_empty_lists():
    assert rrf_fuse([], []) == []


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_every_mode_finds_the_green_space_passage(seed_pipeline, mode):
    hits = seed_pipeline.search("hectares of green space pocket parks Minhang", top_k=5, mode=mode)
    assert 0 < len(hits) <= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any("80 hectares of green space" in h.chunk.text for h in hits)


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_mode_sets_the_ranks_it_used(seed_pipeline, mode):
    hits = seed_pipeline.search("pocket parks", top_k=20, mode=mode)
    assert any(h.dense_rank is not None for h in hits) == (mode in ("hybrid", "dense"))
    assert any(h.lexical_rank is not None for h in hits) == (mode in ("hybrid", "bm25"))


def test_unknown_mode_is_refused(seed_pipeline):
    with pytest.raises(ValueError, match="hybrid, dense, bm25"):
        seed_pipeline.search("parks", mode="fuzzy")


def test_chinese_question_finds_the_chinese_document(seed_pipeline):
    hits = seed_pipeline.search("区委副书记、区长是谁？", top_k=3)
    assert hits[0].chunk.source.startswith("002_")


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_source_filter_restricts_results(seed_pipeline, mode):
    only = "003_613d43c8501668be.txt"
    unfiltered = seed_pipeline.search("hectares of green space Minhang", top_k=5, mode=mode)
    assert any(h.chunk.source != only for h in unfiltered)  # the filter has something to remove
    hits = seed_pipeline.search("hectares of green space Minhang", top_k=5, mode=mode, sources=[only])
    assert hits and {h.chunk.source for h in hits} == {only}


def test_ask_with_source_filter(seed_pipeline):
    only = "000_9bdda8ea7fd70666.txt"
    answer = seed_pipeline.ask("How many hectares of green space will Minhang complete this year?", sources=[only])
    assert {h.chunk.source for h in answer.hits} == {only}
    assert "80 hectares" not in answer.text  # the fact lives in 001, which was filtered out


def test_ask_with_unknown_source_is_refused(seed_pipeline):
    from rag.pipeline import QuestionError

    with pytest.raises(QuestionError, match="no-such.txt"):
        seed_pipeline.ask("parks?", sources=["no-such.txt"])


def passage(name: str, text: str) -> Chunk:
    """A one-chunk document `name`.txt holding `text`."""
    return Chunk(doc_id=name, source=f"{name}.txt", position=0, n_chunks=1, start=0, end=len(text), text=text)


def test_a_word_run_together_is_searched_as_the_documents_hyphenate_it():
    from rag.lexical import LexicalIndex

    lexical = LexicalIndex.build(
        [passage("a", "By mid-year, more than half of the city-wide tasks are done."), passage("b", "A startup fair opened.")],
        generation=1,
    )
    assert lexical.respell("What share is done by Midyear? Which citywide tasks?") == (
        "What share is done by Mid-year? Which city-wide tasks?"
    )
    # Words the documents write run together, or never write at all, stay as typed.
    assert lexical.respell("startup start-up midsummer") == "startup start-up midsummer"
    assert lexical.search("midyear", 2) == []
    assert [c.source for c, _ in lexical.search(lexical.respell("midyear"), 2)] == ["a.txt"]


def test_a_prefix_written_apart_is_searched_as_the_documents_join_it():
    from rag.lexical import LexicalIndex

    lexical = LexicalIndex.build(
        [passage("a", "Three sub-districts spoke; by mid-year the public-key work is done."), passage("b", "A public fair.")],
        generation=1,
    )
    # Writer MN: "sub districts" finds the documents' "sub-districts", and "mid year" their "mid-year" ...
    assert lexical.respell("which sub districts spoke by mid year") == "which sub-districts spoke by mid-year"
    assert [c.source for c, _ in lexical.search(lexical.respell("sub districts"), 2)] == ["a.txt"]
    # ... but two words of their own stay apart, though the documents also hyphenate them.
    assert lexical.respell("the public key") == "the public key"


def test_a_word_missing_a_letter_is_searched_as_the_documents_write_it():
    from rag.lexical import LexicalIndex

    lexical = LexicalIndex.build(
        [passage("a", "The quarterly meeting started; five factors decide the total investment."), passage("b", "A fair.")],
        generation=1,
    )
    # Writers LE, ND, PJ: a hurried typist's dropped letter ...
    assert lexical.respell("total investmnt of the quartely meeting") == "total investment of the quarterly meeting"
    # ... but never an English word that the documents happen not to write, nor a capitalised word.
    assert lexical.respell("which actors, as stated?") == "which actors, as stated?"
    assert lexical.respell("Investmnt at the meeting") == "Investmnt at the meeting"


def test_a_name_written_apart_or_misspelt_is_searched_as_the_documents_write_it():
    from rag.lexical import LexicalIndex

    lexical = LexicalIndex.build(
        [
            passage("a", "Chen Huawen, mayor of Minhang, spoke. Zhou Haiying chaired the meeting in Yangpu."),
            passage("b", "Shirley planned the attack. It has a northern gate, and the mayor visited Wujing Town."),
        ],
        generation=1,
    )
    # Pinyin syllables written apart run together, capitalised or, when the documents never write them, not.
    assert lexical.respell("Who is the mayor of Min Hang?") == "Who is the mayor of Minhang?"
    assert lexical.respell("What did Zhou Hai Ying say in yang pu?") == "What did Zhou Haiying say in Yangpu?"
    # A capitalised word no document writes, one letter from exactly one of their names.
    assert lexical.respell("Minghang parks; what was Shirly planning?") == "Minhang parks; what was Shirley planning?"
    # Words the documents write and stop words stay as typed: "has a" is no name "Hasa", "During" no "Turing".
    for typed in ["It has a gate", "During the war", "the mayor visited", "He couldn't go"]:
        assert lexical.respell(typed) == typed
    # A lower-case slip is no name: "norther" is the documents' "northern" with a letter left out.
    assert lexical.respell("the norther part") == "the northern part"
    assert [c.source for c, _ in lexical.search(lexical.respell("Min Hang mayor"), 1)] == ["a.txt"]


def test_ask_reads_midyear_as_the_seeds_mid_year(seed_pipeline):
    question = "What share of the year's tasks should Yangpu have completed by midyear?"
    answer = seed_pipeline.ask(question)
    assert answer.question == question  # shown as asked
    assert "mid-year" in answer.searched_query


def test_a_chinese_question_finds_the_english_document_that_spells_its_name():
    from rag.lexical import LexicalIndex

    lexical = LexicalIndex.build(
        [
            passage("minhang", "Minhang District will build 20 pocket parks in China."),
            passage("yangpu", "杨浦区委书记薛侃主持会议,那么会议很重要。"),
        ],
        generation=1,
    )
    # 闵行区 names a place, spelled Minhang as the English text writes it. Any two characters are not a name:
    # 哪类 spells "nalei", but 支持哪类 would spell "china".
    assert lexical.spelled_names("闵行区有多少个口袋公园?") == ["minhang"]
    assert lexical.spelled_names("区里支持哪类公园?") == []
    assert lexical.spelled_names("How many pocket parks?") == []
    # No Chinese word of the question is in the English text, yet the spelled name finds it.
    assert [c.source for c, _ in lexical.search("闵行区有多少个口袋公园?", 5)][0] == "minhang.txt"


def test_the_dense_model_reads_an_english_question_without_its_chinese_gloss():
    from rag.retriever import dense_text

    assert dense_text("Who chaired the Yangpu 区委区政府 quarterly meeting?") == "Who chaired the Yangpu quarterly meeting?"
    assert dense_text("How many pocket parks?") == "How many pocket parks?"
    assert dense_text("杨浦的 GDP 目标是多少?") == "杨浦的 GDP 目标是多少?"  # a Chinese question is read whole

