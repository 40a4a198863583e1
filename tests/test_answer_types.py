"""The kind of fact a question asks for, and whether a sentence holds one: what lets the generator abstain."""

from __future__ import annotations

import pytest
from test_extractive import flat_idf, hit

from rag.answer_types import (
    asks_about_last_year,
    compared,
    counted_things,
    counts_asked_noun,
    counts_asked_phrase,
    counts_without_naming,
    gives_an_option,
    holds_asked_role,
    holds_type,
    implied_places,
    named_counts,
    plain_question,
    question_type,
    zh_titled_people,
)
from rag.config import Settings
from rag.extractive import ExtractiveGenerator
from rag.generators import make_generator
from rag.pipeline import normalize_question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("By what percentage did Yangpu's GDP grow in the first quarter?", "percent"),
        ("What percent of students graduate?", "percent"),
        ("杨浦区GDP增幅是多少？", "percent"),
        ("陆铭的报告题目是什么?", "title"),
        ("陆铭的报告叫什么名字？", "title"),  # a talk's name is its title (writer MW)
        ("那个专题报告的名称是什么", "title"),
        ("What was the title of the lecture?", "title"),
        ("What is the slogan for Yangpu's annual targets?", "title"),  # a nickname, a slogan, a catchphrase: quoted
        # Typed in a chat box: "$" for money, 啥 for 什么, "r" for "are".
        ("how much $ is minhang putting into the 71 projects in total", "money"),
        ("复兴岛创新基地啥时候建成", "date"),
        ("复兴岛创新基地啥辰光能建好?", "date"),  # Shanghainese (writer XO)
        ("规划编制工作要求在哪个月底前完成?", "date"),  # which month (writer YI)
        ("这个活动要几钿?", "money"),
        # Cantonese as typed in Hong Kong, read as simplified (writer UR): 几耐 how long, 系边位 who, 几时 when (not
        # a count of 时), 系指边三个 which three, 喺边度 where, 几多个 how many.
        ("陆铭那个专题辅导报告讲咗几耐?", "length"),
        ("杨浦区人大常委会主任系边位?", "person"),
        ("复兴岛那个基地预计几时落成呀?", "date"),
        ("“3+X”先导区入面嘅“3”系指边三个产业?", "parts"),
        ("会议喺边度开㗎?", "venue"),
        ("杨浦今年总共有几多个实事项目?", "count"),
        ("她听说区里要大力发展几种新型消费，是哪几种呀？", "list"),  # how many, then which ones (writer UX)
        # Writers TK, TE: a number asked to be spelt out; "which exact calendar date".
        ("Sunshine 330 program - what does 330 stand for", "parts"),
        ("so on which exact calendar date was that meeting held?", "date"),
        # Writers WA and WC: "yr" for year, 时侯 for 时候, 多久 for how long, 哪些数据 for figures; a coded
        # name with 几 for its digit ("几+X") asks the name, not a count.
        ("what yr did the sunshine 330 program start", "year"),
        ("杨浦十五五规划啥时侯编完", "date"),
        # The parts of a coded name, asked "是哪三篇" or by its digits (writer UL).
        ("薛侃说的“三篇大文章”是哪三篇 老师让列出来", "parts"),
        ("what industries are the 1 2 3 and 4 in yangpus 1+2+3+4 system", "parts"),
        ("What are the 3 districts in Shanghai?", None),
        ("陆铭的报告讲了多久", "length"),
        ("What is the total floor area of the old housing on Longwu Road?", "length"),  # writers WH, WQ
        ("What's the warehouse floor area of the Bonded Logistics Center (Type B)?", "length"),  # writer LI
        ("What is the area of focus?", None),
        ("副区长王浩的交流发言具体提到了哪些数据？", "number"),
        ("杨浦要在复兴岛布局的未来产业先导区是“几+X”？", None),
        # "When" opening a later sentence asks a date (writer ZY); a "when" clause before the question does not.
        ("I'm keen on the Airport Link Line. When exactly is it supposed to open to passengers?", "date"),
        ("When Chen Jining visited the market, which district was it in?", "name"),
        ("When Yinhang set out its plans, it talked about a road. Which road was that?", "name"),
        ("When was St. John's Cathedral constructed?", "date"),  # "St." ends no sentence
        # An age, a colour, a portfolio in everyday words (writer XP); "how old was Manning" stays untyped.
        ("上海市委书记陈吉宁今年多大了?", "age"),
        ("他几岁?", "age"),
        ("How old was Manning when he played Super Bowl 50?", None),
        ("how old is xue kan the yangpu party secretary", "age"),  # writer UT
        # Writers VU, VY, UA, WK: dates, a "%", a cost in progress, a place "going to be", a metro line, a heading
        # "X vs Y - which …".
        ("what dates is the spring festival couplets culture festival in yinhang held this year", "date"),
        ("what % of yinhang sub-district's 200k residents are 60+", "percent"),
        ("how much is the yindu road cross-river tunnel costing", "money"),
        ("where exactly are minhang's 20 new pocket parks going to be", "place"),
        ("Where will the new health centre be?", "place"),
        ("去复兴岛坐哪条地铁最方便", "name"),
        ("yangpu district quarterly work meeting april 2024 - who chaired it", "person"),  # after a dash "who" asks (VU)
        ("“3+X”的X是什么意思?", "parts"),  # what a coded name's letter means (writer UH)
        ("量子城市时空创新基地建在哪个地方", "place"),  # where it is built, not a meeting's venue (writer UA)
        ("会议在哪个地方举行", "venue"),
        ("那次会议是在哪个会议室或者哪栋楼召开的?", "venue"),  # writer LJ: the room or building it met in
        ("会议在哪栋大楼开?", "venue"),
        ("At which building or hall in Yangpu was the April quarterly meeting held? Thank you.", "venue"),  # writer LJ
        ("Where they hold the Yangpu quarterly work meeting in April, in which building or hall?", "venue"),  # writer LZ
        ("What does the 330 in the Sunshine 330 program actually stand for?", "parts"),  # writer KC
        ("what does the 330 in sunshine 330 mean, like 3 30 pm classes?", "parts"),  # writer LQ
        ("What did the District Culture and Tourism Bureau say in its speech at the April meeting?", "speech"),  # KC
        # Official English's "comrade" is a person (writer KH).
        ("Please state which leading comrade presided over the said quarterly work meeting.", "person"),
        ("Which responsible comrade delivered the exchange speech on behalf of Daqiao Sub-district?", "person"),
        # The parts of a coded name asked by their numbers (writers LT, LQ).
        ("They keep saying \"1+2+3+4\" industrial system. So which industries are the 1, the 2, the 3 and the 4?", "parts"),
        ("the 1+2+3+4 industry system in yangpu, which industries is the 1 and the 2", "parts"),
        ("yangpu vs minhang - which one has more major industrial projects", "compare"),
        ("What colour are the smart bike shelters in Yinhang?", "colour"),
        ("Is the Sunshine 330 programme free for pensioners?", "fee"),
        ("sunshine 330 in yinhang how do i sign up my kid and is it free", "fee"),  # writer VB
        ("How was the country governed and was it free from foreign rule?", None),
        ("这个讲座收费吗?", "fee"),
        ("Where on Earth is free oxygen found?", None),  # SQuAD: free oxygen is no price
        ("本年度我区高校毕业生就业目标人数为若干?", "count"),
        ("今年核定了多少件补助案件?", "count"),
        ("补助资金一共有多少?", "money"),
        # What a body said in its speech, asked with the topic first or as "report" (fresh tune T, XF).
        ("What topic did Changbai New Village Sub-district talk about in its speech at the quarterly meeting?", "speech"),
        ("What did the District Civil Affairs Bureau report in its exchange speech at the April meeting?", "speech"),
        ("What did the survey report?", None),  # a finding, not a speech
        ("区人大常委会主任程绣明传达了什么?", "speech"),  # what someone conveyed
        ("程绣明传达的是哪次会议的精神?", "speech"),
        ("What color were the footballs?", "colour"),
        ("副区长王浩平时主要管哪些事情?", "duty"),
        ("区检察院主要负责人叫啥名字", "person"),
        ("where r the new stations located", "place"),
        ("What is the R&D budget?", "money"),
        # Typed as keywords into a search box, the question word last or left out (writer ZZ).
        ("minhang 71 major industrial projects total investment?", "money"),
        ("Total investment for the 71 projects, approx in yuan?", "money"),  # the unit asked last (writer XG)
        ("Which projects use investment in dollars?", None),
        ("yangpu 3rd quarter work meeting 2024 when", "date"),
        ("Tell me about the budget", None),
        ("杨浦 2025年 GDP 增长目标 多少", "percent"),
        ("What is the storage capacity of the logistics center after the upgrade?", "figure"),  # a quantity
        ("Yangpu Q1 GDP growth - what's the headline number?", "figure"),  # its subject said first (writer XG)
        ("What is the phone number?", "contact"),
        ("Which industries do the parts of the \"1+2+3+4\" system refer to?", "parts"),
        ("首批试点选在了哪些街道?", "name"),  # 哪些 like 哪个: streets by name
        # Money by its other names; deadlines and dates; opening hours; a way to reach someone.
        ("How much subsidy does Minhang give a manufacturer for a new production line?", "money"),
        ("What fine would a business face for running a factory within a factory?", "money"),
        ("做直播电商的小企业能拿到多少补贴?", "money"),
        ("What's the application deadline for the relief measures?", "date"),
        ("What are the dates of this year's import expo?", "date"),
        ("What are the opening hours of the service station?", "hours"),
        ("Where are the employment service sites, and what hours are they open?", "hours"),  # writer XJ
        ("现在杨浦的区长是哪一位?", "person"),
        # Typed in a hurry: the time of day a meeting started; the money word before "how much".
        ("what time in the morning did the april yangpu meeting start", "hours"),
        ("minhang total budget for the 20 big people projects how much", "money"),
        ("What phone number should I call to reach the service station?", "contact"),
        ("What is the service station's address?", "contact"),
        ("What one-website goal does Yinhang have for government services?", None),
        ("On what calendar date was the fourth plenary session held?", "date"),
        ("On which calendar date did the municipal committee hold its first quarterly work meeting?", "date"),
        ('What are the "two networks" whose efficiency Shanghai aims to improve?', "parts"),  # a coded name spelt out
        ("What are the annual targets nicknamed?", "title"),
        ("How many pocket parks will be built?", "count"),
        ("Who presided over the meeting?", "person"),
        ("What does the plan focus on?", None),
        ("Within what time frame does the district expect transformative change?", "length"),
        ("Whose project experience does Minhang want to spread?", None),  # an owner: a person, a firm, a project
        ("要在实战中增强谁的调度能力?", None),  # 谁的 is "whose", too
        ("What is the total investment for Minhang's 71 major industrial projects?", "money"),
        # What someone said at a meeting; not a fact a speaker stated ("say Steymann was entitled to").
        ("What did Zhou Rong say at the quarterly work meeting?", "speech"),
        ("副区长王浩在交流发言中具体讲了哪些内容?", "speech"),
        ("What did the Court of Justice say Steymann was entitled to?", None),
        ("What second-quarter tasks did Zhou Rong lay out at the meeting?", "speech"),  # what they set out
        ("In what meeting did Shirley lay out plans for 1756?", None),  # where, not what they said
        ("陆铭预测今年中国经济增长率是多少?", "percent"),
        ("What does the number 330 in Yinhang's 'Sunshine 330' program refer to?", "parts"),  # single quotes too
        ("3月17日杨浦区委常委会扩大会议是在什么地方开的?", "venue"),
        ("区政协副主席顾登妹在会上交流发言的主要内容是什么?", "speech"),
        ("请问区政协副主席顾登妹在会上具体讲了些什么?", "speech"),  # 讲了些什么, as people say it
        # A Chinese question with an English word for what it asks is read as if the word were Chinese.
        ("这次区委常委会扩大会议是在哪个 venue 开的?", "venue"),
        ("陆铭那个 report 的 title 是什么?", "title"),
        ("杨浦旧住房成套改造三年行动计划一共要改造多少 square meters?", "count"),  # in 平方米, the measure asked
        ("杨浦2025年的 GDP growth 目标是多少?", "percent"),
        ("杨浦在上海国际科创中心里想做什么 growth pole?", None),  # a growth pole is no rate
        # What a coded name's parts are, asked as what it means or what exactly it holds.
        ("What does the '330' in Yinhang's 'Sunshine 330' program actually mean?", "parts"),
        ("What exactly are the industries in Yangpu's '1+2+3+4' modern industrial system?", "parts"),
        ("what r the actual numbers behind yangpu's three fives three sixes targets", "parts"),  # no quotes
        # "Which of X's projects have …" asks for several (writer ZJ); "Which of his sons completed …" for one.
        ("Which of Minhang's practical projects for the people have already completed their annual targets?", "list"),
        ("Which of Genghis Khan's sons completed the conquest of the Jin dynasty?", None),
        ('What do the "three fives, three sixes" objectives of Yangpu concretely mean?', "parts"),
        ("What happened in the two years after the war exactly?", None),  # one counted word is no slogan
        ("What did vice district mayor Wang Hao 王浩 talk about at the meeting?", "speech"),  # a name glossed in Chinese
        ("How much did it cost to build the stadium?", "money"),
        ("What budget has been allocated for upgrading the health centre?", "money"),
        ("副区长王浩分管哪些工作?", "duty"),  # a portfolio
        ("What is the vice mayor in charge of?", "duty"),
        ("Who is in charge of the project?", "person"),
        ("Which water and electricity supply unit did Chen Jining inspect?", "name"),  # the unit's name
        ("Which unit of measurement is used?", None),
        ("What investment plan did the district adopt?", None),  # a plan, not a sum
        ("What's the total investment for Minhang's 71 major industrial projects?", "money"),  # "what's" is "what is"
        ("whos the party secretary over in min hang like the top guy", "person"),  # typed without the apostrophe
        ("whats the total investment for minhangs 71 major industrial projects", "money"),
        ("总投资是多少?", "money"),
        ("杨浦区检察院检察长叫什么名字?", "person"),  # a head of a body (检察长, 局长) is a person
        ("这条路叫什么名字?", "name"),
        # Mentioning money does not ask for an amount.
        ("How many major industrial projects is Minhang pushing as its main investment growth point?", "count"),
        ("Which program will achieve great social effects with small investment?", "name"),  # the programme's name
        ("Who helped find donors to cover the cost?", "person"),
        ("When did they raise the price of oil to $5.11?", "date"),
        ("What is the name of the party secretary of Yinhang sub-district?", "person"),
        ("What is the name of the program?", "name"),  # a programme goes by a proper name...
        ("What is the name of the process?", None),  # ...a process by a term ("trial division")
        ("What is the name of the unit of force?", None),
        ("Where do most teachers get their credentials from?", None),  # not where a thing is built or located  # ...and a unit of measure by a word ("newton")
        ("Which hospital did Chen Jining inspect?", "name"),
        ("Which newspaper published the report?", "name"),
        ("Which building materials market did Chen Jining inspect?", "name"),  # a market goes by a name...
        ("What kind of market did the city leaders inspect?", None),  # ...a kind of market does not
        ("What market share does the company hold?", None),
        ("What city-wide event did Shanghai hold?", None),  # "city-wide" is not a city
        ("What type of company is Van Gend en Loos?", None),  # a kind of company, not its name
        ("What is the magnitude of force divided by when external force is added?", None),
        ("Which theory suggested people in the tropics were uncivilized?", None),
        ("What is the name of the property that designates a number as being prime or not?", None),  # a term
        ("What is the name of the Pulitzer Prize novelist who was also a university alumni?", "person"),
        # A "who" after a noun opens a relative clause: these ask for sites and a name, not a person.
        ("What service network sites will Minhang rely on to help unemployed graduates who have left school?", None),
        ("Von Braun and Debus reported to who?", "person"),
        ("Ken Fletcher, Rocky Boiman and who else?", "person"),
        ("Name the district mayors who appear in the articles.", "person"),
        # A request asks what the question it stands for asks.
        ("Give me the date of the Yangpu quarterly meeting.", "date"),
        ("What was the date of the meeting?", "date"),
        ("Tell me how many pocket parks Yangpu will build", "count"),
        ("Can you tell me who chaired the meeting?", "person"),
        ("Please kindly tell me when the Yindu Road Cross-River Tunnel is scheduled to open to traffic.", "date"),  # writer MZ
        ("Find the budget for the pocket parks", "money"),
        ("Name the three city-level core business centers Minhang relies on.", "list"),
        ("State the population of Minhang", "figure"),
        ("State Council approval date", "date"),  # keywords that start with a name, not a request: the last word asks
        # A question inside another's asking asks what it asks (writer WP).
        ("grandma asks who the head of Yinhang sub-district is, what's their name?", "person"),
        ("Grandma wants to know when the Yindu Road Cross-River Tunnel will actually open to cars", "date"),
        ("So it opened this year, right? My caller wants to know: how many parks?", "count"),
        # ...and so does a polite "may I know" or "does anyone know" (writer MK).
        ("May I know when the smart elderly care pilot project in Yinhang will be finished for whole sub-district?", "date"),
        ("does anyone know when the Shanghai-Suzhou-Lake Railway will actually open??", "date"),
        ("What did the meeting ask all districts to do?", None),
        # Writers WN, WO, WQ: a heading's date, a name asked after the sentence that describes it, a person.
        ("Completion date for the upgrade of the Yinhang Sub-district Citizen Health Promotion Center", "date"),
        # A preface or afterthought that does not ask says nothing of the kind asked (writer VE), unless the asking
        # sentence says none itself.
        ("不好意思打扰一下，我年纪大了记性不好。请问参加这次区委常委会扩大会议的区人大常委会主任叫什么名字？", "person"),
        ("请问结合自身工作实际作交流发言的那位副区长是谁？我想以后多留意一下他分管的工作。", "person"),
        ("Yangpu want to build \"1+2+3+4\" industrial system. Which industries are the 1, 2, 3 and 4, exactly?", "parts"),
        ("薛侃想把杨浦打造成上海 international 科创中心的什么? 有个 slogan。", "title"),
        # A "numbered name" or "numeric label" is a name written in figures, quoted ("1+2+3+4"); 几加几 asks one too,
        # it counts nothing (writers VE, VF).
        ("In the April meeting, what was the numbered name of the industrial system Yangpu is striving to build?", "title"),
        ("What is the numeric label of the innovative modern industrial system Yangpu wants to build?", "title"),
        ("杨浦未来产业先导区叫啥 几加几那个", None),
        # Keywords, as typed on a phone (writers VF, VH): the fact asked is in them.
        ("15 min employment service site in minhang where exactly is it, which town", "place"),
        ("副区长王浩和区政协副主席顾登妹在会上的交流发言分别围绕哪些具体工作展开？", "speech"),  # writer VN
        # Writer VO: "the actual industries in" a coded name, which of its figures "里头的3" is, and money as "dough".
        ("so that 1+2+3+4 industrial system yangpu keeps braggin about, what are the actual industries in it?", "parts"),
        ("那个“3+X”里头的3到底是哪三个产业啊", "parts"),
        ("how much dough is minhang puttin into them 71 industrial projects total? billions?", "money"),
        ("On what precise date was the fourth plenary session convened?", "date"),  # writer VN
        # "When is X, which …, to open": the question's own "when", not a clause before another question (VN).
        ("When is the Yindu Road Cross-River Tunnel, which Minhang is cooperating on, scheduled to open?", "date"),
        ("sunshine 330 program budget in yinhang", "money"),
        ("total investment amount for minhang 71 industrial projects", "money"),
        ("investment in minhang industrial projects", None),  # a topic, no amount asked
        ("The price of oil is usually a stable commodity until when?", "date"),  # SQuAD: a question word, no keywords
        ("yinhang citizen health promotion center address", "contact"),
        ("hongqiao cbd 16 projects when r they all done", "date"),
        ("The old housing on Longwu Road in Wujing Town — when are they supposed to finish fixing it up?", "date"),
        ("yangpu quarterly work meeting on april 9, where is the meeting place? which building", "venue"),
        ("Zhou Haiying named some annual objectives with a number-y name. What were they called?", "title"),
        ("What is it called when people in society rebel against laws they think are unfair?", None),
        ("Who exactly set out the 'five centers' requirements at the meeting?", "person"),
        ("What exactly are the 'five centers'?", "parts"),
        ('Tell me what the "three fives, three sixes" goals actually are.', "parts"),
        ("副区长王浩在会上交流发言具体讲了点啥?", "speech"),
        ("Which residential compounds in Yinhang are in the smart elderly care pilot", "name"),  # writer WN
        # Writer WQ's hedges between the question word and what it asks.
        ("Which specific five of Minhang's projects met their annual targets ahead of schedule?", "list"),
        ("What exactly did the Dinghai Road Sub-district report in its exchange speech?", "speech"),
        ("Granite is made up largely of what chemical compound?", None),  # a substance, named or not (SQuAD)  # 讲了点什么, what he spoke about (writer WP)
        ("杨浦要布局的以时空智能为核心的未来产业先导区叫什么名字?", "name"),
        ("那位专家叫什么名字?", "person"),
        ("这次区委常委会扩大会议在哪里开的", "venue"),
        ("在哪里开展工作?", None),
        # Writers RF and RI (round one of the twenty-ninth session).
        ("What is the exact number of participants at the conference?", "count"),
        ("区检察院主要负责人的姓名是什么?", "person"),
        ("项目的名字是什么?", None),  # a name, not a person's
        ("yindu road cross river tunnel when finish and open to traffic", "date"),
        ("What did the army do when the war began?", None),  # a conjunction's "when" has a subject after it
        ("shanghai urban renewal promotion conference held where? venue", "venue"),
        ("上海量子城市时空创新基地的建设地点具体在哪里?", "place"),  # a site, not a meeting's venue
        ("杨浦区“完整社区”建设的首批试点街道是哪些?", "name"),
        ("“3+X”未来产业里面,X是什么产业?", "parts"),
        ('"three fives three sixes" targets what numbers r they', "parts"),
        ("how to enroll in the Sunshine 330 program, is there a fee?", "fee"),  # writer RH
        # Writers RO and RQ.
        ("where the Yangpu quarter work meeting held, which building", "venue"),
        ("where exactly is the incubation base going to be located", "place"),
        ("杨浦“十五五”规划编制要求在什么时间节点前完成", "date"),
        ("“3+X”未来产业先导区里面的“X”是什么产业?", "parts"),  # the quoted letter
        ("what does 1+2+3+4 mean for yangpu industry", "parts"),
        ("杨浦搞二次元经济 具体办了啥活动 活动叫啥名", "name"),
        # Writers RV (Portuguese constructions), RW (classical written Chinese) and RY.
        ("which is the total budget of the 20 major and 59 minor practical projects of minhang", "money"),
        ("which are the 5 projects in minhang that completed the annual target?", "list"),
        ("What are the three sources of European Union law?", None),  # a thing's parts, not a named list (SQuAD)
        ("in what moment the Yindu Road Cross-River Tunnel will be open for the traffic?", "date"),
        ("please when the Big Zero Bay special plan it will be finished and published?", "date"),
        ("三月十七日之区委常委会扩大会议,系于何处举行?", "venue"),
        ("上海量子城市时空创新基地位于何处?", "place"),
        ("复兴岛上海量子城市时空创新基地预计于何年建成?", "year"),
        ("“完整社区”建设拟先于杨浦何街道试点?", "name"),
        ("“3+X”未来产业先导区中之“X”,所指系何等产业?", "parts"),
        ("“3+X”里面的三个产业是哪些?", "parts"),
        ("Could you tell me the name of the market which Secretary Chen Jining visited?", "name"),  # a title before a name
        # Writers QC-QE: East African English, an executive's keywords, Hakka.
        ("the building materials market Chen Jining visited on 28th, kindly what is its name", "name"),
        ("“3+X”里面的三个产业是什么", "parts"),
        ("Minhang 20 major + 59 minor livelihood projects - total budget approx RMB?", "money"),
        ("yangpu april meeting, which building they hold it", "venue"),
        # ...but a building asked for itself is no event's venue.
        ("Yinhang sub-district, which building will they upgrade into a service center?", None),
        ("minhang old housing on longwu road, which building number?", None),
        ("陆铭那个报告讲了几多个钟", "length"),
        ("副区长王浩系管麽个工作的", "duty"),
        # Writers QO and QP: a bare length, a scheduled year.
        ("length of the shanghai-suzhou-lake railway section inside minhang?", "length"),
        ("What is the scheduled year of completion of the tunnel?", "year"),
        # Writers QT-QZ: an event's place asked last, a ticket's price, a speaker typed before "say what".
        ("yangpu april quarterly meeting, they hold it where?", "venue"),
        ("gongqing forest park ticket how much for old people", "money"),
        ("market supervision bureau say what at the yangpu meeting", "speech"),
        ("did the yangpu quarterly meeting say what the district gdp growth was", None),
        ("What date exactly did the committee hold its first quarterly meeting?", "date"),
        # Writers PB, PE, PH: "X when it finish", a car assistant's commands, an address, a quoted name asked again.
        ("Maqiao Future Boat Park when it finish build and open for people?", "date"),
        ("give me opening date of yindu road cross river tunnel", "date"),
        ("tell me budget yangpu set for old gas pipeline renovation", "money"),
        ("where is address of Yinhang incubation base", "contact"),
        ("the 'two networks' shanghai keep mentioning, what are the two networks", "parts"),
        ("杨浦区发展直播经济，有哪些龙头企业？", "name"),
        ("为了点燃消费热情,杨浦要让哪类企业发挥引领作用?", None),  # a kind of enterprise, not a name
        ("陆铭在上海交通大学的哪个研究机构任职?", None),
        # Writers PL, PM: an objective's name (quoted by the news), a coded name's parts, a budget in learner's English.
        ("yangpu district mayor talk about annual overall objectives, what is the name of this objectives", "title"),
        ("What are Yangpu's annual overall objectives called?", "title"),
        ("What is the Rhine called in Dutch?", None),
        ("Hongqiao focuses on a 'five-type economy'. what are the five types?", "parts"),
        ("Which two networks are the 'two networks' Shanghai wants to run more efficiently?", "parts"),
        ("how many is the money budget for the 71 major industrial projects in minhang", "money"),
        ("opening hrs of yinhang citizen health promotion center?", "hours"),
        ("陆铭所作专题辅导报告的题名是什么？", "title"),
        # Writer PZ: English with Korean word order.
        ("shanghai first working day urban renewal conference, where held? which building", "venue"),
        ("chen jining check building material market, market name what?", "name"),
        ("yangpu three fives three sixes, each number what mean?", "parts"),
        # Writers PD, PU, PY, PZ: what someone's speech said, a keyword date, Shanghainese "how long".
        ("副区长王浩交流发言 具体讲的啥内容", "speech"),
        ("陆铭讲的啥题目", "title"),  # the title, not the speech
        ("CIIE import expo dates this year? need to book trucks early", "date"),
        ("陆铭的报告讲了多少辰光", "length"),
        # Writers OK-OQ: money typed back to front or asked inside a request, a size in a unit alone, "when they
        # all done", whether there is a date, "where it held", "by what name … objectives", "who's the …".
        ("minhang 71 projects total money how much", "money"),
        ("Total capex for Minhang's 71 major industrial projects?", "money"),
        ("Could you tell me what the total investment budget is for the 71 major industrial projects?", "money"),
        ("big zero bay how big sq km", "length"),
        ("hongqiao 16 projects when they all done", "date"),
        ("Airport Link Line - is there a target opening date for the Minhang section?", "date"),
        ("Yangpu quarterly work meeting april 9, where it held? which building or hall", "venue"),
        ("By what name did the district mayor refer to the annual overall objectives?", "title"),
        ("yinhang subdistrict who's the party sec", "person"),
        ("第一个“完整社区”会在杨浦哪一个街道开始建设?", "name"),
        ("3+X里那3个是啥 X又是啥", "parts"),
        ("顾登妹的交流发言具体谈到了哪些方面的工作?", "speech"),
        ("计划举办哪些活动,活动名称分别是什么?", "name"),
        ("I should like to know the exact calendar date on which the first quarterly work meeting was held", "date"),
        # Writers OT-OY: "in which building or venue did …", "pay how much", "what is the count of", Shanghainese
        # 勒啥地方, and 别光喊口号 (an idiom: "don't just shout slogans") asks for no slogan.
        ("In which building or venue did the 18th Standing Committee meeting take place?", "venue"),
        ("yinhang sunshine 330 class old people pay how much", "money"),
        ("what is the count of residents getting relocated from the Longwu Road old housing?", "count"),
        ("迭趟区委常委会扩大会议勒啥地方开个", "venue"),
        ("旧住房成套改造三年计划一共要改多少户?别光喊口号", "count"),
        # What a body said, with "actually" before "say", reported at a meeting, or asked after naming its speech.
        ("What did the District Market Supervision Bureau actually say in its speech at the April meeting?", "speech"),
        ("What did the district Civil Affairs Bureau report at the Yangpu April quarterly meeting?", "speech"),
        ("YP market supervision bureau exchange speech - what did they report", "speech"),
        # Writers NB-NE: Scots "whit … held in", "what time did he get to", Cantonese "有边个出席咗" (who attended).
        ("whit hall or buildin was the big urban renewal conference held in on the first workin day o' the year", "venue"),
        ("wat time did chen jining get to the new years eve security command", "hours"),
        ("区人大常委会副主任有边个出席咗呀", "person"),
        # Writers NJ-NR: a completion date with three words before "date", a timeline, where someone went, and a
        # relative "which" before a district's own name, which asks for no district.
        ("What is the planned construction completion date of the Yindu Road Cross-River Tunnel in Minhang?", "date"),
        ("What is the timeline for completion of Yindu Road Cross-River Tunnel?", "date"),
        ("where did shanghai party secretary chen jining go on the night of dec 31", "place"),
        ("Please state the additional forest area (with unit) which Minhang District plans to add throughout the year.", None),
        ("Which Yangpu sub-district held the meeting?", "name"),
        # Writers NT-NZ: what time someone went, a place asked after a comma, and "Name that …".
        ("what time on new years eve did Chen Jining go to the security command centre?", "hours"),
        ("chen jining dec 28 surprise check at a building materials market, where was that market", "place"),
        ("Name that building materials market Chen Jining dropped in on without warning on Dec 28!", "name"),
        # "Which programme / campaign / action" asks its name; not "which action plan", named in plain words.
        ("Which programme did Yinhang say they go upgrade so that small investment go bring big social effect?", "name"),
        ("minhang production safety - which action plan are they using for hazardous chemicals", None),
        # Writers MA-MG: a deadline typed as a heading, 人数 (how many people), what kind of area something is in.
        ("yangpu electric bicycle safety governance action completion deadline", "date"),
        ("杨浦今年高校毕业生就业目标人数", "count"),
        ("the building materials market chen jining dropped in on unannounced on dec 28, what kind of area was it in", "place"),
        # Writers JS, UA: how many, and who they are, asks the people.
        ("会上作交流发言的有几位?分别是谁?", "person"),
        ("会上做交流发言的一共几个人 分别是谁", "person"),
        ("会上作交流发言的有几位?", "count"),
        # Writers KP, KQ, JI, IB: Cantonese 边几类 (which kinds) and 哪只街道 (which sub-district), but not 周边 (nearby);
        # a learner's 多大年级 for 多大年纪 (how old); a name asked after a comma.
        ("扩大内需方面，薛侃提到要大力发展边几类新型消费？", "list"),
        ("“完整社区”头一个放在杨浦哪只街道", "name"),
        ("周边几个街道参加了会议?", "count"),
        ("陆铭今年多大年级?", "age"),
        ("参加会议的区检察院主要负责人，叫什么名字呀？", "person"),
        # Writers IB, KQ, KX, JY, KP: "at what o'clock", "how late it stay open", a target date typed as a heading,
        # Singlish "by when leh?", and a budget whose owner takes more words.
        ("The April quarterly meeting in Yangpu, it start at what o'clock in the morning?", "hours"),
        ("friendly neighborhood center on kailu road, how late it stay open", "hours"),
        ("Yindu Road Cross-River Tunnel - target opening date for traffic?", "date"),
        ("The Yindu Road Cross-River Tunnel expected to finish by when leh?", "date"),
        ("What is Yangpu District's total fiscal budget for 2024, as set out at the April quarterly work meeting?", "money"),
        # Writers IA, JE, JQ: what a coded name's numbers correspond to, which figures are its fives, and its parts
        # asked in a sentence after the one that quotes it.
        ("What exact numerical targets do the \"three fives, three sixes\" objectives correspond to?", "parts"),
        ("What are the concrete targets behind Yangpu's \"three fives, three sixes\" goals, i.e. which figures are the fives?", "parts"),
        (
            "Zhou Haiying kept referring to the annual \"three fives, three sixes\" objectives at the Yangpu meeting. What "
            "do the fives and sixes actually stand for, which indicators are they?",
            "parts",
        ),
        ("The safety drive names two networks. Which indicators are they?", "list"),  # no coded name anywhere
        # Writer JM: a search box's keywords, whose last word names the fact; not "… this year", nor a yes/no question.
        ("Yangpu mayor?", "person"),
        ("yangpu Q2 work meeting date", "date"),
        ("Yangpu Q2 meeting venue?", "venue"),
        ("Sunshine 330 program start year?", "year"),
        ("Yinhang population?", "figure"),
        ("Yangpu mayor age?", "age"),
        ("Minhang greenways km?", "length"),
        ("minhang greenway km this year", None),
        ("Is Zhou Haiying the mayor?", None),
    ],
)
def test_question_types(question, kind):
    assert question_type(question) == kind


