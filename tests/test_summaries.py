"""Summary requests and small talk: what a chat user types besides fact questions."""

from __future__ import annotations

import pytest
from conftest import SEEDS
from test_extractive import assert_citations_are_exact

from rag.config import Settings
from rag.pipeline import OTHER_LANGUAGE_NOTE, Pipeline
from rag.small_talk import (
    REPLIES,
    small_talk_reply,
    without_checking,
    without_courtesy,
    without_options,
    without_source_reference,
)
from rag.summaries import LEAD_CHARS, lead, summary_topic
from rag.types import Chunk

MINHANG = "001_0f473db965e7e286.txt"
YANGPU = "000_9bdda8ea7fd70666.txt"
ZH_SEED = "002_0494a65b94bf554c.txt"


@pytest.mark.parametrize(
    "question, topic",
    [
        ("Summarize the Minhang article.", "Minhang"),
        ("please summarise the article about Yinhang sub-district", "Yinhang sub-district"),
        ("Give me a brief summary of the Shanghai urban renewal article", "Shanghai urban renewal"),
        ("What are these documents about?", ""),
        ("Summarize", ""),
        ("Summarize it for me, please", ""),
        ("give me a short summary", ""),
        ("总结一下", ""),
        ("What is this article about", ""),
        ("What does the Yangpu quarterly meeting report say?", "Yangpu quarterly meeting"),
        ("这篇文章讲了什么?", ""),
        ("概括一下杨浦区委学习会的内容", "杨浦区委学习会"),
        ("闵行那篇报道主要讲了什么", "闵行"),
        ("这篇文章的主要内容是什么？", ""),
    ],
)
def test_summary_requests_and_what_they_name(question, topic):
    assert summary_topic(question) == topic


@pytest.mark.parametrize(
    "question",
    [
        "What was Shanghai's first big meeting on the first working day of 2024 about?",  # a fact: what it was about
        "区政协副主席顾登妹在会上交流发言的主要内容是什么?",  # what a speech said, not the article
        "What does the report say about housing?",
        "Who wrote the article?",
        "How many pocket parks will Minhang build?",
    ],
)
def test_fact_questions_are_not_summary_requests(question):
    assert summary_topic(question) is None


def _chunk(text: str, title: str = "") -> Chunk:
    return Chunk(doc_id="d", source="a.txt", position=0, n_chunks=1, start=0, end=len(text), text=text, title=title)


def test_a_lead_leaves_out_the_title_line_and_headings_and_stops_at_its_length():
    title = "Making great efforts to achieve high-quality development"
    text = (
        f"{title} March 06,2023\n\nThe district met on Monday. It set six tasks for the year.\n"
        "Promoting party self-governance\n" + "Another sentence follows here. " * 20
    )
    spans = lead([_chunk(text, title)], "en")
    quoted = [text[start:end] for _, start, end in spans]
    assert quoted[:2] == ["The district met on Monday.", "It set six tasks for the year."]
    assert "Promoting party self-governance" not in quoted and len(quoted) == 3
    assert sum(map(len, quoted)) < LEAD_CHARS["en"] + 40


def test_summary_of_a_named_document_quotes_its_lead(readonly_seed_pipeline):
    answer = readonly_seed_pipeline.ask("Summarize the Minhang article.")
    assert not answer.abstained and answer.citations
    assert {c.source for c in answer.citations} == {MINHANG}
    assert answer.citations[0].start == 0  # the article opens with its lead; it has no title line
    assert_citations_are_exact(answer)


def test_overview_lists_every_document_with_its_opening_sentence(readonly_seed_pipeline):
    answer = readonly_seed_pipeline.ask("What are these documents about?")
    assert answer.text.startswith("The documents (5):")
    assert [c.source for c in answer.citations] == sorted(p.name for p in SEEDS.iterdir())
    assert_citations_are_exact(answer)
    yangpu = next(c for c in answer.citations if c.source == YANGPU)
    assert yangpu.text.startswith("To deeply study")


