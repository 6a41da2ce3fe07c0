"""The Discounts area (商品折扣): who gets which discount on what, and when. R-DSC-1, R-DSC-2."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table
from vendor_desktop.ui.discounts.discount_dialog import DiscountDialog
from vendor_desktop.viewmodels.discounts.viewmodel import DiscountsViewModel


class DiscountsView(Retranslating, QWidget):
    def __init__(self, vm: DiscountsViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumWidth(260)
        self.grant = QPushButton()
        self.revoke = QPushButton()
        self.read_only = QLabel()
        self.read_only.setObjectName("hint")
        bar = QHBoxLayout()
        bar.addWidget(self.search)
        bar.addWidget(self.read_only, 1)
        bar.addStretch(1)
        bar.addWidget(self.revoke)
        bar.addWidget(self.grant)

        self.table = list_table(vm.model, widths=(260, 240, 150, 130, 130, 180), delegate=ListDelegate())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.search.textChanged.connect(vm.set_search_text)
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

    def _show_list(self) -> None:
        self.stack.show_list(self.vm.model.total > 0)
        self.vm.select(-1)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search listing or buyer"))
        self.grant.setText(self.tr("Give discount…"))
        self.revoke.setText(self.tr("Revoke"))
        self.empty.setText(
            self.tr("No discounts yet.\nGive a buyer a discount on one of your listings with “Give discount…”.")
        )
        self.vm.model.relabel()
        self._show_list()
        self._show_actions()
