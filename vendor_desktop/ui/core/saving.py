"""The OK of a form that queues a change: the form stays open until the change is on disk.

While the change is written to this computer the OK button waits (a second click would queue it
twice); once it is written the dialog closes; if the write fails, the form stays open with what
the user typed and says why above its buttons, and OK works again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from vendor_desktop.ui.core.fitting import fit_to_layout
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


def change_form(
    dialog: QDialog,
    vm: Any,
    submit: Callable[[], None],
    title: QWidget,
    form: QFormLayout,
    note: QWidget,
    *,
    width_chars: int,
) -> tuple[QDialogButtonBox, SaveFeedback]:
    """Lay out a dialog that queues one change (a price change, issuing an invoice, recording a
    shipment): its title, its fields, a note, the save message and OK/Cancel, sized from the
    font (``width_chars`` average characters wide; taller as messages appear). OK runs
    ``submit``; ``vm.queued`` and ``vm.save_failed`` close it or keep it open saying why."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    saving = SaveFeedback(dialog, buttons.button(QDialogButtonBox.StandardButton.Ok))
    layout = QVBoxLayout(dialog)
    layout.addWidget(title)
    layout.addLayout(form)
    layout.addWidget(note)
    layout.addWidget(saving.message)
    layout.addWidget(buttons)
    fit_to_layout(dialog, width=dialog.fontMetrics().averageCharWidth() * width_chars)
    vm.queued.connect(saving.saved)
    vm.save_failed.connect(saving.failed)
    return buttons, saving
