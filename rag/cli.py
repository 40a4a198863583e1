"""The `rag` command line. Parses arguments and calls the library; heavy imports happen inside commands."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 3, 2


def seeds_dir() -> Path:
    """`seeds/` in the working directory, else the one shipped beside the package."""
    local = Path("seeds")
    return local if local.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def _settings(args: argparse.Namespace):
    from rag.config import settings_from_env

    return settings_from_env(
        index_dir=getattr(args, "index", None),
        chroma_url=getattr(args, "chroma_url", None),
        embed_model=getattr(args, "embed_model", None),
        collection=getattr(args, "collection", None),
        top_k=getattr(args, "top_k", None),
        mode=getattr(args, "mode", None),
        generator=getattr(args, "generator", None),
    )


def _progress_bar(enabled: bool):
    """A tqdm progress callback for long ingests (on a terminal), or None."""
    if not enabled or not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm

    bar = tqdm(total=0, unit="file", file=sys.stderr, dynamic_ncols=True, leave=False)

    def update(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(name[-40:], refresh=False)
        bar.refresh()

    return update, bar.close


def cmd_ingest(args: argparse.Namespace) -> int:
    from rag.pipeline import Pipeline

    paths = [Path(p) for p in args.paths] or [seeds_dir()]
    for path in paths:
        if not path.exists():
            raise UserError(f"{path}: no such file or folder")
    pipeline = Pipeline(_settings(args))
    progress, close = _progress_bar(not args.quiet)
    try:
        report = pipeline.ingest(paths, prune=not args.no_prune, progress=progress, wait_s=args.wait, max_file_mb=args.max_file_mb)
    finally:
        close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(report.summary())
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def ingest_seeds_if_empty(pipeline) -> None:
    """On an empty index, ingest seeds/ first, so that the first question just works (CLI, eval and UI)."""
    if pipeline.is_empty():
        where = pipeline.settings.chroma_url or pipeline.settings.index_dir
        print(f"The index at {where} is empty: ingesting {seeds_dir()} first.", file=sys.stderr)
        print(pipeline.ingest([seeds_dir()]).summary(), file=sys.stderr)


def _print_answer(answer, show_passages: bool = True) -> None:
    print(answer.text)
    if answer.searched_query and answer.searched_query != answer.question:
        print(f"\n(searched for: {answer.searched_query})")
    if answer.citations:
        print("\nSources:")
        for c in answer.citations:
            print(f"  [{c.marker}] {c.source} chars {c.start}-{c.end}: \"{c.text}\"")
    if answer.abstained and show_passages and answer.hits:
        print("\nClosest passages:")
        for rank, hit in enumerate(answer.hits[:3], start=1):
            snippet = " ".join(hit.chunk.text.split())[:160]
            print(f"  {rank}. {hit.chunk.source} chars {hit.chunk.start}-{hit.chunk.end}: {snippet}…")
    for note in answer.notes:
        print(f"\nnote: {note}")


def cmd_ask(args: argparse.Namespace) -> int:
    from rag.pipeline import Pipeline, QuestionError, normalize_question

    if args.question != "-":
        try:  # before the auto-ingest: an empty question should not wait for one
            normalize_question(args.question)
        except QuestionError as exc:
            raise UserError(str(exc)) from None
    pipeline = Pipeline(_settings(args))
    ingest_seeds_if_empty(pipeline)
    sources = args.source or None
    if args.question != "-":
        try:
            answer = pipeline.ask(args.question, sources=sources, date_from=args.date_from, date_to=args.date_to)
        except QuestionError as exc:
            raise UserError(str(exc)) from None
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False))
        else:
            _print_answer(answer)
        return EXIT_OK
    # One question per line from standard input, one JSON object per line out.
    pipeline.warm_up()
    status = EXIT_OK
    for line in sys.stdin:
        question = line.rstrip("\n")
        if not question.strip():
            continue
        try:
            answer = pipeline.ask(question, sources=sources, date_from=args.date_from, date_to=args.date_to)
            out = answer.to_json() if args.json else None
        except QuestionError as exc:
            out, status = {"question": question, "error": str(exc)}, EXIT_ERROR
            answer = None
        if args.json or answer is None:
            print(json.dumps(out, ensure_ascii=False), flush=True)
        else:
            _print_answer(answer)
            print("-" * 40, flush=True)
    return status


def cmd_stats(args: argparse.Namespace) -> int:
    from rag.pipeline import Pipeline

    pipeline = Pipeline(_settings(args))
    if not pipeline.index.exists():
        raise UserError(f"no index at {pipeline.index.store.where}: run `rag ingest` first")
    stats = pipeline.stats()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from rag.pipeline import Pipeline

    pipeline = Pipeline(_settings(args))
    if not pipeline.index.exists():
        raise UserError(f"no index at {pipeline.index.store.where}: run `rag ingest` first")
    problems = pipeline.check(repair=args.repair)
    if not problems:
        print("ok: Chroma, the lexical index and the document records agree")
        return EXIT_OK
    for problem in problems:
        print(f"problem: {problem}")
    return EXIT_ERROR


def cmd_docs(args: argparse.Namespace) -> int:
    from rag.pipeline import Pipeline

    pipeline = Pipeline(_settings(args))
    docs = pipeline.documents()
    if args.json:
        print(json.dumps([d.__dict__ for d in docs], ensure_ascii=False))
    for d in docs if not args.json else []:
        print(f"{d.source}\t{d.lang}\t{d.date or '-'}\t{d.n_chunks} chunks\t{d.title}")
    return EXIT_OK


def cmd_remove(args: argparse.Namespace) -> int:
    from rag.pipeline import Pipeline

    pipeline = Pipeline(_settings(args))
    try:
        report = pipeline.remove(args.sources)
    except KeyError as exc:
        raise UserError(str(exc.args[0])) from None
    print(report.summary())
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from rag.evaluate import run_eval_command

    return run_eval_command(args, _settings(args))


def cmd_bench(args: argparse.Namespace) -> int:
    from rag.bench import run_bench_command

    return run_bench_command(args, _settings(args))


def cmd_ui(args: argparse.Namespace) -> int:
    from ui.app import launch

    return launch(_settings(args), host=args.host, port=args.port)


class UserError(Exception):
    """An error the user can fix; printed as one line, no traceback."""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", type=Path, help="index folder (default .rag, or $RAG_INDEX)")
    parser.add_argument("--chroma-url", help="use a Chroma server, e.g. http://127.0.0.1:8000 (default: embedded)")
    parser.add_argument("--collection", help="Chroma collection name (default rag)")
    parser.add_argument("--embed-model", help="sentence-transformers model name or folder (default: bundled all-MiniLM-L6-v2)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rag", description="Ask questions about your documents, with cited answers. Works offline.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="add or update documents (.txt .md .html .pdf .docx)")
    p.add_argument("paths", nargs="*", help="files or folders (default: seeds/)")
    _common(p)
    p.add_argument("--no-prune", action="store_true", help="keep documents whose files were deleted")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS", help="wait this long for another ingest to finish")
    p.add_argument("--max-file-mb", type=float, default=20.0, help="skip files larger than this (default 20)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("ask", help="ask a question ('-' reads one per line from stdin)")
    p.add_argument("question")
    _common(p)
    p.add_argument("--top-k", type=int, help="passages to retrieve (default 5)")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], help="retrieval mode (default hybrid)")
    p.add_argument("--generator", choices=["extractive", "openai"], help="answer generator (default extractive)")
    p.add_argument("--source", action="append", help="only search this document (repeatable)")
    p.add_argument("--date-from", help="only documents dated on or after YYYY-MM-DD")
    p.add_argument("--date-to", help="only documents dated on or before YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print one JSON object per question")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("stats", help="documents, chunks, model and format of the index")
    _common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("check", help="verify that Chroma and the lexical index agree")
    _common(p)
    p.add_argument("--repair", action="store_true", help="rebuild the lexical index from Chroma")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("docs", help="list the indexed documents")
    _common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("remove", help="remove documents by source name")
    p.add_argument("sources", nargs="+")
    _common(p)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("eval", help="evaluate retrieval and answers on an eval set")
    _common(p)
    p.add_argument("--dataset", type=Path, help="JSON Lines eval set or SQuAD JSON (default eval/seeds.jsonl)")
    p.add_argument("--limit", type=int, help="ask a random sample of this many questions")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--split", help="only questions of this split (tune or holdout)")
    p.add_argument("--compare", action="store_true", help="dense, bm25, hybrid and the stock baseline side by side")
    p.add_argument("--json", action="store_true")
    p.add_argument("--out", type=Path, help="write results.json, report.md and plots here")
    p.add_argument("--top-k", type=int)
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"])
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("bench", help="speed benchmark against the stock pipeline")
    _common(p)
    p.add_argument("--out", type=Path, default=Path("eval/reports/bench"))
    p.add_argument("--quick", action="store_true", help="a small run (for CI)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("ui", help="start the web UI")
    _common(p)
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1 only)")
    p.add_argument("--port", type=int, default=7860)
    p.set_defaults(func=cmd_ui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except UserError as exc:
        print(f"rag: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # every library error gets one line, no traceback
        from rag.errors import describe

        message = describe(exc)
        if message is None:
            raise
        print(f"rag: {message}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
