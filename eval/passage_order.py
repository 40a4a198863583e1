"""Which passage comes first: the reranker's, or the one holding the sentence the answer quotes.

Usage: python eval/passage_order.py --index /tmp/ev-squad
       python eval/passage_order.py --dataset eval/seeds.jsonl --split tune --index /tmp/ev-seeds
For SQuAD it reads the questions outside the reported sample (500, seed 0), which tuning may look at.
Prints hit@1 of both orders, how often each is right where they differ, and the time the last stage adds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rag.config import settings_from_env
from rag.datasets import load_dataset, sample_questions
from rag.evaluate import relevant_chunks
from rag.pipeline import Pipeline

SQUAD = Path(__file__).resolve().parent.parent.parent / "shared/datasets/squad-dev-v1.1-subset.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=Path, default=SQUAD)
    parser.add_argument("--split", default="all", help="tune, holdout or all (the seed sets)")
    parser.add_argument("--outside-of", type=int, default=500, help="size of SQuAD's reported sample (seed 0)")
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args()

    _, questions = load_dataset(args.dataset)
    questions = [q for q in questions if q.answerable and args.split in ("all", q.split)]
    if args.dataset.suffix == ".json":  # SQuAD: leave the reported sample alone
        reported = {q.id for q in sample_questions(questions, args.outside_of, seed=0)}
        questions = [q for q in questions if q.id not in reported]
    pipeline = Pipeline(settings_from_env(index_dir=args.index))
    pipeline.warm_up()
    lexical = pipeline.index.lexical()
    reranked = final = only_reranked = only_final = 0
    seconds = {"reranker": 0.0, "final": 0.0}
    for q in questions:
        relevant = relevant_chunks(q, lexical.chunks)
        started = time.perf_counter()
        first_reranked = pipeline._search(lexical.respell(q.question), None, None, None, lexical)[0].chunk.chunk_id
        seconds["reranker"] += time.perf_counter() - started
        started = time.perf_counter()
        first_final = pipeline.search(q.question)[0].chunk.chunk_id
        seconds["final"] += time.perf_counter() - started
        reranked += first_reranked in relevant
        final += first_final in relevant
        only_reranked += first_reranked in relevant and first_final not in relevant
        only_final += first_final in relevant and first_reranked not in relevant
    n = len(questions)
    print(f"{n} questions: hit@1 {reranked / n:.4f} by the reranker's order, {final / n:.4f} with the quoted passage first")
    print(f"where they differ, right only by the reranker {only_reranked}, only with the quoted passage first {only_final}")
    print(f"search time: {seconds['reranker']:.1f} s reranker only, {seconds['final']:.1f} s with the last stage")


if __name__ == "__main__":
    main()
