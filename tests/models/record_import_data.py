"""A county with what the record imports link to (units, a campaign, a team, visits, a finding,
ledger numbers), and per import kind a file with Chinese headers and one with English ones
(issue 17 §1). Shared by tests/models/test_record_imports.py and test_record_import_links.py."""

from datetime import UTC, date, datetime

import sqlalchemy as sa

from models import services
from models.records import Finding, Visit
from models.records import Problem as ProblemRow
from models.reference import Campaign, Representative, Team
from tests.models.helpers import load_units

CAMPAIGN = "2026年万民评议"
TABLES = {"opinions": "opinion", "visits": "visit", "findings": "finding",
          "criticisms": "personnel_criticism", "accountability": "accountability_case"}

# kind → (Chinese header, rows, English header, rows); every file's second row is good too.
FILES = {
    "opinions": (
        ["收到日期", "来源", "单位", "类别", "意见建议内容", "评议活动"],
        [["2026-03-01", "热线电话", "县社保中心", "服务态度", "窗口人员态度生硬", CAMPAIGN],
         ["2026-03-02", "网上", "白泥镇/卫生院", "收费问题", "挂号收费不透明", ""]],
        ["Received", "Source", "Unit", "Category", "Opinion"],
        [["2026-03-01", "Hotline call", "县社保中心", "Service attitude", "Rude at the window"],
         ["2026-03-02", "online", "卫生院", "fees", "Fees not shown"]]),
    "visits": (
        ["类别", "状态", "日期", "单位", "督查组", "督查代表", "计划时间", "地点", "情况摘要"],
        [["明查", "已完成", "2026-04-01", "县社保中心", "第一督查组", "张三", "2026-04-01 09:30",
          "办事大厅", "窗口秩序良好"],
         ["暗访", "计划中", "2026-04-02", "白泥镇/卫生院", "第一督查组", "张三、李四", "", "", ""]],
        ["Kind", "Status", "Date", "Unit", "Inspection team", "Representatives", "Place"],
        [["Open inspection", "Done", "2026-04-01", "县社保中心", "第一督查组", "张三", "Hall"],
         ["Secret visit", "Planned", "2026-04-02", "卫生院", "第一督查组", "李四", ""]]),
    "findings": (
        ["日期", "类别", "严重程度", "单位", "问题描述"],
        [["2026-03-05", "推诿拖延", "较重", "县社保中心", "窗口推诿，让群众多跑"],
         ["2026-03-05", "脱岗离岗", "一般", "县社保中心", "上班时间两个窗口无人"]],
        ["Date", "Category", "Severity", "Unit", "Description"],
        [["2026-03-05", "Procrastination, passing the buck", "Serious", "县社保中心",
          "Sent back and forth"],
         ["2026-03-05", "absent_from_post", "minor", "县社保中心", "Two windows empty"]]),
    "criticisms": (
        ["日期", "姓名", "岗位", "单位", "处理方式", "问题行为", "决定人"],
        [["2026-03-10", "王五", "窗口工作人员", "县社保中心", "批评教育", "推诿群众", "纠风办"],
         ["2026-03-11", "赵六", "收费员", "白泥镇/卫生院", "提醒谈话", "收费未公示", "纠风办"]],
        ["Date", "Person", "Post", "Unit", "Sanction", "Behaviour", "Decided by"],
        [["2026-03-10", "Wang Wu", "Clerk", "县社保中心", "Criticism and education",
          "Passed the buck", "Office"],
         ["2026-03-11", "Zhao Liu", "Cashier", "卫生院", "reminder_talk", "Fees", "Office"]]),
    "accountability": (
        ["日期", "对象", "姓名", "单位", "处理结果", "违纪事实", "台账编号"],
        [["2026-05-01", "个人", "王五", "县社保中心", "组织处理", "屡次推诿", "2026-001"],
         ["2026-05-02", "单位", "", "白泥镇/卫生院", "单位问责", "整改不力", "2026-001、2026-002"]],
        ["Date", "Subject", "Person", "Unit", "Outcome", "Violation", "Ledger number"],
        [["2026-05-01", "Person", "Wang Wu", "县社保中心", "Organisational handling",
          "Passed the buck", "2026-001"],
         ["2026-05-02", "unit", "", "卫生院", "unit_accountable", "Slow", ""]]),
}
# kind → (a bad row: the Chinese file's row 2 with this cell, column index), its column as
# the file names it, and the English sentence
BAD = {
    "opinions": (2, "不存在的单位", "单位", "unknown unit '不存在的单位'"),
    "visits": (3, "不存在的单位", "单位", "unknown unit '不存在的单位'"),
    "findings": (3, "不存在的单位", "单位", "unknown unit '不存在的单位'"),
    "criticisms": (3, "不存在的单位", "单位", "unknown unit '不存在的单位'"),
    "accountability": (6, "2099-999", "台账编号",
                       "no problem has the ledger number 2099-999"),
}


def set_up_county(store, tmp_path) -> dict:
    """Units, the campaign, a team of two, visits (县社保中心 on 5 March; 卫生院 twice on 6
    March, secret and open, the open one with a finding), a finding of 县社保中心 without a
    visit (20 March) and two problems with ledger numbers."""
    load_units(store, tmp_path)
    ids = {}
    with store.write("hq") as w:
        ids["campaign"] = services.create_record(w, Campaign, {"name": CAMPAIGN, "year": 2026})
        ids["team"] = w.create(Team, {"name": "第一督查组"})
        ids["张三"] = w.create(Representative, {"name": "张三", "team_id": ids["team"]})
        ids["李四"] = w.create(Representative, {"name": "李四", "team_id": ids["team"]})
    units = unit_ids(store)
    with store.write("hq") as w:
        for key, unit, day, kind in (("visit", "县社保中心", date(2026, 3, 5), "open"),
                                     ("secret", "卫生院", date(2026, 3, 6), "secret"),
                                     ("open", "卫生院", date(2026, 3, 6), "open")):
            ids[key] = services.create_record(w, Visit, {
                "kind": kind, "unit_id": units[unit], "visit_date": day, "status": "done",
                "team_id": ids["team"], "representative_ids": [ids["张三"]],
                "actual_at": datetime(2026, 3, 5, 1, tzinfo=UTC)})
        ids["finding"] = services.create_record(w, Finding, {
            "visit_id": ids["open"], "unit_id": units["卫生院"], "description": "收费未公示",
            "found_on": date(2026, 3, 6)})
        ids["no_visit"] = services.create_record(w, Finding, {  # as the window records one
            "unit_id": units["县社保中心"], "description": "窗口无人", "found_on": date(2026, 3, 20)})
        for number in ("2026-001", "2026-002"):
            services.create_record(w, ProblemRow, {
                "ledger_no": number, "description": f"问题{number}", "unit_id": units["卫生院"],
                "reported_on": date(2026, 3, 1), "campaign_id": ids["campaign"]})
    return ids


def unit_ids(store) -> dict[str, str]:
    with store.read() as conn:
        rows = conn.exec_driver_sql("SELECT name, id FROM unit").all()
    return {name: unit_id for name, unit_id in rows}


def rows_of(store, kind: str, *columns: str) -> list[tuple]:
    """The live records of a kind, as the given columns, sorted."""
    t = sa.table(TABLES[kind], *(sa.column(c) for c in (*columns, "deleted_at")))
    with store.read() as conn:
        found = conn.execute(sa.select(*(t.c[c] for c in columns))
                             .where(t.c.deleted_at.is_(None))).all()
    return sorted(tuple(str(v) for v in r) for r in found)
