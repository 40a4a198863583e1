"""`rag eval`: relevance judgement, the metric groups, and a small real run of the benchmark (so it cannot rot)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rag.datasets import EvalQuestion
from rag.evaluate import QuestionResult, answer_text, relevant_chunks, report
from rag.types import Answer, Chunk, Citation

ROOT = Path(__file__).resolve().parent.parent
RAG = str(Path(sys.executable).parent / "rag")


def _chunk(source: str, position: int, start: int, text: str) -> Chunk:
    return Chunk("d" + source, source, position, 3, start, start + len(text), text)


CHUNKS = [
    _chunk("a.txt", 0, 0, "Minhang will complete 80 hectares of green space."),
    _chunk("a.txt", 1, 50, "It will also build 20 pocket parks and 80 benches."),
    _chunk("b.txt", 0, 0, "Yangpu will complete 80 hectares of green space too."),
]


def _question(**kw) -> EvalQuestion:
    base = dict(id="q", question="How many hectares?", answers=("80 hectares",), sources=("a.txt",),
                evidence=("complete 80 hectares of green space",), lang="en", type="fact", split="tune")
    return EvalQuestion(**{**base, **kw})


def test_relevant_passage_must_come_from_a_gold_source_and_hold_the_evidence():
    relevant = relevant_chunks(_question(), CHUNKS)
    assert relevant == {CHUNKS[0].chunk_id}  # b.txt holds the same words but is not a gold source


def test_relevance_falls_back_to_the_answer_when_no_chunk_holds_the_whole_quote():
    q = _question(evidence=("a quote split across two chunks",), answers=("20 pocket parks",))
    assert relevant_chunks(q, CHUNKS) == {CHUNKS[1].chunk_id}


def _result(q: EvalQuestion, retrieved: list[str], text: str, abstained: bool = False, cites: int = 0) -> QuestionResult:
    citations = tuple(Citation(i + 1, "a.txt", CHUNKS[0].chunk_id, 0, 10, "x") for i in range(cites))
    answer = Answer(q.question, text, citations, (), abstained=abstained)
    return QuestionResult(q, retrieved, relevant_chunks(q, CHUNKS) if q.answerable else set(), answer, 10.0, cites)


def test_report_groups_and_headline_exclude_crosslingual_questions():
    ids = [c.chunk_id for c in CHUNKS]
    results = [
        _result(_question(id="1"), [ids[0], ids[2]], "It will complete 80 hectares. [1]", cites=1),
        _result(_question(id="2"), [ids[2], ids[0]], "Something else entirely. [1]", cites=1),
        _result(_question(id="3", type="unanswerable", answers=(), sources=(), evidence=()), [ids[1]], "No.", abstained=True),
        _result(_question(id="4", type="crosslingual"), [ids[2]], "wrong", cites=0),
    ]
    out = report("toy", results)
    assert set(out) >= {"dataset", "n", "retrieval", "answer", "citation", "abstention", "latency_ms", "by_split"}
    assert out["n"] == 3  # the crosslingual question is reported only in by_split
    assert out["retrieval"]["hit@1"] == pytest.approx(0.5)
    assert out["retrieval"]["mrr"] == pytest.approx(0.75)  # (1 + 1/2) / 2
    assert out["answer"]["contains_gold"] == pytest.approx(0.5)
    assert out["abstention"]["recall"] == pytest.approx(1.0)
    assert out["abstention"]["false_rate"] == pytest.approx(0.0)
    assert out["by_split"]["type:crosslingual"]["n"] == 1
    assert answer_text(results[0].answer) == "It will complete 80 hectares."


@pytest.mark.slow
def test_rag_eval_runs_end_to_end_on_a_small_sample(tmp_path, real_seed_index):
    """The benchmark itself, with the real model, on five questions (CI keeps it from rotting)."""
    import shutil

    index = tmp_path / "index"
    shutil.copytree(real_seed_index, index)
    out = tmp_path / "report"
    env = {**os.environ, "RAG_INDEX": str(index)}
    proc = subprocess.run(
        [RAG, "eval", "--limit", "5", "--json", "--out", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["n"] <= 5 and result["retrieval"]["hit@5"] is not None
    assert {"retrieval", "answer", "citation", "abstention", "latency_ms", "by_split"} <= set(result)
    assert (out / "report.md").read_text(encoding="utf-8").count("| hybrid |") == 1
    assert (out / "hit_at_k.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
