"""What kind of fact a question asks for, and whether a piece of text holds one.

"How long is the tunnel?" wants a length; a passage that names the tunnel but
gives no length does not answer it. This check is what lets the extractive
generator abstain on questions that are close to the documents' topics.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence, Set
from functools import lru_cache

from rag.clean import CJK, detect_lang
from rag.pinyin import spells_a_chinese_name
from rag.sentences import sentence_spans
from rag.small_talk import CHAT_OPENERS
from rag.terms import ASKED_FOR, REQUEST, asking_part, spelled_out, terms

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_CARDINAL_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|billion|half|dozen|dozens|hundreds|thousands|millions)"
)
_NUMBER_WORDS = rf"(?:{_CARDINAL_WORDS}|first|second|third|fourth|fifth)"
_ZH_NUMERAL = "一二三四五六七八九十百千万亿两半"

_CURRENCIES = r"(?:yuan|rmb|dollars|euros|pounds)"
_MONEY_NOUNS = (
    r"(?:cost|costs|price|prices|tickets?|(?:entrance|admission) fees?|budget|investment|investments|funding|spending|subsid(?:y|ies)|"
    r"fines?|compensation|capex|(?:capital )?expenditures?|amount of (?:money|funding|investment))"
)
_MONEY_VERBS = rf"(?:{_MONEY_NOUNS}|cost|costing|spend|spent|invest|invested|raise|raised|pay|paid|worth|fund|funded|budgeted|earn|earned)"
_WH = r"(?:what|which|who|whom|whose|when|where|why|how)"
# "what exact date", "on which calendar day": the date or day asked for precisely.
_EXACT = r"((?:exact|calendar|precise|specific|actual) ){0,2}"  # "which exact calendar date"
# A question's opening word when it is worded as one: "what …", "is there …", "tell me …".
_ASKING = (
    rf"(?:{_WH}|is|are|was|were|do|does|did|can|could|will|would|should|has|"
    r"have|had|tell|name|list|give|describe|explain|please)\b"
)
# Typed as keywords: no asking word first and no question word anywhere ("sunshine 330 program budget in yinhang").
_UNASKED = rf"^(?!\s*{_ASKING})(?![^?]*\b{_WH}\b)"
_KEYWORDS = rf"{_UNASKED}[^?]*"
_ROLES = (
    r"(?:secretary|mayor|director|chairman|chairwoman|chairperson|chair|president|governor|minister|commissioner|"
    r"dean|principal|premier|chancellor|ceo|head(?!\s+coach))"
)
# "Which director": a person (not "which road heads west").
_NAMED_ROLES = rf"(?!heads?\b){_ROLES}s?"
# "Which hospital", "what company": things that go by a proper name, so the answer names one.
_NAMED_OFFERS = r"(?:markets?|platforms?|programs?|programmes?|projects?|initiatives?|campaigns?|schemes?|stations?)"
# ...and, asked for as "the name of the …", these too: "the name of the water supply unit".
# "Which supply unit / facility / enterprise" asks for its name by itself.
_NAMED_UNITS = r"(?:units?(?! of\b)|facilit(?:y|ies)|enterprises?)"
_NAMED_BODIES = rf"(?:{_NAMED_UNITS}|bases?|sites?|cent(?:er|re)s?|offices?|venues?)"
_PEOPLE_NOUNS = r"(?:officials?|leaders?|person|experts?|scholars?|mayors?|secretar(?:y|ies)|deputies|deputy|comrades?)"
_NAMED_THINGS = (
    r"(?:(?:hospital|college|school|team|(?:sub-?)?district|province|road|street|park|market(?! (?:share|value|price|cap)\b)|"
    r"museum|bureau|department|newspaper|magazine|river|airport|station|stadium|organi[sz]ation|"
    r"institution|firm|league|award|prize|journal|channel|studio|band|ship|empire|king|emperor|"
    r"battle|war|treaty|court|(?:metro|subway) line|residential (?:compound|area)|estate|neighbou?rhood)s?|churche?s?|(?:compan|universit|cit|countr|count|agenc|dynast)(?:y|ies))"
)
# Where people or things go when moved: "where are the residents being relocated to?", and a sentence that says.
_MOVED = r"(?:relocat|resettl|rehous|mov|transferr?|(?:re)?assign)(?:e|es|ed|ing)?"
_ASKS_DESTINATION = rf"(?<!from )\bwhere\b[^?]*\b{_MOVED}(?:\s+(?:out|away))?\s+to\b"
_GIVES_DESTINATION = re.compile(rf"\b{_MOVED}\s+(?:[\w-]+\s+){{0,3}}?(?:to|into|as)\s+(?!(?:the\s+)?(?:end|beginning|start|middle)\b)")
# "Which companies are these?", "which three districts": things that go by proper names, several of them.
_ASKS_NAMED_LIST = re.compile(
    rf"\b(?:which|what) (?:(?:specific|exact|particular) )?(?:(?:two|three|four|five|six|seven|eight|nine|ten|[2-9]) )?"
    rf"(?:[\w-]+ )?{_NAMED_THINGS}(?![\w-])",
    re.I,
)
# The name of an objective, a target or a strategy, which news puts in quotation marks ("anchor the annual "three fives,
# three sixes" overall objectives"): "what are the annual overall objectives called", "what is the name of this
# objectives", "it call what name?", "what do they call the objectives".
_POLICY_THINGS = r"(?:objectives?|targets?|goals?|strateg(?:y|ies)|slogans?)"
_POLICY_NAME_ASKED = (
    rf"\bwhat (?:is|are|was|were) (?:the |this |these |its |their )?(?:[\w'’-]+ ){{0,4}}?{_POLICY_THINGS}\s+called\b"
    rf"|\bnames? of (?:the |this |these |that |those )(?:[\w'’-]+ ){{0,4}}?{_POLICY_THINGS}\b"
    rf"|\bwhat (?:do|did|does) (?:they|you|we|people) call (?:it|them|(?:the|this|these) (?:[\w'’-]+ ){{0,4}}?{_POLICY_THINGS})\b"
    r"|\b(?:it|they) call(?:ed)? what(?: name)?\b"
    rf"|\bby what name\b[^?]*\b{_POLICY_THINGS}\b"  # "by what name the mayor referred to the annual objectives"
)
# Up to two words between "which" and the thing ("which leading shipping company"), but not a verb or "type of".
_MODIFIERS = r"(?:(?!(?:is|was|are|were|does|did|do|has|have|had|can|will|would|type|types|kind|kinds|sort|the|a|an|of)\b)[\w'-]+ ){0,2}?"
# "Where are Minhang's pocket parks?", "Where was the 1857 riot?": with no other verb, the place of a thing, asked
# first or after a comma ("… surprise check at a building materials market, where was that market").
_WHERE_IS_THING = (
    r"(?:^\s*|,\s*)where (?:is|are|was|were) (?![^?]*\b(?:(?-i:[a-z]\w*(?:ed|ing|ght))|born|held|made|seen|shown|found|kept|led|won|lost|"
    r"most|least|mostly|usually|likely|recently|now|today|then)\b)"
    r"(?:[\w'’.-]+ ){0,5}?(?!(?:from|at|to|in|on|by|for|with|of)\b)[\w'’.-]+\s*\??\s*$"
)
# "Where was the conference held?": the place of an event, which a venue or a place's name answers.
# "Where was it held?", "In which building was it held?"
_WHERE_HELD = r"\b(?:where|(?:in|at) (?:which|what) (?:building|hall|room|hotel|place|city|town|country|stadium|venue|location)(?: or (?:building|hall|room|hotel|place|venue|location))?)"
_WHERE_HELD += r" (?:exactly |precisely )?(?:was|were|is|are|will|did|does|do)\b[^?]*\b(?:hold|holding|held|convened|hosted|staged|take place|took place|taking place)\b"
# "teach me where Yangpu quarterly work meeting was held": asked inside a request, its subject before the verb.
_WHERE_HELD += r"|\bwhere (?:the |this |that )?(?:[\w'’-]+ ){1,5}?(?:was|were|is|are|will be) (?:held|convened|hosted|staged)\b"
# "Where is the meeting place?", "where was the quarterly work meeting": an event's place, as where it was held.
_WHERE_MEETING = (
    r"\bwhere (?:is|was|will be) (?:the |this |that )?(?:[\w-]+ ){0,3}?(?:meeting|conference|seminar|forum|ceremony)"
    r"(?: (?:place|venue|location))?\s*(?:[?.,]|$)"
)
# "陆铭的职务叫什么" is not a person's name; "那位专家叫什么名字" is.
_ZH_PEOPLE_NOUNS = "(?:人|者|一把手|书记|区长|市长|主任|主席|委员|院长|领导|专家|嘉宾|老师|同志|干部|代表|(?:检察|局|部|校|行|董事|会|社|处|科|所|站|馆|州|省|县|镇|村|队|组|厅|署)长|经理|总裁)"
# Measure words that count things: "多少件补助案件", "几个项目" (not 元 or 亿, which measure money).
_ZH_COUNTERS = "[个件座项家所名位条批处栋套辆台次人]"
_ZH_NAMED = "(街道|医院|公司|企业|学校|大学|道路|路|镇|报纸|报社|银行|部门|单位|机构|园区|地铁|轨交|公交)"
# The name of an event, campaign or project ("二次元经济活动具体叫啥名", "这个行动的名称是什么"): news quotes it.
_ZH_EVENT_NAME_ASKED = re.compile("(?:活动|行动|项目|计划|工程|品牌|节|展会?|赛事?)[^,，。?？]{0,6}(?:叫什么|叫啥|的?名称|的?名字)")
# "哪些街道", "街道是哪些", "哪些龙头企业", "龙头企业是哪几间"
_ZH_NAMED_ASKED = (
    f"哪(?:一?[个家所条座]|(?:些|几[个家间所条座]?)[{CJK}]{{0,2}}?)?{_ZH_NAMED}|{_ZH_NAMED}(?:分别)?[是有]哪(?:些|个|几[个家间所条座]?)"
)
# ...and in English, places whose names end in what they are: "Daqiao Sub-district", "Xinzhuang Town", and
# "which district was the market in?" ("Minhang District"; not "which district bureau", a body, nor "what district
# of Warsaw", nor "in what districts are …", asked of several), a metro line or station, and a museum, stadium or
# airport ("which museum": "Yangpu Riverside Museum", not "the Spring Festival Couplets Culture Festival").
_EN_NAMED_ASKED = re.compile(
    rf"(?:which|what)\s+(?:(?!(?:{_NAMED_THINGS}|{_NAMED_OFFERS})\b)[\w'’-]+\s+|(?:metro|subway)\s+(?=lines?\b)){{0,2}}?(sub-?district|town(?:ship)?|village|hospital(?!s? or\b)|museum|stadium|airport|"
    # "Which metro line / station": "Airport Link Line", "Metro Line 18", "Xinzhuang Station".
    r"(?:(?<=metro )|(?<=subway ))(?:line|station)|"
    r"district(?=\s+(?:is|was|did|does|has|had|will|would|can)\b|\s*[?,]|\s*$))s?\b",
    re.I,
)
_OFFERS = r"(?:action(?! plan)|campaign|program(?:me)?|initiative)s?\b"
_OFFER_ASKED = re.compile(rf"\b(?:which|what)\s+(?:[\w'’-]+\s+){{0,3}}?{_OFFERS}", re.I)


def _names_offer(text: str) -> bool:
    """Whether `text` names an action, campaign or programme ("which city action does Yangpu follow"): quoted or
    capitalised before the word (the city's "Happy Employment in Shanghai Plus" action) or quoted after it (the
    special action of … "fire and gas source cleaning"), not any capitalised word elsewhere ("Yangpu District").
    Not a scheme or an action plan, named in plain words ("the forest chief scheme", "the three-year action plan")."""
    if re.search(rf"(?:[\"“‘][^\"”’]{{2,60}}[\"”’]|(?:[A-Z][\w'’-]*\s+)+)\s*(?i:{_OFFERS})", text):
        return True
    return bool(re.search(rf"(?i:{_OFFERS})\s+(?:of|for|on|to)\s+[^.;]{{0,60}}?[\"“]", text))


def asks_offer_name(question: str) -> bool:
    """Whether a question asks which action, campaign or programme ("which city action does Yangpu follow"), whose
    name the documents quote or capitalise (_names_offer)."""
    return bool(_OFFER_ASKED.search(question))


# Kinds that only decide whether to answer, with no bonus when choosing passages and sentences: capitalised
# words are everywhere in news text, and a bonus for them picked a headline-like sentence over
# "Source: Minhang Newspaper" (seeds tune citation precision 0.921 -> 0.909).
CHECK_ONLY = frozenset({"name", "list", "parts", "duty", "hours", "contact", "speech", "colour", "fee", "compare"})
# "What did X say …": X, the one the question asks about.
_WHAT_DID = r"\bwhat (?:exactly |specifically )?(?:did|does|do|will|would|has|have|had) "
# Typed back to front: "market supervision bureau say what at the yangpu meeting".
_X_SAID_WHAT = r"^\s*(?!(?:did|does|do|is|was|were|are|will|can|could|has|have|had)\b)((?:[\w'’.-]+ ){1,5}?)(?:say|said|says|talk about|talked about) what\b"
_WHAT_DID_X = rf"{_WHAT_DID}((?:[\w'’.-]+ ){{1,5}}?(?:[{CJK}]+ )?)(?:(?:actually|exactly|really|specifically) )?"  # "Wang Hao 王浩"
# "What did the District Culture and Tourism Bureau report …": a body's name runs longer than a person's.
_WHAT_DID_BODY = rf"{_WHAT_DID}((?:[\w'’.-]+ ){{1,8}}?)"
_WHAT_X_DID_X = r"(?<!\bin )(?<!\bat )(?<!\bon )(?<!\bby )\bwhat (?:[\w'’-]+ ){0,3}(?:did|does|will|would) ((?:[\w'’.-]+ ){1,6}?)"
_LAID_OUT = r"(?:lay out|set out|outline|deploy|put forward)\b"
_SPOKE_OF = rf"(?:{_LAID_OUT}|talk about\b|speak about\b|speak on\b)"
# Question patterns, most specific first.
_ASKS_WHO_SOMEONE_IS = re.compile(
    r"^\s*(?i:who\s+(?:is|was))\s+(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*\??\s*$"
    # "What is Zhou Haiying's exact title?": the same, asked by the title (not "William Johnson's role in …").
    r"|\b(?i:what)\s+(?i:is|was)\s+(?P<owner>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})['’]s\s+"
    r"(?i:(?:exact|official|full|current|formal|present|job)\s+)?(?i:title|position|post|job)\s*\??\s*$"
)
_IDENTITY_WORDS = rf"(?i:{_ROLES}|deputy|member|chief|leader|official|expert|professor|vice|head)"

_QUESTION_TYPES: list[tuple[str, re.Pattern[str]]] = [
    # "Which has more people, Minhang or Yangpu?", "杨浦和闵行哪个 GDP 更高?": a comparison, stated of both.
    # (Only with the two things compared at its end: see question_type.)
    ("compare", re.compile(
        r"\b(?:which|who)\b[^?]*\b(?:more|fewer|less|higher|lower|larger|bigger|smaller|greater|faster|slower)\b"
        r"|(?:哪个|哪一个|谁)[^?？]*?(?:更|比较)",
        re.I,
    )),
    # An amount of money is asked for by "how much … cost" or "what was the total investment", not by any
    # question that mentions money ("which program achieves much with small investment", "who paid the cost").
    ("money", re.compile(
        rf"\bhow much (money|funding|capital|dough|cash)\b|\bhow many is the (?:money |total )?(?:{_MONEY_NOUNS})\b|\bhow much\b[^?]*\b{_MONEY_VERBS}\b|\bhow many {_CURRENCIES}\b|\bwhat (?:is|are|was|were|do|does|did) [^?]*\b(?:selling|sell|sells|sold|priced|renting|rent|rents|rented|going) for\b"
        rf"|\b(?:{_MONEY_NOUNS}|money|pay|paid|charge|charged)\b[^?]*\bhow much\b"  # typed back to front: "total budget for the projects how much"
        # Asked inside a request: "tell me what the total investment budget is for the 71 projects".
        rf"|\bwhat the (?:[\w-]+ ){{0,2}}?(?:{_MONEY_NOUNS})\s+(?:is|was|are|were|will be)\b"
        rf"|{_KEYWORDS}\b(?:{_MONEY_NOUNS})\s*\??\s*$"  # typed as keywords: "71 projects total investment?"
        rf"|{_KEYWORDS}\b(?:{_MONEY_NOUNS})\b[^?]*\b(?:in |approx\.? |approximately |roughly )?{_CURRENCIES}\s*\??\s*$"  # "…approx in yuan?", "total budget approx RMB?"
        rf"|\b(?:what|which) (is|was|are|were|will be) (?:(?:the|[\w-]+['’]s)\b)?[^?,]{{0,40}}?\b(?:{_MONEY_NOUNS}|revenues?|turnover|profits?)\b"
        rf"|\bwhat (?:total |annual |overall )?(?:{_MONEY_NOUNS})\b(?! (?:\w+ )?(?:plan|policy|policies|strategy|project|projects|program|programme))"
        # Keywords with the amount inside: "sunshine 330 program budget in yinhang", "total investment amount for
        # the 71 projects" (not "investment in Minhang", a topic).
        rf"|{_KEYWORDS}\b(?:budget|cost|costs|price|prices|spending)\s+(?:for|of|in|on)\b"
        rf"|{_KEYWORDS}\b(?:(?:total|overall) (?:investment|funding|spending|capex|expenditure)|(?:investment|funding) amount)\b"
        # 补助 asks for money, but "核定了多少件补助案件" counts the cases: not when 多少/几 counts things.
        rf"|多少钱|^(?![^?？]*(?:多少|几){_ZH_COUNTERS})[^?？]*(?:投资|预算|资金|经费|金额|补贴|补助|罚款)",
        re.I,
    )),
    # "Is the Sunshine 330 programme free for pensioners?", "要收费吗": whether there is a fee, which the text must
    # speak of (not "small investment").
    ("fee", re.compile(
        # A yes/no question: not "where is free oxygen found", "how many times more did they have to pay".
        r"^\s*(?:is|are|was|were|will|would|do|does|did|must|should|can)\b[^?]*"
        r"(?:\bfree\b(?=\s*(?:for\b|to (?:use|join|attend|enter|visit)\b|of charge\b|[?,]|$|or\b))|\b(?:have|need|got) to pay\b)"
        r"|\b(?:is|are) there (?:an? |any )?(?:fees?|charges?)\b|\bany (?:fees?|charges?)\b|\bcharge (?:a )?fees?\b"
        r"|\b(?:and|or|but|so) (?:is|are) (?:it|they) free\b(?! (?:from|to)\b)"  # "how do I sign up my kid and is it free"
        r"|收费|免费|要钱吗|要不要钱|交钱|付费",
        re.I,
    )),
    ("year", re.compile(r"\b(which|what|in what) year\b|\bwhat (?:is|was) the (?:scheduled |planned |expected |target )?year\b|哪一?年", re.I)),
    # "陈吉宁今年多大了?": an age, which takes one in years; "what colour are the shelters": a colour.
    # "How old is Xue Kan?" too; not "how old was Manning when …": SQuAD's answers say "Manning was 39".
    ("age", re.compile(r"\bhow old (?:is|are)\b|多大(?:了|年纪|岁数)|几岁|多少岁|年龄|年纪", re.I)),
    ("colour", re.compile(r"\b(?:what|which) colou?rs?\b|什么颜色|啥颜色|哪种颜色|哪个颜色", re.I)),
    ("length", re.compile(r"\bhow (long|far|wide|tall|high|deep)\b|\bwhat (?:is|was|are|were) the (?:total )?(?:length|distance)\b|\bhow (large|big) (is|was|are|were|will)\b(?! the (population|number|share|proportion)\b)|\bhow (?:large|big)\b(?=\s*(?:[?,.]|$|in\b|square\b|hectares\b|acres\b|mu\b))|\bin (hectares|acres|mu|square (kilo)?met(er|re)s)\b|\bwhat (?:is|was|are|were|will be) the (?:(?:total|approximate|overall|gross) )?(?:[\w-]+ )?(?:(?:total|floor|land|site|building|construction) )area\b|\b(what|which) (time ?frame|timeframe|period of time)\b|多长|多久|多远|多宽|多高|长度|面积|占地多[大少]|(?<!第)几个?(?:小时|钟头|分钟|星期|礼拜)|多少个?(?:小时|钟头|钟(?![点头]))|(?<!第)几个月|(?<!第)几(?:天|周)", re.I)),
    # Rates that are stated in per cent: "What was Yangpu's GDP growth rate?" is not answered by "Entering 2024".
    ("percent", re.compile(
        r"\bwhat percent(age)?\b|\bwhat %|\bhow much percent|\bby how many percent|百分之|百分比|增幅|增速"
        r"|\b(growth|unemployment|inflation|interest|mortality|admission|acceptance|literacy|poverty|vacancy|occupancy) rates?\b"
        r"|\bgdp growth (target|goal|figure)s?\b|(?:增长|失业|通胀|利|出生|死亡|就业)率|GDP\s*增长|增长(?:的)?(?:预期)?目标",
        re.I,
    )),
    # "What did Zhou Rong say at the meeting", "王浩在交流发言中讲了哪些内容": what someone said, which the text
    # must report (not only that they spoke or attended).
    ("speech", re.compile(
        # Not "what did the Court say Steymann was entitled to": a fact the speaker stated, which the text may give as
        # its own ("the Court held that …").
        rf"{_X_SAID_WHAT}|{_WHAT_DID_X}(?:say(?=\s*(?:[?.]|$|(?:at|in|during|about|on|regarding|when|to|after|before)\b))"
        r"|talk about|speak about|speak on)\b|(?:讲|说|谈|讲述|介绍|汇报)到?(?:了|的(?=d?什么内容))?d?[些点]?(?:哪些|什么|哪(?:几|一)?(?:个|些|项)?(?:方面|项目|内容|问题))|(?:讲|说|谈|介绍|汇报)了[\u4e00-\u9fff]{1,6}?(?:哪些|什么)|讲的是|发言(?:的)?(?:主要|具体)?内容|发言[^?？，,]{0,6}(?:围绕|涉及|聚焦)了?(?:哪些|什么)"
        r"|传达(?:了|的是)?(?:哪|什么)"  # "程绣明传达了什么": what someone conveyed, which the text must report
        rf"|{_WHAT_X_DID_X}{_SPOKE_OF}"  # "what second-quarter tasks did Zhou Rong lay out", "what topic did X talk about"
        rf"|{_WHAT_DID_BODY}(?:say|report)(?= (?:in|during|at)\b[^?]*\b(?:speech|remarks|address|meeting)\b)"  # "… report in its speech"
        r"|\bspeech(?:es)?\b[^?]*\bwhat (?:did|does|do) (?:they|it|he|she) (?:actually |really )?(?:say|report|talk about)\b",  # "bureau exchange speech - what did they report"
        re.I,
    )),
    # "副区长王浩分管哪些工作", "what is the vice mayor in charge of": a portfolio, which the text must assign.
    ("duty", re.compile(r"分管|主管|负责(?:哪|什么)|管(?:哪|什么|些什么)|\b(?:in charge of|responsible for) (?:what|which)\b|\b(?:what|which) [^?]{0,100}\b(?:in charge of|responsible for)\s*\?", re.I)),
    # "… objectives with a number-y name. What were they called?": a name as written, quoted (not "what is it
    # called when people rebel", a term).
    ("title", re.compile(rf"{_POLICY_NAME_ASKED}|\bwhat (is|was) the title of\b|\bwhat (?:are|were) they called\b|\b(?:nicknamed?|slogan|catchphrase|motto|tagline)\b|\b(?:numbered|number-?y|numeric(?:al)?) (?:name|label|formula|code)\b|题目|题名|标题|题为|为题|主题是什么|什么主题|(?<!喊)口号"
    # "陆铭的报告叫什么名字": a talk's name is its title.
    r"|(?:报告|讲座|演讲|讲课|课)的?(?:叫(?:什么|啥)(?:名字?)?|(?:名字|名称)(?:是|叫)?(?:什么|啥))", re.I)),
    # "What is the ratio of men to women?", "What is the population of Minhang?": a figure in digits.
    ("figure", re.compile(
        r"\bwhat (is|was|are|were|will be) (the )?([\w'’-]+ ){0,4}?(rate|ratio|proportion|population|gdp|gross domestic product|economic output|capacity)\b(?! of change)"
        # "Yangpu Q1 GDP growth - what's the headline number?": the figure, with its subject said before.
        r"|\bwhat (?:is|was) the (?:(?!phone|telephone|fax|hotline|contact|serial|registration|licen[cs]e|case|room|house|flight|jersey|model)[\w-]+ )?(?:number|figure)\s*\??\s*$"
        # "What did the GDP grow by?": the "what" is an amount of change.
        r"|\bwhat (did|does|do|will|has|have|had)\b[^?]*\b(grow|grown|increase|increased|rise|risen|fall|fallen|drop|"
        r"dropped|decline|declined|shrink|shrunk) by\b(?! \w+ing\b)",
        re.I,
    )),
    ("number", re.compile(r"\b(how much|what (number|percentage|proportion|portion|fraction|share|amount|rate|ratio)|which (number|session))\b|百分之|比例|第几|(?:哪些|什么)(?:工作)?数据", re.I)),
    # "What are the opening hours", "what time does it open", "what time did the meeting start", 开放时间: a time of day.
    ("hours", re.compile(
        r"\b(?:opening|business|office|open|working|visiting) hours\b|\bwhat hours\b|\bwhat o['’]clock\b"
        r"|\bhow late\b[^?]*\b(?:open|opens|close|closes|closing)\b|\bwhat time\b[^?]*"
        r"\b(?:open|opens|close|closes|start|starts|started|begin|begins|began|arrive|arrived|get to|got to|reach|reached|go|went|leave|left)\b|营业时间|开放时间|几点(?:开|关)",
        re.I,
    )),
    ("date", re.compile(rf"(?:^|[.?!]\s+)(?:please\s+)?when\b|\b(?:in|at) what moment\b|\bwhen (?:r|are) (?:they|it|these|those)\b|\bwhen\s*\??\s*$|[,;]\s*when\b|\bwhen\s+(?:(?:it|they|this|that|these|those)\s+(?:all\s+)?(?:(?:will|gonna|is|are|can)\s+(?:be\s+)?)?)?(?:finish|complete|open|start|begin|launch|happen|held|hold|done|ready)(?:ed|es|s|ing)?\b|\bwhen (did|does|do|is|was|were|will|has|have|had|can|should)\b|\b(since|until) when\b|^\s*by when\b|\b(by )?what deadline\b|\bwhat (is|was|are|were) the (?:[\w-]+ ){{0,3}}?(?:deadlines?|dates?|timelines?|timetables?)\b|\b(on what {_EXACT}(date|day)|what {_EXACT}(dates?|days?|month|time|quarter)|which {_EXACT}(date|day|month|quarter|night))\b|什么时候|什么时间(?!节点|点)|什么时间节点(?:之?前|以前)|何时|哪天|哪一天|几月|几号|日期|哪个?月|哪一个?月|哪个季度|什么期限"
     r"|\b(?:is|was|are|were) there (?:a|an|any) (?:[\w-]+ ){0,2}?(?:dates?|deadlines?|timeline)\b"  # "is there a target opening date"
     r"|\bthe (?:(?:exact|calendar|precise|specific|actual) ){1,2}(?:date|day)\b"  # "I should like to know the exact calendar date on which …"
     r"|\b(?:completion|opening|start|starting|finish|launch|end|rectification)\s+(?:dates?|deadlines?)\s*\??\s*$|\bdates\s+(?:this|next)\s+year\s*\?"
     r"|^\s*(?:the\s+)?(?:completion|opening|start|starting|finish|launch|end)\s+dates?\s+(?:for|of)\b"  # typed as a heading
     # "Tunnel - target opening date for traffic?"
     rf"|{_KEYWORDS}\b(?:target|planned|expected|scheduled) (?:completion|opening|start|finish|launch) dates?\b", re.I)),
    # "热线电话是多少": a number to call, not a count.
    ("contact", re.compile(r"(?:电话|热线|号码)(?:号码)?是?多少")),
    # Formal written Chinese asks "为若干" or "几何" at the end: "目标人数为若干?"
    # Not "要发展几种新型消费，是哪几种呀？": which ones, though it says how many first (a list, or the parts of a
    # coded name).
    ("count", re.compile(
        r"^(?!.*几[种个项家类].*[,，]\s*(?:那|就)?[是有]哪[几两二三四五六七八九十]).*?"
        r"(?:\bhow many\b|\bwhat (?:is|was|are|were|will be) the (?:(?:total|exact|precise|actual|overall) )?(?:number|count) of\b|多少个|(?<!哪)几个|几项|几家|多少(?!钱)|(?<![哪+＋加])几(?![月号日+＋加])|(?:若干|几何)\s*[?？]?\s*$|人数\s*[?？]?\s*$)",
        re.I | re.S,
    )),
    # "What phone number should I call", "what is the centre's address", 电话: a way to reach someone.
    ("contact", re.compile(
        r"\b(?:phone|telephone|fax|hotline) (?:number|line)s?\b|\b(?:e-?mail|web(?:site)?) address(?:es)?\b"
        r"|\bwhat (?:is|was) (?:the|its|their|[\w-]+['’]s) (?:[\w'’-]+ ){0,3}?(?:address|website|e-?mail)\b|电话|热线|邮箱|网址|地址是"
        r"|\bwhere (?:is|are) (?:the |its |their )?(?:exact )?address(?:es)? of\b"  # "where is address of the base"
        rf"|{_KEYWORDS}\b(?:address|phone|hotline|website)\s*\??\s*$",  # keywords: "… health center address"
        re.I,
    )),
    # "创新基地建在哪个地方": where something is built or sits, which a place's name answers (not a meeting's venue).
    ("place", re.compile(r"(?:建|设|落户|选址|位于|坐落)(?:在|于)?(?:哪|何处|什么地方)|(?:建设|选址|所在)地点|在哪(?:里|儿|个地方)?(?:建|设)(?!计|置|立|施)")),
    ("venue", re.compile(rf"\b(what|which) (venue|location)s?\b|\b(?:hold|held|convened|hosted|staged)\s+(?:(?:it|them|this|that)\s+)?where\b|\bwhere (?:(?:it|they|this|that) (?:was |were |is |are )?)?(?:held|hosted|convened)\b|^\s*where (?:the |this |that )?(?:[\w'’-]+ ){1,5}?(?:held|convened|hosted|staged)\b|[,;]\s*(?:in |at )?which (?:building|hall|room|hotel|auditorium)s?(?:\s*\??\s*$|\b(?=[^?]*\b(?:hold|held|holding|convened?|took place|take place|meet|met)\b))|\bwhat (?:is|was|will be) the (?:exact |actual )?venue\b|\b(?:venue|location) where\b|\b(?:in|at) (?:which|what) (?:building|hall|room|hotel|auditorium)s?\s*\??\s*$|\b(?:in|at) (?:which|what) (?:building|hall|room|hotel|auditorium)s? or (?:building|hall|room|hotel|auditorium)s?\b(?:[^?]*\b(?:held|hosted|convened)\b|\s*\??\s*$)|{_WHERE_HELD}|{_WHERE_MEETING}|\b(?:what|which) (?:building|hall|room|hotel|venue)(?: or (?:building|hall|room|hotel|venue))?\b[^?]*\b(?:held|hosted|convened) (?:in|at)(?=\s*(?:[?.,]|$|on\b|during\b|when\b))|地点|在哪里?(举行|召开|举办)|举办地|在何处|哪个(会场|场馆|地方|会议室|礼堂|大厅|酒店|宾馆)|哪(?:栋|座|幢)(?:大)?楼|在哪[个家]?[{CJK}]{{0,4}}(举行|召开|举办)|在哪(?:里|儿)?开(?!展|始|发|放|通|工)|[在勒辣](?:什么|啥)(?:地方|场所|会场)", re.I)),
    # "Where is the incubation base located?", "Where will the centre be built?": a place.
    ("place", re.compile(
        r"\bwhere (?:exactly |precisely )?(?:is|was|are|were|will|would|does|did|do|has|have|had|can|should)\b[^?]*"
        rf"\b(?:located|situated|housed|based|built|build|building|constructed|set up|sited)\b|{_WHERE_IS_THING}"
        r"|\bwhere (?:exactly |precisely )?(?:is|are) (?:it|they)\s*(?:[,?]|$)"  # "15 min service site … where exactly is it"
        # "… the building materials market, what kind of area was it in": where it is ("located in the urban-rural fringe").
        r"|\bwhat (?:kind|sort|type) of (?:area|place|location|neighbou?rhood)s? (?:is|was|are|were) (?:it|they|that|this)(?: located)? in\b"
        # "Where did Chen Jining go on the night of December 31?": where he went to ("… went to the … Command").
        r"|\bwhere (?:did|does|do|will|would|has|have|had) [^?]*\b(?:go|went|gone|travel(?:l?ed)?|visit(?:ed)?|head(?:ed)?)\b"
        # "Where exactly are Minhang's new pocket parks going to be?", "Where will the centre be?"
        r"|\bwhere (?:exactly |precisely )?(?:(?:is|are) [^?]*\bgoing to|will [^?]*) be\s*(?:[?.]|$)"
        rf"|{_ASKS_DESTINATION}",  # "where are the Longwu Road residents being relocated to?"
        re.I,
    )),
    # "What do the numbers in "1+2+3+4" stand for?", "“3+X”里的“X”具体指哪些产业?": the parts of a coded name,
    # spelt out (only with a coded name in the question: see question_type).
    ("parts", re.compile(
        r"\b(?:make|makes|made) up\b|\bconsists? of\b|\bcompris|\bstands? for\b|\brefers? to\b|\bspecific\b|\bindividual\b"
        r"|\bcorrespond(?:s|ed)? to\b|\bwhich (?:figures|numbers|indicators|targets) (?:is|are|were) the\b|\bmean(?:ing)?\s*\??\s*$|\bthe \d+(?:(?:\s*,\s*|\s+|\s+and\s+)\d+)*\s+(?:in|of)\b|\b(?:which|what) [\w-]+ (?:is|are|was|were) the \d+\b|\b(?:exactly|concretely|actually|actual)\b|\bcomponents?\b|\bbreak ?down\b|\b(?:the|which|what) (?:actual |specific )?(?:[\w-]+ )?(?:numbers?|digits?|letters?|figures?|targets?|indicators?)\b[^?]{0,12}\b(?:in|behind)\b|\bwhat (?:is|are|was|were) the [^?\x22“”]{0,40}\bin\b[^?\x22“”]{0,30}[\x22“]"
        r"|\bwhat (?:exactly |specifically |actually )?(?:is|are|was|were) (?:the |its |their )?[\"“‘']"
        # ...or quoted once and asked again without quotes: "the 'two networks' …, what are the two networks",
        # "a 'five-type economy'. what are the five types?", "which two networks are the 'two networks'"
        r"|[\"“‘']\s*(?P<coded>[^\"”’'?]{2,40}?)\s*[\"”’'][^?]*\bwhat (?:is|are|was|were) (?:the |these |those )?(?P=coded)\b"
        r"|[\"“‘'][^\"”’'?]*?\b(?P<number>two|three|four|five|six|seven|eight|nine|ten)\b[^\"”’'?]*[\"”’'][^?]*\bwhat (?:are|were) (?:the |these |those )?(?P=number)\b"
        r"|\bwhich (?P<counted>two|three|four|five|six|seven|eight|nine|ten) [\w-]+ (?:are|were) (?:the |these |those )?[\"“‘'](?P=counted)\b"
        r"|\bwhy (?:is|was) it called\b|\bmeaning what\b|\bmeans? what\b|\bwhat mean\b"  # "330 meaning what?", "each number what mean?"
        r"|\bwhat (?:numbers|figures) (?:r|are|were) (?:they|these|those)\b|\bwhat (?:does|do|did) [^?]{0,40}?\bmean\b|具体|分别|包括哪|包含哪|由哪|(?:是|指)哪[两二三四五六七八九十几\d]|代表什么|指什么|指哪|所指(?:系|是|为)?(?:什么|哪)|里(?:头|面|边)的[^?？,，]{0,8}?(?:是|指)(?:哪(?:些|几)|什么)|什么意思|里(?:头|面|边)?[的,，]?\s*(?:那|这)?\s*[“\x22‘']?[\dA-Za-z]+[”\x22’']?\s*个?\s*(?:到底|究竟)?(?:是|指)?(?:哪|什么|啥)",
        re.I,
    )),
    # "Which three business centers", "哪三个产业": several things, named one by one.
    # "…five projects met their targets: which projects were they?" too, the number said before.
    ("list", re.compile(
        r"\b(which|what) (?:(?<=which )(?:are|were) the )?(?:specific |exact |particular )?(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1\d)\b(?![\d,.%])|哪[两二三四五六七八九十几]"
        r"|\bwhich [\w-]+s (?:were|are) (?:they|those|these)\b|\bwhich of (?:the |[\w-]+['’]s )(?:[\w-]+ ){0,5}?[\w-]+s (?:for [^?]{0,40})?(?:have|are|were)\b|\bwhich ones\s*\??\s*$|\bwhich of\b[^?]{0,80}\b(?:were|are) the (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b",
        re.I,
    )),
    # "Which (leading shipping) company", "哪个街道": something that goes by a proper name.
    # Not a relative "which" before a place's own name ("the forest area which Minhang District plans to add").
    ("name", re.compile(rf"\b(which|what) (?!(?-i:[A-Z][\w'’-]* (?=[A-Z])){_NAMED_THINGS}\b){_MODIFIERS}{_NAMED_THINGS}(?![\w-])(?! (?:{_PEOPLE_NOUNS}|{_NAMED_ROLES})\b)|{_ZH_NAMED_ASKED}", re.I)),
    # Not "whose": the owner asked for may be a person, an organisation or a project ("whose project experience").
    # "Who is Chen Huawen?": a person asked for by name wants what they are ("…, deputy secretary of the district
    # party committee and district mayor"), not a sentence that only names them ("Chen Huawen said.").
    ("identity", _ASKS_WHO_SOMEONE_IS),
    # "minhang district party secretary name", typed as keywords: a person too.
    ("person", re.compile(rf"\b(who|whom)\b|\b{_ROLES}s?\s+names?\s*\??\s*$|\bwhich {_MODIFIERS}(?:{_PEOPLE_NOUNS}|{_NAMED_ROLES})\b(?!\s+(?-i:[A-Z][a-z]))|\bnames? of (?:the\s+)?(?:(?!(?:which|that|who|where)\b)[\w'-]+\s+){{0,3}}?(?:{_ROLES}|officials?|leaders?|head|person|people)\b|谁(?!的)|何人|哪一?位|{_ZH_PEOPLE_NOUNS}[,，\s]*叫什么(?:名字)?|{_ZH_PEOPLE_NOUNS}的?(?:姓名|名字)|姓名", re.I)),
    # "What is the name of the market / platform / programme / supply unit": a proper name (not "the name of the
    # property", a term).
    ("name", re.compile(
        rf"\bnames? of (the |a |an |its |this |that )?([\w'’-]+ ){{0,4}}?({_NAMED_THINGS}|{_NAMED_OFFERS}|{_NAMED_BODIES})\b|叫什么名(?:字|称)?|名称(?:分别|具体|到底|究竟)?是(?:什么|啥)"
        # "Which water and electricity supply unit did he inspect": the unit's name, not what it supplies.
        rf"|\bwhich (?:[\w'’-]+ ){{0,4}}?{_NAMED_UNITS}\b"
        rf"|\bwhich (?:[\w'’-]+ ){{0,2}}?{_OFFERS}"  # "Which programme did Yinhang say it would upgrade": “Sunshine 330”
        r"|,\s*(?:its |their |the )?names?\s*\??\s*$"  # "Market Chen Jining inspected, name?"
        r"|\bnames? what\b"  # "…building material market, market name what?"
        r"|\bwhat (?:is|was) (?:its|their) names?\b",  # "the market Chen Jining visited, kindly what is its name"
        re.I,
    )),
]

_HAS_NUMBER = re.compile(rf"\d|\b{_NUMBER_WORDS}\b|[{_ZH_NUMERAL}]", re.I)
_HAS_PERCENT = re.compile(r"\d\s*%|\bper ?cent\b|百分|％", re.I)
_HAS_TITLE = re.compile(r"[《“\"]")
_HAS_CLOCK = re.compile(
    r"\b\d{1,2}[:：]\d{2}\b|\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)\b|\bo['’]clock\b|\bnoon\b|\bmidnight\b"
    r"|\b24[- ]hours?\b|\baround the clock\b|\bround-the-clock\b|\d+\s*[点时](?!间)|全天|\d+小时",
    re.I,
)
# A telephone number, a web or mail address, a street address ("No. 5530, Longwu Road", "长白路100号").
_HAS_CONTACT = re.compile(
    r"\d{3,4}[- ]\d{7,8}|\(\d{2,4}\)\s*\d{4}|\b\d{8,11}\b|https?://|\bwww\.|\b[\w.-]+@[\w-]+\.|\.(?:com|cn|org|gov)\b"
    rf"|\bNo\.\s*\d+|\b\d+\s+(?:[A-Z][\w-]*\s+){{1,3}}(?:Road|Street|Avenue|Lane)\b|[{CJK}]{{1,8}}[路街]\d+号"
    r"|(?<![\d.])\d{3,6}\s*(?:hotline|热线)|热线\s*\d{3,6}",  # a short service number: "the 12345 hotline"
    re.I,
)
# 元 after a number ("5000万元", "1.2亿元", "十余万元"), not in a word: "二次元经济" is anime culture, not a sum.
_HAS_MONEY = re.compile(
    rf"\b(yuan|rmb|dollars?|usd|euros?|pounds?)\b|[$¥€£]|[\d{_ZH_NUMERAL}][余多]?[万亿]?(?:美|港|欧|日)?元|人民币", re.I
)
_HAS_LENGTH = re.compile(
    rf"(\d[\d,.]*|\b{_NUMBER_WORDS})\s*(?:(?:thousand|million|billion)\s+)?(?:cubic\s+)?"
    r"(km|kilometers?|kilometres?|meters?|metres?|miles?|feet|foot|mu|hectares?|acres?|square|years?|months?|weeks?|days?"
    r"|hours?|minutes?|seconds?|decades?|centuries|century)\b"
    r"|\d+\s*(公里|千米|米|亩|公顷|平方|年|个月|周|星期|天|小时|分钟|秒)"
    # A span of time in Chinese numerals: "两个小时", "一个半小时", "三天" (not "三年行动计划", a plan's name).
    rf"|[{_ZH_NUMERAL}]个?半?多?(?:小时|钟头|分钟|个月|星期)|(?<![{_ZH_NUMERAL}])[{_ZH_NUMERAL}]+天",
    re.I,
)
# A centre named for what it does ("Integrated Media Center") is an organisation, not a venue.
_ORGANISATION_WORDS = (
    "media service services promotion management research acceptance information data command control affairs "
    "development dispatch"
    # Shanghai's "five centers" (international economic, financial, trade, shipping and sci-tech innovation) are roles
    # of a city, not places to meet.
    " economic financial trade shipping innovation five"
).split()
_HAS_VENUE = re.compile(
    r"\b(?<!sub-)" + "".join(f"(?<!{word} )" for word in _ORGANISATION_WORDS)  # a "sub-center" is a town, no venue
    + r"(hall|centre|center|building|room|hotel|stadium|auditorium|venue|headquarters|square(?! (?:met|kilomet|feet|foot|miles?\b|yards?\b|inch|centimet|km\b))|plaza|arena|theatre|"
    r"theater|gymnasium)s?\b|[厅馆室楼堂]|中心(?!组)|大厦|宾馆|酒店|会场|广场",
    re.I,
)
# "in Santa Clara", "at SAP Center", "on the island of Rottnest"
_AT_A_PLACE = re.compile(r"\b(?:in|at|inside|on|near)\s+(?:the\s+)?(?:[a-z-]+\s+of\s+)?((?:[A-Z][\w'’-]*\s*)+)")
_TO_A_PLACE = re.compile(
    r"\b(?:in|at|inside|on|near|to|into|from|outside|across|throughout)\s+(?:the\s+)?(?:[a-z-]+\s+of\s+)?((?:[A-Z][\w'’.-]*\s*)+)"
)
_LOCATED = re.compile(r"\b(?:located|situated|housed|based|lies|lay|sits|stands)\s+(?:in|at|on|near|inside|along|beside|by)\b|[在于]|位于", re.I)
_ASSIGNS_DUTY = re.compile(r"分管|主管|负责(?!人)|\bin charge of\b|\bresponsible for\b", re.I)
_REPORTS_SPEECH = re.compile(
    r"\b(?:said|says|noted|notes|pointed out|points out|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|called for|calls for|"
    r"urged|urges|stated|states|remarked|added|explained|proposed|required|requires|demanded|hoped|believed|argued|"
    r"announced|told|claimed|claims|wrote|declared|insisted|suggested|predicted|warned|promised|asked|replied|"
    r"responded|commented|concluded|reported|quoted|according to|deployed|outlined|laid out|put forward|(?:say|stat|not|stress|emphasi[sz]|writ|declar|claim|"
    r"urg|add|explain|warn|ask|reply|respond|comment)ing)\b"
    r"|指出|表示|强调|要求|提出|认为|说|谈到|讲到|介绍|希望|号召|部署|传达|阐释|解读",
    re.I,
)
_SPEAKER = re.compile(rf"{_WHAT_DID_X}(?:say|talk|speak)\b|{_X_SAID_WHAT}|{_WHAT_X_DID_X}{_SPOKE_OF}|{_WHAT_DID_BODY}report\b", re.I)
_ZH_PLACE = re.compile(f"([{CJK}]{{2}})(?:岛|区|镇|街道|路|村|港)")
_HAS_AGE = re.compile(
    r"\d{1,3}\s*(?:周)?岁|[一二三四五六七八九十百]+岁|\b\d{1,3}[- ]years?[- ]old\b|\baged \d{1,3}\b|\bat (?:the )?age (?:of )?\d{1,3}\b", re.I
)
_HAS_FEE = re.compile(  # not "barrier-free", "pay close attention", "in charge of"
    r"(?<![-\w])free(?![-\w])|\b(?:fees?|charged|payments?|costs?|prices?|tuition|tickets?|yuan|rmb)\b"
    r"|(?<!in )\bcharges?\b|\bpa(?:y|ys|id) (?:for|a|the|to)\b|[$¥]"
    r"|免费|收费|费用|价格|票价|[\d{_ZH_NUMERAL}]元",
    re.I,
)
# A colour, not "green space", "greenways", "green development" nor 绿色发展.
_HAS_COLOUR = re.compile(
    r"\b(?:red|orange|yellow|green|blue|purple|pink|white|black|grey|gray|brown|gold|golden|silver)\b"
    r"(?![\s-]+(?:spaces?|land|belts?|ways?|development|transformation|energy|economy|low-carbon|buildings?|finance)\b)"
    r"|[红橙黄绿蓝紫粉白黑灰棕金银]色(?!发展|低碳|生态|转型|建筑|能源|经济|金融|出行|通道)",
    re.I,
)
_HAS_LIST = re.compile(r"\b(and|or|nor|as well as)\b|[、&和及与]", re.I)
# Years of any era: "2024", "in 1186", "the 1920s", "430 BC", "AD 79", "2024年"
_YEAR_FORMS = r"\b(?:1\d{3}|20\d\d)s?\b(?![,.]\d)|\b\d{1,4}\s*(?:BC|BCE|AD|CE)\b|\b(?:AD|CE)\s*\d{1,4}\b|\d{4}\s*年"
_HAS_YEAR = re.compile(_YEAR_FORMS)
_COUNTS_PEOPLE = re.compile(r"\b(?:population|people|residents|inhabitants|citizens|persons|dwellers|populace)\b", re.I)
# "How many people attended the meeting?", "how many people come sit there", "多少人参加": a count of those present.
_ASKS_ATTENDANCE = re.compile(
    r"\bhow many (?:people|persons|participants|attendees|officials|leaders|cadres|deputies)\b[^?]*"
    r"\b(?:attend|attended|attending|participat\w*|present|show(?:ed)? up|come sit|came|were there)\b|多少人(?:参加|出席|参会|到场|与会)",
    re.I,
)
_ATTENDED = re.compile(r"\battend|\bparticipa|\bpresent\b|\bpeople came\b|出席|参加|参会|到场|与会|列席", re.I)
_ALONE = re.compile(r"\b([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d+))*)\s+alone\b")
# A year of a five-year plan, named by its place in the plan: "在“十四五”规划收官之年召开" (its final year).
# Asked as a time within the plan ("十四五规划的哪一年开的", "十四五啥时候开的"), not when the plan was made.
_ASKS_IN_PLAN = re.compile(
    "(?:规划|十[一二三四五]五”?)的?(?:哪一?年|什么时候|啥时候|何时)(?![^,，。?？]*(?:开始|结束|制定|启动|实施|出台|发布|编制|到期|收官))"
    "|哪个五年规划"
)
_PLAN_YEAR = re.compile("(?:开局|收官|关键|攻坚|决胜|起步|冲刺|承上启下|第[一二三四五])之?年")
_HAS_DATE = re.compile(
    rf"{_YEAR_FORMS}|\b\d{{1,2}}(?:st|nd|rd|th)[- ]century\b|\b{_MONTH}\b|\b{_WEEKDAY}\b"
    r"|\d+\s*(年|月|日|号)|[今明去前]年|[年月][底初中]|年内|[上下]半年|季度|\b(this|next|last) (year|month|week)\b(?!['’]s)|\b(by|before) the end of\b|\bquarter\b|\bnight\b",
    re.I,
)
# "…, on April 9, the District Committee and District Government Quarterly Work Meeting was held", "3月17日上午,
# 区委常委会扩大会议暨区委中心组学习会举行": the event a date belongs to.
_DATED_EVENT = re.compile(
    rf"\b(?:on |in )?{_MONTH}\s+\d{{1,2}},?\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+(?:(?:and|of|the)\s+)*)+)(?:was|were) held\b"
    rf"|\d+月\d+日(?:上午|下午|晚上)?[,，]?([{CJK}、]{{2,40}}?)(?:举行|召开)"
    # "On Wednesday, the Shanghai Municipal Party Committee held the first quarterly work meeting of the year", "On
    # the first working day of the new year, Shanghai held a city-wide urban renewal promotion conference"
    rf"|\b[Oo]n (?:{_WEEKDAY}|{_MONTH}\s+\d{{1,2}}|the \w+ (?:working |business )?day of the (?:new )?(?:year|month|week)),?\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:(?:and|of|the)\s+)*)+held\s+"
    r"((?:the|a|an|its|their)\s+[\w'’ -]{3,80}?)(?=[,.;]|$)"
)
_ASKED_EVENT_ZH = re.compile(f"^([{CJK}]{{4,30}}?)(?:是|于|在|具体|到底|究竟)*(?:哪天|哪一天|什么时候|何时|几月几[日号])")
_EVENT_TERMS = frozenset(terms("meeting session conference seminar forum held work"))


# "When was Minhang District founded?" is not dated by a meeting "held on August 22" there. (Only a meeting's
# date is refused: "the 2007 Lisbon Treaty" dates the treaty, with no word of founding.)
_HELD_ON = re.compile(r"\bheld (?:on|in)\b", re.I)
_ASKS_FOUNDING = re.compile(r"\bwhen (?:was|were|is|are)\b.*\b(?:founded|established|set up|created|formed|incorporated)\b", re.I)
# "When did Xue Kan become the district's party secretary?": the day someone took a post, which a sentence must
# say they took (not "Xue Kan noted that since the beginning of this year, …").
_ASKS_APPOINTMENT = re.compile(
    rf"\bwhen (?:did|was|were|has|have)\b.*\b(?:(?:become|take over as|start as) (?:the )?(?:[\w'’-]+ ){{0,4}}?{_ROLES}"
    r"|take (?:over|office)|appointed|elected|sworn in)\b",
    re.I,
)
_APPOINTED = re.compile(
    r"\b(?:bec[oa]me?|becoming|appoint\w*|elect\w*|took (?:over|office)|tak(?:e|es|ing) (?:over|office)|assum\w*|named"
    r"|sworn|succeed\w*|inaugurat\w*|promot\w*)\b",
    re.I,
)
_FOUNDED = re.compile(
    r"\b(?:found(?:ed|ing|ation)?|establish\w*|set up|creat\w*|form(?:ed|ation)|incorporat\w*|built|inaugurat\w*)\b", re.I
)
# "When will the relocated residents be able to move back?": a return, which the text must speak of.
_ASKS_RETURN = re.compile(r"\b(?:move|moving|go|going|come|coming|get|getting)\s+back\b|回迁|搬回", re.I)
_RETURNS = re.compile(r"\bback\b|\breturn|回迁|搬回|回到", re.I)


def _dates_another_event(text: str, question: str) -> bool:
    """Whether every date in `text` is said to be that of another event than the one asked about: "on April 9,
    the Quarterly Work Meeting was held" does not date Xi Jinping's inspection; "3月17日上午,区委常委会扩大会议…举行"
    does not date the 市委常委会扩大会议."""
    events = [m.group(1) or m.group(2) or m.group(3) for m in _DATED_EVENT.finditer(text)]
    if not events or len(events) < len(_HAS_DAY.findall(text)):
        return False
    if _is_chinese(question):
        # The asked event is named in the text, but not as the one the date belongs to ("学习贯彻…市委常委会扩大会议
        # 精神,3月17日上午,区委常委会扩大会议…举行").
        asked = _ASKED_EVENT_ZH.search(question)
        return bool(asked) and asked.group(1) in text and all(asked.group(1) not in event for event in events)
    wanted = set(terms(question)) - _EVENT_TERMS
    return all(_another_event(event, wanted, question) for event in events)


def _another_event(event: str, wanted: set[str], question: str) -> bool:
    named = set(terms(event)) - _EVENT_TERMS  # "held a seminar" names no event in particular
    return bool(named) and (not wanted & named or _other_level(event, question))


# Which tier of government a body or meeting belongs to: the district's quarterly meeting is not the city's.
_LEVEL = re.compile(r"\b(sub-district|district|municipal|city|provincial|national|county|town)\b", re.I)


def _other_level(event: str, question: str) -> bool:
    """Whether the event is of another tier than the question names ("the District Committee … Meeting" for "the
    municipal party committee study seminar")."""
    named = {m.lower() for m in _LEVEL.findall(event)}
    asked = {m.lower() for m in _LEVEL.findall(question)}
    return bool(named) and bool(asked) and not named & asked


# "题目叫什么" / "what is it nicknamed": a title the text gives as one ("以“中国经济和城市发展”为题", "titled", "known as").
_TITLE_CUES = r"题目|标题|题为|为题|主题|\btitled?\b|\bnicknamed?\b|\bslogan\b|\bcatchphrase\b"
_ASKS_TITLE_BY_NAME = re.compile(_TITLE_CUES, re.I)
_GIVES_TITLE = re.compile(rf"{_TITLE_CUES}|\bknown as\b|\bcalled\b", re.I)


def gives_asked_title(text: str, question: str) -> bool:
    """Whether `text` gives a quoted title as such, for a question asking for one by such a word."""
    return bool(_ASKS_TITLE_BY_NAME.search(question) and _GIVES_TITLE.search(text) and _HAS_TITLE.search(text))


# "Who presided over / chaired the meeting", 由谁主持: the one the text says presided, not anyone who attended.
_ASKS_PRESIDER = re.compile(
    r"\b(?:who|which (?:(?:leading|responsible|senior) )?(?:person|official|leader|comrade))\s+(?:actually |really |exactly )?(?:(?:is|was|were) (?:named as |listed as |credited as )?)?"
    r"(?:presid|chair|host)(?:ed|ing)\b|\bpresided over by\b|主持",
    re.I,
)
_PRESIDED = re.compile(r"\bpresid(?:ed|ing|es)\b|\bchair(?:ed|ing|s)?\b|\bhost(?:ed|ing|s)?\b|主持", re.I)
_ASKS_ORDINAL = re.compile(r"\bwhich session\b", re.I)
_ASKS_CALENDAR_DATE = re.compile(
    r"\b(?:calendar|exact|precise|specific|actual) date\b|\bon (?:what|which) date\b|\bwhat date (?:exactly|precisely)\b", re.I
)
# A deadline is when something must be done by: "by the end of September", not "since the beginning of this year".
_ASKS_DEADLINE = re.compile(r"\bdeadlines?\b|截止|截至|最晚|期限", re.I)
_ENDS_BY = re.compile(r"\b(?:by|before|until|till|no later than|deadline|due|expires?|ends?)\b|截止|截至|之前|以前|[月年]底|前", re.I)
_CALENDAR_DAY = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\d+月\d+[日号]|\b\d{{1,2}}/\d{{1,2}}\b")
_ASKS_DAY = re.compile(rf"\b(what|which) {_EXACT}(date|day)\b|\bwhat (?:is|was) the {_EXACT}date\b|\bon what {_EXACT}(date|day)\b|哪天|哪一天|几号|几月几日|具体日期", re.I)
_HAS_DAY = re.compile(
    rf"\b{_MONTH}\b|\b{_WEEKDAY}\b|\d+\s*(日|号)|\d{{1,2}}/\d{{1,2}}"
    r"|\b(first|second|third|last|final|next|same|following) (working |business )?day of\b|\b(today|yesterday|tomorrow)\b",
    re.I,
)
# Words that start capitalised phrases which are not people's names.
_NOT_NAMES = frozenset(
    """the a an in on at of and for to by with from this that these those it its district committee party municipal
    people's government bureau center centre road street town city county province national state new year
    secretary mayor chairman director deputy general vice office department council congress standing
    sub-district university institute school hospital park zone area international economic development
    shanghai china chinese beijing yangpu minhang hongqiao pudong huangpu xuhui changning jing'an putuo hongkou
    baoshan jiading jinshan songjiang qingpu fengxian chongming january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday first second
    third during after before since according among accelerate promote strengthen build focus alliance building
    program programme festival project plan system base line tunnel highway bridge market group company
    corporation association federation league team club museum library hall square station airport port river
    lake mountain island village service services high-tech science technology innovation industrial industry
    regional community public social health citizen culture tourism supervision market security safety
    cross-river link home sunshine five four three two one day eve""".split()
)
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|an|ao|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|a|e|i|o|u)"
)
_PINYIN_WORD = re.compile(f"(?:{_SYLLABLE}){{1,3}}")
# Capitalised words in headlines and slogans that are not names.
_COMMON_CAPITALISED = frozenset("full effort strong chemical actions rallying implementing making great efforts".split())
_CAPITALISED_PAIR = re.compile(r"\b([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]+)\b")
_ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤邰"
_ZH_NAME = re.compile(f"[{_ZH_SURNAMES}][{CJK}]{{1,2}}")


