"""Store uploaded files in the index's upload folder under safe names.

The client's file name is never used as a path: directories are stripped, only
[A-Za-z0-9._-] and CJK characters are kept, and a taken name gets a -2, -3 … suffix.
Usage:
    stored = save_upload(Path(tmp_file), "../../etc/报告.txt", upload_dir, taken={"a.txt"})
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Collection
from pathlib import Path

from rag.loaders import SUPPORTED_SUFFIXES

ALLOWED_SUFFIXES = tuple(sorted(SUPPORTED_SUFFIXES))  # what `rag ingest` reads, no more and no less
MAX_UPLOAD_MB = 20
MAX_NAME_CHARS = 100
UPLOAD_FOLDER = "uploads"

# CJK unified ideographs (with extension A and compatibility), CJK punctuation, kana, hangul.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_UNSAFE = re.compile(rf"[^A-Za-z0-9._\-{_CJK}]+")


class UploadError(ValueError):
    """An upload that cannot be stored (wrong type, too large)."""


def upload_dir(index_dir: Path) -> Path:
    return Path(index_dir) / UPLOAD_FOLDER


def safe_name(client_name: str, taken: Collection[str] = ()) -> str:
    """A file name safe to create in the upload folder, not in `taken`; UploadError for a refused type.

    >>> safe_name("../../etc/passwd.txt")
    'passwd.txt'
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", client_name or ""))[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = suffix, ""
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadError(
            f"only {' '.join(ALLOWED_SUFFIXES)} files can be uploaded, not {suffix or 'a file without extension'}"
        )
    stem = _UNSAFE.sub("_", stem).strip("._-")[: MAX_NAME_CHARS - len(suffix) - 4] or "upload"
    name, n = stem + suffix, 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    return name


def save_upload(temp_file: Path, client_name: str, folder: Path, taken: Collection[str] = ()) -> Path:
    """Copy an uploaded temp file into `folder` under a safe, unused name; UploadError when it is refused."""
    size_mb = temp_file.stat().st_size / 1_000_000
    if size_mb > MAX_UPLOAD_MB:
        raise UploadError(f"{size_mb:.1f} MB is over the {MAX_UPLOAD_MB} MB limit")
    folder.mkdir(parents=True, exist_ok=True)
    existing = {p.name for p in folder.iterdir()}
    target = folder / safe_name(client_name, set(taken) | existing)
    shutil.copyfile(temp_file, target)
    return target
