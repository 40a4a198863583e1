"""eval/outcomes.py: the figures of a dump and the questions a change moved, on hand-worked records."""

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("outcomes", Path(__file__).resolve().parent.parent / "eval" / "outcomes.py")
outcomes = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(outcomes)


def _record(id_, answerable, abstained=False, contains=False, cited=1, good=0, hit1=False):
    return {
        "set": "fresh", "id": id_, "question": f"question {id_}?", "answerable": answerable, "abstained": abstained,
        "contains": contains, "cited": 0 if abstained else cited, "good": good, "hit1": hit1, "answer": "an answer",
    }


BEFORE = [
    _record("a", True, contains=True, good=1, hit1=True),
    _record("b", True, contains=True, cited=2, good=1, hit1=True),
    _record("c", True, abstained=True),
    _record("u1", False),  # a leak
    _record("u2", False, abstained=True),
]


def test_figures_count_answerable_and_unanswerable_questions_apart():
    # hit@1 2/3, contains 2/3, citations 2 good of 3, recall 1/2, false abstention 1/3
    assert outcomes.figures(BEFORE) == "hit@1 0.667 / contains 0.667 / cp 0.667 / recall 0.500 / FA 0.333"
    assert outcomes.figures([r for r in BEFORE if r["answerable"]]).endswith("recall – / FA 0.333")


def test_compare_lists_only_the_questions_whose_outcome_moved():
    after = [dict(r) for r in BEFORE]
    after[3].update(abstained=True, cited=0)  # the leak now abstains
    after[1].update(cited=1)  # one citation fewer, the good one kept
    after[0].update(answer="the same outcome in other words")
    before = {(r["set"], r["id"]): r for r in BEFORE}
    changed = {(r["set"], r["id"]): r for r in after}
    assert outcomes.moved(before, changed) == [("fresh", "b"), ("fresh", "u1")]
    lines = list(outcomes.compare(before, changed))
    assert lines[0] == "fresh: hit@1 0.667 / contains 0.667 / cp 0.667 / recall 0.500 / FA 0.333"
    assert lines[1] == "       hit@1 0.667 / contains 0.667 / cp 1.000 / recall 1.000 / FA 0.333"
    assert sum("(unanswerable): question u1?" in line for line in lines) == 1
