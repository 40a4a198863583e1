"""Metrics against hand-worked examples, ranx, and the official SQuAD v1.1 rules."""

from __future__ import annotations

import math
import random
import re
import string
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rag.metrics import (
    abstention_summary,
    answer_tokens,
    citation_summary,
    contains_gold,
    exact_match,
    f1_score,
    hit_at_k,
    latency_summary,
    max_over_golds,
    ndcg_at_k,
    normalize_answer,
    percentile,
    reciprocal_rank,
    retrieval_summary,
)

# --- retrieval: hand-worked ------------------------------------------------


def test_hit_at_k():
    retrieved = ["a", "b", "c"]
    assert hit_at_k(retrieved, {"c"}, 2) == 0.0  # c is third
    assert hit_at_k(retrieved, {"c"}, 3) == 1.0
    assert hit_at_k(retrieved, {"c"}, 10) == 1.0  # k beyond the list looks at the whole list
    assert hit_at_k([], {"c"}, 5) == 0.0
    assert hit_at_k(retrieved, set(), 5) == 0.0


def test_reciprocal_rank():
    retrieved = ["a", "b", "c"]
    assert reciprocal_rank(retrieved, {"b", "c"}) == 0.5  # first relevant (b) at rank 2
    assert reciprocal_rank(retrieved, {"b", "c"}, k=1) == 0.0  # cut before b
    assert reciprocal_rank(retrieved, {"c"}, k=10) == pytest.approx(1 / 3)
    assert reciprocal_rank([], {"c"}) == 0.0
    assert reciprocal_rank(retrieved, set()) == 0.0


def test_ndcg_at_k():
    retrieved = ["a", "x", "b", "y"]
    relevant = {"a", "b", "c"}
    # k=4: DCG = 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5 (a at rank 1, b at rank 3)
    #      IDCG = min(3, 4) = 3 ideal hits = 1 + 1/log2(3) + 1/log2(4) = 2.130930
    #      1.5 / 2.130930 = 0.703918
    assert ndcg_at_k(retrieved, relevant, 4) == pytest.approx(0.703918, abs=1e-6)
    # k=2: DCG = 1; IDCG = min(3, 2) = 2 ideal hits = 1 + 1/log2(3) = 1.630930; 1 / 1.630930 = 0.613147
    assert ndcg_at_k(retrieved, relevant, 2) == pytest.approx(0.613147, abs=1e-6)
    # k=10 > len: DCG still 1.5, IDCG still 3 ideal hits (only 3 relevant exist)
    assert ndcg_at_k(retrieved, relevant, 10) == pytest.approx(0.703918, abs=1e-6)


def test_ndcg_edge_cases():
    assert ndcg_at_k(["a"], set(), 10) == 0.0
    assert ndcg_at_k([], {"a"}, 10) == 0.0
    assert ndcg_at_k(["a", "b"], {"a", "b"}, 10) == 1.0
    # A repeated relevant id earns its gain once: DCG = 1, IDCG = 1.
    assert ndcg_at_k(["a", "a", "a"], {"a"}, 3) == 1.0
    # ...and the repeat still takes a rank: b at rank 3, DCG = 1 + 0.5, IDCG = 1 + 1/log2(3)
    assert ndcg_at_k(["a", "a", "b"], {"a", "b"}, 3) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))


@pytest.mark.parametrize("fn", [hit_at_k, ndcg_at_k, reciprocal_rank])
def test_rank_cutoff_must_be_positive(fn):
    with pytest.raises(ValueError, match="k must be a positive"):
        fn(["a"], {"a"}, 0)


def test_retrieval_summary():
    runs = [(["a", "b"], {"a"}), (["x", "y", "z", "b"], {"b"})]
    summary = retrieval_summary(runs)
    assert list(summary) == ["hit@1", "hit@3", "hit@5", "hit@10", "mrr", "ndcg@10"]
    assert summary["hit@1"] == 0.5  # (1 + 0) / 2
    assert summary["hit@3"] == 0.5  # b is 4th in the second run
    assert summary["hit@5"] == 1.0
    assert summary["hit@10"] == 1.0
    assert summary["mrr"] == 0.625  # (1/1 + 1/4) / 2
    # (1 + 1/log2(5)) / 2 = (1 + 0.430677) / 2
    assert summary["ndcg@10"] == pytest.approx(0.715338, abs=1e-6)


