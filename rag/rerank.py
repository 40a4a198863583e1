"""Rerank fused candidates by how well their best sentence covers the question's rare terms.

BM25 and the dense model score whole chunks; an answer lives in one sentence.
A chunk whose single sentence holds most of the question's specific terms is
a better first passage than one that mentions them scattered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from rag.answer_types import CHECK_ONLY, holds_type, plain_question, question_type
from rag.clean import detect_lang
from rag.lexical import DocumentWords
from rag.pinyin import english_named_places, named_places, places, spellings, spells_a_chinese_name
from rag.sentences import sentence_spans
from rag.terms import question_terms, term_set, term_weights
from rag.traditional import to_simplified
from rag.types import Hit


def best_sentence_score(
    text: str,
    weights: dict[str, float],
    kind: str | None = None,
    question: str = "",
    type_bonus: float = 0.0,
    meanings: Sequence[float] | None = None,
    semantic_weight: float = 0.0,
) -> float:
    """The best sentence's score: its share of the question's term weight, plus `type_bonus` when it holds the
    asked-for fact, plus `semantic_weight` × its cosine with the question (`meanings`: one per sentence, if known).
    """
    total = sum(weights.values())
    if not total:
        return 0.0
    best = 0.0
    for j, (start, end) in enumerate(sentence_spans(text)):
        sentence = text[start:end]
        found = term_set(sentence)
        score = sum(w for t, w in weights.items() if t in found) / total
        if meanings is not None:
            score += semantic_weight * meanings[j]
        if kind is not None and score + type_bonus > best and holds_type(sentence, kind, question):
            score += type_bonus
        best = max(best, score)
    return best


# Capitalised words past a question's first word: "Yangpu" in "Which campaign is Yangpu's mayor following?"
_NAME = re.compile(r"(?<=[\w,] )[A-Z]\w+")
# Words typed in lower case, which may be names too: "yangpu" in "how many pocket parks yangpu district will build".
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
# Distinct words at which a document's never writing a name counts fully: a news article has 450-760 (the
# seeds), a SQuAD paragraph 20-320 (median 78). Swept with long_name_penalty on the tune sets (levers.md).
LONG_DOCUMENT_WORDS = 1000


_YEAR = re.compile(r"(?<![\w,.-])(?:1[5-9]|20)\d\d(?![\w'’-]|[,.]\d)")  # "in 2023", "in 2023, …"; not "2023,5", "2023-24", "1950's"
# Distinct words from which a document that never writes a year (or quarter) is taken not to speak of it: a news article of
# the seeds has 450-760; a SQuAD paragraph (at most 320) may leave out the year its article gives ("the 2015 season").
PERIOD_SILENCE_WORDS = 400
# "The third quarter", "3rd quarter", "Q3": a period a long article about the second quarter does not speak of.
_QUARTER = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b|\bq([1-4])\b", re.I)
_QUARTER_ORDINALS = dict(zip("first second third fourth 1st 2nd 3rd 4th 1 2 3 4".split(), ("first", "second", "third", "fourth") * 3, strict=True))


def question_periods(question: str) -> list[str]:
    """The years an English question names: "How many pocket parks did Minhang complete in 2023?" -> ["2023"];
    and its quarters, by their ordinal: "the third quarter", "Q3" -> ["third"]. One with a Chinese word in it is
    English too ("How many 口袋公园 did Minhang complete in 2023?")."""
    if detect_lang(question) == "zh":
        return []
    quarters = [_QUARTER_ORDINALS[(m.group(1) or m.group(2)).lower()] for m in _QUARTER.finditer(question)]
    return _YEAR.findall(question) + quarters


def question_names(question: str) -> list[str]:
    """The names a question gives, lower-case: "Which campaign is Yangpu's mayor following?" -> ["yangpu"]."""
    return [word.lower() for word in _NAME.findall(question)]


def _name_check(question: str, documents: Sequence[DocumentWords]) -> tuple[list, Callable, Callable]:
    """(the question's names that some document writes, writes(document, name), a document's length in words).

    A Chinese question's names are the places it names that a document writes in pinyin, capitalised: "闵行区"
    for Minhang, "殷行街道" for Yinhang. A document writes one in characters or in letters, and its length counts
    each distinct Chinese character as a word."""
    chinese = [(pair, spelled) for pair, spelled in places(question) if any(spelled & d.proper for d in documents)]
    if chinese:
        names: list = list(dict.fromkeys(chinese))

        def writes(document: DocumentWords, name: tuple[str, frozenset[str]]) -> bool:
            return name[0] in document.pairs or bool(name[1] & document.words)

        def length(document: DocumentWords) -> int:
            return document.chinese_size
    else:
        # Capitalised words, and Chinese names typed in lower case that a document writes capitalised ("yangpu").
        lower = {w for w in _LOWER_WORD.findall(question) if any(w in d.proper for d in documents) and spells_a_chinese_name(w)}
        names = list(dict.fromkeys(question_names(question) + sorted(lower)))

        def writes(document: DocumentWords, name: str) -> bool:
            return name in document.words

        def length(document: DocumentWords) -> int:
            return len(document.words)

    return [name for name in names if any(writes(d, name) for d in documents)], writes, length


def rerank(
    question: str,
    hits: Sequence[Hit],
    idf: Callable[[str], float],
    weight: float,
    type_bonus: float = 0.0,
    semantic_weight: float = 0.0,
    name_penalty: float = 0.0,
    document_words: Callable[[str], DocumentWords] | None = None,
    long_name_penalty: float = 0.0,
) -> list[Hit]:
    """Hits reordered by fused score (scaled to the best one) + weight × the best sentence's score.

    A sentence scores its coverage of the question's rare terms, plus `type_bonus` when it holds the
    kind of fact asked for ("how many residents": a number), plus `semantic_weight` × its cosine with the
    question (Hit.sentence_scores, when known). Words and meaning are judged on the same sentence, as the
    generator does (seeds tune hit@1 0.938 -> 0.954 against scoring the best of each; SQuAD tune unchanged).
    A passage whose document (`document_words(source)`) never writes a name the question gives ("Yangpu") loses
    `name_penalty` × the share of such names: an article about Minhang rarely answers a question about Yangpu.
    The longer the document, the more its silence says: one of LONG_DOCUMENT_WORDS distinct words or more loses
    `long_name_penalty` instead (a paragraph may leave out the name of the article it belongs to; a whole news
    article about Yangpu does not). Names that no candidate's document writes (a misspelling) tell nothing.
    The part of the penalty beyond `name_penalty` is kept in Hit.elsewhere, for the generator's sentence choice.
    """
    if not hits or weight <= 0:
        return list(hits)
    weights = term_weights(question_terms(question), idf)
    asked = plain_question(question)
    kind = question_type(asked) if type_bonus else None
    kind = None if kind in CHECK_ONLY else kind
    top = max(h.score for h in hits) or 1.0
    # weight × (coverage + type bonus) + semantic_weight × cosine, for the best sentence
    semantic = semantic_weight / weight
    names: list = []
    # The candidates' documents, for the name and place checks.
    documents = [document_words(source) for source in dict.fromkeys(h.chunk.source for h in hits)] if document_words else []
    if name_penalty and document_words:
        names, writes, length = _name_check(question, documents)

    def unnamed(source: str) -> tuple[float, float, float]:
        """(the share of the question's names the document never writes, the passage's penalty, the part of it
        that only a long document earns)"""
        if not names:
            return 0.0, 0.0, 0.0
        document = document_words(source)
        missing = sum(not writes(document, name) for name in names) / len(names)
        by_length = long_name_penalty * min(1.0, length(document) / LONG_DOCUMENT_WORDS)
        return missing, missing * max(name_penalty, by_length), missing * max(0.0, by_length - name_penalty)

    periods = question_periods(question) if document_words else []

    def other_period(source: str) -> bool:
        if not periods:
            return False
        words = document_words(source).words
        return len(words) >= PERIOD_SILENCE_WORDS and any(period not in words for period in periods)

    chinese = detect_lang(question) == "zh"
    asked_places = named_places(question) if document_words and chinese else []
    # An English question's place in letters that no candidate's document writes ("jingan district"): checked
    # against each document's words and, for a Chinese one, its characters read in pinyin.
    asked_spelled = []
    if document_words and not chinese:
        asked_spelled = english_named_places(question, lambda word: any(word in d.words for d in documents))

    def other_place(source: str) -> bool:
        if not asked_places and not asked_spelled:
            return False
        document = document_words(source)
        if document.chinese_size < PERIOD_SILENCE_WORDS:
            return False
        if asked_spelled:
            read = spellings(document.pairs)
            return any(word not in read for word in asked_spelled)
        return any(pair not in document.pairs and not spelled & document.words for pair, spelled in asked_places)

    scored = []
    for h in hits:
        missing, penalty, elsewhere = unnamed(h.chunk.source)
        text = to_simplified(h.chunk.text)  # the fact checks read simplified characters, as the question is typed
        sentence = best_sentence_score(text, weights, kind, asked, type_bonus, h.sentence_scores, semantic)
        scored.append(
            replace(
                h,
                score=h.score / top + weight * sentence - penalty,
                unnamed=missing,
                elsewhere=elsewhere,
                other_period=other_period(h.chunk.source),
                other_place=other_place(h.chunk.source),
            )
        )
    return sorted(scored, key=lambda h: -h.score)
