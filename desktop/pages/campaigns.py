"""Campaigns (a tab of HQ administration): open, close, weights, minimum sample, bands,
appraisal points, and whether units are ranked within their appraisal category.

A campaign's weights and minimum sample decide every score and ranking, so only an HQ device
sets them (models.rules.RESULT_SETTINGS; HQ refuses them from anyone else). Wherever this page
opens on another device, those fields are shown read-only with a note saying so.
"""

from PySide6.QtWidgets import QAbstractSpinBox, QLabel, QPushButton

from desktop.operations import store_op
from desktop.pages.record_page import RecordPage
from desktop.widgets.fields import FieldSpec
from desktop.widgets.slots import widget_slot
from models import rules, services
from models.enums import DeviceRole
from models.reference import Campaign


class CampaignsPanel(RecordPage):
    panel_id = "campaigns"
    list_name = "campaigns"
    model = Campaign

    def dialog_titles(self) -> tuple[str, str]:
        return self.tr("New campaign"), self.tr("Edit campaign")

    def title(self) -> str:
        return self.tr("Campaigns")

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("name", self.tr("Name"), required=True),
            FieldSpec("year", self.tr("Year"), "int", required=True),
            FieldSpec("start_date", self.tr("Start"), "date"),
            FieldSpec("end_date", self.tr("End"), "date"),
            FieldSpec("weight_satisfied", self.tr("Weight: satisfied"), "decimal"),
            FieldSpec("weight_fairly_satisfied", self.tr("Weight: fairly satisfied"), "decimal"),
            FieldSpec("weight_basically_satisfied", self.tr("Weight: basically satisfied"),
                      "decimal"),
            FieldSpec("weight_dissatisfied", self.tr("Weight: dissatisfied"), "decimal"),
            FieldSpec("min_sample", self.tr("Minimum sample"), "int"),
            FieldSpec("band_top_percent", self.tr("Advanced: top % of each category"),
                      "decimal"),
            FieldSpec("band_bottom_count", self.tr("Last band: last units of each category"),
                      "int"),
            FieldSpec("appraisal_points", self.tr("Appraisal points for a score of 100"),
                      "decimal"),
            FieldSpec("rank_by_category", self.tr("Rank within each appraisal category"),
                      "bool"),
            FieldSpec("is_open", self.tr("Open"), "bool"),
        ]

    def natural_key(self, record: dict) -> tuple[str, ...]:
        return ("campaign", record["name"])

    def sets_results(self) -> bool:
        """This device may change the settings that decide results: HQ; a standalone office,
        which has no HQ (until it enrolls); a demo, made to explore."""
        return (self.session.is_demo or self.session.standalone
                or self.session.device_role == DeviceRole.HQ)

    def dialog_opened(self, dialog) -> None:
        if self.sets_results():
            return
        for key in rules.RESULT_SETTINGS:
            widget = dialog.editors[key].widget
            if isinstance(widget, QAbstractSpinBox):
                widget.setReadOnly(True)
                widget.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            else:  # the category grouping's check box
                widget.setEnabled(False)
        note = QLabel(self.tr("HQ sets the weights, the minimum sample, the bands, the "
                              "appraisal points and the grouping by category; this device "
                              "reads them."),
                      objectName="hqSettingsNote")
        note.setWordWrap(True)
        dialog.layout().insertWidget(0, note)

    def to_record(self, values: dict) -> dict:
        if self.sets_results():
            return values
        return {k: v for k, v in values.items() if k not in rules.RESULT_SETTINGS}

    def extra_buttons(self) -> list[QPushButton]:
        self.open_button = QPushButton(self.tr("Open campaign"), objectName="openCampaign")
        self.close_button = QPushButton(self.tr("Close campaign"), objectName="closeCampaign")
        self.open_button.clicked.connect(lambda: self.set_open(True))
        self.close_button.clicked.connect(lambda: self.set_open(False))
        return [self.open_button, self.close_button]

    @widget_slot()
    async def set_open(self, is_open: bool) -> None:
        row_id = self.selected_id()
        if row_id is None:
            return
        await store_op(self, self.session, lambda w: services.update_record(
            w, Campaign, row_id, {"is_open": is_open}), write=True,
            success=lambda _: self._saved()).run()

    def defaults(self) -> dict:
        from datetime import date

        return {"year": date.today().year, **rules.RESULT_DEFAULTS, "is_open": True}
