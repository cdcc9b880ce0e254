"""Before the main window: first-start choice, passphrase, profile and PIN."""

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from desktop.labels import label_of
from models.enums import ProfileRole

EMPTY, DEMO, ENROLL = "empty", "demo", "enroll"
NAME_MAX = 100  # as a profile's name column allows


class FirstStartDialog(QDialog):
    """Enroll with an HQ server, start empty, or explore the demo data in a separate store."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.setWindowTitle(self.tr("Welcome to FieldInspect"))
        intro = QLabel(self.tr("This computer holds no FieldInspect store yet. How do you want "
                               "to start?"))
        intro.setWordWrap(True)
        self.choice = QButtonGroup(self)
        self.options = {
            ENROLL: QRadioButton(self.tr("Enroll with a headquarters server")),
            EMPTY: QRadioButton(self.tr("Start with an empty store")),
            DEMO: QRadioButton(self.tr("Explore the demo data (a separate store that never "
                                       "syncs)")),
        }
        self.address = QLineEdit(objectName="enrollAddress")
        self.address.setPlaceholderText("https://hq.example.gov.cn")
        self.code = QLineEdit(objectName="enrollCode")
        enroll_form = QFormLayout()
        enroll_form.addRow(self.tr("Server address"), self.address)
        enroll_form.addRow(self.tr("Enrollment code"), self.code)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for key, button in self.options.items():
            button.setObjectName(f"choice_{key}")
            self.choice.addButton(button)
            layout.addWidget(button)
            if key == ENROLL:
                layout.addLayout(enroll_form)
        self.order = QLabel(self.tr(
            "A standalone office starts empty: it creates its own campaign, units, teams and "
            "representatives, and can enroll later; the same names merge with HQ's.\n"
            "A networked county, in this order: 1. start the HQ server; 2. enroll HQ's own "
            "computer; 3. create the campaign and units there; 4. enroll the other computers "
            "with codes from HQ."), objectName="hint")
        self.order.setWordWrap(True)
        layout.addWidget(self.order)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.options[EMPTY].setChecked(True)
        for button in self.options.values():
            button.toggled.connect(self._update)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._update()

    def _update(self) -> None:
        enroll = self.options[ENROLL].isChecked()
        self.address.setEnabled(enroll)
        self.code.setEnabled(enroll)
        self.error.hide()

    def _check(self) -> None:
        if self.selected() == ENROLL and not (self.address.text().strip()
                                              and self.code.text().strip()):
            self.error.setText(self.tr("Type the server address and the enrollment code "
                                       "that headquarters gave you."))
            self.error.show()
            return
        self.accept()

    def selected(self) -> str:
        return next(k for k, b in self.options.items() if b.isChecked())


class PassphraseDialog(QDialog):
    def __init__(self, creating: bool, location: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.creating = creating
        self.setWindowTitle(self.tr("Set a passphrase") if creating else self.tr("Unlock"))
        text = (self.tr("Choose the passphrase that protects this store. It cannot be "
                        "recovered if forgotten.") if creating
                else self.tr("Enter the passphrase of this store."))
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(objectName="passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="passphraseRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.strength = QLabel(objectName="passphraseStrength")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if creating:
            form.addRow(self.tr("Repeat"), self.repeat)
            form.addRow(self.tr("Strength"), self.strength)
            self.passphrase.textChanged.connect(self._show_strength)
            self._show_strength("")
        where = QLabel(location, objectName="hint")
        where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, where):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _show_strength(self, text: str) -> None:
        from models.security.passphrase_policy import MIN_PASSPHRASE_LENGTH, strength

        label = {"weak": self.tr("weak"), "fair": self.tr("fair"),
                 "strong": self.tr("strong")}[strength(text)]
        self.strength.setProperty("level", strength(text))
        self.strength.setText(self.tr("%1 (at least %2 characters)")
                              .replace("%1", label).replace("%2", str(MIN_PASSPHRASE_LENGTH)))

    def too_short(self, minimum: int) -> str:
        return self.tr("The passphrase needs at least %1 characters.").replace("%1", str(minimum))

    def _check(self) -> None:
        from models.security.passphrase_policy import passphrase_problem

        problem = passphrase_problem(self.passphrase.text()) if self.creating else None
        if not self.passphrase.text():
            self.show_error(self.tr("The passphrase cannot be empty."))
        elif problem is not None:  # ("passphrase_too_short", {"minimum": n})
            self.show_error(self.too_short(problem[1]["minimum"]))
        elif self.creating and self.passphrase.text() != self.repeat.text():
            self.show_error(self.tr("The two passphrases differ."))
        else:
            self.accept()


class ProfileDialog(QDialog):
    """Who is at the keyboard: their profile, and their PIN when they set one."""

    def __init__(self, profiles: list[dict], preselect: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(self.tr("Who are you?"))
        self.profiles = profiles
        self.box = QComboBox(objectName="profileBox")
        for p in profiles:
            self.box.addItem(f"{p['name']} ({label_of(ProfileRole, p['role'])})", p["name"])
        if preselect:
            self.box.setCurrentIndex(max(0, self.box.findData(preselect)))
        self.pin = QLineEdit(objectName="pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Profile"), self.box)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        if preselect:  # the person is known: what is left to type is the PIN
            self.pin.setFocus()

    def chosen(self) -> dict:
        return next(p for p in self.profiles if p["name"] == self.box.currentData())

    def wrong_pin(self) -> None:
        self.error.setText(self.tr("Wrong PIN."))
        self.error.show()
        self.pin.clear()
        self.pin.setFocus()  # the next try is typed at once

    def locked_out(self, message: str) -> None:
        self.error.setText(self.tr("This profile is locked for now: %1").replace("%1", message))
        self.error.show()
        self.pin.clear()
        self.pin.setFocus()  # the next try is typed at once


class YourNameDialog(QDialog):
    """The first profile on a device is the person's own, named by them (not "admin")."""

    def __init__(self, role_label: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("yourNameDialog")
        self.setWindowTitle(self.tr("Your name"))
        intro = QLabel(self.tr("Your name is shown on everything you enter or change on this "
                               "computer. Your profile: %1.").replace("%1", role_label))
        intro.setWordWrap(True)
        self.name = QLineEdit(objectName="yourName")
        self.name.setMaxLength(NAME_MAX)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _check(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("Type your name."))
            self.error.show()
        else:
            self.accept()


class EnrollDialog(QDialog):
    """Address and one-time code of an HQ server (first start, or later from the settings)."""

    def __init__(self, address: str = "", code: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("enrollDialog")
        self.setWindowTitle(self.tr("Enroll with headquarters"))
        intro = QLabel(self.tr("Headquarters gives you the server address and a one-time "
                               "enrollment code for this computer."))
        intro.setWordWrap(True)
        self.address = QLineEdit(address, objectName="enrollAddress")
        self.address.setPlaceholderText("https://hq.example.gov.cn")
        self.code = QLineEdit(code, objectName="enrollCode")
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.address)
        form.addRow(self.tr("Enrollment code"), self.code)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _check(self) -> None:
        if not (self.address.text().strip() and self.code.text().strip()):
            self.show_error(self.tr("Type the server address and the enrollment code."))
        else:
            self.accept()