def test_summarize_it_in_a_chat_summarises_what_the_chat_is_about(readonly_seed_pipeline):
    green = "How many hectares of green space will Minhang complete this year?"
    answer = readonly_seed_pipeline.ask("Summarize it", history=[green])
    assert {c.source for c in answer.citations} == {MINHANG}
    assert answer.searched_query.startswith("Summarize it ") and "Minhang" in answer.searched_query  # shown


def test_one_document_searched_is_summarised_when_none_is_named(readonly_seed_pipeline):
    answer = readonly_seed_pipeline.ask("这篇文章讲了什么?", sources=[ZH_SEED])
    assert {c.source for c in answer.citations} == {ZH_SEED}
    assert "3月17日上午" in answer.text
    assert_citations_are_exact(answer)


def test_a_summary_of_something_no_document_names_is_a_dont_know(readonly_seed_pipeline):
    assert readonly_seed_pipeline.ask("Summarize the article about Mars.").abstained
    answer = readonly_seed_pipeline.ask("概括一下闵行的文章")  # Minhang's article is in English
    assert answer.abstained and answer.notes == (OTHER_LANGUAGE_NOTE["zh"],)


@pytest.mark.parametrize(
    "message, lang, kind",
    [("hello!", "en", "greeting"), ("Good morning", "en", "greeting"), ("Thanks a lot.", "en", "thanks"),
     ("你好", "zh", "greeting"), ("谢谢！", "zh", "thanks"), ("Okay, thank you!", "en", "thanks")],
)
def test_greetings_and_thanks_get_a_reply_not_a_search(message, lang, kind):
    assert small_talk_reply(message, lang) == REPLIES[kind][lang]


def test_a_question_that_opens_with_a_greeting_is_still_a_question():
    assert small_talk_reply("Hello, who chaired the quarterly meeting?", "en") is None
    assert small_talk_reply("你好，区长是谁？", "zh") is None


