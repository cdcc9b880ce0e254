"""The Trends page's figures (issue 15 §3), computed on the DB worker: the breakdowns for the
page's filters and the comparison of the campaign with the previous one. Possible repeats are
read only where the store acts as HQ (models.comparison.acts_as_hq). No Qt."""

from models.comparison import acts_as_hq, comparison
from models.stats import Filters, form_counts
from models.trends import breakdowns


def load_trends(store, filters: dict) -> dict:
    f = Filters(**filters)
    with store.read() as conn:
        hq = acts_as_hq(conn)
        return {"breakdowns": breakdowns(conn, f, form_counts(conn, f)),
                "comparison": comparison(conn, f.campaign_id, with_people=hq) if hq else None}
