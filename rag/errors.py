"""One-line messages for errors that reach the command line."""

from __future__ import annotations

import os


def describe(exc: BaseException) -> str | None:
    """The line to print for `exc`; None means re-raise (RAG_DEBUG=1 asks for tracebacks)."""
    if os.environ.get("RAG_DEBUG"):
        return None
    from rag.embedder import EmbedderError
    from rag.index import IndexBusyError
    from rag.store import StoreError

    if isinstance(exc, (StoreError, EmbedderError, IndexBusyError, ValueError, FileNotFoundError)):
        return str(exc)
    if isinstance(exc, PermissionError):
        return f"permission denied: {exc.filename or exc}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return f"internal error ({type(exc).__name__}: {exc}); set RAG_DEBUG=1 for the traceback and report it"
