"""Teams named by number sort as people count."""

from models.natural_sort import natural_key


def test_team_ten_comes_after_team_two():
    names = ["第10组", "第2组", "第1组", "综合组", "Team 3", "team 20"]
    assert sorted(names, key=natural_key) == ["Team 3", "team 20", "第1组", "第2组", "第10组",
                                              "综合组"]
