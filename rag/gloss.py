"""Chinese words in an English question, read in English: "How many 重大产业项目 is Minhang pushing?" asks about
its "major industry projects", and the English documents write "71 major industrial projects".

People who read both languages type what they know in one inside the other. The English documents and the
English embedding model cannot match the Chinese words, so each is replaced with an English reading: a place or
person the documents name in letters (杨浦 -> Yangpu, 陈吉宁 -> Chen Jining), else its CC-CEDICT sense whose
words the documents use most (重大: "great", "important", "major", "significant"). Single characters, question
words and fillers stay in Chinese: alone they are mostly particles (的, 是, 吗) or too ambiguous to gloss, and an
English question's Chinese is left out of what its answer must cover (rag/extractive.py). A gloss can be wrong,
so `Pipeline.ask` answers from this reading only when the documents support it better than the question as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import product

from rag import cedict
from rag.clean import CJK, detect_lang
from rag.pinyin import readings
from rag.terms import STOP_WORDS, ZH_QUESTION_WORDS, terms

_RUN = re.compile(f"[{CJK}]+")
_ASKED = re.compile(f"({ZH_QUESTION_WORDS.pattern})")
# Senses that are notes, not readings: "CL:個|个[ge4]", "abbr. for …", "variant of …", "surname Wang".
_NOT_A_READING = re.compile(r"^(?:CL:|abbr\.|variant of|old variant|surname|see |used in|also written|Taiwan pr\.)", re.I)
_LONGEST_WORD = 8
_MAX_SENSE_WORDS = 3  # a longer sense explains rather than translates
_MAX_NAME_CHARS = 3
# An English question may hold so many Chinese words that it counts as Chinese ("Which 闵行区长 briefed the
# 区人大常委会 meeting on August 22 about the 一南一北 strategy?"): with this many English words it is read too.
_ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
_MIXED_WORDS = 4


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT's words of two characters or more (simplified), each with its senses."""
    senses: dict[str, list[str]] = {}
    for _, simplified, rest in cedict.entries():  # "重大", "[zhong4 da4] /great/important/major/significant/"
        if len(simplified) >= 2:
            senses.setdefault(simplified, []).extend(rest[rest.find("/") + 1 :].rstrip().rstrip("/").split("/"))
    return {word: tuple(found) for word, found in senses.items()}


def _sense_words(sense: str) -> tuple[str, ...]:
    """"(of a year) quarter" -> ("quarter",); a note or an explanation -> ()."""
    if _NOT_A_READING.match(sense):
        return ()
    sense = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", sense)
    words = tuple(w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", sense) if w.lower() not in STOP_WORDS)
    return words if 0 < len(words) <= _MAX_SENSE_WORDS else ()


def english_reading(question: str, names: Collection[str], doc_freq: Callable[[str], int]) -> str:
    """An English question with the Chinese words in it read in English; any other question as it is.

    `names`: the names the documents write in letters, lower-case ("yangpu", "chen", "jining"); `doc_freq(term)`:
    how many passages hold a term, to choose among a word's senses."""
    if not _RUN.search(question) or detect_lang(question) == "zh" and len(_ENGLISH_WORD.findall(question)) < _MIXED_WORDS:
        return question

    def read(run: re.Match[str]) -> str:
        # Question words and fillers (那个, 多少, 什么) stay as typed: no sentence should have to hold them.
        pieces = _ASKED.split(run.group())  # words read, question words, words read, …
        return " " + " ".join(
            piece if i % 2 else " ".join(_read_run(piece, names, doc_freq)) for i, piece in enumerate(pieces) if piece
        ) + " "

    return " ".join(_RUN.sub(read, question).split()).replace(" 's", "'s")


def _read_run(run: str, names: Collection[str], doc_freq: Callable[[str], int]) -> list[str]:
    """A run of Chinese characters as English words, and what has no reading as it is ("三个五")."""
    words = _dictionary()
    out: list[str] = []
    i = 0
    while i < len(run):
        name = next(
            ((n, spelled) for n in range(min(_MAX_NAME_CHARS, len(run) - i), 0, -1) if (spelled := _spelled(run[i : i + n], names))),
            None,
        )
        if name:
            out.append(name[1].capitalize())
            i += name[0]
            continue
        found = next((n for n in range(min(_LONGEST_WORD, len(run) - i), 1, -1) if run[i : i + n] in words), 0)
        english = _best_sense(words[run[i : i + found]], doc_freq) if found else ()
        if english:
            out.append(" ".join(english))
            i += found
        else:  # a single character: left in Chinese, where the English answer's checks do not look
            if out and _RUN.fullmatch(out[-1]):
                out[-1] += run[i]
            else:
                out.append(run[i])
            i += 1
    return out


def _spelled(chars: str, names: Collection[str]) -> str:
    """The documents' name that `chars` spell in pinyin ("杨浦" -> "yangpu"), or "". A single character counts
    only as a surname the documents write ("陈" -> "chen")."""
    options = [readings(c) for c in chars]
    for spelling in ("".join(p) for p in product(*options)):
        if spelling in names and (len(chars) > 1 or len(spelling) >= 3):
            return spelling
    return ""


def _best_sense(senses: tuple[str, ...], doc_freq: Callable[[str], int]) -> tuple[str, ...]:
    """The words of the sense the documents use most, per word; the dictionary's first when they use none."""
    readings = [words for words in map(_sense_words, senses) if words]
    if not readings:
        return ()

    def used(words: tuple[str, ...]) -> float:
        stems = terms(" ".join(words))
        return sum(doc_freq(t) for t in stems) / max(1, len(stems))

    return max(readings, key=used)  # max keeps the first of equals
