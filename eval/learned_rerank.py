"""Would a learned combination of the reranker's and the generator's features beat the hand-set weights?

Fits linear weights with a listwise softmax loss (the relevant candidates' share of the probability mass)
on SQuAD questions outside both reported samples (seed 0 and the seed-2 check sample), then compares, on
those samples and on the seed eval set's splits:
- passages: hit@1 / hit@5 of the top 20 fused candidates reordered by the default reranker, by the same four
  features with fitted weights, and by a wider feature set (scores and ranks of both retrievers, bigram and
  window coverage, products);
- answer sentences: how often the sentence the generator would put first sits in a relevant passage and
  holds a gold answer (the ceiling of a one-citation answer's citation precision), with the generator's
  weights and with fitted ones.

Usage: python eval/learned_rerank.py --index /tmp/ev-squad [--seeds-index /tmp/ev-seeds]
An empty --index is filled with the SQuAD paragraphs first (about 40 s); --seeds-index with seeds/.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.special import logsumexp, softmax

from rag import metrics
from rag.answer_types import counts_asked_noun, holds_type, question_type
from rag.config import settings_from_env
from rag.datasets import EvalQuestion, load_dataset, sample_questions
from rag.evaluate import relevant_chunks
from rag.pipeline import Pipeline
from rag.sentence_vectors import sentence_similarities
from rag.sentences import sentence_spans
from rag.terms import question_terms, term_set, term_weights, terms

ROOT = Path(__file__).resolve().parent.parent
DEPTH = 20  # fused candidates the reranker sees (Settings.rerank_depth)


@dataclass
class Sentence:
    coverage: float  # share of the question's term weight
    meaning: float  # cosine with the question (0 without a vector: Chinese questions)
    typed: bool  # holds the asked-for kind of fact
    counts_noun: bool  # "how many X": a number right before X
    bigrams: float  # share of the question's adjacent term pairs found adjacent here
    window: float  # coverage of this sentence and the next
    gold: bool  # holds a gold answer


@dataclass
class Candidate:
    fused: float  # fused score / the best fused score
    dense: float
    lexical: float  # BM25 score / the best one among the candidates
    dense_rank: int
    lexical_rank: int
    passage_coverage: float
    sentences: list[Sentence]
    relevant: bool


@dataclass
class Question:
    kind: str | None
    candidates: list[Candidate]


def collect(pipeline: Pipeline, questions: Sequence[EvalQuestion]) -> list[Question]:
    """Features of the fused candidates of each answerable question, as the pipeline sees them before reranking."""
    lexical = pipeline.index.lexical()
    retriever = pipeline.retriever(lexical)
    out = []
    for q in questions:
        if not q.answerable or q.type == "crosslingual":
            continue
        relevant = relevant_chunks(q, lexical.chunks)
        vector = retriever.query_vector(q.question)
        hits = retriever.search(q.question, DEPTH, vector=vector)
        if vector is not None:
            hits = [replace(h, sentence_scores=sentence_similarities(h.chunk, vector)) for h in hits]
        weights = term_weights(question_terms(q.question), lexical.idf)
        total = sum(weights.values()) or 1.0
        asked = [t for t in terms(q.question) if t in weights]
        pairs = set(zip(asked, asked[1:], strict=False))
        kind = question_type(q.question)

        def coverage(text: str, weights: dict[str, float] = weights, total: float = total) -> float:
            found = term_set(text)
            return sum(w for t, w in weights.items() if t in found) / total

        def bigrams(text: str, pairs: set[tuple[str, str]] = pairs) -> float:
            found = terms(text)
            return len(pairs & set(zip(found, found[1:], strict=False))) / len(pairs) if pairs else 0.0

        top = max((h.score for h in hits), default=1.0) or 1.0
        top_lexical = max((h.lexical_score or 0.0 for h in hits), default=1.0) or 1.0
        candidates = []
        for h in hits:
            texts = [h.chunk.text[a:b] for a, b in sentence_spans(h.chunk.text)]
            meanings = h.sentence_scores or [0.0] * len(texts)
            sentences = [
                Sentence(
                    coverage(t),
                    meanings[j],
                    holds_type(t, kind, q.question) if kind else False,
                    kind == "count" and holds_type(t, kind, q.question) and counts_asked_noun(t, q.question),
                    bigrams(t),
                    coverage(" ".join(texts[j : j + 2])),
                    metrics.contains_gold(t, list(q.answers)),
                )
                for j, t in enumerate(texts)
            ]
            candidates.append(
                Candidate(
                    h.score / top,
                    h.dense_score or 0.0,
                    (h.lexical_score or 0.0) / top_lexical,
                    h.dense_rank or 99,
                    h.lexical_rank or 99,
                    coverage(h.chunk.text),
                    sentences,
                    h.chunk.chunk_id in relevant,
                )
            )
        out.append(Question(kind, candidates))
    return out


# -- passages ---------------------------------------------------------------------------------


def best_sentence(c: Candidate, type_bonus: float = 0.1, semantic: float = 1.0) -> Sentence:
    """The sentence the default reranker judges a passage by (rag/rerank.py, default settings)."""
    return max(c.sentences, key=lambda s: s.coverage + semantic * s.meaning + (type_bonus if s.typed else 0.0))


def default_passage_score(c: Candidate) -> float:
    s = best_sentence(c)
    return c.fused + s.coverage + s.meaning + (0.1 if s.typed else 0.0)


def four_features(c: Candidate) -> list[float]:
    s = best_sentence(c)
    return [c.fused, s.coverage, s.meaning, float(s.typed)]


def wide_features(c: Candidate) -> list[float]:
    s = best_sentence(c)
    return four_features(c) + [
        s.bigrams,
        max(x.bigrams for x in c.sentences),
        max(x.meaning for x in c.sentences),
        max(x.coverage for x in c.sentences),
        max(x.window for x in c.sentences),
        c.passage_coverage,
        c.dense,
        c.lexical,
        1 / c.dense_rank,
        1 / c.lexical_rank,
        s.coverage * s.meaning,
        s.coverage**2,
        s.meaning**2,
        float(any(x.typed for x in c.sentences)),
    ]


def passage_hits(questions: Sequence[Question], score: Callable[[Candidate], float]) -> tuple[float, float]:
    first = five = 0
    for q in questions:
        ranked = sorted(q.candidates, key=score, reverse=True)
        first += ranked[0].relevant if ranked else 0
        five += any(c.relevant for c in ranked[:5])
    return first / len(questions), five / len(questions)


# -- answer sentences -------------------------------------------------------------------------


@dataclass
class Option:
    rank: int
    passage: Candidate
    sentence: Sentence

    @property
    def right(self) -> bool:
        return self.passage.relevant and self.sentence.gold


def options(q: Question) -> list[Option]:
    """The sentences of the default reranker's top 5 passages, which the generator chooses from."""
    top = sorted(q.candidates, key=default_passage_score, reverse=True)[:5]
    return [Option(rank, c, s) for rank, c in enumerate(top) for s in c.sentences]