def test_retrieval_summary_empty_relevant_counts_as_miss_and_no_runs_is_none():
    assert retrieval_summary([(["a"], {"a"}), (["a"], set())])["hit@1"] == 0.5
    assert set(retrieval_summary([]).values()) == {None}


# --- retrieval: agreement with ranx -----------------------------------------


def _random_runs(seed: int, n_queries: int) -> list[tuple[list[str], set[str]]]:
    rng = random.Random(seed)
    pool = [f"d{i:02d}" for i in range(30)]
    runs = []
    for _ in range(n_queries):
        retrieved = rng.sample(pool, rng.randint(1, 15))
        relevant = set(rng.sample(pool, rng.randint(1, 6)))
        runs.append((retrieved, relevant))
    return runs


def test_agrees_with_ranx_on_random_queries():
    ranx = pytest.importorskip("ranx")
    runs = _random_runs(seed=7, n_queries=300)
    qids = [f"q{i:03d}" for i in range(len(runs))]
    qrels = ranx.Qrels({q: {doc: 1 for doc in rel} for q, (_, rel) in zip(qids, runs, strict=True)})
    # ranx ranks by score, so give every list distinct, strictly descending scores.
    run = ranx.Run(
        {q: {doc: float(len(ret) - i) for i, doc in enumerate(ret)} for q, (ret, _) in zip(qids, runs, strict=True)}
    )
    ours = {
        "hit_rate@1": lambda ret, rel: hit_at_k(ret, rel, 1),
        "hit_rate@3": lambda ret, rel: hit_at_k(ret, rel, 3),
        "hit_rate@5": lambda ret, rel: hit_at_k(ret, rel, 5),
        "hit_rate@10": lambda ret, rel: hit_at_k(ret, rel, 10),
        "mrr": reciprocal_rank,
        "mrr@5": lambda ret, rel: reciprocal_rank(ret, rel, k=5),
        "ndcg@10": lambda ret, rel: ndcg_at_k(ret, rel, 10),
        "ndcg@3": lambda ret, rel: ndcg_at_k(ret, rel, 3),
    }
    means = ranx.evaluate(qrels, run, list(ours))
    for metric, fn in ours.items():
        for q, (ret, rel) in zip(qids, runs, strict=True):
            assert fn(ret, rel) == pytest.approx(run.scores[metric][q], abs=1e-9), (metric, q)
    summary = retrieval_summary(runs)
    for metric, key in [("hit_rate@1", "hit@1"), ("hit_rate@5", "hit@5"), ("mrr", "mrr"), ("ndcg@10", "ndcg@10")]:
        assert summary[key] == pytest.approx(means[metric], abs=1e-9)


@given(st.lists(st.sampled_from("abcdefghij"), unique=True), st.sets(st.sampled_from("abcdefghij")), st.integers(1, 12))
def test_ndcg_is_between_zero_and_one_and_one_for_an_ideal_ranking(retrieved, relevant, k):
    assert 0.0 <= ndcg_at_k(retrieved, relevant, k) <= 1.0 + 1e-12
    if relevant:
        ideal = sorted(relevant) + [doc for doc in retrieved if doc not in relevant]
        assert ndcg_at_k(ideal, relevant, k) == pytest.approx(1.0)


# --- answers: hand-worked ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The  Eiffel Tower!", "eiffel tower"),
        ("an apple a day", "apple day"),
        ("《红楼梦》。", "红楼梦"),
        ("“北京”，上海！（中国）", "北京上海中国"),
        ("ＡＢＣ１２３", "abc123"),  # full-width forms, as clean_text maps them
        ("U.S. $1.5 — “quoted”", "us 15 quoted"),
        ("", ""),
    ],
)
def test_normalize_answer(text, expected):
    assert normalize_answer(text) == expected


def test_answer_tokens_split_cjk_per_character():
    assert answer_tokens("The iPhone手机, 2007") == ["iphone", "手", "机", "2007"]
    assert answer_tokens("北京 大学") == ["北", "京", "大", "学"]
    assert answer_tokens("。！") == []


def test_f1_english_by_hand():
    # pred tokens: denver broncos team (3); gold: denver broncos (2); common 2
    # P = 2/3, R = 2/2 = 1, F1 = 2 * (2/3) * 1 / (2/3 + 1) = 4/5
    assert f1_score("the Denver Broncos team", "Denver Broncos") == pytest.approx(0.8)
    assert f1_score("Broncos", "Panthers") == 0.0
    assert f1_score("", "Broncos") == 0.0
    assert f1_score("the", "a") == 0.0  # both normalise to nothing: SQuAD v1.1 scores 0


