"""Would a cross-encoder, fine-tuned from the bundled MiniLM on SQuAD questions, pick better passages and sentences?

No cross-encoder with bundled weights is installable here, so this trains one: the bundled all-MiniLM-L6-v2
(bottom two layers frozen, mean pooling, a linear head) reads "question [SEP] sentence" and is fitted with a
listwise loss (one sentence that holds a gold answer in a relevant passage against three others: the two
closest in meaning and one at random, all from the pipeline's top 20 passages).

Cross-fitted by article, so no question is scored by a model that has read its article: the 24 SQuAD articles
are split into two folds (alternately, in title order); each fold's model is trained on that fold's questions
with candidate passages from that fold only, and scores the reported sample's questions of the other fold.
Then, on the reported sample, the pipeline's top `--depth` passages are reordered and its generator answers:
- default: the pipeline as it is (must reproduce `rag eval`'s hybrid row);
- ce: passages ordered by their best sentence's cross-encoder score alone;
- ce+sentences: that order, and the generator weighs sigmoid(cross-encoder) with each sentence's cosine;
- mix λ: reranker score + λ × sigmoid(best sentence's cross-encoder score); "+sentences" as above.

Usage: python eval/cross_encoder.py --index /tmp/ev-squad [--epochs 1] [--depth 10]
About 40 minutes on 2 cores (training is most of it). An empty --index is filled with the paragraphs first.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from rag.config import settings_from_env
from rag.datasets import EvalQuestion, load_dataset, sample_questions
from rag.evaluate import QuestionResult, _cited_in_relevant, _squash, relevant_chunks, summarize
from rag.pipeline import Pipeline
from rag.sentences import sentence_spans
from rag.types import Hit

ROOT = Path(__file__).resolve().parent.parent
NEGATIVES = 3
LAMBDAS = (0.25, 0.5, 1.0)


def article(source: str) -> str:
    """The SQuAD article of a paragraph source ("Super_Bowl_50#012" -> "Super_Bowl_50")."""
    return source.split("#", 1)[0]


def fold_of_articles(questions: Sequence[EvalQuestion]) -> dict[str, int]:
    """Articles alternately in fold 0 and fold 1, in title order."""
    titles = sorted({article(s) for q in questions for s in q.sources})
    return {title: i % 2 for i, title in enumerate(titles)}


def sentences(hit: Hit) -> list[str]:
    return [hit.chunk.text[s:e] for s, e in sentence_spans(hit.chunk.text)]


@dataclass
class Group:
    """One training question: its positive sentence first, then the negatives."""

    question: str
    texts: list[str]


def training_group(
    question: EvalQuestion,
    hits: Sequence[Hit],
    relevant: set[str],
    fold: int,
    folds: dict[str, int],
    rng: random.Random,
) -> Group | None:
    """The question's group, from candidates of its own fold only; None without a positive or enough negatives."""
    golds = [_squash(a) for a in question.answers]
    positives, negatives = [], []
    for hit in hits:
        if folds.get(article(hit.chunk.source)) != fold:
            continue  # the model never reads the other fold's articles
        cosines = hit.sentence_scores or ()
        for j, text in enumerate(sentences(hit)):
            if hit.chunk.chunk_id in relevant and any(g in _squash(text) for g in golds):
                positives.append(text)
            else:
                negatives.append((cosines[j] if j < len(cosines) else 0.0, text))
    if not positives or len(negatives) < NEGATIVES:
        return None
    negatives.sort(key=lambda n: -n[0])
    hard = [t for _, t in negatives[: NEGATIVES - 1]]
    rest = negatives[NEGATIVES - 1 :]
    hard.append(rng.choice(rest)[1])
    return Group(question.question, [rng.choice(positives), *hard])


