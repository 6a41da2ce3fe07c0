"""Import tracking numbers (导入快递单号): choose a courier's spreadsheet, look at every row's
verdict, import the ready rows, then watch each one's result and export them.

Everything the dialog says comes from its viewmodel (``viewmodels/invoices/tracking_import.py``):
the file is read and checked there, off the GUI thread; here are only the widgets. The table is
the app's list (coloured tags, columns fitted to their contents, the note column taking the rest).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.fitting import fit_to_layout
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, error_label, list_table
from vendor_desktop.viewmodels.invoices.import_table import NOTE_COLUMN
from vendor_desktop.viewmodels.invoices.tracking_import import Stage, TrackingImportViewModel

TABLE_ROWS = 13  # the table shows about this many rows before it scrolls


class TrackingImportDialog(Retranslating, QDialog):
    def __init__(self, vm: TrackingImportViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.intro = QLabel()
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        self.choose = QPushButton()
        self.template = QPushButton()
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label()
        self.problems_only = QCheckBox()
        self.table = list_table(vm.model, delegate=ListDelegate(), stretch=NOTE_COLUMN)
        self.list = ListOrEmpty(self.table)
        metrics = self.fontMetrics()
        self.table.setMinimumHeight(metrics.height() * 2 * TABLE_ROWS)
        # The selected row's whole note (the column cuts long ones; a tooltip shows it too).
        self.row_note = QLabel()
        self.row_note.setWordWrap(True)
        self.row_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_note.hide()
        self.saved = QLabel()
        self.saved.setObjectName("hint")
        self.saved.setWordWrap(True)
        self.saved.hide()
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.export = QPushButton()
        self.close_button = QPushButton()

        top = QHBoxLayout()
        top.addWidget(self.choose)
        top.addWidget(self.template)
        top.addWidget(self.file_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problems_only)
        buttons.addStretch(1)
        buttons.addWidget(self.export)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.row_note)
        layout.addWidget(self.saved)
        layout.addLayout(buttons)
        fit_to_layout(self, width=metrics.averageCharWidth() * 150)
        # Opens wider than its minimum where the screen allows: the notes are sentences.
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(metrics.averageCharWidth() * 190, screen.width() * 9 // 10), self.sizeHint().height())

        self.choose.clicked.connect(self.choose_file)
        self.template.clicked.connect(self.choose_template_file)
        self.problems_only.toggled.connect(vm.set_problems_only)
        self.import_button.clicked.connect(self.import_rows)
        self.export.clicked.connect(self.choose_results_file)
        self.close_button.clicked.connect(self.accept)
        self.finished.connect(lambda _result: vm.stop())
        self.table.selectionModel().currentRowChanged.connect(self._show_row_note)
        vm.model.modelReset.connect(self._show_row_note)
        vm.model.dataChanged.connect(self._show_row_note)
        vm.changed.connect(self.show_state)
        vm.failed.connect(self.show_error)
        vm.saved.connect(self.show_saved)
        self.retranslate()

    # -- acting --------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import tracking numbers"),
            "",
            ";;".join((self.tr("Spreadsheets (*.csv *.xlsx *.txt)"), self.tr("All files (*)"))),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> None:
        self.saved.hide()
        self.vm.open_file(path)

    def import_rows(self) -> None:
        self.saved.hide()
        self.vm.import_ready()

    def choose_template_file(self) -> None:
        default = self.tr("tracking-numbers-template") + ".xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Download template"),
            default,
            ";;".join((self.tr("Excel (*.xlsx)"), self.tr("CSV for Excel (*.csv)"))),
        )
        if path and not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if "*.csv" in chosen else ".xlsx"  # as the chosen file type says
        if path:
            self.vm.write_template(path)

    def choose_results_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export results"), self.vm.default_results_name(), self.tr("CSV for Excel (*.csv)")
        )
        if path:
            self.vm.export_results(path)

    # -- showing -------------------------------------------------------------------------------------
    def show_state(self) -> None:
        vm = self.vm
        stage = vm.stage
        if vm.preview is not None:
            self.file_label.setText(self.tr("%n rows in %1", "", vm.row_count).replace("%1", vm.file_name))
        else:
            self.file_label.setText(self.tr("No file chosen yet."))
        self.summary.setText(vm.summary())
        self.summary.setVisible(bool(self.summary.text()))
        if vm.error:
            self.show_error(vm.error)
        else:
            self.error.hide()
        has_rows = vm.model.rowCount() > 0
        self.list.show_list(has_rows)
        if stage is Stage.READING:
            self.list.empty.setText(self.tr("Reading the file…"))
        elif vm.preview is not None and not has_rows:
            self.list.empty.setText(self.tr("Every row is ready."))
        else:
            self.list.empty.setText(
                self.tr(
                    "Choose a CSV or Excel file from your courier: its rows and what will happen to each show here."
                )
            )
        self.choose.setEnabled(stage in (Stage.EMPTY, Stage.PREVIEW))
        why_not = vm.why_cannot_import()
        self.import_button.setText(self.tr("Import %n rows", "", vm.ready_count) if vm.preview else self.tr("Import"))
        self.import_button.setEnabled(not why_not)
        self.import_button.setToolTip(why_not)
        self.export.setEnabled(vm.preview is not None and stage is not Stage.READING)
        self.export.setToolTip("" if self.export.isEnabled() else self.tr("Choose a file first."))

    def _show_row_note(self, *_: object) -> None:
        current = self.table.currentIndex()
        note = self.vm.model.index(current.row(), NOTE_COLUMN).data() if current.isValid() else ""
        self.row_note.setText(note or "")
        self.row_note.setVisible(bool(note))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def show_saved(self, path: str) -> None:
        self.saved.setText(self.tr("Saved to %1").replace("%1", path))
        self.saved.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import tracking numbers"))
        self.title.setText(self.tr("Import tracking numbers"))
        self.intro.setText(
            self.tr(
                "A CSV or Excel file with a column for the order number (or invoice ID), the carrier and the tracking number, and optionally the postage: postage paid when empty, or cash on delivery. Nothing is sent until you import the rows that are ready."
            )
        )
        self.choose.setText(self.tr("Choose file…"))
        self.template.setText(self.tr("Download template…"))
        self.problems_only.setText(self.tr("Only rows that need a look"))
        self.export.setText(self.tr("Export results…"))
        self.close_button.setText(self.tr("Close"))
        self.vm.model.relabel()
        self.show_state()
