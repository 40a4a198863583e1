"""Ingest robustness: bad files are skipped with a reason, sync updates and prunes, check() finds what is wrong."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, FakeEmbedder

from rag.config import Settings
from rag.index import Index
from rag.lexical import LexicalIndex
from rag.pipeline import Pipeline

TESTS = Path(__file__).resolve().parent
GOOD_TEXT = "The river Alpha flows north through the valley of Bethany.\n\nIt floods every spring, said Mayor Ida Brown."
GBK_TEXT = "闵行区今年将完成绿地建设一百公顷，新建公园十座。市民可以在家门口享受自然。"

# `rag` in a child process with the fake embedder: the real CLI code, without the 10 s model load.
FAKE_CLI = r"""
import sys
sys.path.insert(0, sys.argv[1])
from conftest import FakeEmbedder
import rag.pipeline
rag.pipeline.make_embedder = lambda *args, **kwargs: FakeEmbedder()
from rag.cli import main
sys.exit(main(sys.argv[2:]))
"""


def run_cli(*args: str, real: bool = False, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `rag ARGS` (the fake embedder unless `real`)."""
    command = [str(Path(sys.executable).parent / "rag"), *args] if real else [sys.executable, "-c", FAKE_CLI, str(TESTS), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def text_pdf(text: str) -> bytes:
    """A minimal one-page PDF with `text` in a Helvetica text stream (pypdf cannot write text)."""
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def blank_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# file name -> what the skip reason must say (None: the file must be indexed).
EXPECTED = {
    "good.txt": None,
    "gbk.txt": None,
    "broken_utf8.txt": None,
    "text.pdf": None,
    "page.html": None,
    "empty.txt": "empty file",
    "empty.md": "empty file",
    "binary.txt": "binary",
    "binary_no_nul.md": "not text",
    "huge.txt": "over the 20 MB limit",
    "scan.pdf": "no text layer",
    "broken.pdf": "unreadable PDF",
    "self_loop.txt": "symbolic links",
    "dangling.txt": "No such file",
    "pipe.txt": "not a regular file",
    "image.png": "unsupported file type",
    "sub/dup.txt": "duplicate of good.txt",
    "sub/loop": "symbolic link loop",
}


def make_bad_folder(folder: Path) -> Path:
    """Good files mixed with every kind of bad one (the 50 MB file only ever lives in tmp_path)."""
    import random

    rng = random.Random(5)
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "gbk.txt").write_bytes(GBK_TEXT.encode("gbk"))
    middle = b"\xff\xfe\xc3 and \xed\xa0\x80"
    (folder / "broken_utf8.txt").write_bytes(
        "Café owners in Gamma town sell coffee. ".encode() * 20 + middle + b" More about the Delta harbour." * 20
    )
    (folder / "text.pdf").write_bytes(text_pdf("Epsilon station opened in 1999 near the lake."))
    (folder / "page.html").write_text(
        "<html><head><title>Zeta page</title><style>.secretstyle{color:red}</style>"
        "<script>var secretscript = 1;</script></head><body><h1>Zeta</h1><p>Zeta mountain is tall.</p>"
        "<script>alert('secretscripttwo')</script><noscript>secretnoscript</noscript></body></html>",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "empty.md").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)) + b"\x00")
    (folder / "binary_no_nul.md").write_bytes(bytes(rng.randrange(128, 256) for _ in range(5000)))
    with (folder / "huge.txt").open("wb") as handle:
        block = b"lorem ipsum dolor sit amet " * 40000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(block)
    (folder / "scan.pdf").write_bytes(blank_pdf())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage" * 5)
    os.symlink("self_loop.txt", folder / "self_loop.txt")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (folder / "sub" / "dup.txt").write_text(GOOD_TEXT, encoding="utf-8")
    os.symlink("..", folder / "sub" / "loop")
    return folder


def _skip_reasons(report) -> dict[str, str]:
    return {Path(path).as_posix(): reason for path, reason in report.skipped}


def _relative(reasons: dict[str, str], root: Path) -> dict[str, str]:
    return {Path(p).relative_to(root).as_posix() if p.startswith(str(root)) else p: r for p, r in reasons.items()}


