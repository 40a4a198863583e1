"""`rag bench`: the project's speed against the stock pipeline (rag/baseline.py), same machine, same run.

Three measures, each for both pipelines:
- cold `ask`: wall time of a fresh process answering one question (imports, model load, index open);
- warm `ask`: per-question time inside one process answering a batch, English and Chinese apart;
- ingest throughput on the SQuAD subset, in paragraphs and chunks per second (models loaded beforehand).

The stock pipeline runs in its own process through `python -m rag.bench stock-ask FOLDER QUESTION|-`,
with sentence-transformers for every embedding (no NumPy fast path), as a tutorial-built pipeline would.
Figures on a shared machine are noisy: the machine's load average is recorded with them.

Usage:
    rag bench --quick --out eval/reports/bench
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH_FORMAT = 1  # bumped when bench.json changes shape
SQUAD_SUBSET = Path("/work/shared/datasets/squad-dev-v1.1-subset.json")
COLD_QUESTION = "How many hectares of green space will Minhang complete this year?"
BASELINE_COLLECTION = "baseline"
SUBPROCESS_TIMEOUT_S = 600


@dataclass(frozen=True)
class BenchPlan:
    """How much to measure; `quick` is the CI-sized run."""

    cold_runs: int = 5
    warm_questions_per_lang: int | None = 40  # the first 40 seed questions of each language (zh has 37); None = all
    ingest_paragraphs: int | None = None  # None = the whole SQuAD subset (913 paragraphs)
    ingest_runs: int = 3  # stock and project alternate; the median of each is reported

    def __post_init__(self) -> None:
        if self.cold_runs < 1:
            raise ValueError(f"cold_runs must be at least 1, got {self.cold_runs}")
        if self.ingest_runs < 1:
            raise ValueError(f"ingest_runs must be at least 1, got {self.ingest_runs}")


FULL = BenchPlan()
QUICK = BenchPlan(cold_runs=3, warm_questions_per_lang=15, ingest_paragraphs=100, ingest_runs=1)


# -- small statistics ------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def p95(values: Sequence[float]) -> float:
    """The 95th percentile, linearly interpolated (numpy's default)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("p95 of no values")
    rank = 0.95 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


# -- the stock pipeline, run as its own process -------------------------------------------


def stock_embedder():  # -> SentenceTransformerEmbedder
    """The bundled model through sentence-transformers for every call, as the stock pipeline uses it.

    Named by its folder rather than the default name, so the NumPy query path is not taken; the
    weights are hash-checked here because loading by folder name skips that check.
    """
    from rag.embedder import SentenceTransformerEmbedder, bundled_model_path, verify_bundled_weights

    folder = bundled_model_path()
    verify_bundled_weights(folder)
    return SentenceTransformerEmbedder(str(folder))


def stock_pipeline(folder: Path):  # -> rag.baseline.BaselinePipeline
    from rag.baseline import BaselinePipeline
    from rag.store import ChromaStore

    return BaselinePipeline(ChromaStore(Path(folder), BASELINE_COLLECTION), stock_embedder())


def stock_ask_main(argv: Sequence[str]) -> int:
    """`python -m rag.bench stock-ask FOLDER QUESTION`; with QUESTION `-`, one JSON line per stdin line."""
    if len(argv) != 2:
        print("usage: python -m rag.bench stock-ask FOLDER QUESTION|-", file=sys.stderr)
        return 2
    folder, question = Path(argv[0]), argv[1]
    pipeline = stock_pipeline(folder)
    pipeline.store.open(pipeline.embedder.name)
    if question != "-":
        print(pipeline.ask(question).text)
        return 0
    for line in sys.stdin:
        if not line.strip():
            continue
        started = time.perf_counter()
        answer = pipeline.ask(line.strip())
        total_ms = (time.perf_counter() - started) * 1000
        print(json.dumps({"question": line.strip(), "answer": answer.text, "timings_ms": {"total": total_ms}}, ensure_ascii=False), flush=True)
    return 0


# -- measuring ------------------------------------------------------------------------


def rag_command() -> list[str]:
    """The installed `rag` script beside this Python (what a user runs), else `python -m rag.cli`."""
    script = Path(sys.executable).parent / "rag"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "rag.cli"]


def stock_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "rag.bench", "stock-ask", str(folder)]


def _run(command: list[str], stdin: str | None = None) -> str:
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=SUBPROCESS_TIMEOUT_S)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}… exited with {done.returncode}: {done.stderr.strip()[-800:]}")
    return done.stdout


