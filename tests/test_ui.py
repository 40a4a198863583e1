"""Fast tests of the web UI's handlers and HTML rendering, over the seeds with the fake embedder."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import pytest

from rag.types import Answer, Chunk, Citation, DocumentInfo, Hit
from ui import render
from ui.app import Handlers, auth_from_env, build_app
from ui.uploads import MAX_UPLOAD_MB, UploadError, safe_name, save_upload

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
GREEN = "How many hectares of green space will Minhang complete this year?"
SCRIPT = "<script>window.__pwned=1</script>"


def _chunk(
    text: str, start: int = 100, source: str = "dir/evil.html", title: str = "T", date: str | None = "2024-04-08"
) -> Chunk:
    return Chunk(
        doc_id="d",
        source=source,
        position=0,
        n_chunks=1,
        start=start,
        end=start + len(text),
        text=text,
        title=title,
        date=date,
    )


def _answer(
    chunk: Chunk, citations: tuple[Citation, ...] = (), abstained: bool = False, text: str = "x [1]", **kw
) -> Answer:
    return Answer(question="q?", text=text, citations=citations, hits=(Hit(chunk, 1.0),), abstained=abstained, **kw)


def _no_context(chunk_id: str) -> tuple[str, str, str]:
    raise KeyError(chunk_id)


# -- rendering -------------------------------------------------------------------------


def test_highlight_marks_the_span_and_escapes_around_it():
    html = render.highlight("a <b> 80 hectares & more", 6, 17)
    assert html == "a &lt;b&gt; <mark>80 hectares</mark> &amp; more"


def test_highlight_without_a_valid_span_marks_nothing():
    assert "<mark>" not in render.highlight("text", 3, 99)
    assert "<mark>" not in render.highlight("text", 0, 0)


def test_span_in_chunk_uses_document_offsets_then_falls_back_to_search():
    chunk = _chunk("Before. The quoted span. After.", start=1000)
    exact = Citation(1, chunk.source, chunk.chunk_id, 1008, 1024, "The quoted span.")
    assert render.span_in_chunk(exact, chunk) == (8, 24)
    shifted = Citation(1, chunk.source, chunk.chunk_id, 5, 21, "The quoted span.")
    assert render.span_in_chunk(shifted, chunk) == (8, 24)


def test_script_in_a_document_is_escaped_everywhere():
    text = f"Code 4471. {SCRIPT} <img src=x onerror=alert(1)> **bold** $$x$$"
    chunk = _chunk(text, title=f"Title {SCRIPT}", source=f"up/{SCRIPT}.html")
    citation = Citation(1, chunk.source, chunk.chunk_id, 100, 110, "Code 4471.")
    answer = _answer(chunk, (citation,), text=f"{text} [1]", notes=(SCRIPT,), searched_query=SCRIPT)

    def context(chunk_id):
        return (SCRIPT, text, "<iframe src=//evil>")

    for html in (render.answer_bubble(answer), render.sources_panel(answer, context)):
        assert "<script" not in html and "<img" not in html and "<iframe" not in html
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<mark>Code 4471.</mark>" in render.sources_panel(answer, context)


def test_sources_panel_shows_file_title_date_passage_and_surrounding_text():
    chunk = _chunk("Green: 80 hectares of green space.", source="seeds/001.txt", title="Minhang report")
    citation = Citation(1, chunk.source, chunk.chunk_id, 107, 125, "80 hectares of gre")
    html = render.sources_panel(_answer(chunk, (citation,)), lambda cid: ("text before ", chunk.text, " text after"))
    assert "001.txt" in html and "Minhang report" in html and "2024-04-08" in html
    assert "<mark>80 hectares of gre</mark>" in html
    assert "<details" in html and "Show surrounding text" in html and "text before" in html and "text after" in html


def test_abstention_says_so_and_still_lists_the_closest_passages():
    answer = _answer(_chunk("Some nearby passage."), abstained=True, text="The documents don't say.")
    assert "Not found in the documents" in render.answer_bubble(answer)
    panel = render.sources_panel(answer, _no_context)
    assert "Closest passages" in panel and "Some nearby passage." in panel


def test_searched_query_is_shown_only_when_it_differs():
    chunk = _chunk("p")
    same = _answer(chunk, searched_query="q?")
    other = _answer(chunk, searched_query="pocket parks green space")
    assert "Searched for" not in render.answer_bubble(same)
    assert "Searched for: pocket parks green space" in render.answer_bubble(other)
    assert "pocket parks green space" in render.sources_panel(other, _no_context)


def test_document_rows_are_sorted_and_plain():
    rows = render.document_rows(
        [DocumentInfo("b", "b.txt", "B", None, "zh", 2), DocumentInfo("a", "a.txt", "A", "2024-01-01", "en", 3)]
    )
    assert rows == [["a.txt", "A", "2024-01-01", "en", 3], ["b.txt", "B", "", "zh", 2]]


# -- upload names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client_name", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\me\\My Notes.md", "My_Notes.md"),
        ("报告 2024.PDF", "报告_2024.pdf"),
        ("<script>alert(1)</script>.html", "script.html"),  # "/" ends a directory name
        ("<i>x</i>&y;z.txt", "i_y_z.txt"),
        ("...txt", "upload.txt"),
        ("ｆｕｌｌ.htm", "full.htm"),
    ],
)
def test_safe_name_strips_directories_and_unsafe_characters(client_name, expected):
    assert safe_name(client_name) == expected


def test_safe_name_dedupes_and_refuses_other_types():
    assert safe_name("a.txt", taken={"a.txt", "a-2.txt"}) == "a-3.txt"
    with pytest.raises(UploadError, match=r"\.exe"):
        safe_name("run.exe")
    with pytest.raises(UploadError):
        safe_name("README")


def test_every_kind_of_file_ingest_reads_can_be_uploaded():
    from rag.loaders import SUPPORTED_SUFFIXES

    for suffix in SUPPORTED_SUFFIXES:
        assert safe_name(f"notes{suffix.upper()}") == f"notes{suffix}"


def test_save_upload_refuses_large_files(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(int((MAX_UPLOAD_MB + 1) * 1_000_000))
    with pytest.raises(UploadError, match="MB"):
        save_upload(big, "big.txt", tmp_path / "uploads")
    assert not (tmp_path / "uploads" / "big.txt").exists()


# -- handlers over the seeds -----------------------------------------------------------


def test_ask_returns_a_cited_answer_and_remembers_the_question(seed_pipeline):
    handlers = Handlers(seed_pipeline)
    chat, questions, panel, box = handlers.ask(GREEN, [], [])
    assert box == "" and questions == [GREEN]
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert "80 hectares" in chat[1]["content"] and "[1]" in chat[1]["content"]
    assert "<mark>" in panel and "80 hectares" in panel


def test_follow_up_passes_the_previous_questions_as_history(seed_pipeline, monkeypatch):
    handlers = Handlers(seed_pipeline)
    chat, questions, _, _ = handlers.ask(GREEN, [], [])
    seen = {}
    original = seed_pipeline.ask

    def spy(question, **kw):
        seen.update(kw)
        return original(question, **kw)

    monkeypatch.setattr(seed_pipeline, "ask", spy)
    chat, questions, _, _ = handlers.ask("And how many pocket parks?", chat, questions)
    assert seen["history"] == [GREEN]
    assert questions == [GREEN, "And how many pocket parks?"] and len(chat) == 4


def test_empty_question_and_bad_settings_show_an_error(seed_pipeline):
    handlers = Handlers(seed_pipeline)
    with pytest.raises(gr.Error, match="empty"):
        handlers.ask("   ", [], [])
    with pytest.raises(gr.Error, match="YYYY-MM-DD"):
        handlers.ask(GREEN, [], [], date_from="April 2024")
    with pytest.raises(gr.Error, match="not available"):
        handlers.ask(GREEN, [], [], generator="openai")
    with pytest.raises(gr.Error, match="no document named"):
        handlers.ask(GREEN, [], [], sources=["nope.txt"])


def test_filters_reach_the_pipeline(seed_pipeline):
    handlers = Handlers(seed_pipeline)
    _, _, panel, _ = handlers.ask(GREEN, [], [], top_k=2, mode="bm25", sources=["003_613d43c8501668be.txt"])
    assert "001_0f473db965e7e286.txt" not in panel and "003_613d43c8501668be.txt" in panel
    _, _, panel, _ = handlers.ask(GREEN, [], [], date_from="2030-01-01")
    assert "No passage matched" in panel


def test_upload_stores_a_safe_name_ingests_and_can_be_asked_then_removed(seed_pipeline, tmp_path):
    handlers = Handlers(seed_pipeline)
    client = tmp_path / "client" / "zorb lax<1>.txt"
    client.parent.mkdir()
    client.write_text(f"The secret code of the Zorblax project is 4471. {SCRIPT}", encoding="utf-8")
    result, rows, *_ = handlers.upload([str(client)])
    stored = seed_pipeline.settings.index_dir / "uploads" / "zorb_lax_1.txt"
    assert stored.is_file() and "added" in result and "zorb_lax_1.txt" in result
    assert any(row[0] == "zorb_lax_1.txt" for row in rows)

    chat, _, panel, _ = handlers.ask("What is the secret code of the Zorblax project?", [], [])
    assert "4471" in chat[1]["content"] and "&lt;script&gt;" in panel and "<script" not in panel

    message, rows, *_ = handlers.remove("zorb_lax_1.txt")
    assert "Removed" in message and not stored.exists()
    assert all(row[0] != "zorb_lax_1.txt" for row in rows)


def test_upload_refuses_other_types_and_keeps_names_unique(seed_pipeline, tmp_path):
    handlers = Handlers(seed_pipeline)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    exe = tmp_path / "a" / "tool.exe"
    exe.write_bytes(b"MZ")
    first, second = tmp_path / "a" / "note.txt", tmp_path / "b" / "note.txt"
    first.write_text("Alpha note about apples.", encoding="utf-8")
    second.write_text("Beta note about bananas.", encoding="utf-8")
    result, *_ = handlers.upload([str(exe), str(first)])
    assert "refused" in result and "<b>note.txt</b>: added" in result
    result, *_ = handlers.upload([str(second)])
    assert "stored as note-2.txt" in result
    assert {"note.txt", "note-2.txt"} <= set(handlers.source_names())


def test_upload_of_a_duplicate_or_failing_file_keeps_no_stored_copy(seed_pipeline, tmp_path, monkeypatch):
    handlers = Handlers(seed_pipeline)
    copy = tmp_path / "copy.txt"
    copy.write_bytes((SEEDS_DIR / "001_0f473db965e7e286.txt").read_bytes())
    result, *_ = handlers.upload([str(copy)])
    assert "skipped" in result and not (handlers.uploads / "copy.txt").exists()

    def busy(*args, **kwargs):
        raise ValueError("the index is busy")

    monkeypatch.setattr(seed_pipeline, "ingest", busy)
    note = tmp_path / "note.txt"
    note.write_text("A note.", encoding="utf-8")
    with pytest.raises(gr.Error, match="busy"):
        handlers.upload([str(note)])
    assert not (handlers.uploads / "note.txt").exists()


def test_remove_needs_a_known_document(seed_pipeline):
    handlers = Handlers(seed_pipeline)
    with pytest.raises(gr.Error):
        handlers.remove(None)
    with pytest.raises(gr.Error, match="no document"):
        handlers.remove("../../etc/passwd")


def test_openai_generator_offered_only_when_configured(seed_pipeline):
    assert Handlers(seed_pipeline).generators() == ["extractive"]
    seed_pipeline.settings = seed_pipeline.settings.with_overrides(openai_base_url="http://127.0.0.1:9/v1")
    assert Handlers(seed_pipeline).generators() == ["extractive", "openai"]


def test_auth_from_env():
    assert auth_from_env({}) is None
    assert auth_from_env({"RAG_UI_AUTH": "ann:pa:ss"}) == ("ann", "pa:ss")
    with pytest.raises(ValueError, match="user:password"):
        auth_from_env({"RAG_UI_AUTH": "ann"})


def test_build_app_sets_queue_limits(seed_pipeline):
    demo = build_app(seed_pipeline)
    assert demo._queue.max_size is not None
    ask = next(fn for fn in demo.fns.values() if fn.api_name == "ask")
    assert ask.concurrency_limit >= 1
    upload = next(fn for fn in demo.fns.values() if fn.api_name == "upload")
    assert (
        upload.concurrency_limit == 1
        and upload.concurrency_id == next(fn for fn in demo.fns.values() if fn.api_name == "remove").concurrency_id
    )


def test_launch_warns_when_not_local(monkeypatch, capsys, seed_pipeline):
    import ui.app as app

    calls = {}
    monkeypatch.setattr(
        app, "serve", lambda demo, host, port, auth=None, block=True: calls.update(host=host, auth=auth)
    )
    monkeypatch.setattr(app, "Pipeline", lambda settings: seed_pipeline)
    monkeypatch.setenv("RAG_UI_AUTH", "ann:secret")
    assert app.launch(seed_pipeline.settings, host="0.0.0.0", port=1) == 0
    assert "warning" in capsys.readouterr().err
    assert calls == {"host": "0.0.0.0", "auth": ("ann", "secret")}
    monkeypatch.delenv("RAG_UI_AUTH")
    app.launch(seed_pipeline.settings)
    assert "warning" not in capsys.readouterr().err and calls["host"] == "127.0.0.1"


def test_launch_ingests_the_seeds_into_an_empty_index(monkeypatch, tmp_path, fake_embedder):
    import ui.app as app
    from rag.config import Settings
    from rag.pipeline import Pipeline

    pipeline = Pipeline(Settings(index_dir=tmp_path / "empty"), embedder=fake_embedder)
    monkeypatch.setattr(app, "serve", lambda *a, **kw: "")
    monkeypatch.setattr(app, "Pipeline", lambda settings: pipeline)
    monkeypatch.delenv("RAG_UI_AUTH", raising=False)
    app.launch(pipeline.settings)
    assert len(pipeline.documents()) == 5
    assert Path(tmp_path / "empty").is_dir()
