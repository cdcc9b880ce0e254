"""The inspection teams (a tab of HQ administration)."""


from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from models.reference import Team


class TeamsPanel(RecordPage):
    panel_id = "teams"
    list_name = "teams"
    model = Team

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New inspection team"), self.tr("Edit inspection team")

    def title(self) -> str:
        return self.tr("Inspection teams")

    def fields(self) -> list[FieldSpec]:
        return [FieldSpec("name", self.tr("Name"), required=True)]

    def natural_key(self, record: dict) -> tuple[str, ...]:
        return ("team", record["name"])
