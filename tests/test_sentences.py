"""Sentence and clause spans: exact offsets in English and Chinese."""

from __future__ import annotations

import pytest

from rag.sentences import clause_spans, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Dr. Smith arrived. He left.", ["Dr. Smith arrived.", "He left."]),
        ("No. 5 is open. The U.S. team won.", ["No. 5 is open.", "The U.S. team won."]),
        ("He won 3.5 million. Next year more.", ["He won 3.5 million.", "Next year more."]),
        ('He said "hi!" Then left.', ['He said "hi!"', "Then left."]),
        ("A “quoted.” Next one.", ["A “quoted.”", "Next one."]),
        ("Heading without a stop\nBody text.", ["Heading without a stop", "Body text."]),
        ("新的一行。真的吗？是的！好；完", ["新的一行。", "真的吗？", "是的！", "好；", "完"]),
        ("他说：“好。”然后走了。", ["他说：“好。”", "然后走了。"]),
        ("The end", ["The end"]),
        ("", []),
        ("  \n ", []),
    ],
)
def test_sentence_spans(text, expected):
    assert sentences(text) == expected


def test_sentence_offsets_are_shifted_and_trimmed():
    text = "  abc. def  "
    assert sentence_spans(text, offset=100) == [(102, 106), (107, 110)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "区委书记薛侃,区委副书记、区长周海鹰,区政协主席邰荀等参加。",
            ["区委书记薛侃,", "区委副书记、", "区长周海鹰,", "区政协主席邰荀等参加。"],
        ),
        (
            "In 2024, the district will add 80 hectares; parks: 20, and more.",
            ["In 2024,", "the district will add 80 hectares;", "parks:", "20,", "and more."],
        ),
        ("It cost 30,000 yuan in total.", ["It cost 30,000 yuan in total."]),  # a thousands comma is no clause end
    ],
)
def test_clause_spans(text, expected):
    assert [text[s:e] for s, e in clause_spans(text, 0, len(text))] == expected


def test_clause_spans_stay_inside_the_sentence():
    text = "First, a sentence. Second, another one."
    start, end = sentence_spans(text)[1]
    spans = clause_spans(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Second,", "another one."]
    assert spans[0][0] == start and spans[-1][1] == end
