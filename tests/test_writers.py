"""eval/writers.py: a writer's file is refused until its quotes are the document's, and merging keeps no near repeat."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("writers", Path(__file__).resolve().parent.parent / "eval" / "writers.py")
writers = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(writers)

ZH = writers.CHINESE_SOURCE
EN = "001_en.txt"


def _question(qid: str, question: str, lang: str, answers=(), source=None, evidence=()) -> dict:
    kind = "fact" if answers else "unanswerable"
    return {"id": qid, "question": question, "answers": list(answers), "source": source, "evidence": list(evidence),
            "lang": lang, "type": kind}  # fmt: skip


def _complete(writer: str) -> list[dict]:
    """40 questions that pass: each kind ten times over."""
    rows = []
    for n in range(1, 11):
        rows.append(_question(f"{writer}-en-{n:02d}", f"Who chaired meeting {n}?", "en", ["Xue Kan"], EN,
                              ["Xue Kan chaired the meeting."]))  # fmt: skip
        rows.append(_question(f"{writer}-zh-{n:02d}", f"第{n}次会议谁主持?", "zh", ["薛侃"], ZH, ["区委书记薛侃主持会议。"]))
        rows.append(_question(f"{writer}-un-en-{n:02d}", f"How tall is tower {n}?", "en"))
        rows.append(_question(f"{writer}-un-zh-{n:02d}", f"第{n}座塔有多高?", "zh"))
    return rows


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    clean = writers.clean_dir(tmp_path)
    clean.mkdir()
    (clean / EN).write_text("On April 9 the meeting was held.\nXue Kan chaired the meeting.", encoding="utf-8")
    (clean / ZH).write_text("区委书记薛侃主持会议。", encoding="utf-8")
    return tmp_path


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_complete_file_with_quoted_evidence_passes(folder):
    assert writers.problems(_write(folder / "QA.jsonl", _complete("QA"))) == []


def test_each_mistake_is_named_with_its_question(folder):
    rows = _complete("QA")
    rows[0]["evidence"] = ["Xue Kan chaired the  meeting."]  # one space too many: not the document's words
    rows[1]["answers"] = ["周海鹰"]  # not in its evidence
    rows[2]["lang"] = "zh"  # an English question marked Chinese
    rows[3]["source"] = ZH  # an unanswerable question has no source
    del rows[4:8]  # the second question of each kind
    found = writers.problems(_write(folder / "QA.jsonl", rows))
    assert found[0].startswith("line 1 (QA-en-01): evidence not found")
    assert found[1].startswith("line 2 (QA-zh-01): answer '周海鹰'")
    assert found[2].startswith("line 3 (QA-un-en-01): lang")
    assert found[3].startswith("line 4 (QA-un-zh-01): an unanswerable question")
    assert found[4] == "missing ids: QA-en-02, QA-un-en-02, QA-un-zh-02, QA-zh-02"
    assert len(found) == 5


def test_a_question_about_an_article_in_the_other_language_is_crosslingual(folder):
    rows = _complete("QA")
    rows[1]["source"], rows[1]["evidence"] = EN, ["Xue Kan chaired the meeting."]
    rows[1]["answers"] = ["Xue Kan"]  # a Chinese question about the English article
    records = writers.converted(_write(folder / "QA.jsonl", rows), "holdout")
    assert [r["type"] for r in records[:4]] == ["fact", "crosslingual", "unanswerable", "unanswerable"]
    assert {r["split"] for r in records} == {"holdout"}


def test_merging_leaves_out_near_repeats_and_refuses_ids_already_merged(folder, monkeypatch, capsys):
    fresh = folder / "fresh.jsonl"
    old = _question("ZZ-en-01", "Who chaired meeting 3?", "en", ["Xue Kan"], EN, ["Xue Kan chaired the meeting."])
    _write(fresh, [old | {"split": "tune"}])
    monkeypatch.setattr(writers, "FRESH", fresh)
    path = _write(folder / "QA.jsonl", _complete("QA"))
    writers.merge(path, "tune", dry_run=False)
    merged = [json.loads(line) for line in fresh.read_text(encoding="utf-8").splitlines()]
    # Questions that differ by a digit repeat one another: of each pattern only the first is kept, and none of
    # "Who chaired meeting N?", which repeats the question already there.
    assert [q["question"] for q in merged] == ["Who chaired meeting 3?", "第1次会议谁主持?", "How tall is tower 1?", "第1座塔有多高?"]
    assert [q["split"] for q in merged] == ["tune"] * 4
    assert capsys.readouterr().out.startswith("QA: ")
    with pytest.raises(SystemExit, match="already in"):
        writers.merge(path, "tune", dry_run=False)


def test_a_file_that_fails_its_check_is_not_merged(folder, monkeypatch):
    rows = _complete("QA")
    rows[0]["evidence"] = ["words the article never wrote"]
    monkeypatch.setattr(writers, "FRESH", folder / "fresh.jsonl")
    with pytest.raises(SystemExit, match="does not pass"):
        writers.merge(_write(folder / "QA.jsonl", rows), "tune", dry_run=False)
    assert not (folder / "fresh.jsonl").exists()


def test_a_writer_name_already_in_the_set_is_refused_before_anything_is_written(folder, monkeypatch, capsys):
    # The thirty-fifth session drew "JJ", a name an earlier session had used, and found out only when merging.
    fresh = _write(folder / "fresh.jsonl", [_question("JJ-en-01", "Who chaired it?", "en", ["Xue Kan"], EN, ["Xue Kan chaired the meeting."])])
    monkeypatch.setattr(writers, "FRESH", fresh)
    with pytest.raises(SystemExit, match="JJ already wrote"):
        writers.draw(352, ["JF", "JJ", "JK"])
    with pytest.raises(SystemExit, match="JJ already wrote"):
        writers.prompt(folder, "JJ", "a councillor's assistant")
    assert not (folder / "JJ.prompt").exists()
    writers.draw(352, ["JF", "JN", "JK"])
    assert len(capsys.readouterr().out.split()) == 2