def test_a_percentage_needs_a_percent_not_just_any_number():
    question = "By what percentage did Yangpu's GDP grow?"
    assert not holds_type("The participants studied the spirit of the 20th National Congress.", "percent", question)
    assert holds_type("GDP grew by 5.2% year on year.", "percent", question)
    assert holds_type("GDP grew 5.2 percent.", "percent", question)
    assert holds_type("地区生产总值增长百分之五。", "percent", "增幅是多少？")


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("At the 18th meeting of the congress held on August 22, the mayor spoke.", False),  # ordinal, day
        ("The plan was adopted in 2024 and revised on 3 May.", False),  # a year, a day
        ("It is the second such plan since 1998.", False),
        ("20 pocket parks will be built this year.", True),
        ("Two new parks and a greenway will open.", True),
        ("The Broncos won 24-10.", True),
        ("Attendance reached 1,500 in 2015.", True),  # the count stays when a year is beside it
        ("今年将新建二十个口袋公园。", True),
    ],
)
def test_a_count_is_not_an_ordinal_a_day_or_a_year(text, holds):
    assert holds_type(text, "count", "How many parks will be built?") is holds
    assert holds_type(text, "number", "What number of parks will be built?") is holds


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("The district held its 18th parks forum this year, with 300 guests.", False),  # an ordinal before "parks"
        ("The second parks plan since 2019 was adopted, with 300 guests.", False),
        ("The district will build 20 parks this year.", True),
        ("The district will build twenty parks this year.", True),
    ],
)
def test_only_a_count_right_before_the_asked_noun_earns_the_bonus(text, counts):
    question = "How many parks will the district build?"
    assert holds_type(text, "count", question)
    assert counts_asked_noun(text, question) is counts


@pytest.mark.parametrize(
    "question",
    [
        "minhang how many major industrial projects pushing construction this yr",  # keywords: the things end at "pushing"
        "how many are the major industrial projects that minhang is pushing the construction this year",  # writer RV
    ],
)
def test_a_count_of_the_asked_phrase_however_the_question_runs_on(question):
    assert counts_asked_phrase("It will build 71 major industrial projects this year.", question)
    assert not counts_asked_phrase("It arranged 20 major and 59 minor projects.", question)


def test_a_count_of_the_whole_asked_phrase():
    question = "How many major industrial projects is Minhang pushing?"
    assert counts_asked_phrase("It will build 71 major industrial projects this year.", question)
    assert not counts_asked_phrase("It arranged 20 major and 59 minor projects.", question)
    assert not counts_asked_phrase("It will build 71 projects.", "How many projects is Minhang pushing?")  # one word: the looser check
    # Writer WX's word order: the name before the verb is the clause's subject, not part of what is counted.
    question = "How many major industrial project Minhang is pushing the construction this year?"
    assert counts_asked_phrase("It will build 71 major industrial projects this year.", question)
    assert not counts_asked_phrase("It arranged 20 major and 59 minor projects.", question)
    # ...but a name that is what is counted stays: "of the prior Super Bowl MVPs", "Nobel Laureates".
    assert counts_asked_phrase("Four Nobel Laureates are alumni.", "How many Nobel Laureates are among the alumni?")


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # "each one", "every one", "one another" point at things; they do not count them (writer VV).
        ("The bureaus gave speeches, and Xue Kan provided work comments for each one.", False),
        ("Every one of the bureaus spoke, and they thanked one another.", False),
        ("The sub-district will renovate one small garden.", True),
        ("The sub-district will open the one-stop service hall and renovate 117 small gardens.", True),
    ],
)
def test_one_as_a_pronoun_is_no_count(text, counts):
    assert holds_type(text, "count", "How many small gardens will Daqiao Sub-district renovate?") is counts