@pytest.mark.parametrize(
    "message, question",
    [
        ("Hello, may I ask who chaired the meeting? Many thanks", "may I ask who chaired the meeting?"),
        ("Sorry to trouble you, what is the name of the jobs campaign?", "what is the name of the jobs campaign?"),
        ("Hi there! who is the mayor thanks", "who is the mayor"),
        ("which shipping companies moved in? names pls", "which shipping companies moved in? names"),
        ("你好，区长是谁？谢谢", "区长是谁？"),
        ("报告讲咗几耐㗎?唔该", "报告讲咗几耐㗎?"),
        # Singapore English: an opening "eh" and a closing particle (writer SG).
        ("eh the yangpu meeting in april who chair one ah", "the yangpu meeting in april who chair one"),
        ("how many big ones how many small ones har", "how many big ones how many small ones"),
        ("Who is Ah Kow?", "Who is Ah Kow?"),
        # Nigerian English greets with "how far" and asks with "abeg" (writer RB); "how far is it" asks a distance.
        ("how far, how many practical projects for the people", "how many practical projects for the people"),
        ("how far 会上谁传达了全国政协十四届三次会议精神", "会上谁传达了全国政协十四届三次会议精神"),
        ("abeg who be the district mayor", "who be the district mayor"),
        ("How far is it from Yangpu to Minhang?", "How far is it from Yangpu to Minhang?"),
        # A chat's "ok", "um" are no words to look for; "so" stays, as it tells a follow-up.
        ("ok who chaired the meeting", "who chaired the meeting"),
        ("um, so who chaired it", "so who chaired it"),
        # Who relays the question, and where they live (writer UX, a radio host reading out listeners' questions).
        ("Mr Sun from Jing'an asks, who's the Shanghai party secretary?", "who's the Shanghai party secretary?"),
        ("Here's one from Auntie Fang in Changbai, she asks, what were the numbers?", "what were the numbers?"),
        ("Old Mr Xu from Wujing Town, lovely to hear from you again, asks when it opens?", "when it opens?"),
        ("好，下面这条是五角场的李阿姨发来的，她问：会议是几号开的？", "会议是几号开的？"),
        ("延吉的孙大叔来信问，薛书记要干部们争当什么", "薛书记要干部们争当什么"),
        ("Minhang residents want to know when the tunnel opens", "Minhang residents want to know when the tunnel opens"),
        ("王浩副区长问了什么？", "王浩副区长问了什么？"),
        # Nothing but courtesy, or a courtesy word that is part of the question, stays.
        ("Good morning!", "Good morning!"),
        ("Who said hello", "Who said hello"),
        ("Who ate the cheers", "Who ate the cheers"),
        # A remark about the asker after the question (writer QT), and "please tell me": why they ask, not what.
        ("for who is that base? i am curious because my friend want to start business", "for who is that base?"),
        ("薛侃书记说干部要争当什么样的动物？我觉得这个说法很有意思。", "薛侃书记说干部要争当什么样的动物？"),
        ("what is the name of the action? please tell me", "what is the name of the action?"),
        # ...but not one that says what is meant, or asks again.
        ("who chaired it? I mean the one in Yangpu", "who chaired it? I mean the one in Yangpu"),
        ("who chaired it? my grandson asks who spoke", "who chaired it? my grandson asks who spoke"),
        ("区里说要搞新型消费,都是些啥呀?我孙子说的那个二次元算不算", "区里说要搞新型消费,都是些啥呀?我孙子说的那个二次元算不算"),
        # The asker's guess after a Chinese question (writers PV, PY, PZ): a hint, not what is asked.
        ("薛书记讲干部要争当啥 好像是个动物", "薛书记讲干部要争当啥"),
        ("薛书记说干部要争当啥来着?好像是个小动物的说法,我家娃属虎哈哈", "薛书记说干部要争当啥来着?"),
        ("会议说干部要争当什么,好像是一个动物?", "会议说干部要争当什么"),
        ("好像是杨浦的会,是哪天开的?", "好像是杨浦的会,是哪天开的?"),  # the question itself
        ("会是哪天开的,好像是哪个礼拜三?", "会是哪天开的,好像是哪个礼拜三?"),  # a guess that asks again
    ],
)
def test_a_greeting_or_thanks_around_a_question_is_not_part_of_it(message, question):
    assert without_courtesy(message) == question


@pytest.mark.parametrize(
    "message, question",
    [
        ("According to the article, who chaired the meeting?", "who chaired the meeting?"),
        ("薛侃要求干部争当什么?原文里的比喻词是哪个", "薛侃要求干部争当什么?比喻词是哪个"),
        ("根据文章，杨浦区2024年全年GDP是多少？", "杨浦区2024年全年GDP是多少？"),
        ("文章说杨浦要推出一批消费活动，具体是哪些活动？", "杨浦要推出一批消费活动，具体是哪些活动？"),
        # Which article says something is the question itself; an article's topic is part of it.
        ("Which article says the meeting was held?", "Which article says the meeting was held?"),
        ("In the article about Minhang, how many parks?", "In the article about Minhang, how many parks?"),
        ("这篇文章讲了什么", "这篇文章讲了什么"),
        ("这段中文中的人名怎么读", "这段中文中的人名怎么读"),
    ],
)
def test_where_the_asker_read_it_is_not_part_of_the_question(message, question):
    assert without_source_reference(message) == question


