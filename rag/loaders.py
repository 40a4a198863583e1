"""Reading files into cleaned documents: .txt, .md, .html/.htm, .pdf, .docx.

A file that cannot be read raises SkipFile with a one-line reason; the ingest
reports it and goes on with the other files.
"""

from __future__ import annotations

import io
import os
import re
import stat as stat_mode
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rag.clean import clean_text, detect_lang, find_date, find_title
from rag.types import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}  # not the old binary .doc: python-docx cannot read it
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES
DEFAULT_MAX_FILE_MB = 20.0
# How many times --max-file-mb a .docx may unpack to: python-docx holds every part in memory, and XML
# packs 10-25x; beyond this a file is damaged or a zip bomb.
DOCX_MAX_UNPACKED_RATIO = 20


class SkipFile(Exception):
    """This file cannot be indexed; the message says why, in one line."""


@dataclass(frozen=True)
class FoundFile:
    path: Path
    source: str  # path relative to the root it was found under, with "/" separators


def find_files(paths: Iterable[Path]) -> tuple[list[FoundFile], list[tuple[str, str]]]:
    """Supported files under `paths` (recursively), and (path, reason) for what was passed over.

    Symbolic links to folders are followed once; a link that leads back into a
    folder already walked (a loop) is reported and not followed again.
    """
    found: list[FoundFile] = []
    skipped: list[tuple[str, str]] = []
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or folder")
        if root.is_file():
            if root.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(FoundFile(root, root.name))
            else:
                skipped.append((str(root), f"unsupported file type {root.suffix or '(none)'}"))
            continue
        visited: set[tuple[int, int]] = set()
        for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: skipped.append((e.filename, f"cannot read folder: {e.strerror}"))):
            try:
                stat = os.stat(folder)
            except OSError as exc:
                skipped.append((folder, f"cannot read folder: {exc.strerror}"))
                dirnames[:] = []
                continue
            if (stat.st_dev, stat.st_ino) in visited:
                skipped.append((folder, "symbolic link loop (or a second link to one folder): folder already indexed"))
                dirnames[:] = []
                continue
            visited.add((stat.st_dev, stat.st_ino))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(folder) / name
                if name.startswith("."):
                    continue
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    skipped.append((str(path), f"unsupported file type {path.suffix or '(none)'}"))
                    continue
                found.append(FoundFile(path, path.relative_to(root).as_posix()))
    return found, skipped


