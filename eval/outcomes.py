"""Each question's outcome on the tune sets, to see exactly what a change moves.

Usage:
  python eval/outcomes.py dump OUT.jsonl seeds fresh squad [W.jsonl …] --seeds-index /tmp/ev-seeds --squad-index /tmp/ev-squad
  python eval/outcomes.py dump OUT.jsonl seeds fresh squad --only ids.txt   # just the questions a change can move
  python eval/outcomes.py compare BEFORE.jsonl AFTER.jsonl

"seeds" and "fresh" are the tune splits of eval/seeds.jsonl and eval/fresh.jsonl, "squad" the 600 SQuAD questions
(seed 1) outside the reported 500 (as `eval/sweep.py --outside 600`), and a question file's path all its questions.
Dump once with the old code (a `git worktree`, run from outside the checkout with PYTHONPATH pointing at it) and
once with the new; `compare` prints both sets of figures and every question whose outcome moved. This is how the
rows of eval/reports/levers.md are measured: a lever is kept only when no tune answer is lost. The figures count
every answerable question, crosslingual ones too, so they differ a little from `rag eval`'s.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQUAD = ROOT.parent / "shared" / "datasets" / "squad-dev-v1.1-subset.json"
_MOVES = ("abstained", "contains", "good", "cited", "hit1")  # what counts as an outcome moving


def outcome(name: str, result) -> dict:  # result: rag.evaluate.QuestionResult
    """One question's outcome as a flat record."""
    from rag import metrics
    from rag.evaluate import answer_text

    q, answer = result.question, result.answer
    text = answer_text(answer)
    return {
        "set": name,
        "id": q.id,
        "question": q.question,
        "answerable": q.answerable,
        "abstained": answer.abstained,
        "contains": q.answerable and not answer.abstained and metrics.contains_gold(text, list(q.answers)),
        "cited": len(answer.citations),
        "good": result.cited_relevant,
        "hit1": bool(result.retrieved[:1]) and result.retrieved[0] in result.relevant,
        "answer": text[:300],
    }


def figures(records: Sequence[dict]) -> str:
    """hit@1, contains gold, citation precision, abstention recall and false abstention of some records."""
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]

    def share(count: int, total: int) -> str:
        return f"{count / total:.3f}" if total else "–"

    return (
        f"hit@1 {share(sum(r['hit1'] for r in answerable), len(answerable))}"
        f" / contains {share(sum(r['contains'] for r in answerable), len(answerable))}"
        f" / cp {share(sum(r['good'] for r in answerable), sum(r['cited'] for r in answerable))}"
        f" / recall {share(sum(r['abstained'] for r in unanswerable), len(unanswerable))}"
        f" / FA {share(sum(r['abstained'] for r in answerable), len(answerable))}"
    )


def moved(before: dict[tuple[str, str], dict], after: dict[tuple[str, str], dict]) -> list[tuple[str, str]]:
    """The questions in both dumps whose outcome differs."""
    return [k for k, r in before.items() if k in after and any(r[f] != after[k][f] for f in _MOVES)]


def load(path: Path) -> dict[tuple[str, str], dict]:
    with path.open(encoding="utf-8") as handle:
        return {(r["set"], r["id"]): r for r in map(json.loads, handle)}


def compare(before: dict[tuple[str, str], dict], after: dict[tuple[str, str], dict]) -> Iterable[str]:
    for name in dict.fromkeys(k[0] for k in before):
        keys = [k for k in before if k[0] == name and k in after]
        yield f"{name}: {figures([before[k] for k in keys])}"
        yield f"{' ' * len(name)}  {figures([after[k] for k in keys])}"
    for key in moved(before, after):
        a, b = before[key], after[key]
        yield f"\n{key[0]} {key[1]} ({'answerable' if a['answerable'] else 'unanswerable'}): {a['question']}"
        for label, r in (("before", a), ("after ", b)):
            yield (
                f"  {label} abstained={r['abstained']} contains={r['contains']} cited {r['good']}/{r['cited']}"
                f" hit@1={r['hit1']} | {r['answer'][:150]}"
            )


def dump(out: Path, names: Sequence[str], seeds_index: Path, squad_index: Path, only: set[str] | None = None) -> None:
    from rag.config import settings_from_env
    from rag.datasets import load_dataset, outside_sample
    from rag.embedder import make_embedder
    from rag.evaluate import Configuration, run_configuration
    from rag.pipeline import Pipeline

    embedder = None
    with out.open("w", encoding="utf-8") as handle:
        for name in names:
            if name == "squad":
                _, questions = load_dataset(SQUAD)
                questions = outside_sample(questions, 600)
                index = squad_index
            else:
                path = {"seeds": ROOT / "eval" / "seeds.jsonl", "fresh": ROOT / "eval" / "fresh.jsonl"}.get(name, Path(name))
                _, questions = load_dataset(path)
                if name in ("seeds", "fresh"):
                    questions = [q for q in questions if q.split == "tune"]
                index = seeds_index
            if only is not None:  # a change that can move only some questions need not ask the rest
                questions = [q for q in questions if q.id in only]
            settings = settings_from_env(index_dir=index)
            embedder = embedder or make_embedder(settings.embed_model)
            pipeline = Pipeline(settings, embedder=embedder)
            config = Configuration(name, pipeline.search, pipeline.ask, pipeline.index.lexical().chunks)
            for result in run_configuration(config, questions, warmup=1):
                handle.write(json.dumps(outcome(name, result), ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write each question's outcome")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("sets", nargs="+", help="seeds, fresh, squad, or a question file's path")
    dumping.add_argument("--seeds-index", type=Path, default=Path("/tmp/ev-seeds"))
    dumping.add_argument("--squad-index", type=Path, default=Path("/tmp/ev-squad"))
    dumping.add_argument("--only", type=Path, help="a file of question ids, one per line: dump just those")
    comparing = commands.add_parser("compare", help="figures of two dumps and the questions that moved")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        only = set(args.only.read_text(encoding="utf-8").split()) if args.only else None
        dump(args.out, args.sets, args.seeds_index, args.squad_index, only)
    else:
        print("\n".join(compare(load(args.before), load(args.after))))


if __name__ == "__main__":
    main()
