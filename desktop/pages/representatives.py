"""The representatives' database (beside the unit tree on the units page)."""


from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from models.reference import Representative


class RepresentativesPanel(RecordPage):
    panel_id = "representatives"
    list_name = "representatives"
    model = Representative

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New representative"), self.tr("Edit representative")

    def title(self) -> str:
        return self.tr("Evaluation representatives")

    def filters(self) -> list[tuple]:
        return [("search",), ("enum", "kind", "RepresentativeKind", self.tr("Kind"))]

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", self.tr("Name"), required=True),
            FieldSpec("kind", self.tr("Kind"), "enum:RepresentativeKind", required=True),
            # References to units (issue 16 §1): a random round never sends them there.
            FieldSpec("township_unit_id", self.tr("Township"), "township"),
            FieldSpec("work_unit_id", self.tr("Unit of work"), "unit"),
            FieldSpec("phone", self.tr("Phone")),
            FieldSpec("team_id", self.tr("Inspection team"), "team"),
        ]

    def natural_key(self, record: dict) -> tuple[str, ...]:
        return ("representative", record["name"], record.get("phone") or "")
