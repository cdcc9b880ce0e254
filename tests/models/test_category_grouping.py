"""The campaign's category-grouping switch (issue 15 §2): HQ turning `rank_by_category` off
ranks the county's units in one list — the rankings, the bands, the appraisal export, the
comparison's last band and `stats --json` all follow it — on the hand-made county of
tests/models/test_rankings.py."""

from models.rankings import Band, CountyList, category_ranking, rankings_json
from models.reference import Campaign
from models.stats import Filters
from tests.models.test_rankings import county  # noqa: F401  (the fixture)


def _one_list(store, campaign) -> None:
    with store.write("hq") as w:
        w.update(Campaign, campaign, {"rank_by_category": False})


def test_a_campaign_not_grouped_ranks_one_county_list_with_its_bands(county):  # noqa: F811
    store, campaign = county
    _one_list(store, campaign)
    with store.read() as conn:
        ranking = category_ranking(conn, campaign)
    assert list(ranking) == [CountyList.COUNTY]
    placed = [(u["unit_name"], u["rank"], u["band"]) for u in ranking[CountyList.COUNTY]]
    # 8 ranked units by score, then rate, then name: 先进 ceil(8 × 20 %) = 2, 末位 the last 2
    assert placed == [("二中", 1, Band.ADVANCED), ("甲镇", 2, Band.ADVANCED),
                      ("乙镇", 3, Band.QUALIFIED), ("丙镇", 4, Band.QUALIFIED),
                      ("一中", 5, Band.QUALIFIED), ("丁镇", 6, Band.QUALIFIED),
                      ("戊镇", 7, Band.LAST), ("街道办", 8, Band.LAST), ("己镇", None, None)]
    by_name = {u["unit_name"]: u for u in ranking[CountyList.COUNTY]}
    assert by_name["一中"]["category"] == "school"  # each keeps its own category
    with store.read() as conn:
        json = rankings_json(conn, Filters(campaign))
    assert json["grouped_by_category"] is False
    assert [u["unit_name"] for u in json["by_category"]["county"]][:2] == ["二中", "甲镇"]


def test_a_grouped_campaign_says_so_in_stats_json(county):  # noqa: F811
    store, campaign = county
    with store.read() as conn:
        json = rankings_json(conn, Filters(campaign))
    assert json["grouped_by_category"] is True and set(json["by_category"]) == {"township",
                                                                                "school"}


def test_the_appraisal_export_follows_the_switch(county, tmp_path):  # noqa: F811
    from reports.appraisal import appraisal_sheet, category_sheet

    store, campaign = county
    _one_list(store, campaign)
    with store.read() as conn:
        sheet = appraisal_sheet(conn, campaign, "2026年万民评议")
        ranks = category_sheet(conn, campaign, "2026年万民评议")
    assert [c.title for c in sheet.columns][5] == "全县名次"
    assert [(r[0], r[1], r[5], r[6]) for r in sheet.rows][:2] == [("学校", "二中", 1, "先进"),
                                                                  ("乡镇（街道）", "甲镇", 2, "先进")]
    assert ranks.rows[0][1] == "【全县统一排名】" and ranks.subtitle.startswith("全县统一排名")