def cold_seconds(command: list[str], runs: int) -> list[float]:
    """Wall time of `runs` fresh processes, process start included."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        _run(command)
        times.append(time.perf_counter() - started)
    return times


def warm_milliseconds(command: list[str], questions: Sequence[str]) -> list[float]:
    """Per-question `timings_ms.total` from one process fed `questions` on stdin.

    The first question is asked twice and its first timing dropped: it pays for lazy loading.
    """
    lines = [q for q in _run(command, "\n".join([questions[0], *questions]) + "\n").splitlines() if q.strip()]
    records = [json.loads(line) for line in lines]
    if len(records) != len(questions) + 1:
        raise RuntimeError(f"{command[0]} answered {len(records)} of {len(questions) + 1} questions")
    return [float(r["timings_ms"]["total"]) for r in records[1:]]


def seed_questions(path: Path, lang: str, limit: int | None) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [r["question"] for r in rows if r.get("lang") == lang]
    if not questions:
        raise ValueError(f"{path}: no questions with lang {lang!r}")
    return questions[:limit] if limit else questions


def ingest_rates(documents, folder: Path, embedder, runs: int = 1) -> dict[str, dict[str, float]]:
    """Paragraphs and chunks per second for the project's ingest and the stock one, models preloaded.

    Each run builds both indexes from nothing, stock then project, so machine noise falls on both;
    the median time of each side is reported.
    """
    from rag.config import Settings
    from rag.pipeline import Pipeline

    stock_s, project_s = [], []
    for run in range(runs):
        stock = stock_pipeline(folder / f"stock-{run}")
        stock.embedder.embed([f"warm up {i}" for i in range(16)])  # loads sentence-transformers
        started = time.perf_counter()
        stock_chunks = stock.build(documents)
        stock_s.append(time.perf_counter() - started)

        project = Pipeline(Settings(index_dir=folder / f"project-{run}"), embedder=embedder)
        embedder.embed([f"warm up {i}" for i in range(16)])
        started = time.perf_counter()
        report = project.ingest_documents(documents)
        project_s.append(time.perf_counter() - started)
        if report.skipped:
            raise RuntimeError(f"the project's ingest skipped {len(report.skipped)} paragraphs: {report.skipped[:3]}")

    def rates(chunks: int, times: list[float]) -> dict:
        seconds = median(times)
        return {
            "seconds": seconds,
            "runs_s": times,
            "chunks": chunks,
            "paragraphs_per_s": len(documents) / seconds,
            "chunks_per_s": chunks / seconds,
        }

    return {"project": rates(report.chunks_written, project_s), "stock": rates(stock_chunks, stock_s)}


# -- the whole benchmark -------------------------------------------------------------------


def run_bench(out: Path, plan: BenchPlan, seeds: Path, eval_set: Path, squad: Path, index: Path | None = None) -> dict:
    """Measure everything, write `out/bench.json` and `out/bench.md`, and return the results."""
    from rag.baseline import BaselinePipeline  # noqa: F401  (fail early when it is missing)
    from rag.config import Settings
    from rag.datasets import load_squad
    from rag.embedder import make_embedder
    from rag.pipeline import Pipeline

    for path in (seeds, eval_set, squad):
        if not path.exists():
            raise FileNotFoundError(f"rag bench needs {path}; it is missing")
    work = Path(tempfile.mkdtemp(prefix="rag-bench-"))
    try:
        embedder = make_embedder()
        # The project's seed index, unless the caller gave one that already holds the seeds.
        if index is None or not Pipeline(Settings(index_dir=index)).index.exists():
            index = work / "project-seeds"
            Pipeline(Settings(index_dir=index), embedder=embedder).ingest([seeds])
        stock_seeds = work / "stock-seeds"
        from rag.loaders import find_files, load_document

        found, _ = find_files([seeds])
        seed_docs = [load_document(f) for f in found]
        stock_pipeline(stock_seeds).build(seed_docs)

        project_ask = [*rag_command(), "ask", "--index", str(index)]
        stock_ask = stock_command(stock_seeds)
        cold = {
            "project": cold_seconds([*project_ask, COLD_QUESTION], plan.cold_runs),
            "stock": cold_seconds([*stock_ask, COLD_QUESTION], plan.cold_runs),
        }
        # One process per pipeline answers both languages; the timings are split by language after.
        en = seed_questions(eval_set, "en", plan.warm_questions_per_lang)
        zh = seed_questions(eval_set, "zh", plan.warm_questions_per_lang)
        project_ms = warm_milliseconds([*project_ask, "-", "--json"], en + zh)
        stock_ms = warm_milliseconds([*stock_ask, "-"], en + zh)
        warm = {
            "en": {"project": project_ms[: len(en)], "stock": stock_ms[: len(en)]},
            "zh": {"project": project_ms[len(en) :], "stock": stock_ms[len(en) :]},
        }

        documents, _ = load_squad(squad)
        documents = documents[: plan.ingest_paragraphs] if plan.ingest_paragraphs else documents
        ingest = ingest_rates(documents, work / "ingest", embedder, plan.ingest_runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    results = {
        "format": BENCH_FORMAT,
        "plan": plan.__dict__,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_1m": os.getloadavg()[0],
            "python": platform.python_version(),
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
        "cold_s": cold,
        "warm_ms": warm,
        "ingest": {**ingest, "paragraphs": len(documents)},
        "rows": summary_rows(cold, warm, ingest),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "bench.md").write_text(render_markdown(results), encoding="utf-8")
    return results


def summary_rows(cold: dict, warm: dict, ingest: dict) -> list[dict]:
    """The table: one row per measure, project and stock side by side, and how many times faster we are."""
    rows = [
        _row(f"cold ask, median of {len(cold['project'])} (s)", median(cold["project"]), median(cold["stock"]), lower_is_better=True),
    ]
    for lang, name in (("en", "English"), ("zh", "Chinese")):
        w = warm[lang]
        n = len(w["project"])
        rows.append(_row(f"warm ask {name}, median of {n} (ms)", median(w["project"]), median(w["stock"]), lower_is_better=True))
        rows.append(_row(f"warm ask {name}, p95 of {n} (ms)", p95(w["project"]), p95(w["stock"]), lower_is_better=True))
    for key, name in (("paragraphs_per_s", "paragraphs/s"), ("chunks_per_s", "chunks/s")):
        rows.append(_row(f"ingest SQuAD, {name}", ingest["project"][key], ingest["stock"][key], lower_is_better=False))
    return rows


def _row(measure: str, project: float, stock: float, lower_is_better: bool) -> dict:
    speedup = (stock / project if lower_is_better else project / stock) if project and stock else float("nan")
    return {"measure": measure, "project": project, "stock": stock, "speedup": speedup}


def render_markdown(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# rag bench",
        "",
        f"{m['when']}, {m['cpus']} CPUs, load average {m['load_average_1m']:.2f} at the end, Python {m['python']}; "
        f"{'quick' if results['plan']['cold_runs'] < FULL.cold_runs else 'full'} run. "
        "Speed-up is how many times faster the project is (above 1: faster). "
        "Shared machines make these figures noisy.",
        "",
        render_table(results["rows"]),
        "",
    ]
    return "\n".join(lines)


def render_table(rows: Sequence[dict]) -> str:
    lines = ["| measure | project | stock | speed-up |", "|---|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['measure']} | {_fmt(r['project'])} | {_fmt(r['stock'])} | {r['speedup']:.1f}× |")
    return "\n".join(lines)


def _fmt(value: float) -> str:
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def run_bench_command(args, settings) -> int:  # args: argparse.Namespace, settings: rag.config.Settings
    """`rag bench [--quick] [--out DIR] [--index DIR]`: print the table and write bench.md and bench.json."""
    from rag.cli import seeds_dir

    if getattr(args, "chroma_url", None):
        raise ValueError("rag bench measures the embedded index; drop --chroma-url")
    root = Path(__file__).resolve().parent.parent
    results = run_bench(
        Path(args.out),
        QUICK if args.quick else FULL,
        seeds=seeds_dir(),
        eval_set=root / "eval" / "seeds.jsonl",
        squad=Path(os.environ.get("RAG_BENCH_SQUAD", SQUAD_SUBSET)),
        index=getattr(args, "index", None),
    )
    print(render_table(results["rows"]))
    print(f"\nwrote {Path(args.out) / 'bench.md'} and {Path(args.out) / 'bench.json'}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["stock-ask"]:
        sys.exit(stock_ask_main(sys.argv[2:]))
    print("usage: python -m rag.bench stock-ask FOLDER QUESTION|-  (the benchmark itself is `rag bench`)", file=sys.stderr)
    sys.exit(2)
