"""Word .docx files: read in document order with their tables and title; bad ones skipped with a clear reason."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

import pytest
from conftest import FakeEmbedder, damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_reliability import run_cli

from rag.config import Settings
from rag.loaders import FoundFile, SkipFile, find_files, load_document
from rag.pipeline import Pipeline

NOT_DOCX = "not a valid .docx file (corrupt, or another format renamed): re-save it from Word"


def make_docx(path: Path, title: str = "Harbour Annual Report") -> Path:
    """A real Word file: a heading, paragraphs around a table, a Title property."""
    from docx import Document

    document = Document()
    document.core_properties.title = title
    document.add_heading("Port of Kestrel", level=1)
    document.add_paragraph("The port of Kestrel handled forty ships in the spring.")
    rows = [("Pier", "Opened"), ("Wrenfield pier", "1987"), ("Tern dock", "2004")]
    table = document.add_table(rows=len(rows), cols=2)
    for row, (name, opened) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = name, opened
    document.add_paragraph("The harbour master is Odile Marchetti.")
    document.save(path)
    return path


def rewrite_zip(data: bytes, change) -> bytes:
    """`data` (a zip) with each member replaced by change(name, bytes); None drops the member."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            new = change(name, source.read(name))
            if new is not None:
                target.writestr(name, new)
    return out.getvalue()


def load(path: Path, **kwargs):
    return load_document(FoundFile(path, path.name), **kwargs)


def test_docx_text_holds_paragraphs_and_table_rows_in_document_order(tmp_path):
    doc = load(make_docx(tmp_path / "report.docx"))
    order = [
        "Port of Kestrel",
        "forty ships in the spring.",
        "Pier | Opened",
        "Wrenfield pier | 1987",
        "Tern dock | 2004",
        "The harbour master is Odile Marchetti.",
    ]
    positions = [doc.text.find(part) for part in order]
    assert -1 not in positions, doc.text
    assert positions == sorted(positions)
    # A blank line between paragraphs, so the chunker sees where each one ends.
    assert "spring.\n\nPier | Opened" in doc.text
    assert doc.title == "Harbour Annual Report"
    assert doc.source == "report.docx"


def test_docx_without_a_title_property_is_titled_by_its_first_line(tmp_path):
    untitled = load(make_docx(tmp_path / "untitled.docx", title=""))
    # Without a properties part at all, python-docx itself would report the title "Word Document".
    path = tmp_path / "no_properties.docx"
    path.write_bytes(
        rewrite_zip(
            make_docx(tmp_path / "source.docx").read_bytes(),
            lambda name, data: None
            if name == "docProps/core.xml"
            else re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data),
        )
    )
    bare = load(path)
    assert untitled.title == bare.title == "Port of Kestrel"
    assert "Odile Marchetti" in bare.text


