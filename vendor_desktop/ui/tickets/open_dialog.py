"""Opening a ticket (提交工单), R-TKT-1: what it is about (a listing or an order picked from this
computer's cache), the subject, the description and up to five attachments, each checked as it
is added (≤ 5 MB, PNG, JPEG or PDF) so a file that cannot go says so before anything is sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.palette import colours
from vendor_desktop.ui.core.saving import change_form
from vendor_desktop.ui.core.widgets import Retranslating, error_label, show_problems, stacked
from vendor_desktop.viewmodels.tickets.viewmodel import FileCheck, TicketForm, TicketsViewModel, type_choices

# The file chooser's filters, one string each (Qt joins them with ";;").
FILE_FILTERS = (
    QT_TRANSLATE_NOOP("TicketsView", "Images and PDF (*.png *.jpg *.jpeg *.pdf)"),
    QT_TRANSLATE_NOOP("TicketsView", "All files (*)"),
)


def file_filter() -> str:
    return ";;".join(QCoreApplication.translate("TicketsView", f) for f in FILE_FILTERS)


PATH_ROLE = Qt.ItemDataRole.UserRole + 1
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 2


class OpenTicketDialog(Retranslating, QDialog):
    def __init__(self, vm: TicketsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.type = QComboBox()
        self.about = QComboBox()  # the listing or the order, by type
        self.about.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.about.setMinimumContentsLength(30)
        self.subject = QLineEdit()
        self.subject.setMaxLength(100)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.files = QListWidget()
        self.files.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        self.files.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_files = QPushButton()
        self.remove_file = QPushButton()
        self.errors = {name: error_label() for name in ("form", "about", "subject", "description", "files")}
        self.labels = [QLabel() for _ in range(5)]
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_files)
        file_buttons.addWidget(self.remove_file)
        file_buttons.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.files, 1)
        files.addLayout(file_buttons)
        files_box = QWidget()
        files_box.setLayout(files)
        files.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.about_row = stacked(self.about, self.errors["about"])
        for label, field in (
            (self.labels[0], self.type),
            (self.labels[1], self.about_row),
            (self.labels[2], stacked(self.subject, self.errors["subject"])),
            (self.labels[3], stacked(self.description, self.errors["description"])),
            (self.labels[4], stacked(files_box, self.errors["files"])),
        ):
            form.addRow(label, field)
        self.form_layout = form
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.buttons, self.saving = change_form(self, vm, self.submit, self.title, form, self.note, width_chars=100)
        self.layout().insertWidget(1, self.errors["form"])
        self.type.currentIndexChanged.connect(self._type_chosen)
        self.add_files.clicked.connect(self.choose_files)
        self.remove_file.clicked.connect(self._remove_file)
        vm.problems_changed.connect(self.show_problems)
        vm.files_checked.connect(self._show_files)
        self.retranslate()

    # -- files ------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), "", file_filter())
        if paths:
            self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> None:
        """Files chosen (or dropped): checked off the GUI thread, then listed with what is wrong."""
        self.vm.check_files([*self.paths(), *[p for p in paths if p not in self.paths()]])

    def paths(self) -> list[str]:
        return [str(self.files.item(i).data(PATH_ROLE)) for i in range(self.files.count())]

    def _show_files(self, checks: list[FileCheck]) -> None:
        self.files.clear()
        error = colours().error
        for check in checks:
            text = f"{check.name}  ·  {check.size}" if check.size else check.name
            item = QListWidgetItem(text)
            item.setData(PATH_ROLE, check.path)
            item.setData(PROBLEM_ROLE, check.problem)
            item.setToolTip(f"{check.path}\n{check.problem}".strip())
            if check.problem:
                item.setForeground(QColor(error))
            self.files.addItem(item)
        self._check_files()

    def _remove_file(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            self.files.takeItem(row)
        self._check_files()

    def _check_files(self) -> bool:
        items = [self.files.item(i) for i in range(self.files.count())]
        # Each file's problem under the list, whole (a list row would cut a long sentence off).
        problems = [
            self.tr("%1: %2").replace("%1", Path(str(item.data(PATH_ROLE))).name).replace("%2", item.data(PROBLEM_ROLE))
            for item in items
            if item.data(PROBLEM_ROLE)
        ]
        message = "\n".join([*problems, self.tr("Remove these files: they cannot be attached.")]) if problems else ""
        if not message and self.files.count() > 5:
            message = self.tr("A ticket takes at most 5 attachments.")
        self.errors["files"].setText(message)
        self.errors["files"].setVisible(bool(message))
        self.remove_file.setEnabled(self.files.count() > 0)
        return not message

    # -- the form ---------------------------------------------------------------------------------
    def _type_chosen(self) -> None:
        kind = self.type.currentData()
        self.about.clear()
        choices = self.vm.orders() if kind == "order" else self.vm.listings() if kind == "listing" else []
        for value, text in choices:
            self.about.addItem(text, value)
        self.form_layout.setRowVisible(1, bool(choices) or kind in ("order", "listing"))
        self.labels[1].setText(self.tr("Order") if kind == "order" else self.tr("Listing"))

    def form(self) -> TicketForm:
        kind = self.type.currentData() or "other"
        about = self.about.currentData() if kind in ("order", "listing") else None
        return TicketForm(
            type=kind,
            subject=self.subject.text(),
            description=self.description.toPlainText(),
            listing_id=about if kind == "listing" else None,
            order_id=about if kind == "order" else None,
            files=tuple(self.paths()),
        )

    def submit(self) -> None:
        if self.saving.saving:
            return
        self.saving.start()
        if not self._check_files() or not self.vm.open_ticket(self.form()):
            self.saving.not_sent()

    def show_problems(self, problems: dict) -> None:
        show_problems({k: v for k, v in self.errors.items() if k != "files"}, problems)
        if "files" in problems:
            self.errors["files"].setText(problems["files"])
            self.errors["files"].show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open a ticket"))
        self.title.setText(self.tr("Open a ticket"))
        kind = self.type.currentData()
        self.type.blockSignals(True)
        self.type.clear()
        for value, text in type_choices():
            self.type.addItem(text, value)
        self.type.setCurrentIndex(max(0, self.type.findData(kind)))
        self.type.blockSignals(False)
        for label, text in zip(
            self.labels,
            [self.tr("Type"), self.tr("Listing"), self.tr("Subject"), self.tr("Description"), self.tr("Attachments")],
            strict=True,
        ):
            label.setText(text)
        self.subject.setPlaceholderText(self.tr("In one line, what it is about"))
        self.description.setPlaceholderText(self.tr("What happened, what you expected, and what you need"))
        self.add_files.setText(self.tr("Add files…"))
        self.remove_file.setText(self.tr("Remove"))
        self.note.setText(
            self.tr(
                "Up to 5 attachments, each a PNG, JPEG or PDF of at most 5 MB. "
                "The marketplace answers in Tickets and in Messages."
            )
        )
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Open ticket"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._type_chosen()
        self._check_files()
