"""What the Reports page says under an output once it is written, besides where it went: what
HQ's numbering left out of a criticism notice, and what a campaign filter left out (the same
facts the command line prints). Context "ReportsPage" in the translation catalogue."""

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("ReportsPage", ...)


def circulated_text(req) -> str:
    """What became of the criticisms an earlier notice already circulated."""
    if req.left_out is None:
        return translate("ReportsPage", "Not checked against earlier notices: only a number "
                         "from headquarters leaves out criticisms already circulated.")
    if req.include_circulated:
        return translate("ReportsPage", "Criticisms already circulated were included again.")
    return translate("ReportsPage", "%1 criticism(s) already circulated in an earlier notice "
                     "were left out.").replace("%1", str(req.left_out))


def campaign_left_out_text(left) -> str:
    """What the campaign filter left out (a `models.campaigns.LeftOut`), never silently."""
    if not left.total:
        return translate("ReportsPage", "No problem or opinion was left out by the campaign "
                         "filter.")
    return translate("ReportsPage", "%1 problem(s) or opinion(s) were left out by the campaign "
                     "filter: %2 with no campaign, %3 of other campaigns.") \
        .replace("%1", str(left.total)).replace("%2", str(left.no_campaign)) \
        .replace("%3", str(left.other_campaigns))