def test_find_files_picks_up_docx_next_to_txt_but_not_old_doc(tmp_path):
    make_docx(tmp_path / "report.docx")
    make_docx(tmp_path / "Upper.DOCX")
    (tmp_path / "notes.txt").write_text("Plain notes.", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    found, skipped = find_files([tmp_path])
    assert sorted(f.source for f in found) == ["Upper.DOCX", "notes.txt", "report.docx"]
    assert skipped == [(str(tmp_path / "old.doc"), "unsupported file type .doc")]


def test_ingest_skips_bad_docx_files_with_a_reason_and_answers_from_the_good_one(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    make_docx(folder / "report.docx")
    (folder / "notes.txt").write_text("The lighthouse of Kestrel is painted red and white.", encoding="utf-8")
    (folder / "corrupt.docx").write_bytes(random.Random(3).randbytes(3000))
    (folder / "renamed.docx").write_text("This was a text file, renamed to .docx.", encoding="utf-8")
    from docx import Document

    Document().save(folder / "blank.docx")
    (folder / "encrypted.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))

    pipeline = Pipeline(Settings(index_dir=tmp_path / "index"), embedder=FakeEmbedder())
    report = pipeline.ingest([folder])

    assert sorted(report.added) == ["notes.txt", "report.docx"]
    reasons = {Path(path).name: reason for path, reason in report.skipped}
    assert reasons == {
        "corrupt.docx": NOT_DOCX,
        "renamed.docx": NOT_DOCX,
        "blank.docx": "no text left after cleaning",
        "encrypted.docx": "an old .doc or a password-protected .docx: save it from Word as .docx without a password",
    }
    assert f"  skipped {folder / 'corrupt.docx'}: {NOT_DOCX}" in report.summary().splitlines()

    hits = pipeline.search("When was the Tern dock opened?", mode="bm25")
    assert hits[0].chunk.source == "report.docx" and "Tern dock | 2004" in hits[0].chunk.text
    answer = pipeline.ask("Who is the harbour master of Kestrel?", mode="bm25")
    assert "Odile Marchetti" in answer.text
    assert answer.citations and answer.citations[0].source == "report.docx"
    assert {d.source: d.title for d in pipeline.documents()}["report.docx"] == "Harbour Annual Report"


def test_rag_ingest_reports_a_corrupt_docx_in_one_line_without_a_traceback(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    make_docx(folder / "report.docx")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04" + random.Random(4).randbytes(2000))
    result = run_cli("ingest", str(folder), "--index", str(tmp_path / "index"), "--quiet")
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("documents: 1 added"), result.stdout + result.stderr
    assert f"  skipped {folder / 'corrupt.docx'}: {NOT_DOCX}" in lines


@pytest.mark.parametrize(
    ("member", "change", "reason"),
    [
        # An Excel workbook renamed .docx: a valid package whose main part is not a Word document.
        ("[Content_Types].xml", lambda b: b.replace(b"wordprocessingml.document.main", b"spreadsheetml.sheet.main"), NOT_DOCX),
        ("word/document.xml", lambda b: b[: len(b) // 2], "unreadable .docx (XMLSyntaxError"),
        ("word/document.xml", lambda b: None, NOT_DOCX),
    ],
    ids=["excel-renamed", "cut-xml", "no-document-part"],
)
def test_damaged_docx_is_skipped_with_a_reason(tmp_path, member, change, reason):
    path = tmp_path / "damaged.docx"
    data = make_docx(tmp_path / "source.docx").read_bytes()
    path.write_bytes(rewrite_zip(data, lambda name, blob: change(blob) if name == member else blob))
    with pytest.raises(SkipFile, match=re.escape(reason)):
        load(path)


def test_a_docx_that_unpacks_far_beyond_the_size_limit_is_skipped(tmp_path):
    path = tmp_path / "bomb.docx"
    data = make_docx(tmp_path / "source.docx").read_bytes()
    path.write_bytes(rewrite_zip(data, lambda name, blob: blob + b" " * 5_000_000 if name == "word/styles.xml" else blob))
    assert path.stat().st_size < 100_000
    reason = r"unpacks to 5\.\d MB, over the 2\.0 MB allowed: damaged, or a zip bomb .*raise --max-file-mb"
    with pytest.raises(SkipFile, match=reason):
        load(path, max_file_mb=0.1)
    assert "Odile Marchetti" in load(path).text  # under the default limit it is read


@pytest.fixture(scope="module")
def valid_docx(tmp_path_factory) -> bytes:
    return make_docx(tmp_path_factory.mktemp("docx") / "valid.docx").read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8), st.booleans())
def test_a_randomly_damaged_docx_is_read_or_skipped_as_a_docx_problem(tmp_path, valid_docx, flips, truncate):
    path = tmp_path / "damaged.docx"
    path.write_bytes(damaged(valid_docx, flips, truncate))
    try:
        doc = load(path)
    except SkipFile as skip:
        assert ".docx" in str(skip) or str(skip) in ("empty file", "no text left after cleaning"), str(skip)
        assert "\n" not in str(skip)
    else:
        assert doc.text.strip()


def test_ui_upload_accepts_docx(tmp_path):
    from ui.uploads import safe_name

    assert safe_name("Quarterly Report.DOCX") == "Quarterly_Report.docx"