# "When forces act on a body, what must you account for?": the "when" opens a clause, it does not ask.
# "When Chen Jining visited the market, which district was it in?", "When Yinhang set out its plans, it talked about
# a road. Which road was that?": a "when" clause or sentence before the question asks no date.
_WHEN_CLAUSE = re.compile(
    r"(?:^|[.?!]\s+)when\b(?!\s+(?:is|are|was|were|will|would|does|do|did|has|have|had|can|could|should)\b)"
    r"(?:[^?]*,\s*(what|which|who|whom|how|where|why)\b|[^?!]*?(?<!\b[A-Z][a-z])(?<!\b[A-Za-z])(?<!Mrs)[.!]\s)",
    re.I,
)


@lru_cache(maxsize=4096)
def _is_chinese(text: str) -> bool:
    """Whether a question is asked in Chinese: mostly in characters. "Who chaired the Yangpu 区委区政府 meeting?" is
    English, with a Chinese gloss, and its answer is an English sentence."""
    return detect_lang(text) == "zh"


# Words before a "who" that asks ("reported to who?", "with whom", "and who"); after any other word, as in
# "to help graduates who have left school", the "who" opens a relative clause and asks for no one.
_BEFORE_ASKING_WHO = frozenset(
    """by to with from for of among after than on at about against over under before behind and or is was are were
    be been exactly so but then now also yet""".split()
)

