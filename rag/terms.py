"""Terms for lexical matching, shared by BM25 and answer selection.

English words are lower-cased, stop words dropped and stemmed (Snowball), and
chat shorthand for a content word ("grads", "e-bikes") spelt out;
numbers are kept whole; Chinese runs, traditional characters read as simplified,
become character unigrams and bigrams, which need no dictionary and match how
people shorten Chinese names and terms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from rag.clean import CJK
from rag.traditional import to_simplified

STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    also shall may might must let us within upon among via per whose whats many much""".split()
)

# Chat-box shorthand for a content word, read as the words it stands for: "jobs for new grads", "e-bikes". Not
# "yr", "mtg" or "govt": "year", "meeting" and "government" are in nearly every sentence here, and reading them
# matched "this yr" to "This year, we will …" (a fresh tune leak) and headlines to "who chaired the mtg".
_SHORTHAND = {
    "grad": "graduate", "grads": "graduates", "dept": "department", "depts": "departments",
    "bike": "bicycle", "bikes": "bicycles", "e-bike": "electric bicycle", "e-bikes": "electric bicycles", "ebike": "electric bicycle", "ebikes": "electric bicycles",
}

_TOKEN = re.compile(f"[{CJK}]+|[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\\d+(?:[.,]\\d+)*%?")


@lru_cache(maxsize=1)
def _stemmer():  # -> Stemmer.Stemmer
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


def _cjk_terms(run: str) -> list[str]:
    if len(run) == 1:
        return [run]
    return list(run) + [run[i : i + 2] for i in range(len(run) - 1)]


def terms(text: str, keep_stop_words: bool = False) -> list[str]:
    """Index terms of `text`, in order (with repeats, as BM25 wants them).

    >>> terms("How many hectares of green space? 区长周海鹰")
    ['hectar', 'green', 'space', '区', '长', '周', '海', '鹰', '区长', '长周', '周海', '海鹰']
    """
    out: list[str] = []
    for token in _TOKEN.findall(text):
        first = token[0]
        if first.isdigit():
            out.append(token.replace(",", "").rstrip("%"))
        elif first.isascii():
            word = token.lower().replace("’", "'")
            if word.endswith("'s"):
                word = word[:-2]
            if word in _SHORTHAND:
                out.extend(_stem(w) for w in _SHORTHAND[word].split())
                continue
            if not keep_stop_words and word in STOP_WORDS:
                continue
            out.append(_stem(word))
        else:
            out.extend(_cjk_terms(to_simplified(token)))
    return out


@lru_cache(maxsize=50_000)
def term_set(text: str) -> frozenset[str]:
    """The distinct terms of `text`, cached: the same passages and sentences are scored question after question."""
    return frozenset(terms(text))


def term_weights(question_terms: list[str], idf: Callable[[str], float]) -> dict[str, float]:
    """IDF weights of a question's terms; a single Chinese character says little alone (its bigrams carry
    the meaning), so it counts for about a third."""
    return {t: (0.35 if is_cjk_term(t) and len(t) == 1 else 1.0) * idf(t) for t in question_terms}


def is_cjk_term(term: str) -> bool:
    return bool(re.match(f"[{CJK}]", term))


# A request put as an instruction ("Name the …", "Give me the date of …", "Can you tell me who …"): its verb
# is not something to look for in the documents. The verb must lead into what is asked ("the", "how", …), so a
# keyword query that starts with a word like "State Council" or "name of the market" keeps it.
REQUEST = re.compile(
    r"^\s*(?:(?:please|pls|kindly)\s+){0,2}(?:(?:can|could|would|will)\s+you\s+(?:(?:please|kindly)\s+)?)?"
    r"(?:(?P<verb>(?:tell|give|show|find|get)\s+me|name|list|give|state|identify|provide|specify|find|confirm|tell|"
    r"describe|explain|mention|show|(?:advise|inform)(?:\s+me)?)\s*[,:]?\s+"
    r"(?=(?:the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|all|some|any|each|every|its|his|her|"
    r"their|who|whom|whose|what|which|when|where|how|why|whether|if|(?<=name )(?:that|this|these|those))\b)"
    # "Please teach me total investment amount", a car's voice assistant's "tell me budget yangpu set for …",
    # "read me where …": asked of "me", with no article.
    r"|(?:teach|tell|give|show|find|get|read)\s+me\s*[,:]?\s+(?!about\b))",
    re.I,
)

