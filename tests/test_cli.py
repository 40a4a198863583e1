"""The `rag` command, run as a user runs it: a subprocess of the installed entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RAG = Path(sys.executable).parent / "rag"
GREEN = "How many hectares of green space will Minhang complete this year?"


def rag(*args: str, cwd: Path, stdin: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    return subprocess.run(
        [str(RAG), *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=timeout, env=env
    )


def assert_one_line_error(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rag: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


# -- errors: fast, nothing is ingested -------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "\t"])
def test_empty_question(tmp_path, question):
    result = rag("ask", question, "--index", str(tmp_path / "index"), cwd=tmp_path, timeout=60)
    assert_one_line_error(result, "empty")
    assert not (tmp_path / "index").exists()  # refused before any auto-ingest


def test_unreachable_chroma_server(tmp_path):
    result = rag(
        "ask", GREEN, "--chroma-url", "http://127.0.0.1:9", "--index", str(tmp_path / "i"), cwd=tmp_path, timeout=120
    )
    assert_one_line_error(result, "http://127.0.0.1:9", "chroma run")


def test_ingest_missing_path(tmp_path):
    result = rag("ingest", str(tmp_path / "nowhere"), "--index", str(tmp_path / "i"), cwd=tmp_path, timeout=60)
    assert_one_line_error(result, "nowhere", "no such file")


def test_ingest_unreadable_folder(tmp_path):
    folder = tmp_path / "not-a-folder.txt"
    folder.write_bytes(b"\x00\x01\x02binary\x00" * 100)
    result = rag("ingest", str(folder), "--index", str(tmp_path / "i"), "--json", cwd=tmp_path, timeout=120)
    assert result.returncode == 3  # some files skipped
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["skipped"] and "binary" in report["skipped"][0]["reason"]


def test_bad_mode_is_a_usage_error(tmp_path):
    result = rag("ask", GREEN, "--mode", "fuzzy", cwd=tmp_path, timeout=60)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_invalid_chroma_url(tmp_path):
    result = rag("ask", GREEN, "--chroma-url", "localhost:8000", cwd=tmp_path, timeout=60)
    assert_one_line_error(result, "chroma_url")


def test_index_of_another_model(tmp_path):
    """A fake-model index opened by the CLI (bundled model) says to re-ingest."""
    code = (
        "import sys; sys.path.insert(0, 'tests');"
        "from pathlib import Path; from conftest import FakeEmbedder, SEEDS;"
        "from rag.config import Settings; from rag.pipeline import Pipeline;"
        f"Pipeline(Settings(index_dir=Path({str(tmp_path / 'index')!r})), embedder=FakeEmbedder()).ingest([SEEDS / '002_0494a65b94bf554c.txt'])"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)
    result = rag("ask", GREEN, "--index", str(tmp_path / "index"), cwd=tmp_path, timeout=120)
    assert_one_line_error(result, "fake-hash-embedder", "re-ingest")


# -- answers: the real model ------------------------------------------------------------------


@pytest.fixture
def index_copy(real_seed_index, tmp_path) -> Path:
    index = tmp_path / "index"
    shutil.copytree(real_seed_index, index)
    return index


@pytest.mark.slow
def test_ask_json(index_copy, tmp_path):
    result = rag("ask", GREEN, "--json", "--index", str(index_copy), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert {"question", "answer", "abstained", "citations", "passages", "timings_ms"} <= set(data)
    assert data["question"] == GREEN and data["abstained"] is False
    assert "80 hectares" in data["answer"]
    assert data["citations"]
    for citation in data["citations"]:
        assert {"marker", "source", "chunk_id", "start", "end", "text"} <= set(citation)
        assert f"[{citation['marker']}]" in data["answer"]
    assert data["citations"][0]["source"] == "001_0f473db965e7e286.txt"
    assert [p["rank"] for p in data["passages"]] == list(range(1, len(data["passages"]) + 1))
    for passage in data["passages"]:
        assert {"rank", "source", "chunk_id", "start", "end", "text", "score"} <= set(passage)
        assert passage["end"] - passage["start"] == len(passage["text"])
    assert {"total", "retrieve", "generate"} <= set(data["timings_ms"])
    assert all(isinstance(v, (int, float)) and v >= 0 for v in data["timings_ms"].values())


@pytest.mark.slow
def test_ask_stdin_one_json_line_per_question(index_copy, tmp_path):
    questions = [GREEN, "区委副书记、区长是谁？", "What is the capital of Australia?"]
    result = rag("ask", "-", "--json", "--index", str(index_copy), cwd=tmp_path, stdin="\n".join(questions) + "\n\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [a["question"] for a in answers] == questions
    assert "80 hectares" in answers[0]["answer"]
    assert "周海鹰" in answers[1]["answer"]
    assert answers[2]["abstained"] is True and answers[2]["passages"]


@pytest.mark.slow
def test_ask_plain_text_and_source_filter(index_copy, tmp_path):
    result = rag("ask", GREEN, "--index", str(index_copy), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (
        "80 hectares" in result.stdout and "001_0f473db965e7e286.txt" in result.stdout and "Sources:" in result.stdout
    )
    only = "003_613d43c8501668be.txt"
    result = rag("ask", GREEN, "--json", "--source", only, "--index", str(index_copy), cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["passages"] and {p["source"] for p in data["passages"]} == {only}


@pytest.mark.slow
def test_ask_on_an_empty_index_ingests_the_seeds(tmp_path):
    index = tmp_path / "fresh"
    result = rag("ask", GREEN, "--json", "--index", str(index), cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "is empty: ingesting" in result.stderr and "5 added" in result.stderr
    assert "80 hectares" in json.loads(result.stdout)["answer"]
    docs = rag("docs", "--json", "--index", str(index), cwd=tmp_path)
    assert sorted(d["source"] for d in json.loads(docs.stdout)) == sorted(
        p.name for p in (ROOT / "seeds").glob("*.txt")
    )
