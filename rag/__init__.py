"""rag: offline, bilingual question answering over a folder of documents, with exact citations.

A regular package (not a namespace one), so one checkout's modules are never mixed with another's.
Entry points: rag.cli (the `rag` command), rag.pipeline.Pipeline (the library), ui.app (the web UI).
"""
