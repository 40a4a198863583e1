"""Chinese characters spelled in pinyin, so that a name matches across scripts.

A Chinese question writes 闵行 where the English article writes Minhang. Tones are dropped, and a character
with several readings (行: xing, hang) gives each of them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from rag.clean import CJK

_RUN = re.compile(f"[{CJK}]+")
# Two characters before the kind of place they name: 闵行区, 殷行街道, 吴泾镇, 龙吴路. Any two characters would
# spell English words by chance: 支持哪类 holds "chi na", 几年 has a rare reading "ji ning".
_PLACE = re.compile(f"([{CJK}]{{2}})(?=\\s*(?:区|街道|镇|路|市|县|乡|村))")


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
    """The pairs of characters that name a place, by the word after them, with their spellings."""
    return [(pair, spelled) for pair in _PLACE.findall(text) for _, spelled in pairs(pair)]

