"""The checklists that ship with the app (issue 16 §2): one per unit kind, in Chinese and English,
each item mapped to the finding category a failure of it becomes.

Device migration 0022 writes them into every store and into HQ's database under the same
natural ids (`default_rows`), with no device as author, so they are never pushed and HQ never
has to send them: every device starts with the same version 1 of each. HQ changes one by saving
a new version (models/checklists.py), which then syncs like any record. Changing this table
later changes no store that already has them: that needs a migration of its own.
"""

from datetime import UTC, datetime

from models.enums import FindingCategory as C
from models.enums import UnitKind
from models.ids import natural_id

# unit kind -> (name zh, name en, [(item zh, item en, category)])
DEFAULTS: dict[UnitKind, tuple[str, str, list[tuple[str, str, C]]]] = {
    UnitKind.SERVICE_WINDOW: ("服务窗口明察暗访清单", "Service window checklist", [
        ("在岗在位", "Staff at their posts", C.ABSENT_FROM_POST),
        ("亮证上岗", "Staff wear their ID badges", C.DISORDERLY_ACTION),
        ("公示栏信息完整", "Notice board complete (procedures, staff, time limits)", C.INACTION),
        ("服务态度热情规范", "Courteous, proper service attitude", C.POOR_ATTITUDE),
        ("一次性告知", "Everything needed is told at once", C.PROCRASTINATION),
        ("收费项目和标准公示", "Fees and their rates posted", C.FEES),
        ("办事效率（按时限办结）", "Work done within its time limit", C.SLOW_ACTION),
        ("无吃拿卡要", "No favours or gifts asked for", C.FOUR_WINDS),
    ]),
    UnitKind.SCHOOL: ("学校明察暗访清单", "School checklist", [
        ("教师按时到岗上课", "Teachers on time for their classes", C.ABSENT_FROM_POST),
        ("收费项目和标准公示", "Fees and their rates posted", C.FEES),
        ("无违规补课、乱收费", "No paid extra classes or irregular charges", C.FEES),
        ("无体罚或变相体罚学生", "No corporal punishment of pupils", C.DISORDERLY_ACTION),
        ("食堂卫生和食品安全", "Canteen hygiene and food safety", C.INACTION),
        ("校园安全管理到位", "Campus safety managed", C.INACTION),
        ("家长来访接待态度", "Attitude towards visiting parents", C.POOR_ATTITUDE),
    ]),
    UnitKind.HOSPITAL: ("医院明察暗访清单", "Hospital checklist", [
        ("医务人员在岗在位", "Medical staff at their posts", C.ABSENT_FROM_POST),
        ("亮证上岗", "Staff wear their ID badges", C.DISORDERLY_ACTION),
        ("药品和服务价格公示", "Drug and service prices posted", C.FEES),
        ("无乱收费、过度检查", "No irregular charges or needless tests", C.FEES),
        ("挂号候诊秩序", "Orderly registration and waiting", C.SLOW_ACTION),
        ("服务态度", "Service attitude towards patients", C.POOR_ATTITUDE),
        ("无收受红包回扣", "No red envelopes or kickbacks", C.FOUR_WINDS),
    ]),
    UnitKind.DEPARTMENT: ("机关部门明察暗访清单", "Department checklist", [
        ("工作人员在岗在位", "Staff at their posts", C.ABSENT_FROM_POST),
        ("无上班时间干私事（玩游戏、网购等）", "No private business in working hours",
         C.FOUR_WINDS),
        ("办事指南和承诺时限公示", "Service guide and promised time limits posted",
         C.INACTION),
        ("首问负责、一次性告知", "First contact takes charge, tells everything at once",
         C.PROCRASTINATION),
        ("无推诿扯皮", "No passing the buck", C.PROCRASTINATION),
        ("公车和办公用房规范使用", "Official cars and offices used properly", C.FOUR_WINDS),
        ("服务态度", "Service attitude", C.POOR_ATTITUDE),
    ]),
    UnitKind.TOWNSHIP: ("乡镇（街道）明察暗访清单", "Township checklist", [
        ("干部在岗在位（值班制度落实）", "Officials at their posts, duty rota kept",
         C.ABSENT_FROM_POST),
        ("便民服务中心窗口正常运转", "Citizen service centre windows open", C.INACTION),
        ("惠民政策和资金公开", "Benefit policies and funds made public", C.INACTION),
        ("群众来访接待和登记", "Visitors received and registered", C.POOR_ATTITUDE),
        ("收费项目和标准公示", "Fees and their rates posted", C.FEES),
        ("办事效率（按时限办结）", "Work done within its time limit", C.SLOW_ACTION),
        ("无吃拿卡要", "No favours or gifts asked for", C.FOUR_WINDS),
    ]),
}
# A fixed time, so that every store's defaults are the same rows.
SHIPPED_AT = datetime(2026, 12, 1, tzinfo=UTC)
AUTHOR = "fieldinspect"
# Tables whose rows may have shipped with the app (`Store.holds_records` does not count those).
SHIPPED_TABLES = ("checklist_template", "checklist_item")


def template_id(kind: UnitKind) -> str:
    return natural_id("checklist_template", kind.value, "1")


def item_id(kind: UnitKind, position: int) -> str:
    return natural_id("checklist_item", kind.value, "1", str(position))


def _meta() -> dict:
    return {"created_at": SHIPPED_AT, "updated_at": SHIPPED_AT, "created_device": "",
            "created_by": AUTHOR, "updated_device": "", "updated_by": AUTHOR,
            "deleted_at": None, "server_version": None}


def default_rows() -> tuple[list[dict], list[dict]]:
    """(templates, items) as rows of their tables."""
    templates, items = [], []
    for kind, (name, name_en, entries) in DEFAULTS.items():
        tid = template_id(kind)
        templates.append({**_meta(), "id": tid, "family_id": tid, "unit_kind": kind.value,
                          "version": 1, "name": name, "name_en": name_en, "active": True})
        items.extend({**_meta(), "id": item_id(kind, i), "template_id": tid, "position": i,
                      "text": text, "text_en": text_en, "category": category.value}
                     for i, (text, text_en, category) in enumerate(entries))
    return templates, items


__all__ = ["DEFAULTS", "SHIPPED_TABLES", "default_rows", "item_id", "template_id"]