def test_bad_files_are_skipped_with_a_reason_and_good_ones_indexed(tmp_path, monkeypatch):
    folder = make_bad_folder(tmp_path / "docs")
    locked = folder / "locked.txt"
    locked.write_text("Locked text about the Theta lighthouse.", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:
        # root reads a chmod-000 file anyway: simulate the refusal a normal user would get.
        real_open = Path.open

        def refusing_open(self, *args, **kwargs):
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refusing_open)
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())
    report = pipeline.ingest([folder])

    reasons = _relative(_skip_reasons(report), folder)
    for name, expected in EXPECTED.items():
        if expected is None:
            assert name not in reasons, f"{name} was skipped: {reasons.get(name)}"
            assert name in report.added
        else:
            assert name in reasons, f"{name} was not reported as skipped"
            assert expected in reasons[name], f"{name}: {reasons[name]!r}"
    assert "permission denied" in reasons["locked.txt"]
    assert sorted(report.added) == sorted(n for n, e in EXPECTED.items() if e is None)
    assert all("\n" not in reason for reason in reasons.values())
    assert len(report.summary().splitlines()) == 1 + len(report.skipped)

    index = pipeline.index
    chunks = [chunk for _, chunk in index.store.iter_chunks()]
    assert index.check() == []
    texts = "\n".join(c.text for c in chunks)
    for secret in ("secretstyle", "secretscript", "secretscripttwo", "secretnoscript"):
        assert secret not in texts
    by_source = {d.source: d for d in pipeline.documents()}
    assert by_source["page.html"].title == "Zeta page"
    assert "绿地建设一百公顷" in texts  # GBK decoded, not mojibake
    assert "Epsilon station opened in 1999" in texts
    assert "Delta harbour" in texts and "Gamma town" in texts
    assert "sub/dup.txt" not in by_source  # stored once, under the first name
    assert sum("The river Alpha flows north" in c.text for c in chunks) == 1


def test_rag_ingest_exits_3_with_one_line_reasons_and_no_traceback(tmp_path):
    folder = make_bad_folder(tmp_path / "docs")
    index = tmp_path / "index"
    result = run_cli("ingest", str(folder), "--index", str(index), "--quiet")
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("documents: 5 added")
    skipped = [line for line in lines[1:] if line.startswith("  skipped ")]
    assert len(skipped) == len(lines) - 1 == sum(e is not None for e in EXPECTED.values())

    # --json says the same; nothing new to add, the same files skipped: still 3.
    again = run_cli("ingest", str(folder), "--index", str(index), "--json")
    assert again.returncode == 3
    data = json.loads(again.stdout)
    assert sorted(data["unchanged"]) == sorted(n for n, e in EXPECTED.items() if e is None)
    assert data["added"] == [] and data["removed"] == []

    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    ok = run_cli("ingest", str(clean), "--index", str(tmp_path / "index2"), "--quiet")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip().endswith("0 skipped (" + ok.stdout.strip().split("(")[-1])


@pytest.mark.slow
def test_real_cli_on_the_bad_folder(tmp_path):
    """The installed `rag` with the real model: exit 3, a reason per bad file, no traceback, then a clean check."""
    folder = make_bad_folder(tmp_path / "docs")
    index = tmp_path / "index"
    result = run_cli("ingest", str(folder), "--index", str(index), "--quiet", real=True, timeout=300)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("documents: 5 added")
    stats = run_cli("stats", "--json", "--index", str(index), real=True, timeout=300)
    assert json.loads(stats.stdout)["documents"] == 5
    check = run_cli("check", "--index", str(index), real=True, timeout=300)
    assert check.returncode == 0, check.stdout


def test_a_file_that_grows_past_the_limit_after_stat_is_skipped(tmp_path, monkeypatch):
    from rag.loaders import FoundFile, SkipFile, load_document

    path = tmp_path / "growing.txt"
    path.write_bytes(b"small")
    real_open = Path.open

    def open_grown(self, *args, **kwargs):
        with open(path, "wb") as handle:  # the file grows between stat() and the read
            handle.write(b"x" * (2 * 1024 * 1024))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_grown)
    with pytest.raises(SkipFile, match="over the 1 MB limit"):
        load_document(FoundFile(path, "growing.txt"), max_file_mb=1)


# -- sync ------------------------------------------------------------------------------


def _docs(pipeline: Pipeline) -> dict[str, str]:
    return {d.source: d.doc_id for d in pipeline.documents()}


