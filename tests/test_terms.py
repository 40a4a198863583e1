"""Lexical terms: stemming, stop words, numbers, Chinese unigrams and bigrams."""

from __future__ import annotations

import pytest

from rag.terms import (
    aside_terms,
    asking_part,
    is_cjk_term,
    personal_terms,
    question_terms,
    spelled_out,
    terms,
    text_terms,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("How many hectares of green space?", ["hectar", "green", "space"]),
        ("parks park Parks", ["park", "park", "park"]),  # stemmed and lower-cased, repeats kept for BM25
        ("Minhang's plan", ["minhang", "plan"]),  # possessive dropped
        ("30,000 square meters", ["30000", "squar", "meter"]),  # thousands separators dropped
        ("12.5% growth", ["12.5", "growth"]),
        ("区长周海鹰", ["区", "长", "周", "海", "鹰", "区长", "长周", "周海", "海鹰"]),
        ("鹰", ["鹰"]),
        ("the and of", []),
        ("", []),
    ],
)
def test_terms(text, expected):
    assert terms(text) == expected


def test_stop_words_can_be_kept():
    assert terms("the park", keep_stop_words=True) == ["the", "park"]


def test_query_and_document_forms_meet():
    # What a user types and what the document says stem to the same terms.
    assert set(terms("completing green spaces")) == set(terms("completed green space"))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("区委副书记、区长是谁？", ["区", "委", "副", "书", "记", "区委", "委副", "副书", "书记", "长", "区长"]),
        ("Who is the mayor of the mayor?", ["mayor"]),
        ("What is it?", []),
        # The verb of a request is not looked for in the documents; a keyword query's first word is.
        ("Tell me who chaired the meeting", ["chair", "meet"]),
        ("Can you give me the date of the meeting?", ["date", "meet"]),
        ("Please kindly inform me who chaired the meeting.", ["chair", "meet"]),  # writer MZ
        ("State Council approval", ["state", "council", "approv"]),
        # Nor are who asks and the asking (writer WP): "grandma wants to know", "may I ask", "I'd like to know".
        ("Grandma wants to know when the tunnel opens", ["tunnel", "open"]),
        ("May I ask how large the park will be?", ["larg", "park"]),
        ("May I ask in which district the meeting was held?", ["district", "meet", "held"]),
        ("Is it open? I'd like to know who runs it.", ["open", "run"]),
        ("May I know who is the district mayor of Minhang?", ["district", "mayor", "minhang"]),
        ("Minhang residents want to know when the tunnel opens", ["minhang", "resid", "want", "know", "tunnel", "open"]),
        ("请列出重大项目", ["重", "大", "项", "目", "重大", "大项", "项目"]),
        # A spoken question's fillers and pointing words are not looked for either (writer XJ).
        ("那个学习会是哪天开的啊?", ["学", "习", "会", "是", "学习", "习会", "会是", "天", "开", "的", "天开", "开的"]),
        # ...nor a formal question's 何种, nor laughter (writers MR, NT).
        ("召开的是何种会议？哈哈", ["召", "开", "的", "是", "召开", "开的", "的是", "会", "议", "会议"]),
        # ...nor "now" (现在, 目前), nor the measure word of 哪一位 "which one" (writer XJ's "现在杨浦的区长是哪一位?").
        ("现在杨浦的区长是哪一位?", ["杨", "浦", "的", "区", "长", "是", "杨浦", "浦的", "的区", "区长", "长是"]),
        ("目前杨浦区长是谁", ["杨", "浦", "区", "长", "杨浦", "浦区", "区长"]),
        # 叫啥名 is 叫什么名字, and "Kindly advise" a request (writers TY, SA).
        ("杨浦区长叫啥名", ["杨", "浦", "区", "长", "杨浦", "浦区", "区长"]),
        ("Kindly advise who presided over the meeting", ["presid", "meet"]),
        # "Please teach me" asks, learner's English without an article after it (writer SM).
        ("Please teach me total investment amount", ["total", "invest", "amount"]),
        ("i want to know say how many projects", ["project"]),
        # "什么样的" asks as 什么 does, and 们 makes a plural the documents do not write (writer KW).
        ("干部们争当什么样的角色?", ["干", "部", "干部", "争", "当", "争当", "角", "色", "角色"]),
        ("我们去哪里", ["我", "们", "去", "我们", "们去"]),  # not a people noun's plural
    ],
)
def test_question_terms(question, expected):
    assert question_terms(question) == expected


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("how many ppl live in yinhang", "how many people live in yinhang"),
        ("yangpu q2 mtg, who chaired? this yr", "yangpu q2 meeting, who chaired? this year"),
        ("who is yinhang party sec", "who is yinhang party secretary"),
        ("Shanghai first quarterly meeting: which party chief spoke?", "Shanghai first quarterly meeting: which party secretary spoke?"),
        ("what is the name of the boss of yinhang sub-district", "what is the name of the head of yinhang sub-district"),
        ("Who was the chief of staff?", "Who was the chief of staff?"),  # a title, left as it is
        ("Who was the Yangpu party boss", "Who was the Yangpu party secretary"),
        ("which govt dept runs it", "which government department runs it"),
        ("how many sec does it take", "how many sec does it take"),  # "sec" alone may be seconds
        # A phone's text-speak (writer QZ).
        ("wen does the yindu rd cross river tunnel actually open", "when does the yindu road cross river tunnel actually open"),
        ("hw many new grads is yangpu tryna get jobs for", "how many new grads is yangpu trying to get jobs for"),
        ("wat exact date was it b4 june", "what exact date was it before june"),
        ("wich sub districts gave speeches", "which sub districts gave speeches"),  # writer LQ
        ("yangpu quarterly meeting w/ the e-bike safety stuff", "yangpu quarterly meeting with the e-bike safety stuff"),
        ("the km/h w/o limits", "the km/h w/o limits"),
        ("Wen Jiabao did what", "Wen Jiabao did what"),  # a name, left as it is
        ("3rd ring road", "3rd ring road"),
        ("the renovation plan - how many sq m?", "the renovation plan - how many square meters?"),
        ("how much is the number of major industrial projects", "what is the number of major industrial projects"),
        # A hurried typist's (writer LE).
        ("how many major industrial projs is minhang pushing", "how many major industrial projects is minhang pushing"),
        ("name of the building materials mkt", "name of the building materials market"),
        ("minhangs 3 city lvl core biz centers", "minhangs 3 city level core business centers"),
        # A logistics manager's (writer LP): "cos" asked for by a "which" are companies, else "because".
        ("which leading shipping cos are consolidating in yangpu", "which leading shipping companies are consolidating in yangpu"),
        ("what co is behind it", "what company is behind it"),
        ("i ask cos which parks open late", "i ask cos which parks open late"),
        ("which co-hosted it", "which co-hosted it"),
    ],
)
def test_a_chat_boxs_short_forms_are_written_out(typed, written):
    assert spelled_out(typed) == written