def test_a_title_needs_quotation_marks():
    question = "陆铭的报告题目是什么?"
    assert not holds_type("会议邀请上海交通大学中国发展研究院院长陆铭作专题辅导报告。", "title", question)
    assert holds_type("陆铭作了题为《中国经济和城市发展》的报告。", "title", question)


@pytest.mark.parametrize(
    ("text", "question", "holds"),
    [
        # The deputy is not the secretary; a sentence with no secretary at all does not name one either.
        ("Chen Huawen, deputy secretary of the district party committee and district mayor, spoke.", "Who is the Secretary of the Minhang District Party Committee?", False),
        ("Xue Kan, secretary of the district party committee, spoke.", "Who is the Secretary of the district party committee?", True),
        ("The Market Supervision Bureau gave a speech, and Xue Kan provided comments.", "Who is the director of the Market Supervision Bureau?", False),
        ("Lyndon B. Johnson was Kennedy's running mate.", "Who was Kennedy's vice president?", True),  # the question qualifies the role
        ("区委副书记、区长周海鹰出席。", "区委书记是谁？", False),
        ("区委书记薛侃出席。", "区委书记是谁？", True),
        ("区委副书记、区长周海鹰出席。", "区委副书记、区长是谁？", True),
        ("区政协副主席顾登妹发言。", "区政协主席是哪位？", False),
        # A deputy asked for is not answered by the holder of the role (writer YO).
        ("区人大常委会主任程绣明等领导参加。", "区人大常委会副主任是谁？", False),
        ("区人大常委会副主任李明等领导参加。", "区人大常委会副主任是谁？", True),
        ("Who asked is not about a role here.", "Who presided over the meeting?", True),
        # Three words may qualify the role: "the Minhang District Party secretary" is no deputy secretary.
        ("Zhou Haiying, Deputy Secretary of the District Committee, deployed work.", "Who is the Minhang District Party secretary?", False),
        ("Xue Kan, Secretary of the District Committee, chaired the meeting.", "Who is the Yangpu District Party secretary?", True),
        # "The secretary or director of Yinhang sub-district": either role, but of Yinhang, not of the district.
        ("Xue Kan, Secretary of the District Committee, spoke.", "Who is the Party secretary or director of Yinhang sub-district?", False),
        ("Li Ming, director of the Yinhang sub-district office, spoke.", "Who is the Party secretary or director of Yinhang sub-district?", True),
        # "Who chairs X" wants X's chairman: the mayor reporting at X's meeting is not (writer VV).
        ("At the 18th meeting of the Standing Committee of the People's Congress of Minhang District, Chen Huawen, district mayor, reported.", "Who chairs the Standing Committee of the Minhang District People's Congress?", False),
        ("Tai Xun, Chairman of the District Political Consultative Conference, attended.", "Who chairs the Yangpu District Political Consultative Conference?", True),
        # The role may follow a Chinese word and sit in brackets (writer YF): still no deputy.
        ("Chen Huawen, deputy secretary of the district party committee and district mayor, spoke.", "who is Minhang's 区委书记 (party secretary)?", False),
        ("Xue Kan, secretary of the district party committee, spoke.", "who is Yangpu's 区委书记 (party secretary)?", True),
        # Typed as keywords (writer TT): the role before "name" is asked for, no deputy; a deputy asked is checked no further.
        ("Chen Huawen, deputy secretary of the district party committee and district mayor, spoke.", "yinhang sub district party secretary name?", False),
        ("Xue Kan, secretary of the district party committee, spoke.", "district party secretary name", True),
        ("Chen Huawen, deputy secretary of the district party committee and district mayor, spoke.", "deputy party secretary name", True),
        # "General Secretary Xi Jinping" (or a secretary-general) is no party secretary, unless that is what is asked.
        ("It was specified by General Secretary Xi Jinping, and the district will act on it.", "yangpu district party secretary name", False),
        ("Ban Ki-moon, Secretary-General of the United Nations, spoke.", "Who was the Secretary-General of the United Nations?", True),
        # "who's", and a body typed in lower case (writer RD): the head of that body, not whoever chaired.
        ("Xue Kan, Secretary of the District Committee, chaired the meeting.", "who's the head of yangpu's market supervision bureau?", False),
        ("Wang Wu, Director of the District Market Supervision Bureau, spoke.", "who's the head of yangpu's market supervision bureau?", True),
        # "presently" before the role (writer QP): Yinhang's secretary, not the district's.
        ("Xue Kan, Secretary of the District Committee, chaired the meeting.", "Who is presently the Party Working Committee Secretary of Yinhang sub-district?", False),
    ],
)
def test_who_is_the_role_wants_that_role(text, question, holds):
    assert holds_asked_role(text, question) is holds


def test_a_districts_own_news_may_leave_the_district_implied():
    mayor = "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work."
    shanghai = "Chen Jining, Secretary of the Shanghai Municipal Party Committee, spoke."
    xue = "Xue Kan, Secretary of the District Committee, chaired the meeting."
    assert not holds_asked_role(mayor, "Who is the mayor of Yangpu?")  # not knowing where the text comes from
    assert holds_asked_role(mayor, "Who is the mayor of Yangpu?", {"yangpu"})
    assert not holds_asked_role(mayor, "Who is the mayor of Yangpu?", set())  # from another district's news
    assert not holds_asked_role(mayor, "Who is the mayor of Shanghai?", {"yangpu"})
    # Asked as "the Yangpu party secretary": the Shanghai secretary is not Yangpu's, the district's own is.
    assert not holds_asked_role(shanghai, "Who is the Yangpu party secretary?", {"yangpu"})
    assert holds_asked_role(xue, "Who is the Yangpu party secretary?", {"yangpu"})
    assert holds_asked_role(shanghai, "Who is the party secretary of Shanghai?", set())


def test_a_place_is_implied_for_the_documents_that_name_it_when_some_passage_writes_it_as_a_district():
    passages = [
        ("yinhang.txt", "It will follow the goal of Yangpu District.", True),
        ("yangpu.txt", "Xue Kan, Secretary of the District Committee, chaired.", True),
        ("minhang.txt", "Chen Huawen, district mayor, spoke.", False),  # its document never writes Yangpu
    ]
    implied = implied_places("Who is the party secretary of Yangpu?", passages)
    assert implied == {"yinhang.txt": {"yangpu"}, "yangpu.txt": {"yangpu"}, "minhang.txt": frozenset()}
    # Shanghai is written as no district: a district's news does not leave it implied.
    assert implied_places("Who is the mayor of Shanghai?", passages)["yangpu.txt"] == frozenset()


def test_a_headline_is_not_a_name():
    headline = (
        "Rallying with Full Effort and Resilience in Implementing Strong Chemical Industry Actions | "
        "District Committee and District Government Quarterly Work Meeting Held April 08,2024"
    )
    question = "Who presided over the quarterly work meeting in April 2024?"
    assert not holds_type(headline, "person", question)
    assert holds_type("The meeting was presided over by Xue Kan, secretary of the district committee.", "person", question)


def test_generator_abstains_rather_than_name_a_deputy():
    text = (
        "Chen Huawen, deputy secretary of the district party committee and district mayor, made a report. "
        "The meeting was held on August 22."
    )
    answer = ExtractiveGenerator(idf=flat_idf, abstain_threshold=0.15).generate(
        "Who is the Secretary of the Minhang District Party Committee?", [hit(text)]
    )
    assert answer.abstained and not answer.citations


def test_narrowing_keeps_the_number_of_the_asked_for_things():
    sentence = (
        "Chen Huawen said that regarding the construction of Hongqiao International Central Business District, "
        'we need to enhance the industry level, focus on the "five-type economy", implement the "headquarters '
        'capacity enhancement" action, introduce a number of iconic and leading corporate headquarters; speed up '
        "the construction progress of 16 projects that have already started, and ensure that a number of projects "
        "are completed and put into production."
    )
    question = "How many already-started projects in the Hongqiao International Central Business District should be sped up?"
    answer = ExtractiveGenerator(idf=flat_idf, abstain_threshold=0.15).generate(question, [hit(sentence)])
    assert not answer.abstained
    assert "16 projects" in answer.text  # not cut down to the clauses with "five-type economy"


def test_a_time_frame_spelled_out_in_words_is_answered_not_abstained():
    question = "Within what time frame does the district expect transformative change?"
    text = "The district aims for annual improvement and transformative change over three years."
    assert holds_type(text, question_type(question), question)
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(text)])
    assert not answer.abstained and "three years" in answer.text
    assert not holds_type("The district aims for transformative change.", question_type(question), question)


def test_the_name_of_a_role_wants_a_person_who_holds_that_role():
    question = "What is the name of the party secretary of Yinhang sub-district?"
    assert not holds_type("It selects senior and junior party secretaries to build secretarial teams.", "person", question)
    assert not holds_type("Li Ming, deputy party secretary of Yinhang sub-district, spoke.", "person", question)
    assert holds_type("Li Ming, party secretary of Yinhang sub-district, spoke.", "person", question)


def test_which_sub_districts_wants_sub_districts_named():
    # Writers LY, KA: "有哪几个街道作了交流发言" is not answered by the deputy mayor and a vice chairwoman.
    question = "2024年4月杨浦区季度工作会议上,有哪几个街道作了交流发言?"
    assert not holds_type("副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", "list", question)
    assert holds_type("定海路街道、大桥街道、长白新村街道作交流发言。", "list", question)


def test_which_leading_comrade_presided_wants_whoever_chaired():
    question = "Please state which leading comrade presided over the said quarterly work meeting."
    assert not holds_type("Chen Huawen, deputy secretary and district mayor, gave a detailed introduction.", "person", question)
    assert holds_type("Xue Kan, Secretary of the District Committee, chaired the meeting.", "person", question)


def test_the_head_of_a_body_is_found_by_the_bodys_own_words_not_its_and():
    # Writer LV: "culture and tourism bureau" was found in any sentence with an "and" in it.
    question = "who's the head of the yangpu culture and tourism bureau that spoke at the april quarterly meeting?"
    assert not holds_type("Xue Kan, Secretary of the District Committee, chaired the meeting and spoke.", "person", question)
    assert holds_type("Li Ming, director of the District Culture and Tourism Bureau, spoke.", "person", question)


def test_the_role_asked_is_in_the_sentence_that_asks():
    # Writer MO: the deputy mayor of Rotterdam's council, told of first, is not the role asked for.
    question = "鹿特丹的议会会议上也有副市长发言。这次杨浦的会议上是哪一位副区长作了交流发言?"
    assert holds_type("副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", "person", question)
    assert not holds_type("区委书记薛侃出席会议并讲话。", "person", question)


def test_a_count_question_that_mentions_investment_is_answered_with_the_count():
    question = "How many major industrial projects is Minhang pushing to build as its main investment growth point?"
    text = (
        "Minhang held its congress in January. We must take industrial investment as the main growth point and "
        "fully promote the construction of 71 major industrial projects."
    )
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(text)])
    assert not answer.abstained
    assert "71 major industrial projects" in answer.text


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("On December 28, Chen Jining visited Ruijin Hospital.", True),
        ("Source: Minhang Newspaper", True),  # the asked-for noun, capitalised, is part of the name
        ("Previously, on December 28, Chen Jining visited medical institutions. The work goes on.", False),
    ],
)
def test_which_hospital_wants_a_name_the_question_does_not_give(text, holds):
    question = "Which hospital or newspaper did Chen Jining visit on December 28 in Minhang?"
    assert holds_type(text, "name", question) is holds


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        # Writer UP: the district the question types in lower case is its own, not a name the text gives.
        ("seizing the opportunity of leading shipping enterprises consolidating in the district, to cluster in Yangpu.", False),
        ("COSCO Shipping and Sinotrans moved their business segments into Yangpu.", True),
    ],
)
def test_which_companies_wants_a_name_besides_the_district_asked_about(text, holds):
    assert holds_type(text, "name", "which leading shipping companies moved their business segments into yangpu?") is holds


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        # Writers MU, UD, YD: where they are moved to, not when, nor where the housing they leave is.
        ("All residents will be relocated before the end of the year.", False),
        ("The renovation of the old housing in No. 5530, Longwu Road, Wujing Town will be completed by the end of September.", False),
        ("The residents will be relocated to Xinzhuang Town.", True),
        ("Schirra, Eisele and Cunningham were reassigned as the Apollo 1 backup crew.", True),
    ],
)
def test_where_they_are_moved_to_wants_the_destination(text, holds):
    question = "where are the Longwu Road residents being relocated to?"
    assert question_type(question) == "place"
    assert holds_type(text, "place", question) is holds


@pytest.mark.parametrize(
    ("question", "text", "holds"),
    [
        # Writer MO: "which companies are these exactly" wants companies named, not "leading shipping enterprises".
        (
            "The Yangpu meeting says leading shipping companies are consolidating business segments in the district, which companies are these exactly?",
            "Serve the construction of the international shipping center, seizing the opportunity of leading shipping enterprises’ business segments consolidating in the district, vigorously developing digital services, intelligent operations, smart equipment,",
            False,
        ),
        (
            "Which three organisations in Minhang are opening up their green spaces to the public this year?",
            "This year, we will promote the orderly opening of green spaces affiliated to three social units, and actively explore the normal and long-term management.",
            False,
        ),
        (
            "Which three sub-districts delivered exchange speeches at the quarterly meeting?",
            "Changbai Sub-district, Wujiaochang Sub-district, and Yinhang Sub-district delivered exchange speeches.",
            True,
        ),
    ],
)
def test_which_named_things_wants_their_names(question, text, holds):
    assert holds_type(text, "list", question) is holds


def test_the_things_counted_may_be_named_before_how_many():
    # Writer UW: "how many exactly" and "how many is it supposed to be" count what the sentence before names.
    text = "implement small renovation projects in 117 small gardens to create public space"
    assert counted_things(text, "doing small renovations in a ton of little gardens.. how many exactly") == (None, [])
    projects = "fully promote the construction of 71 major industrial projects"
    assert holds_type(projects, "count", "pushing a pile of major industrial projects. how many is it supposed to be")
    # Writer MB: asked twice, the short repeat after the question ("how many finish early") counts no thing.
    done = "Among them, 5 projects have completed their annual targets ahead of schedule."
    asked = "how many of those projects already finished their whole year target ahead of time? how many finish early"
    assert counted_things(done, asked) == (None, [])
    # "How many are they opening" still asks of the opening.
    assert not holds_type(projects, "count", "old people's canteens, how many are they opening")


def test_the_actual_date_is_a_calendar_day():
    text = "The municipal party committee study seminar last week and the fourth plenary session the week before."
    assert not holds_type(text, "date", "what was the actual date of the fourth plenary session")  # writer TA
    assert holds_type("The plenary session was held on December 20.", "date", "what was the actual date of the plenary session")


def test_an_age_is_given_in_years_or_by_the_year_it_began():
    assert not holds_type("Xue Kan, Secretary of the District Committee, chaired the meeting.", "age", "how old is xue kan")
    assert holds_type("Nestorian graves dating to 1338–39 refer to plague.", "age", "How old are the gravestones?")
    assert holds_type("He is 56 years old.", "age", "how old is he")


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # Writer UN: a figure guessed after the question may be the answer ...
        ("how many small gardens is it exactly? 117?", True),
        ("how many small gardens will get small renovations, is it 117?", True),
        # ... a figure the question states is not.
        ("how many of the 117 small gardens will be renovated?", False),
    ],
)
def test_a_guessed_figure_may_answer_a_count(question, holds):
    assert holds_type("implement small renovation projects in 117 small gardens", "count", question) is holds


@pytest.mark.parametrize(
    ("question", "holds"),
    [
        # Writers WO, WH: a measure in a clause about other places does not answer for the place asked about ...
        ("How many square meters is the old housing at No. 5530 Longwu Road in Wujing Town?", False),
        # ... but does for one of them, or when the question names none.
        ("how many square meters of incomplete houses in xinzhuang town need a plan", True),
        ("how many square meters of incomplete houses need a plan", True),
    ],
)
def test_a_quantity_answers_for_the_place_its_clause_is_about(question, holds):
    text = (
        "The renovation of the old housing in No. 5530, Longwu Road, Wujing Town will be completed by the end of "
        "September; for the 10,000 square meters of incomplete houses in Xinzhuang Town and Luhui Village 1 in Pujiang "
        "Town, a complete renovation plan will be formulated as soon as possible."
    )
    assert holds_type(text, "count", question) is holds


def test_a_date_before_the_clause_naming_the_asked_place_is_not_about_it():
    # Writers TR, VM: the relocation date comes before the clause that introduces Luhui Village 1.
    text = (
        "All residents will be relocated before the end of the year, and the construction will be fully started "
        "before the end of the year; for the 10,000 square meters of incomplete houses in Xinzhuang Town and Luhui "
        "Village 1 in Pujiang Town, a complete renovation plan will be formulated as soon as possible."
    )
    assert not holds_type(text, "date", "when do the luhui village 1 residents in pujiang town have to move out")
    assert holds_type(text, "date", "when will all residents be relocated")
    # A clause naming no place after the one naming the asked place still speaks of it.
    after = "The Longwu Road renovation starts in May; it will be completed by the end of September."
    assert holds_type(after, "date", "When will the Longwu Road renovation be completed?")


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        # Writers TU, TK: a city's "sub-center" or its "five centers" are no place to meet.
        ("It will promote the construction of a sub-center of civilized practice.", False),
        ("Serve the construction of the international economic center and Shanghai's five centers.", False),
        ("The meeting was held at the District Government Building.", True),
    ],
)
def test_a_venue_is_a_place_to_meet(text, holds):
    assert holds_type(text, "venue", "where was the yangpu quarterly meeting held, what building") is holds


def test_who_someone_is_may_be_asked_before_an_afterthought():
    # Writer TW: the title is asked in the first sentence, and the second says where the name was seen.
    question = "whats Tai Xun's official title? he was listed at the district quarterly work meeting"
    assert question_type(question) == "identity"
    assert holds_type("Tai Xun, Chairman of the District Political Consultative Conference, attended.", "identity", question)
    assert not holds_type("Tai Xun attended the meeting.", "identity", question)


def test_a_body_may_be_who_organized_something():
    # Writer TW: the seminar was organized by two bodies, no person; "who ran the meeting" still wants a person.
    text = (
        "At the beginning of 2023, the Publicity Department of the CPC Yangpu District Committee and Yangpu District "
        "Integrated Media Center jointly held a seminar."
    )
    assert holds_type(text, "person", "who organized the seminar in yangpu at the start of 2023")
    assert not holds_type(text, "person", "who ran the seminar in yangpu at the start of 2023")
    assert not holds_type("The District Committee held a seminar.", "person", "who organized the District Committee seminar")
    # Writers JB, LA: "jointly organized", "co-hosted", and a seminar about a body ("the 20th National Congress"),
    # which is not a body the organisers speak for.
    topic = "Who jointly organized the early-2023 Yangpu seminar on studying the spirit of the 20th National Congress?"
    assert holds_type(text, "person", topic)
    assert holds_type(text, "person", "Who co-hosted the early-2023 Yangpu seminar on the spirit of the 20th CPC National Congress?")


