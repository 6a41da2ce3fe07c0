"""The sign-in dialog (登录): backend address, account ID, username, password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.fitting import fit_to_layout
from vendor_desktop.ui.core.widgets import Retranslating
from vendor_desktop.viewmodels.core.session import SessionViewModel


class SignInDialog(Retranslating, QDialog):
    def __init__(self, vm: SessionViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.backend = QLineEdit()
        self.account = QLineEdit()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.backend, self.account, self.username, self.password):
            edit.setMaxLength(200)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.keychain = QLabel()
        self.keychain.setWordWrap(True)
        self.keychain.setObjectName("hint")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels = [QLabel() for _ in range(4)]
        for label, edit in zip(self.labels, (self.backend, self.account, self.username, self.password), strict=True):
            label.setBuddy(edit)
            self.form.addRow(label, edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.keychain)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_layout(self, width=460)  # an error of two lines grows the dialog, never squashes the fields

        vm.busy_changed.connect(self._busy)
        vm.sign_in_failed.connect(self.show_error)
        vm.signed_in.connect(lambda _session: self.accept())
        self.retranslate()

    def prefill(self, backend_url: str, account_id: str = "", username: str = "") -> None:
        self.backend.setText(backend_url)
        self.account.setText(account_id)
        self.username.setText(username)
        for edit in (self.account, self.username, self.password):
            if not edit.text():
                edit.setFocus()
                break

    def submit(self) -> None:
        self.error.hide()
        self.vm.sign_in(self.backend.text(), self.account.text(), self.username.text(), self.password.text())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.password.selectAll()
        self.password.setFocus()

    def _busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in to Vendor Center"))
        self.title.setText(self.tr("Sign in to Vendor Center"))
        labels = [
            self.tr("Marketplace address"),
            self.tr("Account ID"),
            self.tr("Username"),
            self.tr("Password"),
        ]
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.backend.setPlaceholderText("https://")
        self.account.setPlaceholderText(self.tr("e.g. 2386611659434867"))
        self.username.setPlaceholderText(self.tr("owner for the main account, or your sub-account's user name"))
        self.keychain.setText(self.vm.keychain_note())
        self._busy(self.vm.busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
