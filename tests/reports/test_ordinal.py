"""A numbered list in a document counts its items in Chinese past a hundred (the visit-round
report of a county with more than 99 units failed at the hundredth)."""

from reports.criticism import ordinal


def test_items_are_counted_in_chinese_numerals_past_a_hundred():
    assert [ordinal(i) for i in (1, 10, 11, 20, 21, 99)] == \
        ["一", "十", "十一", "二十", "二十一", "九十九"]
    assert [ordinal(i) for i in (100, 101, 110, 115, 200, 999)] == \
        ["一百", "一百零一", "一百一十", "一百一十五", "二百", "九百九十九"]
    assert ordinal(1200) == "1200"