@pytest.mark.parametrize(
    ("question", "text", "holds"),
    [
        # Writers TW, TA: when someone took a post, which the sentence must say they took.
        ("when did xue kan become yangpu district party secretary", "Xue Kan noted that since the beginning of this year, the district worked hard.", False),
        ("when did xue kan take over as yangpu district party secretary", "Xue Kan was appointed secretary in March 2021.", True),
        ("When was Iqbal elected president of the Muslim League?", "Iqbal was elected president of the League in 1930.", True),
        # Becoming something else is not taking a post.
        ("When did Tesla become a US citizen?", "Tesla lived in New York from 1884, and in 1891 he was naturalized.", True),
    ],
)
def test_when_someone_took_a_post_needs_the_taking(question, text, holds):
    assert holds_type(text, "date", question) is holds


def test_which_hospital_alone_wants_one_named_hospital():
    # Writers UJ, WV, YN: any capitalised name does not answer "which hospital".
    assert not holds_type("Chen Jining, Secretary of the Shanghai Municipal Party Committee,", "name", "chen jining go which hospital name")
    assert holds_type("Chen Jining visited Ruijin Hospital on Monday.", "name", "Which hospital did Chen Jining visit?")


def test_which_hospital_abstains_when_no_hospital_is_named():
    question = "Which hospital did Chen Jining inspect during his December 28 visit to medical institutions?"
    vague = (
        "On December 28, Chen Jining inspected the water supply unit and visited the building materials market, "
        "reconstruction sites and medical institutions."
    )
    generator = ExtractiveGenerator(idf=flat_idf)
    assert generator.generate(question, [hit(vague)]).abstained
    named = vague.replace("medical institutions.", "medical institutions, among them Ruijin Hospital.")
    answer = generator.generate(question, [hit(named)])
    assert not answer.abstained and "Ruijin Hospital" in answer.text


def test_a_bare_number_in_the_next_sentence_does_not_answer_how_many():
    question = "How many households will be relocated from the old housing on Longwu Road in Wujing Town?"
    text = "Wujing Town will relocate households from the old housing on Longwu Road. 30 new buses will run."
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(text)]).abstained


def test_how_many_mu_wants_a_number_of_mu():
    question = "How many mu of high-standard farmland will Minhang build south of the Dazhi River?"
    slogans = 'It will build the "One Belt and Six Villages" area and the "Five Good and Two Suitable" pilot projects.'
    assert not holds_type(slogans, "count", question)
    assert holds_type("Minhang will build 650 mu of high-standard farmland.", "count", question)
    assert holds_type("Minhang will build two thousand mu of farmland.", "count", question)
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(slogans)]).abstained


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("The district will make breakthroughs in three aspects and pay attention to four key points.", False),
        ("At the 18th meeting of the Seventh People's Congress, the One South and One North strategy was set.", False),
        ("Minhang has 2.65 million permanent residents.", True),
        # A percentage, an area or the number in a name is no population (writer YL).
        ("GDP grew by 5.2 percent year on year.", False),
        ("For the 10,000 square meters of incomplete houses in Xinzhuang Town and Luhui Village 1, work starts.", False),
    ],
)
def test_a_rate_or_a_population_is_a_figure_in_digits(text, holds):
    assert question_type("What was the ratio of British settlers to French?") == "figure"
    assert question_type("What is the population of Minhang District?") == "figure"
    assert holds_type(text, "figure", "What is the population of Minhang District?") is holds
    assert holds_type("GDP grew by 5.2 percent year on year.", "figure", "What is the capacity utilisation rate?")


def test_the_secretary_of_a_district_is_not_the_secretary_of_the_city():
    question = "Who is the party secretary of Minhang District?"
    assert not holds_type("Chen Jining, Secretary of the Shanghai Municipal Party Committee, spoke.", "person", question)
    assert holds_type("Li Ming, secretary of the Minhang District Party Committee, spoke.", "person", question)
    assert holds_type("Chen Jining, Secretary, spoke.", "person", "Who is the party secretary?")


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ('It carries out the "One South and One North" strategy of the Seventh People\'s Congress.', False),
        ('He inspected the sites in a "four non-two direct" approach.', False),
        ("Five projects have completed their annual targets.", True),  # capitalised only as the first word
        ("It will build five projects this year.", True),
    ],
)
def test_number_words_in_slogans_and_names_are_not_counts(text, holds):
    assert holds_type(text, "count", "How many of them are there?") is holds


@pytest.mark.parametrize(
    ("question", "text", "holds"),
    [
        ("At what venue was the quarterly work meeting held on April 9?", "On April 9, the quarterly work meeting was held.", False),
        ("At what venue was the quarterly work meeting held?", "The meeting was held in the district conference hall.", True),
        ("3月17日的区委常委会扩大会议在什么地点举行?", "3月17日上午,区委常委会扩大会议暨区委中心组学习会举行。", False),
        ("3月17日的会议在什么地点举行?", "3月17日上午,会议在区政府举行。", True),
        ("3月17日的会议在什么地点举行?", "会议在区行政中心礼堂召开。", True),
    ],
)
def test_a_venue_question_wants_a_place_the_question_does_not_give(question, text, holds):
    assert question_type(question) == "venue"
    assert holds_type(text, "venue", question) is holds


def test_a_unit_asked_by_name_may_be_abbreviated_and_a_rate_of_change_is_not_a_figure():
    question = "How many kilometers is Warsaw from the Carpathian Mountains?"
    assert holds_type("Warsaw lies about 300 km (190 mi) from the Carpathian Mountains.", "count", question)
    assert question_type("What is the time rate of change of electric charge?") is None


@pytest.mark.parametrize(
    ("question", "kind", "text", "holds"),
    [
        # An exam's blank is what it asks (writer YI): a number before a noun or a unit, else a thing.
        ("Fill in the blank: Minhang will complete ___ pocket parks this year.", "count", "20 pocket parks will be completed.", True),
        ("Fill in the blank: Minhang will complete ___ pocket parks this year.", "count", "Minhang will build pocket parks.", False),
        ("填空:旧住房成套改造“三年行动计划”共计划改造______万平方米。", "count", "高标准实施旧住房成套改造“三年行动计划”。", False),
        ("填空:旧住房成套改造计划改造______万平方米。", "count", "计划改造30万平方米旧住房。", True),
        ("Fill in the blank: Yangpu's GDP grew ___ percent.", "percent", "GDP grew by 5.2 percent.", True),
    ],
)
def test_an_exams_blank_is_what_it_asks(question, kind, text, holds):
    assert question_type(question) == kind
    assert holds_type(text, kind, question) is holds


@pytest.mark.parametrize(
    ("question", "text", "holds"),
    [
        # A comparison is stated of both things compared (writer YF): one district's news does not compare.
        ("which has more people, Minhang or Yangpu?", "Yangpu District is implementing the concept of a people's city.", False),
        ("which has more people, Minhang or Yangpu?", "Minhang has more residents than Yangpu.", True),
        ("杨浦和闵行哪个 GDP 更高?", "事关杨浦经济社会发展全局的重大规划。", False),
        ("杨浦和闵行哪个 GDP 更高?", "杨浦GDP增速高于闵行。", True),
    ],
)
def test_a_comparison_is_stated_of_both_sides(question, text, holds):
    assert question_type(question) == "compare"
    assert holds_type(text, "compare", question) is holds


def test_a_role_asked_of_something_else_is_not_who_someone_is():
    assert question_type("What was William Johnson's role in British military?") != "identity"
    assert question_type("what is the teacher's title?") != "identity"


def test_a_question_with_more_or_higher_is_a_comparison_only_between_two_named_things():
    assert compared("Which is larger, the Amazon or the Nile?") == ["Amazon", "Nile"]
    assert question_type("Which district has more pocket parks?") == "name"
    assert question_type("How many more projects does Minhang have?") == "count"


@pytest.mark.parametrize(
    ("question", "text", "holds"),
    [
        # "Who is X?" wants what X is: an apposition, a title before the name, "X was a …", "… include X".
        ("Who is Chen Huawen?", "Chen Huawen said.", False),
        ("Who is Chen Huawen?", "Chen Huawen, Zhou Rong and Xue Kan attended.", False),
        ("Who is Chen Huawen?", "At the meeting, Chen Huawen, deputy secretary of the district party committee, spoke.", True),
        ("Who is Chen Jining?", "Shanghai Municipal Party Committee Secretary Chen Jining visited the market.", True),
        ("Who was Warsz?", "In actuality, Warsz was a 12th/13th-century nobleman.", True),
        ("Who was Frédéric Chopin?", "Famous musicians include Władysław Szpilman and Frédéric Chopin.", True),
        # A request is read as the question it stands for, by question_type and by the check alike.
        ("Tell me who is Chen Huawen", "Chen Huawen, deputy secretary of the district party committee, spoke.", True),
        # The same asked by the person's title (writer YL).
        ("In the Yangpu piece, what is Zhou Haiying's exact title?", "Zhou Haiying pointed out the tasks.", False),
        ("What is Zhou Haiying's exact title?", "Zhou Haiying, Deputy Secretary of the District Committee, spoke.", True),
        ("What is Xue Kan's position?", "District Secretary Xue Kan chaired the meeting.", True),
    ],
)
def test_who_is_a_named_person_wants_what_they_are(question, text, holds):
    assert question_type(question) == "identity"
    assert holds_type(text, "identity", question) is holds


def test_a_size_asked_in_a_unit_is_answered_in_that_unit():
    question = "how big is Minhang in square km?"
    assert question_type(question) == "length"
    assert not holds_type("650 mu of forest area and 80 hectares of green space will be added.", "length", question)
    assert holds_type("Minhang covers 372 square kilometres.", "length", question)
    assert holds_type("650 mu of forest area will be added.", "length", "How much forest will be added?")


def test_when_something_was_founded_is_dated_by_its_founding():
    question = "when was minhang district founded?"
    assert question_type(question) == "date"
    assert not holds_type("At the meeting of Minhang District held on August 22, Chen Huawen spoke.", "date", question)
    assert holds_type("Minhang District was established in September 1992.", "date", question)
    assert holds_type("The university was founded in 1842 by Edward Sorin.", "date", "When was the university founded?")


def test_a_growth_rate_is_answered_in_per_cent_not_by_a_year():
    question = "What was Yangpu's GDP growth rate in the first quarter of 2024?"
    assert question_type(question) == "percent"
    assert not holds_type("Entering 2024, Shanghai's five centers construction is further developing.", "percent", question)
    assert holds_type("GDP grew by 5.2 percent year on year.", "percent", question)


@pytest.mark.parametrize(
    ("question", "text", "holds"),
    [
        # The 三 of a plan's name is not a number of communities, nor of square metres.
        ("杨浦“完整社区”建设首批覆盖多少个社区?", "高标准实施“三年行动计划”,尽快启动“完整社区”建设。", False),
        ("杨浦“完整社区”建设首批覆盖多少个社区?", "首批覆盖12个社区。", True),
        ("旧住房成套改造计划改造多少平方米?", "高标准实施旧住房成套改造“三年行动计划”。", False),
        ("旧住房成套改造计划改造多少平方米?", "计划改造30万平方米旧住房。", True),
        ("薛侃要求全力做好几篇“大文章”?", "全力做好“三篇大文章”。", True),
        ("会议有多少人参加?", "约200名干部参加。", True),  # people are counted with 人, 名 or 位
        ("增长预期目标是多少?", "增长5.5%左右。", True),  # no measure word asked: any number
        # ...but a growth target is a rate (writers YZ and ZC): not "三个方面".
        ("今年全国两会定的经济增长目标到底是多少?", "从中国式现代化和中国经济等三个方面进行了解读。", False),
        # A time limit (期限, writer ZA) wants a date or a "by": not "尽快" (as soon as possible).
        ("“完整社区”建设规定在什么期限之前启动?", "尽快破题启动“完整社区”建设。", False),
        ("“完整社区”建设规定在什么期限之前启动?", "年底前启动“完整社区”建设。", True),
        # "一项重要任务" is "an important task", "十四届三次会议" a session's number, 二次元 the anime economy, and a
        # quoted slogan's numeral names it: none counts, unless its measure word is asked for.
        ("杨浦的人口有多少?", "要把学习贯彻会议精神作为当前一项重要政治任务。", False),
        ("杨浦的人口有多少?", "程绣明传达十四届全国人大三次会议精神。", False),
        ("杨浦的人口有多少?", "大力发展直播经济、二次元经济等新型消费。", False),
        ("杨浦的人口有多少?", "全力做好“三篇大文章”。", False),
        # A population is a number of people: not "三个方面" (writer YF), nor an area in 万平方米.
        ("杨浦的人口有多少?", "从中国式现代化和中国经济等三个方面进行了解读。", False),
        ("杨浦的人口有多少?", "改造3万平方米旧住房。", False),
        ("杨浦的人口有多少?", "全区常住人口131.3万。", True),
        ("杨浦的人口有多少?", "让20万居民的共同心愿成真。", True),
        ("杨浦的人口有多少?", "全区共有120万人。", True),
        ("区里部署了几项任务?", "作为当前一项重要政治任务。", True),
        ("今年召开了几次会议?", "今年召开三次会议。", True),
        ("参加会议的代表有多少人?", "约200名干部参加,新增三个方面。", True),
    ],
)
def test_a_chinese_count_wants_the_asked_measure_word(question, text, holds):
    assert holds_type(text, question_type(question), question) is holds


def test_a_chinese_place_is_named_by_what_kind_of_place_it_is():
    question = "量子城市时空创新基地建在哪个地方"
    assert holds_type("抓住复兴岛上海量子城市时空创新基地建设的宝贵机遇", "place", question)
    assert not holds_type("着力建立未来产业投入增长机制", "place", question)


def test_a_date_is_not_the_name_of_a_place():
    question = "In which district of Shanghai is the building materials market that Chen Jining inspected located?"
    text = "Previously, on December 28, Chen Jining directly visited the building materials market."
    assert not holds_type(text, "name", question)
    assert holds_type("Chen Jining visited a market in Minhang District.", "name", question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Search-box queries (writer ZK): a role's name, "which ones", a completion date.
        ("yinhang subdistrict party secretary name", "person"),
        ("minhang 5 practical projects finished ahead of schedule which ones", "list"),
        ("maqiao future boat park completion date", "date"),
        ("What is the name of the park?", "name"),
        # The wanted thing alone (writer TP), and words a chat message opens with (writers TN, ZH).
        ("exact date of the fourth plenary session of the 12th shanghai municipal party committee?", "date"),
        ("deadline for finishing the old housing renovation at No. 5530 Longwu Road", "date"),
        ("budget for the renovation", "money"),
        ("ok who's the party secretary of minhang district, not the mayor", "person"),
        ("um who chaired that yang pu district quarterly work meeting back in april", "person"),
        ("So, okay, when was the meeting held?", "date"),
        ("well-known projects in Minhang?", None),
        ("No. 5530 Longwu Road: how many households?", "count"),
        # Writers XC, UW: a role after "which", "the number of", and "so who" (no relative "who").
        ("Name the director of the District Market Supervision Bureau who gave an exchange speech", "person"),
        ("Which US President visited Jacksonville in 1888?", "person"),
        ("What Newcastle road heads west to Carlisle?", "name"),
        ("Give me the number of elderly residents living in Yinhang sub-district.", "count"),
        ("they cracked down on misconduct in the community, so who actually got punished", "person"),
        ("Who chaired the meeting at the bureau who hosted it?", "person"),
        # Writers UJ, H, ZO, ZV: a keyword question's trailing "in which building", a residential area, ", name?",
        # and "which projects were those".
        ("yangpu april meeting in which building", "venue"),
        ("In which building is the Municipal Urban Operation Management Center located?", None),  # no meeting's venue
        ("In which residential area will Yinhang first pilot its smart elderly care scenarios?", "name"),
        ("Market Chen Jining inspected, name?", "name"),
        ("a handful of its projects hit their goals early — which projects were those?", "list"),
        # Writer SA: a keyword question's money noun, not when it asks how many.
        ("For Minhang, how many major industrial projects are the main growth point of industrial investment", "count"),
        ("minhang 71 projects total investment?", "money"),
        # Writers SG, SI: a topic, then "who chaired" at its end; the venue named; a lecture's hours.
        ("the yangpu quarterly work meeting in april who chaired", "person"),
        ("yangpu april meeting who in charge", "person"),
        ("What program helps graduates who have left school?", None),  # asked before the "who": a relative clause
        ("Could you tell me the venue where the quarterly work meeting was held in April 2024?", "venue"),
        ("What was the venue of the meeting?", "venue"),
        ("陆铭的报告讲了几个钟头啊", "length"),
        ("讲座开了几天", "length"),
        ("第几天", "number"),
        # Writer RB, Nigerian English: "wetin be" is "what is"; compensation is money.
        ("wetin be the address of the Happy Employment Space", "contact"),
        ("how much compensation each family go collect", "money"),
        # Writer SM: "please teach me" asks, and what it asks may drop its article.
        ("Please teach me where Yangpu quarterly work meeting was held in April 2024", "venue"),
        ("Please teach me total investment amount in yuan.", "money"),
        ("Please teach me when Yindu Road Cross-River Tunnel will be open for traffic.", "date"),
    ],
)
def test_keyword_queries_ask_for_a_kind_of_fact(question, kind):
    assert question_type(question) == kind


