"""Grow eval/fresh.jsonl with questions from independent writers who see only the documents.

Usage:
  python eval/writers.py setup /tmp/writers                      # the cleaned seeds a writer reads, in /tmp/writers/clean
  python eval/writers.py prompt /tmp/writers LH "a retired teacher who types fast and never capitalises"
  python eval/writers.py draw 34 LH LI LJ LK LM LN LO LP          # which two of a round go to the holdout, before any is written
  python eval/writers.py check /tmp/writers/LH.jsonl             # what a writer runs on their own file
  python eval/writers.py merge /tmp/writers/LH.jsonl --split holdout

A writer is a helper session given only its prompt: it reads the cleaned documents and writes 40 questions, 10 per
kind (English and Chinese answerable, English and Chinese unanswerable), each answerable one with the words of its
answer and the sentence that holds it copied from the document. `check` refuses a file whose evidence is not in the
document it names or whose answer is not in its evidence. Measure a new writer's file before reading it
(`python eval/sweep.py --dataset W.x.jsonl --split all`, where W.x.jsonl is what `merge --dry-run` writes), and never
read a holdout writer's questions: `merge` prints counts only.
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRESH = ROOT / "eval" / "fresh.jsonl"
CHINESE_SOURCE = "002_0494a65b94bf554c.txt"  # the one seed document written in Chinese
NEAR_REPEAT = 0.85  # difflib ratio of lower-cased questions at which a new question repeats an old one
KINDS = ("en", "zh", "un-en", "un-zh")
# Not rag.clean's: a writer runs `check` with the system Python, where the project is not importable.
_CJK = re.compile(r"[\u4e00-\u9fff]")

PROMPT = """\
You are question writer {writer}. Your persona: {persona}.

Five short news articles about Shanghai district government work are in {clean}/ (four in English, one in
Chinese, {chinese}). Read all five carefully. Do not open any other file in {root} or anywhere else: your questions
must come from the articles and your persona only.

Write 40 questions, in your persona's own voice (how such a person would really type into a chatbot that
answers from these articles), to {out}, one JSON object per line:

1. 10 English questions the articles answer. ids {writer}-en-01 .. {writer}-en-10.
2. 10 Chinese questions the articles answer, at least 8 of them about the Chinese article (a Chinese reader reads
   that one). ids {writer}-zh-01 .. {writer}-zh-10.
3. 10 English questions the articles do NOT answer, though they sound as if they might: same places, people and
   topics, but the fact asked for is not written anywhere in the five articles. ids {writer}-un-en-01 .. {writer}-un-en-10.
4. 10 Chinese questions the articles do NOT answer, in the same way. ids {writer}-un-zh-01 .. {writer}-un-zh-10.

Each line has exactly these keys:
  "id", "question",
  "answers": for an answerable question, 1-3 short strings, each copied exactly as the article writes the answer
             (a name, a number with its unit, a date, a short phrase; not a whole sentence); [] when unanswerable,
  "source": the article's file name, e.g. "{chinese}"; null when unanswerable,
  "evidence": for an answerable question, 1-2 strings copied exactly, character for character, from that article,
              each answer string inside one of them; [] when unanswerable,
  "lang": "en" or "zh" (the language of the question),
  "type": "fact" or "unanswerable".

Vary what you ask (who, when, how many, how much, where, which, what for, lists, titles, slogans) across all five
articles, and vary how you ask it the way your persona would. Do not copy a sentence of an article into a question.
An unanswerable question must really be unanswerable: check that no article states its answer, not even in other words.

