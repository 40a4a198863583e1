"""Reranking fused candidates by their best sentence: coverage of the question's rare terms, and the asked-for fact."""

from __future__ import annotations

from dataclasses import replace

from test_extractive import flat_idf, hit

from rag.rerank import rerank


def test_a_passage_whose_sentence_holds_the_terms_together_moves_up():
    scattered = hit("Residents met. The sub-district held a fair. Yinhang is large.", source="a.txt", rank=1)
    together = hit("Yinhang sub-district residents held a fair in spring.", source="b.txt", rank=1.1)  # fused score 0.91 vs 1.0
    ranked = rerank("When did Yinhang sub-district residents hold a fair?", [scattered, together], flat_idf, weight=1.0)
    assert [h.chunk.source for h in ranked] == ["b.txt", "a.txt"]


def test_the_type_bonus_prefers_the_passage_with_the_asked_for_fact():
    question = "How many residents live in Yinhang sub-district?"
    no_number = hit("Yinhang sub-district serves its residents with care.", source="a.txt", rank=1)
    number = hit("Yinhang sub-district has a population of 200,000.", source="b.txt", rank=1.1)  # fused score 0.91 vs 1.0
    assert rerank(question, [no_number, number], flat_idf, weight=1.0)[0].chunk.source == "a.txt"
    ranked = rerank(question, [no_number, number], flat_idf, weight=1.0, type_bonus=0.5)
    assert [h.chunk.source for h in ranked] == ["b.txt", "a.txt"]


def test_no_weight_keeps_the_fused_order():
    hits = [hit("alpha", source="a.txt", rank=1), hit("beta gamma", source="b.txt", rank=2)]
    assert rerank("beta gamma?", hits, flat_idf, weight=0.0) == hits


def test_a_passage_whose_sentence_means_the_question_moves_up_when_its_meaning_is_known():
    from dataclasses import replace

    question = "Which part of the year is the key window for development?"
    words = hit("The year opened a new window.", source="a.txt", rank=1)
    meaning = hit("The second quarter is a crucial and golden period.", source="b.txt", rank=1.1)
    assert rerank(question, [words, meaning], flat_idf, weight=1.0, semantic_weight=1.0)[0].chunk.source == "a.txt"
    words, meaning = replace(words, sentence_scores=(0.3,)), replace(meaning, sentence_scores=(0.9,))
    assert rerank(question, [words, meaning], flat_idf, weight=1.0)[0].chunk.source == "a.txt"
    ranked = rerank(question, [words, meaning], flat_idf, weight=1.0, semantic_weight=1.0)
    assert [h.chunk.source for h in ranked] == ["b.txt", "a.txt"]


def test_words_and_meaning_count_when_one_sentence_has_both():
    from dataclasses import replace

    question = "Which part of the year is the key window for development?"
    split = hit("The key window for development is open. The second quarter is a crucial and golden period.", "a.txt")
    together = hit("The second quarter is the key window for development.", "b.txt", rank=1.1)
    split = replace(split, sentence_scores=(0.2, 0.9))  # the words in one sentence, the meaning in the other
    together = replace(together, sentence_scores=(0.8,))
    ranked = rerank(question, [split, together], flat_idf, weight=1.0, semantic_weight=1.0)
    assert [h.chunk.source for h in ranked] == ["b.txt", "a.txt"]


def test_a_passage_of_a_document_that_never_names_the_asked_place_moves_down():
    from rag.lexical import LexicalIndex

    question = "Which campaign is Yangpu's district mayor following to help graduates find jobs?"
    minhang = hit("The district mayor follows a campaign to help graduates find jobs.", source="minhang.txt", rank=1)
    yangpu = hit("Yangpu will help new graduates into jobs early.", source="yangpu.txt", rank=1.1)
    lexical = LexicalIndex.build([minhang.chunk, yangpu.chunk], generation=1)
    assert lexical.document_words("yangpu.txt").words >= {"yangpu", "graduates"}
    assert rerank(question, [minhang, yangpu], flat_idf, weight=1.0)[0].chunk.source == "minhang.txt"
    ranked = rerank(question, [minhang, yangpu], flat_idf, weight=1.0, name_penalty=1.0, document_words=lexical.document_words)
    assert [h.chunk.source for h in ranked] == ["yangpu.txt", "minhang.txt"]
    # Typed in lower case, a Chinese name the documents write capitalised is a name still (writer UH)...
    lower = rerank(question.lower(), [minhang, yangpu], flat_idf, weight=1.0, name_penalty=1.0, document_words=lexical.document_words)
    assert [h.chunk.source for h in lower] == ["yangpu.txt", "minhang.txt"]
    # ...but not an English word that a document happens to write capitalised only ("Spring Festival").
    cleaning = hit("In the first week, cleaning is done by residents.", source="cleaning.txt", rank=1)
    festival = hit("The Spring Festival fair opens.", source="festival.txt", rank=1.1)
    lexical = LexicalIndex.build([cleaning.chunk, festival.chunk], generation=1)
    assert "spring" in lexical.document_words("festival.txt").proper
    question = "when is spring cleaning done by residents?"
    ranked = rerank(question, [cleaning, festival], flat_idf, weight=1.0, name_penalty=1.0, document_words=lexical.document_words)
    assert ranked[0].chunk.source == "cleaning.txt"


