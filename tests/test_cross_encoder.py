"""The cross-fitting behind eval/cross_encoder.py: a fold's model must never read the other fold's articles."""

import importlib.util
import random
import sys
from dataclasses import replace
from pathlib import Path

from test_extractive import hit

from rag.datasets import EvalQuestion

_SPEC = importlib.util.spec_from_file_location(
    "cross_encoder", Path(__file__).resolve().parent.parent / "eval" / "cross_encoder.py"
)
cross_encoder = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = cross_encoder  # its dataclasses look their module up there
_SPEC.loader.exec_module(cross_encoder)


def _question(source: str, answer: str = "1350") -> EvalQuestion:
    return EvalQuestion("q1", "When did the plague subside?", (answer,), (source,), (), "en", "squad")


def test_articles_fall_in_two_folds_and_paragraphs_follow_their_article():
    questions = [
        _question(f"{title}#00{i}") for title in ("Black_Death", "Oxygen", "Rhine", "Victoria") for i in range(3)
    ]
    folds = cross_encoder.fold_of_articles(questions)
    assert folds == {"Black_Death": 0, "Oxygen": 1, "Rhine": 0, "Victoria": 1}
    assert cross_encoder.article("Black_Death#002") == "Black_Death"


def test_a_training_group_holds_the_positive_first_and_only_its_own_folds_text():
    folds = {"Black_Death": 0, "Oxygen": 1}
    gold = hit("The plague spread fast. It subsided by the end of 1350. Cities recovered.", source="Black_Death#001")
    same_fold = hit("Bubonic plague returned often. Fleas carried it. Rats died first.", source="Black_Death#004")
    # Closest in meaning: it would be the hardest negative, were the other fold's text allowed in.
    other_fold = replace(
        hit("Oxygen was found in 1774. It is reactive. Fire needs it.", source="Oxygen#000"), sentence_scores=(0.9,) * 3
    )
    relevant = {gold.chunk.chunk_id}
    group = cross_encoder.training_group(
        _question("Black_Death#001"), [gold, other_fold, same_fold], relevant, 0, folds, random.Random(0)
    )
    assert group.texts[0] == "It subsided by the end of 1350."
    assert len(group.texts) == 1 + cross_encoder.NEGATIVES
    assert not any("Oxygen" in t or "reactive" in t or "Fire" in t for t in group.texts)


def test_a_question_without_a_positive_in_its_fold_trains_nothing():
    folds = {"Black_Death": 0, "Oxygen": 1}
    gold_elsewhere = hit("Oxygen was found in 1350. It is reactive. Fire needs it. Air has it.", source="Oxygen#000")
    group = cross_encoder.training_group(
        _question("Oxygen#000"), [gold_elsewhere], {gold_elsewhere.chunk.chunk_id}, 0, folds, random.Random(0)
    )
    assert group is None
