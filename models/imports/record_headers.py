"""The column headers of the record imports (issue 17 §1: opinions, visits, findings,
criticisms, accountability cases), per kind, because the same word names different columns in
different lists: 类别 is a visit's kind but a finding's category, 日期 a visit's date but a
criticism's date of decision. Each key's first header is its Chinese one (GLOSSARY.md, and the
window's Chinese list headers, so a list exported from the window imports back); the English
ones are the window's English list headers. Read by `models.imports.reading`."""

KIND_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "opinions": {
        "text": ("意见建议内容", "意见建议", "意见内容", "Opinion", "Text"),
        "received_on": ("收到日期", "日期", "Received", "Date"),
        "source": ("来源", "Source"),
        "unit": ("单位", "被评议单位", "Unit"),
        "category": ("类别", "意见类别", "Category"),
        "campaign": ("评议活动", "Campaign"),
        "contact": ("联系方式", "Contact"),
    },
    "visits": {
        "kind": ("类别", "走访类别", "Kind"),
        "status": ("状态", "Status"),
        "visit_date": ("日期", "走访日期", "Date"),
        "unit": ("单位", "被督查单位", "Unit"),
        "team": ("督查组", "所属组", "Inspection team", "Team"),
        "representatives": ("督查代表", "代表", "Representatives"),
        "planned_at": ("计划时间", "Planned time"),
        "actual_at": ("实际时间", "Actual time"),
        "place": ("地点", "Place"),
        "summary": ("情况摘要", "Summary"),
    },
    "findings": {
        "found_on": ("日期", "发现日期", "Date"),
        "category": ("类别", "问题类别", "Category"),
        "severity": ("严重程度", "Severity"),
        "unit": ("单位", "Unit"),
        "description": ("问题描述", "Description"),
        "visit_date": ("走访日期", "Visit date"),
        "visit_kind": ("走访类别", "Visit kind"),
    },
    "criticisms": {
        "decided_on": ("日期", "决定日期", "Date"),
        "person_name": ("姓名", "Person"),
        "post": ("岗位", "Post"),
        "unit": ("单位", "Unit"),
        "sanction": ("处理方式", "Sanction"),
        "behaviour": ("问题行为", "Behaviour"),
        "decided_by": ("决定人", "Decided by"),
        "visit_date": ("走访日期", "Visit date"),
        "visit_kind": ("走访类别", "Visit kind"),
    },
    "accountability": {
        "decided_on": ("日期", "决定日期", "Date"),
        "subject": ("对象", "Subject"),
        "person_name": ("姓名", "Person"),
        "unit": ("单位", "Unit"),
        "outcome": ("处理结果", "Outcome"),
        "violation": ("违纪事实", "Violation"),
        "ledger_no": ("台账编号", "Ledger number", "Ledger numbers"),
    },
}

# header as written (case-folded) → key, per kind
_BY_KIND = {kind: {alias.casefold(): key for key, aliases in columns.items()
                   for alias in (key, *aliases)}
            for kind, columns in KIND_HEADERS.items()}


def kind_key(kind: str | None, header: str) -> str | None:
    """The key a kind gives this header, or None when the kind has no word of its own for it."""
    return _BY_KIND.get(kind or "", {}).get(header.casefold())


def kind_chinese(kind: str, key: str) -> str | None:
    aliases = KIND_HEADERS.get(kind, {}).get(key)
    return aliases[0] if aliases else None


def kind_english(kind: str, key: str) -> str | None:
    """The column's English header (the window's English list header), if the kind has one."""
    return next((a for a in KIND_HEADERS.get(kind, {}).get(key, ()) if a.isascii()), None)


def kind_aliases(kind: str | None, key: str) -> tuple[str, ...]:
    return KIND_HEADERS.get(kind or "", {}).get(key, ())
