"""Messages (站内信): the marketplace's in-app messages, newest first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vendor_desktop.viewmodels.messages import UNREAD_ROLE, MessagesViewModel

from .binding import connect_refresh


class _UnreadBold(QStyledItemDelegate):
    """Unread messages in bold: the viewmodel says which, the view decides how."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if index.data(UNREAD_ROLE):
            font = QFont(option.font)
            font.setBold(True)
            option.font = font


class MessagesView(QWidget):
    def __init__(self, vm: MessagesViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.table = QTableView()
        self.table.setModel(vm.model)
        self.table.setItemDelegate(_UnreadBold(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 140)
        header.resizeSection(1, 100)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
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
        self.stack.setCurrentWidget(self.table if self.vm.model.total else self.empty)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No messages yet. New orders and payments will show up here."))
        self.vm.model.relabel()
        self._show_empty()
        self._show_body()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
