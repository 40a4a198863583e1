"""Traditional Chinese read as simplified: questions typed in traditional characters, and documents written in them."""

from __future__ import annotations

import shutil

import pytest
from conftest import SEEDS, FakeEmbedder

from rag._t2s import SIMPLIFIED, TRADITIONAL
from rag.config import Settings
from rag.loaders import FoundFile, load_document
from rag.pipeline import Pipeline
from rag.terms import terms
from rag.traditional import dictionary_spellings, to_simplified


def test_traditional_characters_are_read_one_for_one_as_simplified():
    assert to_simplified("楊浦區區長是誰?閔行區今年要建幾個口袋公園?") == "杨浦区区长是谁?闵行区今年要建几个口袋公园?"
    assert to_simplified("關於綠地面積的統計") == "关于绿地面积的统计"
    assert len(to_simplified(TRADITIONAL)) == len(TRADITIONAL)


def test_simplified_and_english_text_is_left_as_it_is():
    # Characters simplified text also writes as themselves (著 in 显著, 乾 in 乾隆) are not folded.
    for seed in sorted(SEEDS.iterdir()):
        text = seed.read_text(encoding="utf-8")
        assert to_simplified(text) == text, seed.name
    assert to_simplified("效果显著,乾隆年间") == "效果显著,乾隆年间"
    # A character that is another's simplified form (么 of 麼, 干 of 乾) is simplified already.
    assert to_simplified("什么时候,干部,后来,里面,发展") == "什么时候,干部,后来,里面,发展"


def test_the_dictionarys_words_fold_to_their_simplified_spelling():
    """Over all of CC-CEDICT: traditional words come out as it spells them in simplified, and simplified words are
    left alone (the few exceptions are characters both scripts write, such as 於 as a surname)."""
    traditional_words = simplified_words = folded_right = simplified_changed = 0
    for traditional, simplified in dictionary_spellings():
        simplified_words += 1
        simplified_changed += to_simplified(simplified) != simplified
        if traditional != simplified:
            traditional_words += 1
            folded_right += to_simplified(traditional) == simplified
    assert traditional_words > 50_000
    assert folded_right / traditional_words > 0.99
    assert simplified_changed / simplified_words < 0.001


def test_the_shipped_table_is_one_for_one():
    assert len(TRADITIONAL) == len(SIMPLIFIED) == len(set(TRADITIONAL))
    assert not set(TRADITIONAL) & set(SIMPLIFIED)  # folding twice changes nothing more


def test_traditional_and_simplified_spellings_are_the_same_search_terms():
    assert terms("楊浦區區長周海鷹") == terms("杨浦区区长周海鹰")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("楊浦區的區長是誰?", "周海鹰"),
        ("楊浦區區委書記是誰?", "薛侃"),
        ("「三篇大文章」是在什麼會議上提出的?", "三篇大文章"),
    ],
)
def test_a_question_in_traditional_characters_is_answered_from_simplified_documents(readonly_seed_pipeline, question, expected):
    answer = readonly_seed_pipeline.ask(question)
    assert not answer.abstained, answer.text
    assert expected in answer.text
    assert answer.citations and all(c.source.startswith("002_") for c in answer.citations)


TAIPEI = (
    "大安區公所今年將新建口袋公園12座,預計年底前全部完工。\n\n"
    "區長李明華表示,新公園將使轄區綠地面積增加3.5公頃,並設置兒童遊戲場與長者運動設施。\n\n"
    "區公所同時推動老舊公寓更新,今年已核定補助案件86件。"
)


@pytest.fixture(scope="module")
def taipei(tmp_path_factory) -> tuple[Pipeline, str]:
    """The seeds and a Taipei district notice in traditional characters; the pipeline and the notice as indexed."""
    folder = tmp_path_factory.mktemp("taipei") / "docs"
    shutil.copytree(SEEDS, folder)
    (folder / "daan.txt").write_text(TAIPEI, encoding="utf-8")
    pipeline = Pipeline(Settings(index_dir=folder.parent / "index"), embedder=FakeEmbedder())
    pipeline.ingest([folder])
    return pipeline, load_document(FoundFile(folder / "daan.txt", "daan.txt")).text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("大安区的区长是谁?", "李明華"),
        ("大安區的區長是誰?", "李明華"),
        ("大安区今年要新建多少座口袋公园?", "12座"),
        ("新公園會讓綠地面積增加多少公頃?", "3.5公頃"),
        ("绿地面积将增加多少公顷?", "3.5公頃"),
        ("口袋公園預計什麼時候完工?", "年底前"),
    ],
)
def test_a_document_in_traditional_characters_is_quoted_as_written(taipei, question, expected):
    pipeline, written = taipei
    answer = pipeline.ask(question)
    assert not answer.abstained, answer.text
    assert expected in answer.text
    assert answer.citations
    for citation in answer.citations:
        assert citation.source == "daan.txt"
        assert citation.text == written[citation.start : citation.end]
        assert citation.text in answer.text


def test_a_document_in_traditional_characters_still_says_when_it_does_not_hold_the_answer(taipei):
    assert taipei[0].ask("大安區今年的公園預算是多少錢?").abstained
