"""Something went wrong: say so, keep working, and hand the user a report they can send us."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextOption
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from vendor_desktop.ui.core.fitting import fit_to_layout
from vendor_desktop.ui.core.widgets import Retranslating


class CrashDialog(Retranslating, QDialog):
    """Shows one error report; the app keeps running and queued changes stay on disk."""

    def __init__(self, report: str, log_file: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.report_text = report
        self.log_file = log_file
        self.headline = QLabel()
        self.headline.setObjectName("crashHeadline")
        self.headline.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # Wrapped, long paths anywhere: read without scrolling sideways ("Copy report" copies the
        # report as written).
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.log_label = QLabel()
        self.log_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.explanation)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.buttons)
        self.resize(720, 460)
        fit_to_layout(self)
        self.retranslate()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text)
        self.copy_button.setText(self.tr("Copied"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Vendor Center — unexpected error"))
        self.headline.setText(self.tr("Vendor Center ran into an unexpected error."))
        self.explanation.setText(
            self.tr(
                "You can keep working: changes you have queued are saved on this computer and will still be sent. Please copy the report below and send it to your support contact."
            )
        )
        self.log_label.setText(self.tr("Log file: %1").replace("%1", self.log_file))
        self.copy_button.setText(self.tr("Copy report"))