def decode_text(data: bytes) -> str:
    """Bytes to text: UTF-8, else the detected encoding (GB18030/GBK and the like).

    A UTF-8 file with a few broken bytes keeps its text, with the broken bytes
    replaced, rather than being misread as another encoding.
    """
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SkipFile("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    # A few broken bytes in a long text: UTF-8 with damage. Mostly broken (a short GBK file): not UTF-8.
    if broken <= max(3, len(lenient) // 1000) and broken * 20 <= len(lenient):
        return lenient
    chinese = _as_simplified_chinese(data)
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile("not text in any encoding that could be detected")
    text = str(best)
    if _garbage_ratio(text) > 0.05:
        raise SkipFile(f"looks binary (decoded as {best.encoding}, mostly unprintable)")
    return text


def _as_simplified_chinese(data: bytes) -> str | None:
    """`data` as GB18030 when it decodes cleanly into common simplified Chinese, else None.

    Tried before charset detection, which misreads short GBK texts as Korean. Big5 or
    other bytes that happen to decode as GB18030 land mostly outside GB2312's characters.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return None
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return text if common >= 0.9 * len(wide) else None


def _garbage_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(sample)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible text of an HTML page (no scripts or styles), and its <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    title = title_tag.get_text(" ", strip=True) if title_tag else None
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "head", "title"]):
        tag.decompose()
    if not title:
        heading = soup.find(["h1", "h2"])
        title = heading.get_text(" ", strip=True) if heading else None
    blocks = "p div li h1 h2 h3 h4 h5 h6 tr br section article blockquote pre".split()
    for tag in soup.find_all(blocks):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    return re.sub(r"\n\s*\n+", "\n\n", text), title


def pdf_to_text(path: Path) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise SkipFile("encrypted PDF: decrypt it first") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except SkipFile:
        raise
    except RecursionError:
        raise SkipFile("unreadable PDF (nested too deeply)") from None
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files; none should stop an ingest
        raise SkipFile(f"unreadable PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise SkipFile("PDF has no text layer (a scan?): run OCR on it first")
    return text


# An OLE compound file: an old binary .doc, or a password-protected .docx (Word encrypts into one).
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NOT_DOCX = "not a valid .docx file (corrupt, or another format renamed): re-save it from Word"


def docx_to_text(data: bytes, max_unpacked_bytes: int) -> tuple[str, str | None]:
    """Text of a Word .docx (paragraphs and table rows in document order, blank line between), and its title.

    A table row is one line with its cells separated by " | ". The title is the
    document's Title property, or None when that is empty. Raises SkipFile for
    a file that is not a readable .docx.
    Usage:
        text, title = docx_to_text(Path("report.docx").read_bytes(), max_unpacked_bytes=400 * 2**20)
    """
    if data.startswith(_OLE_MAGIC):
        raise SkipFile("an old .doc or a password-protected .docx: save it from Word as .docx without a password")
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.package import Package

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > max_unpacked_bytes:
            raise SkipFile(
                f".docx unpacks to {unpacked / 1024 / 1024:.1f} MB, over the {max_unpacked_bytes / 1024 / 1024:.1f} MB "
                "allowed: damaged, or a zip bomb (if it opens in Word, raise --max-file-mb)"
            )
        main_part = Package.open(io.BytesIO(data)).main_document_part
        if main_part.content_type != CONTENT_TYPE.WML_DOCUMENT_MAIN:  # an Excel or PowerPoint file renamed
            raise SkipFile(_NOT_DOCX)
        document = main_part.document
        blocks = [block for block in _docx_blocks(document.element.body) if block.strip()]
        try:
            properties = document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)
            title = (properties.core_properties.title or "").strip() or None
        except KeyError:  # no properties part: python-docx would make one up, titled "Word Document"
            title = None
    except SkipFile:
        raise
    except RecursionError:
        raise SkipFile("unreadable .docx (nested too deeply)") from None
    # Not a zip, damaged zip entries, or a zip without a Word document's parts.
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError):
        raise SkipFile(_NOT_DOCX) from None
    except Exception as exc:  # damaged XML and the like: none should stop an ingest
        raise SkipFile(f"unreadable .docx ({type(exc).__name__}: {str(exc)[:80]}): re-save it from Word") from None
    return "\n\n".join(blocks), title


def _docx_blocks(container) -> Iterator[str]:
    """The paragraphs and table rows directly in a body or table cell, content controls opened."""
    from docx.oxml.ns import qn

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            # All runs, not python-docx's Paragraph.text, which drops tracked insertions and content
            # controls; but not tracked deletions, nor text boxes (their own paragraphs, shown elsewhere).
            runs = child.xpath(".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent)]")
            yield "".join(run.text for run in runs)
        elif child.tag == qn("w:tbl"):
            for row in child.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"):
                cells = [
                    " ".join(b.strip() for b in _docx_blocks(cell) if b.strip())
                    for cell in row.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc")
                ]
                yield " | ".join(cells) if any(cells) else ""
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _docx_blocks(child)


def load_document(found: FoundFile, max_file_mb: float = DEFAULT_MAX_FILE_MB) -> Document:
    """Read, decode and clean one file. Raises SkipFile with the reason when it cannot."""
    path = found.path
    limit = int(max_file_mb * 1024 * 1024)
    try:
        info = path.stat()
    except OSError as exc:
        raise SkipFile(f"cannot read: {exc.strerror or exc}") from None
    if not stat_mode.S_ISREG(info.st_mode):
        # A pipe would block the ingest forever; a device could be endless.
        raise SkipFile("not a regular file (a pipe, socket or device)")
    size = info.st_size
    if size == 0:
        raise SkipFile("empty file")
    if size > limit:
        raise SkipFile(_too_big(size, max_file_mb))
    suffix = path.suffix.lower()
    title_hint = None
    try:
        if suffix in PDF_SUFFIXES:
            raw = pdf_to_text(path)
        else:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)  # the file may have grown since stat()
            if len(data) > limit:
                raise SkipFile(_too_big(len(data), max_file_mb))
            if not data:
                raise SkipFile("empty file")
            if suffix in DOCX_SUFFIXES:
                raw, title_hint = docx_to_text(data, DOCX_MAX_UNPACKED_RATIO * limit)
            else:
                raw = decode_text(data)
                if suffix in HTML_SUFFIXES:
                    raw, title_hint = _html_or_skip(raw)
    except PermissionError:
        raise SkipFile("permission denied") from None
    except IsADirectoryError:
        raise SkipFile("is a folder") from None
    except OSError as exc:
        raise SkipFile(f"cannot read: {exc.strerror or exc}") from None
    text = clean_text(raw)
    if not text:
        raise SkipFile("no text left after cleaning")
    if _garbage_ratio(text) > 0.05:
        raise SkipFile("mostly unprintable characters: not a text document")
    title = clean_text(title_hint) if title_hint else find_title(text, fallback=Path(found.source).stem)
    return Document(source=found.source, text=text, title=title, date=find_date(text), lang=detect_lang(text))


def _too_big(size: int, max_file_mb: float) -> str:
    return f"{size / 1024 / 1024:.0f} MB is over the {max_file_mb:g} MB limit (raise it with --max-file-mb)"


def _html_or_skip(html: str) -> tuple[str, str | None]:
    try:
        return html_to_text(html)
    except RecursionError:
        raise SkipFile("unreadable HTML (nested too deeply)") from None
    except Exception as exc:  # html.parser rejects some malformed markup
        raise SkipFile(f"unreadable HTML ({type(exc).__name__}: {str(exc)[:80]})") from None


def iter_documents(files: Iterable[FoundFile], max_file_mb: float = DEFAULT_MAX_FILE_MB) -> Iterator[tuple[FoundFile, Document | SkipFile]]:
    for found in files:
        try:
            yield found, load_document(found, max_file_mb)
        except SkipFile as skip:
            yield found, skip
