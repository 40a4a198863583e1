"""Requests for a summary: "summarize the Minhang article", "这篇文章讲了什么", "what are these documents about".

A fact question is answered from a sentence or two; a summary request names a document (or none) and asks what
it says as a whole, which no single sentence picked by the question's words holds. Without a language model the
honest summary of a news-style document is its lead, the opening sentences that say who did what and when, so
that is what is quoted, each sentence cited like any other answer. With no document named and several searched,
the reply lists them, each with its opening sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.sentences import sentence_spans
from rag.terms import question_terms, term_set
from rag.types import Answer, Chunk, Citation, Hit

_DOC_EN = r"(?:article|document|doc|text|file|report|story|piece|news|paper|page)s?"
_DOC_ZH = r"(?:文章|文档|报道|新闻|材料|文件|稿件)"
_END = r"[\s?？.。!！]*$"
_REQUESTS = [
    re.compile(
        r"^(?:please\s+|can you\s+|could you\s+)?(?:summari[sz]e|sum up|give (?:me )?(?:a |an )?(?:short |brief |quick )?"
        r"(?:summary|overview|synopsis|gist) of|what(?:'s| is) the (?:gist|summary|main idea|main point) of"
        rf"|what are the main (?:points|ideas) of)(?:\s+(?P<topic>.*?))?{_END}",
        re.I,
    ),
    re.compile(
        rf"^(?:please\s+)?(?:give me |show me |i (?:want|need) )?(?:a |an )?(?:short |brief |quick )?(?:summary|overview|synopsis|tl;?dr)"
        rf"(?:\s+please)?{_END}",
        re.I,
    ),
    re.compile(rf"^what(?:'s| is| are)\s+(?P<topic>.*?\b{_DOC_EN})\s+(?:all\s+)?about{_END}", re.I),
    re.compile(rf"^what do(?:es)?\s+(?P<topic>.*?\b{_DOC_EN})\s+(?:say|cover|discuss|talk about|describe){_END}", re.I),
    re.compile(rf"^(?:请)?(?:帮我)?(?:概括|总结|归纳|概述|简述)(?:一下)?(?P<topic>.*?)(?:的(?:主要)?内容)?{_END}"),
    re.compile(rf"^(?P<topic>.*?{_DOC_ZH})(?:主要)?(?:讲|说|写|谈|介绍)了?(?:些)?(?:什么|啥)(?:内容)?{_END}"),
    re.compile(rf"^(?P<topic>.*?{_DOC_ZH})的?(?:主要内容|大意|要点|主旨)是(?:什么|啥){_END}"),
]
# Words of a request that point at a document rather than name what it is about.
_POINTERS = re.compile(
    rf"\b(?:the|this|that|these|those|it|them|a|an|each|every|all|of|about|on|your|my|me|for|please|{_DOC_EN})\b"
    rf"|这篇|这份|这个|这些|那篇|那份|那些|该|本|关于|有关|的|{_DOC_ZH}",
    re.I,
)
LEAD_CHARS = {"en": 300, "zh": 120}  # a summary quotes opening sentences until it has this many characters
LEAD_SENTENCES = 3
OVERVIEW_DOCUMENTS = 10
_HEADER = {
    "en": "The documents ({shown}):",
    "zh": "共有 {shown} 篇文档：",
}
_MORE = {
    "en": "The documents ({shown} of {total}; `rag docs` lists them all):",
    "zh": "共有 {total} 篇文档，下面列出 {shown} 篇（`rag docs` 列出全部）：",
}


def summary_topic(question: str) -> str | None:
    """What a summary request is about ("Minhang" for "summarize the Minhang article"; "" when it names no
    document), or None when the question is not a summary request."""
    for pattern in _REQUESTS:
        match = pattern.match(question.strip())
        if match:
            topic = match.groupdict().get("topic") or ""
            return " ".join(re.sub(r"[^\w\s'’-]", " ", _POINTERS.sub(" ", topic)).split())
    return None


def lead(chunks: Sequence[Chunk], lang: str) -> list[tuple[Chunk, int, int]]:
    """A document's opening sentences (chunk, start, end in the document), its title line and headings left out."""
    found: list[tuple[Chunk, int, int]] = []
    seen: set[int] = set()
    length = 0
    for chunk in sorted(chunks, key=lambda c: c.position):
        for start, end in sentence_spans(chunk.text, offset=chunk.start):
            if start in seen:  # overlapping chunks repeat sentences
                continue
            seen.add(start)
            text = chunk.text[start - chunk.start : end - chunk.start]
            if _is_heading(text, chunk.title):
                continue
            found.append((chunk, start, end))
            length += len(text)
            if length >= LEAD_CHARS[lang] or len(found) == LEAD_SENTENCES:
                return found
    return found


