"""Chinese characters spelled in pinyin, for matching names across scripts."""

from rag.pinyin import pairs, places, readings


def test_a_character_with_several_readings_gives_each():
    assert readings("行") == ("xing", "hang", "heng")
    assert readings("浦") == ("pu",)
    assert readings("a") == () and readings("，") == ()


def test_pairs_are_spelled_in_every_reading_and_stop_at_punctuation():
    found = dict(pairs("闵行区，杨浦"))
    assert "minhang" in found["闵行"] and "minxing" in found["闵行"]
    assert found["杨浦"] == frozenset({"yangpu"})
    assert "区杨" not in found  # the comma ends a run


def test_named_places_are_names_cc_cedict_knows_before_a_kind_of_place():
    from rag.pinyin import named_places

    assert [pair for pair, _ in named_places("虹口区的区委书记是谁?")] == ["虹口"]  # not "区的", before 区委
    assert "hongkou" in dict(named_places("虹口区的区委书记是谁?"))["虹口"]
    assert named_places("闵行的区委书记是谁?") == []  # a name without its kind of place
    assert named_places("殷行街道在哪?") == []  # a kind of place, but no name CC-CEDICT knows
    assert [pair for pair, _ in named_places("浦东新区的区委常委会扩大会议是哪天开的")] == ["浦东"]  # a 新区 (writer RX)


def test_places_are_the_pairs_before_a_kind_of_place():
    assert [pair for pair, _ in places("闵行区委书记是谁?殷行街道在哪? 闵行 区")] == ["闵行", "殷行"]
    assert places("区里重点支持哪类青年?几年的计划") == []  # "chi na", "ji ning": words by chance, not places


def test_a_name_the_dictionary_knows_needs_no_kind_of_place_after_it():
    assert [pair for pair, _ in places("闵行的区委书记是谁?")][-1] == "闵行"  # CC-CEDICT: 闵行区 Min3 hang2 Qu1
    assert "minhang" in dict(places("闵行今年的重点项目"))["闵行"]
    assert places("银行贷款有多少?") == []  # 银行 spells Yinhang, a sub-district of Yangpu, but is "a bank"
    assert places("东方的") == []  # a surname, and also "east"
