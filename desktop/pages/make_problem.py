"""HQ makes a problem from findings (交办, issue 14 §1), and the problem and finding forms say
where a problem came from and which problems a finding fed.

"Make a problem…" on the Findings page (HQ only) opens `MakeProblemDialog`: unit, proposed
description, deadline (today + the office settings' default), responsible person and, when a
finding is a secret visit's, the text the unit reads, pre-filled with the proposal
(`models.rules.propose_assignment_text`). Saving writes the problem and one source row per
finding in one transaction (`models.assignments.make_problem`).
"""

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.data.assignments import problem_proposal, problem_sources, problems_fed_by
from desktop.labels import label_of
from desktop.operations import store_op
from desktop.pages.add_source import AddSourceDialog, source_text
from desktop.widgets.fields import FieldSpec
from desktop.widgets.record_form import RecordFormDialog
from models import rules
from models.assignments import make_problem
from models.enums import FindingCategory, ProblemStatus, SourceKind, VisitKind
from models.records import Problem

TEXT = {
    "unit": QT_TRANSLATE_NOOP("MakeProblemDialog", "Responsible unit"),
    "problem": QT_TRANSLATE_NOOP("MakeProblemDialog", "Problem"),
    "deadline": QT_TRANSLATE_NOOP("MakeProblemDialog", "Deadline"),
    "person": QT_TRANSLATE_NOOP("MakeProblemDialog", "Responsible person"),
    "unit_reads": QT_TRANSLATE_NOOP("MakeProblemDialog", "What the unit reads"),
    "title": QT_TRANSLATE_NOOP("MakeProblemDialog", "Make a problem from findings"),
    "from": QT_TRANSLATE_NOOP("MakeProblemDialog", "From %1."),
    "due": QT_TRANSLATE_NOOP("MakeProblemDialog", "due %1"),
    "loading": QT_TRANSLATE_NOOP("MakeProblemDialog", "Loading…"),
    "sources": QT_TRANSLATE_NOOP("MakeProblemDialog", "Sources"),
    "no_sources": QT_TRANSLATE_NOOP("MakeProblemDialog", "Not recorded."),
    "fed": QT_TRANSLATE_NOOP("MakeProblemDialog", "Problems made from it"),
    "none_fed": QT_TRANSLATE_NOOP("MakeProblemDialog", "None yet."),
    "secret": QT_TRANSLATE_NOOP("MakeProblemDialog", "A secret visit's finding: the unit reads "
                                "the text below, never the description, and nothing of the "
                                "visit's date, time, place or team."),
}


def _tr(key: str) -> str:
    """One of `TEXT` in the window's language."""
    return QCoreApplication.translate("MakeProblemDialog", TEXT[key])


class MakeProblemDialog(RecordFormDialog):
    """The problem HQ is about to make from `finding_ids`, pre-filled with `proposal`."""

    def __init__(self, page, finding_ids: list[str], proposal: dict,
                 saved: Callable[[str], None]) -> None:
        session = page.session
        self.finding_ids, self.confidential = list(finding_ids), proposal["confidential"]
        fields = [FieldSpec("unit_id", _tr("unit"), "unit", required=True),
                  FieldSpec("description", _tr("problem"), "multiline", required=True),
                  FieldSpec("deadline", _tr("deadline"), "date"),
                  FieldSpec("responsible_person", _tr("person"))]
        if self.confidential:
            fields.append(FieldSpec("assignment_text", _tr("unit_reads"), "multiline",
                                    required=True))

        async def save(values: dict) -> None:
            problem_id = await session.write(
                lambda w: make_problem(w, self.finding_ids, values))
            saved(problem_id)

        super().__init__(page, _tr("title"), fields, session.reference,
                         save, proposal, rules.text_limits(Problem))
        self.setObjectName("makeProblemDialog")
        heading = QLabel(self._heading(proposal["findings"], session.reference),
                         objectName="hint")
        heading.setWordWrap(True)
        self.layout().insertWidget(0, heading)
        self.resize(600, 450 if self.confidential else 380)

    def _heading(self, findings: list[dict], reference) -> str:
        names = "；".join(_finding_label(f, reference) for f in findings)
        text = _tr("from").replace("%1", names)
        if self.confidential:
            text += " " + _tr("secret")
        return text


