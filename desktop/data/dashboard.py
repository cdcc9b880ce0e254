"""The dashboard's figures, computed on the DB worker, and kept between runs.

On 100,000 forms the figures and the ranking take one grouped scan of a covering index
(models.stats.county_stats_and_ranking): ~90 ms once SQLCipher has decrypted the pages, ~250 ms
the first time after start-up. Nothing on this path imports the SQLModel table classes (~0.5 s):
models.stats reads Core views, the store opens without them. A restarted window shows the
county's figures at once from the copy kept in the (encrypted) store, and only when nothing
changed since: the copy carries a stamp made of the outbox counter (every local change moves
it), the pull cursor (every change from HQ moves it) and today's date (what is overdue depends
on it). Any change, and the figures are computed again - so is the first start of each day.
"""

import orjson
import sqlalchemy as sa

from models.store.database import write_transaction
from models.store.store import get_meta, set_meta
from models.timeutil import local_today

CACHE_KEY = "dashboard_cache"
# The dashboard's filters as a window opens: all campaigns, no period (the figures kept).
NO_FILTERS = {"campaign_id": None, "date_from": None, "date_to": None}
# 2: overdue by unit, accountability candidates; 3: their problem ids; 4: the five criteria;
# 5: the ranking within each appraisal category, with bands
CACHE_VERSION = 5


def data_stamp(conn: sa.Connection) -> str:
    meta = {key: value for key, value in conn.exec_driver_sql(
        "SELECT key, value FROM store_meta WHERE key IN ('outbox_last_seq', 'sync_cursor')")}
    return (f"{CACHE_VERSION}|{meta.get('outbox_last_seq', '0')}|"
            f"{meta.get('sync_cursor', '0')}|{local_today().isoformat()}")


def compute(conn: sa.Connection, filters: dict) -> dict:
    """The figures and the ranking in one worker job, from one scan of the forms; and the
    units with at least K overdue problems in a campaign (K of the office settings)."""
    from models.chase import candidates_with_threshold
    from models.rankings import ranked_in_categories
    from models.stats import Filters, county_stats_and_ranking

    today = local_today()
    figures, county = county_stats_and_ranking(conn, **filters, as_of=today)
    ranking = ranked_in_categories(conn, county, filters.get("campaign_id"))
    return {"stats": figures, "ranking": ranking,
            "candidates": candidates_with_threshold(conn, Filters(**filters), today)}


def load_dashboard(store, filters: dict, keep_later: bool = False) -> dict:
    """The figures for `filters`; the county-wide view (no filter) from the kept copy when
    nothing changed. `cached` in the result says which. `keep_later`: a copy to keep is not
    written here but returned as `to_keep`, for `keep_figures` once the figures are drawn (the
    write's commit waits for the disk: ~30 ms on the bench machine)."""
    keep = not any(filters.values())
    with store.read() as conn:
        stamp = data_stamp(conn)
        if keep:
            raw = get_meta(conn, CACHE_KEY)
            doc = orjson.loads(raw) if raw else {}
            if doc.get("stamp") == stamp:
                return {**doc["figures"], "cached": True}
        figures = compute(conn, filters)
    if not keep:
        return {**figures, "cached": False}
    text = _json({"stamp": stamp, "figures": figures})
    figures = orjson.loads(text)["figures"]  # the same values a kept copy gives
    if keep_later:
        return {**figures, "cached": False, "to_keep": text}
    keep_figures(store, text)
    return {**figures, "cached": False}


def _json(doc: dict) -> str:
    """As json.dumps(doc, default=str), in a sixth of the time: dates and times by str() too
    ("2026-12-02 10:00:00"), keys that are not text (enums) by their text."""
    return orjson.dumps(doc, default=str, option=orjson.OPT_PASSTHROUGH_DATETIME
                        | orjson.OPT_NON_STR_KEYS).decode()


def keep_figures(store, text: str) -> None:
    """Keep the copy `load_dashboard` made (its stamp says which data it is of: a change
    since, and it is not used)."""
    with write_transaction(store.engine) as conn:
        set_meta(conn, CACHE_KEY, text)
