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
    "thanks|thank you|thanks a lot|thank you very much|many thanks|thx|ok thanks|great thanks|cheers"
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

# A greeting or an apology before a question, and thanks after it ("Hello, may I ask who chaired …? Many thanks",
# "Sorry to trouble you, what is …", "…講咗幾耐㗎?唔該"): courtesy, not words to look for in the documents.
_OPENING = re.compile(
    r"^(?:\s*(?:(?:hello|hi|hey|hiya)(?:\s+there)?|good\s+(?:morning|afternoon|evening|day)|greetings"
    r"|excuse\s+me|pardon\s+me|sorry\s+to\s+(?:trouble|bother|disturb)\s+you|sorry\s+for\s+(?:the\s+trouble|bothering\s+you)"
    r"|你好|您好|嗨|哈喽|大家好|打扰(?:一下|了)|不好意思|劳驾|麻烦(?:你|您)?(?:一下)?)"
    r"(?:\s*[,，.。!！~～:：;；]\s*|\s+(?=[A-Za-z])))+",
    re.I,
)
_CLOSING = re.compile(
    r"(?:(?<=[\s,，.。!！?？~～:：;；])|(?<=[\u3400-\u9fff]))\s*"
    r"(?:(?:many\s+)?thanks(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance))?|thank\s+you(?:\s+(?:very\s+much|so\s+much|in\s+advance))?"
    r"|thx|much\s+appreciated|appreciate\s+it|please|pls|plz"
    r"|谢谢(?:你|您)?|多谢|感谢|唔该(?:晒)?|麻烦(?:你|您|晒)?了?)"
    r"[\s,，.。!！~～]*$",
    re.I,
)


def without_courtesy(question: str) -> str:
    """The question without a greeting or apology before it and thanks after it; as it was when nothing else is
    left ("hello" is small talk, replied to by small_talk_reply)."""
    asked = _CLOSING.sub("", _OPENING.sub("", question)).strip()
    return asked if _PUNCTUATION.sub("", asked) else question


def small_talk_reply(message: str, lang: str) -> str | None:
    """The reply to a message that is only a greeting or thanks, in `lang` ("en" or "zh"); None otherwise."""
    said = _PUNCTUATION.sub(" ", message).strip().lower()
    if said in _GREETINGS:
        return REPLIES["greeting"][lang]
    if said in _THANKS:
        return REPLIES["thanks"][lang]
    return None