_ASKS_A_NAME = re.compile(r"\s*(?:(?:what|which) (?:is|was|are|were) (?:the |their |his |her )?(?:[\w-]+ )?names? of|names?\b)", re.I)


# A "who" with a verb or two after it and nothing more ("… who chaired?", "… who's the party secretary"), in a
# question that asks nothing before it.
_ENDS_AFTER_WHO = re.compile(r"(?:\s+(?:is|was|are|were)\s+(?:the|a|an))?(?:\s+[A-Za-z'’-]+){1,3}\s*[?.!]*\s*$", re.I)
_ASKS_BEFORE_WHO = re.compile(r"\b(?:what|which|whose|where|when|why|how|who|whom|name|tell|list|give|find|identify|show)\b", re.I)


def _last_who_clause(question: str) -> str:
    """From the question's last "who" on: "Besides Xue Kan, who chaired it, who deployed …" asks who deployed."""
    whos = list(re.finditer(r"\bwho\b", question, re.I))
    return question[whos[-1].start() :] if len(whos) > 1 else question


def _drop_relative_who(question: str) -> str:
    if _ASKS_A_NAME.match(question):  # "what is the name of the novelist who …": the novelist is asked for
        return question

    def replace(match: re.Match[str]) -> str:
        before = question[: match.start()].rstrip()
        last = re.search(r"([A-Za-z'’][A-Za-z'’-]*)$", before)  # after a dash or a figure it asks: "… april 2024 - who"
        if not last or last.group(1).lower() in _BEFORE_ASKING_WHO or re.match(r"\s*(else\b|[?.!]|$)", question[match.end() :]):
            return match.group()
        if _ENDS_AFTER_WHO.match(question[match.end() :]) and not _ASKS_BEFORE_WHO.search(before):
            return match.group()  # "the yangpu meeting in april who chaired?": a topic, then the question
        return "that"

    return re.sub(r"\b(?:who|whom)\b", replace, question, flags=re.I)


