"""The one table of pages (desktop/pages/registry.py): every role sees the pages it saw before
the table, in the same order; a role the table does not list sees none, and the window says so;
no other module of `desktop/` spells a page id."""

import ast
from itertools import product
from pathlib import Path

import pytest

from models.enums import DeviceRole, ProfileRole

ROOT = Path(__file__).resolve().parents[2]

# What each device role saw before the table (desktop/session.py's PAGES_BY_ROLE and its rules).
BEFORE = {
    # "trends" added with issue 15 §3 (HQ and office: the breakdowns; HQ: the comparison);
    # "rounds" with issue 16 §1 (HQ, not its clerks: random rounds).
    DeviceRole.HQ: ("dashboard", "visits", "findings", "criticisms", "evaluations", "entry",
                    "trends", "ledger", "rounds", "accountability", "units", "reports", "hq", "conflicts",
                    "settings"),
    DeviceRole.OFFICE: ("dashboard", "evaluations", "entry", "trends", "ledger", "units", "reports",
                        "conflicts", "settings"),
    DeviceRole.REPRESENTATIVE: ("dashboard", "visits", "findings", "criticisms", "units",
                                "conflicts", "settings"),
    DeviceRole.KIOSK: ("entry", "settings"),
    # Added with the role (issue 14 §2): a unit's liaison sees its own problems and no more.
    DeviceRole.UNIT: ("our_problems", "conflicts", "settings"),
}


def pages_before(device_role, profile_role, standalone):
    pages = BEFORE[device_role]
    if standalone and "hq" not in pages:  # a never-enrolled office makes its own campaigns
        pages = (*pages[:-2], "hq", *pages[-2:])
    if profile_role == ProfileRole.CLERK:
        pages = tuple(p for p in pages if p not in ("hq", "rounds"))
    if profile_role not in (ProfileRole.SUPERVISOR, ProfileRole.HQ):
        pages = tuple(p for p in pages if p != "reports")
    elif device_role == DeviceRole.HQ or standalone:  # HQ answers the units (issue 14 §2)
        after = pages.index("ledger") + 1
        pages = (*pages[:after], "acceptance", *pages[after:])
    return pages


def session_of(device_role, profile_role="supervisor", standalone=False, demo=False):
    from desktop.session import Session

    return Session(store=None, worker=None, profile="tester", profile_role=profile_role,
                   device_role=device_role, standalone=standalone, is_demo=demo)


def test_each_known_role_sees_exactly_the_pages_it_saw_before():
    # Never-enrolled (standalone) devices are offices: only they are checked standalone.
    combos = [(d, p, False) for d, p in product(DeviceRole, ProfileRole)]
    combos += [(DeviceRole.OFFICE, p, True) for p in ProfileRole]
    differ = {(d.value, p.value, s): (session_of(d, p, s).visible_pages(), pages_before(d, p, s))
              for d, p, s in combos
              if session_of(d, p, s).visible_pages() != pages_before(d, p, s)}
    assert differ == {}
    assert session_of("office", "supervisor").visible_pages() == BEFORE[DeviceRole.OFFICE]
    # A demo store shows HQ's pages whatever the device says.
    assert session_of("office", "supervisor", demo=True).visible_pages() \
        == pages_before(DeviceRole.HQ, ProfileRole.SUPERVISOR, False)


@pytest.mark.parametrize("role", ["liaison", "", "OFFICE"])
def test_an_unknown_role_sees_no_pages(role):
    for profile in ProfileRole:
        assert session_of(role, profile).visible_pages() == ()
        assert session_of(role, profile, standalone=True).visible_pages() == ()


def test_a_window_for_an_unknown_role_says_it_has_no_pages(qtbot, aloop, store, worker):
    from desktop.main_window import MainWindow
    from tests.desktop.conftest import make_session

    window = MainWindow(make_session(store, worker, device_role="liaison"), "en")
    qtbot.addWidget(window)
    window.show()
    assert window.page_ids == [] and window.nav.count() == 0
    note = window.findChild(object, "noPagesNote")
    assert note is not None and note.isVisible()
    assert "liaison" in note.text() and "no pages" in note.text()
    assert not window.nav.isVisible()


