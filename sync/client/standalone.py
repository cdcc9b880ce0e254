"""What a standalone office hands over when it first enrolls.

A store that never enrolled is its own HQ (models.security.roles.require_hq_device) and may
set its campaigns' weights and minimum sample. Once it enrolls, only HQ sets them, and HQ
refuses them from an office whatever it sends: a queued campaign carrying its own settings
would be refused whole, leaving HQ with the office's forms but not their campaign. So, in the
enrollment step, its campaigns go back to the default settings (what an office may send; HQ's
own values, for a campaign HQ has too, arrive with the first pull) and the settings are taken
out of its queued campaign edits. Rows and queue are changed together, in one transaction,
without new outbox entries.
"""

import orjson
import sqlalchemy as sa

from models.reference import Campaign
from models.rules import RESULT_DEFAULTS, RESULT_SETTINGS
from models.store.store import Store

_CAMPAIGN = Campaign.__table__
_OUTBOX = sa.table("outbox", sa.column("seq"), sa.column("table_name"), sa.column("op"),
                   sa.column("fields"))


def hand_result_settings_to_hq(store: Store) -> int:
    """Reset the result settings of the campaigns this store made (HQ has never acknowledged
    them) to the defaults and drop them from queued campaign edits; returns how many
    campaigns changed."""
    with store.engine.begin() as conn:
        changed = conn.execute(_CAMPAIGN.update().where(
            _CAMPAIGN.c.server_version.is_(None),
            sa.or_(*(getattr(_CAMPAIGN.c, k) != v for k, v in RESULT_DEFAULTS.items())),
        ).values(**RESULT_DEFAULTS)).rowcount
        queued = conn.execute(sa.select(_OUTBOX.c.seq, _OUTBOX.c.fields).where(
            _OUTBOX.c.table_name == "campaign", _OUTBOX.c.op == "update")).all()
        for seq, fields in queued:
            values = orjson.loads(fields) if fields else {}
            kept = {k: v for k, v in values.items() if k not in RESULT_SETTINGS}
            if kept != values:
                conn.execute(_OUTBOX.update().where(_OUTBOX.c.seq == seq)
                             .values(fields=orjson.dumps(kept).decode()))
    return changed