def default_sentence_score(o: Option) -> float:
    """rag/extractive.py's sentence score with its default weights."""
    s = o.sentence
    typed = 0.3 * (1.5 if s.counts_noun else 1.0) if s.typed else 0.0
    return s.coverage + 0.2 * o.passage.passage_coverage + 0.1 / (1 + o.rank) + typed + 1.5 * s.meaning


def sentence_features(o: Option) -> list[float]:
    s = o.sentence
    return [
        s.coverage, o.passage.passage_coverage, 1 / (1 + o.rank), float(s.typed), float(s.counts_noun), s.meaning,
        s.bigrams, default_passage_score(o.passage), s.coverage * s.meaning, float(o.rank == 0),
    ]  # fmt: skip


def first_sentence(q: Question, score: Callable[[Option], float]) -> Option | None:
    """The generator's pick: the best-scoring sentence, or a nearly as good one that holds the asked-for fact."""
    ranked = sorted(options(q), key=score, reverse=True)
    if not ranked:
        return None
    best = ranked[0]
    if q.kind is not None and not best.sentence.typed:
        typed = [o for o in ranked[:10] if o.sentence.coverage >= 0.5 * best.sentence.coverage and o.sentence.typed]
        best = typed[0] if typed else best
    return best


def sentences_right(questions: Sequence[Question], score: Callable[[Option], float]) -> float:
    picks = [first_sentence(q, score) for q in questions]
    return sum(p is not None and p.right for p in picks) / len(questions)


def margin_table(questions: Sequence[Question], shares: Sequence[float] = (0.02, 0.05)) -> str:
    """Would abstaining on the closest calls (the first sentence vs the best of another passage) pay?"""
    rows = []
    for q in questions:
        ranked = sorted(options(q), key=default_sentence_score, reverse=True)
        pick = first_sentence(q, default_sentence_score)
        if pick is None:
            continue
        others = [o for o in ranked if o.passage is not pick.passage]
        margin = default_sentence_score(pick) - (default_sentence_score(others[0]) if others else 0.0)
        rows.append((margin, pick.passage.relevant))
    rows.sort(key=lambda r: r[0])
    parts = [f"first sentence in a relevant passage {np.mean([r for _, r in rows]):.3f}"]
    for share in shares:
        k = max(1, round(share * len(rows)))
        closest, rest = [r for _, r in rows[:k]], [r for _, r in rows[k:]]
        parts.append(f"closest {share:.0%}: {np.mean(closest):.2f} right, the rest {np.mean(rest):.3f}")
    return "; ".join(parts)