# A coded name: quoted and holding a number ("1+2+3+4", “3+X”, "three fives, three sixes"), or joined by "+".
_QUOTED_NAME = re.compile(r'"([^"]{1,40})"|“([^”]{1,40})”|(?<!\w)[\'‘]([^\'‘’]{1,40})[\'’](?!\w)')
_PLUS_NAME = re.compile(r"(?<![\w+])\w+(?:\+\w+)+")
# A slogan of counted words, typed without its quotes: "three fives three sixes", "two lists and one theme".
_SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SMALL_NUMBER = f"(?:{'|'.join(_SMALL_NUMBERS[1:])})"
_NUMBER_SLOGAN = re.compile(
    rf"\b{_SMALL_NUMBER}[ -][a-z]+(?:,?\s+(?:and\s+)?{_SMALL_NUMBER}[ -][a-z]+)+\b(?![ -]{_SMALL_NUMBER}\b)", re.I
)
# What spells a coded name out: "…, namely A, B and C", "including", "（即…）", "包括".
_SPELLS_OUT = re.compile(
    r"[:：(（]|\bnamely\b|\bi\.e\.|\bthat is\b|\binclud(?:e|es|ing)\b|\bconsist|\bcompris|\bmade up of\b"
    r"|\brefers? to\b|\bstands? for\b|\bknown as\b|\bshort for\b|即|包括|包含|分别|是指|指的是|涵盖|简称|统称|合称",
    re.I,
)


# A person a Chinese question names by title: "区委副书记周嵘在…", "闵行区长陈华文在…" (the name, not the title).
_ZH_TITLED_PERSON = re.compile(
    f"(?:书记|区长|市长|主任|主席|委员|部长|局长|院长|镇长|街道办主任)\\s*"
    # not a word that follows a title: "区委书记是谁", "副区长上台发言", "区长在会上"
    "(?!是|在|的|为|和|与|及|等|们|叫|有|也|都|就|要|会|上|下|去|来|再|又|还|已|将|曾|正|刚|被|把|对|向|从|给|让|同|这|那|本|各|每"
    "|主持|参加|出席|说|讲|怎|如何|什么|哪|谁|以外|之外|外|做|作|率|陪|带)"  # "除了是委员以外": no name after the title
    f"([{CJK}]{{2,3}}?)"
    "(?=\\s*(?:在|的|说|讲|谈|传达|发言|表示|强调|指出|提出|主持|参加|出席|分管|负责|[,，、?？]))"
)


def zh_titled_people(question: str) -> list[str]:
    """The people a Chinese question names after their title: "区委副书记周嵘在会上传达了什么?" -> ["周嵘"]."""
    return _ZH_TITLED_PERSON.findall(question) if _is_chinese(question) else []


# "What does 330 stand for?": a number asked to be spelt out is a coded name, quoted or not.
# "What does the 330 in the Sunshine 330 program actually stand for?"
_NUMBER_SPELT_OUT = re.compile(
    r"\bwhat (?:does|do|did) (?:the )?(\d[\w+-]*)(?: in(?: the)?(?: [\w'’-]+){1,4}?)? (?:(?:actually|exactly|really) )?"
    r"(?:stand for|mean|refer to)\b",
    re.I,
)


def coded_names(question: str) -> list[str]:
    """The coded names a question quotes: "1+2+3+4", “3+X”, "three fives, three sixes"; not "Sunshine Home"."""
    quoted = ["".join(groups) for groups in _QUOTED_NAME.findall(question)] + _NUMBER_SPELT_OUT.findall(question)
    names = [q for q in quoted if "+" in q or _HAS_NUMBER.search(q)]
    names += [n for n in _PLUS_NAME.findall(question) if not any(n in q for q in names)]
    return names + [n.group() for n in _NUMBER_SLOGAN.finditer(question) if not any(n.group() in q for q in names)]


def _spells_out(text: str, question: str) -> bool:
    """Whether `text` names a coded name of the question and spells it out, not only mentions it."""
    lowered = _unpunctuated(text)  # "three fives three sixes" as the text writes it: "three fives, three sixes"
    named = [n for n in map(_unpunctuated, coded_names(question)) if n in lowered]
    if not named:
        return False
    for name in named:
        lowered = lowered.replace(name, " ")
    return bool(_SPELLS_OUT.search(lowered))


def _unpunctuated(text: str) -> str:
    return re.sub(r"[,，、]", "", text.lower())


_IS_CONTRACTED = re.compile(r"\b(what|who|where|when|how|which)['’]s\b", re.I)
# Chat-box and Shanghainese spellings: "what r the numbers", "how much $ for …", "啥时候建成", "叫啥名字".
_COLLOQUIAL = [
    (re.compile(r"\b(what|who|where|how)s\b", re.I), r"\1 is"),  # "whos the party secretary"
    (re.compile(r"\br\b"), "are"),  # lower case only: not "R&D"
    (re.compile(r"\bu\b"), "you"),  # nor "U Thant"
    (re.compile(r"\bwetin(?: be)?\b", re.I), "what is"),  # Nigerian Pidgin: "wetin be the first meeting"
    (re.compile(r",?\s+(?:lah|leh|lor|meh|hor)\s*(?=[?.!]*\s*$)", re.I), ""),  # Singlish: "… finish by when leh?"
    (re.compile("时侯"), "时候"),  # a common slip of the pen: "啥时侯编完"
    (re.compile("提目"), "题目"),  # ...and a learner's: "报告的提目是什么", "多大年级" (年纪, age)
    (re.compile("(?<=多大)年级"), "年纪"),
    (re.compile(r"\bhow much\s*\$", re.I), "how much money"),
    (re.compile("多少辰光"), "多长时间"),  # "讲了多少辰光": how long
    (re.compile("[啥几]辰光"), "什么时候"),  # Shanghainese: "啥辰光能建好" (when), "要几钿" (how much money)
    (re.compile("几钿"), "多少钱"),
    (re.compile("啥"), "什么"),
    # Hakka and Cantonese: "讲了几多个钟" (how many hours), "管麽个工作" (what).
    (re.compile("几多"), "多少"),
    (re.compile("(?<![什怎那这多要])[么麽]个"), "什么"),
    # Classical written Chinese: "系于何处举行" (where), "于何年建成" (which year), "何街道" (which), "名目为何".
    (re.compile("(?<!位)于何处|在何处"), "在哪里"),  # not 位于何处 (located where)
    (re.compile("何处"), "哪里"),
    (re.compile("何年"), "哪一年"),
    (re.compile("何等|何种"), "什么"),
    (re.compile(f"何(?={_ZH_NAMED})"), "哪个"),
    (re.compile("(?:名目|名称|名字)为何"), "名称是什么"),
    # Cantonese, as typed in Hong Kong (read as simplified first): "讲咗几耐" (how long), "系边三个" (which three),
    # "边个主持" (who), "喺边度开" (where), "边日" (which day), "几多" (how many), "咩" (what).
    (re.compile("几耐"), "多久"),
    (re.compile("几多"), "多少"),
    (re.compile("几时"), "什么时候"),
    (re.compile("边日"), "哪天"),
    (re.compile("边度|边处"), "哪里"),
    (re.compile("边(?:个|位)(?=[?？呀啊㗎呢]|$|出席|主持|讲|发言|负责|参加|去|做)"), "谁"),  # "有边个出席咗": who
    (re.compile("(?<![周旁身两左右东西南北河江海路那这])边(?=[一二三四五六七八九十两几\\d]*[个位间条项种样啲年月类款家场批])"), "哪"),
    (re.compile("乜嘢|咩嘢|乜|咩"), "什么"),
    (re.compile(f"哪只(?={_ZH_NAMED})"), "哪个"),  # Cantonese and Shanghainese count places with 只: "哪只街道"
    (re.compile("点样"), "怎样"),
    (re.compile("点解"), "为什么"),
    (re.compile("喺"), "在"),
    (re.compile("系(?=哪|什么|多少|几|谁|指|咪|唔|在)"), "是"),
    (re.compile("啲"), "些"),
    (re.compile("嘅"), "的"),
    (re.compile("咗"), "了"),
    (re.compile("冇"), "没有"),
    (re.compile("[嗰𠮶]度"), "那里"),
    (re.compile("[嗰𠮶]"), "那"),
]

# A Chinese question with an English word for what it asks ("在哪个 venue 开的", "report 的 title 是什么",
# "一共要改造多少 square meters"): the Chinese word, so that the Chinese patterns read the kind of fact asked.
_CODE_SWITCHED = [
    (re.compile(r"\s*\b(?:venue|location|place)s?\b\s*", re.I), "地点"),
    (re.compile(r"\s*\b(?:title|topic|theme)s?\b\s*", re.I), "题目"),
    (re.compile(r"\s*\b(?:square (?:met(?:er|re)s?|kilomet(?:er|re)s?)|sq\.? ?m|m2|㎡)(?=\W|$)\s*", re.I), "平方米"),
    (re.compile(r"\s*\bhectares?\b\s*", re.I), "公顷"),
    (re.compile(r"\s*\bdeadlines?\b\s*", re.I), "截止日期"),
    (re.compile(r"\s*\bdates?\b\s*", re.I), "日期"),
    (re.compile(r"\s*\bbudgets?\b\s*", re.I), "预算"),
    (re.compile(r"\s*\binvestments?\b\s*", re.I), "投资"),
    (re.compile(r"\s*\bper ?cent(?:age)?\b\s*", re.I), "百分比"),
    (re.compile(r"(?:(?<=GDP )growth(?: rate)?|\bgrowth rate)\b\s*", re.I), "增长率"),  # not a "growth pole"
]


_LEADS_A_CLAUSE = re.compile(r"(?:who|whom|whose|what|which|when|where|how|why|whether|if)\b", re.I)
_ARTICLE = re.compile(r"^(?:the|a|an|that|this|those|these)\s+", re.I)
_COUNTED = re.compile(rf"(?:{_CARDINAL_WORDS}|\d+)\b", re.I)


def _as_question(question: str) -> str:
    """A request as the question it stands for: "Tell me who chaired it" as "who chaired it", "Name the three
    centres" as "which three centres", "Give me the date of the meeting" as "what is the date of the meeting"."""
    request = REQUEST.match(question)
    if not request:
        return question
    rest = question[request.end() :]
    if _LEADS_A_CLAUSE.match(rest):
        return rest
    thing = _ARTICLE.sub("", rest, count=1)
    if (request.group("verb") or "").lower() == "name" or _COUNTED.match(thing):
        return f"which {thing}"
    return f"what is {rest}" if thing != rest or request.group("verb") else f"what is the {rest}"  # "tell me budget …"


