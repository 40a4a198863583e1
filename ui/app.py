"""The Gradio app: a chat over the index with cited sources, settings, and a documents tab.

The only module that imports gradio. It builds the pipeline once and renders what
`Pipeline.ask`, `ingest`, `documents` and `context` return; HTML comes from ui/render.py.
Usage:
    demo = build_app(Pipeline(settings_from_env()))
    url = serve(demo, "127.0.0.1", 7860, block=False)
"""

from __future__ import annotations

import os
import sys
from datetime import date
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr

from rag.config import RETRIEVAL_MODES, Settings
from rag.errors import describe
from rag.ingest import IngestReport
from rag.pipeline import Pipeline, QuestionError
from ui import render
from ui.uploads import ALLOWED_SUFFIXES, MAX_UPLOAD_MB, UploadError, save_upload, upload_dir

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

# At most this many questions are answered at once. Answering is CPU-bound (the
# query embedding and the extractive scorer) and these machines have 2 cores, so
# more parallel work would only slow every answer down; 4 lets a short question
# overlap a long one without oversubscribing the cores. The pipeline is
# thread-safe for reads, so no lock of our own is needed here.
ASK_CONCURRENCY = 4
# Questions waiting beyond this are refused with "queue full" instead of piling
# up minutes of latency; at ~0.1-0.5 s per answer, 64 waiting is well under a minute.
QUEUE_MAX_SIZE = 64
# Uploads and removals write the index (Chroma plus the lexical files, under the
# index's file lock): one at a time, in their own group, so writes never queue behind questions.
WRITE_CONCURRENCY = 1
INGEST_WAIT_S = 10.0

EXAMPLES = [
    "How many hectares of green space will Minhang complete this year?",
    "Who is the mayor of Minhang District?",
    "区委副书记、区长是谁？",
    "这次区委中心组学习会是几月几号召开的？",
]

DOC_HEADERS = ["Source", "Title", "Date", "Language", "Chunks"]

