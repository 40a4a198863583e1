"""`rag bench`: its statistics, its table, and a tiny end-to-end run through the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from rag import bench

ROOT = Path(__file__).resolve().parent.parent
SQUAD = Path("/work/shared/datasets/squad-dev-v1.1-subset.json")


def test_median_and_p95_hand_worked():
    values = [10.0, 1.0, 3.0, 2.0, 4.0]
    assert bench.median(values) == 3.0
    # sorted 1 2 3 4 10; rank 0.95 * 4 = 3.8 -> 4 + 0.8 * (10 - 4) = 8.8
    assert bench.p95(values) == pytest.approx(8.8)
    assert bench.p95([7.0]) == 7.0
    with pytest.raises(ValueError):
        bench.p95([])


def test_speedup_is_above_one_when_the_project_is_faster():
    cold = {"project": [2.0, 3.0, 4.0], "stock": [12.0, 12.0, 12.0]}
    warm = {lang: {"project": [5.0, 5.0], "stock": [50.0, 50.0]} for lang in ("en", "zh")}
    ingest = {
        "project": {"paragraphs_per_s": 30.0, "chunks_per_s": 40.0},
        "stock": {"paragraphs_per_s": 20.0, "chunks_per_s": 20.0},
    }
    rows = bench.summary_rows(cold, warm, ingest)
    by_name = {r["measure"]: r for r in rows}
    assert by_name["cold ask, median of 3 (s)"]["speedup"] == pytest.approx(4.0)
    assert by_name["warm ask Chinese, median of 2 (ms)"]["speedup"] == pytest.approx(10.0)
    assert by_name["ingest SQuAD, paragraphs/s"]["speedup"] == pytest.approx(1.5)
    table = bench.render_table(rows)
    assert "| cold ask, median of 3 (s) | 3.00 | 12.00 | 4.0× |" in table


def test_warm_timings_drop_the_first_question(tmp_path):
    """The first answer pays for lazy loading; the command is fed it twice and its first timing dropped."""
    echo = tmp_path / "echo.py"
    echo.write_text(
        "import json, sys\n"
        "for i, line in enumerate(sys.stdin):\n"
        "    print(json.dumps({'question': line.strip(), 'timings_ms': {'total': 1000.0 if i == 0 else float(i)}}))\n"
    )
    timings = bench.warm_milliseconds([sys.executable, str(echo)], ["q1", "q2", "q3"])
    assert timings == [1.0, 2.0, 3.0]


def test_a_failing_command_names_itself_and_its_error():
    with pytest.raises(RuntimeError, match="exited with 3: boom"):
        bench.cold_seconds([sys.executable, "-c", "import sys; sys.stderr.write('boom'); sys.exit(3)"], 1)


@pytest.mark.slow
def test_rag_bench_quick_writes_the_table(tmp_path, monkeypatch, capsys):
    """`rag bench --quick` on a tiny plan (one cold run, three questions, 12 paragraphs) writes bench.md/json.

    About 70 s of CPU: most of it is the stock pipeline importing sentence-transformers three times.
    """
    from rag.cli import main

    data = json.loads(SQUAD.read_text(encoding="utf-8"))
    article = data["data"][0]
    tiny = {"version": data.get("version", "1.1"), "data": [{**article, "paragraphs": article["paragraphs"][:12]}]}
    squad = tmp_path / "tiny-squad.json"
    squad.write_text(json.dumps(tiny), encoding="utf-8")
    monkeypatch.setenv("RAG_BENCH_SQUAD", str(squad))
    monkeypatch.setattr(bench, "QUICK", bench.BenchPlan(cold_runs=1, warm_questions_per_lang=3, ingest_paragraphs=12))
    out = tmp_path / "bench"

    assert main(["bench", "--quick", "--out", str(out)]) == 0

    printed = capsys.readouterr().out
    assert "| measure | project | stock | speed-up |" in printed
    md = (out / "bench.md").read_text(encoding="utf-8")
    for row in (
        "| cold ask, median of 1 (s) |",
        "| warm ask English, median of 3 (ms) |",
        "| warm ask English, p95 of 3 (ms) |",
        "| warm ask Chinese, median of 3 (ms) |",
        "| warm ask Chinese, p95 of 3 (ms) |",
        "| ingest SQuAD, paragraphs/s |",
        "| ingest SQuAD, chunks/s |",
    ):
        assert row in md, row
    results = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    assert results["format"] == bench.BENCH_FORMAT
    assert results["ingest"]["paragraphs"] == 12
    assert results["ingest"]["project"]["chunks"] >= 12 and results["ingest"]["stock"]["chunks"] >= 12
    assert all(t > 0 for t in results["cold_s"]["project"] + results["cold_s"]["stock"])
    assert len(results["warm_ms"]["zh"]["project"]) == 3
