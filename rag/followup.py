"""Follow-up questions without a language model.

"And how many pocket parks?" after a question about Minhang's green space is
elliptical: it leaves out what it is about. Such a question is searched
together with the most specific words of the previous question, and the
searched query is shown to the user.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from rag.clean import CJK
from rag.terms import STOP_WORDS, question_terms, terms

_EN_ELLIPTICAL = re.compile(
    r"^\s*(and|what about|how about|also|then|so|but|or)\b|\b(it|its|they|them|their|there|this|that|these|those|he|she|him|her|his)\b",
    re.I,
)
_ZH_ELLIPTICAL = re.compile(r"^\s*(那么?|还有|另外|其中|此外|而)|[他她它其该这那]")
_WORD = re.compile(f"[{CJK}]{{2,}}|[A-Za-z][A-Za-z'’-]+|\\d+(?:[.,]\\d+)*")


def is_elliptical(question: str) -> bool:
    content = question_terms(question)
    cjk = bool(re.search(f"[{CJK}]", question))
    if cjk:
        return bool(_ZH_ELLIPTICAL.search(question)) or len([t for t in content if len(t) == 2]) < 2
    return bool(_EN_ELLIPTICAL.search(question)) or len(content) < 3


def contextualize(question: str, history: Sequence[str], idf: Callable[[str], float], carry: int = 3) -> str:
    """The query to search: the question, plus the previous question's key words when it is elliptical."""
    if not history or not is_elliptical(question):
        return question
    previous = history[-1]
    have = set(terms(question))
    scored: dict[str, float] = {}
    for word in _WORD.findall(previous):
        if word.lower() in STOP_WORDS:
            continue
        word_terms = [t for t in terms(word) if t not in have]
        if not word_terms:
            continue
        scored[word] = max(scored.get(word, 0.0), max(idf(t) for t in word_terms))
    keep = sorted(scored, key=lambda w: -scored[w])[:carry]
    if not keep:
        return question
    ordered = [w for w in _WORD.findall(previous) if w in keep]
    return question + " " + " ".join(dict.fromkeys(ordered))
