"""Benchmark reports: results.json, a Markdown table and two plots, one row or line per configuration.

`results` maps a configuration name ("hybrid", "bm25", ...) to the result dict
the evaluation produces (groups "retrieval", "answer", "citation", "abstention",
"latency_ms", plus "by_split" and raw "latencies"). Missing or None values show as "–".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS_FORMAT = "rag-eval-results/1"
HIT_KS = (1, 3, 5, 10)
MISSING = "–"


def _rate(value: Any) -> str:
    return MISSING if value is None else f"{value:.3f}"


def _whole(value: Any) -> str:
    return MISSING if value is None else f"{value:,.0f}"


# (column header, result group, key, formatter)
COLUMNS: tuple[tuple[str, str, str, Callable[[Any], str]], ...] = (
    ("hit@1", "retrieval", "hit@1", _rate),
    ("hit@5", "retrieval", "hit@5", _rate),
    ("MRR", "retrieval", "mrr", _rate),
    ("contains gold", "answer", "contains_gold", _rate),
    ("F1", "answer", "f1", _rate),
    ("median chars", "answer", "median_chars", _whole),
    ("citation precision", "citation", "precision", _rate),
    ("abstention recall", "abstention", "recall", _rate),
    ("false abstention", "abstention", "false_rate", _rate),
    ("p50 ms", "latency_ms", "p50", _whole),
    ("p95 ms", "latency_ms", "p95", _whole),
)


def _table(rows: dict[str, dict[str, Any]], first: str) -> str:
    header = [first, "n", *(name for name, *_ in COLUMNS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    for name, result in rows.items():
        cells = [name, _whole(result.get("n"))]
        cells += [fmt((result.get(group) or {}).get(key)) for _, group, key, fmt in COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def markdown_table(results: dict[str, dict[str, Any]]) -> str:
    """One Markdown table, a row per configuration; also what the CLI prints to the terminal."""
    return _table(results, "configuration")


def _plot_hit_at_k(results: dict[str, dict[str, Any]], path: Path, title: str) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # A bare Figure on the Agg canvas: no pyplot, so no global backend switch.
    fig = Figure(figsize=(6, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for name, result in results.items():
        retrieval = result.get("retrieval") or {}
        points = [(k, retrieval.get(f"hit@{k}")) for k in HIT_KS]
        points = [(k, v) for k, v in points if v is not None]
        if points:
            ax.plot(*zip(*points, strict=True), marker="o", label=name)
    ax.set_xticks(HIT_KS)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("k (passages)")
    ax.set_ylabel("hit@k")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend()
    fig.savefig(path, format="png")


def _plot_latency(results: dict[str, dict[str, Any]], path: Path, title: str) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 4), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    named = [(name, result.get("latencies") or []) for name, result in results.items()]
    named = [(name, ms) for name, ms in named if ms]
    if named:
        ax.boxplot([ms for _, ms in named], showfliers=True)
        ax.set_xticks(range(1, len(named) + 1), [name for name, _ in named])
    else:
        ax.text(0.5, 0.5, "no latencies recorded", ha="center", va="center", transform=ax.transAxes)
    ax.set_ylabel("latency per question (ms)")
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3)
    fig.savefig(path, format="png")


def write_report(out_dir: Path, results: dict[str, dict[str, Any]], title: str) -> list[Path]:
    """Write results.json, report.md, hit_at_k.png and latency.png into `out_dir`; return their paths.

    results.json keeps everything, raw per-question latencies included, so plots
    and percentiles can be redrawn later; it carries a "format" version.
    """
    if not results:
        raise ValueError("no results to report; run at least one configuration")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "results.json"
    md_path = out_dir / "report.md"
    hit_path = out_dir / "hit_at_k.png"
    latency_path = out_dir / "latency.png"

    payload = {"format": RESULTS_FORMAT, "title": title, "results": results}
    json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    datasets = sorted({str(r["dataset"]) for r in results.values() if r.get("dataset")})
    parts = [f"# {title}", ""]
    if datasets:
        parts += [f"Dataset: {', '.join(datasets)}", ""]
    parts += [markdown_table(results), ""]
    for name, result in results.items():
        if result.get("by_split"):
            parts += [f"## {name} by split", "", _table(result["by_split"], "split"), ""]
    parts += [f"![hit@k]({hit_path.name})", "", f"![latency]({latency_path.name})", ""]
    md_path.write_text("\n".join(parts), encoding="utf-8")

    _plot_hit_at_k(results, hit_path, title)
    _plot_latency(results, latency_path, title)
    return [json_path, md_path, hit_path, latency_path]