def test_is_cjk_term():
    assert is_cjk_term("区长") and not is_cjk_term("mayor") and not is_cjk_term("2024")


def test_chat_shorthand_for_a_content_word_matches_the_word_written_out():
    assert terms("jobs for new grads") == terms("jobs for new graduates")
    assert terms("e-bikes safety") == terms("electric bicycles safety")
    assert terms("which kind of bikes") == terms("which kind of bicycles")


def test_a_learners_spanish_or_french_question_word_is_read_in_english():
    assert spelled_out("qué year did he become secretary?") == "what year did he become secretary?"
    assert spelled_out("cuántos parks has Minhang?") == "how many parks has Minhang?"
    assert spelled_out("quand is the meeting?") == "when is the meeting?"
    assert terms("this yr") == ["yr"]  # "year" is in nearly every sentence: left as typed


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # A preface that does not ask: its chat words count less; a name or number said there keeps its weight.
        (
            "I am retired and have lived in Yangpu all my life. Could you tell me who chaired the quarterly meeting?",
            {"retir", "live", "life", "tell"},  # "tell": a request's verb, here not the question's first words
        ),
        ("我年纪大了记性不好。请问区人大常委会主任叫什么名字？", {"我", "年", "纪", "大了", "年纪", "我年", "纪大", "了", "了记", "记", "性", "记性", "性不", "不", "不好", "好"}),
        # An afterthought after the question.
        ("Which road was the manufacturing base on? My late husband worked there.", {"late", "husband", "work"}),
        # The preface is the question when the asking sentence says next to nothing ("Who was it?").
        ("Someone inspected the water supply on December 28. Who was it?", set()),
        # One sentence, or nothing that asks, or every sentence asking: no aside.
        ("Who chaired the quarterly meeting in April?", set()),
        ("Yangpu quarterly meeting. April 2024.", set()),
        ("Who chaired it? When was it held?", set()),
        # An abbreviation's full stop ends no sentence.
        ("What is at No. 5530 Longwu Rd. in Wujing?", set()),
    ],
)
def test_aside_terms(question, expected):
    assert aside_terms(question) == expected


