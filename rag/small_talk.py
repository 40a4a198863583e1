"""Greetings and thanks, which are not questions: a reply that says what the chatbot does, not a search.

Without this, "hello" is searched like a question and answered with a sentence that happens to contain the
word ("…without saying hello to inspect…"). Only a whole message of greeting or thanks counts, so no real
question is ever caught.
"""

from __future__ import annotations

import re

_GREETINGS = frozenset(
    "hi|hello|hey|hi there|hello there|hey there|good morning|good afternoon|good evening|greetings"
    "|你好|您好|嗨|哈喽|早上好|下午好|晚上好|大家好".split("|")
)
_THANKS = frozenset(
    "thanks|thank you|thanks a lot|thank you very much|thank you so much|many thanks|thx|ok thanks|okay thanks|ok thank you|okay thank you|great thanks|cheers"
    "|谢谢|谢谢你|谢谢您|多谢|感谢|非常感谢|好的谢谢".split("|")
)
REPLIES = {
    "greeting": {
        "en": "Hello! Ask me a question about the documents, and I will answer from them with citations.",
        "zh": "你好！请就文档的内容提问，我会根据文档回答并注明出处。",
    },
    "thanks": {
        "en": "You're welcome. Ask another question any time.",
        "zh": "不客气，有问题随时问。",
    },
}
_PUNCTUATION = re.compile(r"[\s,，.。!！?？~～:：;；]+")
# Words a chat message opens with that say nothing ("ok who chaired …", "um, when …"); answer_types' _FILLER adds
# the ones that may tell a follow-up ("so", "and"), which the search keeps.
CHAT_OPENERS = r"ok(?:ay)?|um+|uh+|hm+|alright|anyway|btw"

# A greeting or an apology before a question, and thanks after it ("Hello, may I ask who chaired …? Many thanks",
# "Sorry to trouble you, what is …", "…講咗幾耐㗎?唔該"): courtesy, not words to look for in the documents.
_OPENING = re.compile(
    rf"^(?:\s*(?:(?:hello|hi|hey|hiya|eh)(?:\s+there)?|{CHAT_OPENERS}|abeg|how\s+far(?=\s*,|\s*[\u4e00-\u9fff])|good\s+(?:morning|afternoon|evening|day)|greetings"
    r"|excuse\s+me|pardon\s+me|sorry\s+to\s+(?:trouble|bother|disturb)\s+you|sorry\s+for\s+(?:the\s+trouble|bothering\s+you)"
    r"|你好|您好|嗨|哈喽|大家好|打扰(?:一下|了)|不好意思|劳驾|麻烦(?:你|您)?(?:一下)?)"
    r"(?:\s*[,，.。!！~～:：;；]\s*|\s+(?=[A-Za-z\u4e00-\u9fff])))+",
    re.I,
)
_CLOSING = re.compile(
    r"(?:(?<=[\s,，.。!！?？~～:：;；])|(?<=[\u3400-\u9fff]))\s*"
    r"(?:(?:many\s+)?thanks(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance))?|thank\s+you(?:\s+(?:very\s+much|so\s+much|in\s+advance))?"
    r"|thx|much\s+appreciated|appreciate\s+it|(?:please\s+)?(?:tell\s+me|let\s+me\s+know)(?:\s+please)?|please|pls|plz|ah|lah|leh|lor|meh|hor|har"
    r"|谢谢(?:你|您)?|多谢|感谢|唔该(?:晒)?|麻烦(?:你|您|晒)?了?)"
    r"[\s,，.。!！~～]*$",
    re.I,
)


# A question relayed from someone else, as a radio host or a grandchild reads it out: "Mr Sun from Jing'an asks,
# who …", "Here's one from Auntie Fang in Changbai, she asks, …", "五角场的李阿姨发来的，她问：…", "延吉的孙大叔来信问，…".
# Who asks, and where they live, is not what they ask about. Only a speaker with a title or a kinship word, so
# "Minhang residents want to know …" keeps its place.
_RELAYED = re.compile(
    r"^\s*(?:(?:now|and|so|okay|ok|next|right)\b[,\s]*)*"
    r"(?:(?:here(?:['’]s| is) (?:one|a question|another one)|next (?:up )?(?:is )?(?:one )?)\s+from\s+)?"
    r"(?:(?:old|little|young)\s+)?(?:mr|mrs|ms|miss|dr|auntie|aunt|uncle|granny|grandma|grandpa|grandad|xiao|lao)\.?\s+"
    r"[A-Z][\w'’-]*(?:\s+(?:from|in|of|over in|down in|up in|near)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?"
    r"\s*(?:,[^,?]{0,40},)?\s*,?\s*(?:(?:she|he|they)\s+)?"
    r"(?:asks|wants to know|would like to know|wonders|writes in|writes|says)\s*[,:.…]*\s*"
    "|^.{0,30}?(?:阿姨|师傅|老伯|阿婆|大叔|大爷|大妈|大伯|伯伯|奶奶|爷爷|阿公|先生|女士|小姐|同学|老师|小[\u4e00-\u9fff])"
    "(?:发来的)?[，,]?(?:她|他)?(?:来信|留言)?(?:想)?问(?:一下|道)?(?:哦|呀|啊|呢)?[：:，,]\\s*",
    re.I,
)


