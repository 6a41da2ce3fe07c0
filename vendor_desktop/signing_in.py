"""Where to sign in and how: resuming from the keychain, asking for a password, failing to start,
signing out; and which of the sign-in dialog or the window a second launch brings to the front.

Mixed into ``VendorCenter`` (the composition root), whose state it shares: the settings, the
session viewmodel and the sign-in dialog.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

from vendor_desktop.viewmodels.core.session import Session, SessionViewModel

log = logging.getLogger("vendor_desktop")


class SigningIn:
    """Mixed into ``VendorCenter``, which sets these (and ``_close_session``)."""

    settings: QSettings
    session_vm: SessionViewModel
    session: Session | None
    dialog: Any  # the SignInDialog, once a password was asked for
    window: Any
    sandbox: Any
    backend_url: str

    def _close_session(self) -> None:
        raise NotImplementedError

    def start_external(self, backend_url: str) -> None:
        """Resume the last account on this backend from the keychain, or ask for a password."""
        self.backend_url = backend_url.rstrip("/")
        account = str(self.settings.value("account_id", "") or "")
        username = str(self.settings.value("username", "") or "")
        if account and username and self.settings.value("backend_url") == self.backend_url:
            self.session_vm.resume(self.backend_url, account, username)
        else:
            self._ask_password("")

    def _ask_password(self, message: str) -> None:
        if self.dialog is None:
            from vendor_desktop.ui.core.sign_in_dialog import SignInDialog  # the demo never asks

            self.dialog = SignInDialog(self.session_vm)
            self.dialog.rejected.connect(self._dialog_closed)
        self.dialog.prefill(
            self.backend_url,
            str(self.settings.value("account_id", "") or ""),
            str(self.settings.value("username", "") or ""),
        )
        if message:
            self.dialog.show_error(message)
        self.dialog.show()
        self.dialog.raise_()

    def _start_failed(self, message: object) -> None:
        text = (
            message
            if isinstance(message, str)
            else QCoreApplication.translate("VendorCenter", "The demo marketplace did not start: %1").replace(
                "%1", str(message)
            )
        )
        log.warning("sign-in failed: %s", text)
        if self.dialog is None or not self.dialog.isVisible():
            self._ask_password(text)

    def _dialog_closed(self) -> None:
        if self.window is None:
            QCoreApplication.quit()

    def activate(self) -> None:
        """Bring the window (or the sign-in dialog) to the front: a second launch asked for it."""
        target = self.window if self.window is not None else self.dialog
        if target is None:
            return
        if target.isMinimized():
            target.showNormal()
        target.show()
        target.raise_()
        target.activateWindow()

    def backend_text(self) -> str:
        if not self.backend_url:
            return ""
        if self.sandbox is not None:
            return QCoreApplication.translate("VendorCenter", "Embedded demo marketplace at %1").replace(
                "%1", self.backend_url
            )
        return self.backend_url

    def sign_out(self) -> None:
        if self.session is None:
            return
        session, username = self.session, self.session.user.username
        self._close_session()
        self.session_vm.sign_out(session, username)
        self.settings.remove("username")
        self._ask_password("")