def test_personal_terms_are_those_only_said_about_the_asker():
    question = (
        "I am a retired teacher and my granddaughter studies economics. I read that Yangpu held a meeting in April. "
        "What was the industrial system called?"
    )
    assert personal_terms(question) == {"retir", "teacher", "granddaught", "studi", "econom"}
    # What the asker heard or read is about the documents; a name or a number said about oneself still counts.
    assert personal_terms("I heard Minhang plans 20 pocket parks. Where will they be?") == frozenset()
    assert personal_terms("My flat is on Dinghai Road and I moved there in 1998. Which sub-districts spoke?") == {"flat", "move"}
    assert personal_terms("Who chaired the meeting?") == frozenset()  # one sentence: nothing aside


def test_text_terms_are_words_about_the_documents():
    question = "In the Yangpu meeting piece, the industrial system has a numeric label. How is it written in the English text?"
    assert text_terms(question) == {"piec", "written", "english", "text"}
    assert text_terms("On what date was it held, according to the article body?") == {"articl", "bodi"}
    # Chinese: "文中", "原话", "引号里的字" are about the wording; a character the question also uses otherwise stays.
    assert text_terms("按文中所载,程绣明同志现任何职?") == {"文", "中", "文中"}
    assert "里" not in text_terms("原话里那个比喻是什么,话里有话吗")
    # A numbered legal article and a Chinese leader are what the question is about.
    assert text_terms("What does Article 5 of the regulation say?") == frozenset()
    assert text_terms("Which Chinese leader chaired the meeting?") == frozenset()


def test_asking_part_is_the_sentences_that_ask():
    assert asking_part("我年纪大了记性不好。请问区人大常委会主任叫什么名字？") == "请问区人大常委会主任叫什么名字？"
    assert asking_part("Which road was the base on? My late husband worked there.") == "Which road was the base on?"
    assert asking_part("Someone inspected the water supply on December 28. Who was it?") is None  # says nothing itself
    assert asking_part("Who chaired it? When was it held?") is None
    # A long run-up in the same sentence, then ", so" and the question (writer PN, a retired engineer).
    run_up = (
        "Regarding the park city section of that same Minhang report, I already noted the greenways in kilometers and "
        "the pocket parks, but being an old engineer I like to have all the quantities on one sheet, so how much new "
        "forest area did Minhang say it would add over the whole year?"
    )
    assert asking_part(run_up) == "how much new forest area did Minhang say it would add over the whole year?"
    assert asking_part("It was late, so who chaired it?") is None  # a short lead-in is part of the question
