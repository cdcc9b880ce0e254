"""Chinese labels printed in the office's documents: the one table's (models.enums.LABELS)."""

from enum import StrEnum

from models.enums import zh_label


def zh(enum_cls: type[StrEnum], value: str | None) -> str:
    """The Chinese label of an enum value, from the one table (models.enums.LABELS): '' for
    none; the raw value when unknown."""
    if value is None or value == "":
        return ""
    try:
        return zh_label(enum_cls(value)) or str(value)
    except ValueError:
        return str(value)


GROUP_TITLES = {"parent": "千名家长评学校", "patient": "千名患者评医院",
                "citizen": "万名群众评机关"}


def overdue_note(days: int) -> str:
    """How an overdue item is marked in a document: "逾期12天" (models.rules.days_overdue)."""
    return f"逾期{days}天"
