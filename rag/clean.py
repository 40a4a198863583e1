"""Text cleaning and document metadata: pinyin glosses, stray markup tokens, whitespace.

Everything downstream (chunk offsets, citation spans) refers to the text this
module returns, so cleaning happens exactly once, before chunking.
"""

from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")

# A pinyin syllable: optional initial, a final, an optional tone number.
# Validating the syllable keeps "中国(China)" or "(Type B)" untouched.
_PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|a|e|i|o|u|v|ü|üe)"
    r"[1-5]?",
)
_TONE_MARKS = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")
_PINYIN_GLOSS = re.compile(f"(?<=[{CJK}])\\(([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,7}}[1-5]?)\\)")

# "html" glued to the next word ("htmlTen years"), or alone, at a line or sentence start.
# Mid-sentence ("the htmlParser class") it is prose and stays.
_HTML_GLUED = re.compile(r"(?m)(?:^[ \t]*|(?<=[.!?。”\"])|(?<=[.!?。”\"]\s))html(?=[A-Z])")
_HTML_LEADING = re.compile(r"(?m)(?:^|(?<=[.!?。”\"]\s))[ \t]*html[ \t]+(?=[A-Z\"“])")

# Full-width ASCII forms become ASCII, except the sentence-ending marks that the
# chunker and the sentence splitter treat as Chinese sentence ends.
_KEEP_FULLWIDTH = {"！", "？", "；"}
_FULLWIDTH = {
    chr(code): chr(code - 0xFEE0)
    for code in range(0xFF01, 0xFF5F)
    if chr(code) not in _KEEP_FULLWIDTH
}
_FULLWIDTH.update({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})
_FULLWIDTH_TABLE = str.maketrans(_FULLWIDTH)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _strip_pinyin(match: re.Match[str]) -> str:
    gloss = match.group(1).lower().translate(_TONE_MARKS)
    return "" if _PINYIN_SYLLABLE.fullmatch(gloss) else match.group(0)


def clean_text(text: str) -> str:
    """Return `text` with pinyin glosses, stray `html` tokens and messy whitespace removed.

    >>> clean_text("区人(ren)大常委会主任程绣(xiu)明 (Type B)")
    '区人大常委会主任程绣明 (Type B)'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _squeeze(text.translate(_FULLWIDTH_TABLE))
    # Until nothing changes: removing a gloss can bring the next one up against a character ("字(zi)(zi)").
    while (stripped := _PINYIN_GLOSS.sub(_strip_pinyin, text)) != text:
        text = stripped
    text = _HTML_GLUED.sub("", text)
    text = _HTML_LEADING.sub("", text)
    # Squeezed before the token rules (they look at the spaces around a token) and after them
    # (removing a token leaves spaces), so that cleaning twice changes nothing.
    return _squeeze(text).strip()


def _squeeze(text: str) -> str:
    text = re.sub(r"[ \t\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def detect_lang(text: str) -> str:
    """'zh' when CJK characters make up a large share of the letters, else 'en'."""
    sample = text[:5000]
    cjk = len(_CJK_CHAR.findall(sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    # One CJK character carries about as much as a short English word.
    return "zh" if cjk and cjk * 3 >= latin else "en"


_MONTHS = {
    name: number
    for number, name in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}
_MONTH_DATE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*,\s*(\d{4})\b",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _iso(year: str, month: int | str, day: str) -> str | None:
    y, m, d = int(year), int(month), int(day)
    if not (1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def find_date(text: str, head: int = 400) -> str | None:
    """The publication date stated near the top of the text, as yyyy-mm-dd.

    >>> find_date("Quarterly Work Meeting Held April 08,2024")
    '2024-04-08'
    """
    sample = text[:head]
    found: list[tuple[int, str | None]] = []
    for m in _MONTH_DATE.finditer(sample):
        found.append((m.start(), _iso(m.group(3), _MONTHS[m.group(1).lower()], m.group(2))))
    for m in _ISO_DATE.finditer(sample):
        found.append((m.start(), _iso(m.group(1), m.group(2), m.group(3))))
    for m in _ZH_DATE.finditer(sample):
        found.append((m.start(), _iso(m.group(1), m.group(2), m.group(3))))
    for _, iso in sorted(found):
        if iso:
            return iso
    return None


def find_title(text: str, fallback: str, max_chars: int = 120) -> str:
    """A short title: the first line when it is short, else the first sentence, clipped.

    A date at the end of a headline ("... Held April 08,2024") is dropped from the title.
    """
    first_line = text.split("\n", 1)[0].strip().lstrip("#").strip()
    if not first_line:
        return fallback
    if _CJK_CHAR.search(first_line[:20]):
        max_chars = min(max_chars, 40)  # a Chinese character carries about a word
    if len(first_line) > max_chars:
        sentence = re.split(r"(?<=[.!?。！？])\s*", first_line, maxsplit=1)[0]
        first_line = sentence if len(sentence) <= max_chars else sentence[: max_chars - 1].rstrip() + "…"
    title = _MONTH_DATE.sub("", first_line).strip(" |-–—,")
    return title or fallback