# An exam's options after the question ("… how many? A.16 B.20 C.59 D.71", "in which park? A. Gongqing Forest
# Park B. Century Park …") and its instruction ("… ____ promotion conference. fill in blank"): the question is what
# is asked; every option is in it, so its words and figures would seem to be stated, not asked.
_OPTIONS = re.compile(
    r"(?<=[\s?？:：])\s*[(（]?A\s*[.)）:：、]\s*\S.*?\s[(（]?B\s*[.)）:：、]\s*\S.*$"
    r"|(?<=[\s.?？。])\s*[(（]?(?:fill in (?:the )?blanks?|填空)[)）]?\s*[.!。]?\s*$",
    re.I | re.S,
)


# Where the asker read it ("According to the article, …", "根据文章,", "原文里的比喻词是哪个"): every answer is from the
# documents, so these words are nothing to look for in them. "Which article says …" keeps its question.
_SOURCE_REFERENCE = re.compile(
    r"\b(?:according to|in|as per|based on) (?:the|this|that|these) (?:articles?|texts?|documents?|reports?|news(?: pieces?)?)"
    r"\s*,\s*"
    r"|\b(?:the|this) (?:article|text|document|report) (?:says|said|states|stated|mentions|mentioned)(?: that)?\s+"
    # Chinese: at the start or after a stop, not inside a word ("中文中的" is no 文中的).
    r"|(?:^|(?<=[\s,，。?？!！:：]))(?:(?:根据|按照|依据|据)(?:文章|原文|文中|报道)(?:的说法|所说|中|里)?[，,]?"
    r"|(?:原文|文章)(?:里|中)?(?:说|提到|写道?)的?|(?:原文|文章)(?:里|中)的?|文中的?)",
    re.I,
)


def _kept(asked: str, question: str) -> str:
    """`asked`, what is left of `question` once words that do not ask are taken out; `question` as it was when
    nothing but punctuation is left ("hello", "According to the article,")."""
    return asked if _PUNCTUATION.sub("", asked) else question


# A question put as whether the documents say something ("Is it stated who presided …?", "Does the Minhang article
# give the total investment for …?", "Was a completion date given for the tunnel?"): what it asks is the thing,
# not the saying, which no document writes.
_SAYS = r"(?:state|say|mention|specify|give|provide|report|indicate|list|name|disclose|tell\s+us)"
_SAID = r"(?:stated|said|mentioned|specified|given|provided|reported|indicated|listed|disclosed)"
_DOCUMENT = r"(?:articles?|texts?|documents?|reports?|news|pieces?|stor(?:y|ies))"
_DOES_IT_SAY = (
    rf"^\s*(?:(?:is|was)\s+it\s+{_SAID}(?:\s+(?:in|by)\s+(?:the|this|that|any)\s+(?P<in>[\w'’-]+\s+)?{_DOCUMENT})?"
    rf"|(?:does|did|do)\s+(?:the|this|that|any|either)\s+(?P<of>[\w'’-]+\s+)?{_DOCUMENT}\s+{_SAYS})\s*[,:]?\s+"
)
_CHECKED_CLAUSE = re.compile(_DOES_IT_SAY + r"(?P<asked>(?:who|whom|whose|what|which|when|where|how|whether|if)\b.*)", re.I | re.S)
_CHECKED_THING = re.compile(_DOES_IT_SAY + r"(?:the|a|an|any)\s+(?P<asked>.+)", re.I | re.S)
_THING_GIVEN = re.compile(
    rf"^\s*(?:is|was|are|were)\s+(?:there\s+)?(?:the|a|an|any)\s+(?P<thing>[^?]{{1,60}}?)\s+{_SAID}"
    r"(?P<rest>\s+(?:for|of|on|in|about|regarding)\b.*|\s*\??\s*$)",
    re.I | re.S,
)


# ...or whether someone named said it ("Did Chen Huawen say when the tunnel will open?", "Did Minhang give a total
# investment figure for the 71 projects?"): not "Did Xue Kan say the meeting was important?", a yes/no question.
_NAMED = r"(?P<who>(?:[A-Z][\w'’-]*\s+){1,3}?)"
_SPEAKER_SAYS = re.compile(
    rf"^\s*(?i:does|did|do)\s+{_NAMED}(?:say|state|mention|specify|disclose)\s+(?P<asked>(?:who|whom|whose|what|which|when|where|how)\b.*)",
    re.S,
)
_SPEAKER_GIVES = re.compile(
    rf"^\s*(?i:does|did|do)\s+{_NAMED}(?:give|provide|disclose|specify|mention|state)\s+(?:a|an|any)\s+(?P<thing>[^?]{{1,60}}?)"
    r"(?P<rest>\s+(?:for|of|on)\b.*|\s*\??\s*$)",
    re.S,
)


