"""Turn answers, passages and ingest reports into HTML for the page.

Every string that comes from a document, a question or the pipeline goes through
`html.escape` before it is wrapped in our own markup, so a `<script>` tag, an
`onerror=` attribute or Markdown in a document is shown as text and never runs.
Usage:
    bubble = answer_bubble(answer)                  # for the chat
    panel = sources_panel(answer, pipeline.context)  # for the sources beside it
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from pathlib import PurePosixPath

from rag.ingest import IngestReport
from rag.types import Answer, Chunk, Citation, DocumentInfo, Hit

# How much neighbouring text "show surrounding text" adds on each side of a passage.
CONTEXT_CHARS = 600
TITLE_CHARS = 90

Context = Callable[[str], tuple[str, str, str]]  # chunk_id -> (before, passage, after)


def text_html(text: str) -> str:
    """Plain text as HTML: escaped, with line breaks kept."""
    return escape(text).replace("\n", "<br>")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def file_name(source: str) -> str:
    return PurePosixPath(source).name or source


def highlight(passage: str, start: int, end: int) -> str:
    """The passage as HTML with passage[start:end] wrapped in <mark>; no mark when the span is empty or out of range."""
    if not 0 <= start < end <= len(passage):
        return text_html(passage)
    return f"{text_html(passage[:start])}<mark>{text_html(passage[start:end])}</mark>{text_html(passage[end:])}"


def span_in_chunk(citation: Citation, chunk: Chunk) -> tuple[int, int]:
    """Where the quoted span lies in the chunk's text: from the document offsets, else by searching for it."""
    start, end = citation.start - chunk.start, citation.end - chunk.start
    if 0 <= start < end <= len(chunk.text) and chunk.text[start:end] == citation.text:
        return start, end
    found = chunk.text.find(citation.text) if citation.text else -1
    return (found, found + len(citation.text)) if found >= 0 else (0, 0)


def answer_bubble(answer: Answer) -> str:
    """The assistant's chat message: the answer with its [n] markers, the sources it cites, and the searched query."""
    parts = []
    if answer.abstained:
        parts.append('<div class="rag-abstained"><b>Not found in the documents.</b></div>')
    parts.append(f'<div class="rag-answer">{text_html(answer.text)}</div>')
    if answer.citations:
        cited = "; ".join(f"[{c.marker}] {escape(file_name(c.source))}" for c in _unique_markers(answer.citations))
        parts.append(f'<div class="rag-cited"><small>Sources: {cited}</small></div>')
    if searched_differs(answer):
        parts.append(
            f'<div class="rag-searched"><small><i>Searched for: {escape(answer.searched_query)}</i></small></div>'
        )
    for note in answer.notes:
        parts.append(f'<div class="rag-note"><small>{escape(note)}</small></div>')
    return "".join(parts)


def searched_differs(answer: Answer) -> bool:
    return bool(answer.searched_query) and answer.searched_query.strip() != answer.question.strip()


def question_bubble(question: str) -> str:
    """The user's chat message, escaped (the chatbot renders HTML)."""
    return text_html(question)


def sources_panel(answer: Answer, context: Context) -> str:
    """The cited passages, each with its quoted span marked and its surrounding text on demand; then the other passages found."""
    hits_by_id = {hit.chunk.chunk_id: hit for hit in answer.hits}
    parts = ['<div class="rag-sources">']
    if searched_differs(answer):
        parts.append(f'<p class="rag-searched">Searched for: <b>{escape(answer.searched_query)}</b></p>')
    cited_ids: set[str] = set()
    if answer.citations:
        parts.append("<h3>Cited sources</h3>")
        for citation in _unique_markers(answer.citations):
            hit = hits_by_id.get(citation.chunk_id)
            parts.append(_cited_card(citation, hit, context))
            cited_ids.add(citation.chunk_id)
    others = [hit for hit in answer.hits if hit.chunk.chunk_id not in cited_ids]
    if others:
        heading = "Closest passages" if answer.abstained or not answer.citations else "Other passages found"
        parts.append(f"<h3>{heading}</h3>")
        parts.extend(_passage_card(hit.chunk, (0, 0), context, label=f"#{rank}") for rank, hit in enumerate(others, 1))
    if not answer.citations and not others:
        parts.append("<p>No passage matched the question and filters.</p>")
    parts.append("</div>")
    return "".join(parts)