# An exam's blank ("Fill in the blank: Minhang will complete ___ pocket parks", "共计划改造______万平方米") is
# what it asks: a number before a noun or unit, else a thing.
_BLANK = re.compile(r"_{2,}|＿{2,}")
_FILL_IN = re.compile(r"^\s*(?:fill in the blanks?|complete the sentence)\s*[:：.-]?\s*|^\s*填空题?\s*[:：]?\s*", re.I)
_NOT_COUNTED_AFTER = re.compile(
    r"(?:the|a|an|of|in|on|at|by|for|to|from|and|or|is|are|was|were|will|has|have|had|which|that|who|as)\b", re.I
)


def _blank_asked(question: str) -> str:
    """"… complete ___ pocket parks" as "… complete how many pocket parks"; "改造______万平方米" as "改造多少万平方米"."""
    if not _BLANK.search(question):
        return question
    question = _FILL_IN.sub("", question)
    chinese = _is_chinese(question)

    def asked(blank: re.Match) -> str:
        after = question[blank.end() :].lstrip()
        if chinese:
            return "多少" if re.match(f"(?:{_ZH_MEASURES}|[万亿%])", after) else "什么"
        if re.match(r"(?:per ?cent\b|%)", after, re.I):
            return "what percentage"
        counted = re.match(r"[A-Za-z]", after) and not _NOT_COUNTED_AFTER.match(after)
        return "how many" if counted else "what"

    return _BLANK.sub(asked, question)


_COMPARED = re.compile(
    r",\s*(?:the\s+)?(?P<a>[\w'’-]+(?:\s+[\w'’-]+)?)\s+or\s+(?:the\s+)?(?P<b>[\w'’-]+(?:\s+[\w'’-]+)?)\s*\??\s*$"
    f"|(?P<c>[{CJK}]{{2,6}}?)(?:和|与|跟|还是)(?P<d>[{CJK}]{{2,6}}?)(?:哪个|哪一个|谁)"
    # Typed as a heading first: "yangpu vs minhang - which one has more major industrial projects".
    r"|^\s*(?P<e>[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:vs\.?|versus)\s+(?P<f>[\w'’-]+(?:\s+[\w'’-]+)?)\s*[-–—:,]",
)


def compared(question: str) -> list[str]:
    """What a comparison compares: "Minhang or Yangpu" -> ["Minhang", "Yangpu"]; "杨浦和闵行哪个…" -> ["杨浦", "闵行"]."""
    found = _COMPARED.search(question)
    return [side for side in found.groups() if side] if found else []


# Words a chat message opens with before it asks ("ok who's the party secretary", "so how many …"): not the question.
_FILLER = re.compile(
    rf"^\s*(?:(?:{CHAT_OPENERS}|so|well|oh|right|and|also|but|now|hey)\b[,.!]*\s+)+(?=[a-z])",
    re.I,
)
# A question typed as the thing it wants ("exact date of the fourth plenary session?") asks what that thing is.
_BARE_THING = re.compile(
    rf"^(?:the\s+)?{_EXACT}(?:dates?|day|deadline|time|year|venue|location|address|name|number|amount|total|budget|cost"
    r"|size|area|population|length|distance)\s+(?:of|for)\s",
    re.I,
)


def plain_question(question: str) -> str:
    """The question as the fact checks read it: "What's" as "What is", chat-box spellings as plain ones, a
    request ("Name the …", "Tell me when …") or a wanted thing ("date of the session?") as a question, and an
    exam's blank as what it asks."""
    question = _FILLER.sub("", ASKED_FOR.sub(" ", spelled_out(question)).lstrip())
    question = _as_question(_IS_CONTRACTED.sub(r"\1 is", _blank_asked(question)))
    if _BARE_THING.match(question):
        question = f"what is the {_ARTICLE.sub('', question, count=1)}"
    for colloquial, plain in _COLLOQUIAL:
        question = colloquial.sub(plain, question)
    if _is_chinese(question) and re.search("[A-Za-z]", question):
        for english, chinese in _CODE_SWITCHED:
            question = english.sub(chinese, question)
    return question


_ASKS_WHO = re.compile(r"\s*(?:who|whom)\b", re.I)


def question_type(question: str) -> str | None:
    """The kind of fact asked for: 'money', 'year', 'length', 'percent', 'title', 'figure', 'number', 'date',
    'count', 'venue', 'place', 'parts', 'list', 'name', 'speech', 'duty', 'hours', 'contact', 'age', 'colour' or
    'person'; None for other questions."""
    # "我年纪大了记性不好。请问……主任叫什么名字?" asks a name, not an age: the kind is read where the question asks,
    # and from the whole only when that says none ("'1+2+3+4' industrial system. Which industries are the 1, 2, 3?").
    asking = asking_part(question)
    return (asking is not None and _kind(asking, coded_names(question))) or _kind(question)


def _kind(question: str, coded: list[str] | None = None) -> str | None:
    """The kind `question` asks; `coded`, the coded names of the whole question when this is its asking part ("the
    annual "three fives, three sixes" objectives. What do the fives and sixes stand for?")."""
    question = _drop_relative_who(plain_question(question))
    if _ASKS_WHO_THEY_ARE.search(question):  # "会上作交流发言的有几位?分别是谁?": the people, not only how many
        return "person"
    coded = coded_names(question) if coded is None else coded
    for kind, pattern in _QUESTION_TYPES:
        if kind == "date" and not pattern.search(_WHEN_CLAUSE.sub(" ", question)):
            continue
        # "Who exactly set out the 'five centers' requirements?" asks for a person, not the parts of a coded name.
        if kind == "parts" and (not coded or _ASKS_WHO.match(question)):
            continue
        if kind == "compare" and not compared(question):
            continue
        if pattern.search(question):
            return kind
    keywords = _KEYWORD_QUERY.match(question)
    return _KEYWORD_KINDS.get(keywords.group(1).lower()) if keywords else None


_ASKS_WHO_THEY_ARE = re.compile(r"(?:分别|各自|都|又)是谁|分别是哪几?位|\bwho (?:are|were) they\s*\??\s*$", re.I)


# A search box's keywords ("Yangpu mayor?", "Yinhang population?", "Sunshine 330 program start year?"): typed as
# keywords (_UNASKED), and the last word names the fact wanted.
_KEYWORD_QUERY = re.compile(
    rf"{_UNASKED}\s*(?:[\w'’&+.-]+\s+){{1,6}}(?<!this )(?<!last )(?<!next )(?<!each )(?<!every )(?<!per )([a-z]+)\s*\??\s*$",  # not "… this year"
    re.I,
)
_KEYWORD_KINDS = {
    **dict.fromkeys(["mayor", "secretary", "chairman", "chairwoman", "chairperson", "director", "head", "chief", "governor", "leader"], "person"),
    **dict.fromkeys(["date", "day", "deadline"], "date"),
    "year": "year",
    **dict.fromkeys(["venue", "location"], "venue"),
    "population": "figure",
    "age": "age",
    "hours": "hours",
    **dict.fromkeys(["km", "kilometers", "kilometres", "hectares", "area", "length"], "length"),
    **dict.fromkeys(["budget", "cost", "investment"], "money"),
}


_NUMBER = r"\d+(?:[,.]\d+)*"  # "10,000", "65.3"; not the comma or stop after it


# A figure guessed after the question ("how many small gardens is it exactly? 117?", "… is it 20?") is what the
# asker wants confirmed: the answer may state it.
_GUESSED = re.compile(rf"(?:[?.!,;]\s*|\b(?:is it|maybe|about|around|roughly|or)\s+)({_NUMBER})\s*(?:,?\s*right\s*)?\?\s*$", re.I)


def _stated_numbers(question: str) -> set[str]:
    """The numbers the question states, not one it guesses."""
    guessed = _GUESSED.search(question)
    return set(re.findall(_NUMBER, question[: guessed.start(1)] if guessed else question))


def _new_numbers(text: str, question: str) -> list[str]:
    """Numbers in `text` that the question does not state; "No. 5530" is an identifier, not a number."""
    asked = _stated_numbers(question)
    return [n for n in re.findall(rf"(?<!No\. )(?<!No\.)(?<![\d,.]){_NUMBER}", text) if n not in asked]


# "How many X (are|did|in …)": X, the things asked to be counted.
_HOW_MANY = re.compile(
    r"\b(?:how many|(?:what|which) (?:is|was|are|were) the (?:total |exact )?number of)\s+(?:(?:are|were)\s+the\s+)?(.{0,60}?)"
    r"(\?|$|\b(?:are|is|was|were|will|did|does|do|has|have|had|in|at|on|that|which)\b)",
    re.I,
)
# "Of the projects, how many already hit their targets", "… a ton of little gardens.. how many exactly": the things
# counted were named before "how many".
_NOT_A_THING = re.compile(
    r"(?:already|still|also|ever|now|then|actually|really|currently|previously|eventually|finally|so far|of them"
    r"|of these|of those|exactly|precisely|in total|altogether|overall|approximately|roughly)\b",
    re.I,
)


def _counted_phrase(question: str) -> str | None:
    """The X of "how many X (did …)", or None when the question names it elsewhere."""
    asked = _HOW_MANY.search(question)
    if not asked or _NOT_A_THING.match(asked.group(1)):
        return None
    # Asked twice, the first is the whole question ("how many of those projects already finished their whole year
    # target ahead of time? how many finish early"): not the short repeat after it, which counts no thing.
    first = re.search(r"\bhow many\b", question, re.I)
    if first and first.start() < asked.start():
        return None
    # "How many major industrial project Minhang is pushing": the things end where the clause's subject, a name
    # right before the verb, begins (not "of New York are", nor "TV networks are", nor "Nobel Laureates are").
    subject = _SUBJECT_BEFORE_VERB.search(asked.group(1)) if asked.group(2).lower() in _AUXILIARIES else None
    if subject and subject.group(1).lower() not in _FUNCTION_WORDS:
        return asked.group(1)[: subject.start(2)]
    return asked.group(1)


_AUXILIARIES = frozenset("are is was were will did does do has have had".split())
_SUBJECT_BEFORE_VERB = re.compile(
    r"\b([a-z][\w'’-]*)\s+((?:[A-Z][\w'’-]*\s*){1,3}(?:(?:district|sub-district|town|city|county|government)\s*)?)$"
)


_NOT_A_QUANTITY = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}\b|\b\d+(?:st|nd|rd|th)\b"
    r"|\b(?:in|since|by|until|from|of|before|after|during|between|and|to)\s+(?:1[5-9]\d\d|20\d\d)\b(?![,.]\d)"
    r"|\d{4}\s*年|\d{1,2}月(?:\d{1,2}[日号])?"  # 2024年, 3月17日: a year and a day, no count
    r"|[二三]次元"  # 二次元经济: the "two-dimensional" (anime) economy
    r"|\b(?:each|every|any|no|this|that|which|the)\s+one\b(?!-)|\bone\s+another\b",  # "comments for each one"
    re.I,
)


_QUOTED = re.compile(r'"[^"]{1,60}"|“[^”]{1,60}”')


def _count_words(text: str, quoted: Set[str] = frozenset()) -> list[str]:
    """Number words that count: "five projects", not the slogans "One South and One North" or "four non-two direct"
    (unless the slogan holds a term of `quoted`, the words a question quotes: how many "centers" are the “five centers”)."""
    plain = _QUOTED.sub(lambda m: m.group() if quoted and quoted & set(terms(m.group())) else " ", text)
    first = len(plain) - len(plain.lstrip())
    found = re.finditer(rf"\b{_CARDINAL_WORDS}\b", plain, re.I)
    return [m.group() for m in found if m.group()[0].islower() or m.start() == first]


# A number in a compound modifier counts nothing ("a three-year plan", "24-hour opening", "the five-type economy")
# unless the question asks for what it counts ("how many yards": "a 22-yard pass"); nor does "the first half".
_COMPOUND = re.compile(rf"\b(?:\d+|{_CARDINAL_WORDS})-(?!(?:{_CARDINAL_WORDS}|thirds?|quarters?|halves|times?)\b)([a-z]+)\b", re.I)
_HALF = re.compile(r"\b(?:first|second|latter|other) half\b", re.I)


def _drop_modifiers(text: str, question: str) -> str:
    if _COMPOUND.search(text):  # most sentences have none: the question's terms are not needed
        counted = _HOW_MANY.search(question)  # "how many years": "a three-year plan" may answer, whatever else is asked
        asked = set(terms(counted.group(1) if counted else question))
        text = _COMPOUND.sub(lambda m: m.group() if set(terms(m.group(1))) & asked else " ", text)
    return _HALF.sub(" ", text)


def _holds_quantity(text: str, question: str) -> bool:
    """A count or amount the question does not state: not an ordinal ("18th"), a day ("August 22") or a year."""
    plain = _PLUS_NAME.sub(" ", _NOT_A_QUANTITY.sub(" ", text))  # "1+2+3+4" names a system, it counts nothing
    plain = _drop_modifiers(plain, question)
    if _new_numbers(plain, question) or _count_words(plain, set(terms(" ".join(_QUOTED.findall(question))))):
        return True
    return any(_zh_counts(m, question) for m in _ZH_QUANTITY.finditer(plain))


def _zh_counts(match: re.Match, question: str) -> bool:
    """A Chinese numeral with its measure word answers a count: not 第七届 (unless asked 第几); nor, unless the
    question counts that measure ("有几项"), the "a" of "一项重要任务", the numbering of "十四届三次会议" (the third
    session of the fourteenth congress) or a quoted slogan's numeral (“三篇大文章”).
    """
    if match.group(1):
        return "第几" in question
    before = match.string[: match.start()]
    numbering = match.group().endswith("届") or match.group().endswith("次") and re.search("届[^,，。;；、]*$", before)
    quoted = re.search("“[^”]*$", before)
    if numbering or quoted or re.fullmatch(f"一\\s*(?:{_ZH_MEASURES})", match.group()):
        measure = re.sub(f"^[{_ZH_NUMERAL}零〇]+\\s*(?:多|余)?\\s*", "", match.group())
        return bool(re.search(f"(?:几|多少){measure}", question))
    return True


_UNITS = (
    r"(?:mu|hectares?|acres?|km|kilometers?|kilometres?|meters?|metres?|square (?:meters?|metres?|kilometers?|kilometres?)|"
    r"tons?|tonnes?|yuan|dollars|kilograms?|kg|miles?)"
)
_KM = r"(?:kilometers?|kilometres?|km)"
_M = r"(?:meters?|metres?|m)"
_KG = r"(?:kilograms?|kg)"
_ASKS_UNIT = re.compile(rf"\bhow many ({_UNITS})\b", re.I)  # "how many mu", "how many kilometers"
# An amount measured in a unit, which does not count things.
_MEASURED = re.compile(
    rf"(\d[\d,.]*|\b{_CARDINAL_WORDS})\s*(?:(?:thousand|million|billion)\s+)?(?:{_UNITS}|%|per ?cent)(?![\w-])", re.I
)
# A number that names, after a capitalised word within a sentence: "Luhui Village 1", "Metro Line 14".
_IDENTIFIER = re.compile(r"(?<=[\w,;] )[A-Z][a-z]+ \d+\b(?![,.]\d)")
# How a unit asked for by name may be written after the number ("how many kilometers": "300 km"); others as asked.
_UNIT_SPELLINGS = {
    "kilometer": _KM,
    "kilometre": _KM,
    "km": _KM,
    "meter": _M,
    "metre": _M,
    "kilogram": _KG,
    "kg": _KG,
    "mile": r"(?:miles?|mi)",
}


# "Of the 20 projects, how many are specifically for elderly care?": the counted things named before, narrowed after.
_HOW_MANY_ARE = re.compile(r"\bhow many\s+(?:are|were|is|was)\s+([^?]+)", re.I)
# ... and "how many is it supposed to be" says nothing of Y.
_HEDGES = frozenset(
    "specifically actually really already still now currently exactly precisely just only supposed meant expected".split()
)


def _says_what_is_counted(text: str, question: str) -> bool:
    """For "of X, how many are Y": the text says something of Y ("elderly care"), not only of X."""
    asked = _HOW_MANY_ARE.search(question)
    if not asked:
        return True
    wanted = set(terms(" ".join(w for w in asked.group(1).split() if w.lower() not in _HEDGES)))
    return not wanted or bool(wanted & set(terms(text)))


def _measures_asked_unit(text: str, question: str) -> bool:
    """"How many mu of farmland": a number of mu, not any number ("Five Good and Two Suitable" villages); and of
    something the question speaks of: "80 hectares of green space" does not say how many hectares the start-up area
    of the Maqiao Future Boat Park covers."""
    asked = _ASKS_UNIT.search(question)
    if not asked:
        return True
    amounts = _amounts_in(text, asked.group(1))
    if not amounts:
        return False
    wanted = set(terms(question)) - set(terms(asked.group(1)))
    # A bare amount ("covers 300 hectares") is of what the sentence speaks of; "N hectares of Y", of Y.
    return any(not m.group(2) or wanted & set(terms(" ".join(_head(text[m.end() :].split()[:4])))) for m in amounts)


# "How big is Minhang in square km?": a unit the answer must be given in.
_IN_UNIT = re.compile(rf"\bin\s+(square\s+)?({_UNITS})\s*\??\s*$", re.I)


def _measures_unit_asked_in(text: str, question: str) -> bool:
    """"How big is Minhang in square km?" wants square kilometres, not "650 mu of forest"."""
    asked = _IN_UNIT.search(question)
    return not asked or _gives_in(text, asked.group(2), square=bool(asked.group(1)))


_ASKS_SIZE = re.compile(r"\bhow (?:big|large)\b|\bsize\b|\bwhat (?:is|was|will be) the (?:total )?area\b", re.I)
_AREA_UNITS = ("mu", "hectare", "acre", "square meter", "square kilometer")


