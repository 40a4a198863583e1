"""Ingest and the index: content ids, re-ingest, changed files, the index manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, FakeEmbedder

from rag.config import Settings
from rag.pipeline import Pipeline
from rag.store import IndexMismatchError

GREEN = "How many hectares of green space will Minhang complete this year?"


def stored_ids(pipeline: Pipeline) -> dict[str, str]:
    """chunk id -> source, straight from Chroma."""
    return {chunk_id: chunk.source for chunk_id, chunk in pipeline.index.store.iter_chunks(with_text=False)}


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    return folder


def test_first_ingest_adds_every_seed(seed_pipeline):
    docs = seed_pipeline.documents()
    assert [d.source for d in docs] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(d.complete for d in docs)
    assert {d.source: d.date for d in docs}["000_9bdda8ea7fd70666.txt"] == "2024-04-08"
    assert {d.source: d.lang for d in docs}["002_0494a65b94bf554c.txt"] == "zh"


def test_reingesting_unchanged_files_writes_nothing(seed_pipeline):
    before = stored_ids(seed_pipeline)
    generation = seed_pipeline.index.store.generation()
    report = seed_pipeline.ingest([SEEDS])
    assert report.chunks_written == 0 and report.chunks_deleted == 0
    assert report.added == [] and report.updated == [] and len(report.unchanged) == 5
    assert stored_ids(seed_pipeline) == before
    assert seed_pipeline.index.store.generation() == generation  # nothing changed: the lexical index stays valid


def test_an_index_cut_with_other_chunk_settings_is_chunked_again_then_left_alone(tmp_path, fake_embedder):
    # An index built by an older release (another chunk size) must not keep its old chunks after an upgrade.
    older = Pipeline(Settings(index_dir=tmp_path / "index", chunk_tokens=100, chunk_overlap_tokens=10), embedder=fake_embedder)
    older.ingest([SEEDS])
    old_ids = set(stored_ids(older))

    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    report = pipeline.ingest([SEEDS])
    assert len(report.updated) == 5 and report.unchanged == []
    fresh = Pipeline(Settings(index_dir=tmp_path / "fresh"), embedder=fake_embedder)
    fresh.ingest([SEEDS])
    assert set(stored_ids(pipeline)) == set(stored_ids(fresh)) != old_ids  # as if built today, nothing old left
    assert report.chunks_deleted == len(old_ids - set(stored_ids(fresh)))
    assert {c.chunk_id for c in pipeline.index.lexical().chunks} == set(stored_ids(fresh))
    again = pipeline.ingest([SEEDS])
    assert len(again.unchanged) == 5 and again.chunks_written == 0


def test_ids_are_stable_across_indexes(tmp_path, fake_embedder, seed_pipeline):
    other = Pipeline(Settings(index_dir=tmp_path / "other"), embedder=fake_embedder)
    other.ingest([SEEDS])
    assert set(stored_ids(other)) == set(stored_ids(seed_pipeline))


def test_changed_file_replaces_its_old_chunks(tmp_path, fake_embedder, corpus):
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    pipeline.ingest([corpus])
    target = corpus / "001_0f473db965e7e286.txt"
    old_ids = {i for i, s in stored_ids(pipeline).items() if s == target.name}
    untouched = {i for i, s in stored_ids(pipeline).items() if s != target.name}
    text = target.read_text(encoding="utf-8")
    assert "80 hectares of green space" in text
    target.write_text(text.replace("80 hectares of green space", "95 hectares of green space"), encoding="utf-8")

    report = pipeline.ingest([corpus])
    assert report.updated == [target.name] and len(report.unchanged) == 4
    after = stored_ids(pipeline)
    new_ids = {i for i, s in after.items() if s == target.name}
    assert untouched <= set(after)
    # Only the chunks whose text changed get new ids; every id no longer in the new version is gone.
    assert new_ids != old_ids
    docs = {d.source: d for d in pipeline.documents()}
    assert docs[target.name].complete and docs[target.name].n_chunks == len(new_ids)
    assert pipeline.check() == []
    texts = [c.text for c in pipeline.index.lexical().chunks if c.source == target.name]
    assert not any("80 hectares of green space" in t for t in texts)  # no stale chunk left
    answer = pipeline.ask(GREEN)
    assert "95 hectares" in answer.text and "80 hectares" not in answer.text


def test_deleted_file_is_pruned(tmp_path, fake_embedder, corpus):
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    pipeline.ingest([corpus])
    (corpus / "004_a074e05998764c93.txt").unlink()
    report = pipeline.ingest([corpus])
    assert report.removed == ["004_a074e05998764c93.txt"]
    assert "004_a074e05998764c93.txt" not in set(stored_ids(pipeline).values())


class OtherModel(FakeEmbedder):
    name = "another-embedding-model"


def test_index_built_with_another_model_is_refused(seed_pipeline):
    other = Pipeline(seed_pipeline.settings, embedder=OtherModel())
    with pytest.raises(IndexMismatchError) as caught:
        other.ask(GREEN)
    message = str(caught.value)
    assert "fake-hash-embedder" in message and "another-embedding-model" in message
    assert "re-ingest" in message


def test_ingest_with_another_model_is_refused_and_changes_nothing(seed_pipeline):
    before = stored_ids(seed_pipeline)
    with pytest.raises(IndexMismatchError, match="re-ingest"):
        Pipeline(seed_pipeline.settings, embedder=OtherModel()).ingest([SEEDS])
    assert stored_ids(seed_pipeline) == before


def test_constructing_a_pipeline_touches_nothing(tmp_path):
    Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())
    assert not (tmp_path / "index").exists()


def test_empty_question_is_refused(seed_pipeline):
    from rag.pipeline import QuestionError

    with pytest.raises(QuestionError, match="empty"):
        seed_pipeline.ask("  \t\n ")


def test_answer_json_contract(seed_pipeline):
    data = seed_pipeline.ask(GREEN).to_json()
    assert {"question", "answer", "abstained", "citations", "passages", "timings_ms"} <= set(data)
    assert data["passages"] and data["citations"]
    assert {"total", "retrieve", "generate"} <= set(data["timings_ms"])


ZH_SEED = "002_0494a65b94bf554c.txt"


def test_a_dont_know_says_when_other_documents_are_in_the_other_language(readonly_seed_pipeline):
    from rag.pipeline import OTHER_LANGUAGE_NOTE

    chinese = readonly_seed_pipeline.ask("澳大利亚的首都是哪座城市？")
    assert chinese.abstained and chinese.notes == (OTHER_LANGUAGE_NOTE["zh"],)
    english = readonly_seed_pipeline.ask("What is the capital of Australia?")
    assert english.abstained and english.notes == (OTHER_LANGUAGE_NOTE["en"],)
    # Only the Chinese article searched: nothing in English was missed.
    alone = readonly_seed_pipeline.ask("澳大利亚的首都是哪座城市？", sources=[ZH_SEED])
    assert alone.abstained and alone.notes == ()
    answered = readonly_seed_pipeline.ask(GREEN)
    assert not answered.abstained and answered.notes == ()


def test_no_language_note_when_every_document_is_in_the_question_language(tmp_path, fake_embedder):
    folder = tmp_path / "docs"
    folder.mkdir()
    for path in SEEDS.iterdir():
        if path.name != ZH_SEED:
            shutil.copy(path, folder / path.name)
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    pipeline.ingest([folder])
    answer = pipeline.ask("What is the capital of Australia?")
    assert answer.abstained and answer.notes == ()


# -- the passage the answer quotes comes first ----------------------------------------------------


def _hits(*texts: str) -> list:
    from rag.types import Chunk, Hit

    return [
        Hit(Chunk(doc_id=f"d{i}", source=f"d{i}.txt", position=0, n_chunks=1, start=0, end=len(t), text=t), score=1.0)
        for i, t in enumerate(texts)
    ]


def test_the_quoted_passage_moves_to_the_front_and_the_rest_keep_their_order():
    from rag.pipeline import _answer_first
    from rag.types import Answer, Citation

    hits = _hits("first passage", "second passage", "third passage")
    quoted = hits[2].chunk
    citation = Citation(1, quoted.source, quoted.chunk_id, 0, 5, "third")
    answer = Answer("q", "third [1]", (citation,), tuple(hits))
    assert [h.chunk.text for h in _answer_first(hits, answer)] == ["third passage", "first passage", "second passage"]
    dont_know = Answer("q", "I don't know", (), tuple(hits), abstained=True)
    assert _answer_first(hits, dont_know) == hits


@pytest.mark.slow
def test_search_and_ask_put_the_answers_passage_first(real_seed_pipeline):
    # The reranker ranks a passage on resilient cities above the one about the market; the answer quotes the latter.
    question = "Where was the building materials market that Chen Jining inspected located?"
    answer = real_seed_pipeline.ask(question)
    assert "urban-rural fringe" in answer.text
    quoted = answer.citations[0]
    for first in (real_seed_pipeline.search(question)[0], real_seed_pipeline.search(question, top_k=1)[0], answer.hits[0]):
        assert first.chunk.chunk_id == quoted.chunk_id
        assert first.chunk.start <= quoted.start and quoted.end <= first.chunk.end


@pytest.mark.parametrize(
    "typed, asked",
    [
        ("Hello, may I ask who chaired the quarterly work meeting? Many thanks", "may I ask who chaired the quarterly work meeting?"),
        ("Mr Sun from Jing'an asks, who chaired the quarterly work meeting?", "who chaired the quarterly work meeting?"),
        ("楊浦區 第一季度 工作會議 由誰主持？", "杨浦区第一季度工作会议由谁主持？"),
    ],
)
def test_search_reads_the_question_as_ask_does(seed_pipeline, typed, asked):
    # `rag eval` measures retrieval through search(): it must search what ask() answers, not the courtesy around it.
    def ids(question):
        return [h.chunk.chunk_id for h in seed_pipeline.search(question)]

    assert ids(typed) == ids(asked)


def test_an_empty_search_is_refused(seed_pipeline):
    from rag.pipeline import QuestionError

    with pytest.raises(QuestionError, match="empty"):
        seed_pipeline.search(" \n")
