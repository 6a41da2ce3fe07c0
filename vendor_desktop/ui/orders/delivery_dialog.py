"""The *Start delivery…* dialog (开始交付), R-ORD-5: which order, the delivery note the buyer sees
(交付说明, required, several lines, at most 500 characters), and what happens next. The rules are
the viewmodel's; the box takes its size from the font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from vendor_desktop.ui.core.reason_box import REASON_LINES, ReasonBox
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.orders.delivery import MAX_NOTE, DeliveryViewModel

NOTE_LINES = 6  # the note box shows this many lines before it scrolls


class DeliveryDialog(Retranslating, QDialog):
    def __init__(self, vm: DeliveryViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.order = QLabel(vm.title_text())
        self.order.setWordWrap(True)
        self.order.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Several lines: what is delivered, how to reach it, whom to call (Shift+Enter breaks the
        # line, Enter sends, as in the app's other reason boxes).
        self.note = ReasonBox(MAX_NOTE)
        self.note.setFixedHeight(self.note.maximumHeight() * NOTE_LINES // REASON_LINES)
        self.note_count = QLabel()
        self.note_count.setObjectName("hint")
        self.note_count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.errors = {name: error_label() for name in ("order", "note")}
        self.explain = QLabel()
        self.explain.setObjectName("hint")
        self.explain.setWordWrap(True)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel(), QLabel()]
        self.form.addRow(self.labels[0], stacked(self.order, self.errors["order"]))
        self.form.addRow(self.labels[1], stacked(self.note, self.note_count, self.errors["note"]))
        self.buttons, self.saving = change_form(
            self, vm, self.submit, self.title, self.form, self.explain, width_chars=72
        )
        self.note.textChanged.connect(self._count)
        vm.problems_changed.connect(self.show_problems)
        self.retranslate()
        self.note.setFocus()

    def _count(self) -> None:
        self.note_count.setText(f"{len(self.note.toPlainText())}/{MAX_NOTE}")

    def show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.submit(self.note.toPlainText()):
            self.saving.not_sent()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Start delivery"))
        self.title.setText(self.tr("Start delivering this order"))
        self.labels[0].setText(self.tr("Order"))
        self.labels[1].setText(self.tr("Delivery note"))
        self.note.setPlaceholderText(
            self.tr("What you deliver and how the buyer receives it, e.g. the engineer's name and when they call.")
        )
        self.explain.setText(
            self.tr(
                "The buyer sees the delivery note. The order completes when the buyer confirms, or after 7 days without an answer. The change is saved on this computer and sent to the marketplace as soon as it can be reached."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start delivery"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._count()
