"""The benchmark report: files written, PNGs valid, the Markdown table readable."""

from __future__ import annotations

import json

import pytest

from rag.report import markdown_table, write_report

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _result(hit1: float, p95: float, abstention_recall: float | None) -> dict:
    groups = {
        "retrieval": {"hit@1": hit1, "hit@3": 0.8, "hit@5": 0.86, "hit@10": 0.9, "mrr": 0.7123, "ndcg@10": 0.75},
        "answer": {"contains_gold": 0.59, "f1": 0.4444, "median_chars": 212.4},
        "citation": {"precision": 0.91, "recall": 0.8},
        "abstention": {"precision": None, "recall": abstention_recall, "false_rate": 0.02},
    }
    return {
        "dataset": "squad-dev-v1.1-subset",
        "n": 500,
        **groups,
        "latency_ms": {"p50": 41.2, "p95": p95, "mean": 60.0, "n": 3},
        "by_split": {"tune": {"n": 100, **groups}, "test": {"n": 400, **groups}},
        "latencies": [30.0, 41.2, p95],
    }


RESULTS = {"hybrid": _result(0.62, 1234.6, 0.5), "bm25": _result(0.74, 88.0, None)}


def test_markdown_table_formats_rows_and_missing_values():
    table = markdown_table(RESULTS)
    lines = table.splitlines()
    assert lines[0].startswith("| configuration | n | hit@1 | hit@5 | MRR | contains gold | F1 | median chars |")
    assert len(lines) == 4  # header, rule, two configurations
    # n, hit@1, hit@5, MRR, contains gold, F1, median chars, citation precision,
    # abstention recall, false abstention, p50 ms, p95 ms
    assert lines[2] == (
        "| hybrid | 500 | 0.620 | 0.860 | 0.712 | 0.590 | 0.444 | 212 | 0.910 | 0.500 | 0.020 | 41 | 1,235 |"
    )
    assert lines[3].startswith("| bm25 | 500 | 0.740 |")
    assert "| – | 0.020 | 41 | 88 |" in lines[3]  # abstention recall None shows as a dash


def test_markdown_table_tolerates_missing_groups():
    assert markdown_table({"baseline": {"n": 3}}).splitlines()[2] == "| baseline | 3 |" + " – |" * 11


def test_write_report(tmp_path):
    out = tmp_path / "report"
    paths = write_report(out, RESULTS, "SQuAD subset, 500 questions")
    assert [p.name for p in paths] == ["results.json", "report.md", "hit_at_k.png", "latency.png"]
    assert all(p.exists() and p.parent == out for p in paths)
    for png in paths[2:]:
        assert png.read_bytes().startswith(PNG_MAGIC)

    saved = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert saved["format"] == "rag-eval-results/1"
    assert saved["results"] == RESULTS  # raw latencies kept

    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# SQuAD subset, 500 questions\n")
    assert markdown_table(RESULTS) in report
    for name in RESULTS:
        assert f"## {name} by split" in report
    assert "| tune | 100 | 0.620 |" in report and "| test | 400 | 0.740 |" in report
    assert "![hit@k](hit_at_k.png)" in report


def test_write_report_without_latencies_still_draws(tmp_path):
    results = {"baseline": {"n": 0, "retrieval": {"hit@1": None}, "latencies": []}}
    paths = write_report(tmp_path, results, "empty")
    assert (tmp_path / "latency.png").read_bytes().startswith(PNG_MAGIC)
    assert len(paths) == 4


def test_write_report_refuses_no_results(tmp_path):
    with pytest.raises(ValueError, match="no results to report"):
        write_report(tmp_path, {}, "nothing")