# System fonts only: the default theme would fetch Google fonts, which this offline
# machine cannot reach. Noto CJK (fonts-noto-cjk) renders the Chinese text.
FONTS = ["system-ui", "Noto Sans", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"]
MONO_FONTS = ["ui-monospace", "Noto Sans Mono CJK SC", "monospace"]

CSS = """
.rag-sources h3 { margin: 0.6em 0 0.3em; font-size: 1rem; }
.rag-card { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 0.6em 0.8em; margin-bottom: 0.6em; }
.rag-card-head { font-size: 0.9rem; overflow-wrap: anywhere; }
.rag-file { font-family: var(--font-mono); }
.rag-date { color: var(--body-text-color-subdued); }
.rag-title { font-size: 0.85rem; color: var(--body-text-color-subdued); margin: 0.2em 0; overflow-wrap: anywhere; }
.rag-passage, .rag-context-text { line-height: 1.5; overflow-wrap: anywhere; }
.rag-sources mark, #chat mark { background: #ffe58a; color: #000; padding: 0 2px; border-radius: 2px; }
.rag-context summary { cursor: pointer; color: var(--link-text-color); margin-top: 0.3em; }
.rag-context-text { margin-top: 0.4em; padding: 0.5em; background: var(--background-fill-secondary); border-radius: 6px; }
.rag-dim { color: var(--body-text-color-subdued); }
.rag-here { color: var(--body-text-color); background: rgba(99, 102, 241, 0.10); }
.rag-abstained { color: #b45309; }
.rag-searched { color: var(--body-text-color-subdued); }
.rag-upload .rag-bad { color: #b91c1c; }
#sources { max-height: 78vh; overflow-y: auto; }
@media (max-width: 700px) { #sources { max-height: none; } #chat { height: 340px !important; } }
"""


# Gradio labels each chat message for screen readers with its raw content ("bot's message: <p class=…"):
# ours is HTML, so the tags would be read out. Keep each label in step with the message's visible text.
ACCESSIBLE_LABELS = """<script>
(() => {
  const marker = "'s message: ";
  const relabel = () => document.querySelectorAll(`#chat [aria-label*="${marker}"]`).forEach((el) => {
    const label = el.getAttribute("aria-label");
    const wanted = label.slice(0, label.indexOf(marker) + marker.length) + el.textContent.replace(/\\s+/g, " ").trim();
    if (label !== wanted) el.setAttribute("aria-label", wanted);
  });
  new MutationObserver(relabel).observe(document.documentElement, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-label"],
  });
})();
</script>"""


def _date_or_none(value: str | None, label: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise gr.Error(f"{label} must be a date like 2024-04-08 (YYYY-MM-DD), got {value!r}") from None


class Handlers:
    """The event handlers, as plain methods over one pipeline so tests can call them directly."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.uploads = upload_dir(pipeline.settings.index_dir)

    def generators(self) -> list[str]:
        """The generators this server can run: "openai" only when an endpoint is configured."""
        return ["extractive", "openai"] if self.pipeline.settings.openai_base_url else ["extractive"]

    def ask(
        self,
        question: str,
        chat: list[Any] | None,
        questions: list[str] | None,
        top_k: float | None = None,
        mode: str | None = None,
        generator: str | None = None,
        sources: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> tuple[list[Any], list[str], str, str]:
        """Answer one chat turn; returns (chat, previous questions, sources panel HTML, cleared question box)."""
        chat, questions = list(chat or []), list(questions or [])
        if generator and generator not in self.generators():
            raise gr.Error(f"the {generator!r} generator is not available on this server")
        try:
            answer = self.pipeline.ask(
                question,
                top_k=int(top_k) if top_k else None,
                mode=mode or None,
                generator=generator or None,
                sources=list(sources or []) or None,
                date_from=_date_or_none(date_from, "From date"),
                date_to=_date_or_none(date_to, "To date"),
                history=questions,
            )
        except QuestionError as error:
            raise gr.Error(str(error)) from None
        chat += [
            {"role": "user", "content": render.question_bubble(answer.question)},
            {"role": "assistant", "content": render.answer_bubble(answer)},
        ]
        return chat, questions + [answer.question], render.sources_panel(answer, self.pipeline.context), ""

    def new_chat(self) -> tuple[list[Any], list[str], str, str]:
        return [], [], render.empty_sources_panel(), ""

    def source_names(self) -> list[str]:
        return sorted(d.source for d in self.pipeline.documents())

    def refresh(self, selected: list[str] | None = None) -> tuple[list[list[Any]], Any, Any]:
        """The documents table and the two document pickers, after the index changed."""
        names = self.source_names()
        kept = [s for s in (selected or []) if s in names]
        return (
            render.document_rows(self.pipeline.documents()),
            gr.Dropdown(choices=names, value=kept or None),
            gr.Dropdown(choices=names, value=None),
        )

    def upload(self, files: list[str] | None, selected: list[str] | None = None) -> tuple[str, Any, Any, Any, None]:
        """Store each uploaded file under a safe name and ingest it; one result line per file."""
        saved: list[tuple[str, str]] = []
        refused: list[tuple[str, str]] = []
        paths: list[Path] = []
        taken = set(self.source_names())
        for temp in files or []:
            temp_path = Path(temp)
            client_name = temp_path.name
            try:
                stored = save_upload(temp_path, client_name, self.uploads, taken)
            except UploadError as error:
                refused.append((client_name, str(error)))
                continue
            taken.add(stored.name)
            saved.append((client_name, stored.name))
            paths.append(stored)
        report = self._ingest(paths) if paths else None
        if report is not None:  # keep no stored copy of a file the index refused
            skipped = {render.file_name(path) for path, _ in report.skipped}
            for path in paths:
                if path.name in skipped:
                    path.unlink(missing_ok=True)
        return (render.upload_results(saved, report, refused), *self.refresh(selected), None)

    def _ingest(self, paths: list[Path]) -> IngestReport:
        try:
            # wait_s: another writer (a `rag ingest` run, say) may hold the index lock for a moment.
            return self.pipeline.ingest(paths, prune=False, wait_s=INGEST_WAIT_S, max_file_mb=MAX_UPLOAD_MB)
        except Exception as error:
            for path in paths:
                path.unlink(missing_ok=True)
            message = describe(error)
            if message is None:
                raise
            raise gr.Error(f"the upload could not be indexed: {message}") from None

    def remove(self, source: str | None, selected: list[str] | None = None) -> tuple[str, Any, Any, Any]:
        """Remove one document from the index, and its stored upload if it was uploaded here."""
        if not source:
            raise gr.Error("choose a document to remove")
        if source not in self.source_names():
            raise gr.Error(f"no document named {source} in the index")
        report = self.pipeline.remove([source])
        stored = self.uploads / source
        if "/" not in source and stored.parent == self.uploads and stored.is_file():
            stored.unlink()
        message = f"<p>Removed <b>{escape(source)}</b>.</p><p><small>{render.text_html(report.summary())}</small></p>"
        return (message, *self.refresh(selected))


def build_app(pipeline: Pipeline) -> gr.Blocks:
    """The page: a Chat tab (chat, sources, settings) and a Documents tab (table, upload, remove)."""
    handlers = Handlers(pipeline)
    settings = pipeline.settings
    generators = handlers.generators()

    # delete_cache: gradio keeps each uploaded file in its own cache as well; we copy it
    # into the index's upload folder, so drop gradio's copies after an hour.
    with gr.Blocks(title="Ask the documents", analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.Markdown("## Ask the documents\nAnswers quote the indexed documents; every claim links to its passage.")
        questions = gr.State([])
        with gr.Tab("Chat"):
            with gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=340):
                    chatbot = gr.Chatbot(
                        label="Chat",
                        elem_id="chat",
                        height=480,
                        # Messages are HTML we build from escaped text: no Markdown or LaTeX
                        # parsing of document text, and gradio's sanitizer as a second guard.
                        render_markdown=False,
                        sanitize_html=True,
                        latex_delimiters=[],
                        feedback_options=None,
                        buttons=["copy"],
                        placeholder="Ask about the indexed documents, in English or Chinese.",
                    )
                    with gr.Row():
                        question = gr.Textbox(
                            show_label=False,
                            placeholder="Ask a question… 也可以用中文提问",
                            elem_id="question",
                            scale=5,
                            max_lines=4,
                        )
                        ask_button = gr.Button("Ask", variant="primary", elem_id="ask", scale=1, min_width=72)
                    gr.Examples(EXAMPLES, inputs=[question], label="Example questions")
                    new_chat = gr.Button("New chat", size="sm", elem_id="new-chat")
                    with gr.Accordion("Settings", open=False, elem_id="settings"):
                        top_k = gr.Slider(1, 20, value=settings.top_k, step=1, label="Passages to retrieve (top-k)")
                        mode = gr.Radio(list(RETRIEVAL_MODES), value=settings.mode, label="Retrieval mode")
                        generator = gr.Radio(
                            generators,
                            value=settings.generator if settings.generator in generators else "extractive",
                            label="Answer generator",
                            info=None
                            if len(generators) > 1
                            else "Set RAG_OPENAI_BASE_URL to enable the openai generator.",
                            interactive=len(generators) > 1,
                        )
                        source_filter = gr.Dropdown(
                            [], multiselect=True, label="Only these documents", elem_id="source-filter"
                        )
                        with gr.Row():
                            date_from = gr.Textbox(label="From date", placeholder="YYYY-MM-DD", min_width=120)
                            date_to = gr.Textbox(label="To date", placeholder="YYYY-MM-DD", min_width=120)
                with gr.Column(scale=2, min_width=320):
                    panel = gr.HTML(render.empty_sources_panel(), label="Sources", elem_id="sources")

        with gr.Tab("Documents", elem_id="documents-tab"):
            table = gr.Dataframe(
                headers=DOC_HEADERS,
                interactive=False,
                wrap=True,
                column_widths=["24%", "48%", "12%", "8%", "8%"],
                elem_id="docs",
            )
            files = gr.File(
                label=f"Add documents ({' '.join(ALLOWED_SUFFIXES)}, at most {MAX_UPLOAD_MB} MB each)",
                file_count="multiple",
                file_types=list(ALLOWED_SUFFIXES),
                height=160,
                elem_id="upload",
            )
            upload_result = gr.HTML(label="Upload result", elem_id="upload-result")
            with gr.Row():
                to_remove = gr.Dropdown([], label="Document to remove", elem_id="remove-choice", scale=3)
                remove_button = gr.Button("Remove from index", variant="stop", elem_id="remove", scale=1)
            remove_result = gr.HTML(label="Remove result", elem_id="remove-result")

        ask_inputs = [question, chatbot, questions, top_k, mode, generator, source_filter, date_from, date_to]
        gr.on(
            triggers=[question.submit, ask_button.click],
            fn=handlers.ask,
            inputs=ask_inputs,
            outputs=[chatbot, questions, panel, question],
            api_name="ask",
            concurrency_id="ask",
            concurrency_limit=ASK_CONCURRENCY,
        )
        new_chat.click(handlers.new_chat, outputs=[chatbot, questions, panel, question], api_name="new_chat")
        # The chatbot's own trash button empties the chat: forget its questions too.
        chatbot.clear(handlers.new_chat, outputs=[chatbot, questions, panel, question], api_visibility="private")
        demo.load(
            handlers.refresh, inputs=[source_filter], outputs=[table, source_filter, to_remove], api_name="documents"
        )
        files.upload(
            handlers.upload,
            inputs=[files, source_filter],
            outputs=[upload_result, table, source_filter, to_remove, files],
            api_name="upload",
            concurrency_id="index-write",
            concurrency_limit=WRITE_CONCURRENCY,
        )
        remove_button.click(
            handlers.remove,
            inputs=[to_remove, source_filter],
            outputs=[remove_result, table, source_filter, to_remove],
            api_name="remove",
            concurrency_id="index-write",
            concurrency_limit=WRITE_CONCURRENCY,
        )
    demo.queue(max_size=QUEUE_MAX_SIZE, default_concurrency_limit=ASK_CONCURRENCY)
    return demo


def theme() -> gr.themes.Base:
    return gr.themes.Soft(font=FONTS, font_mono=MONO_FONTS)


def auth_from_env(environ: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(user, password) from RAG_UI_AUTH="user:password", or None when it is unset."""
    raw = (os.environ if environ is None else environ).get("RAG_UI_AUTH", "")
    if not raw:
        return None
    user, colon, password = raw.partition(":")
    if not colon or not user or not password:
        raise ValueError("RAG_UI_AUTH must look like user:password (both non-empty)")
    return user, password


def serve(
    demo: gr.Blocks, host: str = "127.0.0.1", port: int = 7860, auth: tuple[str, str] | None = None, block: bool = True
) -> str:
    """Start the server; returns its URL (after Ctrl-C when `block`). Serves no files outside gradio's own upload cache."""
    _, url, _ = demo.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        max_file_size=f"{MAX_UPLOAD_MB}mb",
        prevent_thread_lock=not block,
        show_error=True,
        ssr_mode=False,
        mcp_server=False,
        footer_links=["api"],
        theme=theme(),
        css=CSS,
        head=ACCESSIBLE_LABELS,
        quiet=not block,
    )
    return url


def launch(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> int:
    """`rag ui`: open the index (ingesting the seeds when it is empty) and serve the app until Ctrl-C."""
    from rag.cli import ingest_seeds_if_empty

    if host not in LOCAL_HOSTS:
        print(
            f"warning: serving on {host}, not 127.0.0.1: anyone who can reach this machine can use the UI"
            " and upload documents. Set RAG_UI_AUTH=user:password to require a login.",
            file=sys.stderr,
        )
    auth = auth_from_env()
    pipeline = Pipeline(settings)
    ingest_seeds_if_empty(pipeline)
    print("Loading the embedding model…", file=sys.stderr)
    pipeline.warm_up()
    serve(build_app(pipeline), host, port, auth=auth, block=True)
    return 0
