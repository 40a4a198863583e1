"""Split a cleaned document into token-sized chunks with exact character offsets.

Chunks are sized by the embedding model's own tokenizer: all-MiniLM-L6-v2 reads
at most 256 word pieces and silently drops the rest, so a chunk sized by
characters can lose its tail from the vector.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.types import Chunk, Document

# Paragraphs, lines, then sentence ends in Chinese and English, then clauses, then words.
SEPARATORS = [
    "\n\n",
    "\n",
    "。",
    "！",
    "？",
    "；",
    ". ",
    "! ",
    "? ",
    "; ",
    "，",
    ",",
    "、",
    " ",
    "",
]

TokenCounter = Callable[[Sequence[str]], list[int]]


def make_splitter(count_tokens: TokenCounter, chunk_tokens: int, overlap_tokens: int) -> RecursiveCharacterTextSplitter:
    return RecursiveCharacterTextSplitter(
        separators=SEPARATORS,
        keep_separator="end",
        chunk_size=chunk_tokens,
        chunk_overlap=overlap_tokens,
        length_function=lambda text: count_tokens([text])[0],
        strip_whitespace=True,
        is_separator_regex=False,
    )


def _locate(text: str, pieces: list[str], count_tokens: TokenCounter, overlap_tokens: int) -> list[tuple[int, int]]:
    """Character spans of consecutive, possibly overlapping pieces of `text`.

    A repeated phrase can match in several places: the right one starts inside the
    previous piece (or at the next non-space character after it), carries at most
    `overlap_tokens` of it, and reaches past its end.
    """
    spans: list[tuple[int, int]] = []
    prev_start, prev_end = -1, 0
    for piece in pieces:
        limit = prev_end
        while limit < len(text) and text[limit].isspace():
            limit += 1
        chosen = fallback = None
        start = text.find(piece, prev_start + 1)
        while 0 <= start <= limit:
            if start + len(piece) > prev_end:
                fallback = start if fallback is None else fallback
                if start >= prev_end or count_tokens([text[start:prev_end]])[0] <= overlap_tokens:
                    chosen = start
                    break
            start = text.find(piece, start + 1)
        if chosen is None:
            chosen = fallback if fallback is not None else text.find(piece, prev_start + 1)
        if chosen < 0:  # the splitter never rewrites text, so this is a bug, not bad input
            raise AssertionError(f"chunk not found in its document: {piece[:60]!r}")
        spans.append((chosen, chosen + len(piece)))
        prev_start, prev_end = chosen, chosen + len(piece)
    return spans


def _split_oversized(
    text: str, start: int, end: int, count_tokens: TokenCounter, max_tokens: int
) -> list[tuple[int, int]]:
    """Halve a span (at a space when one is near) until every part fits the model."""
    if count_tokens([text[start:end]])[0] <= max_tokens or end - start < 2:
        return [(start, end)]
    middle = (start + end) // 2
    space = text.rfind(" ", start + 1, middle + 1)
    if space > start + (end - start) // 4:
        middle = space
    left = _split_oversized(text, start, middle, count_tokens, max_tokens)
    right_start = middle
    while right_start < end and text[right_start].isspace():
        right_start += 1
    return left + _split_oversized(text, right_start, end, count_tokens, max_tokens)


def chunk_document(
    document: Document,
    count_tokens: TokenCounter,
    chunk_tokens: int = 200,
    overlap_tokens: int = 30,
    max_tokens: int = 254,
) -> list[Chunk]:
    """Chunks of at most `max_tokens` word pieces, each with its `start`/`end` in `document.text`.

    `max_tokens` is the model's limit minus its two special tokens ([CLS], [SEP]).
    """
    splitter = make_splitter(count_tokens, min(chunk_tokens, max_tokens), overlap_tokens)
    pieces = [p for p in splitter.split_text(document.text) if p.strip()]
    spans: list[tuple[int, int]] = []
    for start, end in _locate(document.text, pieces, count_tokens, overlap_tokens):
        spans.extend(_split_oversized(document.text, start, end, count_tokens, max_tokens))
    return [
        Chunk(
            doc_id=document.doc_id,
            source=document.source,
            position=position,
            n_chunks=len(spans),
            start=start,
            end=end,
            text=document.text[start:end],
            title=document.title,
            date=document.date,
            lang=document.lang,
        )
        for position, (start, end) in enumerate(spans)
    ]