def test_sync_updates_changed_files_and_prunes_deleted_ones(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(4):
        (folder / f"f{i}.txt").write_text(f"Document {i} is about the island of Kappa{i}.", encoding="utf-8")
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())
    pipeline.ingest([folder])
    before = _docs(pipeline)

    (folder / "f1.txt").write_text("Document 1 now says the island of Lambda sank.", encoding="utf-8")
    (folder / "f2.txt").unlink()
    report = pipeline.ingest([folder])
    assert report.updated == ["f1.txt"] and report.removed == ["f2.txt"]
    assert sorted(report.unchanged) == ["f0.txt", "f3.txt"]
    after = _docs(pipeline)
    assert sorted(after) == ["f0.txt", "f1.txt", "f3.txt"]
    assert after["f1.txt"] != before["f1.txt"]
    texts = [c.text for _, c in pipeline.index.store.iter_chunks()]
    assert not any("Kappa1" in t or "Kappa2" in t for t in texts)
    assert pipeline.index.check() == []
    hits = pipeline.search("island Lambda sank", mode="bm25")
    assert hits and hits[0].chunk.source == "f1.txt"

    # --no-prune keeps documents whose files are gone.
    (folder / "f3.txt").unlink()
    report = pipeline.ingest([folder], prune=False)
    assert report.removed == [] and "f3.txt" in _docs(pipeline)
    # ...and the next pruning ingest removes them.
    report = pipeline.ingest([folder])
    assert report.removed == ["f3.txt"] and "f3.txt" not in _docs(pipeline)
    assert pipeline.index.check() == []


def test_sync_prunes_only_within_the_ingested_folder(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "a.txt").write_text("Alpha folder text about owls.", encoding="utf-8")
    (two / "b.txt").write_text("Beta folder text about foxes.", encoding="utf-8")
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())
    pipeline.ingest([one])
    pipeline.ingest([two])
    assert sorted(_docs(pipeline)) == ["a.txt", "b.txt"]
    (one / "a.txt").unlink()
    (one / "c.txt").write_text("Gamma text about bears.", encoding="utf-8")
    report = pipeline.ingest([one])
    assert report.removed == ["a.txt"]
    assert sorted(_docs(pipeline)) == ["b.txt", "c.txt"]


