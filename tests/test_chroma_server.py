"""Against a real `chroma run` server: ingest, re-ingest, ask, from the library and the CLI."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SEEDS, FakeEmbedder

from rag.config import Settings
from rag.pipeline import Pipeline

CHROMA = Path(sys.executable).parent / "chroma"
RAG = Path(sys.executable).parent / "rag"
GREEN = "How many hectares of green space will Minhang complete this year?"

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory, request) -> str:
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = (data / "server.log").open("wb")
    process = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(data / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def stop() -> None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()

    request.addfinalizer(stop)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"chroma run did not start: {(data / 'server.log').read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)
    return url


def test_ingest_and_ask_through_the_server(chroma_url, tmp_path):
    settings = Settings(index_dir=tmp_path / "index", chroma_url=chroma_url, collection="fake-seeds")
    pipeline = Pipeline(settings, embedder=FakeEmbedder())
    report = pipeline.ingest([SEEDS])
    assert len(report.added) == 5 and report.chunks_written > 0
    assert pipeline.stats()["chroma"] == chroma_url
    assert not (tmp_path / "index" / "chroma").exists()  # nothing went to an embedded store

    again = pipeline.ingest([SEEDS])
    assert again.chunks_written == 0 and len(again.unchanged) == 5

    answer = pipeline.ask(GREEN)
    assert "80 hectares" in answer.text
    assert answer.citations[0].source == "001_0f473db965e7e286.txt"
    zh = pipeline.ask("区委副书记、区长是谁？")
    assert "周海鹰" in zh.text

    # A second client (another machine, say) with its own lexical folder sees the same index.
    other = Pipeline(
        Settings(index_dir=tmp_path / "elsewhere", chroma_url=chroma_url, collection="fake-seeds"),
        embedder=FakeEmbedder(),
    )
    assert [d.source for d in other.documents()] == [d.source for d in pipeline.documents()]
    assert "80 hectares" in other.ask(GREEN).text


def test_real_cli_ask_against_the_server(chroma_url, tmp_path, real_embedder):
    settings = Settings(index_dir=tmp_path / "index", chroma_url=chroma_url, collection="real-seeds")
    Pipeline(settings, embedder=real_embedder).ingest([SEEDS])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    result = subprocess.run(
        [
            str(RAG),
            "ask",
            GREEN,
            "--json",
            "--chroma-url",
            chroma_url,
            "--collection",
            "real-seeds",
            "--index",
            str(tmp_path / "cli-index"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "is empty" not in result.stderr  # it used the server's index, it did not re-ingest
    data = json.loads(result.stdout)
    assert "80 hectares" in data["answer"]
    assert data["citations"][0]["source"] == "001_0f473db965e7e286.txt"


def test_wrong_model_on_the_server_is_refused(chroma_url, tmp_path):
    from rag.store import IndexMismatchError

    class OtherModel(FakeEmbedder):
        name = "another-embedding-model"

    settings = Settings(index_dir=tmp_path / "index", chroma_url=chroma_url, collection="fake-seeds")
    pipeline = Pipeline(settings, embedder=FakeEmbedder())
    if pipeline.is_empty():
        pipeline.ingest([SEEDS])
    with pytest.raises(IndexMismatchError, match="re-ingest"):
        Pipeline(settings, embedder=OtherModel()).ask(GREEN)
