"""The embedder: the bundled weights' hash is checked before loading, vectors, lazy loading."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from rag import embedder as embedder_module
from rag.embedder import (
    BUNDLED_SHA256,
    EmbedderError,
    bundled_model_path,
    make_embedder,
    sha256_file,
    verify_bundled_weights,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corrupted_model(tmp_path) -> Path:
    """A copy of the bundled model folder whose weights have one byte flipped."""
    folder = tmp_path / "model"
    shutil.copytree(bundled_model_path(), folder)
    weights = folder / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    return folder


def test_bundled_weights_match_upstream():
    verify_bundled_weights(bundled_model_path())  # raises when they do not
    assert sha256_file(bundled_model_path() / "model.safetensors") == BUNDLED_SHA256


def test_corrupted_weights_are_refused(corrupted_model):
    with pytest.raises(EmbedderError) as caught:
        verify_bundled_weights(corrupted_model)
    message = str(caught.value)
    assert "SHA-256" in message and BUNDLED_SHA256 in message
    assert "model.safetensors" in message and "Reinstall" in message


def test_missing_weights_are_refused(corrupted_model):
    (corrupted_model / "model.safetensors").unlink()
    with pytest.raises(EmbedderError, match="missing"):
        verify_bundled_weights(corrupted_model)


def test_embedder_checks_the_hash_before_loading_the_model(corrupted_model, monkeypatch):
    # Queries (NumPy encoder) and ingest batches (ONNX Runtime encoder) each load the weights by their own path.
    for module in (embedder_module, importlib.import_module("rag.fast_encoder"), importlib.import_module("rag.onnx_encoder")):
        monkeypatch.setattr(module, "bundled_model_path", lambda: corrupted_model)
        if hasattr(module, "_bundled"):
            monkeypatch.setattr(module, "_bundled", None)
    embedder = make_embedder()
    for texts in (["one query"], [f"passage {i}" for i in range(40)]):  # a question, and an ingest batch
        with pytest.raises(EmbedderError, match="SHA-256"):
            embedder.embed(texts)
    assert embedder._model is None


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_model_loads_lazily(tmp_path):
    out = _run(
        f"""
        import sys
        from pathlib import Path
        from rag.config import Settings
        from rag.pipeline import Pipeline
        pipeline = Pipeline(Settings(index_dir=Path({str(tmp_path / "index")!r})))
        pipeline.embedder.count_tokens(["counting tokens needs only the tokenizer"])
        print(sorted(m for m in ("sentence_transformers", "torch", "transformers", "chromadb") if m in sys.modules))
        """
    )
    assert out == "[]"


def test_cli_help_is_light():
    out = _run(
        """
        import sys, contextlib, io
        from rag.cli import build_parser
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                build_parser().parse_args(["--help"])
            except SystemExit:
                pass
        print(sorted(m for m in ("sentence_transformers", "torch", "chromadb", "gradio") if m in sys.modules))
        """
    )
    assert out == "[]"


@pytest.mark.slow
def test_embeddings_are_unit_length_with_384_dims(real_embedder):
    texts = ["Minhang will complete 80 hectares of green space.", "区长周海鹰", "", "x " * 2000]
    vectors = real_embedder.embed(texts)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


@pytest.mark.slow
def test_embeddings_keep_input_order_and_meaning(real_embedder):
    # embed() sorts by length internally; rows must come back in the caller's order.
    texts = ["green space and pocket parks", "a", "the quarterly work meeting of the district committee"]
    vectors = real_embedder.embed(texts)
    one_by_one = np.vstack([real_embedder.embed([t]) for t in texts])
    assert np.allclose(vectors, one_by_one, atol=1e-5)
    query = real_embedder.embed(["parks and greenery"])[0]
    assert int(np.argmax(vectors @ query)) == 0


@pytest.mark.slow
def test_real_embedder_name_and_limit(real_embedder):
    assert real_embedder.name == "bundled:all-MiniLM-L6-v2"
    assert real_embedder.max_tokens == 256