def _sizes_another_thing(text: str, question: str) -> bool:
    """"How big is the Maqiao Future Boat Park?": "80 hectares of green space" is the size of green space, and
    "650 mu of forest area" of a forest, when the question speaks of neither."""
    if not _ASKS_SIZE.search(question):
        return False
    amounts = [m for unit in _AREA_UNITS for m in _amounts_in(text, unit)]
    wanted = set(terms(question))
    return bool(amounts) and all(
        m.group(2) and not wanted & set(terms(" ".join(_head(text[m.end() :].split()[:4])))) for m in amounts
    )


def _gives_in(text: str, unit: str, square: bool = False) -> bool:
    """Whether `text` gives a number in `unit` ("300 km" for "kilometers"), in square units if `square`."""
    return bool(_amounts_in(text, unit, square))


def _amounts_in(text: str, unit: str, square: bool = False) -> list[re.Match[str]]:
    """Each amount in `unit` (in square units if `square`) that `text` gives; group 2 holds an "of" after the unit
    ("80 hectares of green space")."""
    unit = unit.lower().removesuffix("s")
    spelled = _UNIT_SPELLINGS.get(unit, rf"{re.escape(unit)}s?")
    prefix = r"square\s+" if square else ""
    number = rf"(\d[\d,.]*|\b{_CARDINAL_WORDS})\s*(?:(?:thousand|million|billion)\s+)?"
    return list(re.finditer(rf"{number}{prefix}{spelled}\b(\s+of\b)?", text, re.I))


# Measure words and units a Chinese count asks for ("多少个社区", "几篇", "多少平方米"), longest first; people are
# counted with any of 人, 名 and 位.
_ZH_MEASURES = "万平方米|平方公里|平方米|公里|千米|公顷|万元|亿元|[个项家篇年次名位条座所户人米亩元天件批届场份只辆栋套间]"
_ZH_PEOPLE = "人名位"
# A Chinese numeral that counts: "三个", "两项", "二十万居民", not the 一 of 进一步 or 一体化, nor 两会; 第七届 only for 第几.
_ZH_QUANTITY = re.compile(f"(第)?[{_ZH_NUMERAL}零〇]+(?:[万亿]|\\s*(?:多|余)?\\s*(?:{_ZH_MEASURES}))")


def _counts_asked_measure(text: str, question: str) -> bool:
    """"多少个社区" wants a number of 个, not the 三 of "三年行动计划"; "增长目标是多少" takes any number."""
    asked = re.search(f"(?:几|多少)({_ZH_MEASURES})", question)
    number = rf"(?:\d[\d,.]*|[{_ZH_NUMERAL}零〇]+)"
    if not asked:
        if "人口" in question:  # "人口有多少": a number of people ("131万", "20万居民"), not "三个方面"
            people = f"{number}\\s*(?:[万亿]\\s*)?(?:多|余)?\\s*[{_ZH_PEOPLE}口]"
            return bool(re.search(f"{people}|{number}\\s*[万亿](?!\\s*(?:{_ZH_MEASURES}))", text))
        return True
    measure = asked.group(1)
    wanted = f"[{_ZH_PEOPLE}]" if measure in _ZH_PEOPLE else re.escape(measure)
    return bool(re.search(f"{number}\\s*(?:[万亿]\\s*)?(?:多|余)?\\s*{wanted}", text))


def _is_pinyin_name(word: str) -> bool:
    return bool(_PINYIN_WORD.fullmatch(word.lower()))


def _is_headline(text: str) -> bool:
    """A title line ("Quarterly Work Meeting Held April 08"): mostly capitalised words, no closing stop."""
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if len(words) < 8 or text.rstrip().endswith((".", "!", "?", '"', "”", ")", "。")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_TITLES = frozenset("secretary mayor chairman director deputy general vice".split())
# Words that end a body's name, besides those of _NOT_NAMES: "Joint Security Command", "Operation Management Center".
_BODY_WORDS = (_NOT_NAMES - _TITLES) | frozenset(
    """command management operation operations media chamber commerce commission agency administration authority
    ministry union foundation fund bank court assembly center centre unit meeting conference session forum seminar
    summit symposium space park plan project platform zone base station festival alliance association""".split()
)
_OVERLAPPING_PAIRS = re.compile(r"\b(?=([A-Z][a-z'’-]+)\s+([A-Z][a-z'’-]+)\b)")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w'’-]*)+")


# "Who organized the seminar?": a body may be the one ("the Publicity Department of the CPC Yangpu District
# Committee and Yangpu District Integrated Media Center jointly held a seminar").
_ASKS_BENEFICIARY = re.compile(
    r"\bfor (?:whom|who)\b|\bwho(?:m)?\b[^?]*\bfor\s*\??\s*$|\bwho(?:m)?\b[^?]*\b(?:serve|benefit|target|help)s?\s*\??\s*$", re.I
)
_ASKS_ORGANISER = re.compile(r"\bwho (?:jointly |co-?)?(?:organi[sz]ed|sponsored|launched|initiated|hosted)\b", re.I)


def _names_new_body(text: str, asked: Set[str]) -> bool:
    """Whether `text` names a body ("… Integrated Media Center") with a word the question does not use."""
    return not _is_headline(text) and any(
        run.group().split()[-1].lower() in _BODY_WORDS
        and any(w.lower() not in asked for w in run.group().split() if w[0].isupper())
        for run in _CAPITALISED_RUN.finditer(text)
    )


def _part_of_a_body(text: str, start: int, end: int) -> bool:
    """Whether the capitalised pair whose first word is text[start:end] is part of a body's or an event's name:
    "Integrated Media" in "Integrated Media Center", "Work Meeting"; not "Chen Jining" after "Secretary"."""
    run = _CAPITALISED_RUN.match(text, start)
    return bool(run) and any(w[0].isupper() and w.lower() in _BODY_WORDS for w in text[end : run.end()].split())


_OF_A_BODY = re.compile(rf"\b(?:{'|'.join(w.capitalize() for w in sorted(_BODY_WORDS))})\s+of\s+(?:the\s+)?$")


# A capitalised word before one of these is a place's name: "Yinhang sub-district", "Longwu Road".
_PLACE_AFTER = re.compile(r"\s+(?:sub-?(?:district|strict)|district|town(?:ship)?|village|county|road|street|river|island)s?\b")


def _names(text: str) -> list[str]:
    """Capitalised pairs that look like people's names; romanised Chinese names ("Xue Kan") first."""
    if _is_headline(text):
        return []
    pairs = [  # overlapping: "Secretary Chen Jining" holds "Chen Jining"
        (m.group(1), m.group(2))
        for m in _OVERLAPPING_PAIRS.finditer(text)
        if m.group(1).lower() not in _NOT_NAMES
        and m.group(2).lower() not in _NOT_NAMES
        and not _part_of_a_body(text, m.start(1), m.end(1))
    ]
    pinyin = [f"{a} {b}" for a, b in pairs if _is_pinyin_name(a) and _is_pinyin_name(b)]
    if pinyin:
        return pinyin
    # Otherwise any capitalised word inside a sentence ("Galileo", "Geochronologists" after a comma), on its own:
    # "Publicity" of "the Publicity Department" is part of a body's name, and "CPC" an abbreviated one.
    inner = [
        m.group(1)
        for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][a-z][A-Za-z'’-]*)(?![A-Za-z'’-]|\s+[A-Z])", text)  # not "CPC"
        if not re.search(r"[A-Z][\w'’-]*\s+$", text[: m.start()])  # nor the last word of "Joint Security Command"
        and not _OF_A_BODY.search(text[: m.start()])  # nor of "Chamber of Commerce"
        and not _PLACE_AFTER.match(text, m.end())  # nor a place: "Yinhang sub-district will …"
    ]
    names = [f"{a} {b}" for a, b in pairs if a.lower() not in _COMMON_CAPITALISED]
    return names + [w for w in inner if w.lower() not in _NOT_NAMES and w.lower() not in _COMMON_CAPITALISED]


_CALENDAR = re.compile(rf"{_MONTH}|{_WEEKDAY}")
_FUNCTION_WORDS = frozenset(
    "the a an this that these those it its in on at of and or for to by with from as we our they their he she his her "
    "i previously meanwhile however also then there here".split()
)


# Common Chinese surnames, romanised: "Chen Jining" is a person, "San Jose" a city.
_PINYIN_SURNAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
    han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao cui zhong
    tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu yin xue yan duan lei hou tao gu mao hao gong
    shao qian dai kong xiang xi""".split()
)
_POSSESSIVE = re.compile(r"['’]s$")
_TITLE_WORDS = frozenset(
    "secretary general deputy vice committee party municipal government people's congress standing council cpc "
    "communist chairman chairwoman director mayor president governor minister commissioner".split()
)


def _holds_new_name(text: str, question: str) -> bool:
    """A capitalised word the question does not write so, past the first word: "Ruijin Hospital", "Sunshine 330",
    and "Minhang Newspaper" for "which newspaper"; not a title or body ("Secretary of the Municipal Party
    Committee"), nor a person's romanised name ("Chen Jining"), which do not name a district or a market."""
    asked = {_POSSESSIVE.sub("", w) for w in re.findall(r"[^\W\d_][\w'’-]*", question)}
    # A Chinese name typed in lower case is the question's own ("…into yangpu?" is not answered by "Yangpu").
    asked |= {w.capitalize() for w in asked if w.islower() and spells_a_chinese_name(w)}
    pairs = [(a, _POSSESSIVE.sub("", b)) for a, b in _CAPITALISED_PAIR.findall(text)]
    people = {
        w
        for a, b in pairs
        if a.lower() in _PINYIN_SURNAMES and _is_pinyin_name(b) and b.lower() not in _NOT_NAMES
        for w in (a, b)
    }
    words = [_POSSESSIVE.sub("", w) for w in re.findall(r"[^\W\d_][\w'’-]*", text)[1:]]
    return any(
        w[0].isupper()
        and w not in asked
        and w not in people
        and w.lower() not in _FUNCTION_WORDS
        and w.lower() not in _TITLE_WORDS
        and not _CALENDAR.fullmatch(w)
        for w in words
    )


def _names_new_place(after_preposition: re.Pattern[str], text: str, question: str) -> bool:
    """Whether a place's name the question does not give follows one of the pattern's prepositions."""
    places = " ".join(m.group(1) for m in after_preposition.finditer(text))
    # (_holds_new_name passes over a text's first word, a sentence's capital; "at" takes that place.)
    return bool(places) and _holds_new_name(f"at {places}", question)


# "How many hectares has Minhang actually completed so far?" asks what was done; "80 hectares of green space will
# be completed" is a plan's figure, no answer. A sentence that also says what has been done may answer.
_ASKS_DONE = re.compile(
    r"\b(?:actually|so far|to date|already|by now)\b(?=.*\b(?:has|have|had|did|was|were)\b)"
    r"|\b(?:has|have|had|did|was|were)\b(?=.*\b(?:actually|so far|to date|already|by now)\b)",
    re.I,
)
_PLANNED = re.compile(r"\bwill\b|\b(?:plans?|planned|aims?|strives?|expected|is|are) to\b", re.I)
_DONE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}?(?:been\s+)?\w+(?:ed|en|t|un)\b|\b(?:was|were)\s+(?:\w+\s+)?\w+(?:ed|en|t)\b"
    r"|\b(?:already|so far|to date)\b|(?<!\bwill be )\b(?:completed|finished|achieved|reached)\b",
    re.I,
)
_QUANTITIES = frozenset({"count", "number", "figure", "length", "percent", "money"})


_PLACE_SUFFIX = r"(?:town|village|road|street|(?:sub-)?district|county|province|township)"
_ASKED_PLACE = re.compile(rf"\b((?:[\w'’-]+\s+){{1,2}}){_PLACE_SUFFIX}\b", re.I)
_NAMED_PLACE = re.compile(rf"\b((?:[A-Z][\w'’-]*\s+){{1,3}})(?i:{_PLACE_SUFFIX})\b")
_NOT_A_PLACE_NAME = frozenset("which what each every new old whole this that same other central rural urban local no".split())


def _place_words(pattern: re.Pattern[str], text: str) -> set[str]:
    return {
        w
        for m in pattern.finditer(text)
        for w in m.group(1).lower().split()
        if w not in _FUNCTION_WORDS and w not in _NOT_A_PLACE_NAME and not w.isdigit()
    }


def _about_asked_places(text: str, question: str) -> str:
    """`text` without its clauses about another place: for "How many square meters is the old housing on Longwu
    Road?", not "; for the 10,000 square meters of incomplete houses in Xinzhuang Town and Luhui Village 1, …",
    which names other places and not Longwu Road."""
    asked = _place_words(_ASKED_PLACE, question)
    if not asked:
        return text
    kept = []
    # Sentences as the generator splits them (not after "No." or "U.S."), then at semicolons.
    for start, end in sentence_spans(text):
        clauses = re.split(r"(?<=;)\s*", text[start:end])
        named = [_place_words(_NAMED_PLACE, c) for c in clauses]
        about = [bool(named[i] & asked or asked & set(re.findall(r"[\w'’-]+", c.lower()))) for i, c in enumerate(clauses)]
        # A clause naming no place speaks of the place before it, not of one a later clause introduces ("All
        # residents will be relocated before the end of the year, …; for … Luhui Village 1, a plan will be made").
        first_about = about.index(True) if any(about) else -1
        kept += [c for i, c in enumerate(clauses) if about[i] or (not named[i] and i > first_about)]
    return " ".join(kept)


