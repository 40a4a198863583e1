"""Cleaning and document metadata, on the seeds and on small hand-made strings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag.clean import clean_text, detect_lang, find_date
from rag.loaders import FoundFile, find_files, load_document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return load_document(FoundFile(path, path.name))


# A CJK character followed by a parenthesised lowercase latin gloss: "人(ren)".
PINYIN_GLOSS = re.compile(r"[\u3400-\u9fff]\([a-z]+\d?\)")


def test_raw_002_really_has_pinyin_glosses():
    # Guards the tests below: they would pass vacuously on a seed without glosses.
    raw = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    assert "人(ren)大" in raw and "程绣(xiu)明" in raw
    assert len(PINYIN_GLOSS.findall(raw)) > 20


def test_pinyin_glosses_removed_from_002():
    text = seed("002").text
    assert "区人大常委会主任程绣明" in text
    assert "人(ren)" not in text and "(xiu)" not in text
    assert PINYIN_GLOSS.findall(text) == []


def test_ordinary_parentheses_are_kept():
    assert "Bonded Logistics Center (Type B)" in seed("001").text
    assert "区人大专委会(工委)" in seed("002").text
    assert "区属企业(集团)" in seed("002").text


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("区人(ren)大常委会", "区人大常委会"),
        ("程绣(xiu)明", "程绣明"),
        ("重(zhòng)要", "重要"),  # tone marks
        ("重(zhong4)要", "重要"),  # tone numbers
        ("中国(China)发展", "中国(China)发展"),  # an English gloss is not pinyin
        ("委员会(工委)", "委员会(工委)"),
        ("Center (Type B)", "Center (Type B)"),
        ("a function f(x) here", "a function f(x) here"),  # no CJK before it
    ],
)
def test_pinyin_gloss_cases(raw, cleaned):
    assert clean_text(raw) == cleaned


def test_raw_004_has_html_tokens():
    raw = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    assert "htmlTen years ago" in raw and "\nhtml During" in raw


def test_stray_html_tokens_removed_from_004():
    text = seed("004").text
    assert "Ten years ago, Shanghai Municipal Party Committee" in text
    assert "htmlTen" not in text
    assert "\nDuring the inspection on 28th" in text
    assert re.findall(r"html", text, re.I) == []


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("htmlTen years ago, it rained.", "Ten years ago, it rained."),
        ("One.\nhtml During the day.", "One.\nDuring the day."),
        ("Open the html file in a browser.", "Open the html file in a browser."),
        ("The page was saved as html and printed.", "The page was saved as html and printed."),
        ("Done. htmlTen years ago.", "Done. Ten years ago."),
        ("It uses htmlParser for this.", "It uses htmlParser for this."),  # mid-sentence: an identifier, keep
    ],
)
def test_html_token_cases(raw, cleaned):
    assert clean_text(raw) == cleaned


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("a  \t b", "a b"),
        ("line one   \n   line two", "line one\nline two"),
        ("para one\n\n\n\n\npara two", "para one\n\npara two"),
        ("\r\nwindows\r\nlines\r\n", "windows\nlines"),
        ("ＡＢＣ１２３", "ABC123"),  # full-width latin and digits
        ("全角\u3000空格", "全角 空格"),  # ideographic space
        ("no\u00a0break", "no break"),
        ("zero\u200bwidth", "zerowidth"),
        ("３月１７日，区委", "3月17日,区委"),
        ("真的吗？好！是；", "真的吗？好！是；"),  # Chinese sentence ends stay for the splitters
    ],
)
def test_whitespace_and_full_width_normalised(raw, cleaned):
    assert clean_text(raw) == cleaned


def test_cleaned_seeds_have_no_messy_whitespace():
    for path in sorted(SEEDS.glob("*.txt")):
        text = load_document(FoundFile(path, path.name)).text
        assert text == text.strip()
        assert "  " not in text and "\t" not in text and "\r" not in text and "\n\n\n" not in text
        assert "\u3000" not in text and "\xa0" not in text


@pytest.mark.parametrize(
    "prefix, date",
    [("000", "2024-04-08"), ("003", "2023-03-06")],
)
def test_dates_from_headlines(prefix, date):
    assert seed(prefix).date == date


@pytest.mark.parametrize(
    "text, date",
    [
        ("Meeting Held April 08,2024\n\nBody", "2024-04-08"),
        ("Held on March 6th, 2023.", "2023-03-06"),
        ("2024年3月17日上午，会议举行", "2024-03-17"),
        ("Published 2022-11-05 by the office", "2022-11-05"),
        ("No date in this text at all.", None),
    ],
)
def test_find_date(text, date):
    assert find_date(text) == date


def test_titles():
    title = seed("000").title
    assert title.startswith("[In Focus] Rallying with Full Effort")
    assert "April 08,2024" not in title  # the trailing date belongs in `date`, not the title
    assert (
        seed("003").title
        == "Making great efforts to achieve high-quality development, comfortable life and efficient governance"
    )
    assert 0 < len(seed("002").title) <= 120


@pytest.mark.parametrize(
    "prefix, lang",
    [("000", "en"), ("001", "en"), ("002", "zh"), ("003", "en"), ("004", "en")],
)
def test_lang(prefix, lang):
    assert seed(prefix).lang == lang


def test_detect_lang_short_texts():
    assert detect_lang("区长是谁？") == "zh"
    assert detect_lang("Who is the mayor?") == "en"


def test_source_is_relative_to_the_ingested_root(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "top.txt").write_text("Top level text.", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "note.md").write_text("A nested note.", encoding="utf-8")
    files, _ = find_files([tmp_path])
    docs = [load_document(f) for f in files]
    assert sorted(d.source for d in docs) == ["sub/deeper/note.md", "top.txt"]
    # A single file given directly is named by its file name.
    files, _ = find_files([tmp_path / "sub" / "deeper" / "note.md"])
    assert [load_document(f).source for f in files] == ["note.md"]


def test_a_doubled_gloss_goes_in_one_cleaning():
    """Found by the idempotence property: '字(zi)(zi)' lost one gloss per cleaning."""
    assert clean_text("人(ren)(ren)大") == "人大"
    assert clean_text(clean_text("㐀(U)(U)")) == clean_text("㐀(U)(U)")
