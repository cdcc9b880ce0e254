"""The tables `import evaluations` writes without their SQLModel classes
(models/store/bulk_tables.py) are the classes' own, column for column."""

import pytest

from models.records import Evaluation, Opinion
from models.reference import Campaign
from models.store import bulk_tables
from models.store.writes import bulk_table


@pytest.mark.parametrize(("spelled", "model"), [
    (bulk_tables.EVALUATION, Evaluation),
    (bulk_tables.OPINION, Opinion),
    (bulk_tables.CAMPAIGN, Campaign),
])
def test_spelled_out_table_is_its_class(spelled, model):
    assert spelled == bulk_table(model)