def holds_type(text: str, kind: str | None, question: str, implied: Collection[str] | None = None) -> bool:
    """Whether `text` holds a fact of the kind the question asks for (and not one the question itself states)."""
    if kind is None:
        return True
    if (kind in _QUANTITIES or kind == "date") and not _is_chinese(question):
        text = _about_asked_places(text, question)
    # Asked what was done, planned is no answer ("…, so how much did Minhang say it would add": the question's
    # asking part decides, not a run-up's "I already noted"; read only when the text plans and reports nothing done).
    if kind in _QUANTITIES and _PLANNED.search(text) and not _DONE.search(text):
        if _ASKS_DONE.search(asking_part(question) or question):
            return False
    alone = _ALONE.search(question)  # "how many square meters are in Luhui Village 1 alone": not its share of a sum
    if kind in _QUANTITIES and alone:
        place = re.escape(alone[1])
        if re.search(rf"\band\s+{place}\b|\b{place}\s+and\b", text):
            return False
    if kind == "money":
        return bool(_HAS_MONEY.search(text)) and bool(_HAS_NUMBER.search(text))
    if kind == "age":  # or, in English, the year it began: "How old are the gravestones?" "… dating to 1338"
        return bool(_HAS_AGE.search(text)) or (not _is_chinese(question) and bool(_HAS_YEAR.search(text)))
    if kind == "colour":
        return bool(_HAS_COLOUR.search(text))
    if kind == "fee":
        return bool(_HAS_FEE.search(text))
    if kind in ("year", "date") and _is_chinese(question) and _ASKS_IN_PLAN.search(question) and _PLAN_YEAR.search(text):
        plans = set(re.findall("十[一二三四五]五", question))  # "十四五规划的哪一年": its 收官之年, not the 十五五's
        return plans <= set(re.findall("十[一二三四五]五", text))
    if kind == "year":
        asked = {m.group() for m in _HAS_YEAR.finditer(question)}
        return any(m.group() not in asked for m in _HAS_YEAR.finditer(text))
    if kind == "length":
        return bool(_HAS_LENGTH.search(text)) and _measures_unit_asked_in(text, question) and not _sizes_another_thing(text, question)
    if kind == "figure":  # not "two overall plans", "the Seventh People's Congress", nor the slogan "1+2+3+4"
        text = _IDENTIFIER.sub(" ", _NOT_A_QUANTITY.sub(" ", _QUOTED.sub(" ", text)))  # nor "Luhui Village 1"
        if re.search(r"\bpopulation\b", question, re.I):  # people, not "10,000 square meters" nor "16 projects"
            if not _COUNTS_PEOPLE.search(text):
                return False
            text = _MEASURED.sub(" ", text)
        return bool(_new_numbers(text, question))
    if kind == "number" and _ASKS_ORDINAL.search(question):  # "at which session": the 18th (_ORDINAL, below)
        asked = set(_ORDINAL.findall(question))
        return any(o not in asked for o in _ORDINAL.findall(text))
    if kind in ("count", "number"):
        if _ASKS_ATTENDANCE.search(question) and not _ATTENDED.search(text):
            return False  # "how many people come sit there": who attended, not "200,000 residents"
        if _is_chinese(question):
            return _holds_quantity(text, question) and _counts_asked_measure(text, question)
        if kind == "count" and not _ASKS_UNIT.search(question):
            # "How many buildings" is not answered by "10,000 square meters", nor by the name "Luhui Village 1".
            text = _IDENTIFIER.sub(" ", _MEASURED.sub(" ", text))
        return _holds_quantity(text, question) and _measures_asked_unit(text, question) and _says_what_is_counted(text, question)
    if kind == "percent":
        return bool(_HAS_PERCENT.search(text))
    if kind == "title":
        return bool(_HAS_TITLE.search(text))
    if kind == "date":
        if _dates_another_event(text, question):
            return False
        if _ASKS_DEADLINE.search(question) and not _ENDS_BY.search(text):
            return False
        if _ASKS_FOUNDING.search(question) and _HELD_ON.search(text) and not _FOUNDED.search(text):
            return False
        if _ASKS_APPOINTMENT.search(question) and not _APPOINTED.search(text):
            return False
        if _ASKS_RETURN.search(question) and not _RETURNS.search(text):
            return False  # "when can the residents move back": not when the renovation is completed
        stated = {m.group() for m in _CALENDAR_DAY.finditer(question)}
        if stated:  # "除了3月17日这次会,下一次哪天开": not the day the question gives
            text = _CALENDAR_DAY.sub(lambda m: " " if m.group() in stated else m.group(), text)
        if _ASKS_CALENDAR_DATE.search(question):  # a month and day, not "on Wednesday"
            return bool(_CALENDAR_DAY.search(text))
        if _ASKS_DAY.search(question):  # "on what date": a day, not "at the beginning of 2023"
            return bool(_HAS_DAY.search(text))
        return bool(_HAS_DATE.search(text) or _HAS_DAY.search(text))  # a day is a date: "the first working day of"
    if kind == "venue":
        if re.search(_WHERE_HELD, question, re.I) and not _is_chinese(question):
            # A place's name after "in" or "at" ("in Santa Clara"), not any name ("his inspection of Shanghai").
            if not _is_headline(text) and _names_new_place(_AT_A_PLACE, text, question):
                return True
        return bool(_HAS_VENUE.search(text)) or any(
            place not in question for place in re.findall(rf"[在于]([{CJK}]{{2,12}}?)(?:举行|召开|举办)", text)
        )
    if kind == "name":
        if _is_chinese(question):  # "哪个街道": a 街道 the question does not name ("殷行街道")
            asked = re.search(_ZH_NAMED_ASKED, question)
            noun = asked and (asked.group(1) or asked.group(2))
            noun = "(?:学校|大学|学院)" if noun == "学校" else noun  # "哪个学校": 上海交通大学
            if not asked and _ZH_EVENT_NAME_ASKED.search(question):  # "活动具体叫什么名字": a name in quotes
                return any(m not in question for m in re.findall("[“《]([^”》]{1,30})[”》]", text))
            if not asked:
                return True
            # Not the question's own words again: "行业龙头企业" names none of the 龙头企业 asked for.
            before = re.search(f"([{CJK}]{{2}}){noun}", question)
            generic = before.group() if before and not re.search("哪|什么|啥", before.group(1)) else None
            if generic and re.search(f"[{CJK}A-Za-z]{{2}}等(?:[{CJK}]{{0,2}}){generic}", text):
                return True  # "哔哩哔哩等龙头企业": named before them
            names = re.findall(f"[{CJK}]{{2,8}}?{noun}", text)
            return any(m not in question and not (generic and m.endswith(generic)) for m in names)
        # "Which unit did he inspect?": what it is, when the question does not say ("the water and electricity supply
        # unit"); "which water and electricity supply unit" wants its name.
        unit = re.search(rf"\bwhich\s+(?:[\w'’-]+\s+){{0,4}}?{_NAMED_UNITS}", question, re.I)
        if unit:
            said = {w.lower() for w in re.findall(r"[\w'’-]+", question)} | _FUNCTION_WORDS
            noun = unit.group().split()[-1]
            if any(w.lower() not in said for m in re.finditer(rf"((?:[\w'’-]+\s+){{1,4}}){noun}\b", text) for w in m.group(1).split()):
                return True
        if asks_offer_name(question):
            return _names_offer(text)
        # "Which other sub-district": one named so ("Daqiao Sub-district"); the first "which" is the one asking ("on
        # which road …, of which Yinhang sub-district …").
        first = re.search(r"\b(?:which|what)\b", question, re.I)
        asked = first and _EN_NAMED_ASKED.match(question, first.start())
        if asked and not any(m not in question for m in re.findall(rf"(?:[A-Z][\w'’-]*\s+)+(?i:{asked.group(1)})", text)):
            return False
        return _holds_new_name(text, question)
    if kind == "place":
        if re.search(_ASKS_DESTINATION, question, re.I):  # not where they live now, nor when they move
            return bool(_GIVES_DESTINATION.search(text))
        if _is_chinese(question):  # a place's name the question does not give: "复兴岛", "殷行街道"
            return any(m.group(1) not in question for m in _ZH_PLACE.finditer(text))
        # A place's name after "in", "at", "to" … ("in Gongqing Forest Park", "went to the Joint Security
        # Command"), a building, or where something is "located in the urban-rural fringe".
        if _names_new_place(_TO_A_PLACE, text, question):
            return True
        buildings = {m.group().lower() for m in _HAS_VENUE.finditer(text)}  # not the "centre" asked about
        if any(b.rstrip("s") not in question.lower() for b in buildings) or _LOCATED.search(text):
            return True
        # "Where is the coldest section of Victoria?": "The Victorian Alps … are the coldest part of Victoria."
        return bool(re.search(_WHERE_IS_THING, question, re.I)) and _holds_new_name(text, question)
    if kind == "identity":  # "Chen Huawen, deputy secretary of …", "Party Secretary Chen Jining"
        # The question read as question_type reads it, so that the name is found wherever the kind was: in the
        # part that asks too ("whats Tai Xun's official title? he was listed at the meeting").
        readings = (question, asking_part(question) or question)
        asked = next(
            (m for q in readings for m in (_ASKS_WHO_SOMEONE_IS.search(q), _ASKS_WHO_SOMEONE_IS.search(_drop_relative_who(plain_question(q)))) if m),
            None,
        )
        if not asked:
            return False
        name = re.escape(asked.group("name") or asked.group("owner"))
        return bool(
            re.search(rf"\b{name}\s*(?:[,(]\s*(?:(?:a|an|the)\s+)?(?:[a-z]|{_IDENTITY_WORDS}\b)|\s(?:is|was)\s+(?:a|an|the)\s)", text)
            or re.search(rf"\b{_IDENTITY_WORDS}\b[^.,;]{{0,60}}?\s{name}\b", text, re.I)
            or re.search(rf"\b(?:include|includes|including|such as)\b[^.;]{{0,80}}\b{name}\b", text)  # "musicians include …"
        )
    if kind == "compare":
        return all(re.search(re.escape(side), text, re.I) for side in compared(question))
    if kind == "hours":
        return bool(_HAS_CLOCK.search(text))
    if kind == "contact":
        return bool(_HAS_CONTACT.search(text))
    if kind == "speech":  # reported, and of the speaker asked about: not "Zhou Haiying pointed out" for Zhou Rong
        speaker = _SPEAKER.search(question)
        said_by = next(g for g in speaker.groups() if g) if speaker else ""
        names = re.findall(r"\b[A-Z][\w-]*\b(?!['’])", said_by)
        if not names:  # typed in lower case: a romanised Chinese name ("what did zhou rong say")
            pinyin = re.findall(r"\b[a-z]+\b", said_by)
            names = [w.capitalize() for w in pinyin] if len(pinyin) >= 2 and all(map(_is_pinyin_name, pinyin)) else []
        return bool(_REPORTS_SPEECH.search(text)) and all(re.search(rf"\b{name}\b", text) for name in names)
    if kind == "duty":
        return bool(_ASSIGNS_DUTY.search(text))
    if kind == "parts":
        return _spells_out(text, question)
    if kind == "list":  # "5 projects have completed their targets" counts them; it does not say which
        # "有哪几位副主任": the deputies, not the 主任.
        # Not "书记说要严防哪几类事情": the secretary says it, the list is of kinds of events.
        asks_people = _is_chinese(question) and _ZH_ASKS_PEOPLE.search(question)
        aspect = re.search("从哪[两二三四五六七八九十几]个?方面|哪[两二三四五六七八九十几]个?(街道|镇|部门|单位|企业|公园)", question)
        if aspect and (aspect.group(1) or "方面") not in text:
            # "从哪三个方面来讲": the aspects; "有哪几个街道作了交流发言": sub-districts, not whoever the sentence lists
            return False
        if not _is_chinese(question) and _ASKS_NAMED_LIST.search(question) and not _holds_new_name(text, question):
            return False  # "which companies are these exactly": "leading shipping enterprises" names none
        return bool(_HAS_LIST.search(text)) and (not asks_people or holds_asked_role(text, question))
    if kind == "person":
        if _ASKS_PRESIDER.search(_last_who_clause(question)) and not _PRESIDED.search(text):
            return False
        if not holds_asked_role(text, question, implied):
            return False
        # The name must tell something new: "Quarterly Work" in a headline that repeats the question does not.
        asked = {_POSSESSIVE.sub("", w.lower()) for w in re.findall(r"[A-Za-z'’-]+", question)}
        # Who organised a seminar "on the spirit of the 20th National Congress": bodies, whatever body it was about.
        if not _is_chinese(question) and _ASKS_ORGANISER.search(question) and _names_new_body(text, asked):
            return True
        if not _names_someone_of_the_body(text, question):
            return False
        # "Who was the District Mayor — Xue Kan or Zhou Haiying?": one of the names it offers, not a new one.
        offered = _options(asking_part(question) or question)
        if offered is not None and all(o[:1].isupper() for o in offered) and gives_an_option(text, question):
            return True
        if _is_chinese(question):
            return any(name not in question for name in _ZH_NAME.findall(text))
        # "Who presided over the meeting?" is not answered by whose speech was studied ("Xi Jinping's speech").
        # Nor by a name in quotation marks: the "Healthy Homes" flagship is no one in charge.
        names = [n for n in _names(_QUOTED.sub(" ", text)) if not _POSSESSIVE.search(n)]
        if any(any(_POSSESSIVE.sub("", w.lower()) not in asked for w in name.split()) for name in names):
            return True
        # ...or, for a question about no one in particular (no capitalised name past its first word), a group
        # of people it does not name: "who analyses drill cores?" - "stratigraphers", "the main contractor".
        # A question typed all in lower case ("who ran yangpu's meeting") cannot tell; it wants a name. One that asks
        # for whom something is ("for who is that base?", "who will the base serve?") wants a group, named or not.
        # One that says "name" or "he" wants a name too: "Yinhang party secretary, who is he? name".
        asks_group = _ASKS_BENEFICIARY.search(question)
        if not asks_group and (
            re.search(r"(?<=\w )[A-Z]", question) or not re.search(r"[A-Z]", question) or _ASKS_SOMEONE.search(question)
        ):
            return False
        groups = [m.group() for m in _PEOPLE_WORDS.finditer(text) if m.group()[0].islower() or m.start() == 0]
        return any(w.lower() not in asked and w.lower() not in _NOT_PEOPLE for w in groups)  # not "Center" of a body's name
    raise ValueError(f"unknown answer type {kind!r}")


# "who is he? name": one person, asked by name.
_ASKS_SOMEONE = re.compile(r"\b(?:names?|he|she|him|her)\b", re.I)
# Words the pattern below takes for people's: "further", "major", "sector" …
_NOT_PEOPLE = frozenset(
    """further other others another under over after never ever however rather whether together either neither
    order orders number numbers matter matters water paper papers power powers border borders center centers
    centre centres cluster clusters chapter chapters letter letters quarter quarters character characters
    register winter summer better greater larger higher lower earlier later former latter major minor sector
    sectors factor factors floor floors door doors color colors colour colours error errors mirror corridor
    corridors motor motors anchor indicator indicators interior exterior senior junior superior inferior prior
    monitor monitors behavior behaviour honor honour labor labour favor favour vapor harbor harbour terror horror
    mayor for nor per her""".split()
)
_PEOPLE_WORDS = re.compile(
    r"\b(?:[a-z]+(?:grapher|ologist|ician|ist|eer|or|er)s?|public|owners?|clients?|members|people|residents|citizens"
    r"|students|teachers|officials|workers|farmers|children|parents|employees|staff|volunteers"
    r"|entrepreneurs|returnees|graduates|elderly|seniors|youth|families|households|tourists|visitors)\b(?!['’])",  # not "people's livelihood"
    re.I,
)


_EN_ROLE = re.compile(
    rf"\b(?:who(?:['’]s| (?:is|was|are|were|will be|has been))|names? of)\s+(?:(?:presently|currently|now)\s+)?(?:the\s+)?((?:[\w'’()-]+\s+){{0,3}}?)({_ROLES})\b", re.I
)
# Typed as keywords: "yinhang sub district party secretary name?" (the words before the role, then the role).
_EN_ROLE_NAME = re.compile(rf"\b((?:[\w'’()-]+\s+){{0,3}}?)({_ROLES})(?=\s+names?\s*\??\s*$)", re.I)
_WHO_HEADS = re.compile(r"\bwho (?:heads|headed|is heading|(?P<chairs>chairs|is chairing))\b", re.I)
# A role, and 副 (deputy) or 常务副 (executive deputy) before it.
_ZH_ROLE = re.compile(r"((?:常务)?副)?(书记|区长|市长|县长|镇长|省长|主席|主任|局长|部长|院长|主委|总理)")


# "有哪几位副主任", "哪些人", "哪几个局长": a list of people, who must hold the role asked.
_ZH_ASKS_PEOPLE = re.compile(rf"哪[几些两三四五]?(?:位|个人|些人|名)|哪[几些两三四五]?[个名]?{_ZH_ROLE.pattern}")


# "Who spoke for Daqiao Sub-district": a body the question names, by its last word and its own words.
_BODY_KINDS = frozenset(
    """bureau committee office department center centre council congress government sub-district district
    commission court procuratorate university institute school hospital company group association federation
    village town street""".split()
)
_BODY_KIND_WORDS = "|".join(sorted(_BODY_KINDS))  # as a regex alternation, for a body typed in lower case
_PLACES = frozenset("shanghai china yangpu minhang yinhang municipal city".split())
_PLACE_NAMES = _PLACES - {"municipal", "city"}
_LINKS = frozenset({"of", "and", "the", "for"})
_ZH_BODY = re.compile(f"[{CJK}]{{2}}(?:街道|镇|局)|检察院|法院")


def _names_someone_of_the_body(text: str, question: str) -> bool:
    """A person asked for by the body they speak for or head ("who spoke for Daqiao Sub-district", "代表大桥街道作
    交流发言的人") is named next to that body: a list of the bodies that spoke, with the district secretary's
    comments after it, or a sentence that does not mention the body, names someone else."""
    if _is_chinese(question):
        bodies = [[m.group()] for m in _ZH_BODY.finditer(question)]  # each body by its own words
        names = [(m.start(), m.end()) for m in _ZH_NAME.finditer(text) if m.group() not in question]
        window, bounded = 12, "{}"
    else:
        bodies = []
        for run in _CAPITALISED_RUN.finditer(question[:1].lower() + question[1:]):  # not "Name of the … Bureau"
            words = [_POSSESSIVE.sub("", w) for w in run.group().split()]
            event = re.match(r"\s+(?:meeting|session|conference|seminar|forum)", question[run.end() :], re.I)
            if words[-1].lower() in _BODY_KINDS and not event:  # not "the Standing Committee meeting"
                bodies.append([w for w in words if w.lower() not in _GENERIC_BODIES | _BODY_KINDS | _PLACES | _LINKS])
        window, bounded = 60, r"(?<!\w){}(?!\w)"
        if not any(bodies):  # most questions: the sentence's names are not looked for
            return True
        names = [(m.start(), m.end()) for n in _names(text) if not _POSSESSIVE.search(n) for m in re.finditer(re.escape(n), text)]
    for own in filter(None, bodies):
        mentions = [m for w in own for m in re.finditer(bounded.format(re.escape(w)), text, re.I)]
        if not any(start - window <= m.end() and m.start() <= end + window for m in mentions for start, end in names):
            return False
    return True


_GENERIC_BODIES = frozenset(
    "district sub-district city county town province state municipal party committee people's government".split()
)


def implied_places(question: str, passages: Sequence[tuple[str, str, bool]]) -> dict[str, frozenset[str]]:
    """For each source, the districts the question names (lower-case) that its text may leave implied
    (holds_asked_role): a place some passage writes as a district or sub-district ("Yangpu District"), for a
    source whose document writes every name the question gives. `passages`: (source, text, writes the names)."""
    places = _asked_places(question)
    districts = frozenset(
        p for p in places if any(re.search(rf"\b{p}\s+(?:sub-)?district\b", text, re.I) for _, text, _ in passages)
    )
    return {source: districts if writes else frozenset() for source, _, writes in passages}


_GENERAL = re.compile(r"[\s-]general\b", re.I)  # "Secretary-General"
_GENERAL_BEFORE = re.compile(r"\bgeneral[\s-]+$", re.I)  # "General Secretary"


def holds_asked_role(text: str, question: str, implied: Collection[str] | None = None) -> bool:
    """"Who is the secretary?" wants the secretary: a text naming only a deputy secretary, or no secretary, does not answer.

    English roles the question itself qualifies ("vice president") are not checked; a Chinese role must be in the
    text as asked ("副主任" is not the 主任, nor "区长" the 副区长). With `implied` known (the
    places, lower-case, whose own news the text comes from: such news writes "District Mayor"), a role asked of a
    place ("the mayor of Yangpu", "the Yangpu party secretary") is held where the text names that place, or names
    none and the place is implied; a role the text gives another place ("Secretary of the Shanghai Municipal
    Party Committee") is not. Without it, the place of "the mayor of Yangpu" must be in the text.
    """
    # The role asked is in the sentence that asks: "鹿特丹的议会会议上也有副市长发言。这次杨浦的会议上是哪一位副区长…"
    question = asking_part(question) or question
    if _is_chinese(question):  # "副主任" asked is not answered by the 主任, nor "区长" by the 副区长
        return set(_ZH_ROLE.findall(question)) <= set(_ZH_ROLE.findall(text))
    heads = _WHO_HEADS.search(question)
    match = heads or _EN_ROLE.search(question) or _EN_ROLE_NAME.search(question)
    if not match or not heads and re.search(r"\b(deputy|vice|assistant|former|acting)\b", match.group(1), re.I):
        return True
    role = "head" if heads else match.group(2)
    asks_head = role.lower() == "head"
    if heads and heads.group("chairs"):  # "who chairs the Standing Committee": its chairman, not whoever spoke there
        role = r"chair"
    elif asks_head:  # "who is the head of X", "who heads X": its director, secretary or chief, by title
        role = f"(?:{_ROLES}|chief|leader)"
    # "The party secretary of Minhang District" is not the secretary of the Shanghai Municipal Party Committee.
    # ...nor of Yinhang sub-district, when asked "who is the Party secretary or director of Yinhang sub-district".
    of = r"\s+" if heads else r"\s+of\s+"  # "who heads the Market Supervision Bureau"
    body = re.match(
        rf"(?i:\s+(?:or|and)\s+(?:[\w'-]+\s+){{0,2}}?(?P<other>{_ROLES}))?{of}(?:the\s+)?(?P<body>(?:[A-Z][\w'’-]*\s*)+"
        # ...or typed in lower case: "the head of yangpu's market supervision bureau"
        rf"|(?i:(?:[\w'’-]+\s+){{1,4}}?(?:{_BODY_KIND_WORDS})\b))",
        question[match.end() :],
    )
    # (For "who heads / is the head of Yangpu's …", the district is where it is; the body's own words must be in
    # the text.)
    # A linking word is no body's own word either: "culture and tourism bureau" is not found by its "and".
    skip = (_GENERIC_BODIES | _PLACES if asks_head or implied is not None else _GENERIC_BODIES) | _LINKS
    where = [w for w in body.group("body").split() if _POSSESSIVE.sub("", w).lower() not in skip] if body else []
    if where and not any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in where):
        return False
    if body and body.group("other"):  # "the secretary or director": either one answers
        role = f"(?:{role}|{body.group('other')})"
    places = _asked_places(question) if implied is not None else frozenset()
    asks_general = bool(re.search(r"\bgeneral\b", question, re.I))
    for found in re.finditer(rf"\b{role}", text, re.I):  # not "deputy secretary", nor "deputy party secretary"
        if re.search(r"\b(deputy|vice|assistant)[\s-]+(?:[\w'-]+\s+){0,2}$", text[max(0, found.start() - 40) : found.start()], re.I):
            continue
        # "General Secretary Xi Jinping" (a secretary-general too) is no party secretary of a place.
        if not asks_general and found.group().lower().startswith("secretar"):
            if _GENERAL.match(text, found.end()) or _GENERAL_BEFORE.search(text, 0, found.start()):
                continue
        if not places or places & _places_in(text):
            return True
        if not _places_in(text[max(0, found.start() - 40) : found.end() + 60]) and places & set(implied or ()):
            return True
    return False