@pytest.mark.parametrize(
    ("question", "kind", "text", "holds"),
    [
        # Writer YK: the 20 projects are counted, but not the ones for elderly care.
        ("Of Minhang's 20 major practical projects this year, how many are specifically for elderly care?", "count", "This year we have arranged 20 major and 59 minor projects for the people.", False),
        ("Of Minhang's 20 major practical projects this year, how many are specifically for elderly care?", "count", "Of them, 5 serve elderly care.", True),
        ("How many were killed by plague in Naples in 1656?", "count", "Some 5,000 were killed.", True),
        # Writers YR and YS: the count is given before the question, or the coded name's numbers are asked.
        ("The passage says five of Minhang's practical projects met their targets — which projects were they?", "list", "Among them, 5 projects have completed their annual targets ahead of schedule.", False),
        ('What are the actual numbers behind Yangpu\'s "three fives, three sixes" annual targets?', "parts", 'Anchor the annual "three fives, three sixes" overall objectives.', False),
        ('Spell out the actual target figures behind Yangpu\'s annual "three fives, three sixes" objectives.', "parts", 'Anchor the annual "three fives, three sixes" overall objectives.', False),
        ('What are the two lists and the theme in Yangpu\'s "two lists and one theme" mechanism?', "parts", 'Optimize the "two lists and one theme" mechanism.', False),
        # The slogan typed without its quotes (writers ZH, ZK, Y); spelt out, it is answered.
        ("what do those three fives three sixes goals actually stand for", "parts", 'Anchor the annual "three fives, three sixes" overall objectives.', False),
        ("three fives three sixes what targets exactly", "parts", 'The "three fives, three sixes" targets are: 5% growth, 5 new centres, 6 parks and 6 schools.', True),
        ('What do the "three fives, three sixes" objectives of Yangpu concretely mean, which numbers are behind them?', "parts", 'Anchor the annual "three fives, three sixes" overall objectives.', False),
        # Writer YW: how many "centers" are the “five centers”; a slogan's number still counts nothing else.
        ('How many "centers" is Shanghai building altogether under its 2024 construction push?', "count", "Entering 2024, Shanghai’s “five centers” construction and various major tasks are further developing.", True),
        ("How many major tasks is Shanghai pursuing?", "count", "Shanghai’s “five centers” construction and various major tasks are further developing.", False),
    ],
)
def test_what_the_question_narrows_to_must_be_in_the_text(question, kind, text, holds):
    assert question_type(question) == kind
    assert holds_type(text, kind, question) is holds


def test_which_five_projects_wants_them_named_not_counted():
    question = "Which five of Minhang's practical projects completed their annual targets ahead of schedule?"
    assert question_type(question) == "list"
    counted = "Among them, 5 projects have completed their annual targets ahead of schedule."
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(counted)]).abstained
    named = "The metro extension, the clinic and the park have completed their annual targets ahead of schedule."
    assert not ExtractiveGenerator(idf=flat_idf).generate(question, [hit(named)]).abstained
    assert question_type("What 1971 film was shot in Newcastle?") is None  # a year, not a number of things
    assert not holds_type("加快布局建设“3+X”未来产业先导区。", "list", "“3+X”中的“3”指哪三个产业?")


def test_on_what_date_wants_a_day_not_a_year():
    question = "On what exact date did the Publicity Department hold its 2023 seminar?"
    assert question_type(question) == "date"
    assert not holds_type("At the beginning of 2023, the Publicity Department held a seminar.", "date", question)
    assert holds_type("On March 6, the Publicity Department held a seminar.", "date", question)
    assert holds_type("The seminar was held at the beginning of 2023.", "date", "When was the seminar held?")


_CITY_MEETING = "On Wednesday, the Shanghai Municipal Party Committee held the first quarterly work meeting of the year."
_RENEWAL = "On the first working day of the new year, Shanghai held a city-wide urban renewal promotion conference."
_DISTRICT_MEETING = "On April 9, the District Committee and District Government Quarterly Work Meeting was held."


