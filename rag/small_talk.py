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


def small_talk_reply(message: str, lang: str) -> str | None:
    """The reply to a message that is only a greeting or thanks, in `lang` ("en" or "zh"); None otherwise."""
    said = _PUNCTUATION.sub(" ", message).strip().lower()
    if said in _GREETINGS:
        return REPLIES["greeting"][lang]
    if said in _THANKS:
        return REPLIES["thanks"][lang]
    return None