# -- fitting ----------------------------------------------------------------------------------


def fit_listwise(groups: Sequence[tuple[np.ndarray, np.ndarray]], l2: float = 1e-3) -> np.ndarray:
    """Linear weights maximising the mean log share of softmax(X @ w) that falls on each group's positives.

    `groups`: (features, is_positive) per question; a group with no positive teaches nothing and is dropped.
    Features are standardised for the fit; the returned weights apply to the raw features.
    """
    groups = [(x, y.astype(bool)) for x, y in groups if y.any()]
    if not groups:
        raise ValueError("no question has a relevant candidate: nothing to fit")
    stacked = np.vstack([x for x, _ in groups])
    mean, spread = stacked.mean(axis=0), stacked.std(axis=0) + 1e-9
    scaled = [((x - mean) / spread, y) for x, y in groups]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = l2 * w @ w, 2 * l2 * w
        for x, y in scaled:
            s = x @ w
            value += (logsumexp(s) - logsumexp(s[y])) / len(scaled)
            positives = np.zeros_like(s)
            positives[y] = softmax(s[y])
            grad += x.T @ (softmax(s) - positives) / len(scaled)
        return value, grad

    w = minimize(loss, np.zeros(stacked.shape[1]), jac=True, method="L-BFGS-B").x
    return w / spread


def linear(features: Callable, w: np.ndarray) -> Callable:
    return lambda item: float(np.dot(features(item), w))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=Path, default=ROOT.parent / "shared/datasets/squad-dev-v1.1-subset.json")
    parser.add_argument("--index", type=Path, required=True, help="the SQuAD index (filled if empty)")
    parser.add_argument("--seeds-index", type=Path, help="an index of seeds/ (filled if empty), for the seed splits")
    args = parser.parse_args()
    documents, questions = load_dataset(args.dataset)
    reported = {name: sample_questions(questions, 500, seed=seed) for name, seed in (("SQuAD seed 0", 0), ("SQuAD seed 2", 2))}
    kept_out = {q.id for qs in reported.values() for q in qs}
    train_questions = [q for q in questions if q.id not in kept_out]

    pipeline = Pipeline(settings_from_env(index_dir=args.index))
    if pipeline.is_empty():
        pipeline.ingest_documents(documents)
    pipeline.warm_up()
    train = collect(pipeline, train_questions)
    sets = {"SQuAD train": train} | {name: collect(pipeline, qs) for name, qs in reported.items()}
    if args.seeds_index:
        seeds = Pipeline(settings_from_env(index_dir=args.seeds_index), embedder=pipeline.embedder)
        if seeds.is_empty():
            seeds.ingest([ROOT / "seeds"])
        _, seed_questions = load_dataset(ROOT / "eval/seeds.jsonl")
        for split in ("tune", "holdout"):
            sets[f"seeds {split}"] = collect(seeds, [q for q in seed_questions if q.split == split])

    def groups(features: Callable) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(np.array([features(c) for c in q.candidates]), np.array([c.relevant for c in q.candidates])) for q in train]

    def sentence_groups() -> list[tuple[np.ndarray, np.ndarray]]:
        opts = [options(q) for q in train]
        return [(np.array([sentence_features(o) for o in os]), np.array([o.right for o in os])) for os in opts if os]

    four = fit_listwise(groups(four_features))
    wide = fit_listwise(groups(wide_features))
    sentence = fit_listwise(sentence_groups())
    print(f"{len(train)} training questions (SQuAD, outside both reported samples)")
    print("four-feature weights (fused, coverage, cosine, typed), scaled to fused = 1:", np.round(four / four[0], 2).tolist())
    print()
    print("| set | questions | passages: default | fitted, 4 features | fitted, 18 features | first sentence right: default | fitted |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, qs in sets.items():
        fmt = lambda pair: f"{pair[0]:.3f} / {pair[1]:.3f}"  # noqa: E731
        print(
            f"| {name} | {len(qs)} | {fmt(passage_hits(qs, default_passage_score))}"
            f" | {fmt(passage_hits(qs, linear(four_features, four)))} | {fmt(passage_hits(qs, linear(wide_features, wide)))}"
            f" | {sentences_right(qs, default_sentence_score):.3f} | {sentences_right(qs, linear(sentence_features, sentence)):.3f} |"
        )
    print("\nAbstaining on close calls (smallest margin between the first sentence and the best of another passage):")
    for name, qs in sets.items():
        print(f"- {name}: {margin_table(qs)}")
    print("\npassages: hit@1 / hit@5 over the top 20 fused candidates; first sentence right: in a relevant passage and holds a gold answer")


if __name__ == "__main__":
    main()