@pytest.mark.parametrize(
    ("question", "kind", "text", "holds"),
    [
        ("区委中心组学习会是在哪个会场举行的?", "venue", "3月17日上午,区委中心组学习会举行。", False),
        ("区委中心组学习会是在哪个会场举行的?", "venue", "学习会在区政府第一会议室举行。", True),
        ("“完整社区”建设的首个试点选在了哪个街道?", "name", "尽快破题启动“完整社区”建设。", False),
        ("“完整社区”建设的首个试点选在了哪个街道?", "name", "首个试点选在殷行街道。", True),
        # Words between "which" and the thing asked for; "what type of company" asks for a kind, not a name.
        ("Which leading shipping company is moving to Yangpu?", "name", "Leading shipping enterprises are moving in.", False),
        ("Which leading shipping company is moving to Yangpu?", "name", "COSCO Shipping is moving its unit in.", True),
        # A title, a party body or a person's name does not say which district.
        (
            "In which district of Shanghai is the market that Chen Jining inspected located?",
            "name",
            "Chen Jining, Secretary of the Shanghai Municipal Party Committee, stressed General Secretary Xi Jinping’s speech.",
            False,
        ),
        ("In which district of Shanghai is the market located?", "name", "The market lies in Minhang District.", True),
        ("In what city is SAP Center located?", "name", "The event was held at SAP Center in San Jose.", True),
        # "Where was it held" is answered by a venue or a place's name, not by the event's host.
        (
            "Where was Shanghai's urban renewal promotion conference held?",
            "venue",
            "On the first working day, Shanghai held a city-wide urban renewal promotion conference.",
            False,
        ),
        ("Where was Super Bowl 50 held?", "venue", "The game was played on February 7, 2016, in Santa Clara.", True),
        # A centre named for what it does is an organisation, not a venue.
        (
            "At which venue was the quarterly work meeting held?",
            "venue",
            "The Publicity Department and the District Integrated Media Center jointly held a seminar.",
            False,
        ),
        ("At which venue was the quarterly work meeting held?", "venue", "It was held at the Science Center.", True),
        # A deadline is a date; "which other city leaders" asks for people, "哪几类" for several kinds.
        ("By what deadline is the safety action to be completed?", "date", "The action will tackle safety governance.", False),
        ("By what deadline is the safety action to be completed?", "date", "It is to be completed by the end of June.", True),
        ("Which other city leaders went with Chen Jining?", "person", "He went with the leaders to the command centre.", False),
        ("Which other city leaders went with Chen Jining?", "person", "Vice Mayor Hua Yuan went with him.", True),
        ("薛侃要求严防哪几类事件和事故?", "list", "要严防事故发生。", False),
        ("薛侃要求严防哪几类事件和事故?", "list", "严防恶性突发事件、重大群体性事件和重大安全事故。", True),
        # The name of a market or a programme is a proper name; the name of a property is a term ("primality").
        (
            "What is the name of the building materials market Chen Jining inspected on December 28?",
            "name",
            "On December 28, Chen Jining directly visited the building materials market.",
            False,
        ),
        (
            "What is the name of the program that Yinhang plans to upgrade?",
            "name",
            "Yinhang will comprehensively upgrade the “Sunshine 330” program.",
            True,
        ),
        ("What is the area in hectares of the start-up area?", "length", "Construction of the start-up area will begin.", False),
        ("What is the area in hectares of the start-up area?", "length", "The start-up area covers 120 hectares.", True),
        ("What was Yangpu District's GDP in the first quarter?", "figure", "Yangpu's economy kept growing in the first quarter.", False),
        ("What was Yangpu District's GDP in the first quarter?", "figure", "Yangpu's GDP reached 65.3 billion yuan.", True),
        ("陆铭的专题辅导报告以什么为题?", "title", "陆铭作专题辅导报告。", False),
        ("What is the catchphrase for the annual overall goals?", "title", "Anchor the annual overall objectives.", False),
        ("What is the catchphrase for the annual overall goals?", "title", 'Anchor the annual "three fives, three sixes" overall objectives.', True),
        ("陆铭的专题辅导报告以什么为题?", "title", "陆铭以“中国经济和城市发展”为题作专题辅导报告。", True),
        ("王浩的交流发言主题是什么?", "title", "副区长王浩结合自身工作实际作交流发言。", False),
        ("王浩的交流发言主题是什么?", "title", "王浩以“科创街区建设”为主题作交流发言。", True),
        # Plurals in -ies ask for names too.
        ("Which leading shipping companies are moving to Yangpu?", "name", "Leading shipping enterprises are moving in.", False),
        ("Which leading shipping companies are moving to Yangpu?", "name", "COSCO Shipping and Maersk are moving in.", True),
        # The size of a place is an area or a length.
        ("How large is the new wetland park?", "length", "The new wetland park will open next spring.", False),
        ("How large is the new wetland park?", "length", "The new wetland park covers 45 hectares.", True),
        ("How big was the assembly building?", "length", "It enclosed 130 million cubic foot of space.", True),
        # "How many hectares does X cover": hectares of X, or bare ones; not "80 hectares of green space" (F-un-12).
        ("How many hectares does the start-up area of Maqiao Future Boat Park cover?", "count", "80 hectares of green space will be completed.", False),
        ("How many hectares does the start-up area of Maqiao Future Boat Park cover?", "count", "Its start-up area covers 120 hectares.", True),
        ("How many hectares of green space will Minhang add?", "count", "650 mu of forest and 80 hectares of green space will be added.", True),
        # "What did X grow by": an amount of change in digits, not a year the question gives nor a slogan's numbers.
        ("What did retail sales grow by in 2024?", "figure", "Entering 2024, retail kept growing under the “1+2+3+4” plan.", False),
        ("What did retail sales grow by in 2024?", "figure", "Retail sales grew by 6.2% in 2024.", True),
        # "This year's work" says nothing of when; "the first working day of the year" is a day.
        ("When did the premier make his inspection tour?", "date", "His speech should be the theme of this year's work.", False),
        ("On which day was the fair opened?", "date", "The fair opened on the first working day of the new year.", True),
        ("When was the fair opened?", "date", "The fair opened on the first working day of the new year.", True),
        ("When was the fair opened?", "date", "The fair opened yesterday.", True),
        # A count of things is not an area, nor the number in a place's name.
        ("How many old buildings will be renovated?", "count", "10,000 square meters of houses in Luhui Village 1 will be renovated.", False),
        ("How many old buildings will be renovated?", "count", "Some 120 old buildings will be renovated.", True),
        ("Where exactly was the meeting held?", "venue", "The meeting was held in the Science Hall.", True),
        ("Where does the festival take place?", "venue", "The festival takes place on the island of Rottnest every May.", True),
        # A number in a compound modifier counts nothing, unless it counts what is asked for; nor does "first half".
        ("How many self-built houses were inspected?", "count", "The district pushed its three-year action plan on houses.", False),
        ("How many calls did the hotline handle?", "count", "In the first half of the year, the hotline worked well.", False),
        ("How many yards was the pass?", "count", "He threw a 22-yard pass.", True),
        ("How many years will the action plan run?", "count", "It started a three-year action plan.", True),
        # ...and only what the count asks for: "year" elsewhere in the question does not make "three-year" a count.
        ("How many calls did the hotline take in the first half of the year?", "count", "It started a three-year action plan.", False),
        # A place's name answers where only after "in" or "at", and not in a headline.
        ("Where was the work meeting held?", "venue", "It studied the premier's inspection of Shanghai; the meeting was held.", False),
        ("Where was the work meeting held?", "venue", "Rallying With Full Effort In Implementing Strong Chemical Industry Actions | Work Meeting Held", False),
        ("In which building was the April work meeting held?", "venue", "Work Meeting Held April 08, 2024", False),
        ("In which building was the April work meeting held?", "venue", "The meeting was held in the district office building.", True),
        # Where a thing is located or built: a place the question does not give, not the thing itself.
        ("Where will the flagship community center be built?", "place", "It will build community centers within 15 minutes' reach.", False),
        ("Where will the flagship community center be built?", "place", "It will build a community center in Gongqing Forest Park.", True),
        ("Where is the incubation base located?", "place", "It will create an incubation base for returnees.", False),
        ("Where is the market located?", "place", "The market is located in the urban-rural fringe.", True),
        # A person's name, not a body's ("the Publicity Department", "Integrated Media Center", "CPC") nor the
        # city the question names ("Shanghai's").
        ("Who is the head of the Chamber of Commerce?", "person", "The Publicity Department of the CPC and Yangpu Integrated Media Center invited the heads of agencies.", False),
        ("Who won the 2024 Shanghai Marathon?", "person", "Entering 2024, Shanghai’s construction is further developing.", False),
        ("Who won the 2024 Shanghai Marathon?", "person", "The race was won by Eliud Kipchoge.", True),
        ("Which other leaders went with him?", "person", "He went to the Joint Security Command and the Urban Operation Management Center on New Year's Day.", False),
        ("Who spoke for the bureau?", "person", "On April 9, the District Government Quarterly Work Meeting was held.", False),
        # A question about no one in particular may be answered by a group of people; one about a named body
        # wants a person's name.
        ("Who analyzes rock samples from drill cores in the lab?", "person", "Biostratigraphers analyze the samples in the lab.", True),
        # ... but not by a possessive: "people's livelihood" is nobody (writer YI).
        ("According to the commentary, which city leader chaired the conference?", "person", "Urban renewal is connected to people’s livelihood and development.", False),
        ("Who benefits from urban renewal?", "person", "Urban renewal benefits local residents and people across the city.", True),
        ("Who is the head of the Yinhang Chamber of Commerce?", "person", "The chamber will give full play to its members.", False),
        # Someone asked for by the body they speak for is named next to it, not after a list of the bodies.
        ("Who spoke for Daqiao Sub-district at the meeting?", "person", "Dinghai Road Sub-district, Daqiao Sub-district and Changbai New Village Sub-district gave exchange speeches, and Xue Kan provided work comments for each one.", False),
        ("Who spoke for Daqiao Sub-district at the meeting?", "person", "Xue Kan chaired the meeting.", False),
        ("Name of the Yangpu Culture and Tourism Bureau head who spoke?", "person", "The District Culture and Tourism Bureau and the District Market Supervision Bureau gave exchange speeches, and Xue Kan provided work comments for each one.", False),
        ("Who spoke for Daqiao Sub-district at the meeting?", "person", "Wang Li, head of Daqiao Sub-district, spoke on renewal.", True),
        ("Who is the mayor of Minhang District who briefed the Standing Committee meeting?", "person", "At the 18th meeting of the Standing Committee of the Seventh People's Congress of Minhang District held on August 22, Chen Huawen, deputy secretary of the district party committee and district mayor, gave a report.", True),
        ("代表大桥街道作交流发言的人叫什么名字?", "person", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("代表大桥街道作交流发言的人叫什么名字?", "person", "大桥街道党工委书记王明作交流发言。", True),
        ("What are the opening hours of the service station?", "hours", "The station is open from 9:00 to 17:00 on weekdays.", True),
        ("What are the opening hours of the service station?", "hours", "It will create a service station for small enterprises.", False),
        ("What phone number should I call to reach the service station?", "contact", "Call the station on 021-65432100.", True),
        ("What phone number should I call to reach the service station?", "contact", "It will create a service station for small enterprises.", False),
        ("What is the service station's address?", "contact", "The station is at No. 5530, Longwu Road.", True),
        # A short service number names a hotline (writer UJ), not any small figure.
        ("minhang hotline number what", "contact", "coordinate the promotion of the 12345 hotline work", True),
        ("闵行热线电话是多少", "contact", "推进12345热线工作", True),
        ("minhang hotline number what", "contact", "Some 1.5 hotline staff per thousand residents.", False),
        # "At which session": an ordinal the question does not give.
        ("At which session did the mayor give his report?", "number", "At the 18th meeting (expanded) of the Standing Committee, the mayor gave a report.", True),
        ("At which session did the mayor give his report?", "number", "The mayor gave a report on the district's key tasks.", False),
        ("这是第几次会议?", "number", "区委常委会第三次会议举行。", True),  # 第几 is answered by 第三, as before
        # A calendar date is a month and day, not a weekday or "the week before".
        ("On what calendar date was the work meeting held?", "date", "On Wednesday, the committee held the work meeting.", False),
        ("On what calendar date was the work meeting held?", "date", "On April 9, the committee held the work meeting.", True),
        ("On which calendar date was the work meeting held?", "date", "On Wednesday, the committee held the work meeting.", False),
        ("What exact date did the committee hold the work meeting?", "date", "On Wednesday, the committee held the work meeting.", False),
        ("What exact date did the committee hold the work meeting?", "date", "On April 9, the committee held the work meeting.", True),
        # "On what date" asks a calendar date too (writer RQ).
        ("On what date was the work meeting held?", "date", "On Wednesday, the committee held the work meeting.", False),
        ("On what date was the work meeting held?", "date", "On April 9, the committee held the work meeting.", True),
        # "the week before" is no precise date (writer VN).
        ("On what precise date was the plenary session convened?", "date", "The plenary session the week before stressed safety.", False),
        # "The date" of an event is a day too ("Confirm the date …" is read as this question).
        ("What is the date the plenary session was held?", "date", "The study seminar last week and the plenary session the week before emphasized safety.", False),
        ("What was the date of the plenary session?", "date", "The plenary session was held on December 20.", True),
        # Who presided is who the text says presided, not who attended.
        ("会议由谁主持?", "person", "区委书记薛侃,区长周海鹰等领导参加。", False),
        ("会议由谁主持?", "person", "区委书记薛侃主持会议。", True),
        ("Who presided over the 18th meeting?", "person", "At the 18th meeting, Chen Huawen, the district mayor, gave a report.", False),
        ("Who is named as presiding over the 18th meeting?", "person", "At the 18th meeting, Chen Huawen, the district mayor, gave a report.", False),
        # "The head of X" is named by a head's title: a body's capitalised name is no one.
        ("Who is the head of Yinhang sub-district these days?", "person", "It will give full play to the role of Yinhang Sub-district Chamber of Commerce.", False),
        ("Who is the head of Yinhang sub-district these days?", "person", "Wang Li, director of Yinhang sub-district, spoke on renewal.", True),
        ("陈吉宁今年多大了?", "age", "3月17日上午,区委常委会扩大会议举行。", False),  # a date is no age
        ("陈吉宁今年多大了?", "age", "陈吉宁今年60岁。", True),
        # Whether something is free wants a fee, or "free", in the text: not "small investment" (writer YD).
        ("is that sunshine 330 programme free for us pensioners or do you have to pay", "fee", "It will upgrade the Sunshine 330 program and strive to realize great social effects with small investment.", False),
        ("Is the canteen free for pensioners?", "fee", "Meals at the canteen are free for residents over 80.", True),
        ("Do residents have to pay for the classes?", "fee", "Each class costs 20 yuan.", True),
        ("老年食堂吃饭收费吗?", "fee", "社区新建老年食堂12家。", False),
        # A list of the bodies that gave speeches does not say what one of them said.
        ("What topic did Changbai New Village Sub-district talk about in its speech?", "speech", "During the meeting, Dinghai Road Sub-district, Changbai New Village Sub-district and District Market Supervision Bureau gave exchange speeches.", False),
        ("What topic did Changbai New Village Sub-district talk about in its speech?", "speech", "Changbai New Village Sub-district said it would focus on elderly care.", True),
        # What someone conveyed (传达) is reported by the text, not read from a list of who attended.
        ("区人大常委会主任程绣明传达了什么?", "speech", "区委书记薛侃,区委副书记、区长周海鹰,区人大常委会主任程绣明等区四套班子领导参加。", False),
        ("区人大常委会主任程绣明传达了什么?", "speech", "会上,周海鹰传达重要讲话精神,程绣明传达十四届全国人大三次会议精神。", True),
        # What a speech said about something (writer SK): a sentence that only says it was given does not tell.
        ("副区长王浩交流发言讲了企业服务哪些具体措施", "speech", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("副区长王浩交流发言讲了企业服务哪些具体措施", "speech", "王浩介绍了优化企业服务的三项措施。", True),
        # Formal Chinese asks a count with 若干 (writer YC); 多少件补助案件 counts cases, though 补助 is money.
        ("本年度我区高校毕业生就业目标人数为若干?", "count", "持续加强高校毕业生等青年就业支撑,促进高质量充分就业。", False),
        ("今年核定了多少件补助案件?", "count", "区公所今年已核定补助案件86件。", True),
        ("What colour are the bike shelters?", "colour", "80 hectares of green space and 30 kilometers of greenways.", False),
        ("What colour are the bike shelters?", "colour", "The bike shelters are painted dark green.", True),
        ("What color were the footballs?", "colour", "Gold footballs were given to each high school.", True),
        ("副区长王浩平时主要管哪些事情?", "duty", "副区长王浩、区政协副主席顾登妹分别作交流发言。", False),
        # Writers YN and YO: "讲了哪方面", "which work areas is X … responsible for?", "有哪几位副主任".
        ("副区长王浩在交流发言中具体讲了哪方面的工作?", "speech", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        # Writer ZJ: 介绍了哪方面, and a body's long name before "report in its speech".
        ("副区长王浩在交流发言中具体介绍了哪方面的工作?", "speech", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("顾登妹发言具体讲了哪几个项目?", "speech", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("顾登妹发言具体讲了哪几个项目?", "speech", "顾登妹介绍了三个民生项目的进展。", True),
        ("What did the District Culture and Tourism Bureau report in its exchange speech?", "speech", "District Culture and Tourism Bureau and District Market Supervision Bureau gave exchange speeches.", False),
        ("What did the District Culture and Tourism Bureau report in its exchange speech?", "speech", "The District Culture and Tourism Bureau reported on the spring tourism season.", True),
        ("What did the District Culture and Tourism Bureau report in its exchange speech?", "speech", "The District Market Supervision Bureau reported on food safety.", False),
        ("Which work areas is Zhou Rong, Deputy Secretary of the Yangpu District Committee, responsible for?", "duty", "Tai Xun, Chairman; Zhou Rong, Deputy Secretary of the District Committee; and other leaders participated.", False),
        ("Which work areas is Zhou Rong responsible for?", "duty", "Zhou Rong is responsible for party building.", True),
        ("杨浦区人大常委会有哪几位副主任?", "list", "区委书记薛侃,区长周海鹰,区人大常委会主任程绣明等区四套班子领导参加。", False),
        ("杨浦区人大常委会有哪几位副主任?", "list", "区人大常委会副主任李明、王芳等参加。", True),
        # The secretary says which kinds of events to guard against: a list of events, not of secretaries (SK).
        ("守牢安全底线 书记说要严防哪几类事情", "list", "严防恶性突发事件、重大群体性事件和重大安全事故。", True),
        # Nor is a word of a body's name after "of" ("Chamber of Commerce"), nor a place's ("Happy Employment Space").
        ("Who is the boss of Yinhang sub-district?", "person", "It will give full play to the role of Yinhang Sub-district Chamber of Commerce, and bring in enterprises.", False),
        ("Who is the boss of Yinhang sub-district?", "person", "The Happy Employment Space of Yinhang sub-district provides online lectures.", False),
        ("Who did Temujin marry?", "person", "As arranged by his father, Temujin married Borte of the Onggirat tribe when he was 16.", True),
        ("What is the name of the Broncos' head coach?", "person", "The Broncos hired head coach Gary Kubiak.", True),
        # A portfolio is assigned in the text, not implied by someone speaking about their work.
        ("副区长王浩分管哪些工作?", "duty", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("副区长王浩分管哪些工作?", "duty", "副区长王浩分管城市建设和管理工作。", True),
        # A date said to be another event's does not date the one asked about.
        ("When did Xi Jinping make the inspection tour of Shanghai?", "date", "To study Xi Jinping's speech during his inspection of Shanghai, on April 9, the District Quarterly Work Meeting was held.", False),
        ("When was the district quarterly work meeting held?", "date", "To study Xi Jinping's speech during his inspection of Shanghai, on April 9, the District Quarterly Work Meeting was held.", True),
        ("市委常委会扩大会议是哪天召开的?", "date", "为学习贯彻市委常委会扩大会议精神,3月17日上午,区委常委会扩大会议举行。", False),
        ("市委常委会扩大会议具体是哪天开的", "date", "为学习贯彻市委常委会扩大会议精神,3月17日上午,区委常委会扩大会议举行。", False),  # TA
        ("区委常委会扩大会议是在哪一天举行的?", "date", "为学习贯彻市委常委会扩大会议精神,3月17日上午,区委常委会扩大会议举行。", True),
        ("这次区委中心组学习会是几月几号召开的?", "date", "3月17日上午,区委常委会扩大会议暨区委中心组学习会举行。", True),
        # "further" and "major" are no people; a question typed in lower case may name someone ("yangpu's").
        ("Who analyzes rock samples from drill cores in the lab?", "person", "Further samples of major sectors are analyzed.", False),
        ("who ran yangpu's quarterly work meeting in april?", "person", "The committee held the meeting, further requiring all departments to work.", False),
        ("How long did it take Johnson to respond?", "length", "Johnson replied in approximately one week.", True),
        # A year of any era: the Middle Ages, BC and CE.
        ("Jochi's death occurred in what year?", "year", "Jochi died in 1226, during his father's lifetime.", True),
        ("When was Temüjin elected khan of the Mongols?", "date", "In 1186, Temüjin was elected khan of the Mongols.", True),
        ("By when did the Germanic tribes conquer the Celtic peoples?", "date", "They conquered Celtic peoples, and by 800 CE formed an empire.", True),
        ("In which year was the plan drafted?", "year", "The plan was drafted by 5,000 people.", False),
        # A single name counts beside a pair the question gives ("Genghis Khan ordered Subutai and Jebe").
        ("Who did Genghis Khan charge with hunting the Shah?", "person", "Genghis Khan ordered Subutai and Jebe to hunt him down.", True),
        ("Which party secretary intervened?", "person", "Ten years ago, Municipal Party Committee Secretary Chen Jining intervened.", True),
        # "The name of the supply unit" is a proper name, not the unit's description.
        ("What was the name of the water supply unit Chen Jining inspected?", "name", "Chen Jining went to the water supply unit to inspect it.", False),
        ("What was the name of the water supply unit Chen Jining inspected?", "name", "Chen Jining inspected the Shanghai Water Supply Company unit.", True),
        # What a coded name stands for is answered by spelling it out, not by mentioning the name.
        ("Which industries make up Yangpu's \"1+2+3+4\" industrial system?", "parts", 'It builds a "1+2+3+4" industrial system.', False),
        ("Which industries make up Yangpu's \"1+2+3+4\" industrial system?", "parts", 'The "1+2+3+4" system includes one core industry, two pillars and three bases.', True),
        ("What specific targets make up the \"three fives, three sixes\" goals?", "parts", 'Anchor the annual "three fives, three sixes" goals, and consolidate the team.', False),
        ("“3+X”未来产业先导区里的“X”具体指哪些产业?", "parts", "加快布局建设以时空智能为核心主导的“3+X”未来产业先导区。", False),
        ("“完整社区”首批试点选在了哪些街道?", "name", "尽快破题启动“完整社区”建设,不断提升居民生活品质。", False),
        ("“完整社区”首批试点选在了哪些街道?", "name", "“完整社区”首批试点选在殷行街道和五角场街道。", True),
        ("“3+X”未来产业先导区里的“X”具体指哪些产业?", "parts", "“3+X”即集成电路、生物医药、人工智能三大产业和若干未来产业。", True),
        ("What does the number 330 in the \"Sunshine 330\" program refer to?", "parts", "It will upgrade the “Sunshine 330” program.", False),
        # 元 after a number is a sum; "二次元经济" (anime culture) beside 一批 is none.
        ("做直播电商的小企业在杨浦能拿到多少补贴?", "money", "大力发展直播经济、二次元经济等新型消费,精心策划推出一批活动。", False),
        ("做直播电商的小企业在杨浦能拿到多少补贴?", "money", "每家企业最高可获得50万元补贴。", True),
        ("做直播电商的小企业在杨浦能拿到多少补贴?", "money", "补贴总额达一亿元。", True),
        ("做直播电商的小企业在杨浦能拿到多少补贴?", "money", "补贴为十余万元。", True),
        ("做直播电商的小企业在杨浦能拿到多少补贴?", "money", "每户补贴300美元。", True),
        # A coded name like "1+2+3+4" counts nothing.
        ("How many enterprises has Yangpu visited so far through its door-to-door enterprise service?", "count", 'to build a reliable "1+2+3+4" industrial system.', False),
        ("How many enterprises has Yangpu visited so far through its door-to-door enterprise service?", "count", "to build the 1+2+3+4 industrial system.", False),
        ("How many enterprises has Yangpu visited so far through its door-to-door enterprise service?", "count", "So far 1,200 enterprises have been visited.", True),
        # A Chinese count is a numeral with its measure word: not the 一 of 进一步 or 一体化, the 两 of 两会, nor a date.
        ("殷行街道有多少居民?", "count", "3月17日上午,进一步推进一体化,学习全国两会精神。", False),
        ("殷行街道有多少居民?", "count", "殷行街道有二十万居民。", True),
        ("殷行街道有多少居民?", "count", "完成三个方面的工作。", True),
        ("殷行街道有多少居民?", "count", "服务20万人。", True),
        # A date said of another meeting, or of another tier of government's, does not date the asked one.
        ("On what date was the municipal party committee study seminar held?", "date", _CITY_MEETING, False),
        ("When did the Shanghai Municipal Party Committee hold its first quarterly work meeting?", "date", _CITY_MEETING, True),
        ("On what date was the municipal party committee study seminar held?", "date", _RENEWAL, False),
        ("When did Shanghai hold its urban renewal promotion conference?", "date", _RENEWAL, True),
        ("On what date did the Municipal Party Committee hold its quarterly work meeting?", "date", _DISTRICT_MEETING, False),
        ("On what date was the district's quarterly work meeting held?", "date", _DISTRICT_MEETING, True),
        # "Who heads X" wants someone with a head's title; the district need not be repeated beside it.
        ("Who heads the Yangpu District Market Supervision Bureau?", "person", "District Market Supervision Bureau gave exchange speeches, and Xue Kan provided work comments.", False),
        ("Who heads the Yangpu District Market Supervision Bureau?", "person", "Wang Li, director of the District Market Supervision Bureau, spoke.", True),
        ("Who heads the Yangpu District Political Consultative Conference?", "person", "Tai Xun, Chairman of the District Political Consultative Conference, attended.", True),
        # 负责哪方面 asks for a duty the text assigns.
        ("副区长王浩负责哪方面的工作?", "duty", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("副区长王浩负责哪方面的工作?", "duty", "副区长王浩负责城市管理工作。", True),
        # What someone said: a sentence that reports their words, not one that lists them among those who attended
        # or spoke, nor another speaker's words.
        ("What did Zhou Rong say at the quarterly work meeting?", "speech", "Tai Xun, Chairman of the District Political Consultative Conference; Zhou Rong, Deputy Secretary of the District Committee; and other leaders participated.", False),
        ("What did Zhou Rong say at the quarterly work meeting?", "speech", "Zhou Haiying pointed out the tasks for the second quarter.", False),
        ("What did Zhou Rong say at the quarterly work meeting?", "speech", "Zhou Rong stressed that safety comes first.", True),
        # ...also when the name is typed in lower case (writer TW); "the district mayor" is no name.
        ("what did zhou rong say at the yangpu quarterly work meeting in april", "speech", "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work.", False),
        ("what did zhou rong say at the meeting", "speech", "Zhou Rong stressed that safety comes first.", True),
        ("what did the district mayor say at the meeting", "speech", "Zhou Haiying, District Mayor, stressed that safety comes first.", True),
        # ...and what someone laid out: theirs, not the mayor's deployment (writer XX).
        ("What second-quarter tasks did Zhou Rong lay out at the meeting?", "speech", "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work.", False),
        ("What tasks did Zhou Haiying deploy for the second quarter?", "speech", "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work.", True),
        ("副区长王浩在交流发言中具体讲了哪些内容?", "speech", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("副区长王浩在交流发言中具体讲了哪些内容?", "speech", "王浩指出,要抓好城市更新。", True),
        # A growth rate (增长率) is stated in per cent, not by "三个方面".
        ("陆铭预测今年中国经济增长率是多少?", "percent", "报告从中国式现代化和中国经济等三个方面,对当前中国经济发展的宏观形势进行了解读。", False),
        ("陆铭预测今年中国经济增长率是多少?", "percent", "陆铭预计今年中国经济增长5%左右。", True),
        # A GDP growth target is a rate, not the 一项 of "一项重要政治任务" (writer ZZ).
        ("杨浦 2025年 GDP 增长目标 多少", "percent", "全区上下要把学习贯彻两会精神作为当前一项重要政治任务。", False),
        ("minhang 71 major industrial projects total investment?", "money", "We will fully promote the construction of 71 major industrial projects.", False),
        ("minhang 71 major industrial projects total investment?", "money", "The 71 major industrial projects have a total investment of 52.3 billion yuan.", True),
        # "The head of Yangpu's X": X's head by title; the district need not be named beside it.
        ("Who is the head of Yangpu's political advisory body (the consultative conference)?", "person", "Tai Xun, Chairman of the District Political Consultative Conference; Zhou Rong, Deputy Secretary of the District Committee; and other leaders participated.", True),
        ("Who is the head of Yangpu's political advisory body (the consultative conference)?", "person", "Zhou Rong, Deputy Secretary of the District Committee, attended.", False),
        # A coded name in single quotes is spelt out, or not.
        ("What does the number 330 in Yinhang's 'Sunshine 330' program refer to?", "parts", "It will comprehensively upgrade the “Sunshine 330” program and create high-quality courses.", False),
        ("What does the number 330 in Yinhang's 'Sunshine 330' program refer to?", "parts", "The “Sunshine 330” program, namely after-school care from 3:30 pm, will be upgraded.", True),
        ('What exactly are the "three fives, three sixes" annual objectives?', "parts", 'Anchor the annual "three fives, three sixes" overall objectives and consolidate the economy.', False),
        ("3月17日杨浦区委常委会扩大会议是在什么地方开的?", "venue", "3月17日上午,区委常委会扩大会议暨区委中心组学习会举行。", False),
        ("3月17日杨浦区委常委会扩大会议是在什么地方开的?", "venue", "3月17日上午,区委常委会扩大会议在区政府第一会议室举行。", True),
        # "Besides X, who chaired it, who deployed …" asks who deployed, not who chaired (writer ZM).
        ("Besides Xue Kan, who chaired it, who deployed the focus work at the meeting?", "person", "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work.", True),
        ("Who chaired the meeting?", "person", "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work.", False),
        # The day the question excludes is no answer; another day is (ZM).
        ("除了3月17日这次会,杨浦区委常委会下一次扩大会议定在哪一天召开?", "date", "3月17日上午,区委常委会扩大会议暨区委中心组学习会举行。", False),
        ("除了3月17日这次会,杨浦区委常委会下一次扩大会议定在哪一天召开?", "date", "下一次会议定于4月21日召开。", True),
        ("The article is dated April 8 - but on which day was the meeting actually held?", "date", "April 08,2024 on April 9, the Quarterly Work Meeting was held.", True),
        # "…meaning?" at the end asks what a coded name stands for (ZO).
        ("Yangpu 'three fives' meaning?", "parts", 'Anchor the annual "three fives, three sixes" overall objectives.', False),
        # What homes sell for is a price (ZN); 占地多大 an area (ZN); 什么时间之前 a deadline (ZP).
        ("What are homes selling for per square meter near the park?", "money", "30,000 square meters of three-dimensional greening will be completed.", False),
        ("What are homes selling for per square meter near the park?", "money", "Homes there sell for 60,000 yuan per square meter.", True),
        ("复兴岛上海量子城市时空创新基地占地多大?", "length", "抓住复兴岛上海量子城市时空创新基地建设的宝贵机遇。", False),
        ("复兴岛上海量子城市时空创新基地占地多大?", "length", "基地占地约20公顷。", True),
        ("杨浦“十五五”规划编制要在什么时间之前完成?", "date", "加强“十五五”规划与各类规划衔接协调,确保高质量完成规划编制工作。", False),
        # "What portion of the tasks" is answered by "more than half" (ZP).
        ("What portion of the year's tasks did Xue Kan want completed by mid-year?", "number", "Ensure that by mid-year, more than half of the tasks are completed.", True),
        # "Which other sub-district" wants one named so, not any capitalised word (ZM).
        ("Besides Yinhang sub-district, which other Yangpu sub-district presented its plans?", "name", "The Publicity Department of the CPC Yangpu District Committee held a seminar.", False),
        ("Apart from Dinghai Road, which sub-district spoke at the meeting?", "name", "Dinghai Road Sub-district, Daqiao Sub-district and Changbai New Village Sub-district gave exchange speeches.", True),
        ("On which road is the manufacturing industry, of which Yinhang sub-district wants to take advantage?", "name", "It will take advantage of the manufacturing industry on Jungong Road.", True),
        # A GDP growth figure is a rate in per cent; 一把手 is a person, named (writer ZV).
        ("What first-quarter GDP growth figure did Yangpu report at its April quarterly meeting?", "percent", "On April 9, the District Committee and District Government Quarterly Work Meeting was held.", False),
        ("来参会的杨浦区检察院一把手叫什么名字?", "person", "区检察院主要负责人,其他市管干部参加。", False),
        ("来参会的杨浦区检察院一把手叫什么名字?", "person", "区检察院检察长王明参加。", True),
        # "Where are X?" with no other verb asks where X is (ZO); "square meters" is no square.
        ("Where are Minhang pocket parks?", "place", "80 hectares of green space, 20 pocket parks, and 30,000 square meters of three-dimensional greening will be completed.", False),
        ("Where is the coldest section of Victoria?", "place", "The Victorian Alps in the northeast are the coldest part of Victoria.", True),
        # How long a talk lasted (多久), which year (typed "yr"), which figures (哪些数据) (writers WA, WC).
        ("陆铭的报告讲了多久", "length", "会议邀请上海交通大学中国发展研究院实行院长陆铭作专题辅导报告。", False),
        ("陆铭的报告讲了多久", "length", "报告持续了两个小时。", True),
        ("what yr did the sunshine 330 program start", "year", "It will comprehensively upgrade the “Sunshine 330” program.", False),
        ("what yr did the sunshine 330 program start", "year", "The “Sunshine 330” program started in 2015.", True),
        ("副区长王浩的交流发言具体提到了哪些数据？", "number", "副区长王浩、区政协副主席顾登妹结合自身工作实际,分别作交流发言。", False),
        ("副区长王浩的交流发言具体提到了哪些数据？", "number", "王浩介绍,一季度新增就业岗位1.2万个。", True),
        ("杨浦十五五规划啥时侯编完", "date", "加强“十五五”规划与各类规划衔接协调,确保高质量完成规划编制工作。", False),
        # "Which district was the market in?" wants a district named so (writer ZY).
        ("When Chen Jining visited a building materials market, which district was it in?", "name", "Chen Jining, Secretary of the Shanghai Municipal Party Committee, emphasized the theme of this year's work.", False),
        ("When Chen Jining visited a building materials market, which district was it in?", "name", "The market lies in Baoshan District.", True),
        ("What district of Warsaw chose the President between 1994 and 1999?", "name", "The mayor of the district Centrum was designated as the President.", True),
        # What has actually been done is not answered by a plan's figure (writer WH), but by what was done.
        ("How many hectares of green space has Minhang actually completed so far this year?", "count", "650 mu of forest area will be added, and 80 hectares of green space will be completed.", False),
        ("How many hectares of green space will Minhang complete this year?", "count", "650 mu of forest area will be added, and 80 hectares of green space will be completed.", True),
        ("How many projects had already met their annual targets by mid-year?", "count", "Of 79 projects, 5 have achieved their annual targets ahead of schedule and the rest will follow.", True),
        # A name in quotation marks is no one in charge (writer WI).
        ("Who is in charge of the Yinhang Citizen Health Promotion Center?", "person", "It will upgrade Yinhang Citizen Health Promotion Center, so that the “Healthy Homes” flagship will prosper.", False),
        ("Who is in charge of the Yinhang Citizen Health Promotion Center?", "person", "The centre is run by Wang Li, director of the Yinhang health office.", True),
        # "Which metro line / station" wants one named so (writer WK).
        ("Which metro line will serve the Big Zero Bay area?", "name", "Optimize the operation mechanism of the \"Big Zero Bay\" financial port.", False),
        ("Which metro line will serve the Big Zero Bay area?", "name", "Metro Line 18 will serve the area.", True),
        # ...a name of another thing is no metro line (writer MU).
        ("which metro lines serve yinhang sub-district?", "name", "The Happy Employment Space of Yinhang sub-district provides online lectures", False),
        ("which metro lines serve yinhang sub-district?", "name", "It is served by Metro Line 8 and Line 12.", True),
        ("Which metro station did Chen Jining inspect on New Year's Eve?", "name", "He went to the Joint Security Command and the Municipal Urban Operation Management Center.", False),
        ("Which metro station did Chen Jining inspect on New Year's Eve?", "name", "He went to Hongqiao Railway Station.", True),
        # A size's phrase ends at its comma: "80 hectares of green space, 30 kilometers" sizes no Big Zero Bay (OL).
        ("big zero bay how big sq km", "length", "650 mu of forest area will be added, and 80 hectares of green space, 30 kilometers of greenways will be completed.", False),
        ("big zero bay how big sq km", "length", "Big Zero Bay covers 5.6 square kilometers.", True),
        # "Which program Yinhang sub-district upgrades" asks the program, not a sub-district (writer OV).
        ("Name the program Yinhang sub-district says it will comprehensively upgrade", "name", "In addition, it will comprehensively upgrade the “Sunshine 330” program.", True),
        ("Name the program Yinhang sub-district says it will comprehensively upgrade", "name", "it will upgrade the program, and strive for great social effects.", False),
        # Who attended is not how many people live there (writer OU).
        ("yangpu april quarter meeting how many people come sit there", "count", "Besides, it makes efforts to make the common wish of 200,000 residents come true.", False),
        ("How many people attended the Yangpu quarterly work meeting?", "count", "About 300 people attended the meeting.", True),
        # Moving back is not when the renovation is done (five writers).
        ("When will the residents relocated from No. 5530 Longwu Road be able to move back into their homes?", "date", "The renovation of the old housing in No. 5530, Longwu Road will be completed by the end of September.", False),
        ("When will the residents relocated from No. 5530 Longwu Road be able to move back into their homes?", "date", "Residents will move back in by March 2025.", True),
        # A calendar date is not a weekday (writer OM).
        ("I should like to know the exact calendar date on which the first quarterly work meeting was held", "date", "On Wednesday, the Shanghai Municipal Party Committee held the first quarterly work meeting.", False),
        # A place is no one's name, and "who is he? name" wants a name, not a group (writers OL, OP).
        ("that urban renewal conference, who gave the speech", "person", "To realize upgrading, Yinhang sub-district will explore urban renewal.", False),
        ("Yinhang sub-district party secretary, who is he? name", "person", "It selects senior and junior party secretaries to build secretarial teams.", False),
        ("Yinhang sub-district party secretary, who is he? name", "person", "Party secretary Li Ming spoke.", True),
        # "Which museum" wants a museum named so, not any capitalised words (writer NR).
        ("which museum did the yangpu culture and tourism bureau talk about at the april meeting", "name", "Continue to expand the popularity of the Spring Festival Couplets Culture Festival.", False),
        ("which museum did the yangpu culture and tourism bureau talk about at the april meeting", "name", "The bureau will renovate the Yangpu Riverside Museum.", True),
        # Where he went: a place he went to (writer NR).
        ("where did shanghai party secretary chen jining go on the night of dec 31", "place", "Chen Jining, Secretary of the Shanghai Municipal Party Committee, emphasized the theme.", False),
        ("where did shanghai party secretary chen jining go on the night of dec 31", "place", "On the night of December 31, he went to the New Year's Eve Joint Security Command.", True),
        # "Which city action": an action named so, quoted or capitalised before the word, not any capitalised word
        # ("Yangpu District"); "which unit?" is answered by what unit, when the question does not say (NW, NU).
        ("for new grads finding job, yangpu follow which city action ar? got a name is it", "name", "It will closely follow the goal of Yangpu District regarding the construction of a national civilized district.", False),
        ("for new grads finding job, yangpu follow which city action ar? got a name is it", "name", 'Commit to stable employment, in line with the city’s "Happy Employment in Shanghai Plus" action requirements.', True),
        ("Which Shanghai city employment campaign should help new graduates find jobs?", "name", "Implement the Happy Employment Plus action for graduates.", True),
        ("street shops in Yangpu which special action doing, about fire and gas?", "name", 'Carry out the special action of old gas pipeline renovation and "fire and gas source cleaning" for street shops.', True),
        ("Which programme did Yinhang say it would upgrade?", "name", "It will launch more party building flagship programs with distinctive features.", False),
        # Who presided, asked as "which person presided" or "who actually chaired": one the text says presided (MG, NP).
        ("Which person presided over the 18th meeting of the Standing Committee?", "person", "At the 18th meeting of the Standing Committee, Chen Huawen, district mayor, made a report.", False),
        ("who actually chaired the standing committee meeting on aug 22?", "person", "At the meeting on August 22, Chen Huawen, district mayor, made a report.", False),
        ("who actually chaired the standing committee meeting on aug 22?", "person", "The meeting on August 22 was chaired by Wang Li, chairman of the Standing Committee.", True),
        ("on december 28 Chen Jining went to inspect which unit? the one of facilities and extreme weather", "name", "On December 28, Chen Jining went to the water and electricity supply unit to inspect the operation of facilities.", True),
        ("Which water and electricity supply unit did Chen Jining inspect?", "name", "On December 28, Chen Jining went to the water and electricity supply unit to inspect the operation of facilities.", False),
    ],
)
def test_a_fact_of_the_asked_kind_must_be_given(question, kind, text, holds):
    assert question_type(question) == kind
    assert holds_type(text, kind, question) is holds



@pytest.mark.parametrize(
    "question",
    [
        "杨浦“3+X”未来产业先导区以什么为核心主导?",  # asks what the zone centres on, not what the code stands for
        "What does the \"Sunshine Home\" centre specifically offer?",  # quoted, but no code
        "Which three relationships must the \"Five Centers\" construction keep in view?",
    ],
)
def test_only_a_question_about_the_parts_of_a_coded_name_asks_for_them(question):
    assert question_type(question) != "parts"


def test_this_years_plan_does_not_answer_for_last_year():
    question = "How many kilometres of greenways did Minhang complete last year?"
    plan = "This year, 80 hectares of green space and 30 kilometers of greenways will be completed."
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(plan)]).abstained
    done = "Last year, Minhang completed 25 kilometers of greenways."
    assert not ExtractiveGenerator(idf=flat_idf).generate(question, [hit(done)]).abstained
    # "its last year" is not a time: the company's final year of a deal.
    assert not asks_about_last_year("Anheuser-Busch InBev had a discount.", "Which company was in its last year of the deal?")


def test_who_he_is_the_sentence_before_says():
    question = "Which party secretary visited the security command on December 31?"
    before = "Ten years ago, Municipal Party Committee Secretary Chen Jining went to the front line."
    best = "On the night of December 31, he visited the security command to inspect the city."
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(f"{before} {best}")])
    assert not answer.abstained and "Chen Jining" in answer.text
    alone = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(best)])
    assert alone.abstained


def test_who_chaired_is_not_answered_by_whose_speech_was_studied():
    question = "Who presided over the district quarterly work meeting in April?"
    headline = "District Committee and District Government Quarterly Work Meeting Held April 08,2024."
    lead = "To study General Secretary Xi Jinping's speech, on April 9, the district quarterly work meeting was held."
    fact = "Xue Kan, Secretary of the District Committee, chaired the meeting and delivered a speech."
    assert not holds_type(lead, "person", question)
    assert holds_type(fact, "person", question)
    # The fact comes after the headline and the lead that restates it; both match the question better.
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(f"{headline} {lead} {fact}")])
    assert not answer.abstained and "Xue Kan" in answer.text
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(f"{headline} {lead}")]).abstained


