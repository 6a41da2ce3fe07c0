"""How every list draws its cells: states as coloured tags, and rows with an open change marked
by an icon in their first cell — pending in italics, refused with a warning sign — never by
colouring the whole row (GLOSSARY: red only for what needs the user now).

The model says what to draw: ``TAGS_ROLE`` (viewmodels/core/states.py) gives a cell's tags as
(text, tone), ``CHANGE_ROLE`` (viewmodels/core/labels.py) whether a row has an open change.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from vendor_desktop.ui.core.palette import tag_colours
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE
from vendor_desktop.viewmodels.core.states import TAGS_ROLE

Index = QModelIndex | QPersistentModelIndex

PAD_X = 6  # inside a tag, left and right
GAP = 4  # between two tags
MARGIN = 4  # between the cell's edge and its first tag


def _tags(index: Index) -> list[tuple[str, str]] | None:
    tags = index.data(TAGS_ROLE)
    return tags if tags else None


class ListDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        change = index.data(CHANGE_ROLE)
        if change is None:
            return
        if change == "pending":
            font = QFont(option.font)
            font.setItalic(True)
            option.font = font
        if index.column() == 0:
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if change == "rejected"
                else QStyle.StandardPixmap.SP_BrowserReload
            )
            style = option.widget.style() if option.widget is not None else QApplication.style()
            option.icon = style.standardIcon(icon)
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            size = option.fontMetrics.height()
            option.decorationSize = QSize(size, size)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tags = _tags(index)
        if tags is None:
            super().paint(painter, option, index)
            return
        # The cell's background and selection as usual, without its text; then the tags.
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        metrics = QFontMetrics(opt.font)
        height = metrics.height() + 4
        rect = opt.rect
        x = rect.left() + MARGIN
        top = rect.top() + (rect.height() - height) / 2
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for text, tone in tags:
            width = metrics.horizontalAdvance(text) + 2 * PAD_X
            room = rect.left() + rect.width() - MARGIN - x  # right() is one pixel short of the edge
            if room <= 2 * PAD_X:
                break
            shown = text if width <= room else metrics.elidedText(text, Qt.TextElideMode.ElideRight, room - 2 * PAD_X)
            width = min(width, room)
            background, foreground = tag_colours(tone)
            box = QRectF(x, top, width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(foreground)
            painter.setFont(opt.font)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)
            x += width + GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        tags = _tags(index)
        size = super().sizeHint(option, index)
        if tags is None:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)  # the font the tags are drawn in (italic while a change is pending)
        metrics = QFontMetrics(opt.font)
        width = 2 * MARGIN + sum(metrics.horizontalAdvance(t) + 2 * PAD_X for t, _ in tags) + GAP * (len(tags) - 1)
        return QSize(width, max(size.height(), metrics.height() + 8))
