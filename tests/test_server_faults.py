"""A real `chroma run` server that is down, restarted or lost in the middle of an ingest."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SEEDS, FakeEmbedder, index_snapshot
from test_crash import HERE, make_corpus
from test_reliability import run_cli

from rag.config import Settings
from rag.index import Index
from rag.ingest import Ingester
from rag.pipeline import Pipeline
from rag.store import StoreError

pytestmark = pytest.mark.slow

CHROMA = Path(sys.executable).parent / "chroma"

# The child: ingest CORPUS through the server at URL; a StoreError is printed as one line, exit 1.
CHILD = r"""
import sys, time, json
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from conftest import FakeEmbedder
from rag.index import Index
from rag.ingest import Ingester
from rag.store import StoreError

class SlowFake(FakeEmbedder):
    def embed(self, texts):
        time.sleep(0.05)
        return super().embed(texts)

emb = SlowFake()
index = Index(Path(sys.argv[3]), sys.argv[5], sys.argv[4], emb.name)
index.store.retry_wait_s = 0.25  # 0.25 + 0.5 + 1 + 2 s: a restart within ~3.7 s is ridden out
print("start", flush=True)
try:
    report = Ingester(index, emb.embed, emb.count_tokens, 60, 10, 254, batch_chunks=6).run([Path(sys.argv[2])])
except StoreError as exc:
    print(f"StoreError: {exc}", flush=True)
    sys.exit(1)
print(json.dumps(report.to_json()), flush=True)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ChromaServer:
    """`chroma run` on a free 127.0.0.1 port with its data in a temporary folder."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 60) -> None:
        log = (self.data.parent / "chroma-server.log").open("ab")
        self.proc = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(self.data), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "chroma run exited: see chroma-server.log"
            try:
                with urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise AssertionError("chroma run did not answer its heartbeat")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=30)
        self.proc = None


@pytest.fixture
def server(tmp_path):
    chroma = ChromaServer(tmp_path / "chroma-data")
    chroma.start()
    yield chroma
    chroma.kill()


def snapshot(index_dir: Path, url: str | None, collection: str = "rag") -> dict:
    return index_snapshot(index_dir, url, collection)


def ingest(corpus: Path, index_dir: Path, url: str | None, collection: str = "rag") -> None:
    emb = FakeEmbedder()
    index = Index(index_dir, collection, url, emb.name)
    Ingester(index, emb.embed, emb.count_tokens, 60, 10, 254, batch_chunks=6).run([corpus])


def start_child(corpus: Path, index_dir: Path, url: str, collection: str = "rag") -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(HERE), str(corpus), str(index_dir), url, collection],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout.readline().strip() == "start", proc.stderr.read()
    return proc


def wait_for_chunks(index_dir: Path, url: str, collection: str, child: subprocess.Popen) -> None:
    """Wait until the child has written some chunks, so that what follows lands mid-ingest."""
    store = Index(index_dir, collection, url, FakeEmbedder.name).store
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert child.poll() is None, "the ingest ended before the server went down"
        try:
            if store.exists() and store.count() >= 6:
                return
        except StoreError:
            pass
        time.sleep(0.1)
    raise AssertionError("the ingest wrote nothing in 60 s")


def test_server_down_gives_a_clear_store_error(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    pipeline = Pipeline(Settings(index_dir=tmp_path / "index", chroma_url=url), embedder=FakeEmbedder())
    with pytest.raises(StoreError, match="cannot reach the Chroma server .*`chroma run"):
        pipeline.ingest([SEEDS])
    with pytest.raises(StoreError, match="cannot reach the Chroma server"):
        pipeline.ask("How many hectares of green space?")
    result = run_cli("ingest", str(SEEDS), "--index", str(tmp_path / "index"), "--chroma-url", url, "--quiet")
    assert result.returncode == 1
    assert result.stderr.startswith("rag: cannot reach the Chroma server") and "Traceback" not in result.stderr


def test_server_restarted_mid_ingest_then_a_later_ingest_completes_the_index(tmp_path, server):
    corpus = make_corpus(tmp_path / "corpus")
    ingest(corpus, tmp_path / "clean", None)
    expected = snapshot(tmp_path / "clean", None)
    index_dir = tmp_path / "index"

    # 1. A restart within the retry budget: the ingest rides it out, or stops with a clear error.
    child = start_child(corpus, index_dir, server.url)
    wait_for_chunks(index_dir, server.url, "rag", child)
    server.kill()
    time.sleep(0.5)
    server.start()
    out, err = child.communicate(timeout=180)
    assert "Traceback" not in err, err[-3000:]
    print("restart mid-ingest:", "ridden out" if child.returncode == 0 else "clear error")
    assert child.returncode == 0 or (child.returncode == 1 and "StoreError: lost the Chroma server" in out), out + err

    # 2. A server that stays down: a clear error naming the server, within the retry budget.
    child = start_child(corpus, index_dir, server.url, collection="lost")
    wait_for_chunks(index_dir, server.url, "lost", child)
    server.kill()
    out, err = child.communicate(timeout=120)
    assert child.returncode == 1 and "Traceback" not in err, out + err
    assert f"lost the Chroma server at {server.url}" in out and "run the same command again" in out
    server.start()

    # 3. Later ingests complete both indexes: the same documents and chunks as a clean ingest.
    for collection in ("rag", "lost"):
        ingest(corpus, index_dir, server.url, collection)
        got = snapshot(index_dir, server.url, collection)
        assert got["problems"] == [] and got["duplicates"] == 0
        assert got["documents"] == expected["documents"]
        assert got["chunk_ids"] == expected["chunk_ids"]
    assert Pipeline(Settings(index_dir=index_dir, chroma_url=server.url), embedder=FakeEmbedder()).ask(
        "What did the river of town 3 report?"
    ).hits