def _is_heading(sentence: str, title: str) -> bool:
    """A line without a closing mark that is the title (perhaps with a date after it) or short: "Promoting full and
    rigorous party self-governance". A title that is the opening sentence itself stays."""
    if re.search(r"[.!?。！？;；:：\"”’)]$", sentence):
        return False
    title = title.rstrip("…")  # a long title is cut short with an ellipsis
    return len(sentence) < 120 or bool(title) and (sentence.startswith(title) or title.startswith(sentence))


def names_document(topic: str, chunks: Sequence[Chunk]) -> bool:
    """Whether a document writes at least half of what a request names (its words; in Chinese, its bigrams)."""
    named = question_terms(topic)
    named = [t for t in named if len(t) > 1] or named
    written = term_set(" ".join(c.title + "\n" + c.text for c in chunks))
    return bool(named) and 2 * sum(t in written for t in named) >= len(named)


def summarize_document(question: str, chunks: Sequence[Chunk], lang: str) -> Answer:
    """The document's lead, each sentence cited."""
    citations = tuple(_citation(n, chunk, start, end) for n, (chunk, start, end) in enumerate(lead(chunks, lang), 1))
    text = " ".join(f"{c.text} [{c.marker}]" for c in citations) if lang == "en" else "".join(f"{c.text}[{c.marker}]" for c in citations)
    return Answer(question, text, citations, _hits(citations, chunks), confidence=1.0)


def overview(question: str, documents: dict[str, Sequence[Chunk]], lang: str) -> Answer:
    """Each document (the first OVERVIEW_DOCUMENTS by name): its title and its opening sentence, cited."""
    names = sorted(documents)
    shown = names[:OVERVIEW_DOCUMENTS]
    header = (_HEADER if len(shown) == len(names) else _MORE)[lang].format(shown=len(shown), total=len(names))
    lines, citations = [header], []
    for source in shown:
        chunks = documents[source]
        first = lead(chunks, lang)[:1]
        title = chunks[0].title
        line = f"- {source}" + (f" ({chunks[0].date})" if chunks[0].date else "") + ":"
        if first:
            citation = _citation(len(citations) + 1, *first[0])
            citations.append(citation)
            if title and not citation.text.startswith(title.rstrip("…")[:40]):  # unless it is the opening sentence
                line += f" {title} —"
            line += f" {citation.text} [{citation.marker}]"
        elif title:
            line += f" {title}"
        lines.append(line)
    every = [c for source in shown for c in documents[source]]
    return Answer(question, "\n".join(lines), tuple(citations), _hits(tuple(citations), every), confidence=1.0)


def _citation(marker: int, chunk: Chunk, start: int, end: int) -> Citation:
    return Citation(marker, chunk.source, chunk.chunk_id, start, end, chunk.text[start - chunk.start : end - chunk.start])


def _hits(citations: tuple[Citation, ...], chunks: Sequence[Chunk]) -> tuple[Hit, ...]:
    """The cited passages, in citation order, as the answer's passages."""
    by_id = {c.chunk_id: c for c in chunks}
    ids = dict.fromkeys(c.chunk_id for c in citations)
    return tuple(Hit(by_id[i], 1.0) for i in ids)
