"""eval/fresh.jsonl: questions on the seeds written by people who had not seen the system or eval/seeds.jsonl."""

from __future__ import annotations

from collections import Counter

from test_eval_set import ROOT, cleaned

from rag.datasets import load_eval_set

QUESTIONS = load_eval_set(ROOT / "eval" / "fresh.jsonl")


def test_the_set_is_split_and_unique():
    assert len(QUESTIONS) >= 150
    assert {q.split for q in QUESTIONS} == {"tune", "holdout"}
    assert sum(not q.answerable for q in QUESTIONS) >= 40
    assert not [i for i, n in Counter(q.id for q in QUESTIONS).items() if n > 1]
    assert not [t for t, n in Counter(q.question.lower() for q in QUESTIONS).items() if n > 1]


def test_every_answer_is_quoted_from_its_source():
    for q in QUESTIONS:
        if not q.answerable:
            assert not q.answers and not q.evidence and not q.sources, q.id
            continue
        (source,) = q.sources
        assert all(quote in cleaned(source) for quote in q.evidence), q.id
        assert all(any(a.lower() in quote.lower() for quote in q.evidence) for a in q.answers), q.id