def _asked_places(question: str) -> frozenset[str]:
    """The places a question names, lower-case: "Who is Yangpu's party secretary?" -> {"yangpu"}."""
    return frozenset(_POSSESSIVE.sub("", w).lower() for w in re.findall(r"[\w'’-]+", question)) & _PLACE_NAMES


def _places_in(text: str) -> frozenset[str]:
    """The places a text names, lower-case."""
    return frozenset(w.lower() for w in re.findall(r"\w+", text)) & _PLACE_NAMES


def counts_asked_noun(text: str, question: str) -> bool:
    """For "how many X": a count in the text, ideally right before X (checked loosely, by stems).

    Ordinals, days and years are not counts: "the 18th parks meeting" does not say how many parks.
    """
    text = _NOT_A_QUANTITY.sub(" ", text)
    numbers = _new_numbers(text, question) or _count_words(text)
    if not numbers:
        return bool(re.search(f"[{_ZH_NUMERAL}]", text)) and _is_chinese(question)
    if _is_chinese(question):
        return True
    after = _counted_phrase(question)
    if after is None:
        return True
    wanted = set(terms(after))
    if not wanted:
        return True
    return any(wanted & set(terms(window)) for window in _after_counts(text, 60))


_A_COUNT = re.compile(rf"(\d[\d,.]*|\b{_CARDINAL_WORDS}\b)", re.I)


def _after_counts(text: str, width: int) -> Iterator[str]:
    """The `width` characters after each count ("71", "three") in `text`."""
    for match in _A_COUNT.finditer(text):
        yield text[match.end() : match.end() + width]


def counts_asked_phrase(text: str, question: str) -> bool:
    """For "how many X Y" (two words or more): a count followed by exactly X Y ("71 major industrial projects"),
    closer than one that shares a word ("20 major and 59 minor projects")."""
    asked = _counted_phrase(question)
    if asked:  # typed as keywords, the things end where a verb in -ing begins: "major industrial projects pushing …"
        words = asked.split()
        verb = next(
            (i for i, word in enumerate(words) if word.lower().endswith("ing") and len(terms(" ".join(words[:i]))) >= 2), None
        )
        asked = " ".join(words[:verb])
    wanted = terms(asked) if asked else []
    if len(wanted) < 2:
        return False
    return any(terms(window)[: len(wanted)] == wanted for window in _after_counts(text, 80))


_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)


def names_another_ordinal(text: str, question: str) -> bool:
    """"When was the 17th meeting held?" is not answered by a sentence about the 18th meeting (that does not also
    name the 17th)."""
    asked = {o.lower() for o in _ORDINAL.findall(question)}
    found = {o.lower() for o in _ORDINAL.findall(text)}
    return bool(asked and found and not asked & found)


# "Was the meeting held in the morning or in the afternoon?", "口袋公园是20个还是30个?": a choice between two
# options, which an answer must give one of. Not when a clause follows "or" ("…, or would they vary?").
# ("Is there anything for those back from studying or working overseas?" asks whether, not which.)
_EITHER_OR = re.compile(r"^\s*(?:is|was|are|were|will|would|did|does|do|has|have|had|can|could|should)\b(?! there\b)[^?]*?\bor\b", re.I)
# ...or a question that offers its options after a dash, colon or comma: "who was the District Mayor — Xue Kan or
# Zhou Haiying?", "which came first, the park or the road?".
_OFFERED = re.compile(r"[—–:,]\s*(?:[\w'’.-]+\s+){1,3}?or\b(?=\s+(?:[\w'’.-]+\s*){1,3}\??\s*$)")
_AFTER_OR = re.compile(r"\s*(?:is|was|are|were|will|would|did|does|do|has|have|had|can|could|should|it|they|he|she|we|you|i|not)\b", re.I)
_OPTION_SKIP = frozenset("the a an in on at by of to about around roughly some it its this that".split())
_EN_NUMBER = re.compile(r"^\d[\d,.]*$")
_ZH_OPTION_NUMBER = re.compile(rf"\d+月\d+[日号]|\d[\d,.]*[万亿]?|[{_ZH_NUMERAL}]+[个名位项座家次年]")
_QUOTED_OPTIONS = re.compile(r"[\x22“‘']([^\x22”’']{1,40})[\x22”’']\s*(?:or|还是)\s*(?:(?:a|an|the)\s+)?[\x22“‘']([^\x22”’']{1,40})[\x22”’']", re.I)


@lru_cache(maxsize=256)
def _options(question: str) -> tuple[str, str] | None:
    """The two options of an either-or question, as the words that tell them apart ("morning", "afternoon"; "300",
    "500"; "区委大楼", "区政府礼"; quoted ones whole), or None."""
    quoted = _QUOTED_OPTIONS.search(question)
    if quoted and (_is_chinese(question) or _EITHER_OR.search(question)):
        return quoted.group(1), quoted.group(2)
    if _is_chinese(question):
        choice = re.search(r"([^,，。?？;；]{1,16})还是([^,，。?？;；]{1,16})", question)
        if not choice:
            return None
        before, after = choice.group(1), choice.group(2)
        numbers = _ZH_OPTION_NUMBER.findall(before), _ZH_OPTION_NUMBER.findall(after)
        if numbers[0] and numbers[1]:
            return numbers[0][-1], numbers[1][0]
        # "是在区委大楼还是在区政府礼堂开的": "区委大楼", "区政府礼"; "是陆铭还是王浩": the names.
        before, after = re.split("[是在由从为]", re.sub("[的了]+$", "", before))[-1], re.sub("^[在是由于从到的]+", "", after)
        size = min(len(before), len(after), 4)
        return (before[-size:], after[:size]) if size >= 2 else None
    choice = _EITHER_OR.search(question) or _OFFERED.search(question)
    if not choice or _AFTER_OR.match(question, choice.end()):
        return None
    before = re.findall(r"[\w'’.,-]+", question[: choice.end() - 2])[-3:]
    after = re.findall(r"[\w'’.,-]+", question[choice.end() :])[:4]
    before, after = [w.strip(".,") for w in before], [w.strip(".,") for w in after]
    numbers = [w for w in before if _EN_NUMBER.match(w)], [w for w in after if _EN_NUMBER.match(w)]
    if numbers[0] and numbers[1]:
        return numbers[0][-1], numbers[1][0]
    before = [w for w in before if w.lower() not in _OPTION_SKIP]
    after = [w for w in after if w.lower() not in _OPTION_SKIP]
    return (before[-1], after[0]) if before and after else None


# A time of day in its everyday words: any of them says it.
_ZH_TIMES_OF_DAY = {
    word: group
    for group in (("上午", "早上", "早晨", "清晨", "上半天"), ("下午", "午后", "下半天"), ("晚上", "夜里", "夜间", "傍晚", "晚间"))
    for word in group
}


def gives_an_option(text: str, question: str) -> bool:
    """Whether `text` gives one of an either-or question's options (True for other questions)."""
    # The options are in the sentence that asks: "我住的还是厂里分的老工房。…按什么计划?" says "still", not "or".
    options = _options(asking_part(question) or question)
    if options is None:
        return True
    plain = text.replace(",", "")
    for option in options:
        if re.match(r"\d", option):  # "3,000" as a number, not the start of "30,000"
            found = re.search(rf"(?<![\d.]){re.escape(option.replace(',', ''))}(?!\d)", plain)
        elif _is_chinese(option):  # "早上还是下午" is answered by "3月17日上午"
            found = any(word in text for word in _ZH_TIMES_OF_DAY.get(option, (option,)))
        else:  # a longer word by its stem: "declining" finds "declined"
            found = re.search(rf"(?<!\w){re.escape(option if len(option) <= 5 else option[:-3])}", text, re.I)
        if found:
            return True
    return False


_WHICH_N = re.compile(
    r"\b(?:which|what|name|list)\s+(?:(?:are|were)\s+)?(?:the\s+)?(two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+"
    r"((?:[\w'’-]+\s*){1,6})",
    re.I,
)
# After "three social units": the units named next ("…, namely A, B and C", ": A, B", "(A, B)", "are A …").
_NAMED_NEXT = re.compile(r"""\s*(?:[:：(（—–]|-\s|,?\s*(?:namely|including|i\.e\.|such as|like|that is|are|were|is|was)\b|,?\s*["“]?[A-Z])""")
_NAMED_LATER = re.compile(r"[:：]|\b(?:namely|including|such as|i\.e\.|that is)\b", re.I)
_REFERS_BACK = re.compile(r"""(?:\bthe|\bthese|\bthose|\ball|\bits|\btheir|['’]s)\s*["“]?\s*$""", re.I)  # "the three …"
_NAMES_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*(?:,|and|&)\s*[A-Z]")  # "In Keck and Mithouard two importers …"
_APPOSED = re.compile(r"\s*[,—–]\s*(?!\s|(?:and|or|but|which|who|while|so|as|to|in|of|for|with)\b)")


@lru_cache(maxsize=256)
def _asked_count(question: str) -> tuple[int, re.Pattern[str]] | None:
    """For "which three social units …": 3, and a pattern for "three (…) units" as a text would count them; read
    once per question, though the generator asks of every candidate sentence."""
    asked = _WHICH_N.search(question)
    if asked is None or _is_chinese(question):
        return None
    # "which five of the Minhang projects …": the projects.
    words = [w for w in _head(_phrase(_after_of(asked.group(2).split()))) if not _POSSESSIVE.search(w)]
    stems = terms(" ".join(words))
    if not stems:
        return None
    number = asked.group(1).lower()
    n = int(number) if number.isdigit() else _SMALL_NUMBERS.index(number)
    count = re.compile(
        rf"""(?<![\w-])(?:{n}|{_SMALL_NUMBERS[n]})(?![\w-])["”]?(?:\s+[\w'’-]+){{0,3}}?\s+["“]?(?:{"|".join(map(re.escape, stems))})[\w-]*["”]?""",
        re.I,
    )
    return n, count


def counts_without_naming(text: str, question: str) -> bool | None:
    """For "which three social units …": whether `text` counts them ("green spaces affiliated to three social
    units, and …") without naming them (True), counts and names them ("two forms, orientalism and tropicality",
    "four mechanisms …, namely …": False), or does not count them (None). A document that only counts what the
    question asks to be listed does not hold the list."""
    asked = _asked_count(question)
    if asked is None:
        return None
    n, count = asked
    match = count.search(text)
    if match is None:
        return None
    before, after = text[: match.start()], text[match.end() :]
    clause = re.split(r"[,;，；]", before)[-1]
    # "two forms, orientalism and tropicality": a comma or dash, then n things (n separators with it).
    listed = len(re.findall(r"[,—–]|\band\b|\bor\b", re.split(r"[;.]", after)[0])) >= n
    named = (
        _REFERS_BACK.search(before)
        or _NAMED_NEXT.match(after)
        or _NAMED_LATER.search(after)
        or _NAMES_BEFORE.search(clause)
        or (_APPOSED.match(after) and listed)
    )
    return not named


_LAST_YEAR = re.compile(r"(?<!its )(?<!their )(?<!his )(?<!her )\blast year\b|\bthe (?:previous|prior) year\b|去年|上一?年度?", re.I)
_PAST_YEAR = re.compile(r"\blast year\b|\b(?:previous|prior|past) year\b|\b(?:1[5-9]|20)\d\d\b|去年|上一?年|\d{4}年", re.I)


def asks_about_last_year(text: str, question: str) -> bool:
    """Whether the question asks about last year and `text` speaks of no year but this one: "how many greenways
    did Minhang complete last year" is not answered by "30 kilometers of greenways will be completed"."""
    return bool(_LAST_YEAR.search(question)) and not _PAST_YEAR.search(text)


_MAGNITUDES = frozenset("thousand million billion hundred more times percent per".split())


_VAGUE_COUNT = re.compile(
    r"\b(?:a (?:number|batch|series|group|handful|host) of|several|numerous|various|multiple|many|some)((?: [\w'’-]+){1,4})", re.I
)


def counts_vaguely(text: str, asked: str) -> bool:
    """Whether `text` counts the asked thing only vaguely: "introduce a number of iconic and leading corporate
    headquarters" does not say how many headquarters, whatever else it counts ("16 projects")."""
    wanted = set(terms(asked))
    return any(wanted & set(terms(m.group(1))) for m in _VAGUE_COUNT.finditer(_QUOTED.sub(" ", text)))


def counted_things(text: str, question: str) -> tuple[str | None, list[str]]:
    """For an English "how many X": X, and what each count in `text` counts (its noun phrase in the up to five
    words after it: "three major city-level core business centers" are centers, not "major city-level core"),
    for the generator to judge by meaning. ("homes", ["residents come true"]) for "200,000 residents come true".

    A count that counts nothing in particular ("a total of 39.", "39 of them", "3,600 in all") or that counts
    X by its own words makes the list None: it may answer.
    """
    asked = _counted_phrase(question)
    if asked is None or _is_chinese(question):
        return None, []
    asked_words = _measured(asked.split())
    if re.fullmatch(_UNITS, " ".join(asked_words), re.I):
        return None, []  # ...or a unit alone ("how many square meters?", "how many kilometer they make"): holds_type reads the unit
    wanted = set(terms(" ".join(asked_words)))
    plain = _drop_modifiers(_NOT_A_QUANTITY.sub(" ", _QUOTED.sub(" ", text)), question)
    stated = _stated_numbers(question)
    things = []
    for match, after in _counts_and_words(plain, 5):
        if match.group(1) in stated or not (match.group(1) or match.group()[0].islower() or match.start() == 0):
            continue
        if re.fullmatch(r"1[5-9]\d\d|20\d\d", match.group()):  # "a 2012 study": a year
            continue
        words = _measured(after, limit=5)
        if not wanted or not words or words[0].lower() in _MAGNITUDES or wanted & set(terms(" ".join(words))):
            return None, []
        things.append(" ".join(words))
    return " ".join(asked_words), things


_COUNT = re.compile(rf"(?<![\d,.])({_NUMBER})|\b{_CARDINAL_WORDS}\b", re.I)


def _counts_and_words(text: str, n: int) -> Iterator[tuple[re.Match[str], list[str]]]:
    """Each count in `text` ("71", "three") with the up to `n` words after it."""
    for match in _COUNT.finditer(text):
        following = re.match(rf"\s*((?:[A-Za-z][\w'’-]*\s*){{1,{n}}})", text[match.end() :])
        yield match, following.group(1).split() if following else []


_UNIT_OF = re.compile(rf"(?:{_UNITS})\s+of\b", re.I)


def _measured(words: list[str], limit: int | None = None) -> list[str]:
    """What a count counts: its noun phrase (in its first `limit` words), or for a measure what is measured:
    "30 kilometers of greenways" -> "greenways", as "how many kilometers of gas pipelines" asks about "gas
    pipelines"."""
    unit = _UNIT_OF.match(" ".join(words))
    if unit:
        return _head(" ".join(words)[unit.end() :].split()[:limit])
    return _head(words[:limit])


def named_counts(text: str, question: str) -> tuple[str | None, list[str]]:
    """For "how many X": X, and what each count in `text` that shares a word with X counts, for the generator to
    judge by meaning: ("big industrial projects", ["major industrial projects"]) for "71 major industrial
    projects"; "mu of high-standard farmland" keeps what the unit measures."""
    asked = _counted_phrase(question)
    wanted = _phrase(asked.split()) if asked and not _is_chinese(question) else []
    if not wanted:
        return None, []
    plain = _NOT_A_QUANTITY.sub(" ", _QUOTED.sub(" ", text))
    named = []
    for _, after in _counts_and_words(plain, 4):
        counted = _phrase(after)
        if set(terms(" ".join(wanted))) & set(terms(" ".join(counted))):
            named.append(" ".join(counted))
    return " ".join(wanted), named


def _phrase(words: list[str]) -> list[str]:
    """A noun phrase up to its first function word, "of" kept: "mu of farmland will be" -> "mu of farmland"."""
    for i, word in enumerate(words):
        if word.lower() in _FUNCTION_WORDS - {"of"} or word.lower() in _VERBS_AFTER:
            return words[:i]
    return words


_VERBS_AFTER = frozenset("will is are was were be have has had did does do can should would could that which".split())


def _head(words: list[str]) -> list[str]:
    """A noun phrase up to its first function word: "working methods with Yinhang characteristics" -> "working
    methods", "mechanisms of the" -> "mechanisms"; "(half) of the tasks will" -> "tasks"."""
    words = _after_of(words)
    for i, word in enumerate(words):
        if word.lower() in _FUNCTION_WORDS or word.lower() in _VERBS_AFTER:
            return words[:i]
        if word[-1:] in ",;:":  # "80 hectares of green space, 30 kilometers …": the phrase ends at the comma
            return [*words[:i], word[:-1]]
    return words


def _after_of(words: list[str]) -> list[str]:
    """The words after a leading "of the": "of the Minhang projects" -> "Minhang projects"."""
    if words[:1] and words[0].lower() == "of":
        words = words[1:]
        while words and words[0].lower() in {"the", "its", "their", "these", "those", "all"}:
            words = words[1:]
    return words
