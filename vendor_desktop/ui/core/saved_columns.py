"""A list's columns, kept between runs (Orders and Invoices) (window_layout saves the header's state): their
order, the sort, and the widths the user chose by hand. The other columns fit what they show
(ui/core/fitting.py), so a state saved with fixed widths — before issue 11, when the columns were
150 px and the like whatever they held — brings back the order and the sort, not those widths."""

from __future__ import annotations

import json

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from vendor_desktop.ui.core.fitting import ColumnFitter, fit_columns

# A state saved by this header, not a bare QHeaderView's. Stored in users' settings: never change it
# (it says "orders" because Orders had it first).
_MAGIC = b"vendor-center-orders-columns/1\n"


class SavedColumns(QHeaderView):
    """``table``'s horizontal header, its columns fitted with ``stretch`` taking the rest."""

    def __init__(self, table: QTableView, stretch: int) -> None:
        super().__init__(Qt.Orientation.Horizontal, table)
        self.stretch = stretch
        table.setHorizontalHeader(self)
        self.setHighlightSections(True)
        self.fitter: ColumnFitter = fit_columns(table, stretch=stretch)

    def saveState(self) -> QByteArray:
        by_hand = json.dumps(sorted(self.fitter.by_hand)).encode()
        return QByteArray(_MAGIC + by_hand + b"\n" + bytes(super().saveState().data()))

    def restoreState(self, state: QByteArray | bytes) -> bool:
        raw = bytes(state.data()) if isinstance(state, QByteArray) else bytes(state)
        by_hand: set[int] = set()
        if raw.startswith(_MAGIC):
            line, _, raw = raw[len(_MAGIC) :].partition(b"\n")
            try:
                by_hand = {int(c) for c in json.loads(line)}
            except (ValueError, TypeError):
                by_hand = set()
        restored = super().restoreState(QByteArray(raw))
        # Whatever the state said: the columns fit, one stretches, and a fit measures only the rows
        # on screen (an older state brings back Qt's default, up to 1,000 rows read from SQLite).
        self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        self.setResizeContentsPrecision(0)
        self.fitter.by_hand = {c for c in by_hand if 0 <= c < self.count() and c != self.stretch} if restored else set()
        self.fitter.schedule()
        return restored
