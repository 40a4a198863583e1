"""Sentence and clause spans with exact character offsets, for English and Chinese text."""

from __future__ import annotations

import re
from functools import lru_cache

# A sentence ends at Chinese end marks, at . ! ? followed by space or the end, or at a line break.
_SENTENCE_END = re.compile(r"[。！？；]+[”\"’」』)]*|[.!?]+[”\"’)]*(?=\s|$)|\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec st jr sr inc ltd co corp fig".split()
)
# Clauses: after , ; : (English, followed by a space) or ，；：、 (Chinese).
_CLAUSE_END = re.compile(r"[,;:](?=\s)|[，；：、,](?=[^\s\d])")


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at `dot` ends an abbreviation ("No. 5", "U.S.") rather than a sentence."""
    word = re.search(r"([A-Za-z]+)\.?$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1)
    return token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper())


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, shifted by `offset`, whitespace trimmed."""
    return [(s + offset, e + offset) for s, e in _sentence_spans(text)]


@lru_cache(maxsize=20_000)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        end = match.start() if match.group() == "\n" else match.end()
        span = _trim(text, start, end)
        if span:
            spans.append(span)
        start = match.end()
    span = _trim(text, start, len(text))
    if span:
        spans.append(span)
    return tuple(spans)


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end], as absolute spans that tile the sentence."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CLAUSE_END.finditer(text, start, end):
        span = _trim(text, cursor, match.end())
        if span:
            spans.append(span)
        cursor = match.end()
    span = _trim(text, cursor, end)
    if span:
        spans.append(span)
    return spans
