"""Every user-visible string has its Chinese translation, and Chinese renders with a CJK font.

To refresh the catalogue after changing strings:
    pyside6-lupdate $(find desktop -name '*.py' -not -path 'desktop/cli/*') \
        -ts resources/translations/fieldinspect_zh_CN.ts -no-obsolete
then translate the new entries (GLOSSARY terms) in the .ts file."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from desktop import messages

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fieldinspect_zh_CN.ts"


def untranslated(ts: Path) -> list[str]:
    missing = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.find("name").text
        for message in ctx.findall("message"):
            tr = message.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            text = (tr.text or "").strip() + "".join(
                n.text or "" for n in tr.findall("numerusform"))
            if tr.get("type") == "unfinished" or not text.strip():
                missing.append(f"{name}: {message.find('source').text}")
    return missing


def test_every_catalogue_entry_is_translated():
    assert untranslated(TS) == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """lupdate over the current sources finds nothing that lacks a Chinese translation."""
    from desktop.i18n import lrelease_program

    lupdate = Path(lrelease_program() or "").with_name("lupdate")
    if not lupdate.exists():
        lupdate = Path(shutil.which("pyside6-lupdate") or "")
    if not lupdate.exists():
        pytest.skip("lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py") if "cli" not in p.parts)
    subprocess.run([str(lupdate), *sources, "-ts", str(copy), "-silent"], check=True,
                   capture_output=True)
    assert untranslated(copy) == []


def test_chinese_catalogue_compiles_and_translates(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from desktop.i18n import compile_ts

    qm = tmp_path / "fieldinspect_zh_CN.qm"
    assert compile_ts(TS, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Rectification ledger") == "整改台账"
        assert QCoreApplication.translate("Labels", "Dissatisfied") == "不满意"
        assert QCoreApplication.translate("Labels", "Secret visit") == "暗访"
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def chinese(qapp, tmp_path):
    from PySide6.QtCore import QTranslator

    from desktop.i18n import compile_ts

    qm = tmp_path / "zh.qm"
    compile_ts(TS, qm)
    translator = QTranslator()
    translator.load(str(qm))
    qapp.installTranslator(translator)
    messages.set_language(messages.CHINESE)  # as the window's switch does (desktop/i18n.py)
    yield
    messages.set_language(messages.ENGLISH)
    qapp.removeTranslator(translator)


def test_window_labels_are_the_one_tables(chinese):
    """Every value the window names reads, in English and in Chinese, as models.enums.LABELS
    says (the same words the importer, the command line and the documents use)."""
    from desktop.labels import ENGLISH, label_of
    from models.enums import LABELS

    wrong = {(cls.__name__, v): (en, label_of(cls, v)) for (cls, v), en in ENGLISH.items()
             if (en, label_of(cls, v)) != LABELS[cls][cls(v)]}
    assert wrong == {}
    shown = {cls for cls, _ in ENGLISH}  # and no value of a kind it names lacks its label
    assert [(cls.__name__, m.value) for cls in shown for m in cls
            if (cls, m.value) not in ENGLISH] == []


def test_window_ledger_and_notice_say_the_same_status(chinese, store, small):
    """待查处 on paper is 待查处 on screen (not 待处理); 已办结 likewise (issue 13 §2)."""
    from desktop.labels import label_of
    from models.enums import ProblemStatus
    from reports.data import ProblemFilter
    from reports.labels import zh
    from reports.ledger import ledger_sheet

    with store.read() as conn:
        printed = {r[9] for r in ledger_sheet(conn, ProblemFilter(), "台账").rows}
    assert printed == {label_of(ProblemStatus, "open")} == {"待查处"}
    # The notice prints its status column with the same `zh` as the ledger.
    assert [label_of(ProblemStatus, s) for s in ProblemStatus] == \
        [zh(ProblemStatus, s) for s in ProblemStatus] == ["待查处", "查处中", "整改中", "已整改", "已办结"]


EN = ROOT / "resources" / "translations" / "fieldinspect_en.ts"


def _numerus(ts: Path) -> set[tuple[str, str]]:
    return {(ctx.find("name").text, m.find("source").text)
            for ctx in ET.parse(ts).getroot().iter("context")
            for m in ctx.findall("message") if m.get("numerus") == "yes"}


def test_english_has_singular_and_plural_for_every_count():
    """English reads "1 record", "2 records", never "record(s)": every count the code
    translates has its English forms too."""
    assert _numerus(TS) - _numerus(EN) == set()


def test_english_window_says_one_record_and_two_records(qapp):
    from desktop.i18n import ENGLISH, Translations

    translations = Translations()
    assert translations.switch(ENGLISH)
    try:
        tr = QCoreApplication.translate
        assert tr("RecordPage", "%n record(s)", "", 1) == "1 record"
        assert tr("RecordPage", "%n record(s)", "", 2) == "2 records"
        assert tr("SyncIndicator", "%n change(s) waiting", "", 1) == "1 change waiting"
    finally:
        translations.remove()


def test_a_cjk_font_is_available(qapp):
    from PySide6.QtGui import QFontDatabase

    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), (
        "no font for Simplified Chinese: install fonts-wqy-microhei (or Noto CJK)")


def test_the_enrollment_code_has_one_chinese_name():
    """GLOSSARY: 登记码. One dialog said 登记码 and the next 注册码 (issue 12 §5)."""
    texts = [(tr.text or "") for tr in ET.parse(TS).getroot().iter("translation")]
    assert not [t for t in texts if "注册" in t]
    assert sum("登记码" in t for t in texts) >= 5
