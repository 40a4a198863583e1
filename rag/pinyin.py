"""Chinese characters spelled in pinyin, so that a name matches across scripts.

A Chinese question writes 闵行 where the English article writes Minhang. Tones are dropped, and a character
with several readings (行: xing, hang) gives each of them.

Which two characters name a place: those before the kind of place they name (闵行区, 殷行街道), and those that
CC-CEDICT writes only as a proper name (闵行, 长白), from the table rag/_names.py. Regenerate it after a
dictionary update with `python -m rag.pinyin`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import product
from pathlib import Path

from rag._names import NAME_SPELLINGS, PROPER_PAIRS
from rag.clean import CJK
from rag.terms import asking_sentences

_RUN = re.compile(f"[{CJK}]+")
# Two characters before the kind of place they name: 闵行区, 殷行街道, 吴泾镇, 龙吴路. Any two characters would
# spell English words by chance: 支持哪类 holds "chi na", 几年 has a rare reading "ji ning".
_PLACE = re.compile(f"([{CJK}]{{2}})(?=\\s*(?:新区|区|街道|镇|路|市|县|乡|村))")
_PROPER = frozenset(PROPER_PAIRS[i : i + 2] for i in range(0, len(PROPER_PAIRS), 2))


@lru_cache(maxsize=20_000)
def readings(char: str) -> tuple[str, ...]:
    """The toneless pinyin readings of one Chinese character: "行" -> ("xing", "hang", "heng")."""
    from pypinyin import Style, pinyin  # imported on the first Chinese text only

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(dict.fromkeys(r for r in (found[0] if found else ()) if r.isascii() and r.isalpha()))


def character_pairs(text: str) -> list[str]:
    """Each pair of adjacent Chinese characters in `text`, not across punctuation: "闵行区，杨浦" -> 闵行, 行区, 杨浦."""
    return [run[i : i + 2] for run in _RUN.findall(text) for i in range(len(run) - 1)]


def pairs(text: str) -> list[tuple[str, frozenset[str]]]:
    """Each pair of adjacent Chinese characters in `text` with its spellings: ("闵行", {"minxing", "minhang", …})."""
    return [(pair, frozenset(a + b for a, b in product(readings(pair[0]), readings(pair[1])))) for pair in character_pairs(text)]


def places(text: str) -> list[tuple[str, frozenset[str]]]:
    """The pairs of characters that name a place, with their spellings: by the word after them ("闵行区"), or
    as a name CC-CEDICT knows ("闵行的区委书记"; not 银行, which is also "a bank")."""
    named = dict.fromkeys(_PLACE.findall(text))
    named.update(dict.fromkeys(pair for pair in character_pairs(text) if pair in _PROPER))
    return [(pair, spelled) for pair in named for _, spelled in pairs(pair)]


def named_places(text: str) -> list[tuple[str, frozenset[str]]]:
    """The places a text names with the kind of place after them, by a name CC-CEDICT knows: "虹口区的区委书记" ->
    [("虹口", {"hongkou", …})]; not "区的" of "区的区委", nor 闵行 without 区 (which `places` finds too)."""
    return [(pair, spelled) for pair in dict.fromkeys(_PLACE.findall(text)) if pair in _PROPER for _, spelled in pairs(pair)]


# A word in letters before the kind of place it names: "Jing'an District", "xuhui district", "Pudong New Area".
_ENGLISH_PLACE = re.compile(r"\b([a-z]+(?:['’][a-z]+)?)[\s-]+(?:district|sub-?district|town|township|county|new area)\b", re.I)
_WORD = re.compile(r"\b[a-z]+(?:['’][a-z]+)?\b", re.I)
_PARENTHESES = re.compile(r"\([^)]*\)")
# Spellings of those names that are no English word ("yangpu"; not "line", "change", "june"), from rag/_names.py:
# a table, so that reading an English question needs no pinyin at all.
_NAMES = frozenset(NAME_SPELLINGS.split())


def english_named_places(text: str, written: Callable[[str], bool]) -> list[str]:
    """The places an English text names by a Chinese name that `written` says the documents do not write, in
    lower case without apostrophes or a possessive: "What is Jing'an District's plan?" -> ["jingan"]. Only the spelling of a name
    CC-CEDICT knows, and no English word, counts ("xuhui", "hongkou"; not "same district", "line", or "Minghang", a
    slip for Minhang). A sentence that asks names one by itself too ("how many pocket parks is pudong adding"); an
    aside does not ("My sister (that's over in Hongkou, isn't it?) …")."""
    found = [match.group(1) for match in _ENGLISH_PLACE.finditer(text)]
    found += [match.group() for match in _WORD.finditer(asking_sentences(_PARENTHESES.sub(" ", text)))]
    words = dict.fromkeys(re.sub("['’]", "", re.sub("['’]s$", "", word.lower())) for word in found)  # "pudong's"
    return [word for word in words if spells_a_chinese_name(word) and not written(word)]


def spells_a_chinese_name(word: str) -> bool:
    """Whether a lower-case word spells a name CC-CEDICT knows and no English word: "yangpu", not "line"."""
    return word in _NAMES


@lru_cache(maxsize=16)
def spellings(chinese_pairs: frozenset[str]) -> frozenset[str]:
    """Every spelling of some pairs of Chinese characters: what a Chinese document writes, read in letters."""
    return _all_spellings(chinese_pairs)


def _all_spellings(chinese_pairs: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(spelled for pair in chinese_pairs for _, spelled in pairs(pair)))


def derive_proper_pairs() -> str:
    """The two-character words CC-CEDICT writes only as a proper name ("闵行": 闵行区 Min3 hang2 Qu1; "长白": Chang2
    bai2), never as a common word (银行 yin2 hang2; 东方 is a surname and "east"), joined into one string."""
    from rag import cedict  # only to build the table, never when reading a question

    proper, common = set(), set()
    for _, simplified, rest in cedict.entries():  # "闵行区", "[Min3 hang2 Qu1] /Minhang District of Shanghai/"
        capitalised = rest[1:2].isupper()
        if len(simplified) == 2:
            (proper if capitalised else common).add(simplified)
        elif len(simplified) == 3 and simplified[2] in "区县市镇乡" and capitalised:
            proper.add(simplified[:2])
    return "".join(sorted(pair for pair in proper - common if _RUN.fullmatch(pair)))


_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def derive_name_spellings(proper_pairs: str) -> str:
    """Every spelling of those names that is no English word, space-separated: not one CC-CEDICT's senses write in
    lower case ("line": 李讷 Li3 Ne4, and /line/), nor a month or weekday (its senses capitalise them: "june", 居恩)."""
    from rag import cedict  # only to build the table, never when reading a question

    english = set(_MONTHS_AND_DAYS)
    for _, _, rest in cedict.entries():
        english.update(re.findall(r"(?<![A-Za-z])[a-z]{2,}", rest[rest.find("/") :]))
    spelled = _all_spellings(frozenset(proper_pairs[i : i + 2] for i in range(0, len(proper_pairs), 2)))
    return " ".join(sorted(spelled - english))


if __name__ == "__main__":
    from rag import cedict

    proper_pairs = derive_proper_pairs()
    cedict.write_table(
        Path(__file__).with_name("_names.py"),
        "python -m rag.pinyin",
        PROPER_PAIRS=proper_pairs,
        NAME_SPELLINGS=derive_name_spellings(proper_pairs),
    )

