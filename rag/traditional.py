"""Traditional Chinese read as simplified: a question typed in Taipei or Hong Kong ("楊浦區區長是誰?") matches
documents written in Shanghai ("杨浦区区长"), and the other way round.

The fold maps one character to one character, so a folded text keeps every offset of the original and a
citation into it stays exact. The table (rag/_t2s.py) is derived from CC-CEDICT's paired spellings:
a traditional character is folded to the simplified one its words are written with, unless simplified
text also writes it as itself often enough (著 in 显著, 乾 in 乾隆) to make the fold a guess, or it is itself
the simplified form of another character (么, of 麼).
Regenerate it after a dictionary update with `python -m rag.traditional`, and raise LEXICAL_FORMAT
(rag/lexical.py) when it changes: saved lexical indexes hold the folded terms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from rag._t2s import SIMPLIFIED, TRADITIONAL

_TABLE = str.maketrans(TRADITIONAL, SIMPLIFIED)
# A character simplified text writes as itself in more than one word in ten where traditional writes it is kept.
_SELF_USE_LIMIT = 0.1


def to_simplified(text: str) -> str:
    """`text` with its traditional characters folded to simplified ones; same length, same offsets.

    >>> to_simplified("楊浦區區長是誰? Yangpu")
    '杨浦区区长是谁? Yangpu'
    """
    return text.translate(_TABLE)


def dictionary_spellings() -> Iterator[tuple[str, str]]:
    """CC-CEDICT's words as (traditional, simplified) spellings of the same length: "區長", "区长"."""
    from rag import cedict  # only to build the table (and in tests), never when folding

    for traditional, simplified, _ in cedict.entries():
        if len(traditional) == len(simplified):
            yield traditional, simplified


def derive_table() -> tuple[str, str]:
    """(traditional, simplified) characters, aligned, from the installed CC-CEDICT."""
    folded: defaultdict[str, Counter[str]] = defaultdict(Counter)
    as_itself: Counter[str] = Counter()
    for traditional, simplified in dictionary_spellings():
        for t, s in zip(traditional, simplified, strict=True):
            if t == s:
                as_itself[t] += 1
            else:
                folded[t][s] += 1
    simplified_forms = {s for targets in folded.values() for s in targets}  # 么 is 麼's simplified form: kept
    pairs = sorted(
        (t, targets.most_common(1)[0][0])
        for t, targets in folded.items()
        if as_itself[t] <= _SELF_USE_LIMIT * sum(targets.values()) and t not in simplified_forms
    )
    return "".join(t for t, _ in pairs), "".join(s for _, s in pairs)


if __name__ == "__main__":
    from rag import cedict

    traditional, simplified = derive_table()
    cedict.write_table(
        Path(__file__).with_name("_t2s.py"), "python -m rag.traditional", TRADITIONAL=traditional, SIMPLIFIED=simplified
    )
