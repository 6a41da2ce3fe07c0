"""The OK of a form that queues a change: the form stays open until the change is on disk.

While the change is written to this computer the OK button waits (a second click would queue it
twice); once it is written the dialog closes; if the write fails, the form stays open with what
the user typed and says why above its buttons, and OK works again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QPushButton

from vendor_desktop.ui.core.widgets import error_label


class SaveFeedback(QObject):
    def __init__(self, dialog: QDialog, ok: QPushButton) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._ok = ok
        self.message = error_label()  # red, like every error (app.qss); the dialog places it above its buttons
        self.saving = False

    def start(self) -> None:
        self._set_saving(True)
        self.message.hide()

    def not_sent(self) -> None:
        """The form did not pass its checks: nothing is being written."""
        self._set_saving(False)

    def saved(self, *_: object) -> None:
        self._set_saving(False)
        self._dialog.accept()

    def failed(self, message: str) -> None:
        self._set_saving(False)
        self.message.setText(message)
        self.message.show()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._ok.setEnabled(not saving)