def _finding_label(finding: dict, reference) -> str:
    category = label_of(FindingCategory, finding["category"])
    unit = reference.unit_label(finding["unit_id"])
    return f"{category}（{unit}）" if unit else category


async def open_make_problem(page, finding_ids: list[str],
                            saved: Callable[[str], None]) -> None:
    """Read the proposal on the worker, then open the dialog on the page."""
    await store_op(page, page.session, lambda c: problem_proposal(c, finding_ids),
                   success=lambda proposal: _show(page, finding_ids, proposal, saved)).run()


def _show(page, finding_ids: list[str], proposal: dict, saved: Callable[[str], None]) -> None:
    page.make_problem_dialog = MakeProblemDialog(page, finding_ids, proposal, saved)
    page.make_problem_dialog.open()


# --- where a problem came from, what a finding fed ------------------------------------------
def source_line(source: dict, reference) -> str:
    """"Finding: Absent from post (县社保中心)" — the kind and a short label."""
    kind = label_of(SourceKind, source["kind"])
    unit = reference.unit_label(source["unit_id"]) if source["unit_id"] else ""
    detail = {"finding": label_of(FindingCategory, source["category"]),
              "visit": label_of(VisitKind, source["visit_kind"]),
              }.get(source["kind"]) or source["text"] or ""
    if source["day"]:
        detail = f"{detail} {source['day'].isoformat()}".strip()
    parts = [p for p in (detail, f"（{unit}）" if unit else "") if p]
    return f"{kind}: {''.join(parts)}" if parts else kind


def fed_line(problem: dict, reference) -> str:
    """"窗口推诿… (县社保中心) — Open, due 2026-05-01"."""
    text = " ".join((problem["description"] or "").split())
    text = text if len(text) <= 30 else text[:30] + "…"
    unit = reference.unit_label(problem["unit_id"])
    status = label_of(ProblemStatus, problem["status"])
    due = (" " + _tr("due").replace("%1", problem["deadline"].isoformat())
           if problem["deadline"] else "")
    return f"{text}（{unit}） — {status}{due}" if unit else f"{text} — {status}{due}"


class LinksBox(QWidget):
    """A titled list of lines under a record form's fields (its sources, the problems fed)."""

    def __init__(self, title: str, object_name: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(title, objectName="sectionHeading"))
        self.lines = QLabel(_tr("loading"), objectName="linkLines")
        self.lines.setWordWrap(True)
        layout.addWidget(self.lines)

    def show_lines(self, lines: list[str], empty: str) -> None:
        self.lines.setText("\n".join(lines) if lines else empty)


async def show_sources(page, dialog: RecordFormDialog, problem_id: str, at_hq: bool) -> None:
    """Under the problem form: "Sources", one line per source."""
    box = LinksBox(_tr("sources"), "problemSources", dialog)
    dialog.layout().insertWidget(1, box)
    reference = page.session.reference

    async def read() -> None:
        await store_op(box, page.session, lambda c: problem_sources(c, problem_id, at_hq=at_hq),
                       success=lambda rows: box.show_lines(
                           [source_line(r, reference) for r in rows],
                           _tr("no_sources"))).run()

    if at_hq:  # HQ alone records where a problem came from
        add = QPushButton(source_text("button"), objectName="addSourceButton")
        add.clicked.connect(lambda: _open_add_source(page, dialog, problem_id, read))
        box.layout().addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
    await read()
    dialog.sources_box = box


def _open_add_source(page, dialog, problem_id: str, read) -> None:
    picker = AddSourceDialog(page, problem_id, lambda r: source_line(r, page.session.reference),
                             read)
    dialog.add_source_dialog = picker
    picker.open()
    picker.load()


async def show_fed_problems(page, dialog: RecordFormDialog, finding_id: str) -> None:
    """Under the finding form: the problems made from it."""
    box = LinksBox(_tr("fed"), "findingProblems", dialog)
    dialog.layout().insertWidget(1, box)
    reference = page.session.reference
    await store_op(box, page.session, lambda c: problems_fed_by(c, finding_id),
                   success=lambda rows: box.show_lines(
                       [fed_line(r, reference) for r in rows], _tr("none_fed"))).run()
    dialog.problems_box = box