# A question put inside another's asking ("Grandma wants to know when …", "May I ask how large …", "I'd like to
# know who …"): who asks is not something to look for in the documents, nor is the asking. Only a speaker named by a
# pronoun or a kinship word, so "Minhang residents want to know …" keeps its place name.
ASKED_FOR = re.compile(
    r"(?:^|(?<=[.?!])\s+)\s*"
    r"(?:(?:(?:may|might|can|could)\s+I|I|we|he|she|they|(?:my|our|his|her|their)\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+"
    r"|grandma|grandpa|granny|grandmother|grandfather|mum|mom|dad)"
    r"(?:\s+|(?=['’]))"
    r"(?:(?:wants?|wanted|would\s+like|['’]d\s+like|needs?|needed)\s+to\s+know(?:\s+say)?|ask(?:s|ed)?|wonder(?:s|ed)?"
    r"|(?:am|is|was|are|keeps?)\s+(?:asking|wondering))"
    # A polite "may I know when …" (Singapore, Malaysia, India), "do you know who …".
    r"|(?:may|might|can|could)\s+I\s+know|(?:do|does|would)\s+(?:you|anyone|anybody)\s+(?:happen\s+to\s+)?know)"
    r"(?:\s+(?:me|you|us))?\s*[:,]?\s+"
    r"(?=(?:(?:in|at|on|from|for|by|to|with)\s+(?:which|what|whom|whose)|the|a|an|who|whom|whose|what|which|when|where|how"
    r"|whether|if)\b)",
    re.I,
)

# A chat box's short forms, as the documents spell them: "how many ppl live in yinhang", "who is the party sec".
_CHAT_SPELLINGS = [
    (re.compile(r"\bppl\b", re.I), "people"),
    (re.compile(r"\byr(s?)\b", re.I), r"year\1"),
    (re.compile(r"\bmtg(s?)\b", re.I), r"meeting\1"),
    (re.compile(r"\bgov(?:t|['’]t)\b", re.I), "government"),
    (re.compile(r"\bdept(s?)\b", re.I), r"department\1"),
    (re.compile(r"\b(party|district|general) sec\b", re.I), r"\1 secretary"),
    (re.compile(r"\bparty (?:chief|boss)\b", re.I), "party secretary"),  # a newspaper's "party chief"
    (re.compile(r"\bparty (?:chiefs|bosses)\b", re.I), "party secretaries"),
    (re.compile(r"\bthe boss of\b", re.I), "the head of"),  # "the name of the boss of yinhang sub-district"
    # A phone's text-speak: "wen does the tunnel open", "hw many new grads", "wat exact date", "is it b4 june".
    # "wen" in lower case only: "Wen" is also a name. ("u" and "r" are read in answer_types' _COLLOQUIAL.)
    (re.compile(r"(?-i:\bwen\b)(?=\s+(?:does|did|do|is|was|will|are|r|can|could|would|should)\b)", re.I), "when"),
    (re.compile(r"\b(?:wat|wut|wht|whit)\b", re.I), "what"),
    (re.compile(r"\bwich\b", re.I), "which"),
    (re.compile(r"\bhw\b(?=\s+(?:many|much|long|far|big|old|large|is|was|did|does|do|are|will)\b)", re.I), "how"),
    # A learner's question word from Spanish or French: "qué year did he become …", "cuántos parks", "quand".
    (re.compile(r"(?<!\w)qu[ée](?!\w)(?=\s+[a-z])", re.I), "what"),
    (re.compile(r"(?<!\w)(?:cu[áa]ndo|quand)(?!\w)", re.I), "when"),
    (re.compile(r"(?<!\w)(?:d[óo]nde|où)(?!\w)", re.I), "where"),
    (re.compile(r"(?<!\w)(?:cu[áa]nt[oa]s|combien(?: de)?)(?!\w)", re.I), "how many"),
    (re.compile(r"(?<!\w)qui[ée]n(?!\w)", re.I), "who"),
    (re.compile(r"\bb4\b", re.I), "before"),
    (re.compile(r"(?<![\w/])w/(?=\s)", re.I), "with"),  # "the meeting w/ the e-bike safety stuff"
    (re.compile(r"\btryna\b", re.I), "trying to"),
    (re.compile(r"\brd(s?)\b", re.I), r"road\1"),  # "yindu rd"
    (re.compile(r"\bsq\.? ?(?:m|mtrs?|meters?|metres?)\b|\bsqm\b", re.I), "square meters"),
    (re.compile(r"\bsq\.? ?(?:km|kilometers?|kilometres?)\b", re.I), "square kilometers"),
    (re.compile(r"\bhow much is the number of\b", re.I), "what is the number of"),  # Korean English
    (re.compile(r"\bhrs\b", re.I), "hours"),  # "opening hrs of the health center"
    # A hurried typist's short forms: "building materials mkt", "major industrial projs", "city lvl core biz centers".
    (re.compile(r"\bmkt(s?)\b", re.I), r"market\1"),
    (re.compile(r"\bproj(s?)\b", re.I), r"project\1"),
    (re.compile(r"\blvl\b", re.I), "level"),
    (re.compile(r"\bbiz\b", re.I), "business"),
    (re.compile(r"\b(phone|telephone|contact) no\b\.?", re.I), r"\1 number"),
    # "which leading shipping cos are …": companies, when a "which" asks for them ("cos" is also "because").
    (re.compile(r"\b((?:which|what) (?:[\w-]+ ){0,3}?)cos\b(?!-)", re.I), r"\1companies"),
    (re.compile(r"\b((?:which|what) (?:[\w-]+ ){0,3}?)co\b(?![-.']|\s+(?:and|&)\b)", re.I), r"\1company"),
]


