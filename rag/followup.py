"""Follow-up questions without a language model.

"And how many pocket parks?" after a question about Minhang's green space is
elliptical: it leaves out what it is about. Such a question is searched
together with the most specific words of the previous question, and the
searched query is shown to the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from rag.clean import CJK
from rag.terms import STOP_WORDS, ZH_QUESTION_WORDS, question_terms, terms

# "this", "that", "these", "those" before a word are determiners ("this year"), not references;
# "is there", "are there" is existential.
_EN_ELLIPTICAL = re.compile(
    r"^\s*(and|what about|how about|also|then|so|but|or)\b|\b(it|its|they|them|their|he|she|him|her|his)\b"
    r"|\b(this|that|these|those)\b(?!\s+[A-Za-z])|(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\bthere\b",
    re.I,
)
_ZH_ELLIPTICAL = re.compile(r"^\s*(那么?|还有|另外|其中|此外|而)|[他她它其该这那]")
_CHAIN = 4  # how many earlier questions an elliptical one may reach back through
_WORD = re.compile(f"[{CJK}]{{2,}}|[A-Za-z][A-Za-z'’-]+|\\d+(?:[.,]\\d+)*")


def is_elliptical(question: str) -> bool:
    content = question_terms(question)
    cjk = bool(re.search(f"[{CJK}]", question))
    if cjk:
        return bool(_ZH_ELLIPTICAL.search(question)) or len([t for t in content if len(t) == 2]) < 2
    return bool(_EN_ELLIPTICAL.search(question)) or len(content) < 3


def _is_name(word: str, sentence: str) -> bool:
    """A capitalised word that does not open the sentence: a proper noun, in English."""
    if not word[0].isupper():
        return False
    first = _WORD.search(sentence)
    return first is None or first.group() != word or sentence.count(word) > 1


def contextualize(question: str, history: Sequence[str], idf: Callable[[str], float], carry: int = 3) -> str:
    """The query to search: the question, plus the previous question's key words when it is elliptical.

    After a run of follow-ups the words come from the question that opened it, so "When was it held?" after "Who
    chaired the Yangpu quarterly meeting?" and "What did he say about employment?" searches the meeting.
    """
    if not history or not is_elliptical(question):
        return question
    recent = history[-_CHAIN:]
    opener = next((q for q in reversed(recent) if not is_elliptical(q)), recent[-1])
    previous = ZH_QUESTION_WORDS.sub(" ", opener)  # "区长是谁" carries "区长", not the question word
    have = set(terms(question))
    scored: dict[str, float] = {}
    for word in _WORD.findall(previous):
        if word.lower() in STOP_WORDS:
            continue
        word_terms = [t for t in terms(word) if t not in have]
        if not word_terms:
            continue
        scored[word] = max(scored.get(word, 0.0), max(idf(t) for t in word_terms))
    # Names ("Minhang") are what an elliptical question leaves out most often, and being
    # frequent in the corpus their idf is low: carry them besides the `carry` rarest words.
    names = [w for w in scored if _is_name(w, previous)][:2]
    keep = names + sorted((w for w in scored if w not in names), key=lambda w: -scored[w])[:carry]
    if not keep:
        return question
    ordered = [w for w in _WORD.findall(previous) if w in keep]
    return question + " " + " ".join(dict.fromkeys(ordered))
