"""Help ▸ About: which version this is, where its data lives and which marketplace it talks to."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from vendor_desktop.ui.core.fitting import fit_to_layout
from vendor_desktop.ui.core.widgets import Retranslating


class AboutDialog(Retranslating, QDialog):
    def __init__(
        self,
        *,
        version: str,
        data_dir: str,
        backend: Callable[[], str],
        log_file: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self._backend = backend
        self.title = QLabel()
        self.title.setObjectName("aboutTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.icon = QLabel()
        icon = QGuiApplication.windowIcon()
        if not icon.isNull():
            self.icon.setPixmap(icon.pixmap(64, 64))
        self.version = QLabel(version)
        self.data_dir = QLabel(data_dir)
        self.backend = QLabel()
        self.log_file = QLabel(log_file)
        self.licence = QLabel()
        for label in (self.version, self.data_dir, self.backend, self.log_file, self.licence):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Folders are one unbreakable word: shown whole on one line, the dialog as wide as
            # they need; sentences wrap.
            label.setWordWrap(label not in (self.data_dir, self.log_file))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self.labels, (self.version, self.data_dir, self.backend, self.log_file, self.licence), strict=True
        ):
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        fit_to_layout(self, width=560)  # and wider for a long folder
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Vendor Center"))
        self.title.setText(self.tr("Vendor Center"))
        names = (
            self.tr("Version:"),
            self.tr("Data folder:"),
            self.tr("Marketplace:"),
            self.tr("Log file:"),
            self.tr("Licence:"),
        )
        for label, name in zip(self.labels, names, strict=True):
            label.setText(name)
        self.backend.setText(self._backend() or self.tr("not signed in"))  # in the current language
        self.licence.setText(self.tr("MIT License — free to use, change and share."))
