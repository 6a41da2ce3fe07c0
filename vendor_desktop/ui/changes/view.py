"""Pending changes (待发送的修改): every queued, sending and refused change, with retry and discard
offered only where they can succeed, and a sentence saying why not where they cannot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table, refill_combo
from vendor_desktop.viewmodels.changes.viewmodel import (
    ChangesViewModel,
    Command,
    advice,
    filter_choices,
    not_accepted,
    why_cannot_discard,
    why_cannot_retry,
)

CHANGE, QUEUED, BY, STATE, ANSWER = 0, 1, 2, 3, 4
# Columns sized to what they hold, at most this wide (the rest is elided, the tooltip has it).
FITTED = {CHANGE: 480, QUEUED: 160, BY: 140, STATE: 240}


class ChangesView(Retranslating, QWidget):
    def __init__(self, vm: ChangesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.explain = QLabel()
        self.explain.setObjectName("hint")
        self.explain.setWordWrap(True)
        self.state = QComboBox()  # item data: a filter id ("rejected", "waiting"), None for all
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.retry = QPushButton()
        self.discard = QPushButton()
        # The selected change: what happened and what to do next (why only Discard, say).
        self.notice = QLabel()
        self.notice.setObjectName("changeNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.table = list_table(vm.model, widths=(480, 130, 80, 150, 300), delegate=ListDelegate())
        # Columns fit the rows on screen, not the first 1,000: an import of 10,000 tracking
        # numbers queues that many changes, and measuring them all stalled the window a second.
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.Stretch)  # the room that is left
        header.setMinimumSectionSize(70)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty
        bar = QHBoxLayout()
        bar.addWidget(self.state)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.retry)
        bar.addWidget(self.discard)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.heading)
        layout.addWidget(self.explain)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.notice)
        self.state.currentIndexChanged.connect(lambda i: vm.set_filter(self.state.itemData(i)))
        self.retry.clicked.connect(lambda: self._act(vm.retry))
        self.discard.clicked.connect(lambda: self._act(vm.discard))
        self.table.selectionModel().selectionChanged.connect(self._show_actions)
        connect_refresh(vm.model.modelReset, self, self._show_list)  # also when shown from what was read hidden
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
        for button, why_not in ((self.retry, why_cannot_retry(command)), (self.discard, why_cannot_discard(command))):
            button.setEnabled(not why_not)
            button.setToolTip(why_not)
        text = advice(command) if command is not None else ""
        self.notice.setText(text)
        self.notice.setProperty("rejected", not_accepted(command))
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.setVisible(bool(text))

    def _show_list(self) -> None:
        n = self.vm.count
        self.count.setText(self.tr("%n changes", "", n))
        self.empty.setText(self.vm.empty_text())
        self.stack.show_list(n > 0)
        for column, widest in FITTED.items():
            self.table.resizeColumnToContents(column)
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)
        self._show_actions()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Pending changes"))
        self.explain.setText(
            self.tr(
                "Changes are kept on this computer until the marketplace accepts them. A change the marketplace did not accept stays here with its reason until you send it again or discard it."
            )
        )
        refill_combo(self.state, self.tr("All changes"), filter_choices())
        self.retry.setText(self.tr("Send again"))
        self.discard.setText(self.tr("Discard"))
        self.vm.model.relabel()
        self._show_list()

    # -- opened from a Workbench card ----------------------------------------------------------
    def show_preset(self, name: str) -> None:
        """Preset "rejected": only the changes the marketplace did not accept (云市场未接受)."""
        index = self.state.findData(name)
        if index >= 0:
            self.state.setCurrentIndex(index)  # filters, as if chosen
