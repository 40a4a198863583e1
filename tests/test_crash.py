"""Crash safety: kill -9 an ingest at random moments, run it again, and get the index a clean ingest gives.

The ingest runs in a child process (the fake embedder, slowed a little, and small
write batches, so that kills land between and inside Chroma writes); the parent
sends SIGKILL after a random delay.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import SEEDS, FakeEmbedder, index_snapshot

from rag.index import Index
from rag.ingest import Ingester

HERE = Path(__file__).resolve().parent

# The child: ingest CORPUS into INDEX with the fake embedder, small batches and a slow embed.
CHILD = r"""
import sys, time, json
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from conftest import FakeEmbedder
from rag.index import Index
from rag.ingest import Ingester

class SlowFake(FakeEmbedder):
    def embed(self, texts):
        time.sleep(float(sys.argv[4]))
        return super().embed(texts)

emb = SlowFake()
index = Index(Path(sys.argv[3]), "rag", None, emb.name)
ingester = Ingester(index, emb.embed, emb.count_tokens, 60, 10, 254, batch_chunks=6)
print("start", flush=True)
report = ingester.run([Path(sys.argv[2])])
print(json.dumps(report.to_json()), flush=True)
"""

WORDS = (
    "river harbour valley station council budget school bridge library orchard tunnel market "
    "festival rainfall museum factory railway hospital garden canal ferry census parliament"
).split()


def make_corpus(folder: Path, n_docs: int = 40, version: int = 0) -> Path:
    """Seeds plus `n_docs` generated English documents of a few chunks each (deterministic per version)."""
    folder.mkdir(parents=True, exist_ok=True)
    for seed in sorted(SEEDS.iterdir()):
        shutil.copy(seed, folder / seed.name)
    rng = random.Random(1234 + version)
    gen = folder / "generated"
    gen.mkdir(exist_ok=True)
    for i in range(n_docs):
        paragraphs = []
        for p in range(rng.randint(2, 5)):
            sentences = [
                f"The {rng.choice(WORDS)} of town {i} reported {rng.randint(1, 9999)} {rng.choice(WORDS)}s in {1990 + p}."
                for _ in range(rng.randint(3, 7))
            ]
            paragraphs.append(" ".join(sentences))
        (gen / f"doc_{i:03d}.txt").write_text(f"Report {i}\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    return folder


def snapshot(index_dir: Path) -> dict:
    return index_snapshot(index_dir)


def clean_ingest(corpus: Path, index_dir: Path) -> dict:
    emb = FakeEmbedder()
    index = Index(index_dir, "rag", None, emb.name)
    Ingester(index, emb.embed, emb.count_tokens, 60, 10, 254, batch_chunks=6).run([corpus])
    return snapshot(index_dir)


def run_child(corpus: Path, index_dir: Path, sleep_s: float, kill_after: float | None) -> tuple[str, bool]:
    """Run the child ingest; kill it after `kill_after` seconds past its start. (stdout, was killed)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(HERE), str(corpus), str(index_dir), str(sleep_s)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = proc.stdout.readline()  # "start": imports done, the ingest begins
    assert line.strip() == "start", proc.stderr.read()
    if kill_after is not None:
        time.sleep(kill_after)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return "", True
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err[-3000:]
    return out, False


def test_kill_9_at_random_moments_then_rerun_gives_the_clean_index(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    expected = clean_ingest(corpus, tmp_path / "clean")
    assert expected["problems"] == [] and expected["duplicates"] == 0
    assert len(expected["documents"]) == 45

    # How long an uninterrupted child ingest takes, to spread kills over it.
    t0 = time.monotonic()
    run_child(corpus, tmp_path / "timing", 0.03, None)
    duration = time.monotonic() - t0
    shutil.rmtree(tmp_path / "timing")

    rng = random.Random(7)
    kills = broken_states = 0
    for chain in range(2):
        # Four kills in a row on one index: the first into a fresh index, the others into
        # the re-runs of killed ones; then one run to the end, compared with the clean index.
        index_dir = tmp_path / f"index{chain}"
        for step in range(4):
            kill_after = rng.uniform(0.05, 0.85) * duration if step == 0 else rng.uniform(0.0, 0.5) * duration
            if run_child(corpus, index_dir, 0.03, kill_after)[1]:
                kills += 1
                if Index(index_dir, "rag", None, FakeEmbedder.name).exists():
                    broken_states += bool(snapshot(index_dir)["problems"])
        out, _ = run_child(corpus, index_dir, 0.0, None)
        got = snapshot(index_dir)
        assert got["problems"] == []
        assert got["duplicates"] == 0
        assert got["documents"] == expected["documents"]
        assert got["chunk_ids"] == expected["chunk_ids"]
        assert json.loads(out.splitlines()[-1])["skipped"] == []
    print(f"{kills} kills survived, {broken_states} left an inconsistent index that the re-run repaired")
    assert kills >= 6, f"only {kills} of 8 kills landed before the ingest finished"
    assert broken_states >= 2, "no kill landed mid-write: the test does not exercise recovery"


def test_kill_9_during_a_sync_then_rerun_gives_the_clean_index(tmp_path):
    """Kill while files are being updated and pruned (version 0 -> version 1 of the corpus)."""
    base = make_corpus(tmp_path / "v0", version=0)
    target = make_corpus(tmp_path / "v1", version=1)
    for i in range(0, 40, 3):  # some files deleted in v1, some kept unchanged
        (target / "generated" / f"doc_{i:03d}.txt").unlink()
    for i in range(1, 40, 4):
        shutil.copy(base / "generated" / f"doc_{i:03d}.txt", target / "generated" / f"doc_{i:03d}.txt")
    corpus = tmp_path / "corpus"
    expected = clean_ingest(target, tmp_path / "clean-target")
    # Same folder path for both versions: chunk roots (and so ids) match the clean run's.
    shutil.copytree(base, corpus)
    expected_docs = [(s, d) for s, d in expected["documents"]]

    rng = random.Random(11)
    kills = 0
    for round_ in range(2):
        # A fresh folder each round: chromadb caches its client per path within a process.
        index_dir = tmp_path / f"index{round_}"
        shutil.rmtree(corpus)
        shutil.copytree(base, corpus)
        clean_ingest(corpus, index_dir)
        shutil.rmtree(corpus)
        shutil.copytree(target, corpus)
        if run_child(corpus, index_dir, 0.03, rng.uniform(0.2, 1.2))[1]:
            kills += 1
        run_child(corpus, index_dir, 0.0, None)
        got = snapshot(index_dir)
        assert got["problems"] == []
        assert got["duplicates"] == 0
        assert got["documents"] == expected_docs
    assert kills >= 1