def _library(*passages, long_source=None):
    """A lexical index of the passages; `long_source` gets a second chunk of 1,000 more distinct words."""
    from rag.lexical import LexicalIndex

    chunks = [h.chunk for h in passages]
    if long_source is not None:
        filler = hit(" ".join(f"filler{i}" for i in range(1000)), source=long_source).chunk
        chunks.append(replace(filler, position=1))
    return LexicalIndex.build(chunks, generation=1)


def test_a_long_document_that_never_names_the_asked_place_moves_down_further():
    question = "Which campaign is Yangpu's district mayor following to help graduates find jobs?"
    minhang = hit("The district mayor follows a campaign to help graduates find jobs.", source="minhang.txt", rank=1)
    yangpu = hit("Yangpu will help new graduates into jobs early.", source="yangpu.txt", rank=2)
    penalties = {"name_penalty": 0.15, "long_name_penalty": 1.0}
    # A short text that leaves out "Yangpu" says little: its better sentence keeps it first.
    short = _library(minhang, yangpu)
    ranked = rerank(question, [minhang, yangpu], flat_idf, weight=1.0, document_words=short.document_words, **penalties)
    assert ranked[0].chunk.source == "minhang.txt"
    # ...but it still never names Yangpu, which the generator reads as the share of names left out.
    assert [h.unnamed for h in ranked] == [1.0, 0.0]
    # A whole article of a thousand words that never writes "Yangpu" is about somewhere else.
    long = _library(minhang, yangpu, long_source="minhang.txt")
    ranked = rerank(question, [minhang, yangpu], flat_idf, weight=1.0, document_words=long.document_words, **penalties)
    assert [h.chunk.source for h in ranked] == ["yangpu.txt", "minhang.txt"]
    # What only the length earned (1.0 - 0.15) is left for the generator to hold against Minhang's sentences.
    assert [round(h.elsewhere, 2) for h in ranked] == [0.0, 0.85]


def test_a_name_no_candidate_writes_does_not_push_long_documents_down():
    question = "Which campaign is Yangpoo's district mayor following to help graduates find jobs?"  # misspelt
    long_one = hit("The district mayor follows a campaign to help graduates find jobs.", source="long.txt", rank=1)
    short_one = hit("New graduates get help with jobs.", source="short.txt", rank=1.1)
    library = _library(long_one, short_one, long_source="long.txt")
    ranked = rerank(
        question, [long_one, short_one], flat_idf, weight=1.0, name_penalty=0.15, long_name_penalty=1.0,
        document_words=library.document_words,
    )
    assert [h.chunk.source for h in ranked] == ["long.txt", "short.txt"]


def test_question_names_are_capitalised_words_past_the_first():
    from rag.rerank import question_names

    assert question_names("Which campaign is Yangpu's mayor following?") == ["yangpu"]
    assert question_names("At the April 2024 Yangpu meeting, who spoke?") == ["april", "yangpu"]
    assert question_names("Yangpu plans what?") == []


def test_a_chinese_question_naming_a_place_in_characters_is_checked_against_its_english_spelling():
    from dataclasses import replace

    from rag.lexical import LexicalIndex

    question = "闵行区委书记是谁?"  # Minhang's party secretary
    yangpu = hit("区委书记薛侃主持会议。", source="yangpu-zh.txt", rank=1)  # Yangpu's article, in Chinese
    minhang = hit("Minhang District held a meeting on August 22.", source="minhang.txt", rank=2)
    # A whole Chinese article of a thousand more distinct characters, none of them 闵行.
    filler = "".join(chr(0x4E00 + 2 * i) for i in range(1000))
    chunks = [yangpu.chunk, replace(hit(filler, source="yangpu-zh.txt").chunk, position=1), minhang.chunk]
    library = LexicalIndex.build(chunks, generation=1)
    assert library.spelled_names(question) == ["minhang"]
    penalties = {"name_penalty": 0.15, "long_name_penalty": 1.0, "document_words": library.document_words}
    ranked = rerank(question, [yangpu, minhang], flat_idf, weight=1.0, **penalties)
    by_source = {h.chunk.source: h for h in ranked}
    # The Chinese article never writes 闵行 nor Minhang: what its length earned is held against its sentences.
    assert by_source["yangpu-zh.txt"].elsewhere > 0.5 and by_source["minhang.txt"].elsewhere == 0.0
    # Asked about Yangpu (杨浦, which the Chinese article writes), nothing is held against it.
    yangpu_text = hit("杨浦区委书记薛侃主持会议。", source="yangpu-zh.txt", rank=1)
    chunks[0] = yangpu_text.chunk
    library = LexicalIndex.build(chunks + [hit("Yangpu is on the river.", source="y.txt").chunk], generation=1)
    penalties["document_words"] = library.document_words
    ranked = rerank("杨浦区委书记是谁?", [yangpu_text, minhang], flat_idf, weight=1.0, **penalties)
    assert [h.elsewhere for h in ranked if h.chunk.source == "yangpu-zh.txt"] == [0.0]