def test_f1_chinese_character_level_by_hand():
    # pred: 北 京 大 学 的 图 书 馆 (8 characters); gold: 北 京 大 学 图 书 馆 (7); common 7
    # P = 7/8, R = 7/7 = 1, F1 = 2 * (7/8) * 1 / (7/8 + 1) = (14/8) / (15/8) = 14/15
    assert f1_score("北京大学的图书馆。", "北京大学图书馆") == pytest.approx(14 / 15)
    # pred: 中 国 中 国 (4); gold: 中 国 人 (3); common = min(2,1) 中 + min(2,1) 国 = 2
    # P = 2/4, R = 2/3, F1 = 2 * (1/2) * (2/3) / (1/2 + 2/3) = (2/3) / (7/6) = 4/7
    assert f1_score("中国中国", "中国人") == pytest.approx(4 / 7)


def test_exact_match():
    assert exact_match("The Broncos!", "broncos") == 1.0
    assert exact_match("Denver Broncos", "Broncos") == 0.0
    assert exact_match("北京 大学。", "北京大学") == 1.0  # spaces between CJK characters don't matter


def test_max_over_golds():
    # vs "Broncos": no overlap, 0; vs "Denver Broncos": P = 1/1, R = 1/2, F1 = 2/3
    assert max_over_golds(f1_score, "Denver", ["Broncos", "Denver Broncos"]) == pytest.approx(2 / 3)
    assert max_over_golds(exact_match, "broncos", ["Panthers", "The Broncos"]) == 1.0
    with pytest.raises(ValueError, match="no gold answers"):
        max_over_golds(f1_score, "Denver", [])


@pytest.mark.parametrize(
    ("answer", "golds", "expected"),
    [
        ("It happened in 1800.", ["80"], False),  # not inside a longer number
        ("The score was 80 to 20.", ["80"], True),
        ("Denver Broncos won the game", ["The Denver Broncos"], True),  # articles normalised away
        ("They live in New York City", ["york"], True),
        ("They live in New York City", ["yor"], False),
        ("比赛在北京举行。", ["上海", "北京"], True),  # CJK: plain substring
        ("比赛在北京举行。", ["上海"], False),
        ("第80届奥斯卡", ["80"], True),  # digits next to CJK characters are their own token
        ("Anything at all", ["the"], False),  # a gold that normalises to nothing never matches
        ("Anything at all", [], False),
    ],
)
def test_contains_gold(answer, golds, expected):
    assert contains_gold(answer, golds) is expected


# --- answers: agreement with the official SQuAD v1.1 script -----------------------


def squad_normalize(s: str) -> str:
    """normalize_answer from the official SQuAD v1.1 evaluate script, verbatim in substance."""

    def remove_articles(text):
        return re.sub(r"\b(a|an|the)\b", " ", text)

    def white_space_fix(text):
        return " ".join(text.split())

    def remove_punc(text):
        exclude = set(string.punctuation)
        return "".join(ch for ch in text if ch not in exclude)

    return white_space_fix(remove_articles(remove_punc(s.lower())))


def squad_f1(prediction: str, ground_truth: str) -> float:
    prediction_tokens = squad_normalize(prediction).split()
    ground_truth_tokens = squad_normalize(ground_truth).split()
    common = Counter(prediction_tokens) & Counter(ground_truth_tokens)
    num_same = sum(common.values())
    if num_same == 0:
        return 0
    precision = 1.0 * num_same / len(prediction_tokens)
    recall = 1.0 * num_same / len(ground_truth_tokens)
    return (2 * precision * recall) / (precision + recall)


def squad_em(prediction: str, ground_truth: str) -> float:
    return float(squad_normalize(prediction) == squad_normalize(ground_truth))


ENGLISH_PAIRS = [
    ("Denver Broncos", "Denver Broncos"),
    ("the Denver Broncos", "Denver Broncos"),
    ("Santa Clara, California", "Levi's Stadium in the San Francisco Bay Area at Santa Clara, California."),
    ("$1.2 billion", "1.2 billion dollars"),
    ("Levi's Stadium", "Levis stadium"),
    ("February 7, 2016", "7 February 2016"),
    ("a well-known theory", "well known theory"),
    ("An  apple, an apple, and the apple", "apple apple"),
    ("Thermodynamics (the second law)", "the second law of thermodynamics"),
    ("10th", "10"),
    ("", "something"),
    ("the", "a"),
]


