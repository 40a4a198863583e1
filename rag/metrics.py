"""Evaluation metrics as plain functions: retrieval, answers, citations, abstention, latency.

Retrieval metrics take `retrieved` (ids, best first) and `relevant` (ids judged
relevant, binary). Answer metrics follow the SQuAD v1.1 official script, extended
so that Chinese text is scored per character, as CMRC does.

Averages over nothing (no questions, no citations, no unanswerable questions)
are None, written as JSON null, never a made-up 0.0 or 1.0.
"""

from __future__ import annotations

import math
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence

from rag.clean import CJK

# --- retrieval -------------------------------------------------------------


def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be a positive rank cut-off, got {k}")


def hit_at_k(retrieved: Sequence[str], relevant: Collection[str], k: int) -> float:
    """1.0 when any of the top `k` retrieved ids is relevant, else 0.0."""
    _check_k(k)
    return 1.0 if any(doc in relevant for doc in retrieved[:k]) else 0.0


def reciprocal_rank(retrieved: Sequence[str], relevant: Collection[str], k: int | None = None) -> float:
    """1 / rank of the first relevant id (within the top `k` when given), else 0.0."""
    if k is not None:
        _check_k(k)
    for rank, doc in enumerate(retrieved[:k], start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(retrieved: Sequence[str], relevant: Collection[str], k: int) -> float:
    """nDCG@k with binary gains and a log2(rank + 1) discount; 0.0 when `relevant` is empty.

    The ideal ranking puts min(len(relevant), k) relevant ids first. A repeated id
    earns no second gain, so a list with duplicates cannot score above 1.0.
    """
    _check_k(k)
    relevant = set(relevant)
    if not relevant:
        return 0.0
    seen: set[str] = set()
    dcg = 0.0
    for i, doc in enumerate(retrieved[:k]):
        if doc in relevant and doc not in seen:
            dcg += 1.0 / math.log2(i + 2)
        seen.add(doc)
    idcg = sum(1.0 / math.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / idcg


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def retrieval_summary(
    runs: Sequence[tuple[Sequence[str], Collection[str]]],
    ks: Sequence[int] = (1, 3, 5, 10),
    ndcg_k: int = 10,
) -> dict[str, float | None]:
    """Mean hit@k for each k, MRR (uncut list) and nDCG@`ndcg_k` over (retrieved, relevant) pairs.

    A question with an empty relevant set scores 0.0 everywhere and still counts
    in the mean: leave out unanswerable questions before calling. Every value is
    None when `runs` is empty.

    >>> retrieval_summary([(["a", "b"], {"b"})], ks=(1,))
    {'hit@1': 0.0, 'mrr': 0.5, 'ndcg@10': 0.6309297535714575}
    """
    summary: dict[str, float | None] = {}
    for k in ks:
        summary[f"hit@{k}"] = _mean([hit_at_k(r, rel, k) for r, rel in runs])
    summary["mrr"] = _mean([reciprocal_rank(r, rel) for r, rel in runs])
    summary[f"ndcg@{ndcg_k}"] = _mean([ndcg_at_k(r, rel, ndcg_k) for r, rel in runs])
    return summary


# --- answers ---------------------------------------------------------------

_ASCII_PUNCTUATION = frozenset(string.punctuation)
# Full-width ASCII forms (Ａ, ５, ＄) and the ideographic space, as clean_text maps them.
_FULLWIDTH = str.maketrans({chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "})
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_TOKEN = re.compile(f"[{CJK}]|[^\\s{CJK}]+")


def _is_punctuation(ch: str) -> bool:
    # SQuAD's string.punctuation (which includes symbols such as $ and +) plus every
    # Unicode punctuation character, which covers Chinese marks ，。！？；：“”‘’、（）《》….
    return ch in _ASCII_PUNCTUATION or unicodedata.category(ch).startswith("P")


def normalize_answer(text: str) -> str:
    """SQuAD v1.1 normalisation (lowercase, drop punctuation and a/an/the, squeeze spaces), CJK-aware.

    >>> normalize_answer("The  Eiffel Tower!")
    'eiffel tower'
    >>> normalize_answer("《红楼梦》。")
    '红楼梦'
    """
    text = text.translate(_FULLWIDTH).lower()
    text = "".join(ch for ch in text if not _is_punctuation(ch))
    text = _ARTICLES.sub(" ", text)
    return " ".join(text.split())


def answer_tokens(text: str) -> list[str]:
    """Normalised tokens: each CJK character alone, other runs split on whitespace.

    >>> answer_tokens("The iPhone手机, 2007")
    ['iphone', '手', '机', '2007']
    """
    return _TOKEN.findall(normalize_answer(text))


def f1_score(prediction: str, gold: str) -> float:
    """Token-overlap F1 as in SQuAD v1.1 (0.0 when either side has no tokens)."""
    common = Counter(answer_tokens(prediction)) & Counter(answer_tokens(gold))
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision = same / len(answer_tokens(prediction))
    recall = same / len(answer_tokens(gold))
    return 2 * precision * recall / (precision + recall)


def exact_match(prediction: str, gold: str) -> float:
    """1.0 when both normalise to the same tokens, else 0.0 (spaces between CJK characters don't count)."""
    return 1.0 if answer_tokens(prediction) == answer_tokens(gold) else 0.0


def max_over_golds(fn: Callable[[str, str], float], prediction: str, golds: Sequence[str]) -> float:
    """The best score of `prediction` against any gold answer, as SQuAD scores several references.

    >>> max_over_golds(f1_score, "Denver Broncos", ["Broncos", "Denver Broncos"])
    1.0
    """
    if not golds:
        raise ValueError("no gold answers to score against; leave unanswerable questions out of answer metrics")
    return max(fn(prediction, gold) for gold in golds)


def _contains_run(tokens: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(tokens[i : i + n] == part for i in range(len(tokens) - n + 1))


def contains_gold(answer_text: str, golds: Sequence[str]) -> bool:
    """True when some normalised gold occurs in the normalised answer as a run of whole tokens.

    Latin words must match whole ("80" is not in "1800"); CJK characters are
    tokens, so Chinese golds match as plain substrings. A gold that normalises
    to nothing (say "the") never matches.
    """
    tokens = answer_tokens(answer_text)
    for gold in golds:
        part = answer_tokens(gold)
        if part and _contains_run(tokens, part):
            return True
    return False


# --- citations and abstention -----------------------------------------------


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def citation_summary(per_question: Sequence[tuple[int, int, bool]]) -> dict[str, float | None]:
    """Citation precision over all citations and recall over answerable questions.

    Each item is (n_citations, n_citations_in_relevant_passage, answerable).
    "precision" = cited-in-relevant / all citations, None when nothing was cited;
    "recall" = share of answerable questions with at least one citation in a
    relevant passage, None when no question is answerable.
    """
    cited = in_relevant = answerable = supported = 0
    for i, (n, good, is_answerable) in enumerate(per_question):
        if not 0 <= good <= n:
            raise ValueError(
                f"question {i}: {good} citations in relevant passages out of {n}; "
                "the count must be between 0 and n_citations"
            )
        cited += n
        in_relevant += good
        if is_answerable:
            answerable += 1
            supported += good > 0
    return {"precision": _ratio(in_relevant, cited), "recall": _ratio(supported, answerable)}


def abstention_summary(abstained: Sequence[bool], unanswerable: Sequence[bool]) -> dict[str, float | None]:
    """How well the system declines: "precision", "recall" and "false_rate" of abstentions.

    "precision" = abstentions on unanswerable questions / abstentions;
    "recall" = abstentions on unanswerable questions / unanswerable questions;
    "false_rate" = abstentions on answerable questions / answerable questions.
    A value whose denominator is zero is None.
    """
    if len(abstained) != len(unanswerable):
        raise ValueError(
            f"abstained has {len(abstained)} entries but unanswerable has {len(unanswerable)}; "
            "pass one flag per question in both"
        )
    pairs = list(zip(abstained, unanswerable, strict=True))
    right = sum(1 for a, u in pairs if a and u)
    wrong = sum(1 for a, u in pairs if a and not u)
    n_unanswerable = sum(1 for _, u in pairs if u)
    return {
        "precision": _ratio(right, right + wrong),
        "recall": _ratio(right, n_unanswerable),
        "false_rate": _ratio(wrong, len(pairs) - n_unanswerable),
    }


# --- latency ---------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation, as numpy.percentile's default."""
    if not values:
        raise ValueError("percentile of no values is undefined; pass at least one value")
    if not 0 <= p <= 100:
        raise ValueError(f"p must be between 0 and 100, got {p}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def latency_summary(ms: Sequence[float]) -> dict[str, float | int | None]:
    """Median, 95th percentile and mean of per-question latencies; None for each when empty."""
    if not ms:
        return {"p50": None, "p95": None, "mean": None, "n": 0}
    return {"p50": percentile(ms, 50), "p95": percentile(ms, 95), "mean": sum(ms) / len(ms), "n": len(ms)}
