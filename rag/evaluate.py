"""`rag eval`: retrieval, answer, citation, abstention and latency figures on an eval set.

Each configuration is a pair of functions: `search(question, k) -> hits` for the
retrieval figures (top 10) and `ask(question) -> Answer` for everything else, so
the project and the stock baseline are measured by the same code on the same
questions in one process.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rag import metrics
from rag.config import Settings
from rag.datasets import EvalQuestion, load_dataset, sample_questions
from rag.types import Answer, Chunk, Hit

DEFAULT_EVAL_SET = Path("eval/seeds.jsonl")
_MARKERS = re.compile(r"\s*\[\d+\]")
HEADLINE_EXCLUDES = {"crosslingual"}  # reported in by_split only: the English model is not expected to solve them


@dataclass
class Configuration:
    name: str
    search: Callable[[str, int], Sequence[Hit]]
    ask: Callable[[str], Answer]
    chunks: Sequence[Chunk]  # every chunk of the configuration's index, to judge relevance


@dataclass
class QuestionResult:
    question: EvalQuestion
    retrieved: list[str]
    relevant: set[str]
    answer: Answer
    latency_ms: float
    cited_relevant: int


def _squash(text: str) -> str:
    return " ".join(text.split()).lower()


def relevant_chunks(question: EvalQuestion, chunks: Sequence[Chunk]) -> set[str]:
    """Chunks from a gold source that contain an evidence quote (or, failing that, a gold answer)."""
    gold = [c for c in chunks if c.source in question.sources]
    evidence = [_squash(e) for e in question.evidence]
    found = {c.chunk_id for c in gold if any(e in _squash(c.text) for e in evidence)}
    if found:
        return found
    answers = [_squash(a) for a in question.answers]
    return {c.chunk_id for c in gold if any(a in _squash(c.text) for a in answers)}


def _cited_in_relevant(answer: Answer, relevant: set[str], chunks_by_id: dict[str, Chunk]) -> int:
    spans = [chunks_by_id[i] for i in relevant if i in chunks_by_id]
    count = 0
    for citation in answer.citations:
        if any(c.source == citation.source and c.start <= citation.start and citation.end <= c.end for c in spans):
            count += 1
    return count


def answer_text(answer: Answer) -> str:
    return _MARKERS.sub("", answer.text).strip()


def run_configuration(
    config: Configuration, questions: Sequence[EvalQuestion], progress: bool = False, warmup: int = 2
) -> list[QuestionResult]:
    chunks_by_id = {c.chunk_id: c for c in config.chunks}
    for q in questions[:warmup]:  # load models and caches before timing anything
        config.ask(q.question)
    iterator = questions
    bar = None
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(questions, desc=config.name, unit="q", file=sys.stderr, leave=False)
        iterator = bar
    results = []
    for q in iterator:
        relevant = relevant_chunks(q, config.chunks) if q.answerable else set()
        retrieved = [h.chunk.chunk_id for h in config.search(q.question, 10)]
        started = time.perf_counter()
        answer = config.ask(q.question)
        latency = (time.perf_counter() - started) * 1000
        cited = _cited_in_relevant(answer, relevant, chunks_by_id)
        results.append(QuestionResult(q, retrieved, relevant, answer, latency, cited))
    if bar is not None:
        bar.close()
    return results


def summarize(results: Sequence[QuestionResult]) -> dict:
    """The metric groups for a set of question results."""
    answerable = [r for r in results if r.question.answerable]
    retrieval = metrics.retrieval_summary([(r.retrieved, r.relevant) for r in answerable]) if answerable else {}
    answered = [r for r in answerable if not r.answer.abstained]
    contains = [
        (not r.answer.abstained) and metrics.contains_gold(answer_text(r.answer), list(r.question.answers))
        for r in answerable
    ]
    f1 = [
        0.0 if r.answer.abstained else metrics.max_over_golds(metrics.f1_score, answer_text(r.answer), list(r.question.answers))
        for r in answerable
    ]
    lengths = [len(answer_text(r.answer)) for r in results if not r.answer.abstained]
    return {
        "n": len(results),
        "retrieval": retrieval,
        "answer": {
            "contains_gold": _mean(contains),
            "f1": _mean(f1),
            "median_chars": statistics.median(lengths) if lengths else None,
            "answered": len(answered),
        },
        "citation": metrics.citation_summary(
            [(len(r.answer.citations), r.cited_relevant, True) for r in answerable]
        ),
        "abstention": metrics.abstention_summary(
            [r.answer.abstained for r in results], [not r.question.answerable for r in results]
        ),
        "latency_ms": metrics.latency_summary([r.latency_ms for r in results]),
    }


def _mean(values: Sequence[float | bool]) -> float | None:
    return sum(float(v) for v in values) / len(values) if values else None


def report(dataset: str, results: Sequence[QuestionResult]) -> dict:
    headline = [r for r in results if r.question.type not in HEADLINE_EXCLUDES]
    out = {"dataset": dataset, **summarize(headline)}
    splits: dict[str, list[QuestionResult]] = {}
    for r in results:
        q = r.question
        # Crosslingual questions get their own row only, like in the headline.
        keys = [f"type:{q.type}"] if q.type in HEADLINE_EXCLUDES else [f"lang:{q.lang}", f"type:{q.type}", f"split:{q.split}"]
        for key in keys:
            splits.setdefault(key, []).append(r)
    out["by_split"] = {key: summarize(group) for key, group in sorted(splits.items())}
    out["latencies"] = [round(r.latency_ms, 3) for r in results]
    return out


def failures(results: Sequence[QuestionResult]) -> list[dict]:
    """Questions the configuration got wrong, for reading (written to failures.jsonl)."""
    out = []
    for r in results:
        q = r.question
        ok = (
            r.answer.abstained
            if not q.answerable
            else (not r.answer.abstained) and metrics.contains_gold(answer_text(r.answer), list(q.answers))
        )
        if not ok:
            out.append(
                {
                    "id": q.id,
                    "question": q.question,
                    "gold": list(q.answers),
                    "answer": r.answer.text,
                    "abstained": r.answer.abstained,
                    "confidence": round(r.answer.confidence, 3),
                    "hit@5": bool(set(r.retrieved[:5]) & r.relevant),
                }
            )
    return out


# -- building configurations -------------------------------------------------------------


def _project_configuration(pipeline, name: str, mode: str, top_k: int | None) -> Configuration:
    return Configuration(
        name=name,
        search=lambda q, k: pipeline.search(q, k, mode),
        ask=lambda q: pipeline.ask(q, mode=mode, top_k=top_k),
        chunks=pipeline.index.lexical().chunks,
    )


def _baseline_configuration(settings: Settings, embedder, documents) -> Configuration:
    from rag.baseline import BaselinePipeline
    from rag.store import ChromaStore

    store = ChromaStore(settings.index_dir, f"{settings.collection}-baseline-rcts", settings.chroma_url)
    baseline = BaselinePipeline(store, embedder)
    baseline.build(documents)
    return Configuration("baseline", lambda q, k: baseline.search(q, k), baseline.ask, baseline.chunks)


def _seed_documents() -> list:
    from rag.cli import seeds_dir
    from rag.loaders import find_files, load_document

    files, _ = find_files([seeds_dir()])
    return [load_document(f) for f in files]


def run_eval_command(args, settings: Settings) -> int:
    from rag.pipeline import Pipeline
    from rag.report import markdown_table, write_report

    dataset_path = args.dataset or DEFAULT_EVAL_SET
    documents, questions = load_dataset(dataset_path)
    if documents is not None and args.index is None:
        # An open-corpus benchmark gets its own index beside the default one.
        settings = settings.with_overrides(index_dir=Path(f".rag-eval-{dataset_path.stem}"))
    pipeline = Pipeline(settings)
    if documents is not None:
        print(f"indexing {len(documents)} paragraphs of {dataset_path} into {settings.index_dir} …", file=sys.stderr)
        print(pipeline.ingest_documents(documents).summary(), file=sys.stderr)
    else:
        from rag.cli import ingest_seeds_if_empty

        ingest_seeds_if_empty(pipeline)
    if args.split:
        questions = [q for q in questions if q.split == args.split]
    questions = sample_questions(questions, args.limit, args.seed)
    if not questions:
        raise ValueError(f"no questions to ask in {dataset_path} (check --split and --limit)")

    pipeline.warm_up()
    mode = args.mode or settings.mode
    configs = [_project_configuration(pipeline, mode, mode, args.top_k)]
    if args.compare:
        configs = [_project_configuration(pipeline, m, m, args.top_k) for m in ("dense", "bm25", "hybrid")]
        docs = documents if documents is not None else _seed_documents()
        configs.append(_baseline_configuration(settings, pipeline.embedder, docs))

    results = {}
    raw = {}
    for config in configs:
        raw[config.name] = run_configuration(config, questions, progress=True)
        results[config.name] = report(str(dataset_path), raw[config.name])
    if args.out:
        write_report(args.out, results, title=f"rag eval on {dataset_path} ({len(questions)} questions)")
        with (Path(args.out) / "failures.jsonl").open("w", encoding="utf-8") as handle:
            for name, rs in raw.items():
                for row in failures(rs):
                    handle.write(json.dumps({"configuration": name, **row}, ensure_ascii=False) + "\n")
    if args.json:
        clean = {name: {k: v for k, v in r.items() if k != "latencies"} for name, r in results.items()}
        print(json.dumps(clean[configs[0].name] if len(clean) == 1 else clean, ensure_ascii=False))
    else:
        print(markdown_table(results))
    return 0
