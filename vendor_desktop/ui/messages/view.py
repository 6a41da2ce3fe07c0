"""Messages (站内信): the marketplace's in-app messages, newest first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.ui.core.binding import connect_refresh
from vendor_desktop.ui.core.widgets import ListOrEmpty, Retranslating, list_table
from vendor_desktop.viewmodels.messages.viewmodel import UNREAD_ROLE, MessagesViewModel


class _UnreadBold(QStyledItemDelegate):
    """Unread messages in bold: the viewmodel says which, the view decides how."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(UNREAD_ROLE):
            font = QFont(option.font)
            font.setBold(True)
            option.font = font


class MessagesView(Retranslating, QWidget):
    def __init__(self, vm: MessagesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.table = list_table(vm.model, widths=(140, 100), delegate=_UnreadBold())
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.stack = ListOrEmpty(self.table)
        self.empty = self.stack.empty
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.body)
        splitter.setSizes([500, 200])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        connect_refresh(vm.selected_changed, self, self._show_body)
        connect_refresh(vm.unread_changed, self, self._show_empty)
        self.retranslate()

    def _selected(self, *_: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.vm.select(self.vm.model.id_at(rows[0].row()) if rows else None)

    def _show_body(self) -> None:
        title, when, body = self.vm.selected_text()
        if not title:
            self.body.setPlainText(self.tr("Select a message to read it."))
            return
        self.body.clear()
        self.body.append(f"<h3>{_escape(title)}</h3><p style='color:#666'>{_escape(when)}</p>")
        self.body.append(f"<p>{_escape(body)}</p>")

    def _show_empty(self) -> None:
        self.stack.show_list(self.vm.model.total > 0)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No messages yet. New orders and payments will show up here."))
        self.vm.model.relabel()
        self._show_empty()
        self._show_body()

    # -- opened from a Workbench card ----------------------------------------------------------
    def show_preset(self, name: str) -> None:
        """Preset "unread": only the unread messages, where the view has that filter; otherwise the
        list scrolls to the first unread one (bold), without opening it (that would mark it read)."""
        if name != "unread":
            return
        only = getattr(self, "unread_only", None)
        if only is not None and hasattr(only, "setChecked"):
            if hasattr(self, "clear_filters"):
                self.clear_filters()  # no search or kind left over: every unread message
            only.setChecked(True)
            return
        model = self.vm.model
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(UNREAD_ROLE):
                self.table.scrollTo(index, self.table.ScrollHint.PositionAtTop)
                return


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
