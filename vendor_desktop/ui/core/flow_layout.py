"""A row of widgets that wraps onto the next line when it runs out of room (Qt's Flow Layout
example): a filter bar that fits a narrow window, a large font or a 150 % scale without cutting
anything. Put widgets that belong together (a date range and its quick ranges) in one container
so they wrap as one."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line."""
        width, height = 0, 0
        for item in self._visible():
            hint = item.sizeHint()
            width += hint.width() + (self._spacing if width else 0)
            height = max(height, hint.height())
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: narrower than that, something would be cut."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out left to right, wrapping; returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QPoint, QSize]] = []

        def place_line() -> None:
            for item, point, size in line:  # centred vertically in their line
                item.setGeometry(QRect(point + QPoint(0, (line_height - size.height()) // 2), size))

        for item in self._visible():
            size = item.sizeHint().boundedTo(QSize(max(area.width(), 1), 1 << 20)).expandedTo(item.minimumSize())
            if line and x + size.width() > area.right() + 1:
                if move:
                    place_line()
                x, y = area.x(), y + line_height + self._spacing
                line, line_height = [], 0
            line.append((item, QPoint(x, y), size))
            x += size.width() + self._spacing
            line_height = max(line_height, size.height())
        if move:
            place_line()
        return y + line_height - rect.y() + margins.bottom()


def flow_bar(*widgets: QWidget, spacing: int | None = None) -> QWidget:
    """A container whose widgets flow and wrap, and which asks its parent layout for the height
    its width needs."""
    bar = QWidget()
    gap = spacing if spacing is not None else bar.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing)
    layout = FlowLayout(bar, spacing=max(gap, 6))
    for widget in widgets:
        layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    bar.setSizePolicy(policy)
    return bar