def test_a_long_document_that_never_writes_the_asked_year_cannot_say_what_happened_then():
    from rag.extractive import ExtractiveGenerator

    question = "How many pocket parks did Minhang complete in 2023?"
    plan = hit("This year, Minhang will complete 20 pocket parks and 30 kilometers of greenways.", source="minhang.txt")
    generator = ExtractiveGenerator(idf=flat_idf)
    # A whole article that never writes 2023: its "this year" may be any year.
    article = _library(plan, long_source="minhang.txt")
    ranked = rerank(question, [plan], flat_idf, weight=1.0, document_words=article.document_words)
    assert ranked[0].other_period and generator.generate(question, ranked).abstained
    # The same article dated 2023 answers; so does a short paragraph that leaves its article's year out.
    dated = replace(plan, chunk=replace(plan.chunk, text="In 2023, Minhang will complete 20 pocket parks."))
    ranked = rerank(question, [dated], flat_idf, weight=1.0, document_words=_library(dated, long_source="minhang.txt").document_words)
    assert not ranked[0].other_period and "20 pocket parks" in generator.generate(question, ranked).text
    ranked = rerank(question, [plan], flat_idf, weight=1.0, document_words=_library(plan).document_words)
    assert not ranked[0].other_period and "20 pocket parks" in generator.generate(question, ranked).text


def test_a_long_document_that_never_writes_a_place_a_chinese_question_names_does_not_answer_for_it():
    from rag.extractive import ExtractiveGenerator

    # Writers WX, VB: Hongkou (虹口区), which no seed names, asked of Yangpu's article.
    secretary = hit("区委书记薛侃,区长周海鹰等区四套班子领导参加。", source="yangpu-zh.txt")
    generator = ExtractiveGenerator(idf=flat_idf)
    article = _library(secretary, long_source="yangpu-zh.txt").document_words
    ranked = rerank("虹口区的区委书记是谁?", [secretary], flat_idf, weight=1.0, document_words=article)
    assert ranked[0].other_place and generator.generate("虹口区的区委书记是谁?", ranked).abstained
    # A place the article writes, in characters or in letters, is its own; and a short passage may leave it out.
    written = replace(secretary, chunk=replace(secretary.chunk, text="虹口区区委书记薛侃参加。"))
    assert not rerank("虹口区的区委书记是谁?", [written], flat_idf, weight=1.0, document_words=_library(written, long_source="yangpu-zh.txt").document_words)[0].other_place
    spelled = replace(secretary, chunk=replace(secretary.chunk, text="Hongkou's party secretary, 薛侃, attended."))
    assert not rerank("虹口区的区委书记是谁?", [spelled], flat_idf, weight=1.0, document_words=_library(spelled, long_source="yangpu-zh.txt").document_words)[0].other_place
    assert not rerank("虹口区的区委书记是谁?", [secretary], flat_idf, weight=1.0, document_words=_library(secretary).document_words)[0].other_place


def test_a_long_document_that_never_writes_a_place_an_english_question_names_does_not_answer_for_it():
    from rag.extractive import ExtractiveGenerator

    # Writers VF, YI: Jing'an and Xuhui, which no seed names, asked of Shanghai's urban renewal article.
    question = "jingan district urban renewal plan this yr"
    renewal = hit("Shanghai held a city-wide urban renewal promotion conference.", source="renewal.txt")
    generator = ExtractiveGenerator(idf=flat_idf)
    ranked = rerank(question, [renewal], flat_idf, weight=1.0, document_words=_library(renewal, long_source="renewal.txt").document_words)
    assert ranked[0].other_place and generator.generate(question, ranked).abstained
    # Written with its apostrophe, in characters (静安), or left out by a short passage, the place is no reason.
    for text in ("Jing'an District held an urban renewal conference.", "静安区召开城市更新推进大会。"):
        written = replace(renewal, chunk=replace(renewal.chunk, text=text))
        library = _library(written, long_source="renewal.txt")
        assert not rerank(question, [written], flat_idf, weight=1.0, document_words=library.document_words)[0].other_place
    assert not rerank(question, [renewal], flat_idf, weight=1.0, document_words=_library(renewal).document_words)[0].other_place


