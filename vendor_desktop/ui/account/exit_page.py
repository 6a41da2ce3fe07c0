"""The exit section of the Account page (退出云市场), R-EXT-1 and R-DEP-7, for the main account.

It fills a card the Account page gives it (its ``Section``): what blocks an exit, each with a
button that opens the list showing it (the shell opens the area, filtered); the marketplace's
refusal the same way; *Apply to leave…* with its confirmation (type the company name); and after
the exit, when, the listings, and the deposit refund. The words and rules are the viewmodel's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.account.exit import ExitApplication, ExitViewModel, Stage


def _wrapped(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class ExitPanel(QObject):
    """Binds the exit viewmodel to its card on the Account page."""

    # A blocker's list to open: area id, the view's preset (the shell's ``open_area``).
    open_requested = Signal(str, object)

    def __init__(self, vm: ExitViewModel, section: Any, apply: QPushButton, parent: QWidget) -> None:
        super().__init__(parent)
        self.vm = vm
        self.section = section
        self.apply = apply
        self.page = parent
        self.summary = _wrapped()
        section.layout_.insertWidget(1, self.summary)
        # The consequences, always in view before anyone applies.
        self.consequences = _wrapped(name="hint")
        section.layout_.addWidget(self.consequences)
        self.links: dict[str, QPushButton] = {}  # area id → its button, for tests and tools
        apply.clicked.connect(self.open_application)
        section.discard.clicked.connect(vm.discard)
        connect_refresh(vm.changed, section, self.render)  # the viewmodel outlives the page

    def render(self) -> None:
        vm = self.vm
        stage = vm.stage
        self.section.tag.set_tag(*vm.stage_tag())
        self.section.tag.show()
        # An application on its way or refused reads as the other sections' changes do: in the
        # notice box (red when refused), with Discard beside it; the rest as a plain sentence.
        boxed = stage in (Stage.WAITING, Stage.REFUSED)
        notice = self.section.notice
        notice.setText(vm.summary() if boxed else "")
        notice.setVisible(boxed)
        notice.setProperty("rejected", "true" if stage == Stage.REFUSED else "false")
        notice.style().unpolish(notice)
        notice.style().polish(notice)
        self.summary.setText("" if boxed else vm.summary())
        self.summary.setVisible(not boxed)
        self.section.discard.setVisible(stage == Stage.REFUSED)
        why_not = vm.why_cannot_apply()
        self.apply.setVisible(stage != Stage.EXITED)
        self.apply.setEnabled(not why_not)
        self.apply.setToolTip(
            why_not or self.tr("Leave the marketplace: every listing is delisted and new orders stop.")
        )
        self.apply.setText(self.tr("Apply again…") if stage == Stage.REFUSED else self.tr("Apply to leave…"))
        self.consequences.setVisible(stage in (Stage.READY, Stage.BLOCKED, Stage.REFUSED))
        self.links.clear()
        rows: list[tuple[str, QWidget]] = []
        for line in vm.blocker_lines():
            button = QPushButton(self._open_text(line.area))
            button.clicked.connect(lambda _=False, a=line.area, p=line.preset: self.open_requested.emit(a, p))
            self.links[line.area] = button
            rows.append((line.text, _left(button)))
        rows += [(name, _wrapped(value)) for name, value in vm.after_rows()]
        self.section.set_rows(rows)

    def _open_text(self, area: str) -> str:
        return {
            "orders": self.tr("Show orders"),
            "refunds": self.tr("Show refunds"),
            "invoices": self.tr("Show invoices"),
            "money": self.tr("Show withdrawals"),
        }.get(area, self.tr("Show"))

    def open_application(self) -> ExitDialog | None:
        if self.vm.why_cannot_apply():
            return None
        dialog = ExitDialog(self.vm.new_application(self.page), self.page)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def retranslate(self) -> None:
        self.section.title.setText(self.tr("Leave the marketplace"))
        self.section.discard.setText(self.tr("Discard"))
        self.consequences.setText(
            self.tr(
                "Leaving is final: every listing is delisted and buyers can no longer order. The marketplace refunds the deposit about 45 days after you return the deposit receipt."
            )
        )
        self.render()


def _left(widget: QWidget) -> QWidget:
    """A button at its own width, on the left of its grid cell."""
    box = stacked(widget)
    box.layout().setAlignment(widget, Qt.AlignmentFlag.AlignLeft)
    return box


class ExitDialog(Retranslating, QDialog):
    """The serious confirmation: what leaving does, and the company name typed to confirm it."""

    def __init__(self, vm: ExitApplication, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.warning = _wrapped()
        self.company = _wrapped(vm.company)
        self.company.setObjectName("sectionTitle")
        self.typed = QLineEdit()
        self.typed.setMaxLength(200)
        self.errors = {"company": error_label()}
        self.note = _wrapped(name="hint")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel(), QLabel()]
        self.form.addRow(self.warning)
        self.form.addRow(self.labels[0], self.company)
        self.form.addRow(self.labels[1], stacked(self.typed, self.errors["company"]))
        self.buttons, self.saving = change_form(self, vm, self.submit, self.title, self.form, self.note, width_chars=72)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.typed.textChanged.connect(self._typed)
        vm.problems_changed.connect(self._show_problems)  # bound: the viewmodel outlives the dialog
        self.retranslate()
        self._typed()
        self.typed.setFocus()

    def _show_problems(self, problems: dict) -> None:
        show_problems(self.errors, problems)

    def _typed(self) -> None:
        # OK only once the name matches: a leave is not one Enter away.
        self.ok.setEnabled(self.vm.matches(self.typed.text()) and not self.saving.saving)

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self.vm.submit(self.typed.text()):
            self.saving.not_sent()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Leave the marketplace"))
        self.title.setText(self.tr("Leave the marketplace?"))
        self.warning.setText(
            self.tr(
                "Every listing is delisted and buyers can no longer order. This cannot be undone from Vendor Center."
            )
        )
        self.labels[0].setText(self.tr("Company"))
        self.labels[1].setText(self.tr("Type the company name"))
        self.typed.setPlaceholderText(self.tr("The company name, exactly as above"))
        self.note.setText(
            self.tr(
                "The application is saved on this computer and sent to the marketplace as soon as it can be reached. If anything still blocks an exit, the marketplace refuses it and says what."
            )
        )
        self.ok.setText(self.tr("Apply to leave"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
