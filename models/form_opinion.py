"""The opinion a form's suggestion makes (the ledger of opinions lists every suggestion).

Apart from models.services so that `import evaluations` makes them without the table classes.
"""

from typing import Any

from models.enums import OpinionSource


def opinion_from_form(row: dict[str, Any], evaluation_id: str) -> dict[str, Any]:
    return {
        "text": row["suggestion"].strip(), "unit_id": row["unit_id"],
        "campaign_id": row["campaign_id"], "source": OpinionSource.FORM.value,
        "source_id": evaluation_id, "received_on": row["evaluated_on"],
    }