@pytest.mark.parametrize(("prediction", "gold"), ENGLISH_PAIRS)
def test_f1_and_em_match_official_squad_on_english(prediction, gold):
    assert f1_score(prediction, gold) == pytest.approx(squad_f1(prediction, gold))
    assert exact_match(prediction, gold) == squad_em(prediction, gold)


_ascii_text = st.text(alphabet=string.ascii_letters + string.digits + string.punctuation + " \t\n", max_size=40)


@given(_ascii_text, _ascii_text)
def test_f1_and_em_match_official_squad_on_any_ascii_text(prediction, gold):
    assert normalize_answer(prediction) == squad_normalize(prediction)
    assert f1_score(prediction, gold) == pytest.approx(squad_f1(prediction, gold))
    assert exact_match(prediction, gold) == squad_em(prediction, gold)


# --- citations and abstention --------------------------------------------------------


def test_citation_summary_by_hand():
    per_question = [(2, 1, True), (0, 0, True), (3, 3, True), (1, 0, False)]
    summary = citation_summary(per_question)
    # precision = (1 + 0 + 3 + 0) / (2 + 0 + 3 + 1) = 4/6
    assert summary["precision"] == pytest.approx(4 / 6)
    # recall: 3 answerable questions, the 1st and 3rd have a citation in a relevant passage: 2/3
    assert summary["recall"] == pytest.approx(2 / 3)


def test_citation_summary_empty_denominators_are_none():
    assert citation_summary([(0, 0, True)]) == {"precision": None, "recall": 0.0}
    assert citation_summary([(1, 1, False)]) == {"precision": 1.0, "recall": None}
    assert citation_summary([]) == {"precision": None, "recall": None}
    with pytest.raises(ValueError, match="question 0: 2 citations in relevant passages out of 1"):
        citation_summary([(1, 2, True)])


def test_abstention_summary_by_hand():
    abstained = [True, True, False, False, True]
    unanswerable = [True, False, True, False, False]
    summary = abstention_summary(abstained, unanswerable)
    # abstained on q1 (unanswerable), q2 and q5 (answerable): precision 1/3
    assert summary["precision"] == pytest.approx(1 / 3)
    # unanswerable q1 and q3, abstained on q1: recall 1/2
    assert summary["recall"] == 0.5
    # answerable q2, q4, q5, abstained on q2 and q5: false rate 2/3
    assert summary["false_rate"] == pytest.approx(2 / 3)


def test_abstention_summary_empty_denominators_are_none():
    assert abstention_summary([False, False], [False, True]) == {"precision": None, "recall": 0.0, "false_rate": 0.0}
    assert abstention_summary([], []) == {"precision": None, "recall": None, "false_rate": None}
    with pytest.raises(ValueError, match="abstained has 1 entries but unanswerable has 2"):
        abstention_summary([True], [True, False])


# --- latency ---------------------------------------------------------------------------


def test_percentile_by_hand():
    # p50 of 1,2,3,4: position (4-1) * 0.5 = 1.5 -> 2 + 0.5 * (3 - 2) = 2.5
    assert percentile([4, 1, 3, 2], 50) == 2.5
    # p95: position 3 * 0.95 = 2.85 -> 3 + 0.85 * (4 - 3) = 3.85
    assert percentile([1, 2, 3, 4], 95) == pytest.approx(3.85)
    assert percentile([7.0], 95) == 7.0
    assert percentile([1, 2], 0) == 1 and percentile([1, 2], 100) == 2
    with pytest.raises(ValueError, match="no values"):
        percentile([], 50)
    with pytest.raises(ValueError, match="between 0 and 100"):
        percentile([1], 101)


@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=50), st.floats(0, 100))
def test_percentile_matches_numpy(values, p):
    assert percentile(values, p) == pytest.approx(float(np.percentile(values, p)), rel=1e-9, abs=1e-9)


def test_latency_summary():
    # p50 = 25 (between 20 and 30); p95 = 30 + 0.85 * 10 = 38.5; mean = 100 / 4 = 25
    summary = latency_summary([10.0, 20.0, 30.0, 40.0])
    assert summary == pytest.approx({"p50": 25.0, "p95": 38.5, "mean": 25.0, "n": 4})
    assert latency_summary([]) == {"p50": None, "p95": None, "mean": None, "n": 0}
