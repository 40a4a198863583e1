"""The lexical side of retrieval: a BM25 index (bm25s) over the same chunks as Chroma.

It is built from Chroma's contents, saved beside the index with the Chroma
generation it reflects, and rebuilt only when that generation moves. Saving
goes to a temporary folder that is renamed into place, so a crash leaves
either the old index or the new one, never half of each.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.clean import CJK
from rag.gloss import english_reading
from rag.pinyin import character_pairs, places
from rag.terms import STOP_WORDS, terms
from rag.types import Chunk

LEXICAL_FORMAT = 4  # 3: traditional Chinese characters indexed as simplified; 4: chat shorthand ("grads", "e-bikes") expanded
BM25_K1 = 1.2
BM25_B = 0.75
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"(?<![\w-])[A-Za-z]{4,}(?![\w-])")
_BOUND_PREFIXES = frozenset({"sub", "mid", "non", "self", "co", "pre", "multi", "anti", "inter", "semi", "cross", "ex"})
_WORD_PAIR = re.compile(r"(?<![\w-])([A-Za-z]+) (?=([A-Za-z]+)(?![\w-]))")
_CJK_CHAR = re.compile(f"[{CJK}]")
_APOSTROPHE_WORD = re.compile(r"[^\W\d_]+['’][^\W\d_]+")
_ASCII_NAME = re.compile(r"[A-Za-z]{4,}")  # a two-syllable name in pinyin has four letters or more
_LETTER_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?![\w'’-])")  # not "couldn" of "couldn't"
# Pinyin syllables written apart: one has at most six letters ("zhuang"), and a name two or three of them.
_MAX_SYLLABLE = 6
_MIN_MISSPELT = 6  # shorter words are one letter away from too many others to guess which was meant


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The whole English words of the bundled model's vocabulary (30,522 word pieces); empty without it."""
    from rag.embedder import EmbedderError, bundled_model_path

    try:
        pieces = (bundled_model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (EmbedderError, OSError):
        return frozenset()
    return frozenset(p for p in pieces if p.isalpha() and p.islower())


def _unwritten(word: str, vocabulary: dict[str, int]) -> bool:
    """Whether no document writes `word`, a word that is not a stop word ("During" is one)."""
    found = terms(word)
    return bool(found) and not any(t in vocabulary for t in found)


def _one_edit(word: str, name: str) -> bool:
    """Whether `word` becomes `name` by one letter changed, added or left out ("minghang" -> "minhang")."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    if len(word) == len(name):
        return sum(a != b for a, b in zip(word, name, strict=True)) == 1
    shorter, longer = sorted((word, name), key=len)
    i = next((k for k, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return shorter[i:] == longer[i + 1 :]


@dataclass(frozen=True)
class DocumentWords:
    """What a whole document writes, to tell whether it names what a question names."""

    words: frozenset[str]  # lower-case words; a run of Chinese characters counts as one
    proper: frozenset[str]  # the words it only ever writes capitalised, lower-case: names ("minhang", not "name")
    pairs: frozenset[str]  # its pairs of adjacent Chinese characters ("杨浦")
    chinese_size: int  # distinct words in letters plus distinct Chinese characters: its length, read by a Chinese reader


def _proper(written: Sequence[str]) -> frozenset[str]:
    """Words written capitalised and never in lower case, lower-cased: names."""
    lower = {w for w in written if w.islower()}
    return frozenset(w.lower() for w in written if w[0].isupper()) - lower


class LexicalIndex:
    """BM25 over chunks, with the chunks themselves kept for fast lookups."""

    def __init__(
        self, chunks: Sequence[Chunk], bm25, generation: int, doc_freq: dict[str, int]
    ) -> None:  # bm25: bm25s.BM25 | None
        self.chunks = list(chunks)
        self.generation = generation
        self.doc_freq = doc_freq
        self._bm25 = bm25
        self._by_id = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._sources = np.array([c.source for c in self.chunks], dtype=object)
        self._by_source: dict[str, list[int]] | None = None  # chunk positions by document, built on first use
        self._document_words: dict[str, DocumentWords] = {}
        self._proper_names: frozenset[str] | None = None  # every document's names, built on first use
        self._dropped: dict[str, set[str]] | None = None  # a long word with one letter left out -> the words
        self._hyphenated: dict[str, str] | None = None  # run-together term -> the documents' hyphenated one
        self._spaced: frozenset[tuple[str, str]] = frozenset()  # a bound prefix and its word the documents hyphenate

    @classmethod
    def build(cls, chunks: Sequence[Chunk], generation: int) -> LexicalIndex:
        import bm25s

        chunks = sorted(chunks, key=lambda c: (c.source, c.position, c.chunk_id))
        bm25 = None
        doc_freq: Counter[str] = Counter()
        if chunks:
            corpus = [terms(c.title + "\n" + c.text) for c in chunks]
            for chunk_terms in corpus:
                doc_freq.update(set(chunk_terms))
            bm25 = bm25s.BM25(k1=BM25_K1, b=BM25_B)
            # An empty term list would break the vocabulary; "" stands for "no terms".
            bm25.index([t or [""] for t in corpus], show_progress=False)
        return cls(chunks, bm25, generation, dict(doc_freq))

    def idf(self, term: str) -> float:
        """Inverse document frequency over chunks (BM25's smoothed form, always positive)."""
        n = len(self.chunks)
        df = self.doc_freq.get(term, 0)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def __len__(self) -> int:
        return len(self.chunks)

    def get(self, chunk_id: str) -> Chunk | None:
        index = self._by_id.get(chunk_id)
        return None if index is None else self.chunks[index]

    def neighbours(self, chunk: Chunk) -> tuple[Chunk | None, Chunk | None]:
        """The chunks before and after `chunk` in its document, when indexed."""
        index = self._by_id.get(chunk.chunk_id)
        if index is None:
            return None, None
        before = self.chunks[index - 1] if index > 0 else None
        after = self.chunks[index + 1] if index + 1 < len(self.chunks) else None
        same = lambda other: other if other is not None and other.doc_id == chunk.doc_id else None  # noqa: E731
        return same(before), same(after)

    def document_words(self, source: str) -> DocumentWords:
        """The words of a whole document (its title and every chunk), gathered when first asked for."""
        found = self._document_words.get(source)
        if found is None:
            if self._by_source is None:  # not at load: a one-question `rag ask` on a large index need not pay for it
                by_source: dict[str, list[int]] = defaultdict(list)
                for i, chunk in enumerate(self.chunks):
                    by_source[chunk.source].append(i)
                self._by_source = by_source
            text = "\n".join(f"{c.title}\n{c.text}" for c in (self.chunks[i] for i in self._by_source.get(source, ())))
            written = _WORD.findall(text)
            # "Jing'an" is read as "jing" and "an", and kept whole too ("jingan"): a question may write either.
            joined = [w.lower().replace("'", "").replace("’", "") for w in _APOSTROPHE_WORD.findall(text)]
            words = frozenset([w.lower() for w in written] + joined)
            latin = sum(1 for w in words if not _CJK_CHAR.search(w))
            chinese = set(_CJK_CHAR.findall(text))
            found = DocumentWords(words, _proper(written), frozenset(character_pairs(text)), latin + len(chinese))
            self._document_words[source] = found
        return found

    def spelled_names(self, text: str) -> list[str]:
        """The places a Chinese text names in characters that the documents write in letters: "闵行区" -> ["minhang"]."""
        named = places(text) if _CJK_CHAR.search(text) else []
        if not named:
            return []
        return sorted({name for _, spelled in named for name in spelled & self._names()})

    def respell(self, text: str) -> str:
        """`text` as the documents would write it: names spelled as the documents spell them, and each word the
        documents never write run together ("midyear", "citywide") hyphenated as they write it ("mid-year",
        "city-wide"); other words are left as they are."""
        if self._hyphenated is None:  # built on first use, from the vocabulary
            self._hyphenated = {
                joined: term for term in self.doc_freq if "-" in term and (joined := term.replace("-", "")) not in self.doc_freq
            }
            self._spaced = frozenset(
                (prefix, rest)
                for term in self.doc_freq
                for prefix, _, rest in [term.partition("-")]
                if prefix in _BOUND_PREFIXES and rest and "-" not in rest
            )
        text = self._respell_spaced(self._respell_dropped(self._respell_names(text)))
        if not self._hyphenated:
            return text

        def hyphenate(match: re.Match[str]) -> str:
            word = match.group()
            found = terms(word)
            term = self._hyphenated.get(found[0]) if len(found) == 1 else None
            if term is None:
                return word
            for i, char in enumerate(term):  # a stem differs from its word only at the end
                if char == "-":
                    word = word[:i] + "-" + word[i:]
            return word

        return _ASCII_WORD.sub(hyphenate, text)

    def _respell_dropped(self, text: str) -> str:
        """`text` with a lower-case word no document writes, and that is one of their long words with a letter left
        out, written as they write it ("investmnt" -> "investment", "quartely" -> "quarterly"). Only a letter left
        out, the slip of a hurried typist: a letter changed more often makes another real word ("cooling" is not
        "cooking"). Never an English word either ("actors" is not "factors", nor "stated" "started"): the bundled
        model's word list tells, and without it nothing is respelled."""

        def restored(match: re.Match[str]) -> str:
            word = match.group()
            if len(word) < _MIN_MISSPELT or not word.islower() or not _unwritten(word, self.doc_freq):
                return word
            english = _english_words()
            if not english or word in english:
                return word
            if self._dropped is None:  # built on first use: most questions have no such word
                self._dropped = {}
                for written in {w.lower() for c in self.chunks for w in _LETTER_WORD.findall(c.text) if len(w) > _MIN_MISSPELT}:
                    for i in range(len(written)):
                        self._dropped.setdefault(written[:i] + written[i + 1 :], set()).add(written)
            found = self._dropped.get(word, set())
            return next(iter(found)) if len(found) == 1 else word

        return _LETTER_WORD.sub(restored, text)

    def _respell_spaced(self, text: str) -> str:
        """`text` with a prefix written apart joined to its word as the documents write it ("sub districts" ->
        "sub-districts", "mid year", "non party"): apart, neither matches the documents' one term. Only a prefix
        that is no word of its own: "public key" is two words that the documents also write as "public-key"."""

        def join(match: re.Match[str]) -> str:
            first, second = terms(match.group(1)), terms(match.group(2))
            if len(first) == 1 and len(second) == 1 and (first[0], second[0]) in self._spaced:
                return f"{match.group(1)}-"
            return match.group()

        return _WORD_PAIR.sub(join, text) if self._spaced else text

    def english_reading(self, text: str) -> str:
        """An English question with the Chinese words in it read in English (rag/gloss.py); any other as it is."""
        if not _CJK_CHAR.search(text):
            return text
        return english_reading(text, self._names(), lambda term: self.doc_freq.get(term, 0))

    def _names(self) -> frozenset[str]:
        """Every document's names in letters, lower-case ("minhang"), gathered on first use."""
        if self._proper_names is None:
            self._proper_names = _proper([w for c in self.chunks for w in _ASCII_NAME.findall(c.text)])
        return self._proper_names

    def _respell_names(self, text: str) -> str:
        """`text` with a name the documents write in letters spelled as they write it: pinyin syllables written
        apart run together ("Min Hang" -> "Minhang", "Zhou Hai Ying" -> "Zhou Haiying"), and a capitalised word no
        document writes, one letter away from exactly one of their names, taken for it ("Minghang" -> "Minhang",
        "Shirly" -> "Shirley"). A word in lower case is left alone: "norther" is a slip for "northern", not the
        name "Noether"."""
        # The documents' names are gathered (once per index) only when a word could be one: most questions have none.
        def misspelt(match: re.Match[str]) -> str:
            word = match.group()
            if len(word) < _MIN_MISSPELT or not word[0].isupper() or not _unwritten(word, self.doc_freq):
                return word
            near = [name for name in self._names() if _one_edit(word.lower(), name)]
            return near[0].capitalize() if len(near) == 1 else word

        text = _LETTER_WORD.sub(misspelt, text)
        # Syllables written apart, three before two: "Zhou Hai Ying" is tried as "zhouhaiying", then "zhouhai",
        # then "haiying".
        out, at = [], 0
        spans = [m.span() for m in _LETTER_WORD.finditer(text)]
        i = 0
        while i < len(spans):
            for n in (3, 2):
                run = spans[i : i + n]
                parts = [text[start:end] for start, end in run]
                if len(run) == n and all(len(part) <= _MAX_SYLLABLE for part in parts) and all(
                    text[left[1] : right[0]] == " " for left, right in zip(run, run[1:], strict=False)
                ) and self._syllables(parts):
                    joined = text[run[0][0] : run[-1][1]].replace(" ", "").lower()
                    if joined in self._names():
                        out += [text[at : run[0][0]], joined.capitalize()]
                        at = run[-1][1]
                        i += n
                        break
            else:
                i += 1
        return "".join(out) + text[at:]

    def _syllables(self, parts: Sequence[str]) -> bool:
        """Whether words may be syllables of one name written apart: each capitalised ("Min Hang"), or none a word
        the documents write ("yang pu"); never a stop word ("has a")."""
        if any(part.lower() in STOP_WORDS for part in parts):
            return False
        return all(part[0].isupper() for part in parts) or not any(t in self.doc_freq for part in parts for t in terms(part))

    def search(self, query: str, n: int, sources: Sequence[str] | None = None) -> list[tuple[Chunk, float]]:
        """The n best chunks by BM25 with their scores, best first; chunks scoring 0 are left out."""
        if self._bm25 is None:
            return []
        # A Chinese question's names, spelled as the English documents write them, find those documents too.
        query_terms = terms(query) + terms(" ".join(self.spelled_names(query)))
        if not query_terms:
            return []
        scores = self._bm25.get_scores(query_terms)
        if sources:
            scores = np.where(np.isin(self._sources, list(sources)), scores, 0.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.chunks[i], float(scores[i])) for i in top if scores[i] > 0]

    # -- persistence ---------------------------------------------------------------

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".lexical-", dir=folder.parent))
        try:
            if self._bm25 is not None:
                self._bm25.save(str(staging / "bm25"))
            records = [[c.text, c.metadata()] for c in self.chunks]
            with (staging / "chunks.json").open("w", encoding="utf-8") as handle:
                json.dump(records, handle, ensure_ascii=False, separators=(",", ":"))
            with (staging / "doc_freq.json").open("w", encoding="utf-8") as handle:
                json.dump(self.doc_freq, handle, ensure_ascii=False, separators=(",", ":"))
            manifest = {"format": LEXICAL_FORMAT, "generation": self.generation, "chunks": len(self.chunks)}
            (staging / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            old = folder.with_name(folder.name + ".old")
            if folder.exists():
                shutil.rmtree(old, ignore_errors=True)
                os.replace(folder, old)
            os.replace(staging, folder)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> LexicalIndex | None:
        """The saved index, or None when it is missing, unreadable or of another format."""
        folder = Path(folder)
        if not folder.exists():
            old = folder.with_name(folder.name + ".old")  # a crash between the two renames in save()
            if not old.exists():
                return None
            folder = old
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("format") != LEXICAL_FORMAT:
                return None
            with (folder / "chunks.json").open(encoding="utf-8") as handle:
                records = json.load(handle)
            chunks = [Chunk.from_metadata(text, meta) for text, meta in records]
            with (folder / "doc_freq.json").open(encoding="utf-8") as handle:
                doc_freq = json.load(handle)
            bm25 = None
            if chunks:
                import bm25s

                bm25 = bm25s.BM25.load(str(folder / "bm25"))
            # Another process may have renamed a newer index into place while these files were read:
            # then the parts come from two saves (seen as BM25 scores for more chunks than were loaded).
            settled = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError):
            return None
        if len(chunks) != manifest.get("chunks") or settled != manifest:
            return None
        if bm25 is not None and bm25.scores.get("num_docs") != len(chunks):
            return None
        return cls(chunks, bm25, int(manifest["generation"]), doc_freq)
