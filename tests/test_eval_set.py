"""Consistency checks for the hand-written evaluation set eval/seeds.jsonl."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rag.clean import clean_text  # noqa: E402

EVAL_FILE = ROOT / "eval" / "seeds.jsonl"
SEEDS = ROOT / "seeds"
ZH_SEED = "002_0494a65b94bf554c.txt"

KEYS = {"id", "question", "answers", "source", "evidence", "lang", "type", "split"}
TYPES = {"fact", "multi", "unanswerable", "crosslingual"}
LANGS = {"en", "zh"}
SPLITS = {"tune", "holdout"}
ID_RE = re.compile(r"^(en|zh|un|multi|xl)-\d{3}$")
ID_PREFIX = {"unanswerable": "un", "multi": "multi", "crosslingual": "xl"}


def _load() -> list[dict]:
    with EVAL_FILE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


ITEMS = _load()


@cache
def cleaned(name: str) -> str:
    return clean_text((SEEDS / name).read_text(encoding="utf-8"))


def sources(item: dict) -> list[str]:
    src = item["source"]
    if src is None:
        return []
    return [src] if isinstance(src, str) else list(src)


def _ids(items):
    return [item.get("id", "?") for item in items]


def test_file_is_nonempty_jsonl():
    assert ITEMS, "eval/seeds.jsonl is empty"
    text = EVAL_FILE.read_text(encoding="utf-8")
    # ensure_ascii=False: Chinese is stored as UTF-8, not \u escapes
    assert "\\u" not in text


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_schema(item):
    assert set(item) == KEYS
    assert isinstance(item["id"], str) and ID_RE.match(item["id"])
    assert isinstance(item["question"], str) and item["question"].strip()
    assert isinstance(item["answers"], list) and all(isinstance(a, str) and a.strip() for a in item["answers"])
    assert isinstance(item["evidence"], list) and all(isinstance(e, str) and e.strip() for e in item["evidence"])
    assert item["lang"] in LANGS
    assert item["type"] in TYPES
    assert item["split"] in SPLITS
    src = item["source"]
    assert src is None or isinstance(src, str) or (isinstance(src, list) and all(isinstance(s, str) for s in src))
    for name in sources(item):
        assert (SEEDS / name).is_file(), f"unknown source {name}"
    prefix = ID_PREFIX.get(item["type"], item["lang"])
    assert item["id"].startswith(prefix + "-"), f"id {item['id']} does not match type/lang"


def test_ids_unique():
    counts = Counter(item["id"] for item in ITEMS)
    assert not [i for i, n in counts.items() if n > 1]


def test_minimum_counts():
    by_type = Counter(item["type"] for item in ITEMS)
    assert len(ITEMS) >= 90
    assert by_type["unanswerable"] >= 12
    assert by_type["multi"] >= 6
    assert 4 <= by_type["crosslingual"] <= 6
    zh_on_zh_article = [
        item for item in ITEMS
        if item["lang"] == "zh" and item["type"] == "fact" and sources(item) == [ZH_SEED]
    ]
    assert sum(item["lang"] == "zh" for item in ITEMS) >= 28
    assert len(zh_on_zh_article) >= 25
    # some unanswerable questions are in Chinese
    assert any(item["lang"] == "zh" for item in ITEMS if item["type"] == "unanswerable")


def test_each_english_document_has_ten_fact_questions():
    per_doc = Counter(sources(item)[0] for item in ITEMS if item["type"] == "fact")
    for path in sorted(SEEDS.glob("*.txt")):
        minimum = 10 if path.name != ZH_SEED else 28
        assert per_doc[path.name] >= minimum, f"{path.name}: {per_doc[path.name]} fact questions"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_evidence_is_verbatim_in_cleaned_source(item):
    texts = [cleaned(name) for name in sources(item)]
    for quote in item["evidence"]:
        assert any(quote in text for text in texts), f"{item['id']}: quote not found: {quote[:80]!r}"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["type"] != "unanswerable"], ids=_ids(
    [i for i in ITEMS if i["type"] != "unanswerable"]))
def test_answerable_items(item):
    assert item["answers"], "answerable item without answers"
    assert item["evidence"], "answerable item without evidence"
    assert sources(item), "answerable item without source"
    lowered = [quote.lower() for quote in item["evidence"]]
    for answer in item["answers"]:
        assert any(answer.lower() in quote for quote in lowered), f"{item['id']}: answer {answer!r} not in evidence"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["type"] == "unanswerable"], ids=_ids(
    [i for i in ITEMS if i["type"] == "unanswerable"]))
def test_unanswerable_items(item):
    assert item["source"] is None
    assert item["answers"] == []
    assert item["evidence"] == []


@pytest.mark.parametrize("item", [i for i in ITEMS if i["type"] == "multi"], ids=_ids(
    [i for i in ITEMS if i["type"] == "multi"]))
def test_multi_items_use_every_source(item):
    names = sources(item)
    assert isinstance(item["source"], list) and len(set(names)) >= 2
    for name in names:
        text = cleaned(name)
        assert any(quote in text for quote in item["evidence"]), f"{item['id']}: no evidence from {name}"


@pytest.mark.parametrize("item", [i for i in ITEMS if i["type"] in ("fact", "crosslingual")], ids=_ids(
    [i for i in ITEMS if i["type"] in ("fact", "crosslingual")]))
def test_single_source_items(item):
    assert isinstance(item["source"], str)


@pytest.mark.parametrize("item", [i for i in ITEMS if i["type"] == "crosslingual"], ids=_ids(
    [i for i in ITEMS if i["type"] == "crosslingual"]))
def test_crosslingual_items(item):
    assert item["lang"] == "en"
    assert item["source"] == ZH_SEED
    assert not re.search(r"[\u4e00-\u9fff]", item["question"])


def test_question_language_matches_lang():
    for item in ITEMS:
        has_cjk = bool(re.search(r"[\u4e00-\u9fff]", item["question"]))
        assert has_cjk == (item["lang"] == "zh"), item["id"]


def test_questions_unique():
    counts = Counter(item["question"].strip().lower() for item in ITEMS)
    assert not [q for q, n in counts.items() if n > 1]


def test_splits_stratified():
    for kind in TYPES:
        splits = {item["split"] for item in ITEMS if item["type"] == kind}
        assert splits == SPLITS, f"type {kind} missing a split"
    for lang in LANGS:
        splits = {item["split"] for item in ITEMS if item["lang"] == lang}
        assert splits == SPLITS, f"lang {lang} missing a split"
    holdout = sum(item["split"] == "holdout" for item in ITEMS) / len(ITEMS)
    assert 0.3 <= holdout <= 0.5
