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


def test_places_are_the_pairs_before_a_kind_of_place():
    assert [pair for pair, _ in places("闵行区委书记是谁?殷行街道在哪? 闵行 区人大")] == ["闵行", "殷行", "闵行"]
    assert places("区里重点支持哪类青年?几年的计划") == []  # "chi na", "ji ning": words by chance, not places
