"""Follow-up questions: an elliptical question borrows the previous question's key words."""

from __future__ import annotations

import pytest

from rag.followup import contextualize, is_elliptical

GREEN = "How many hectares of green space will Minhang complete this year?"


@pytest.fixture(scope="module")
def seed_pipeline(readonly_seed_pipeline):
    """These tests only read from the seed index: build it once for the module."""
    return readonly_seed_pipeline


@pytest.fixture
def idf(seed_pipeline):
    """The seeds' real idf: "Minhang" is frequent in them, so a plain rarest-words rule would drop it."""
    seed_pipeline._ensure_open()
    return seed_pipeline.index.lexical().idf


def test_follow_up_carries_the_subject(idf):
    query = contextualize("And how many pocket parks?", [GREEN], idf)
    assert query.startswith("And how many pocket parks?")
    assert "Minhang" in query
    assert "hectares" in query  # the rarest word of the previous question


def test_follow_up_with_a_pronoun(idf):
    query = contextualize("What did it cost?", ["When will the Bonded Logistics Center open?"], idf)
    assert "Bonded" in query and "Logistics" in query


@pytest.mark.parametrize(
    "question",
    [
        "How many pocket parks will Minhang build this year?",  # "this year" is no reference
        "Who chaired the District Committee quarterly work meeting?",
        "Are there pocket parks planned in Minhang district?",
    ],
)
def test_self_contained_question_is_unchanged(idf, question):
    assert not is_elliptical(question)
    assert contextualize(question, [GREEN], idf) == question


def test_a_run_of_follow_ups_keeps_the_subject_of_the_question_that_opened_it(idf):
    chat = ["Who chaired the Yangpu quarterly meeting?", "What did he say about employment?"]
    query = contextualize("When was it held?", chat, idf)
    assert "Yangpu" in query and "quarterly" in query  # not "say" and "employment" from the follow-up before
    green = [GREEN, "And how many pocket parks?"]
    assert "Minhang" in contextualize("What about greenways?", green, idf)
    assert contextualize("那么区长呢？", ["杨浦区委书记是谁？", "他在会上说了什么？"], idf) == "那么区长呢？ 杨浦区委书记"


def test_no_history_no_change(idf):
    assert contextualize("And how many pocket parks?", [], idf) == "And how many pocket parks?"


def test_chinese_follow_up_carries_chinese_words(idf):
    query = contextualize("那么区长呢？", ["区委书记是谁？"], idf)
    assert query == "那么区长呢？ 区委书记"  # not the question word "是谁"
    assert contextualize("他还说了什么？", ["薛侃在会上强调了什么？"], idf) == "他还说了什么？ 薛侃在会上强调了"


def test_pipeline_shows_the_searched_query(seed_pipeline):
    answer = seed_pipeline.ask("And how many pocket parks?", history=[GREEN])
    assert answer.question == "And how many pocket parks?"
    assert "Minhang" in answer.searched_query
    assert "20 pocket parks" in answer.text
    assert answer.to_json()["searched_query"] == answer.searched_query
