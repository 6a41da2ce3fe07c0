"""A reason box: a few lines of text for why a change is made (a price change's reason, R-ORD-3;
a shipment correction's, R-INV-6), capped at the rule's length as the user types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

REASON_LINES = 3  # the reason box shows this many lines


class ReasonBox(QPlainTextEdit):
    """A few lines for the reason, at most ``limit`` characters; Tab moves on, as in a line edit."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        margins = self.contentsMargins()
        document_margin = 2 * self.document().documentMargin()
        height = self.fontMetrics().lineSpacing() * REASON_LINES + document_margin + margins.top() + margins.bottom()
        self.setFixedHeight(int(height) + 2)
        self.textChanged.connect(self._cap)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def _cap(self) -> None:
        text = self.toPlainText()
        if len(text) > self.limit:
            blocked = self.blockSignals(True)
            self.setPlainText(text[: self.limit])
            self.moveCursor(self.textCursor().MoveOperation.End)
            self.blockSignals(blocked)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.ignore()  # Enter sends the form, as in the other boxes; Shift+Enter breaks the line
            return
        super().keyPressEvent(event)
