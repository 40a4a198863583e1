"""The default generator: answer with one to three cited sentences of the retrieved passages.

A sentence is chosen for the question's specific terms it contains (weighted
by how rare they are in the corpus), for its closeness in meaning to the
question (the sentence vectors stored at ingest), for holding the kind of fact
the question asks for (a number, a date, a name), and for coming from a highly
ranked passage. A long sentence is narrowed to the clauses that hold the fact. When
the best sentence covers too little of the question, the generator abstains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from rag.answer_types import (
    CHECK_ONLY,
    asks_about_last_year,
    asks_offer_name,
    counted_things,
    counts_asked_noun,
    counts_asked_phrase,
    counts_vaguely,
    counts_without_naming,
    gives_an_option,
    gives_asked_title,
    holds_asked_role,
    holds_type,
    implied_places,
    named_counts,
    names_another_ordinal,
    plain_question,
    question_type,
    zh_titled_people,
)
from rag.clean import detect_lang
from rag.sentences import clause_spans, sentence_spans
from rag.terms import aside_terms, is_cjk_term, personal_terms, question_terms, term_set, term_weights, text_terms
from rag.traditional import to_simplified
from rag.types import Answer, Citation, Hit

ABSTAIN_MESSAGE = {
    "en": "The documents don't say. The closest passages are listed below.",
    "zh": "文档中没有找到这个问题的答案。下面列出了最接近的段落。",
}
NO_TERMS_MESSAGE = {
    "en": "The question has no words to search for. Please ask about something in the documents.",
    "zh": "问题中没有可以检索的词语，请换一种问法。",
}


_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.I)
# "According to both the Yangpu report and the safety article": a question that spans documents.
_ACROSS_DOCUMENTS = re.compile(r"\bboth\b|两篇|两份", re.I)
_DISTINCTIVE = frozenset({"title", "percent", "money", "length", "person"})  # kinds a bare number does not satisfy


@dataclass(frozen=True)
class _Span:
    hit_rank: int  # 0-based rank of the passage
    start: int  # absolute offsets in the document
    end: int
    text: str
    score: float
    coverage: float
    covered: frozenset[str]
    passage_coverage: float = 0.0
    meaning: float = 0.0  # semantic_weight × the question's cosine with the sentence, already in score
    implied: frozenset[str] | None = None  # places its document's news leaves implied (answer_types.implied_places)


# Words the documents use for one another: a meeting 召开 (convened) is the one 举行 (held); a population is
# counted in residents (stems: "the common wish of 200,000 residents" for "what is Yinhang's population").
_SAME_MEANING = [("召开", "举行", "举办"), ("报告", "讲课", "上课", "授课", "讲座"), ("会议", "开会"), ("popul", "resid", "inhabit")]


@dataclass(frozen=True)
class _Weights:
    """A question's terms with their IDF weights, and how much of them a piece of text covers.

    A question that mixes the two scripts ("薛侃说干部要争当什么 animal?", "Who chaired the Yangpu 区委区政府
    meeting?") is covered as well as its own language's terms are (numbers count in both): the documents are
    written in one script, so the other script's words are a gloss that no sentence holds."""

    weights: dict[str, float]
    total: float
    own: dict[str, float] | None = None  # the question language's terms, for a question in both scripts
    own_total: float = 0.0

    @classmethod
    def of(
        cls, terms: Sequence[str], idf: Callable[[str], float], lang: str, asides: frozenset[str] = frozenset(), aside_weight: float = 1.0
    ) -> _Weights:
        weights = {t: w * (aside_weight if t in asides else 1.0) for t, w in term_weights(list(terms), idf).items()}
        own = {t: w for t, w in weights.items() if t[0].isdigit() or is_cjk_term(t) == (lang == "zh")}
        mixed = 0 < len([t for t in own if not t[0].isdigit()]) and len(own) < len(weights)
        return cls(weights, sum(weights.values()), own if mixed else None, sum(own.values()) if mixed else 0.0)

    def coverage(self, found: frozenset[str]) -> tuple[float, frozenset[str]]:
        """(the share of the question's term weight in `found`, the terms found); a word of `_SAME_MEANING` found
        covers the others of its group the question uses, and their characters ("学习会是哪天召开的?": "学习会举行");
        not a character of one it does not use (讲座's 座 is not the 座 of "哪座城市")."""
        for group in _SAME_MEANING:
            if any(word in found for word in group):
                found = found | {t for word in group if word in self.weights for t in term_set(word)}
        covered = frozenset(t for t in self.weights if t in found)
        share = self.share(covered)
        if self.own is not None:
            share = max(share, sum(self.own[t] for t in covered if t in self.own) / self.own_total)
        return share, covered

    def share(self, terms: frozenset[str]) -> float:
        return sum(self.weights[t] for t in terms) / self.total


# The verb a Chinese question asks the object of: 争当 in "争当什么样的角色" and "争当一种什么样的形象".
_ZH_FOCUS = re.compile(r"([\u4e00-\u9fff]{2})了?(?:一[种个类名位])?(?:什么|啥)")


def _adjacent(spans: Sequence[_Span], span: _Span, after: bool) -> _Span | None:
    """The sentence right after (or before) `span` in its passage, if it is among `spans`."""
    for other in spans:
        gap = other.start - span.end if after else span.start - other.end
        if other.hit_rank == span.hit_rank and 0 <= gap <= 2:
            return other
    return None


def _read_simplified(hit: Hit) -> Hit:
    """The hit with its passage's traditional characters read as simplified (same offsets), for the fact checks."""
    text = to_simplified(hit.chunk.text)
    return hit if text == hit.chunk.text else replace(hit, chunk=replace(hit.chunk, text=text))


@dataclass
class ExtractiveGenerator:
    """generate(question, hits) -> Answer, with no language model."""

    idf: Callable[[str], float]
    max_sentences: int = 3
    target_chars: int = 250  # a longer sentence is narrowed to its best clauses
    abstain_threshold: float = 0.5
    type_weight: float = 0.3  # a sentence that holds the asked-for kind of fact (number, name, date)
    rank_weight: float = 0.1
    passage_weight: float = 0.2
    passage_trust: float = 0.8  # paraphrased questions match the passage better than the sentence
    close_call_ratio: float = 0.85  # a runner-up scoring this close to the best sentence is shown too
    other_passage_ratio: float = 0.9  # ...and this close when it comes from another document: hedging across
    # documents mostly cites ones that do not hold the answer (SQuAD tune citation precision 0.760 -> 0.800).
    # Another passage of the best one's own document is never shown: it was a distractor 25 times in 30 on the
    # tune sets ("20 major and 59 minor projects" beside "71 major industrial projects"), and the other 5 only
    # made up for a best sentence that the whole-phrase count bonus (`_type_bonus`) now gets right.
    max_answer_chars: int = 450
    type_miss_factor: float = 0.0  # confidence kept when the best sentence lacks the asked-for fact
    semantic_weight: float = 1.5  # × the question's cosine with the sentence (Hit.sentence_scores), when known
    # Cosines of one phrase with others (the embedding model's), to tell whether "four mechanisms" counts the
    # "party members" a question asks about; None skips the check.
    phrase_similarity: Callable[[str, Sequence[str]], Sequence[float]] | None = None
    counted_min_similarity: float = 0.25
    counted_same_similarity: float = 0.45  # ...and above this, the count answers though no word is shared
    counted_by_name_similarity: float = 0.85  # a count sharing words with "how many X" answers when this close to X
    # × Hit.elsewhere, taken off the confidence of an answer from a long document that never writes a name the
    # question gives while another candidate's document does ("how many pocket parks will Yangpu build" is not
    # answered by Minhang's 20; fresh tune: 3 more right abstentions at 3-8, none lost; swept in levers.md)
    elsewhere_weight: float = 3.0
    focus_bonus: float = 0.3  # for a sentence with the verb a Chinese question asks the object of (_ZH_FOCUS)
    aside_weight: float = 0.5  # × the weight of a term found only in a sentence that does not ask (aside_terms)

    def generate(self, question: str, hits: Sequence[Hit]) -> Answer:
        lang = "zh" if detect_lang(question) == "zh" else "en"
        q_terms = question_terms(question)
        if not q_terms:
            return Answer(question, NO_TERMS_MESSAGE[lang], (), tuple(hits), abstained=True)
        weights = _Weights.of(q_terms, self.idf, lang)
        focus = _ZH_FOCUS.search(question) if lang == "zh" else None
        focus = focus.group(1) if focus and focus.group(1) in weights.weights else None
        asked = plain_question(question)  # "what r the numbers", "啥时候" as the fact checks read them
        kind = question_type(asked)
        written = hits  # quoted as the documents write them...
        hits = [_read_simplified(hit) for hit in hits]  # ...and read, like the question, in simplified characters

        candidates: list[_Span] = []
        seen: set[tuple[str, int, int]] = set()
        # "Who is the mayor of Yangpu?": Yangpu's own news names "Zhou Haiying, … District Mayor".
        implied = implied_places(question, [(h.chunk.source, h.chunk.text, not h.elsewhere) for h in hits]) if kind == "person" else {}
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            passage_cover = weights.coverage(term_set(chunk.text))[0]
            meanings = hit.sentence_scores
            for j, (start, end) in enumerate(sentence_spans(chunk.text, offset=chunk.start)):
                key = (chunk.source, start, end)
                if key in seen:  # overlapping chunks repeat sentences
                    continue
                seen.add(key)
                text = chunk.text[start - chunk.start : end - chunk.start]
                span = self._score(text, start, end, rank, passage_cover, weights, kind, asked, hit.elsewhere)
                if focus is not None and focus in term_set(text):
                    span = replace(span, score=span.score + self.focus_bonus)
                if implied:  # person questions only: no copy of every other question's sentences
                    span = replace(span, implied=implied[chunk.source])
                if meanings is not None:  # a paraphrase shares few words with the question but its meaning
                    meaning = self.semantic_weight * meanings[j]
                    span = replace(span, score=span.score + meaning, meaning=meaning)
                candidates.append(span)
        if not candidates:
            return Answer(question, ABSTAIN_MESSAGE[lang], (), tuple(written), abstained=True)

        candidates.sort(key=lambda s: (-s.score, s.hit_rank, s.start))
        best = self._best(candidates, kind, asked)
        # Whether the documents hold the answer is judged on words (calibrated on the tune split); the
        # sentence closest in meaning may share fewer of them, which must not turn an answer into "don't know".
        by_words = self._best(sorted(candidates, key=lambda s: (-(s.score - s.meaning), s.hit_rank, s.start)), kind, asked)
        judged_best, judged_by_words = best, by_words
        asides = aside_terms(question)
        about_text = text_terms(question)
        if asides or about_text:
            # Whether the documents hold the answer is judged with a chatty preface's or afterthought's words
            # counting less ("I taught physics for thirty years …"); which sentence answers is chosen on all the
            # words, as before (weighing them less there too put a headline before the answer of VE-en-01).
            # Words that only tell about the asker ("I am a retired teacher …") or about the documents themselves
            # ("… written in the English text") do not count at all.
            personal = personal_terms(question) | about_text
            judge = _Weights.of([t for t in q_terms if t not in personal], self.idf, lang, asides, self.aside_weight)

            def judged(span: _Span) -> _Span:
                passage = term_set(hits[span.hit_rank].chunk.text)
                return replace(span, coverage=judge.coverage(term_set(span.text))[0], passage_coverage=judge.coverage(passage)[0])

            judged_best, judged_by_words = judged(best), judged(by_words)
        confidence = self._answer_confidence(candidates, judged_best, judged_by_words, hits, kind, asked)
        if confidence < self.abstain_threshold:
            return Answer(question, ABSTAIN_MESSAGE[lang], (), tuple(written), abstained=True, confidence=confidence)

        chosen = [self._narrow(best, hits, weights, kind, asked)]
        asks_offer = kind == "name" and asks_offer_name(asked)  # "which city action …"
        covered = set(best.covered)
        for span in candidates:
            if span is best:
                continue
            if len(chosen) >= self.max_sentences:
                break
            gain = weights.share(span.covered - covered)
            # A sentence that adds question terms, or one nearly as good as the best (a close call),
            # goes in too, narrowed to the room left; the answer stays short (`max_answer_chars`).
            same_passage = span.hit_rank == best.hit_rank
            if not same_passage and hits[span.hit_rank].chunk.source == hits[best.hit_rank].chunk.source:
                continue
            close_call = span.score >= (self.close_call_ratio if same_passage else self.other_passage_ratio) * best.score
            if close_call and not same_passage and kind == "person" and not holds_asked_role(span.text, asked, span.implied):
                continue  # "the party secretary of Yangpu": not Shanghai's secretary, nor "it selects party secretaries"
            if close_call and not same_passage and asks_offer and not self._holds(span, kind, asked):
                continue  # "which city action": not a sentence of another passage that names no action
            if not same_passage and hits[span.hit_rank].unnamed > hits[best.hit_rank].unnamed:
                continue  # "which city action does Yangpu follow": not a close call from an article that never names Yangpu
            # A sentence of another passage joins only as a close call: adding question terms from elsewhere
            # cites passages that rarely hold the answer (SQuAD tune citation precision 0.746 -> 0.772).
            adds_terms = gain >= 0.2 and span.score >= 0.6 * best.score and same_passage
            if adds_terms or close_call:
                room = self.max_answer_chars - sum(len(c.text) for c in chosen)
                narrowed = self._narrow(span, hits, weights, kind, asked, min(self.target_chars, room))
                if len(narrowed.text) > room:
                    continue
                chosen.append(narrowed)
                covered |= span.covered
        # Read in document order within a passage; the best sentence's passage first, then the others in rank order
        # (a close call from a higher-ranked passage does not come before the answer).
        chosen.sort(key=lambda s: (s.hit_rank != best.hit_rank, s.hit_rank, s.start))
        citations = []
        parts = []
        for marker, span in enumerate(chosen, start=1):
            chunk = written[span.hit_rank].chunk
            quote = chunk.text[span.start - chunk.start : span.end - chunk.start]
            citations.append(Citation(marker, chunk.source, chunk.chunk_id, span.start, span.end, quote))
            parts.append(f"{quote} [{marker}]" if lang == "en" else f"{quote}[{marker}]")
        text = (" " if lang == "en" else "").join(parts)
        return Answer(question, text, tuple(citations), tuple(written), confidence=confidence)

    def _best(self, ranked: list[_Span], kind: str | None, question: str) -> _Span:
        if not gives_an_option(ranked[0].text, question):
            # "Was the test a failure or a success?": a nearly as good sentence that says which comes first, or the
            # one right after ("… the others (mostly in the South) have not. It is still used to a (declining) degree").
            following = _adjacent(ranked, ranked[0], after=True)
            giving = [
                c
                for c in ranked[:10]
                if (c.coverage >= 0.5 * ranked[0].coverage or c is following) and gives_an_option(c.text, question)
            ]
            ranked = giving + [c for c in ranked if c not in giving]
        best = ranked[0]
        if kind is not None and not self._holds(best, kind, question):
            # The best match lacks the asked-for fact: take a nearly as good sentence that holds one.
            typed = [
                c
                for c in ranked[:10]
                if (c.coverage >= 0.5 * best.coverage or self._counts_the_asked(c.text, question) or self._counts_by_name(c.text, question))
                and self._holds(c, kind, question)
            ]
            # ...or the sentence right after it, which often states what the matching one introduces ("… gave a
            # special report. The report was titled “China's Economy and Urban Development” …"), if it holds a
            # distinctive fact: any number would do for a count or a date, and an unanswerable question would
            # be answered (seeds tune abstention recall 0.909 -> 0.818).
            if typed:
                return typed[0]
            if kind in _DISTINCTIVE:
                # A headline is followed by the lead that restates it, and only then by the fact: the next
                # sentence that matches about as well is read past.
                following = _adjacent(ranked, best, after=True)
                if following is not None and not self._holds(following, kind, question) and following.coverage >= 0.8 * best.coverage:
                    following = _adjacent(ranked, following, after=True)
                if following is not None and self._holds(following, kind, question):
                    return following
            # "On the night of December 31, he went to …": who "he" is, the sentence before says.
            if kind == "person" and _PRONOUN.search(best.text):
                before = _adjacent(ranked, best, after=False)
                if before is not None and self._holds(before, kind, question):
                    return before
        return best

    def _answer_confidence(
        self,
        candidates: Sequence[_Span],
        best: _Span,
        by_words: _Span,
        hits: Sequence[Hit],
        kind: str | None,
        question: str,
    ) -> float:
        """The better confidence of the answer's sentence and the best one by words.

        One from a long document that never writes a name the question gives (Hit.elsewhere) loses
        `elsewhere_weight` × that, when another candidate's document writes them all (or is too short for its
        silence to count); the best sentence of those documents then counts too ("according to both the Yangpu
        report and the safety article": either may answer). When no candidate's document writes every name, the
        question spans documents and nothing is taken off."""
        if kind is not None and by_words.coverage == 0 and not self._holds(best, kind, question):
            # The answer lacks the asked-for fact, and the sentence that has one shares no word with the question:
            # "What is the population of Minhang?" is not vouched for by any number in a passage about Minhang.
            return 0.0
        if kind == "list":  # "which three social units …": the answer's document counts them, never names them
            source = hits[best.hit_rank].chunk.source
            said = {counts_without_naming(s.text, question) for s in candidates if hits[s.hit_rank].chunk.source == source}
            if True in said and False not in said:
                return 0.0
        if hits[best.hit_rank].other_period and hits[by_words.hit_rank].other_period:
            return 0.0  # "… in 2023?" of an article that never writes 2023
        if hits[best.hit_rank].other_place and hits[by_words.hit_rank].other_place:
            return 0.0  # "虹口区的区委书记是谁?" of an article that never writes 虹口
        # "区委副书记周嵘在会上传达了什么": not answered by an article that never names 周嵘. A name's first two
        # characters are enough: the pattern cannot tell where a name ends ("除副区长王浩外" reads "王浩外").
        people = [person[:2] for person in zh_titled_people(question)]
        if people:
            source = hits[best.hit_rank].chunk.source
            passages = [h.chunk.text for h in hits if h.chunk.source == source]
            if any(not any(person in text for text in passages) for person in people):
                return 0.0
        pairs = [(best, hits[best.hit_rank].elsewhere), (by_words, hits[by_words.hit_rank].elsewhere)]
        named = any(hits[span.hit_rank].elsewhere == 0 for span in candidates)
        if not named or _ACROSS_DOCUMENTS.search(question):
            return max(self._confidence(span, kind, question) for span, _ in pairs)
        # Never below 0, which `rag ask --json` reports as no confidence at all.
        return max(0.0, *(self._confidence(span, kind, question) - self.elsewhere_weight * penalty for span, penalty in pairs))

    def _confidence(self, span: _Span, kind: str | None, question: str) -> float:
        confidence = max(span.coverage, self.passage_trust * span.passage_coverage)
        if kind == "count" and self._counts_by_name(span.text, question):
            confidence = max(confidence, self.abstain_threshold)
        # "陆铭那场讲座题目叫什么": "报告以“中国经济和城市发展”为题" shares few words with it but gives the title as one.
        if kind == "title" and gives_asked_title(span.text, question):
            confidence = max(confidence, self.abstain_threshold)
        if kind is not None and not self._holds(span, kind, question):
            confidence *= self.type_miss_factor
        if not gives_an_option(span.text, question):  # "in the morning or the afternoon": neither is said
            return 0.0
        if names_another_ordinal(span.text, question):  # the 18th meeting does not answer for the 17th
            return 0.0
        if asks_about_last_year(span.text, question):  # this year's plan does not answer for last year
            return 0.0
        return confidence

    def _holds(self, span: _Span, kind: str | None, question: str) -> bool:
        """holds_type, and for "how many X" a number that may count X: not when every number counts something
        else by its meaning ("four mechanisms" for "how many party members", "117 small gardens" for buildings)."""
        text = span.text
        if not holds_type(text, kind, question, span.implied):
            return False
        if kind != "count" or self.phrase_similarity is None:
            return True
        asked, things = counted_things(text, question)
        if not things:
            return True
        # Every count here counts something else; if the sentence counts the asked thing only vaguely, none answers.
        return not counts_vaguely(text, asked) and max(self.phrase_similarity(asked, things)) >= self.counted_min_similarity

    def _counts_the_asked(self, text: str, question: str) -> bool:
        """Whether a count in `text` counts what "how many X" asks for by meaning ("200,000 residents" for "how
        many people live"), though the sentence shares no word with the question."""
        if self.phrase_similarity is None:
            return False
        asked, things = counted_things(text, question)
        if not asked or not things:
            return False
        # Nouns first: "people live" / "residents come true" are compared as "people" / "residents" too.
        things = things + [t.split()[0] for t in things]
        best = max(max(self.phrase_similarity(a, things)) for a in {asked, asked.split()[0]})
        return best >= self.counted_same_similarity

    def _counts_by_name(self, text: str, question: str) -> bool:
        """Whether a count in `text` counts what "how many X" asks for in nearly its words: "71 major industrial
        projects" for "how many big industrial projects" (cosine 0.92); not "20 pocket parks" for "parks" (0.78)."""
        asked, named = named_counts(text, question)
        if not named or self.phrase_similarity is None:
            return False
        # "200,000 residents come true" counts "residents": its first word is compared too.
        return max(self.phrase_similarity(asked, named + [n.split()[0] for n in named])) >= self.counted_by_name_similarity

    def _score(
        self,
        text: str,
        start: int,
        end: int,
        rank: int,
        passage_cover: float,
        weights: _Weights,
        kind: str | None,
        question: str,
        elsewhere: float = 0.0,
    ) -> _Span:
        coverage, covered = weights.coverage(term_set(text))
        score = (
            coverage
            + self.passage_weight * passage_cover
            + self.rank_weight / (1 + rank)
            + self._type_bonus(text, kind, question)
            - elsewhere
        )
        return _Span(rank, start, end, text, score, coverage, covered, passage_cover)

    def _type_bonus(self, text: str, kind: str | None, question: str) -> float:
        """For holding the asked-for kind of fact; "how many parks": more for a number right before "parks", and
        most for one right before the whole phrase asked about ("71 major industrial projects")."""
        if kind is None or kind in CHECK_ONLY or not holds_type(text, kind, question):
            return 0.0
        if kind != "count":
            return self.type_weight
        if counts_asked_phrase(text, question):  # "71 major industrial projects" for "how many major industrial projects"
            return self.type_weight * 2.5
        return self.type_weight * (1.5 if counts_asked_noun(text, question) else 1.0)

    def _narrow(
        self,
        span: _Span,
        hits: Sequence[Hit],
        weights: _Weights,
        kind: str | None,
        question: str,
        target: int | None = None,
    ) -> _Span:
        """The best run of clauses within `target` characters that keeps the sentence's coverage and answer type."""
        target = self.target_chars if target is None else target
        if len(span.text) <= target:
            return span
        chunk = hits[span.hit_rank].chunk
        base = chunk.start
        clauses = clause_spans(chunk.text, span.start - base, span.end - base)
        best: tuple[float, int, int, int] | None = None  # (-score, length, i, j)
        for i in range(len(clauses)):
            for j in range(i, len(clauses)):
                length = clauses[j][1] - clauses[i][0]
                if length > target and j > i:
                    break
                text = chunk.text[clauses[i][0] : clauses[j][1]]
                coverage, _ = weights.coverage(term_set(text))
                score = coverage + self._type_bonus(text, kind, question)
                # Among equally good windows keep the longest (within the limit): more context, less risk of
                # cutting off the fact, which often sits in the clause after the one that matches the question.
                key = (-round(score, 6), -length, i, j)
                if best is None or key < best:
                    best = key
        if best is None:
            return span
        _, _, i, j = best
        start, end = clauses[i][0] + base, clauses[j][1] + base
        text = chunk.text[start - base : end - base]
        coverage, covered = weights.coverage(term_set(text))
        if coverage + 1e-9 < span.coverage * 0.8 or (
            self._type_bonus(text, kind, question) < self._type_bonus(span.text, kind, question)
        ):  # narrowing lost too much of the match, or the fact itself (the number of the asked-for things)
            return span
        return replace(span, start=start, end=end, text=text, coverage=coverage, covered=covered)