def empty_sources_panel() -> str:
    return '<div class="rag-sources"><p>Ask a question: the passages behind the answer appear here.</p></div>'


def _unique_markers(citations: Sequence[Citation]) -> list[Citation]:
    seen: dict[int, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.marker, citation)
    return [seen[m] for m in sorted(seen)]


def _cited_card(citation: Citation, hit: Hit | None, context: Context) -> str:
    if hit is not None:
        return _passage_card(hit.chunk, span_in_chunk(citation, hit.chunk), context, label=f"[{citation.marker}]")
    # The cited chunk is not among the hits (should not happen): show the quote alone.
    return (
        f'<div class="rag-card"><div class="rag-card-head"><b>[{citation.marker}]</b> '
        f'<span class="rag-file">{escape(file_name(citation.source))}</span></div>'
        f'<div class="rag-passage"><mark>{text_html(citation.text)}</mark></div></div>'
    )


def _passage_card(chunk: Chunk, span: tuple[int, int], context: Context, label: str) -> str:
    meta = [f'<span class="rag-file">{escape(file_name(chunk.source))}</span>']
    if chunk.date:
        meta.append(f'<span class="rag-date">{escape(chunk.date)}</span>')
    title = f'<div class="rag-title">{escape(clip(chunk.title, TITLE_CHARS))}</div>' if chunk.title else ""
    return (
        f'<div class="rag-card" data-chunk="{escape(chunk.chunk_id)}">'
        f'<div class="rag-card-head"><b>{escape(label)}</b> {" · ".join(meta)}</div>{title}'
        f'<div class="rag-passage">{highlight(chunk.text, *span)}</div>'
        f"{_surrounding(chunk, span, context)}</div>"
    )


def _surrounding(chunk: Chunk, span: tuple[int, int], context: Context) -> str:
    try:
        before, passage, after = context(chunk.chunk_id)
    except KeyError:
        return ""
    if not before and not after:
        return '<details class="rag-context"><summary>Show surrounding text</summary><p><small>This passage is the whole document.</small></p></details>'
    head = ("…" if len(before) > CONTEXT_CHARS else "") + before[-CONTEXT_CHARS:]
    tail = after[:CONTEXT_CHARS] + ("…" if len(after) > CONTEXT_CHARS else "")
    return (
        '<details class="rag-context"><summary>Show surrounding text</summary>'
        f'<div class="rag-context-text"><span class="rag-dim">{text_html(head)}</span>'
        f'<span class="rag-here">{highlight(passage, *span)}</span>'
        f'<span class="rag-dim">{text_html(tail)}</span></div></details>'
    )


def document_rows(documents: Sequence[DocumentInfo]) -> list[list[str | int]]:
    """Rows for the documents table (the table shows plain text, not HTML)."""
    return [
        [d.source, clip(d.title, TITLE_CHARS), d.date or "", d.lang, d.n_chunks]
        for d in sorted(documents, key=lambda d: d.source)
    ]


def upload_results(
    saved: Sequence[tuple[str, str]], report: IngestReport | None, refused: Sequence[tuple[str, str]]
) -> str:
    """One line per uploaded file: (client name, stored name) pairs checked against the ingest report."""
    statuses = {}
    if report is not None:
        for kind in ("added", "updated", "unchanged", "removed"):
            for source in getattr(report, kind):
                statuses[file_name(source)] = kind
        for path, reason in report.skipped:
            statuses[file_name(path)] = f"skipped: {reason}"
    rows = []
    for client_name, stored in saved:
        status = statuses.get(stored, "not ingested")
        renamed = f" (stored as {escape(stored)})" if stored != client_name else ""
        ok = "ok" if status in ("added", "updated", "unchanged") else "bad"
        rows.append(f'<li class="rag-{ok}"><b>{escape(client_name)}</b>{renamed}: {escape(status)}</li>')
    for client_name, reason in refused:
        rows.append(f'<li class="rag-bad"><b>{escape(client_name)}</b>: refused, {escape(reason)}</li>')
    summary = f"<p><small>{text_html(report.summary())}</small></p>" if report is not None else ""
    return f'<ul class="rag-upload">{"".join(rows)}</ul>{summary}'