def test_generator_abstains_when_a_coded_name_is_only_mentioned():
    question = 'What do the individual numbers in Yangpu\'s "1+2+3+4" industrial system stand for?'
    mentioned = 'Yangpu is striving to build a resilient, advanced and reliable "1+2+3+4" innovative modern industrial system.'
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(mentioned)]).abstained
    spelt_out = mentioned[:-1] + ", namely one core, two wings, three clusters and four bases."
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(spelt_out)])
    assert not answer.abstained and "one core, two wings" in answer.text


def test_a_sentence_about_the_18th_meeting_does_not_answer_for_the_17th():
    text = "The 18th meeting of the Standing Committee of the Seventh People's Congress was held on August 22."
    generator = ExtractiveGenerator(idf=flat_idf, abstain_threshold=0.15)
    asked_17th = generator.generate("When was the 17th meeting of the Standing Committee held?", [hit(text)])
    assert asked_17th.abstained and not asked_17th.citations
    asked_18th = generator.generate("When was the 18th meeting of the Standing Committee held?", [hit(text)])
    assert not asked_18th.abstained and "August 22" in asked_18th.text


def test_revenue_is_an_amount_and_before_the_end_of_the_year_is_a_date():
    question = "What was Yangpu's total tax revenue in the first quarter of 2024?"
    assert question_type(question) == "money"
    assert not holds_type("Yangpu's economy grew steadily in the first quarter of 2024.", "money", question)
    assert holds_type("Tax revenue reached 12.5 billion yuan.", "money", question)
    assert question_type("How much of Poland's national income does Warsaw produce?") == "number"  # a share
    question = "When do the residents of the old housing have to move out?"
    assert holds_type("All residents will move out before the end of the year.", "date", question)


@pytest.mark.parametrize(
    ("question", "text", "counted"),
    [
        # What each count counts, up to its first function word, when none counts the asked thing by its words.
        ("How many party members are there in Yinhang?", "It extends four mechanisms of the alliance.", ("party members", ["mechanisms"])),
        ("How many working methods with local characteristics are there?", "It has 12 small gardens.", ("working methods", ["small gardens"])),
        # A long noun phrase is read to its noun: business centers, not "major city-level core" (close to anything).
        (
            "how many new primary schools is minhang opening this year",
            "relying on the three major city-level core business centers of Hongqiao",
            ("new primary schools", ["major city-level core business centers"]),
        ),
        # A count of the asked thing by its own words, one of nothing in particular, or a year: nothing to judge.
        ("How many Frenchmen won the battle?", "Some 3,600 Frenchmen famously won.", (None, [])),
        ("How many buildings will be renovated?", "More than half of the tasks will be done.", ("buildings", ["tasks"])),
        ("How many yards did the defense give up?", "The defense gave up a total of 4,530.", (None, [])),
        ("How many teachers were stressed?", "A 2012 study found that teachers were stressed.", ("teachers", [])),
        ("有多少名党员?", "共有四个机制。", (None, [])),  # Chinese counts are judged by measure words
        # A measure counts what it measures: kilometres of greenways are no kilometres of gas pipelines.
        ("How many kilometers of old gas pipelines will Yangpu replace?", "Minhang will build 30 kilometers of greenways.", ("old gas pipelines", ["greenways"])),
        ("How many kilometers of greenways will Minhang build?", "Minhang will build 30 kilometers of greenways.", (None, [])),
        # "Of the projects, how many already hit …" named the projects first: any count may answer.
        ("Of Minhang's practical projects, how many already hit their targets?", "5 projects have completed.", (None, [])),
    ],
)
def test_what_a_count_counts(question, text, counted):
    assert counted_things(text, question) == counted


@pytest.mark.parametrize(
    ("question", "text", "named"),
    [
        # Counts sharing a word with "how many X", up to their first function word or verb, "of" kept.
        ("How many big industrial projects is Minhang pushing?", "It will build 71 major industrial projects and 16 projects that started.",
         ("big industrial projects", ["major industrial projects", "projects"])),
        ("How many mu of high-standard farmland will be built?", "650 mu of forest area will be added.",
         ("mu of high-standard farmland", ["mu of forest area"])),
        ("How many residents does Yinhang serve?", "It makes the wish of 200,000 residents come true.", ("residents", ["residents come true"])),
        ("How many parks are open?", "Three social units will open green spaces.", ("parks", [])),
        ("Of the projects, how many already hit their targets?", "5 projects have completed.", (None, [])),
        ("有多少名党员?", "共有四个机制。", (None, [])),
    ],
)
def test_which_counts_name_the_asked_thing(question, text, named):
    assert named_counts(text, question) == named


def similar_if_shared_word(phrase, others):
    """A stand-in for the embedding model: phrases sharing a word are alike."""
    words = set(phrase.lower().split())
    return [1.0 if words & set(o.lower().split()) else 0.1 for o in others]


def test_a_count_of_something_else_does_not_answer_how_many():
    question = "How many party members are there in Yinhang sub-district?"
    text = "Yinhang sub-district extends four mechanisms of the alliance to its party members."
    judged = ExtractiveGenerator(idf=flat_idf, phrase_similarity=similar_if_shared_word)
    assert judged.generate(question, [hit(text)]).abstained
    assert not ExtractiveGenerator(idf=flat_idf).generate(question, [hit(text)]).abstained  # words alone answer
    # A sentence that counts the members answers, chosen over the one that does not.
    members = "Yinhang sub-district has 3,200 registered members in its party."
    answer = judged.generate(question, [hit(text + " " + members)])
    assert not answer.abstained and "3,200" in answer.text


def test_the_real_model_tells_what_a_count_counts(real_embedder):
    generator = make_generator("extractive", Settings(), flat_idf, real_embedder.embed)
    # "four mechanisms" are not party members...
    question = "How many Communist Party members are there in Yinhang sub-district?"
    text = "Yinhang sub-district extends four mechanisms of the Regional Party Building Alliance."
    assert generator.generate(question, [hit(text)]).abstained
    # ...but "contenders" are competitors, and "Frenchmen" count a Frenchman.
    answer = generator.generate("How many other competitors took part in the contest?", [hit("Nine other contenders from the region took part in the contest.")])
    assert not answer.abstained and "Nine" in answer.text
    answer = generator.generate("How many French colonists did the British gain?", [hit("The British gained 80,000 primarily French-speaking Roman Catholic colonists.")])
    assert not answer.abstained and "80,000" in answer.text
    # A count of nearly the asked words is taken over a sentence that matches the question's other words, and
    # answers though it shares few of them; "16 projects" or "650 mu of forest area" is not what was asked.
    question = "How many big industrial projects is Minhang pushing to build, according to the mayor's August report?"
    report = "In his August report, Minhang's mayor spoke about projects."
    counted = "We will promote the construction of 71 major industrial projects."
    answer = generator.generate(question, [hit(f"{report} We will speed up 16 projects that have started. {counted}")])
    assert not answer.abstained and counted in [c.text for c in answer.citations]
    assert generator.generate(question, [hit("We will speed up 16 projects that have started.")]).abstained
    farmland = "How many mu of high-standard farmland will Minhang build south of the Dazhi River?"
    assert generator.generate(farmland, [hit("650 mu of forest area will be added this year.")]).abstained


def test_a_deadline_is_a_date_something_must_be_done_by():
    question = plain_question("What's the application deadline for the relief measures Minhang launched?")
    assert question_type(question) == "date"
    assert not holds_type("Since the beginning of this year, the district has launched a number of measures.", "date", question)
    assert holds_type("The renovation will be completed by the end of September.", "date", question)
    assert holds_type("Applications are due on March 31.", "date", question)
    assert holds_type("申请截止日期为3月31日。", "date", "补贴申请的截止日期是哪天?")
    # Without "deadline", a start date still answers "when".
    assert holds_type("Since the beginning of this year, the district has launched measures.", "date", "When did the measures start?")


def test_a_title_given_as_such_answers_though_it_shares_few_words():
    text = (
        "会议邀请上海交通大学中国发展研究院执行院长陆铭作专题辅导报告。"
        "报告以“中国经济和城市发展”为题,从三个方面对当前中国经济发展的宏观形势进行了解读。"
    )
    generator = ExtractiveGenerator(idf=flat_idf, abstain_threshold=0.15)
    answer = generator.generate("陆铭那场讲座题目叫什么", [hit(text)])
    assert not answer.abstained and "中国经济和城市发展" in answer.text
    # A quoted phrase that is not given as a title does not answer.
    slogan = "会议强调,要做好“三篇大文章”,推动经济持续回升向好,全力以赴完成全年目标任务。"
    assert generator.generate("陆铭那场讲座题目叫什么", [hit(slogan)]).abstained