# 文中有没有提到 / 是否提及: whether it is said, in Chinese; what follows or came before is the question.
_ZH_CHECKING = re.compile(r"(?:文中|文章|原文|报道)?(?:有没有|是否有?|有无)(?:提到|提及|说明|写明|说到|讲到|交代)[过了]?[?？,，]?")


def _of(asked: str, whose: str | None) -> str:
    """What is asked, with whose saying it was asked about kept in brackets: "when the tunnel will open? (Chen Huawen)"."""
    whose = (whose or "").strip()
    return f"{asked} ({whose})" if whose else asked


def without_checking(question: str) -> str:
    """"Is it stated who presided over X?" as "who presided over X?", "Does the Minhang article give the total
    investment for X?" as "what is the total investment for X? (Minhang)", "Was a completion date given for X?"
    as "what is the completion date for X?", "…职务,文中有没有提到?具体是什么职务?" as "…职务,具体是什么职务?"; any other
    question as it is."""
    clause = _CHECKED_CLAUSE.match(question)
    thing = clause or _CHECKED_THING.match(question)
    if thing:
        asked = thing.group("asked") if clause else f"what is the {thing.group('asked')}"
        return _of(asked, thing.group("in") or thing.group("of"))
    given = _THING_GIVEN.match(question)
    if given:
        return f"what is the {given.group('thing')}{given.group('rest')}"
    said = _SPEAKER_SAYS.match(question)
    if said:
        return _of(said.group("asked"), said.group("who"))
    gives = _SPEAKER_GIVES.match(question)
    if gives:
        return _of(f"what is the {gives.group('thing')}{gives.group('rest')}", gives.group("who"))
    asked = _ZH_CHECKING.sub("", question).strip()
    return _kept(asked, question)


def without_source_reference(question: str) -> str:
    """The question without where the asker read it; as it was when nothing else is left."""
    asked = _SOURCE_REFERENCE.sub("", question).strip()
    return _kept(asked, question)


def without_options(question: str) -> str:
    """The question without an exam's options or instruction after it; as it was when nothing else is left."""
    asked = _OPTIONS.sub("", question).strip()
    return asked or question


# Chinese words that ask: a remark or a guess holding one asks again, and is kept.
_ZH_ASKING = "什么|哪|谁|几|多少|吗|啥|咋|怎么"


# A remark about the asker after the question ("… for who is that base? i am curious because my friend want to
# start business", "…争当什么样的动物？我觉得这个说法很有意思。"): why they ask, not what. Not a remark that says
# what is meant ("… ? I mean the one in Yangpu", "我问的是杨浦的"), nor one that asks again.
_REMARK = re.compile(
    r"(?<=[?？])\s*(?!i\s+(?:mean|meant)\b|i['’]?m\s+(?:asking|talking)\b|i\s+am\s+(?:asking|talking)\b|我(?:问|说|指)的是)"
    r"(?:i|i['’]m|my|because|cause|coz|just|我|因为|感觉|觉得)(?![a-z])"
    rf"(?![^?？]*(?:\b(?:who|whom|what|when|where|which|how|whether)\b|{_ZH_ASKING}|(\w)[不没]\1))[^?？]*$",
    re.I,
)


# The asker's guess after a Chinese question ("薛书记讲干部要争当啥 好像是个动物", "…争当啥来着?好像是个小动物的说法"):
# a hint in words the documents need not use, not what is asked.
_ZH_GUESS = re.compile(
    "(?:[,，\\s]+|(?<=[?？啥么呢呀吗嘢]))(?:好像|好似|似乎|听说|听讲|印象中|我记得|大概是)"
    f"(?![^?？]*(?:{_ZH_ASKING}|咩))[^?？]*[?？]?$"
)


def without_courtesy(question: str) -> str:
    """The question without a greeting or apology before it, who relays it, and thanks, a remark about the asker or
    a guess after it; as it was when nothing else is left ("hello" is small talk, replied to by small_talk_reply)."""
    asked = _CLOSING.sub("", _REMARK.sub("", _RELAYED.sub("", _OPENING.sub("", question), count=1))).strip()
    asked = _ZH_GUESS.sub("", asked).strip()
    return _kept(asked, question)


def small_talk_reply(message: str, lang: str) -> str | None:
    """The reply to a message that is only a greeting or thanks, in `lang` ("en" or "zh"); None otherwise."""
    said = _PUNCTUATION.sub(" ", message).strip().lower()
    if said in _GREETINGS:
        return REPLIES["greeting"][lang]
    if said in _THANKS:
        return REPLIES["thanks"][lang]
    return None