def test_two_folders_with_the_same_file_name_lose_nothing(tmp_path):
    """Sources are paths relative to their folder: a second x.txt is skipped, not merged into the first."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "x.txt").write_text("Alpha folder text about owls.", encoding="utf-8")
    (two / "x.txt").write_text("Beta folder text about foxes.", encoding="utf-8")
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())

    for _ in range(2):  # the second run used to delete both documents' chunks
        report = pipeline.ingest([one, two])
        reasons = _relative(_skip_reasons(report), tmp_path)
        assert reasons == {"two/x.txt": reasons["two/x.txt"]} and "rag remove x.txt" in reasons["two/x.txt"]
        assert [c.text for _, c in pipeline.index.store.iter_chunks()] == ["Alpha folder text about owls."]
        assert pipeline.index.check() == []

    report = pipeline.ingest([two])  # alone, later: still another file's name
    assert report.skipped and report.updated == [] and "owls" in pipeline.search("owls", mode="bm25")[0].chunk.text

    pipeline.remove(["x.txt"])  # as the message says: then the other one goes in
    assert pipeline.ingest([two]).added == ["x.txt"]
    assert [c.text for _, c in pipeline.index.store.iter_chunks()] == ["Beta folder text about foxes."]

    (one / "x.txt").unlink()  # a stored file that is gone is no claim (a moved folder): the other one goes in
    assert pipeline.ingest([one]).removed == []  # (the other folder's x.txt is not one's to prune)
    (two / "x.txt").unlink()
    (one / "x.txt").write_text("Alpha folder text about owls.", encoding="utf-8")
    assert pipeline.ingest([one]).updated == ["x.txt"]
    assert [c.text for _, c in pipeline.index.store.iter_chunks()] == ["Alpha folder text about owls."]


def test_files_that_trade_texts_lose_nothing(tmp_path):
    """Chunk ids come from the text, so a swap must not delete the chunks the other file just wrote."""
    folder = tmp_path / "docs"
    folder.mkdir()
    texts = {"a.txt": "Alpha text about rivers and lakes.", "b.txt": "Beta text about mountains and hills."}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "x.txt").write_text("Xray text about deserts.", encoding="utf-8")
    (folder / "y.txt").write_text("Yankee text about forests.", encoding="utf-8")
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())
    pipeline.ingest([folder])

    (folder / "a.txt").write_text(texts["b.txt"], encoding="utf-8")
    (folder / "b.txt").write_text(texts["a.txt"], encoding="utf-8")
    (folder / "y.txt").write_text("Xray text about deserts.", encoding="utf-8")  # now a duplicate of x.txt
    pipeline.ingest([folder])

    clean = Pipeline(Settings(index_dir=tmp_path / "clean"), embedder=FakeEmbedder())
    clean.ingest([folder])
    assert _docs(pipeline) == _docs(clean) == {
        "a.txt": _docs(clean)["a.txt"],
        "b.txt": _docs(clean)["b.txt"],
        "x.txt": _docs(clean)["x.txt"],
    }
    assert all(d.complete for d in pipeline.documents())
    assert pipeline.index.check() == []


# -- check and repair -------------------------------------------------------------------


def test_check_detects_missing_stale_and_partial_lexical_index_and_repair_fixes_it(tmp_path):
    import shutil

    index_dir = tmp_path / "index"
    pipeline = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    pipeline.ingest([SEEDS])
    index = pipeline.index
    assert index.check() == []

    shutil.rmtree(index.lexical_dir)
    problems = index.check()
    assert any("missing" in p for p in problems)
    assert pipeline.check(repair=True) == []

    index.store.bump_generation()  # what a killed writer leaves behind
    assert any("generation" in p for p in index.check())
    assert pipeline.check(repair=True) == []

    saved = LexicalIndex.load(index.lexical_dir)
    LexicalIndex.build(saved.chunks[:-3], saved.generation).save(index.lexical_dir)
    problems = index.check()
    assert any("lacks 3 that Chroma has" in p for p in problems), problems
    assert pipeline.check(repair=True) == []


def test_a_lexical_index_read_while_another_process_renames_a_newer_one_into_place_is_not_used(tmp_path):
    """A reader that got chunks.json from one save and the BM25 files from the next once answered with
    IndexError (BM25 scores for 99 chunks, 87 chunks loaded); such a mix must be refused, then rebuilt."""
    import shutil

    from rag.types import Chunk

    def chunk(i: int) -> Chunk:
        text = f"passage number {i} about parks"
        return Chunk(doc_id=f"d{i}", source=f"d{i}.txt", position=0, n_chunks=1, start=0, end=len(text), text=text)

    old, new = tmp_path / "old", tmp_path / "new"
    LexicalIndex.build([chunk(i) for i in range(3)], generation=1).save(old)
    LexicalIndex.build([chunk(i) for i in range(5)], generation=2).save(new)
    assert len(LexicalIndex.load(old)) == 3
    shutil.rmtree(old / "bm25")
    shutil.copytree(new / "bm25", old / "bm25")
    assert LexicalIndex.load(old) is None


def test_check_detects_incomplete_documents_and_a_rerun_completes_them(tmp_path):
    index_dir = tmp_path / "index"
    pipeline = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    pipeline.ingest([SEEDS])
    index = pipeline.index
    victim = next(chunk for _, chunk in index.store.iter_chunks() if chunk.n_chunks > 1)
    index.store.bump_generation()
    index.store.delete([victim.chunk_id])
    problems = index.check()
    assert any(victim.source in p and "incomplete" in p for p in problems), problems
    report = pipeline.ingest([SEEDS])
    assert report.updated == [victim.source]
    assert index.check() == []


def test_rerun_after_a_kill_between_the_last_write_and_the_lexical_save_fixes_the_lexical_index(tmp_path):
    """Nothing left to write, but the lexical index is stale: the re-run must still rebuild it."""
    index_dir = tmp_path / "index"
    pipeline = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    pipeline.ingest([SEEDS])
    pipeline.index.store.bump_generation()
    report = pipeline.ingest([SEEDS])
    assert report.chunks_written == 0 and len(report.unchanged) == 5
    assert pipeline.index.check() == []


def test_rag_check_cli_reports_and_repairs(tmp_path):
    import shutil

    index_dir = tmp_path / "index"
    Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder()).ingest([SEEDS])
    shutil.rmtree(Index(index_dir, "rag", None, FakeEmbedder.name).lexical_dir)
    result = run_cli("check", "--index", str(index_dir))
    assert result.returncode == 1 and "problem: the lexical index is missing" in result.stdout
    result = run_cli("check", "--repair", "--index", str(index_dir))
    assert result.returncode == 0 and result.stdout.startswith("ok"), result.stdout + result.stderr
    assert Index(index_dir, "rag", None, FakeEmbedder.name).check() == []


def test_a_reader_repairs_a_stale_lexical_index_when_no_writer_is_busy(tmp_path):
    index_dir = tmp_path / "index"
    pipeline = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    pipeline.ingest([SEEDS])
    pipeline.index.store.bump_generation()
    reader = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    assert reader.ask("How many hectares of green space?").hits
    assert reader.index.check() == []


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("你好", "gbk"),
        ("你好世界", "gbk"),
        ("今天天气很好。", "gb18030"),
        (GBK_TEXT, "gbk"),
        ("今天天气很好。", "big5"),
        ("Привет мир, как дела?", "utf-16"),
        ("Café crème brûlée à la carte. " * 3, "cp1252"),
    ],
)
def test_short_legacy_encoded_texts_decode_to_their_text(text, encoding):
    """Short GBK files used to come out as U+FFFD or Korean mojibake."""
    from rag.loaders import decode_text

    assert decode_text(text.encode(encoding)) == text
