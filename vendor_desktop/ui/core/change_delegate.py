"""Rows with an open change stand out: pending in italic blue, refused in red (the model says which)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE

PENDING = QColor("#1d4ed8")
REJECTED = QColor("#b3261e")


class ChangeDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        state = index.data(CHANGE_ROLE)
        if state is None:
            return
        colour = PENDING if state == "pending" else REJECTED
        option.palette.setColor(QPalette.ColorRole.Text, colour)
        option.palette.setColor(QPalette.ColorRole.HighlightedText, colour)
        if state == "pending":
            font = QFont(option.font)
            font.setItalic(True)
            option.font = font
