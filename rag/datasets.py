"""Evaluation sets: our JSON Lines question files and SQuAD v1.1 (which also brings a corpus).

Both load into the same EvalQuestion, so the evaluation loop does not care
where the questions came from.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.clean import clean_text
from rag.types import Document

FORMATS = (
    'SQuAD v1.1 JSON (an object with a "data" list of articles)',
    "JSON Lines, one question object per line with keys "
    "id, question, answers, source, evidence, lang, type (split optional)",
)
_JSONL_KEYS = ("id", "question", "answers", "source", "evidence", "lang", "type")


@dataclass(frozen=True)
class EvalQuestion:
    """A question with its gold answers and the sources and evidence spans that support them."""

    id: str
    question: str
    answers: tuple[str, ...]  # empty for unanswerable questions
    sources: tuple[str, ...]  # Document.source values of the passages that hold the answer
    evidence: tuple[str, ...]  # spans of those passages' cleaned text that a retrieved chunk must contain
    lang: str
    type: str  # e.g. "fact", "unanswerable"
    split: str = "all"

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def _str_tuple(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: {key!r} must be a string, a list of strings or null, got {value!r}")


def _question_from_json(record: Any, where: str) -> EvalQuestion:
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(record).__name__}")
    missing = [key for key in _JSONL_KEYS if key not in record]
    if missing:
        raise ValueError(f"{where}: missing key(s) {', '.join(missing)}; every line needs {', '.join(_JSONL_KEYS)}")
    return EvalQuestion(
        id=str(record["id"]),
        question=str(record["question"]),
        answers=_str_tuple(record["answers"], "answers", where),
        sources=_str_tuple(record["source"], "source", where),
        evidence=_str_tuple(record["evidence"], "evidence", where),
        lang=str(record["lang"]),
        type=str(record["type"]),
        split=str(record.get("split") or "all"),
    )


def _parse_eval_lines(text: str, path: Path) -> list[EvalQuestion]:
    questions = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(
                f"{where}: not valid JSON ({err.msg} at column {err.colno}); fix or remove the line"
            ) from err
        questions.append(_question_from_json(record, where))
    return questions


def load_eval_set(path: Path) -> list[EvalQuestion]:
    """Questions from a JSON Lines file, one object per line; blank lines are skipped."""
    return _parse_eval_lines(Path(path).read_text(encoding="utf-8"), Path(path))


def _distinct(texts: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t))


def _squad_from_json(data: dict[str, Any], path: Path) -> tuple[list[Document], list[EvalQuestion]]:
    documents: list[Document] = []
    questions: list[EvalQuestion] = []
    lost: list[str] = []
    try:
        for article in data["data"]:
            title = article["title"]
            for index, paragraph in enumerate(article["paragraphs"]):
                source = f"{title}#{index:03d}"
                text = clean_text(paragraph["context"])
                documents.append(
                    Document(source=source, text=text, title=title.replace("_", " "), date=None, lang="en")
                )
                for qa in paragraph["qas"]:
                    # Cleaned like the context (SQuAD spans can hold runs of spaces that
                    # clean_text squeezes), so each answer is still a span of the text.
                    answers = _distinct([clean_text(a["text"]) for a in qa["answers"]])
                    lost += [f"{qa['id']}: {a!r}" for a in answers if a not in text]
                    questions.append(
                        EvalQuestion(
                            id=str(qa["id"]),
                            question=qa["question"],
                            answers=answers,
                            sources=(source,),
                            evidence=answers,
                            lang="en",
                            type="fact",
                        )
                    )
    except (KeyError, TypeError) as err:
        raise ValueError(
            f"{path}: not in SQuAD v1.1 shape ({type(err).__name__}: {err}); expected {FORMATS[0]}"
        ) from err
    if lost:
        raise ValueError(
            f"{path}: {len(lost)} answer(s) no longer occur in their cleaned paragraph, so retrieval "
            f"hits could not be judged: {'; '.join(lost[:5])}; check rag.clean.clean_text"
        )
    return documents, questions


def load_squad(path: Path) -> tuple[list[Document], list[EvalQuestion]]:
    """Documents (one per paragraph, source "Title#007") and their questions from a SQuAD v1.1 file.

    Raises ValueError when an answer does not survive cleaning, since its
    retrieval hits could then never be found.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not valid JSON ({err.msg} at line {err.lineno}); expected {FORMATS[0]}") from err
    if not isinstance(data, dict) or "data" not in data:
        raise ValueError(f'{path}: no top-level "data" list; expected {FORMATS[0]}')
    return _squad_from_json(data, path)


def load_dataset(path: Path) -> tuple[list[Document] | None, list[EvalQuestion]]:
    """Documents (SQuAD only, else None) and questions, with the format told from the file's content."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None  # several lines of JSON Lines, or not JSON at all
    if isinstance(whole, dict) and "data" in whole:
        return _squad_from_json(whole, path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        is_jsonl = isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        is_jsonl = False
    if not is_jsonl:
        raise ValueError(f"{path}: unrecognised evaluation set; accepted formats: " + " | ".join(FORMATS))
    return None, _parse_eval_lines(text, path)


def outside_sample(questions: Sequence[EvalQuestion], limit: int, reported: int = 500) -> list[EvalQuestion]:
    """`limit` questions (seed 1) none of which is in the reported sample of `reported` (seed 0): questions to tune
    on that the reported figures never see."""
    shown = {q.id for q in sample_questions(questions, reported, seed=0)}
    return sample_questions([q for q in questions if q.id not in shown], limit, seed=1)


def sample_questions(questions: Sequence[EvalQuestion], limit: int | None, seed: int = 0) -> list[EvalQuestion]:
    """`limit` questions drawn with random.Random(seed), the same ones every run; all of them when limit is None."""
    if limit is None or limit >= len(questions):
        return list(questions)
    if limit < 0:
        raise ValueError(f"limit must be a non-negative number of questions or None, got {limit}")
    return random.Random(seed).sample(list(questions), limit)
