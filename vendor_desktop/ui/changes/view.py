"""Pending changes (待发送的更改): every queued, sending and refused change, with retry and discard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table
from vendor_desktop.viewmodels.changes.viewmodel import ChangesViewModel, Command
from vendor_desktop.viewmodels.core.commands import can_discard, can_retry


class ChangesView(Retranslating, QWidget):
    def __init__(self, vm: ChangesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.explain = QLabel()
        self.explain.setObjectName("hint")
        self.explain.setWordWrap(True)
        self.retry = QPushButton()
        self.discard = QPushButton()
        self.table = list_table(vm.model, widths=(520, 130, 80, 150, 300), delegate=ListDelegate())
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty
        buttons = QHBoxLayout()
        buttons.addWidget(self.explain, 1)
        buttons.addWidget(self.retry)
        buttons.addWidget(self.discard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.stack, 1)
        self.retry.clicked.connect(lambda: self._act(vm.retry))
        self.discard.clicked.connect(lambda: self._act(vm.discard))
        self.table.selectionModel().selectionChanged.connect(self._show_actions)
        vm.model.modelReset.connect(self._show_actions)
        connect_refresh(vm.changed, self, self._show_list)
        self.retranslate()

    def _selected(self) -> Command | None:
        rows = self.table.selectionModel().selectedRows()
        return self.vm.command_at(rows[0].row()) if rows else None

    def _act(self, action: Callable[[int], None]) -> None:
        command = self._selected()
        if command is not None:
            action(command.id)

    def _show_actions(self, *_: object) -> None:
        command = self._selected()
        self.retry.setEnabled(command is not None and can_retry(command))
        self.discard.setEnabled(command is not None and can_discard(command))

    def _show_list(self) -> None:
        self.stack.show_list(bool(self.vm.commands))
        self._show_actions()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pending changes"))
        self.explain.setText(
            self.tr(
                "Changes are kept on this computer until the marketplace accepts them. A change the marketplace did not accept stays here with its reason until you send it again or discard it."
            )
        )
        self.retry.setText(self.tr("Send again"))
        self.discard.setText(self.tr("Discard"))
        self.empty.setText(self.tr("Nothing waiting: every change has reached the marketplace."))
        self.vm.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self._show_list()
