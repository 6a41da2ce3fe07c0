"""A state shown alone (a detail pane, a dialog) as the same coloured tag the lists draw: one look
for a state wherever it appears (GLOSSARY: a state is a coloured tag)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from vendor_desktop.ui.core.list_delegate import PAD_X
from vendor_desktop.ui.core.palette import tag_colours
from vendor_desktop.viewmodels.core.states import Tone


class TagLabel(QLabel):
    """``text()`` drawn in a rounded tag of ``tone``'s colours, read at each paint so a switch to
    dark mode recolours it."""

    def __init__(self, text: str = "", tone: Tone | str = Tone.CLOSED, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.tone = Tone(tone)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_tag(self, text: str, tone: Tone | str) -> None:
        self.tone = Tone(tone)
        self.setText(text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.text()) + 2 * PAD_X, metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        background, foreground = tag_colours(self.tone)
        hint = self.sizeHint()
        box = QRectF(0, (self.height() - hint.height()) / 2, min(hint.width(), self.width()), hint.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(foreground)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text())
        painter.end()
