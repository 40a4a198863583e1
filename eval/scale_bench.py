"""Scale benchmark: a corpus of N chunks of real text on a `chroma run` server.

The documents are windows of one to three consecutive sentences of the SQuAD
subset's paragraphs, plus pairs of sentences from different paragraphs of the
same article, until there are N of them (each is short, so one chunk each).

Measures: first ingest time, re-ingest time of the unchanged corpus (nothing
re-embedded), query latency p50/p95 through the full hybrid search, the
resident memory of this process, and a cold start (lexical index loaded from
disk, not rebuilt). Writes eval/reports/scale/scale.md.

Usage: python eval/scale_bench.py --chunks 100000 [--port 8765]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from rag.bench import cold_seconds, rag_command
from rag.clean import clean_text
from rag.config import Settings
from rag.datasets import load_squad
from rag.sentences import sentence_spans
from rag.types import Document

SQUAD = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "squad-dev-v1.1-subset.json"


def build_corpus(n: int, seed: int = 0) -> list[Document]:
    paragraphs, _ = load_squad(SQUAD)
    by_article: dict[str, list[list[str]]] = {}
    for doc in paragraphs:
        sentences = [doc.text[s:e] for s, e in sentence_spans(doc.text)]
        by_article.setdefault(doc.title, []).append(sentences)
    texts: list[tuple[str, str]] = []
    for title, paras in by_article.items():
        for sentences in paras:
            for width in (1, 2, 3):
                for i in range(len(sentences) - width + 1):
                    texts.append((title, " ".join(sentences[i : i + width])))
    rng = random.Random(seed)
    articles = list(by_article.items())
    seen = {t for _, t in texts}
    while len(texts) < n:
        title, paras = rng.choice(articles)
        a, b = rng.choice(paras), rng.choice(paras)
        text = f"{rng.choice(a)} {rng.choice(b)}"
        if text not in seen:
            seen.add(text)
            texts.append((title, text))
    return [
        Document(source=f"scale/{i:06d}", text=clean_text(text), title=title, date=None, lang="en")
        for i, (title, text) in enumerate(texts[:n])
    ]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_chroma(path: Path, port: int) -> subprocess.Popen:
    chroma = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the Chroma server did not start within 60 s")


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def asks_with_peak_rss(command: list[str], questions: list[str]) -> tuple[list[float], float]:
    """Per-question `timings_ms.total` of one `rag ask - --json` process, and that process's peak memory in MB.

    The peak is the child's VmHWM, polled while it runs: getrusage's figure for a child also counts
    the memory of the process that forked it, which here holds a whole ingest.
    """
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    output: list[str] = []
    talker = threading.Thread(target=lambda: output.extend(proc.communicate("\n".join([questions[0], *questions]) + "\n")))
    talker.start()
    peak_kb = 0
    while talker.is_alive():
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
            peak_kb = max(peak_kb, int(status.split("VmHWM:")[1].split()[0]))
        except (OSError, IndexError):
            pass  # the process is exiting
        time.sleep(0.05)
    talker.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])}… exited with {proc.returncode}: {output[1].strip()[-800:]}")
    records = [json.loads(line) for line in output[0].splitlines() if line.strip()]
    if len(records) != len(questions) + 1:
        raise RuntimeError(f"rag ask answered {len(records)} of {len(questions) + 1} questions")
    return [float(r["timings_ms"]["total"]) for r in records[1:]], peak_kb / 1024  # the first one paid for loading


def lexical_state(index_dir: Path) -> dict[str, float]:
    """Modification times of the saved lexical index's files: they change only when it is rebuilt."""
    return {str(f.relative_to(index_dir)): f.stat().st_mtime for f in sorted(index_dir.rglob("*")) if f.is_file() and "lexical" in str(f)}


def main() -> None:
    from rag.pipeline import Pipeline

    parser = argparse.ArgumentParser()
    parser.add_argument("--chunks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("eval/reports/scale"))
    args = parser.parse_args()

    def record(**values) -> None:
        """Keep each figure as soon as it is measured: a late failure must not lose the early ones."""
        figures.update(values)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "scale.json").write_text(json.dumps(figures, indent=2))

    work = Path(tempfile.mkdtemp(prefix="rag-scale-"))
    port = free_port()
    server = start_chroma(work / "chroma-server", port)
    figures: dict[str, float | int | str] = {"chunks_requested": args.chunks}
    try:
        docs = build_corpus(args.chunks)
        settings = Settings(index_dir=work / "local", chroma_url=f"http://127.0.0.1:{port}", collection="scale")
        pipeline = Pipeline(settings)
        started = time.perf_counter()
        report = pipeline.ingest_documents(docs)
        record(
            first_ingest_s=round(time.perf_counter() - started, 1),
            chunks_written=report.chunks_written,
            ingest_process_max_rss_mb=round(rss_mb()),
        )
        started = time.perf_counter()
        again = pipeline.ingest_documents(docs)
        record(reingest_s=round(time.perf_counter() - started, 1), reingest_chunks_written=again.chunks_written)

        _, questions = load_squad(SQUAD)
        sample = [q.question for q in random.Random(0).sample(questions, min(args.queries, len(questions)))]
        # The queries run in fresh `rag` processes, as a user runs them: the memory and start-up figures are
        # theirs, not this ingesting process's. The saved lexical index must be loaded, not rebuilt.
        ask = [*rag_command(), "ask", "--index", str(settings.index_dir), "--chroma-url", settings.chroma_url, "--collection", "scale"]
        lexical_before = lexical_state(settings.index_dir)
        cold = cold_seconds([*ask, sample[0], "--json"], runs=3)
        record(cold_ask_s_median_of_3=round(statistics.median(cold), 2))
        latencies, peak_mb = asks_with_peak_rss([*ask, "-", "--json"], sample)
        latencies.sort()
        record(
            query_p50_ms=round(statistics.median(latencies), 1),
            query_p95_ms=round(latencies[int(0.95 * (len(latencies) - 1))], 1),
            ask_process_max_rss_mb=round(peak_mb),
            lexical_index_rebuilt_by_asks=lexical_state(settings.index_dir) != lexical_before,
            stored_chunks=pipeline.stats()["chunks"],
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    lines = ["| figure | value |", "|---|---:|"] + [f"| {k} | {v} |" for k, v in figures.items()]
    table = "\n".join(lines)
    (args.out / "scale.md").write_text(
        f"# Scale benchmark\n\n`python eval/scale_bench.py --chunks {args.chunks}` (Chroma server via `chroma run`, 2 CPU cores)\n\n{table}\n"
    )
    print(table)


if __name__ == "__main__":
    main()