def spelled_out(question: str) -> str:
    """The question with a chat box's short forms written out."""
    for short, full in _CHAT_SPELLINGS:
        question = short.sub(full, question)
    return question


# Chinese question words and particles carry no content to match against the documents.
ZH_QUESTION_WORDS = re.compile(
    "请告诉我|告诉我|啥时候|[啥几]辰光|几钿|请列出|列出|请说出|说出|请给出|给出|请问|叫什么名字|叫什么名|叫啥名字|叫啥名|什么名字|名字|是谁|谁是|谁|什么时候|什么样的?|什么|哪些|哪个|哪一位|哪位|哪一|哪里|哪儿|哪|多少|几个|几|怎么样|怎样|怎么|如何|为什么|吗|呢|是否|有没有"
    # ...nor do a spoken question's fillers and pointing words: "杨浦那个学习会是哪天开的啊?", nor "now".
    "|那个|这个|那位|这位|啊|呀|吧|嘛|哦|呗|啦|现在|目前|啥"
    # ...nor a formal question's 何 ("召开的是何种会议", "何项学习教育"), nor a chat's laughter.
    "|何种|何项|何类|何处|何地|何人|何时|为何|哈哈+|呵呵+|嘿嘿+"
    # ...nor a plural's 们 ("干部们争当什么样的角色"): the documents write 干部.
    "|(?<=[部志员家生众工民])们"
)


def question_terms(question: str) -> list[str]:
    """Distinct content terms of a question, in order: its stop words and question words removed."""
    seen: dict[str, None] = {}
    for term in terms(ZH_QUESTION_WORDS.sub(" ", REQUEST.sub("", ASKED_FOR.sub(" ", question)))):
        seen.setdefault(term, None)
    return list(seen)


# A capitalised word inside a sentence (not "I"), or a number: a name or a figure.
_NAMED_IN_ASIDE = re.compile(r"(?<=[\w,;:’'\"] )(?!I\b)[A-Z][\w’'-]*|\d[\d,.]*")
# A sentence that asks: a question mark, a question or request word first, or Chinese 请问 / 吗 / 呢.
_ASKS = re.compile(
    r"[?？]|请问|[吗呢]\s*$|^\W*(?:who|whom|whose|what|when|where|which|how|why|is|are|was|were|do|does|did|can|could|"
    r"would|will|may|please|kindly|name|list|tell|give|i'?d like to know|i wonder)\b",
    re.I,
)


@lru_cache(maxsize=4096)  # read once per candidate sentence by the role check (holds_asked_role)
def asking_part(question: str) -> str | None:
    """The sentences of a question that ask, when others do not ("I taught physics for thirty years, so I am curious.
    In the April meeting, what was …?"): a chatty preface or afterthought the documents need not hold. None when the
    question is one sentence, when no sentence or every sentence asks, or when the asking sentences say next to
    nothing themselves ("… a building materials market without warning anyone. Who was it?": the preface asks)."""
    asking, others = _asking_and_not(question)
    if not asking or not others or len(question_terms(" ".join(asking))) < 2:
        return None
    return " ".join(asking)


def aside_terms(question: str) -> frozenset[str]:
    """Terms found only in the sentences of a question that do not ask (see asking_part); a name or a number keeps
    its weight wherever it is said ("I have lived in Yangpu all my life"): it is what the question is about."""
    asking = asking_part(question)
    if asking is None:
        return frozenset()
    named = set(terms(" ".join(_NAMED_IN_ASIDE.findall(" ".join(_asking_and_not(question)[1])))))
    asked = set(question_terms(asking))
    return frozenset(t for t in question_terms(question) if t not in asked and t not in named)