@pytest.mark.parametrize(
    "message, question",
    [
        # Whether the documents say it (writer RP, a compliance officer): what is asked is the thing itself.
        ("Is it stated who presided over the 18th meeting?", "who presided over the 18th meeting?"),
        ("Did the article say when the meeting was held?", "when the meeting was held?"),
        ("Was a completion date given for the Yindu Road Cross-River Tunnel?", "what is the completion date for the Yindu Road Cross-River Tunnel?"),
        ("Does the Minhang article state the total investment for the 71 projects?", "what is the total investment for the 71 projects? (Minhang)"),
        # A yes/no question about the facts themselves is left as it is.
        ("Was the meeting held on Wednesday?", "Was the meeting held on Wednesday?"),
        ("Is the park named after Lu Xun?", "Is the park named after Lu Xun?"),
        ("关于陆铭的职务,文中有没有提到?具体是什么职务?", "关于陆铭的职务,具体是什么职务?"),
        # ...or whether someone named said it (writer OD, a fact-checker).
        ("Did Chen Huawen say when the tunnel will open?", "when the tunnel will open? (Chen Huawen)"),
        ("Did Minhang give a total investment figure for the 71 projects?", "what is the total investment figure for the 71 projects? (Minhang)"),
        ("Did Xue Kan say the meeting was important?", "Did Xue Kan say the meeting was important?"),
        ("是否提到了预算", "预算"),
    ],
)
def test_whether_the_documents_say_it_is_not_part_of_the_question(message, question):
    assert without_checking(message) == question


@pytest.mark.parametrize(
    "message, question",
    [
        # An exam's options and instruction (writer UY).
        ("how many major industrial projects? A.16 B.20 C.59 D.71", "how many major industrial projects?"),
        ("in which park? A. Gongqing Forest Park B. Century Park C. Huangxing Park", "in which park?"),
        ("陈吉宁是哪天检查的? A.12月28日 B.12月31日", "陈吉宁是哪天检查的?"),
        ("Shanghai held a city wide ____ promotion conference. fill in blank", "Shanghai held a city wide ____ promotion conference."),
        ("What are plan A and plan B?", "What are plan A and plan B?"),
        ("Grade A. B cells", "Grade A. B cells"),
    ],
)
def test_an_exams_options_are_not_part_of_the_question(message, question):
    assert without_options(message) == question


def test_an_exam_question_is_answered_as_its_question_without_the_options(readonly_seed_pipeline):
    # Every option's figure was read as one the question states, so no sentence held a new one.
    answer = readonly_seed_pipeline.ask(
        "Chen Jining went to inspect the water and electricity supply unit on what date? A. December 28 "
        "B. December 31 C. January 1 D. January 3"
    )
    assert not answer.abstained and "December 28" in answer.text


def test_a_polite_question_gets_the_answer_the_plain_one_gets(readonly_seed_pipeline):
    polite = readonly_seed_pipeline.ask(
        "Hello, may I ask who chaired the Yangpu District Committee and District Government quarterly work meeting in "
        "April 2024? Many thanks"
    )
    plain = readonly_seed_pipeline.ask(
        "Who chaired the Yangpu District Committee and District Government quarterly work meeting in April 2024?"
    )
    assert polite.text == plain.text and "Xue Kan" in polite.text
    assert readonly_seed_pipeline.ask("你好，杨浦区人大常委会主任是谁？谢谢").text == readonly_seed_pipeline.ask("杨浦区人大常委会主任是谁？").text


def test_hello_is_answered_without_quoting_a_sentence_that_says_hello(tmp_path, fake_embedder, readonly_seed_pipeline):
    answer = readonly_seed_pipeline.ask("hello")
    assert answer.text == REPLIES["greeting"]["en"] and not answer.citations and not answer.abstained
    # Before any document is ingested, too.
    empty = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=fake_embedder)
    assert empty.ask("你好").text == REPLIES["greeting"]["zh"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "request_, source",
    [
        ("Give me a brief summary of the Shanghai urban renewal article", "004_a074e05998764c93.txt"),
        ("summarise the article about Yinhang sub-district", "003_613d43c8501668be.txt"),
        ("概括一下杨浦区委学习会的内容", ZH_SEED),
    ],
)
def test_the_real_pipeline_summarises_the_document_a_request_names(real_seed_pipeline, request_, source):
    answer = real_seed_pipeline.ask(request_)
    assert {c.source for c in answer.citations} == {source}
    assert_citations_are_exact(answer)
