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


MAX_PLACES = 16  # possible places kept per piece: bounds the work on very repetitive text


def _locate(text: str, pieces: list[str], count_tokens: TokenCounter, overlap_tokens: int) -> list[tuple[int, int]]:
    """Character spans of consecutive, possibly overlapping pieces of `text`.

    A repeated phrase can match in several places. A piece's place starts inside the
    previous piece (or at the next non-space character after it), carries at most
    `overlap_tokens` of it, and reaches past its end; and the last piece ends where the
    text does. Every place that fits is followed (most texts have one), so an early
    choice that would strand the rest of the text is dropped.
    """
    if not pieces:
        return []
    end_of_text = len(text.rstrip())
    # places[i]: each possible start of piece i -> the start of piece i - 1 it follows.
    places: list[dict[int, int]] = []
    for index, piece in enumerate(pieces):
        previous = places[-1] if index else {-1: -1}
        strict: dict[int, int] = {}
        loose: dict[int, int] = {}
        for prev_start in sorted(previous):
            prev_end = prev_start + len(pieces[index - 1]) if index else 0
            limit = prev_end
            while limit < len(text) and text[limit].isspace():
                limit += 1
            start = text.find(piece, prev_start + 1)
            while 0 <= start <= limit:
                if start + len(piece) > prev_end:
                    loose.setdefault(start, prev_start)
                    if start >= prev_end or count_tokens([text[start:prev_end]])[0] <= overlap_tokens:
                        strict.setdefault(start, prev_start)
                start = text.find(piece, start + 1)
        found = strict or loose
        if not found:  # the splitter never rewrites text, so this is a bug, not bad input
            prev_start = min(previous)
            start = text.find(piece, prev_start + 1)
            if start < 0:
                raise AssertionError(f"chunk not found in its document: {piece[:60]!r}")
            found = {start: prev_start}
        places.append(dict(sorted(found.items())[:MAX_PLACES]))
    ends = [s for s in places[-1] if s + len(pieces[-1]) == end_of_text] or sorted(places[-1])
    starts = [ends[0]]
    for index in range(len(pieces) - 1, 0, -1):
        starts.append(places[index][starts[-1]])
    starts.reverse()
    return [(start, start + len(piece)) for start, piece in zip(starts, pieces, strict=True)]


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


def chunking_key(chunk_tokens: int, overlap_tokens: int, max_tokens: int) -> str:
    """How a chunk was cut, stored with it: a document cut otherwise is chunked again on the next ingest."""
    return f"{min(chunk_tokens, max_tokens)}/{overlap_tokens}"


def chunk_document(
    document: Document,
    count_tokens: TokenCounter,
    chunk_tokens: int = 254,
    overlap_tokens: int = 30,
    max_tokens: int = 254,
) -> list[Chunk]:
    """Chunks of at most `max_tokens` word pieces, each with its `start`/`end` in `document.text`.

    `max_tokens` is the model's limit minus its two special tokens ([CLS], [SEP]).
    """
    splitter = make_splitter(count_tokens, min(chunk_tokens, max_tokens), overlap_tokens)
    chunking = chunking_key(chunk_tokens, overlap_tokens, max_tokens)
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
            chunking=chunking,
        )
        for position, (start, end) in enumerate(spans)
    ]