# A sentence about the asker, not the documents: "I am a retired teacher and my granddaughter studies economics".
# Not one that reports what the asker heard or read ("I read that Minhang …", "I think it was in April"). English
# only: a Chinese preface's place names ("我外孙在杨浦上班") have no capital letter to keep them by.
_ABOUT_THE_ASKER = re.compile(
    r"^\W*(?:(?:hello|hi|hey|dear|well|so|also|and|but|oh|ok(?:ay)?)\W+)*(?:i|i['’](?:m|ve|d|ll)|my|me|we|we['’](?:re|ve)|our)\b",
    re.I,
)
_REPORTS = re.compile(
    r"\b(?:heard|hear|noticed|told|came across|found out|think|thought|believe|guess|recall|remember)\b"
    r"|\b(?:read|saw|seen|see|learn(?:ed|t)|know|knew|understand)\s+(?:that|about|somewhere|online|in (?:the|a|an)|on (?:the|a|an))\b",
    re.I,
)


def personal_terms(question: str) -> frozenset[str]:
    """Terms found only in sentences of a question that tell about the asker ("My grandson finishes university next
    summer and I worry …"): the documents never hold them. A name or a number keeps its weight (see aside_terms)."""
    if asking_part(question) is None:
        return frozenset()
    asking, others = _asking_and_not(question)
    personal = [s for s in others if _ABOUT_THE_ASKER.search(s) and not _REPORTS.search(s)]
    if not personal:
        return frozenset()
    kept = set(question_terms(" ".join(asking + [s for s in others if s not in personal])))
    kept |= set(terms(" ".join(_NAMED_IN_ASIDE.findall(" ".join(personal)))))
    return frozenset(t for t in question_terms(" ".join(personal)) if t not in kept)


# Words about the documents, not about what they say: "according to the article body", "per the 2023 piece", "how
# exactly is it written in the English text", "the exact wording for the minutes". No sentence holds them.
_ABOUT_THE_TEXT = re.compile(
    r"\b(?:articles?(?!\s+\d)|pieces?|passages?|texts?|write-?ups?|wording|written|version)\b"
    r"|(?<=\barticle )body\b|\b(?:English|Chinese)(?=\s+(?:text|version|wording|original|article|piece|passage|translation)\b)"
    r"|(?<=\bin )English\b"
    # Chinese: "文中的职务写的是什么", "原话里那个比喻", "引号里的字", "英文稿里被译成了什么".
    "|文中|原文|原话|文章|稿子|引号里?的?字?|写的是|怎么写的?|写法|比喻|说法|提法|英文稿|中文稿|译成",
    re.I,
)


def text_terms(question: str) -> frozenset[str]:
    """Terms of a question's words about the documents themselves (_ABOUT_THE_TEXT), unless the rest of the question
    uses them too ("原话里那个比喻是什么,话里有话吗" keeps 里 and 话)."""
    said = [m.group() for m in _ABOUT_THE_TEXT.finditer(question)]
    if not said:
        return frozenset()
    rest = set(question_terms(_ABOUT_THE_TEXT.sub(" ", question)))
    return frozenset(set(question_terms(" ".join(said))) - rest)


def asking_sentences(question: str) -> str:
    """The sentences of a question that ask, however little they say ("… moved on to Beijing long ago. Who was
    it?" -> "Who was it?"); the whole question when none does."""
    asking = _asking_and_not(question)[0]
    return " ".join(asking) if asking else question


# A long run-up that leads into the question in the same sentence: "I already noted the greenways …, but being
# an old engineer I like to have all the quantities on one sheet, so how much new forest area …?"
_SO_ASKS = re.compile(
    r",\s+(?:and\s+)?so\s+(?=(?:according to [^,?]{1,60}?(?:,\s*|\s+(?=(?:on|in|at|by|for)\s+(?:what|which)\b)))?"
    r"(?:(?:on|in|at|by|for)\s+(?=what|which))?(?:who|whom|whose|what|when|where|which|how|why|is|are|was|were|do|does|did|can|could)\b)",
    re.I,
)


def _asking_and_not(question: str) -> tuple[list[str], list[str]]:
    from rag.sentences import sentence_spans

    sentences = []
    for start, end in sentence_spans(question):
        sentence = question[start:end]
        run_up = _SO_ASKS.search(sentence)
        if run_up and len(sentence[: run_up.start()].split()) >= 15:
            sentences += [sentence[: run_up.start()], sentence[run_up.end() :]]
        else:
            sentences.append(sentence)
    return [s for s in sentences if _ASKS.search(s)], [s for s in sentences if not _ASKS.search(s)]