class CrossEncoder:
    """The bundled MiniLM with a linear head over mean-pooled tokens; score(question, texts) -> logits."""

    def __init__(self, seed: int = 0) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        from rag.embedder import bundled_model_path, verify_bundled_weights

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        torch.manual_seed(seed)
        path = bundled_model_path()
        verify_bundled_weights(path)
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def _logits(self, questions: list[str], texts: list[str]):
        x = self.tokenizer(
            questions, texts, padding=True, truncation="only_second", max_length=128, return_tensors="pt"
        )
        hidden = self.encoder(**x).last_hidden_state
        mask = x["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1)).squeeze(-1)

    def train(self, groups: list[Group], epochs: int, seed: int = 0, batch: int = 8) -> None:
        torch = self.torch
        frozen = [self.encoder.embeddings, *self.encoder.encoder.layer[:2]]
        for module in frozen:
            for p in module.parameters():
                p.requires_grad = False
        trained = [p for p in self.encoder.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(
            [{"params": trained, "lr": 5e-5}, {"params": list(self.head.parameters()), "lr": 2e-3}], weight_decay=0.01
        )
        steps = epochs * -(-len(groups) // batch)
        warmup = 0.1 * steps
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda i: min(1.0, (i + 1) / warmup) * max(0.0, 1 - i / steps)
        )
        rng = random.Random(seed)
        self.encoder.train()
        losses: list[float] = []
        for _ in range(epochs):
            order = list(groups)
            rng.shuffle(order)
            for i in range(0, len(order), batch):
                part = order[i : i + batch]
                size = len(part[0].texts)
                logits = self._logits([g.question for g in part for _ in g.texts], [t for g in part for t in g.texts])
                target = torch.zeros(len(part), dtype=torch.long)  # the positive is first in each group
                loss = torch.nn.functional.cross_entropy(logits.view(len(part), size), target)
                loss.backward()
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
                losses.append(loss.item())
                if len(losses) % 50 == 0:
                    print(
                        f"  step {len(losses)}/{steps}: loss {np.mean(losses[-50:]):.3f}", file=sys.stderr, flush=True
                    )
        self.encoder.eval()

    def score(self, question: str, texts: list[str], batch: int = 64) -> list[float]:
        scores: list[float] = []
        with self.torch.no_grad():
            for i in range(0, len(texts), batch):
                part = texts[i : i + batch]
                scores.extend(self._logits([question] * len(part), part).tolist())
        return scores


def _sigmoid(values: Sequence[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in 1 / (1 + np.exp(-np.asarray(values, dtype=float))))


def variants(hits: Sequence[Hit], scores: list[list[float]]) -> dict[str, list[Hit]]:
    """The five passages each variant hands the generator."""
    probs = [_sigmoid(s) for s in scores]
    best = [max(p, default=0.0) for p in probs]

    def with_sentences(i: int) -> Hit:
        cosines = hits[i].sentence_scores or (0.0,) * len(probs[i])
        return replace(hits[i], sentence_scores=tuple(p + c for p, c in zip(probs[i], cosines, strict=True)))

    by_ce = sorted(range(len(hits)), key=lambda i: (-best[i], i))
    out = {
        "default": list(hits[:5]),
        "ce": [hits[i] for i in by_ce[:5]],
        "ce+sentences": [with_sentences(i) for i in by_ce[:5]],
    }
    for lam in LAMBDAS:
        mixed = sorted(range(len(hits)), key=lambda i: (-(hits[i].score + lam * best[i]), i))
        out[f"mix {lam}"] = [hits[i] for i in mixed[:5]]
        out[f"mix {lam}+sentences"] = [with_sentences(i) for i in mixed[:5]]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument(
        "--dataset", type=Path, default=ROOT.parent / "shared" / "datasets" / "squad-dev-v1.1-subset.json"
    )
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--depth", type=int, default=10, help="passages the cross-encoder reads per question")
    parser.add_argument("--limit", type=int, default=500, help="reported sample size (seed 0)")
    parser.add_argument("--train-limit", type=int, default=None, help="training questions per fold (for a quick run)")
    args = parser.parse_args(argv)

    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    documents, questions = load_dataset(args.dataset)
    pipeline = Pipeline(settings_from_env().with_overrides(index_dir=args.index))
    if pipeline.is_empty():
        print(pipeline.ingest_documents(documents).summary(), file=sys.stderr)
    pipeline.warm_up()
    chunks = pipeline.index.lexical().chunks
    by_id = {c.chunk_id: c for c in chunks}
    folds = fold_of_articles(questions)
    reported = sample_questions(questions, args.limit, 0)

    models = {}
    for fold in (0, 1):
        rng = random.Random(fold)
        mine = [q for q in questions if folds[article(q.sources[0])] == fold][: args.train_limit]
        groups = []
        for q in mine:
            hits = pipeline.search(q.question, 20)
            group = training_group(q, hits, relevant_chunks(q, chunks), fold, folds, rng)
            if group is not None:
                groups.append(group)
        print(f"fold {fold}: training on {len(groups)} of its {len(mine)} questions", file=sys.stderr, flush=True)
        models[fold] = CrossEncoder(seed=fold)
        models[fold].train(groups, args.epochs)

    generator = pipeline.generator()
    results: dict[str, list[QuestionResult]] = {}
    for q in reported:
        relevant = relevant_chunks(q, chunks)
        hits = pipeline.search(q.question, args.depth)
        model = models[1 - folds[article(q.sources[0])]]
        scores = [model.score(q.question, sentences(hit)) for hit in hits]
        for name, top in variants(hits, scores).items():
            answer = generator.generate(q.question, top)
            cited = _cited_in_relevant(answer, relevant, by_id)
            retrieved = [h.chunk.chunk_id for h in top]
            results.setdefault(name, []).append(QuestionResult(q, retrieved, relevant, answer, 0.0, cited))
    print(
        f"Reported SQuAD sample ({len(reported)} questions, seed 0), top {args.depth} passages, {args.epochs} epoch(s)\n"
    )
    print("| variant | hit@1 | contains | citation precision | median chars | abstained |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, rs in results.items():
        summary = summarize(rs)  # the figures `rag eval` reports; every SQuAD question is answerable
        print(
            f"| {name} | {summary['retrieval']['hit@1']:.3f} | {summary['answer']['contains_gold']:.3f} "
            f"| {summary['citation']['precision']:.3f} | {summary['answer']['median_chars']:g} "
            f"| {summary['abstention']['false_rate']:.3f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
