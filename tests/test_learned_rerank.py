"""The listwise fit behind eval/learned_rerank.py: it must find the feature that marks the right candidate."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

_SPEC = importlib.util.spec_from_file_location(
    "learned_rerank", Path(__file__).resolve().parent.parent / "eval" / "learned_rerank.py"
)
learned_rerank = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = learned_rerank  # its dataclasses look their module up there
_SPEC.loader.exec_module(learned_rerank)


def _groups(rng: np.random.Generator, n: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """20 candidates a question, one relevant; feature 0 is higher for it (noisily), feature 1 is noise
    on a much larger scale, feature 2 is a decoy that is *lower* for the relevant one."""
    groups = []
    for _ in range(n):
        x = np.column_stack([rng.normal(0, 1, 20), rng.normal(0, 50, 20), rng.normal(0, 1, 20)])
        y = np.zeros(20, dtype=bool)
        y[rng.integers(20)] = True
        x[y, 0] += 3.0
        x[y, 2] -= 1.5
        groups.append((x, y))
    return groups


def test_fit_ranks_the_relevant_candidate_first_on_unseen_questions():
    rng = np.random.default_rng(0)
    w = learned_rerank.fit_listwise(_groups(rng, 300))
    assert w[0] > 0 and w[2] < 0, w
    assert abs(w[1]) * 50 < abs(w[0]), "a noise feature on a large scale must not take over"
    held_out = _groups(rng, 300)
    right = np.mean([y[np.argmax(x @ w)] for x, y in held_out])
    by_feature_0 = np.mean([y[np.argmax(x[:, 0])] for x, y in held_out])
    assert right > 0.85 and right >= by_feature_0, (right, by_feature_0)


def test_questions_without_a_relevant_candidate_teach_nothing():
    x = np.ones((5, 2))
    with pytest.raises(ValueError, match="no question has a relevant candidate"):
        learned_rerank.fit_listwise([(x, np.zeros(5, dtype=bool))])
