"""Nothing clipped (issue 11): lists whose columns fit what they show, dialogs as large as their
layout needs. tools/layout_check.py measures every screen for what these prevent.

``fit_columns(table, stretch=…)``: each column as wide as its title and its widest cell on
screen, one column taking the rest; when the list is too narrow for all of it, the
widest columns give way and their cut text shows whole in a tooltip (the model's ToolTipRole:
``PagedTableModel`` answers it with the cell's text).

``fit_to_layout(dialog, width=…)``: the dialog's minimum size follows its layout, word-wrapped
labels included. Qt sets a window's minimum size from its layout's minimum, which leaves out
height-for-width (a message appearing under a field, or a longer language, then squashed the
fields above it instead of growing the dialog), and not at all in a direction the window has a
minimum of its own (``setMinimumWidth``: a long folder name was then cut short).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

#: The stretch column keeps at least this much before the other columns give way (px).
STRETCH_MINIMUM = 160


class ColumnFitter(QObject):
    """Sizes ``table``'s columns to their contents; ``stretch`` takes what is left. Refits when
    rows are reloaded or the words change (a new language); when the list scrolls to longer
    cells, their columns widen (never narrow: the columns keep still while the user reads) while
    the stretch column has room to give; shares the width out again when the list is resized. A
    column the user resizes by hand keeps their width."""

    #: After scrolling stops, this long (ms), columns widen for the longer cells now on screen.
    SCROLL_SETTLE_MS = 150

    def __init__(self, table: QTableView, stretch: int, *, stretch_minimum: int = STRETCH_MINIMUM) -> None:
        super().__init__(table)
        self.stretch = stretch
        self.stretch_minimum = stretch_minimum
        self.contents: dict[int, int] = {}  # column → the width its title and cells on screen need
        self.stretch_needs = 0  # the same for the stretch column
        self.by_hand: set[int] = set()  # columns the user resized
        self._fitting = False
        self._pending = False
        self._dragging = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # The rows on screen (after a reload, the first ones): a paged list of 100,000 orders reads
        # no more for it, and a fit costs a screenful of cells.
        header.setResizeContentsPrecision(0)
        header.sectionResized.connect(self._resized)
        header.sectionHandleDoubleClicked.connect(self.by_hand.add)
        header.viewport().installEventFilter(self)
        table.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setSingleShot(True)
        self._scroll_timer.setInterval(self.SCROLL_SETTLE_MS)
        self._scroll_timer.timeout.connect(self.widen)
        table.verticalScrollBar().valueChanged.connect(self._scroll_timer.start)
        self.watch(table.model())

    def watch(self, model: object) -> None:
        """Refit on ``model``'s reloads and new words (call again if the table gets another model)."""
        if model is None:
            return
        for signal in ("modelReset", "layoutChanged", "headerDataChanged", "rowsInserted"):
            getattr(model, signal).connect(self.schedule)
        self.schedule()

    def schedule(self, *_: object) -> None:
        """Fit once the event loop runs: after a reload the rows are laid out, and a burst of
        signals costs one fit."""
        self._timer.start()

    @property
    def table(self) -> QTableView:
        # Its parent, not an attribute: no reference cycle with the table (see LayoutFit).
        return self.parent()  # type: ignore[return-value]

    @property
    def idle(self) -> bool:
        """No fit is waiting to run (tools/layout_check.py measures a list once it is idle)."""
        return not (self._timer.isActive() or self._scroll_timer.isActive())

    # -- measuring and sharing out -------------------------------------------------------------
    def fit(self) -> None:
        """Measure the rows on screen afresh (after a reload or a change of language)."""
        self._measure(widen_only=False)

    def widen(self) -> None:
        """Widen the columns whose cells now on screen need more (after scrolling)."""
        self._measure(widen_only=True)

    def _measure(self, *, widen_only: bool) -> None:
        table = self.table
        if not table.isVisible():  # measured when shown: a hidden table would read every row
            self._pending = True
            return
        header = table.horizontalHeader()
        model = table.model()
        if model is None or (widen_only and self._pending):
            return
        self._pending = False
        before = self.contents if widen_only else {}
        self.contents = {
            c: max(table.sizeHintForColumn(c), header.sectionSizeHint(c), before.get(c, 0))
            for c in range(model.columnCount())
            if c != self.stretch and not header.isSectionHidden(c)
        }
        needs = max(table.sizeHintForColumn(self.stretch), header.sectionSizeHint(self.stretch))
        self.stretch_needs = max(needs, self.stretch_needs) if widen_only else needs
        if widen_only and self.contents == before:
            return
        self.share_out()

    def share_out(self) -> None:
        """Give each column what it needs; if that leaves the stretch column less than its
        minimum, take the difference from the widest columns (never below their title)."""
        table, header = self.table, self.table.horizontalHeader()
        widths = {c: w for c, w in self.contents.items() if c not in self.by_hand}
        fixed = sum(header.sectionSize(c) for c in self.by_hand if c in self.contents)
        stretch = max(min(self.stretch_minimum, self.stretch_needs), header.sectionSizeHint(self.stretch))
        excess = fixed + sum(widths.values()) + stretch - table.viewport().width()
        floors = {c: header.sectionSizeHint(c) for c in widths}
        while excess > 0:
            giving = [c for c in widths if widths[c] > floors[c]]
            if not giving:
                break
            widest = max(giving, key=lambda c: widths[c])
            others = [widths[c] for c in giving if c != widest]
            target = max(floors[widest], max(others, default=0), widths[widest] - excess)
            if target >= widths[widest]:  # several equally wide: trim each by a little
                target = max(floors[widest], widths[widest] - max(1, excess // len(giving)))
            excess -= widths[widest] - target
            widths[widest] = target
        self._fitting = True
        try:
            for column, width in widths.items():
                header.resizeSection(column, width)
        finally:
            self._fitting = False

    # -- events ----------------------------------------------------------------------------------
    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._dragging and not self._fitting and column != self.stretch:
            self.by_hand.add(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(watched, QTableView):
            if kind == QEvent.Type.Show and self._pending:
                self.schedule()
            elif kind == QEvent.Type.Resize and self.contents:
                self.share_out()
        elif kind == QEvent.Type.MouseButtonPress:
            self._dragging = True
        elif kind == QEvent.Type.MouseButtonRelease:
            self._dragging = False
        return False


def fit_columns(table: QTableView, *, stretch: int, stretch_minimum: int = STRETCH_MINIMUM) -> ColumnFitter:
    """Columns sized to their contents, ``stretch`` taking the rest (see ``ColumnFitter``)."""
    return ColumnFitter(table, stretch, stretch_minimum=stretch_minimum)


class LayoutFit(QObject):
    """Keeps its parent window at least as large as the window's layout needs: as wide as the
    layout's minimum (and ``width``), as tall as the layout needs at its width, word wrap
    included. (It holds no reference to the window but its parent: a window deleted by Python's
    garbage collector must not find a Python object of its own half collected in its filters.)"""

    def __init__(self, window: QWidget, width: int = 0) -> None:
        super().__init__(window)
        self.width = width
        self._timer = QTimer(self)  # the fit runs after the layout has done its own work
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        window.installEventFilter(self)

    def fit(self) -> None:
        window = self.parent()
        layout = window.layout() if isinstance(window, QWidget) else None
        if layout is None:
            return
        minimum = layout.totalMinimumSize()
        width = max(self.width, minimum.width())
        # The height at the width the window will have: wrapped text needs more lines when narrower.
        at = max(width, window.width())
        height = max(layout.totalHeightForWidth(at) if layout.hasHeightForWidth() else 0, minimum.height())
        if (width, height) != (window.minimumWidth(), window.minimumHeight()):
            window.setMinimumSize(width, height)  # grows the window when it is smaller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _LAYOUT_EVENTS:
            self._timer.start()
        return False


_LAYOUT_EVENTS = (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show)


def fit_to_layout(window: QWidget, *, width: int = 0) -> LayoutFit:
    """``window``'s minimum size follows its layout: at least ``width`` wide (instead of
    ``setMinimumWidth``, which stops Qt from applying the layout's minimum width), and as tall as
    its layout needs at its width, word-wrapped labels included. Showing a message, a longer
    language or a long path then grows the window instead of cutting or squashing its fields."""
    return LayoutFit(window, width)
