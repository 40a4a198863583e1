"""Loading evaluation sets: JSON Lines, SQuAD v1.1, format detection and sampling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.datasets import EvalQuestion, load_dataset, load_eval_set, load_squad, sample_questions

REAL_SQUAD = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "squad-dev-v1.1-subset.json"


def _write_jsonl(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _record(**overrides) -> dict:
    record = {
        "id": "q1",
        "question": "Who chairs the committee?",
        "answers": ["Cheng Xiuming"],
        "source": "a.txt",
        "evidence": ["Cheng Xiuming, director"],
        "lang": "en",
        "type": "fact",
    }
    return record | overrides


def test_load_eval_set(tmp_path):
    path = _write_jsonl(
        tmp_path / "eval.jsonl",
        [
            _record(split="tune"),
            "",
            _record(id="q2", source=["a.txt", "b.txt"], answers="一个答案", lang="zh"),
            _record(id="q3", source=None, answers=[], evidence=[], type="unanswerable"),
        ],
    )
    q1, q2, q3 = load_eval_set(path)
    assert q1 == EvalQuestion(
        id="q1",
        question="Who chairs the committee?",
        answers=("Cheng Xiuming",),
        sources=("a.txt",),
        evidence=("Cheng Xiuming, director",),
        lang="en",
        type="fact",
        split="tune",
    )
    assert q2.sources == ("a.txt", "b.txt") and q2.answers == ("一个答案",) and q2.split == "all"
    assert q3.sources == () and q3.answers == ()
    assert q1.answerable and not q3.answerable


def test_load_eval_set_bad_json_names_file_and_line(tmp_path):
    path = _write_jsonl(tmp_path / "eval.jsonl", [_record(), '{"id": "q2", "question": '])
    with pytest.raises(ValueError, match=r"eval\.jsonl, line 2: not valid JSON"):
        load_eval_set(path)


def test_load_eval_set_missing_key_names_key_and_line(tmp_path):
    record = _record()
    del record["evidence"]
    path = _write_jsonl(tmp_path / "eval.jsonl", [_record(), "", record])
    with pytest.raises(ValueError, match=r"eval\.jsonl, line 3: missing key\(s\) evidence"):
        load_eval_set(path)


def test_load_eval_set_wrong_type_is_refused(tmp_path):
    path = _write_jsonl(tmp_path / "eval.jsonl", [_record(answers=42)])
    with pytest.raises(ValueError, match="line 1: 'answers' must be a string, a list of strings or null"):
        load_eval_set(path)


SQUAD = {
    "version": "1.1",
    "data": [
        {
            "title": "Super_Bowl_50",
            "paragraphs": [
                {
                    "context": "Super Bowl 50 was won by the  Denver Broncos.\u200b ",
                    "qas": [
                        {
                            "id": "s1",
                            "question": "Who won Super Bowl 50?",
                            "answers": [
                                {"answer_start": 29, "text": "Denver Broncos"},
                                {"answer_start": 25, "text": "the  Denver Broncos"},
                                {"answer_start": 29, "text": "Denver Broncos"},
                            ],
                        }
                    ],
                },
                {
                    "context": "The game was played in Santa Clara.",
                    "qas": [
                        {"id": "s2", "question": "Where?", "answers": [{"answer_start": 23, "text": "Santa Clara"}]}
                    ],
                },
            ],
        },
        {
            "title": "Warsaw",
            "paragraphs": [{"context": "Warsaw is the capital of Poland.", "qas": []}],
        },
    ],
}


def test_load_squad(tmp_path):
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(SQUAD), encoding="utf-8")
    documents, questions = load_squad(path)
    assert [d.source for d in documents] == ["Super_Bowl_50#000", "Super_Bowl_50#001", "Warsaw#000"]
    first = documents[0]
    assert first.text == "Super Bowl 50 was won by the Denver Broncos."  # cleaned: spaces squeezed, zero-width gone
    assert (first.title, first.date, first.lang) == ("Super Bowl 50", None, "en")
    s1, s2 = questions
    # Distinct answers in file order; cleaned like the context so they remain spans of it.
    assert s1.answers == ("Denver Broncos", "the Denver Broncos")
    assert s1.evidence == s1.answers
    assert (s1.sources, s1.lang, s1.type, s1.split) == (("Super_Bowl_50#000",), "en", "fact", "all")
    assert s2.sources == ("Super_Bowl_50#001",) and s2.answers == ("Santa Clara",)


def test_load_squad_refuses_an_answer_missing_from_its_paragraph(tmp_path):
    data = json.loads(json.dumps(SQUAD))
    data["data"][0]["paragraphs"][1]["qas"][0]["answers"][0]["text"] = "San Jose"
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="1 answer\\(s\\) no longer occur in their cleaned paragraph.*s2: 'San Jose'"):
        load_squad(path)


def test_load_squad_refuses_wrong_shape(tmp_path):
    path = tmp_path / "squad.json"
    path.write_text(json.dumps({"data": [{"title": "X", "paras": []}]}), encoding="utf-8")
    with pytest.raises(ValueError, match="not in SQuAD v1.1 shape"):
        load_squad(path)


def test_load_dataset_detects_squad_and_json_lines(tmp_path):
    squad = tmp_path / "squad.json"
    squad.write_text(json.dumps(SQUAD, indent=2), encoding="utf-8")
    documents, questions = load_dataset(squad)
    assert documents is not None and len(documents) == 3 and len(questions) == 2

    one_line = _write_jsonl(tmp_path / "one.jsonl", [_record()])  # a lone line is also a whole JSON object
    assert load_dataset(one_line) == (None, [load_eval_set(one_line)[0]])

    many = _write_jsonl(tmp_path / "many.jsonl", [_record(), _record(id="q2")])
    documents, questions = load_dataset(many)
    assert documents is None and [q.id for q in questions] == ["q1", "q2"]


@pytest.mark.parametrize("content", ["id,question\nq1,Who?\n", "[1, 2, 3]", ""])
def test_load_dataset_lists_accepted_formats_for_anything_else(tmp_path, content):
    path = tmp_path / "questions.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match="unrecognised evaluation set; accepted formats: SQuAD v1.1 JSON.*JSON Lines"):
        load_dataset(path)


def _questions(n: int) -> list[EvalQuestion]:
    return [EvalQuestion(f"q{i}", f"question {i}?", ("a",), ("s",), ("a",), "en", "fact") for i in range(n)]


def test_sample_questions_is_deterministic_and_seeded():
    questions = _questions(50)
    first = sample_questions(questions, 10, seed=0)
    assert first == sample_questions(questions, 10, seed=0)
    assert first != sample_questions(questions, 10, seed=1)
    assert len({q.id for q in first}) == 10 and set(first) <= set(questions)


def test_sample_questions_without_a_limit_keeps_everything_in_order():
    questions = _questions(5)
    assert sample_questions(questions, None) == questions
    assert sample_questions(questions, 5) == questions
    assert sample_questions(questions, 99) == questions
    assert sample_questions(questions, 0) == []
    with pytest.raises(ValueError, match="limit must be a non-negative"):
        sample_questions(questions, -1)


@pytest.mark.skipif(not REAL_SQUAD.exists(), reason=f"SQuAD subset not found at {REAL_SQUAD}")
def test_real_squad_subset_loads_and_every_answer_survives_cleaning():
    documents, questions = load_dataset(REAL_SQUAD)
    assert documents is not None
    assert len(documents) == 913 and len(questions) == 4961
    assert len({d.source for d in documents}) == 913 and len({q.id for q in questions}) == 4961
    by_source = {d.source: d for d in documents}
    for q in questions:
        assert q.answers and q.evidence == q.answers
        text = by_source[q.sources[0]].text
        assert all(answer in text for answer in q.answers), q.id
    assert documents[0].source == "Super_Bowl_50#000" and documents[0].title == "Super Bowl 50"
