"""The Discounts area (商品折扣): who gets which discount on what, and when. R-DSC-1, R-DSC-2."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.list_delegate import ListDelegate
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table, refill_combo
from vendor_desktop.ui.discounts.discount_dialog import DiscountDialog
from vendor_desktop.viewmodels.discounts.viewmodel import DiscountsViewModel, state_choices

LISTING, BUYER = 0, 1
# Columns sized to what they hold, at most this wide (the rest is elided, the tooltip has it).
FITTED = {BUYER: 320, 2: 240, 3: 160, 4: 160, 5: 300}


class DiscountsView(Retranslating, QWidget):
    def __init__(self, vm: DiscountsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumWidth(220)
        self.state = QComboBox()  # item data: the state id, None for every state
        self.state.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.count = QLabel()
        self.count.setObjectName("hint")
        self.grant = QPushButton()
        self.revoke = QPushButton()
        self.read_only = QLabel()
        self.read_only.setObjectName("hint")
        self.read_only.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.state)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.revoke)
        bar.addWidget(self.grant)

        self.table = list_table(vm.model, widths=(260, 240, 150, 130, 130, 180), delegate=ListDelegate())
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LISTING, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(80)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.read_only)
        layout.addWidget(self.stack, 1)

        self.search.textChanged.connect(vm.set_search_text)
        self.state.currentIndexChanged.connect(self._state_chosen)
        self.grant.clicked.connect(self.open_grant)
        self.revoke.clicked.connect(vm.revoke)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        connect_refresh(vm.selected_changed, self, self._show_actions)
        connect_refresh(vm.model.modelReset, self, self._show_list)
        self.retranslate()

    def open_grant(self) -> DiscountDialog:
        dialog = DiscountDialog(self.vm, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _state_chosen(self, index: int) -> None:
        state = self.state.itemData(index)
        self.vm.set_states([state] if state else [])

    def _selected(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.vm.select(rows[0].row() if rows else -1)

    def _show_actions(self) -> None:
        why_not = self.vm.why_cannot_revoke()
        self.revoke.setEnabled(not why_not)
        self.revoke.setToolTip(why_not)
        self.grant.setEnabled(self.vm.can_write)
        self.grant.setToolTip(self.vm.why_read_only())
        self.read_only.setText(self.vm.why_read_only())
        self.read_only.setVisible(not self.vm.can_write)

    def _show_list(self) -> None:
        n = self.vm.count
        self.count.setText(self.tr("%n discounts", "", n))
        self.empty.setText(self.vm.empty_text())
        self.stack.show_list(n > 0)
        self._fit_columns()
        self.vm.select(-1)

    def _fit_columns(self) -> None:
        for column, widest in FITTED.items():
            self.table.resizeColumnToContents(column)
            if self.table.columnWidth(column) > widest:
                self.table.setColumnWidth(column, widest)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search buyer account ID, buyer or listing"))
        refill_combo(self.state, self.tr("All states"), state_choices())
        self.grant.setText(self.tr("Give discount…"))
        self.revoke.setText(self.tr("Revoke"))
        self.vm.model.relabel()
        self._show_list()
        self._show_actions()