def test_the_navigation_reads_its_titles_and_classes_from_the_table(qtbot, aloop, store,
                                                                     worker):
    from desktop.main_window import MainWindow
    from desktop.pages.registry import PAGES, page_class
    from tests.desktop.conftest import make_session

    window = MainWindow(make_session(store, worker, role="hq", device_role="hq"), "en")
    qtbot.addWidget(window)
    hq_pages = [spec for spec in PAGES if DeviceRole.HQ in spec.roles]  # not the liaison's
    assert window.page_ids == [spec.id for spec in hq_pages]
    assert [window.nav.item(i).text() for i in range(window.nav.count())] \
        == [spec.title for spec in hq_pages]
    for spec in PAGES:  # each class knows its id and title only from the table
        cls = page_class(spec.id)
        assert "page_id" not in vars(cls) and "title" not in vars(cls), spec.id


# Page ids that also name a list (desktop/data/list_specs.py) or an import's kind: a literal
# collection of these alone is not a list of pages.
ALSO_LIST_NAMES = {"visits", "findings", "criticisms", "evaluations", "units", "accountability",
                   "opinions"}


def page_id_spellings(path: Path, ids: set[str]) -> list[str]:
    """String literals naming a page id where code means a page: `page_id = "x"`, compared with
    something called page…, passed to show_page/page/page_class/page_spec, or a literal
    collection holding two page ids or more, one of which names only a page (a list of pages,
    a dict keyed by page)."""
    found = []
    page_calls = {"show_page", "page", "page_class", "page_spec", "nav_title"}

    def named(node) -> str:
        return getattr(node, "id", None) or getattr(node, "attr", None) or ""

    def hit(node, why):
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r} ({why})")

    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Assign) and any(named(t) == "page_id" for t in node.targets):
            if isinstance(node.value, ast.Constant) and node.value.value in ids:
                hit(node.value, "page_id =")
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any("page" in named(s) for s in sides):
                for s in ast.walk(node):
                    if isinstance(s, ast.Constant) and s.value in ids:
                        hit(s, "compared with a page")
        elif isinstance(node, ast.Call) and named(node.func) in page_calls:
            for a in node.args:
                if isinstance(a, ast.Constant) and a.value in ids:
                    hit(a, f"{named(node.func)}()")
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set, ast.Dict)):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            named_ids = [i for i in items if isinstance(i, ast.Constant) and i.value in ids]
            if len(named_ids) >= 2 and {i.value for i in named_ids} - ALSO_LIST_NAMES:
                for i in named_ids:
                    hit(i, "a list of pages")
    return found


def test_the_table_is_the_only_place_a_page_id_is_spelled():
    from desktop.pages.registry import PAGES

    ids = {spec.id for spec in PAGES}
    table = ROOT / "desktop" / "pages" / "registry.py"
    found = [hit for path in sorted((ROOT / "desktop").rglob("*.py")) if path != table
             for hit in page_id_spellings(path, ids)]
    assert found == []


def test_a_store_enrolled_for_a_role_this_version_does_not_know_opens_with_no_pages(
        qtbot, run, store, worker):
    """A newer HQ enrolled this device for a role this version does not list ("liaison"):
    the window opens and says it has no pages (before, reading the role failed before any
    window was built), and the first profile made there is a clerk, never more."""
    from desktop.app import make_session
    from desktop.main_window import MainWindow
    from models.enums import ProfileRole
    from models.profiles import acting_profile, list_profiles

    store.set_meta("device_role", "liaison")
    profile = acting_profile(store, None)
    (made,) = [p for p in list_profiles(store) if p["name"] == profile]
    assert made["role"] == ProfileRole.CLERK
    session = run(make_session(worker, store, made))
    window = MainWindow(session, "en")
    qtbot.addWidget(window)
    window.show()
    assert window.page_ids == [] and window.findChild(object, "noPagesNote").isVisible()
