"""A double-entry batch for the screenshots (desktop/screenshots.py) to draw the clerks' own
figures on: two clerks key 12 forms a minute or so apart (with one long pause), three fields
differ, and a supervisor settles them. The demo store has no keyed batches of its own."""

from datetime import date, timedelta

import sqlalchemy as sa


def clerk_figures_sample(store) -> None:
    from models import batches
    from models.batches import BatchKeying, EntryBatch
    from models.enums import ProfileRole
    from models.timeutil import utcnow

    with store.read() as conn:
        campaign, unit = conn.exec_driver_sql(
            "SELECT (SELECT id FROM campaign WHERE deleted_at IS NULL ORDER BY year DESC "
            "LIMIT 1), (SELECT id FROM unit WHERE deleted_at IS NULL AND kind = 'department' "
            "ORDER BY name LIMIT 1)").one()
        boss = conn.exec_driver_sql(
            "SELECT name FROM profile WHERE deleted_at IS NULL AND role IN ('supervisor', 'hq') "
            "ORDER BY name LIMIT 1").scalar() or "screenshots"
    with store.write("王芳") as w:
        batch = batches.open_batch(w, {"campaign_id": campaign, "group": "citizen",
                                       "unit_id": unit, "evaluated_on": date.today(),
                                       "cover_count": 12})
        for i in range(12):
            batches.add_form(w, batch, {"form_no": f"S-{i + 1:03d}", "level": "satisfied"})
        batches.close_batch(w, batch)
    with store.write("李强") as w:
        for i in range(12):
            level = {3: "fairly_satisfied", 8: "basically_satisfied"}.get(i, "satisfied")
            batches.add_verification(w, batch, {"form_no": f"S-{i + 1:03d}", "level": level})
        found = batches.finish_verification(w, batch)
    with store.write(boss) as w:
        for diff, resolution in zip(found, ("second", "first"), strict=False):
            batches.settle(w, batch, diff.keying_id, resolution,
                           actor_role=ProfileRole.SUPERVISOR)
    start = utcnow() - timedelta(hours=3)
    with store.write("screenshots") as w:  # the times a real sitting would have
        k, b = BatchKeying.__table__, EntryBatch.__table__
        w.conn.execute(sa.update(b).where(b.c.id == batch).values(created_at=start))
        rows = w.conn.execute(sa.select(k.c.id, k.c.pass_no).where(
            k.c.batch_id == batch).order_by(k.c.pass_no, k.c.form_no)).all()
        for n, (row_id, pass_no) in enumerate(rows):
            offset = timedelta(seconds=40 * (n % 12 + 1) + (600 if n % 12 >= 6 else 0))
            w.conn.execute(sa.update(k).where(k.c.id == row_id).values(
                created_at=start + offset + timedelta(hours=pass_no - 1)))
