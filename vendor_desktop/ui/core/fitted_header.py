"""Columns as wide as what they show, one column taking the rest (issue 11: order numbers, buyers
and amounts were cut while other columns were half empty).

Qt's ``ResizeToContents`` would measure up to 1,000 rows at every reset (each a row read from
SQLite in our paged lists) and takes column widths out of the user's hands. This header measures
the rows on screen (a screenful at least) after every reset, language change and edit;
scrolling widens a column for a longer text but never narrows it. A column the user resized
keeps the user's width, also in the next run (the saved state says which), and its cut texts
still have their tooltip (the models answer ``ToolTipRole`` with the whole text).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

_MAGIC = b"vendor-center-fitted-header/1\n"  # a state saved by this header, not a bare QHeaderView's
MAX_SHARE = 0.35  # no fitted column takes more than this share of the table's width
MIN_ROWS = 40  # rows measured at least: the viewport may not be laid out yet, or about to grow
MAX_ROWS = 80  # rows measured at most (a tall screen)


class FittedHeader(QHeaderView):
    def __init__(self, table: QTableView, stretch: int) -> None:
        super().__init__(Qt.Orientation.Horizontal, table)
        self.stretch = stretch
        self.hand_sized: set[int] = set()
        self._fitting = False
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setStretchLastSection(False)
        table.setHorizontalHeader(self)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.sectionResized.connect(self._resized)
        self._table = table
        self._grow = QTimer(self)
        self._grow.setSingleShot(True)
        self._grow.setInterval(120)
        self._grow.timeout.connect(lambda: self.fit(shrink=False))
        table.verticalScrollBar().valueChanged.connect(lambda *_: self._grow.start())
        model = table.model()
        model.modelReset.connect(self.fit)
        model.headerDataChanged.connect(lambda *_: self.fit())
        model.dataChanged.connect(lambda *_: self.fit(shrink=False))
        model.rowsInserted.connect(lambda *_: self._grow.start())
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.fit(shrink=event.type() == QEvent.Type.Show)
        return super().eventFilter(watched, event)

    def _resized(self, logical: int, _old: int, _new: int) -> None:
        if not self._fitting and logical != self.stretch:
            self.hand_sized.add(logical)

    def _shown_rows(self) -> range:
        table = self._table
        rows = table.model().rowCount()
        first = max(table.rowAt(0), 0)
        last = table.rowAt(table.viewport().height() - 1)
        if last < 0:
            last = rows - 1
        return range(first, min(max(last + 1, first + MIN_ROWS), first + MAX_ROWS, rows))

    def needed_width(self, logical: int) -> int:
        """What the header and the rows on screen need in this column."""
        table = self._table
        model = table.model()
        width = self.sectionSizeFromContents(logical).width()
        for row in self._shown_rows():
            width = max(width, table.sizeHintForIndex(model.index(row, logical)).width())
        return width + (1 if table.showGrid() else 0)

    def fit(self, *, shrink: bool = True) -> None:
        """Each column but the stretching one (and those the user sized) to what it shows."""
        table = self._table
        if not table.isVisible() or table.model() is None:
            return  # measured when shown: a hidden table would measure every row it has
        cap = max(int(table.viewport().width() * MAX_SHARE), 80)
        self._fitting = True
        try:
            for logical in range(self.count()):
                if logical == self.stretch or logical in self.hand_sized or self.isSectionHidden(logical):
                    continue
                width = min(self.needed_width(logical), max(cap, self.sectionSizeFromContents(logical).width()))
                if shrink or width > self.sectionSize(logical):
                    self.resizeSection(logical, width)
        finally:
            self._fitting = False

    # -- kept between runs ----------------------------------------------------------------------
    def saveState(self) -> QByteArray:
        hand = json.dumps(sorted(self.hand_sized)).encode()
        return QByteArray(_MAGIC + hand + b"\n" + bytes(super().saveState().data()))

    def restoreState(self, state: QByteArray | bytes) -> bool:
        """A state saved by this header restores the widths the user chose; an older one (a bare
        QHeaderView's, whose widths were fixed defaults) only the order and sort of the columns."""
        raw = bytes(state.data()) if isinstance(state, QByteArray) else bytes(state)
        hand: set[int] = set()
        if raw.startswith(_MAGIC):
            line, _, raw = raw[len(_MAGIC) :].partition(b"\n")
            try:
                hand = {int(i) for i in json.loads(line)}
            except (ValueError, TypeError):
                hand = set()
        self._fitting = True
        try:
            restored = super().restoreState(QByteArray(raw))
            # Whatever the saved state said, the columns fit and one stretches.
            self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        finally:
            self._fitting = False
        self.hand_sized = hand if restored else set()
        self.fit()
        return restored
