"""The NumPy (queries) and ONNX Runtime (ingest) all-MiniLM-L6-v2 must give sentence-transformers' vectors, without torch."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rag.fast_encoder import erf, gelu

ROOT = Path(__file__).resolve().parent.parent
SEEDS_EVAL = ROOT / "eval" / "seeds.jsonl"


def _eval_rows() -> list[dict]:
    return [json.loads(line) for line in SEEDS_EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]


def _sentences() -> list[str]:
    """About 50 English and Chinese questions and evidence sentences, plus awkward inputs."""
    rows = _eval_rows()
    en = [r for r in rows if r["lang"] == "en"][:15]
    zh = [r for r in rows if r["lang"] == "zh"][:15]
    texts = [r["question"] for r in en + zh] + [r["evidence"][0] for r in en[:10] + zh[:10] if r.get("evidence")]
    texts += [
        "",
        "a",
        "闵",
        "Minhang 闵行区 80 hectares of green space (公顷绿地) in 2024?",
        "Café naïve résumé — “quotes” & emoji 🌳",
        "word " * 400,  # truncated at 256 word pieces by both
        "绿" * 300,
    ]
    return texts


def test_erf_matches_math_erf():
    x = np.linspace(-6, 6, 2001, dtype=np.float32)
    expected = np.array([math.erf(float(v)) for v in x])
    assert np.max(np.abs(erf(x) - expected)) < 5e-7  # 1.5e-7 for the formula, the rest is float32 rounding
    assert erf(x).dtype == np.float32


def test_gelu_is_the_exact_erf_form():
    x = np.array([-3.0, -1.0, 0.0, 0.5, 2.0], dtype=np.float32)
    expected = [0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.tolist()]
    np.testing.assert_allclose(gelu(x), expected, atol=1e-6)


def _encoder(kind: str):
    if kind == "numpy":
        from rag.fast_encoder import bundled_encoder

        return bundled_encoder()
    from rag.onnx_encoder import bundled_onnx_encoder

    return bundled_onnx_encoder()


ENCODERS = ["numpy", "onnx"]


@pytest.mark.parametrize("kind", ENCODERS)
def test_batched_texts_of_different_lengths_match_one_at_a_time(kind):
    encoder = _encoder(kind)
    texts = ["short", "a much longer question about the green space of Minhang district this year", "闵行区绿地"]
    batched = encoder.encode(texts)
    single = np.vstack([encoder.encode([t]) for t in texts])
    assert batched.shape == (3, 384) and batched.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(batched, single, atol=2e-6)  # padding is masked out
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.parametrize(
    "work",
    [
        # A question: a query embedding and token counting stay on the NumPy path.
        "v = e.embed(['How many hectares of green space?']); assert e.count_tokens(['hello world']) == [2]",
        # An ingest: batches of paragraphs go through ONNX Runtime.
        "v = e.embed([f'paragraph number {i} about parks' for i in range(40)])",
        # `rag ask -`, the UI and `rag eval`: questions through ONNX Runtime after the warm-up.
        "e.prepare_for_many_questions(); v = e.embed(['How many hectares of green space?'])",
    ],
    ids=["ask", "ingest", "many-questions"],
)
def test_the_bundled_model_never_imports_torch_or_sentence_transformers(work):
    code = (
        f"import sys; from rag.embedder import make_embedder; e = make_embedder(); {work}; "
        "assert v.shape[1] == 384, v.shape; "
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_after_the_warm_up_questions_go_through_onnx_runtime_with_the_same_vectors(monkeypatch):
    import rag.fast_encoder
    from rag.embedder import make_embedder

    questions = ["How many hectares of green space will Minhang complete?", "区委副书记、区长是谁？"]
    embedder = make_embedder()
    one_question_path = embedder.embed(questions)
    embedder.prepare_for_many_questions()

    def numpy_encoder_used():
        raise AssertionError("questions still go through the NumPy encoder")

    monkeypatch.setattr(rag.fast_encoder, "bundled_encoder", numpy_encoder_used)
    np.testing.assert_allclose(embedder.embed(questions), one_question_path, atol=1e-5)


@pytest.fixture(scope="module")
def st_model(real_embedder):
    return real_embedder._load()  # the SentenceTransformer itself


@pytest.fixture(scope="module")
def seed_chunk_texts(real_seed_index) -> list[str]:
    """The seed chunks as ingest embeds them (title, newline, text)."""
    from rag.config import Settings
    from rag.pipeline import Pipeline

    pipeline = Pipeline(Settings(index_dir=real_seed_index))
    pipeline._ensure_open()
    chunks = pipeline.index.lexical().chunks
    assert len(chunks) > 20
    return [c.title + "\n" + c.text if c.title else c.text for c in chunks]


@pytest.mark.slow
@pytest.mark.parametrize("kind", ENCODERS)
def test_vectors_match_sentence_transformers(kind, st_model, seed_chunk_texts):
    encoder = _encoder(kind)
    texts = _sentences() + seed_chunk_texts
    reference = st_model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True)
    # Small batches, as queries arrive; the padding inside each batch must not matter.
    ours = np.vstack([encoder.encode(texts[i : i + 8]) for i in range(0, len(texts), 8)])
    cosines = np.sum(ours * reference, axis=1)
    worst = int(np.argmin(cosines))
    assert cosines.min() >= 0.9999, f"cosine {cosines.min():.6f} for {texts[worst][:80]!r}"


@pytest.mark.slow
def test_top10_seed_rankings_match_sentence_transformers(st_model, seed_chunk_texts):
    from rag.fast_encoder import bundled_encoder
    from rag.onnx_encoder import bundled_onnx_encoder

    encoder = bundled_encoder()
    rows = _eval_rows()
    questions = [r["question"] for r in rows if r["lang"] == "en"][:12] + [r["question"] for r in rows if r["lang"] == "zh"][:8]
    assert len(questions) == 20
    st_chunks = st_model.encode(seed_chunk_texts, batch_size=64, normalize_embeddings=True)
    st_queries = st_model.encode(questions, normalize_embeddings=True)
    np_queries = np.vstack([encoder.encode([q]) for q in questions])
    np_chunks = np.vstack([encoder.encode(seed_chunk_texts[i : i + 8]) for i in range(0, len(seed_chunk_texts), 8)])

    def top10(queries: np.ndarray, chunks: np.ndarray) -> list[list[int]]:
        return [list(np.argsort(-(chunks @ q), kind="stable")[:10]) for q in queries]

    onnx_chunks = bundled_onnx_encoder().encode(seed_chunk_texts)

    expected = top10(st_queries, st_chunks)
    assert top10(np_queries, onnx_chunks) == expected  # production: NumPy queries, ONNX Runtime-built index
    assert top10(np_queries, st_chunks) == expected  # an index built by sentence-transformers reads the same
    assert top10(np_queries, np_chunks) == expected


@pytest.mark.slow
def test_load_and_query_time_report():
    """Loading in a fresh process stays well under a second, and one query takes milliseconds."""
    code = (
        "import time; t = time.perf_counter(); from rag.fast_encoder import bundled_encoder; e = bundled_encoder(); "
        "load = time.perf_counter() - t; e.encode(['warm']); t = time.perf_counter(); "
        "[e.encode(['How many hectares of green space will Minhang complete this year?']) for _ in range(20)]; "
        "print(load, (time.perf_counter() - t) / 20)"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    load_s, query_s = map(float, out.stdout.split())
    print(f"import+load {load_s:.3f} s, one query {query_s * 1000:.1f} ms, process {time.perf_counter() - started:.2f} s")
    assert load_s < 3.0  # loose: the machine is shared; typical is ~0.3 s
    assert query_s < 0.2  # typical is 5-15 ms
