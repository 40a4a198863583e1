"""Would a learned abstention score beat the generator's hand-set confidence?

The generator abstains when its confidence (the answer sentence's share of the question's term weight, with the
kind-of-fact checks) is under `abstain_threshold`. This fits a logistic regression and gradient-boosted trees on
that confidence and 15 more evidence features of the same answer (coverage by the passage and the top five,
the weight of the rarest missing term, the fused scores and their margin, the sentence's cosine, …) and
compares the three scores on questions the model was not fitted on: each writer of the fresh set, the seed
set and the SQuAD sample are left out in turn (leave-one-group-out).

Data: the tune splits of eval/seeds.jsonl and eval/fresh.jsonl, and 600 SQuAD questions outside the reported
sample (answerable only: they measure false abstention on another corpus). The fresh holdout is not read.

Printed: for each score, the abstention recall on the unanswerable questions at the threshold that gives 1, 2,
3 and 5 % false abstention on the seeds' and fresh set's answerable ones, and SQuAD's false abstention there.

Then a second kind of score, learned on another corpus so that it cannot learn the seeds' topics: an
answer-sentence verifier, a logistic regression on the question's and the sentence's vectors (their product,
their difference and their cosine; the sentence vectors the index stores), fitted on SQuAD questions outside
both samples to tell the sentences that hold the gold answer from the other sentences of the gold passage and
from the closest sentence of each wrong passage among the top five. Printed: for the English answers the
generator gives (Chinese questions have no vector), how many leaks, right and wrong answers fall under each
cut-off of the verifier's probability, on the seeds' and fresh set's tune splits and on the SQuAD sample.

Usage: python eval/learned_abstention.py --seeds-index /tmp/ev-seeds --squad-index /tmp/ev-squad
(indexes as `rag eval` builds them; about 4 minutes).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier  # scikit-learn comes with sentence-transformers
from sklearn.linear_model import LogisticRegression

from rag.clean import detect_lang
from rag.config import settings_from_env
from rag.datasets import EvalQuestion, load_dataset, sample_questions
from rag.evaluate import answer_text, relevant_chunks
from rag.extractive import ExtractiveGenerator
from rag.metrics import contains_gold
from rag.pipeline import Pipeline
from rag.sentence_vectors import WIDTH, unpack
from rag.sentences import sentence_spans
from rag.terms import question_terms, term_set, term_weights
from rag.types import Chunk

ROOT = Path(__file__).resolve().parent.parent
SQUAD = ROOT.parent / "shared/datasets/squad-dev-v1.1-subset.json"


class Recording(ExtractiveGenerator):
    """The default generator, keeping the evidence behind each confidence it computes."""

    features: dict[str, float] | None = None
    best: tuple[Chunk, int, int] | None = None  # the answer sentence: its passage, start and end

    def generate(self, question, hits):
        self.question, self.features, self.best = question, None, None
        return super().generate(question, hits)

    def _answer_confidence(self, candidates, best, by_words, hits, kind, question):
        confidence = super()._answer_confidence(candidates, best, by_words, hits, kind, question)
        weights = term_weights(question_terms(self.question), self.idf)
        total = sum(weights.values()) or 1.0
        passage = term_set(hits[best.hit_rank].chunk.text)
        top = set().union(*(term_set(h.chunk.text) for h in hits[:5]))
        missing = [weights[t] / total for t in weights if t not in passage]
        self.best = (hits[best.hit_rank].chunk, best.start, best.end)
        self.features = {
            "confidence": confidence,
            "coverage": best.coverage,
            "passage_coverage": best.passage_coverage,
            "by_words_coverage": by_words.coverage,
            "meaning": best.meaning,
            "holds_kind": float(kind is None or self._holds(best.text, kind, question)),
            "no_kind": float(kind is None),
            "elsewhere": hits[best.hit_rank].elsewhere,
            "fused_top": hits[0].score,
            "fused_margin": hits[0].score - (hits[1].score if len(hits) > 1 else 0.0),
            "dense": hits[best.hit_rank].dense_score,
            "missing_max": max(missing, default=0.0),
            "missing_count": float(len(missing)),
            "missing_top5": sum(weights[t] / total for t in weights if t not in top),
            "runner_up": max((s.score for s in candidates if s is not best), default=0.0) / (best.score or 1.0),
            "terms": float(len(weights)),
        }
        return confidence


@dataclass
class Asked:
    question: EvalQuestion
    features: dict[str, float] | None  # None when no sentence was scored (no terms, nothing retrieved)
    abstained: bool
    right: bool  # answered, holding a gold answer
    pair: np.ndarray | None  # the verifier's input for the answer sentence (English questions)


def ask_all(index: Path, questions: list[EvalQuestion]) -> list[Asked]:
    pipeline = Pipeline(settings_from_env(index_dir=index))
    default = pipeline.generator()
    recorder = Recording(**{f.name: getattr(default, f.name) for f in fields(default)})
    pipeline.generator = lambda name=None, lexical=None: recorder
    retriever = pipeline.retriever(pipeline.index.lexical())
    asked = []
    for q in questions:
        recorder.features = recorder.best = None
        answer = pipeline.ask(q.question)
        pair = None
        if recorder.best and detect_lang(q.question) != "zh":
            chunk, start, end = recorder.best
            spans, vectors = sentence_vectors(chunk)
            if (start, end) in spans:
                pair = pair_features(question_vector(retriever, q.question, pipeline), vectors[spans.index((start, end))])
        right = q.answerable and not answer.abstained and contains_gold(answer_text(answer), q.answers)
        asked.append(Asked(q, recorder.features, answer.abstained, right, pair))
    return asked


def question_vector(retriever, question: str, pipeline: Pipeline) -> np.ndarray:
    vector = np.asarray(retriever.query_vector(question, pipeline.settings.mode), dtype=np.float32).ravel()
    return vector / np.linalg.norm(vector)


def sentence_vectors(chunk: Chunk) -> tuple[list[tuple[int, int]], np.ndarray]:
    spans = sentence_spans(chunk.text, offset=chunk.start)
    vectors = unpack(chunk.sentence_vectors) if chunk.sentence_vectors else np.zeros((0, WIDTH))
    return (spans, vectors) if len(vectors) == len(spans) else ([], vectors)


def pair_features(question: np.ndarray, sentence: np.ndarray) -> np.ndarray:
    return np.concatenate([question * sentence, np.abs(question - sentence), [float(question @ sentence)]])


def fit_verifier(index: Path, questions: list[EvalQuestion]) -> LogisticRegression:
    """Gold sentences against the rest of the gold passage (half of them) and the closest sentence of each
    wrong passage in the top five."""
    pipeline = Pipeline(settings_from_env(index_dir=index))
    lexical = pipeline.index.lexical()
    retriever = pipeline.retriever(lexical)
    rng = np.random.default_rng(0)
    x, y = [], []
    for q in questions:
        vector = question_vector(retriever, q.question, pipeline)
        relevant = relevant_chunks(q, lexical.chunks)
        for hit in pipeline._search(q.question, 5, None, None, lexical):
            spans, vectors = sentence_vectors(hit.chunk)
            if not spans:
                continue
            if hit.chunk.chunk_id in relevant:
                for (start, end), sentence in zip(spans, vectors, strict=True):
                    gold = contains_gold(hit.chunk.text[start - hit.chunk.start : end - hit.chunk.start], q.answers)
                    if gold or rng.random() < 0.5:
                        x.append(pair_features(vector, sentence))
                        y.append(gold)
            else:
                x.append(pair_features(vector, vectors[int(np.argmax(vectors @ vector))]))
                y.append(False)
    print(f"verifier: {len(y)} sentences from {len(questions)} SQuAD questions, {sum(y)} holding a gold answer")
    return LogisticRegression(C=0.5, max_iter=3000).fit(np.array(x), np.array(y))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds-index", type=Path, required=True)
    parser.add_argument("--squad-index", type=Path, required=True)
    args = parser.parse_args()

    _, squad = load_dataset(SQUAD)
    reported = {q.id for q in sample_questions(squad, 500, seed=0)}
    outside = [q for q in squad if q.id not in reported]
    squad_tune = sample_questions(outside, 600, seed=1)
    verifier = fit_verifier(args.squad_index, [q for q in outside if q not in squad_tune])

    _, seeds = load_dataset(ROOT / "eval/seeds.jsonl")
    _, fresh = load_dataset(ROOT / "eval/fresh.jsonl")
    ours = ask_all(args.seeds_index, [q for q in seeds + fresh if q.split == "tune"])
    theirs = ask_all(args.squad_index, squad_tune)

    # Left out in turn: each writer of the fresh set (an id starts with the writer's letters), the seed set, SQuAD.
    groups = ["seeds" if a.question in seeds else f"fresh {a.question.id.split('-')[0]}" for a in ours]
    groups += ["squad"] * len(theirs)
    kept = [(g, a) for g, a in zip(groups, ours + theirs, strict=True) if a.features is not None]
    group = np.array([g for g, _ in kept])
    kept = [a for _, a in kept]
    names = list(kept[0].features)
    x = np.array([[a.features[n] for n in names] for a in kept])
    unanswerable = np.array([not a.question.answerable for a in kept])
    print(f"{len(kept)} answers with evidence ({len(ours) + len(theirs) - len(kept)} without)")

    scores = {"hand-set confidence": -x[:, names.index("confidence")]}
    for label, model in [
        ("logistic regression", lambda: LogisticRegression(C=1.0, max_iter=2000)),
        ("gradient-boosted trees", lambda: GradientBoostingClassifier(n_estimators=150, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=0)),
    ]:
        score = np.zeros(len(kept))
        for g in np.unique(group):
            out = group == g
            mean, std = x[~out].mean(0), x[~out].std(0) + 1e-9
            fitted = model().fit((x[~out] - mean) / std, unanswerable[~out])
            score[out] = fitted.predict_proba((x[out] - mean) / std)[:, 1]
        scores[label] = score

    seeds_corpus = group != "squad"
    for label, score in scores.items():
        answerable = np.sort(score[seeds_corpus & ~unanswerable])[::-1]
        cells = []
        for rate in (0.01, 0.02, 0.03, 0.05):
            threshold = answerable[int(rate * len(answerable))]
            recall = (score[seeds_corpus & unanswerable] > threshold).mean()
            squad_rate = (score[group == "squad"] > threshold).mean()
            cells.append(f"FA {rate:.0%}: recall {recall:.3f}, SQuAD FA {squad_rate:.3f}")
        print(f"{label:24} " + " | ".join(cells))

    print("English answers under each cut-off of the verifier's probability (leaks / right / wrong):")
    for label, asked in [("seeds and fresh tune", ours), ("SQuAD sample", theirs)]:
        answered = [a for a in asked if not a.abstained and a.pair is not None]
        probability = verifier.predict_proba(np.array([a.pair for a in answered]))[:, 1]
        cells = [f"{len(answered)} answered, {sum(not a.question.answerable for a in answered)} of them leaks"]
        for cut in (0.04, 0.06, 0.08, 0.10, 0.15):
            under = [a for a, p in zip(answered, probability, strict=True) if p < cut]
            leaks = sum(not a.question.answerable for a in under)
            right = sum(a.right for a in under)
            cells.append(f"< {cut:.2f}: {leaks} / {right} / {len(under) - leaks - right}")
        print(f"{label:24} " + " | ".join(cells))


if __name__ == "__main__":
    main()
