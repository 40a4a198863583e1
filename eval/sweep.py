"""Sweep retrieval and answer settings on one split of an eval set, in one process.

Usage: python eval/sweep.py --split tune dense_weight=0,0.25,0.5 rrf_k=10,60
       python eval/sweep.py --dataset ../shared/datasets/squad-dev-v1.1-subset.json --outside 600 answer_semantic_weight=0,1
Prints one row per combination: the headline figures of `rag eval`.
Chunking settings (chunk_tokens, chunk_overlap_tokens) build a fresh index per
combination, in a temporary folder: seeds/ for the seed set, the paragraphs for SQuAD.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from rag.config import settings_from_env
from rag.datasets import load_dataset, outside_sample, sample_questions
from rag.embedder import make_embedder
from rag.evaluate import Configuration, report, run_configuration
from rag.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CHUNKING = {"chunk_tokens", "chunk_overlap_tokens"}


def parse_grid(items: list[str]) -> dict[str, list]:
    grid = {}
    for item in items:
        name, values = item.split("=", 1)
        grid[name] = [float(v) if "." in v else int(v) for v in values.split(",")]
    return grid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("grid", nargs="*", help="setting=v1,v2,...")
    parser.add_argument("--dataset", type=Path, default=Path("eval/seeds.jsonl"))
    parser.add_argument("--split", default="tune")
    parser.add_argument("--index", type=Path)
    parser.add_argument("--limit", type=int, help="a random sample of this many questions (seed 0)")
    parser.add_argument(
        "--outside", type=int, help="tune on this many questions (seed 1) outside the reported sample of --outside-of"
    )
    parser.add_argument("--outside-of", type=int, default=500, help="size of the reported sample (seed 0)")
    args = parser.parse_args()
    documents, questions = load_dataset(args.dataset)
    questions = [q for q in questions if args.split == "all" or q.split == args.split]
    if args.outside:  # SQuAD has no tune split: tune on questions the reported figures never see
        questions = outside_sample(questions, args.outside, args.outside_of)
    questions = sample_questions(questions, args.limit, seed=0)
    base = settings_from_env(index_dir=args.index)
    embedder = make_embedder(base.embed_model)
    grid = parse_grid(args.grid)
    names = list(grid)
    rebuild = bool(CHUNKING & set(names))
    print("| " + " | ".join(names) + " | hit@1 | hit@5 | contains | zh contains | en contains | abst recall | false abst | med chars | en hit@1 | zh hit@1 | cit prec |")
    for values in itertools.product(*(grid[n] for n in names)) if names else [()]:
        overrides = dict(zip(names, values, strict=True))
        if rebuild:
            overrides["index_dir"] = Path(tempfile.mkdtemp(prefix="rag-sweep-"))
        settings = base.with_overrides(**overrides)
        pipeline = Pipeline(settings, embedder=embedder)
        if rebuild and documents:
            pipeline.ingest_documents(documents)
        elif rebuild:
            pipeline.ingest([SEEDS])
        config = Configuration("x", pipeline.search, pipeline.ask, pipeline.index.lexical().chunks)
        r = report("sweep", run_configuration(config, questions, warmup=1))
        zh_hit = r["by_split"].get("lang:zh", {}).get("retrieval", {}).get("hit@1")
        en_hit = r["by_split"].get("lang:en", {}).get("retrieval", {}).get("hit@1")
        zh = r["by_split"].get("lang:zh", {}).get("answer", {}).get("contains_gold")
        en = r["by_split"].get("lang:en", {}).get("answer", {}).get("contains_gold")
        fmt = lambda v: "–" if v is None else f"{v:.3f}"  # noqa: E731
        print(
            "| " + " | ".join(str(v) for v in values) + f" | {fmt(r['retrieval']['hit@1'])} | {fmt(r['retrieval']['hit@5'])}"
            f" | {fmt(r['answer']['contains_gold'])} | {fmt(zh)} | {fmt(en)} | {fmt(r['abstention']['recall'])}"
            f" | {fmt(r['abstention']['false_rate'])} | {r['answer']['median_chars']} | {fmt(en_hit)} | {fmt(zh_hit)}"
            f" | {fmt(r['citation']['precision'])} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
