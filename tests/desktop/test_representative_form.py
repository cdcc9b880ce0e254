"""The representative form at HQ (issue 16 §1): the township they live in and their unit of
work are chosen from the unit tree, shown by path, so a random round never sends them there."""

from tests.desktop.conftest import make_session, until


def test_the_form_sets_a_representatives_township_and_unit_of_work(qtbot, store, worker, run):
    import sqlalchemy as sa

    from desktop.pages.representatives import RepresentativesPanel
    from models.reference import Representative, Unit

    with store.write("admin") as w:
        town = w.create(Unit, {"name": "白泥镇", "kind": "township"})
        school = w.create(Unit, {"name": "第二小学", "kind": "school", "parent_id": town})
        w.create(Unit, {"name": "县社保中心", "kind": "department"})
    page = RepresentativesPanel(make_session(store, worker, role="supervisor",
                                             device_role="hq"))
    qtbot.addWidget(page)
    page.show()

    async def go():
        page.create_new()
        await until(lambda: getattr(page, "current_dialog", None) is not None
                    and page.current_dialog.isVisible())
        return page.current_dialog

    dialog = run(go())
    township = dialog.editors["township_unit_id"].widget
    work = dialog.editors["work_unit_id"].widget
    # Only townships are offered as the township; any unit as the unit of work, by path.
    assert [township.itemText(i) for i in range(township.count())] == ["", "白泥镇"]
    assert "白泥镇/第二小学" in [work.itemText(i) for i in range(work.count())]
    dialog.editors["name"].set("王芳")
    township.setCurrentIndex(township.findData(town))
    work.setCurrentIndex(work.findData(school))
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    t = Representative.__table__
    with store.read() as conn:
        row = conn.execute(sa.select(t.c.township_unit_id, t.c.work_unit_id)
                           .where(t.c.name == "王芳")).one()
    assert tuple(row) == (town, school)
    page.table_model.reload()
    qtbot.waitUntil(lambda: page.table_model.rowCount() == 1, timeout=20000)
    shown = {page.table_model.index(0, c).data() for c in range(page.table_model.columnCount())}
    assert {"白泥镇", "第二小学"} <= shown
