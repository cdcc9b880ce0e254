"""Chinese labels printed in the office's documents (terms from shared/GLOSSARY.md)."""

from enum import StrEnum

from models.enums import (
    FindingCategory,
    Level,
    OpinionCategory,
    Outcome,
    ProblemSource,
    ProblemStatus,
    RespondentGroup,
    Sanction,
    VisitKind,
    zh_label,
)

LABELS: dict[type[StrEnum], dict[str, str]] = {
    ProblemStatus: {"open": "待查处", "investigating": "查处中", "rectifying": "整改中",
                    "rectified": "已整改", "verified": "已办结"},
    ProblemSource: {"finding": "明察暗访发现", "opinion": "群众意见建议", "other": "其他"},
    Sanction: {"criticism_education": "批评教育", "reminder_talk": "提醒谈话",
               "admonition_talk": "诫勉谈话", "circulated_criticism": "通报批评",
               "warning": "警告"},
    Outcome: {"disciplinary": "党纪政务处分", "organisational": "组织处理",
              "unit_accountable": "单位问责"},
    VisitKind: {"secret": "暗访", "open": "明查", "on_site_review": "现场评议",
                "supervision": "监督走访", "media_inquiry": "媒体问政",
                "leader_dialogue": "对话领导"},
    FindingCategory: {"procrastination": "推诿拖延", "absent_from_post": "脱岗离岗",
                      "poor_attitude": "服务态度差", "four_winds": "四风问题",
                      "inaction": "不作为", "slow_action": "慢作为",
                      "disorderly_action": "乱作为", "fees": "乱收费", "other": "其他"},
    OpinionCategory: {"work_style": "工作作风", "service_attitude": "服务态度",
                      "efficiency": "办事效率", "fees": "收费问题", "integrity": "廉洁自律",
                      "facilities": "设施环境", "policy": "政策落实", "other": "其他"},
}


def zh(enum_cls: type[StrEnum], value: str | None) -> str:
    """The Chinese label of an enum value ('' for none; the raw value when unknown)."""
    if value is None or value == "":
        return ""
    if enum_cls in (Level, RespondentGroup):
        return zh_label(enum_cls(value)) or str(value)
    return LABELS.get(enum_cls, {}).get(str(value), str(value))


GROUP_TITLES = {"parent": "千名家长评学校", "patient": "千名患者评医院",
                "citizen": "万名群众评机关"}