def test_english_named_places_are_chinese_names_before_a_kind_of_place():
    from rag.pinyin import english_named_places

    unwritten = lambda word: False  # noqa: E731
    assert english_named_places("What is Jing'an District's plan? And Pudong New Area's?", unwritten) == ["jingan", "pudong"]
    assert english_named_places("Who heads Xuhui district?", lambda word: word == "xuhui") == []  # the documents write it
    # Not a word that is no Chinese name ("the same district"), nor a slip for one ("Minghang District").
    assert english_named_places("Is it the same district as Minghang District?", unwritten) == []


def test_an_asking_sentence_names_a_chinese_place_by_itself():
    from rag.pinyin import english_named_places

    unwritten = lambda word: False  # noqa: E731
    # Writers VO, VW: a district typed bare, in lower case, that no document writes.
    assert english_named_places("how many pocket parks is pudong adding this year", unwritten) == ["pudong"]
    assert english_named_places("how many pocket parks is pudong adding", lambda word: word == "pudong") == []
    # ... in the possessive too (writer UW).
    assert english_named_places("who chaired pudong's version of the meeting, same day as yangpu's?", unwritten) == [
        "pudong",
        "yangpu",
    ]
    # English words that also spell a Chinese name are not places: "line" (李讷), "change" (嫦娥), "June".
    assert english_named_places("Which line will change in June?", unwritten) == []
    # A place said in an aside or in brackets is not what is asked about (writer ZY).
    assert english_named_places("My aunt moved to Beijing long ago. Who was it?", unwritten) == []
    assert english_named_places("She lives in Yinhang (that's in Hongkou, isn't it?). How many gardens?", unwritten) == []


def test_question_years_are_four_digit_years_of_an_english_question():
    from rag.rerank import question_periods

    assert question_periods("How many parks did Minhang complete in 2023?") == ["2023"]
    assert question_periods("How many of Minhang’s parks opened in 2023?") == ["2023"]  # a curly apostrophe is English
    assert question_periods("Where did France lose a war in the 1950's?") == []  # a decade
    assert question_periods("How many of the 20,000 residents moved in 2023-24?") == []
    # A year before a comma or a full stop is one too (writer UA); a decimal is not.
    assert question_periods("how much green space did minhang add in 2023, want to compare") == ["2023"]
    assert question_periods("What did Minhang build in 2023.") == ["2023"]
    assert question_periods("What was the 2023.5 figure?") == []
    assert question_periods("杨浦区2023年建了几个公园?") == []
    # An English question with a Chinese word in it is English: its year is checked too.
    assert question_periods("How many 口袋公园 did Minhang complete in 2023?") == ["2023"]


def test_a_quarter_is_asked_by_its_ordinal():
    from rag.rerank import question_periods

    # Writers ZH, ZZ, VV, YN: the third quarter, of an article that only speaks of the second.
    assert question_periods("when is yang pu holding the quarterly work meeting for the third quarter") == ["third"]
    assert question_periods("yangpu 3rd quarter work meeting 2024 when") == ["2024", "third"]
    assert question_periods("What was Yangpu's Q3 GDP?") == ["third"]
    assert question_periods("What did Yangpu plan for the quarter?") == []


def test_a_long_document_that_never_writes_the_asked_quarter_cannot_say_what_happened_then():
    from rag.extractive import ExtractiveGenerator

    question = "What share of the tasks must be completed by the end of the third quarter?"
    plan = hit("Fight through the second quarter, ensuring that by mid-year, more than half of the tasks are completed.", source="yangpu.txt")
    ranked = rerank(question, [plan], flat_idf, weight=1.0, document_words=_library(plan, long_source="yangpu.txt").document_words)
    assert ranked[0].other_period and ExtractiveGenerator(idf=flat_idf).generate(question, ranked).abstained
    asked = "What share of the tasks must be completed by the end of the second quarter?"
    ranked = rerank(asked, [plan], flat_idf, weight=1.0, document_words=_library(plan, long_source="yangpu.txt").document_words)
    assert not ranked[0].other_period


def test_the_generated_name_tables_are_those_cc_cedict_gives():
    from rag import _names
    from rag.pinyin import derive_name_spellings, derive_proper_pairs

    # Regenerate with `python -m rag.pinyin` when the dictionary changes.
    assert derive_proper_pairs() == _names.PROPER_PAIRS
    assert derive_name_spellings(_names.PROPER_PAIRS) == _names.NAME_SPELLINGS
    names = set(_names.NAME_SPELLINGS.split())
    assert {"pudong", "yangpu", "minhang", "xuhui"} <= names
    assert not {"line", "change", "june"} & names