@pytest.mark.parametrize(
    ("question", "text", "only_counted"),
    [
        # The article counts them and goes on to something else: it never says which.
        (
            "Which three social units will open their green spaces to the public?",
            "This year, we will promote the opening of green spaces affiliated to three social units, and actively "
            "explore the normal and long-term management mechanism for 24-hour opening of parks.",
            True,
        ),
        (
            "Which five of Minhang's practical projects have already met their annual targets?",
            "Among them, 5 projects have completed their annual targets ahead of schedule.",
            True,
        ),
        ("Which 3 social units will open?", "Green spaces of three social units will open.", True),
        # "which five of the … projects": the projects (writer ZH).
        (
            "which five of the min hang practical projects already hit their annual targets early",
            "Among them, 5 projects have completed their annual targets ahead of schedule.",
            True,
        ),
        # ...or it names them, after or before the count, or refers back to them by "the".
        (
            "What are the four mechanisms of the Regional Party Building Alliance?",
            "It extends four mechanisms of the Alliance with local characteristics, namely the frontline working "
            "method, called-in consultation, mutual benefit and talents exchange.",
            False,
        ),
        ("What were the two forms of environmental determinism?", "This takes two forms, orientalism and tropicality.", False),
        ("Which two importers claimed a breach?", "In Keck and Mithouard two importers claimed that the law was unfair.", False),
        ("Which three units will open?", "The three units are the library, the museum and the school.", False),
        ("Which three units will open?", "Three units: the library, the museum and the school.", False),
        # It does not count the asked things at all, or the question asks for no list.
        ("Which three social units will open?", "The library, the museum and the school will open their gardens.", None),
        ("Which three social units will open?", "Three parks will open their gardens.", None),
        ("How many social units will open?", "Three social units will open.", None),
        ("哪三个单位会开放绿地?", "三家单位将开放附属绿地。", None),
    ],
)
def test_a_document_that_only_counts_the_asked_things_does_not_say_which(question, text, only_counted):
    assert counts_without_naming(text, question) is only_counted


def test_which_three_is_not_answered_when_the_document_only_counts_them():
    question = "Which three social units will open their affiliated green spaces to the public this year?"
    counted = (
        "This year, we will promote the orderly opening of green spaces affiliated to three social units, and actively "
        "explore the long-term management mechanism for 24-hour opening of parks."
    )
    assert ExtractiveGenerator(idf=flat_idf).generate(question, [hit(counted)]).abstained
    named = counted.replace("three social units,", "three social units: the Jiao Tong campus, the Gas Works and the Minhang Port,")
    answer = ExtractiveGenerator(idf=flat_idf).generate(question, [hit(named)])
    assert not answer.abstained and "Gas Works" in answer.text


@pytest.mark.parametrize(
    ("question", "people"),
    [
        ("区委副书记周嵘在本次区委常委会扩大会议上传达了哪项会议精神?", ["周嵘"]),
        ("区委副书记 周荣 在 3月17日 的 meeting 上讲了什么?", ["周荣"]),
        ("闵行区长陈华文在3月17日杨浦区委中心组学习会上传达了什么精神?", ["陈华文"]),
        ("副区长王浩分管哪些工作?", ["王浩"]),
        ("区委书记是谁?", []),  # a title alone names no one
        ("区委书记在会上说了什么?", []),
        ("Who is the district party secretary?", []),
        ("陆铭除了是全国政协委员以外,另外担任什么职务?", []),  # "以外" after a title is no name (writer RE)
        ("会上哪个副区长做交流发言", []),  # a verb after the title (writer RU)
    ],
)
def test_a_chinese_question_names_a_person_after_their_title(question, people):
    assert zh_titled_people(normalize_question(question)) == people


@pytest.mark.parametrize(
    "question",
    [
        "区委副书记周嵘在本次区委常委会扩大会议上传达了哪项会议精神?",  # writer XF: the article names no 周嵘
        "区委副书记 周荣 在 3月17日 的 meeting 上讲了什么?",  # writer XY
        "闵行区长陈华文在3月17日杨浦区委中心组学习会上传达了什么精神?",  # Minhang's mayor, in the Yangpu article
    ],
)
def test_a_chinese_question_about_someone_the_article_never_names_is_not_answered(readonly_seed_pipeline, question):
    assert readonly_seed_pipeline.ask(question).abstained


def test_a_chinese_question_about_someone_the_article_names_is_answered(readonly_seed_pipeline):
    answer = readonly_seed_pipeline.ask("区长周海鹰在会上传达了什么精神?")
    assert not answer.abstained and "周海鹰传达" in answer.text


@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        # Writer ZU: an either-or question is answered by a sentence that says one of the options.
        ("Was the meeting held in the morning or in the afternoon?", "On April 9, the Quarterly Work Meeting was held.", False),
        ("Was the meeting held in the morning or in the afternoon?", "On the afternoon of April 9, the meeting was held.", True),
        ("Will about 300 or about 500 households be relocated?", "The renovation of No. 5530 will be completed by September.", False),
        ("Will about 300 or about 500 households be relocated?", "About 500 households will be relocated.", True),
        ("Is Yangpu aiming to place 3,000 or 5,000 new graduates?", "It will place 30,000 people in jobs.", False),
        ("Was the testing a failure or a success?", "The LM engines were successfully test-fired.", True),
        ('Is Yangpu building a "1+2+3+4" or a "3+X" industrial system?', 'It builds the "1+2+3+4" modern industrial system.', True),
        ("3月17日那次会议是在区委大楼还是在区政府礼堂开的?", "3月17日上午,区委常委会扩大会议举行。", False),
        ("会上作专题辅导报告的是陆铭还是王浩?", "会议邀请陆铭作专题辅导报告。", True),
        ("闵行今年20个口袋公园总投资是1亿元还是2亿元?", "新建20个口袋公园。", False),
        # Not a choice: "or" inside what is asked about, or a clause after it.
        ("Is there anything for entrepreneurs back from studying or working overseas?", "It will create an incubation base.", True),
        ("Would opportunities be the same in each subject, or would they vary?", "Subjects differ.", True),
        ("Who chaired the meeting?", "Xue Kan chaired the meeting.", True),
        ("会议是几号开的啊,早上还是下午", "3月17日上午,区委常委会扩大会议举行。", True),  # writer KD: 早上 is 上午
        ("会议是几号开的啊,早上还是下午", "3月17日,区委常委会扩大会议举行。", False),
        # Writer LT: 还是 in a preface says "still"; the sentence that asks offers no choice.
        ("我住的还是厂里分的老工房，厨房卫生间合用。区里旧住房成套改造是按什么计划来搞的？", "高标准实施旧住房成套改造“三年行动计划”。", True),
    ],
)
def test_an_either_or_question_wants_one_of_its_options(question, text, gives):
    assert gives_an_option(text, question) is gives


def test_the_seeds_answer_an_either_or_question_only_with_one_of_its_options(readonly_seed_pipeline):
    chaired = readonly_seed_pipeline.ask("Was it Xue Kan or Zhou Haiying who chaired Yangpu's April quarterly work meeting?")
    assert not chaired.abstained and "Xue Kan" in chaired.text
    assert readonly_seed_pipeline.ask("Was Yangpu's April 9 quarterly work meeting held in the morning or in the afternoon?").abstained
    assert readonly_seed_pipeline.ask("杨浦今年“完整社区”建设是先启动3个还是5个试点?").abstained


@pytest.mark.parametrize(
    ("question", "kind", "text", "holds"),
    [
        # Writers QT, QU, QZ: a year of a five-year plan is named by its place in the plan.
        ("今年的全国两会是在哪个五年规划的哪一年召开的？", "year", "全国两会是在“十四五”规划收官之年召开的。", True),
        ("这次两会是十四五什么时候开的", "date", "全国两会是在“十四五”规划收官之年召开的。", True),
        ("十四五规划是哪一年制定的?", "year", "全国两会是在“十四五”规划收官之年召开的。", False),  # the plan itself
        ("区委学习会是在十五五规划的哪一年开的?", "year", "全国两会是在“十四五”规划收官之年召开的。", False),
        # "What date exactly": a day of the calendar, not "On Wednesday".
        ("What date exactly did the committee hold its first quarterly meeting?", "date", "On Wednesday, the committee held its first quarterly meeting.", False),
        ("What date exactly did the committee hold its first quarterly meeting?", "date", "On January 3, the committee held its first quarterly meeting.", True),
        # A share asked "alone" is not the sum it is part of (writer ZN).
        ("Of the incomplete houses, how many square meters are in Luhui Village 1 alone?", "count", "the 10,000 square meters of incomplete houses in Xinzhuang Town and Luhui Village 1", False),
        ("Of the incomplete houses, how many square meters are in Luhui Village 1 alone?", "count", "the 2,000 square meters of incomplete houses in Luhui Village 1", True),
        # A population is people (writer QT): not "16 projects".
        ("what is the number of population in Minhang district?", "figure", "Speed up the construction of 16 projects in Minhang.", False),
        ("what is the number of population in Minhang district?", "figure", "Minhang has 2.7 million residents.", True),
        # 负责人 is who is in charge, not what they are in charge of (writer QT).
        ("王浩副区长主要负责哪些方面的工作？", "duty", "区检察院主要负责人,区各部、委、办、局党政主要负责人参加。", False),
        ("王浩副区长主要负责哪些方面的工作？", "duty", "副区长王浩负责城市建设。", True),
        # An event's name is quoted (writers QW, QZ): a list of kinds of consumption names none.
        ("杨浦二次元经济准备整什么活动 具体叫什么名", "name", "大力发展直播经济、二次元经济等新型消费,推出一批活动。", False),
        ("杨浦二次元经济准备整什么活动 具体叫什么名", "name", "推出“二次元嘉年华”等活动。", True),
        # Leading enterprises named, not the words "行业龙头企业" again (writers PD, PH).
        ("杨浦区发展直播经济，有哪些龙头企业？", "name", "充分发挥行业龙头企业引领作用。", False),
        ("杨浦区发展直播经济，有哪些龙头企业？", "name", "哔哩哔哩公司等龙头企业落户杨浦。", True),
        ("“完整社区”建设先在哪个街道试点?", "name", "在殷行街道先行试点。", True),
        # The size of a park is not that of the green space or forest added (writers PF, PH).
        ("how big is maqiao future boat park in hectares?", "length", "and 80 hectares of green space, 650 mu of forest area", False),
        ("how big is maqiao future boat park in hectares?", "length", "Maqiao Future Boat Park covers 80 hectares.", True),
        ("How big is the new green space in hectares?", "length", "and 80 hectares of green space will be added", True),
        # "From which three aspects": the aspects, not a list of the speaker's titles (writer PL).
        ("陆铭的专题辅导报告是从哪三个方面来讲的？", "list", "会议邀请全国政协委员、人口资源环境委员会委员陆铭作专题辅导报告。", False),
        ("陆铭的专题辅导报告是从哪三个方面来讲的？", "list", "报告从中国经济,统一大市场、城市群与都市圈,建设现代化大城市等三个方面进行了解读。", True),
        ("杨浦在产业链上要持续推动哪几方面的“链”?", "list", "推动创新链、产业链、资金链、人才链深度融合。", True),
    ],
)
def test_facts_of_the_asked_kind_from_writers_qt_to_pl(question, kind, text, holds):
    assert question_type(question) == kind
    assert holds_type(text, kind, question) is holds


def test_the_run_up_of_a_long_question_does_not_say_what_is_asked(readonly_seed_pipeline):
    # Writer PN: "I already noted …" in the run-up does not ask what was already done.
    question = (
        "Regarding the park city section of that same Minhang report, I already noted the greenways in kilometers, the "
        "pocket parks and the three-dimensional greening in square meters, but being an old engineer I like to have all "
        "the quantities on one sheet, so how much new forest area did Minhang say it would add over the whole year?"
    )
    answer = readonly_seed_pipeline.ask(question)
    assert not answer.abstained and "650 mu of forest area" in answer.text


def test_the_seeds_answer_writers_qt_to_qz(readonly_seed_pipeline):
    # "for who is that base?" wants a group of people, though the question names a place (writer QT).
    base = readonly_seed_pipeline.ask("Yinhang sub-district make incubation base, but for who is that base? i am curious")
    assert not base.abstained and "overseas returnees" in base.text
    # "how many square meters?" is answered in square meters, whatever they are of (writer QU).
    area = readonly_seed_pipeline.ask("size of the incomplete houses in Xinzhuang Town that need a renovation plan - how many sq m?")
    assert not area.abstained and "10,000 square meters" in area.text
    # A count asked before its subject, "Minhang district" (writer QT).
    projects = readonly_seed_pipeline.ask("how much is the number of major industrial projects Minhang district will push construction this year?")
    assert not projects.abstained and "71 major industrial projects" in projects.text
    assert readonly_seed_pipeline.ask("wen does maqiao future boat park open 2 the public").abstained
    assert readonly_seed_pipeline.ask("gongqing forest park ticket how much for old people").abstained


def test_the_seeds_answer_writers_ok_to_oq(readonly_seed_pipeline):
    # A length asked in a unit with the sentence running on, "how many kilometer they make" (writer OP).
    greenways = readonly_seed_pipeline.ask("Minhang park city, greenway how many kilometer they make this year?")
    assert not greenways.abstained and "30 kilometers of greenways" in greenways.text
    # "一种什么样的形象": what the cadres should strive to be, after the measure word (writer OM).
    tiger = readonly_seed_pipeline.ask("请问会议在要求干部担当作为时,希望干部们争当一种什么样的形象?")
    assert not tiger.abstained and "小老虎" in tiger.text
    # No total for the 71 projects, no party secretary of Yinhang named, no size of Big Zero Bay (writers OL, OQ).
    assert readonly_seed_pipeline.ask("minhang 71 projects total money how much").abstained
    assert readonly_seed_pipeline.ask("Total capex for Minhang's 71 major industrial projects?").abstained
    assert readonly_seed_pipeline.ask("Yinhang sub-district party secretary, who is he? name plz").abstained
    assert readonly_seed_pipeline.ask("big zero bay how big sq km").abstained


def test_the_seeds_answer_writers_nj_to_nr(readonly_seed_pipeline):
    # "the forest area … which Minhang District plans to add" asks an area, not which district (writer NL).
    forest = readonly_seed_pipeline.ask(
        "Please state the additional forest area (with unit) which Minhang District plans to add throughout the year for the park city construction."
    )
    assert not forest.abstained and "650 mu of forest area" in forest.text
    # Where he went, not the sentence that names him (writer NR).
    went = readonly_seed_pipeline.ask("where did shanghai party secretary chen jining go on the night of dec 31")
    assert not went.abstained and "Joint Security Command" in went.text
    # The tunnel is listed among projects to complete, with no date; no museum is named (writers NJ, NL, NR).
    assert readonly_seed_pipeline.ask("What is the planned construction completion date of the Yindu Road Cross-River Tunnel in Minhang?").abstained
    assert readonly_seed_pipeline.ask("What is the timeline for completion of Yindu Road Cross-River Tunnel?").abstained
    assert readonly_seed_pipeline.ask("which museum did the yangpu culture and tourism bureau talk about at the april meeting").abstained
    # No year he became secretary, no hour he went, no market's name (writers NU, NT, NZ).
    assert readonly_seed_pipeline.ask("qué year Chen Jining become the secretary of the Shanghai party committee?").abstained
    assert readonly_seed_pipeline.ask("what time on new years eve did Chen Jining go to the security command centre?").abstained
    assert readonly_seed_pipeline.ask("Name that building materials market Chen Jining dropped in on without warning on Dec 28!").abstained
    # The city's action, cited alone: not also Yinhang's civilized-district goal, which names no action (NW and ten others).
    action = readonly_seed_pipeline.ask("for new grads finding job, yangpu follow which city action ar? got a name is it")
    assert "Happy Employment in Shanghai Plus" in action.text and len(action.citations) == 1


def test_the_seeds_answer_a_search_boxs_keywords(readonly_seed_pipeline):
    # "Yangpu mayor?" names the mayor; "… start year?" is not answered by a sentence that shares its words (writer JM).
    mayor = readonly_seed_pipeline.ask("Yangpu mayor?")
    assert not mayor.abstained and mayor.text.startswith("Zhou Haiying")
    assert readonly_seed_pipeline.ask("Sunshine 330 program start year?").abstained


def test_the_seeds_never_say_what_three_fives_three_sixes_stand_for(readonly_seed_pipeline):
    # The article quotes the objectives' name and never spells them out (writers IA, JE, JQ).
    assert readonly_seed_pipeline.ask('What exact numerical targets do the "three fives, three sixes" objectives correspond to?').abstained
    assert readonly_seed_pipeline.ask(
        'Zhou Haiying kept referring to the annual "three fives, three sixes" objectives at the Yangpu meeting. What do '
        "the fives and sixes actually stand for, which indicators are they?"
    ).abstained


def test_the_seeds_give_no_hour_budget_or_opening_date(readonly_seed_pipeline):
    # The meeting's hour, Yangpu's budget and the tunnel's opening date are never given (writers IB, KP, KX, JY).
    assert readonly_seed_pipeline.ask("The April quarterly meeting in Yangpu, it start at what o'clock in the morning?").abstained
    assert readonly_seed_pipeline.ask("What is Yangpu District's total fiscal budget for 2024, as set out at the April quarterly work meeting?").abstained
    assert readonly_seed_pipeline.ask("Yindu Road Cross-River Tunnel - target opening date for traffic?").abstained
    assert readonly_seed_pipeline.ask("The Yindu Road Cross-River Tunnel expected to finish by when leh?").abstained


def test_the_seeds_answer_cantonese_and_a_learners_chinese(readonly_seed_pipeline):
    # 边几类 asks which kinds (writer KP); Lu Ming's age and the first "完整社区" sub-district are never given (JI, KQ).
    kinds = readonly_seed_pipeline.ask("擴大內需方面，薛侃提到要大力發展邊幾類新型消費？")
    assert not kinds.abstained and "二次元经济" in kinds.text
    assert readonly_seed_pipeline.ask("陆铭今年多大年级?").abstained
    assert readonly_seed_pipeline.ask("“完整社区”头一个放在杨浦哪只街道").abstained


def test_a_question_may_offer_its_options_after_a_dash():
    # Writer IL: "who was the District Mayor — Xue Kan or Zhou Haiying?" is answered by one of the names it offers.
    question = "Quick-fire round: at Yangpu's quarterly work meeting, who was the District Mayor — Xue Kan or Zhou Haiying?"
    mayor = "Zhou Haiying, Deputy Secretary of the District Committee and District Mayor, deployed focus work."
    assert holds_type(mayor, "person", question)
    assert not holds_type("Xue Kan, Secretary of the District Committee, chaired the meeting.", "person", question)
    # Writer PB: "they cost money or free": neither is said by a sentence about the courses.
    assert not gives_an_option("It will upgrade the Sunshine 330 program.", "Sunshine 330 courses in Yinhang, they cost money or free?")


def test_how_many_spoke_and_who_they_are_is_answered_by_the_names(readonly_seed_pipeline):
    # "副区长王浩、区政协副主席顾登妹…分别作交流发言" counts them by naming them (writers JS, UA).
    answer = readonly_seed_pipeline.ask("会上作交流发言的有几位?分别是谁?")
    assert not answer.abstained and "王浩" in answer.text and "顾登妹" in answer.text