When the file is written, run:  python3 {check} check {out}
and correct the file until it prints "ok". Then reply with one line: the number of questions written.
"""


def clean_dir(folder: Path) -> Path:
    return folder / "clean"


def setup(folder: Path) -> None:
    """Write the cleaned seed documents, as the index sees them, for writers to read and quote."""
    from rag.clean import clean_text

    out = clean_dir(folder)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        (out / path.name).write_text(clean_text(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"{len(list(out.glob('*.txt')))} cleaned documents in {out}")


def _refuse_taken(names: list[str]) -> None:
    """Exit naming the writers eval/fresh.jsonl already has: a new writer under an old name cannot be merged."""
    taken = {q["id"].split("-")[0] for q in _records(FRESH)} if FRESH.exists() else set()
    if clash := [name for name in names if name in taken]:
        sys.exit(f"{', '.join(clash)} already wrote questions in {FRESH}: pick other names")


def prompt(folder: Path, writer: str, persona: str) -> None:
    _refuse_taken([writer])
    text = PROMPT.format(
        writer=writer,
        persona=persona,
        clean=clean_dir(folder),
        root=ROOT,
        chinese=CHINESE_SOURCE,
        out=folder / f"{writer}.jsonl",
        check=Path(__file__).resolve(),
    )
    path = folder / f"{writer}.prompt"
    path.write_text(text, encoding="utf-8")
    print(path)


def problems(path: Path) -> list[str]:
    """What is wrong with a writer's file: each problem names the line and what to mend."""
    writer = path.stem
    documents = {p.name: p.read_text(encoding="utf-8") for p in clean_dir(path.parent).glob("*.txt")}
    found, ids = [], set()
    expected = {f"{writer}-{kind}-{n:02d}" for kind in KINDS for n in range(1, 11)}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as error:
            found.append(f"line {number}: not JSON ({error})")
            continue
        where = f"line {number} ({q.get('id')})"
        if set(q) != {"id", "question", "answers", "source", "evidence", "lang", "type"}:
            found.append(f"{where}: keys must be id, question, answers, source, evidence, lang, type")
            continue
        ids.add(q["id"])
        chinese = bool(_CJK.search(q["question"]))
        if q["lang"] not in ("en", "zh") or chinese != (q["lang"] == "zh"):
            found.append(f"{where}: lang must be 'zh' for a Chinese question and 'en' for an English one")
        if q["type"] == "unanswerable":
            if q["answers"] or q["evidence"] or q["source"] is not None:
                found.append(f"{where}: an unanswerable question has answers [], evidence [] and source null")
            continue
        if q["type"] != "fact":
            found.append(f"{where}: type must be 'fact' or 'unanswerable'")
            continue
        document = documents.get(q["source"])
        if document is None:
            found.append(f"{where}: source must be one of {sorted(documents)}")
            continue
        if not q["answers"] or not q["evidence"]:
            found.append(f"{where}: an answerable question needs answers and evidence")
            continue
        for evidence in q["evidence"]:
            if evidence not in document:
                found.append(f"{where}: evidence not found character for character in {q['source']}: {evidence[:80]!r}")
        for answer in q["answers"]:
            if not any(answer.lower() in evidence.lower() for evidence in q["evidence"]):
                found.append(f"{where}: answer {answer!r} is not inside one of the evidence strings")
    if missing := sorted(expected - ids):
        found.append(f"missing ids: {', '.join(missing)}")
    if extra := sorted(ids - expected):
        found.append(f"unexpected ids: {', '.join(extra)}")
    return found


def check(path: Path) -> int:
    found = problems(path)
    print("\n".join(found) if found else "ok")
    return 1 if found else 0


def converted(path: Path, split: str) -> list[dict]:
    """The writer's questions as eval/fresh.jsonl records: a question in one language about an article in the
    other is `crosslingual`, reported apart."""
    records = _records(path)
    for q in records:
        if q["type"] == "fact" and (q["source"] == CHINESE_SOURCE) != (q["lang"] == "zh"):
            q["type"] = "crosslingual"
        q["split"] = split
    return records


def merge(path: Path, split: str, dry_run: bool) -> None:
    """Append a writer's questions to eval/fresh.jsonl, leaving out near repeats; prints counts only."""
    if problems(path):
        sys.exit(f"{path} does not pass `check`: mend it first")
    records = converted(path, split)
    if dry_run:
        out = path.with_suffix(".x.jsonl")
        out.write_text("".join(_lines(records)), encoding="utf-8")
        print(f"{len(records)} questions in {out}")
        return
    old = _records(FRESH)
    if {r["id"] for r in records} & {q["id"] for q in old}:
        sys.exit(f"{path.stem}'s ids are already in {FRESH}")
    seen = [q["question"].lower() for q in old]
    kept = []
    for record in records:
        if not _repeats(text := record["question"].lower(), seen):
            kept.append(record)
            seen.append(text)
    with FRESH.open("a", encoding="utf-8") as out:
        out.writelines(_lines(kept))
    unanswerable = sum(r["type"] == "unanswerable" for r in kept)
    print(f"{path.stem}: {len(kept)} of {len(records)} kept ({unanswerable} unanswerable) as {split}")


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _lines(records: list[dict]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) + "\n" for r in records]


def _repeats(text: str, seen: list[str]) -> bool:
    matcher = difflib.SequenceMatcher(None, "", text)  # the second sequence is the one difflib indexes once
    for other in seen:
        matcher.set_seq1(other)
        if all(ratio() >= NEAR_REPEAT for ratio in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio)):
            return True
    return False


def draw(seed: int, writers: list[str], holdout: int = 2) -> None:
    _refuse_taken(writers)
    print(" ".join(sorted(random.Random(seed).sample(writers, holdout))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("setup").add_argument("folder", type=Path)
    p = commands.add_parser("prompt")
    p.add_argument("folder", type=Path)
    p.add_argument("writer")
    p.add_argument("persona")
    commands.add_parser("check").add_argument("file", type=Path)
    p = commands.add_parser("merge")
    p.add_argument("file", type=Path)
    p.add_argument("--split", choices=("tune", "holdout"), required=True)
    p.add_argument("--dry-run", action="store_true", help="write W.x.jsonl beside the file instead of merging")
    p = commands.add_parser("draw")
    p.add_argument("seed", type=int)
    p.add_argument("writers", nargs="+")
    args = parser.parse_args()
    if args.command == "setup":
        setup(args.folder)
    elif args.command == "prompt":
        prompt(args.folder, args.writer, args.persona)
    elif args.command == "check":
        sys.exit(check(args.file))
    elif args.command == "merge":
        merge(args.file, args.split, args.dry_run)
    else:
        draw(args.seed, args.writers)


if __name__ == "__main__":
    main()
