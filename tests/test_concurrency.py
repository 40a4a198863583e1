"""Concurrent use of one embedded index: a second writer refuses (or queues with --wait); readers keep working."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import SEEDS, FakeEmbedder
from test_crash import CHILD, HERE, make_corpus, snapshot
from test_reliability import run_cli

from rag.config import Settings
from rag.index import Index, IndexBusyError
from rag.pipeline import Pipeline


def start_slow_ingest(corpus: Path, index_dir: Path, sleep_s: float = 0.08) -> subprocess.Popen:
    """A child ingest that holds the write lock for a few seconds; returns once it holds it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(HERE), str(corpus), str(index_dir), str(sleep_s)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "start", proc.stderr.read()
    index = Index(index_dir, "rag", None, FakeEmbedder.name)
    deadline = time.monotonic() + 30
    while not index._writer_busy():
        if proc.poll() is not None:
            raise AssertionError(f"the child ingest exited ({proc.returncode}) before taking the lock: {proc.stderr.read()[-3000:]}")
        assert time.monotonic() < deadline, "the child never took the lock"
        time.sleep(0.02)
    return proc


def finish(proc: subprocess.Popen) -> None:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]


def test_a_second_writer_refuses_then_queues_with_wait(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    index_dir = tmp_path / "index"
    # Slow enough to outlast two refusals, each after PROBE_GRACE_S, and a CLI start.
    writer = start_slow_ingest(corpus, index_dir, sleep_s=0.6)
    try:
        # In-process: the library raises IndexBusyError with a message that says what to do.
        pipeline = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
        with pytest.raises(IndexBusyError, match="--wait"):
            pipeline.ingest([SEEDS])
        # The CLI: one line, exit 1, no traceback.
        busy = run_cli("ingest", str(SEEDS), "--index", str(index_dir), "--quiet")
        assert writer.poll() is None, "the first ingest ended too soon to test a busy index"
        assert busy.returncode == 1
        assert "another `rag ingest` is writing" in busy.stderr and "Traceback" not in busy.stderr
        # --wait queues behind the first writer and then runs.
        waited = run_cli("ingest", str(corpus), "--index", str(index_dir), "--quiet", "--wait", "120", "--json")
        assert waited.returncode == 0, waited.stderr
    finally:
        finish(writer)
    got = snapshot(index_dir)
    assert got["problems"] == [] and got["duplicates"] == 0
    assert len(got["documents"]) == 45


def test_readers_keep_answering_while_another_process_ingests(tmp_path):
    index_dir = tmp_path / "index"
    seeded = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    seeded.ingest([SEEDS])
    corpus = make_corpus(tmp_path / "corpus")
    reader = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    questions = ["How many hectares of green space?", "What did the river of town 3 report?", "公园"]

    answers, errors = [], []
    stop = threading.Event()

    def ask_in_a_loop(pipeline: Pipeline) -> None:
        while not stop.is_set():
            for question in questions:
                try:
                    answers.append(pipeline.ask(question))
                except Exception as exc:  # noqa: BLE001 - any error is what this test looks for
                    errors.append(f"{type(exc).__name__}: {exc}")
            time.sleep(0.02)

    writer = start_slow_ingest(corpus, index_dir)
    threads = [threading.Thread(target=ask_in_a_loop, args=(p,)) for p in (reader, seeded)]
    for thread in threads:
        thread.start()
    try:
        finish(writer)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert len(answers) >= 6
    # After the writer is done, a reader sees the new documents.
    fresh = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    assert len(fresh.documents()) == 45
    assert fresh.index.check() == []


def test_reader_processes_keep_answering_while_another_process_ingests(tmp_path):
    """`rag ask` in separate processes during an ingest: answers, exit 0, no traceback."""
    index_dir = tmp_path / "index"
    Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder()).ingest([SEEDS])
    corpus = make_corpus(tmp_path / "corpus")
    writer = start_slow_ingest(corpus, index_dir, sleep_s=0.15)
    try:
        results = []
        while writer.poll() is None and len(results) < 3:
            results.append(run_cli("ask", "How many hectares of green space?", "--index", str(index_dir), "--json"))
    finally:
        finish(writer)
    assert results
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    got = snapshot(index_dir)
    assert got["problems"] == [] and len(got["documents"]) == 45


def test_a_long_lived_reader_sees_what_another_process_ingested_and_pruned(tmp_path):
    """The UI case: a reader stays up while `rag ingest` in another terminal adds and deletes documents."""
    import shutil

    folder = tmp_path / "docs"
    shutil.copytree(SEEDS, folder)
    index_dir = tmp_path / "index"
    Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder()).ingest([folder])
    reader = Pipeline(Settings(index_dir=index_dir), embedder=FakeEmbedder())
    assert reader.ask("How many hectares of green space?").hits
    gone = sorted(folder.iterdir())[:3]
    for path in gone:
        path.unlink()
    (folder / "zebra.txt").write_text("The zebra sanctuary of Omicron opened in 2021 with 40 zebras.", encoding="utf-8")
    result = run_cli("ingest", str(folder), "--index", str(index_dir), "--quiet")
    assert result.returncode == 0, result.stderr

    for mode in ("hybrid", "dense", "bm25"):
        answer = reader.ask("When did the zebra sanctuary open?", mode=mode)
        sources = {hit.chunk.source for hit in answer.hits}
        assert "zebra.txt" in sources, mode
        assert not sources & {p.name for p in gone}, mode
    assert sorted(d.source for d in reader.documents()) == sorted(p.name for p in folder.iterdir())


PROBER = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from conftest import FakeEmbedder
from rag.index import Index

index = Index(Path(sys.argv[2]), "rag", None, FakeEmbedder.name)
print("start", flush=True)
deadline = time.monotonic() + float(sys.argv[3])
while time.monotonic() < deadline:
    index._writer_busy()
"""


def test_a_reader_checking_for_a_writer_never_turns_a_writer_away(tmp_path):
    """Readers test the write lock by taking it for an instant; a writer starting then must not be refused."""
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    probers = [
        subprocess.Popen([sys.executable, "-c", PROBER, str(HERE), str(index_dir), "20"], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for prober in probers:
        assert prober.stdout.readline().strip() == "start"
    index = Index(index_dir, "rag", None, FakeEmbedder.name)
    refused = 0
    try:
        for _ in range(100):
            try:
                with index.write_lock():
                    pass
            except IndexBusyError:
                refused += 1
    finally:
        for prober in probers:
            prober.kill()
            prober.wait()
    assert refused == 0
