"""The import's table: the file's rows (one file, held in memory) with their verdict, then, once
queued, each row's result as its command's state (Pending changes' words)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.domain.tracking_import import Column, Judgement
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.invoices.import_words import (
    carrier_label,
    column_label,
    order_of,
    postage_label,
    refusal_text,
    result_tags,
    row_message,
    verdict_tags,
)

RESULT_COLUMN = 5
NOTE_COLUMN = 6

#: A command's state as read: (state, error code, message, its Chinese); None once discarded.
Result = tuple[str, str | None, str, str] | None


class ImportTableModel(QAbstractTableModel):
    """The file's rows (one file: held in memory) with their verdict, then their result."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.judgements: list[Judgement] = []
        self.shown: list[int] = []  # the rows the filter lets through (indexes into judgements)
        self.problems_only = False
        self.command_ids: dict[int, int] = {}  # row index → its queued command
        self.results: dict[int, Result] = {}  # command id → its state as last read

    def set_rows(self, judgements: list[Judgement]) -> None:
        self.beginResetModel()
        self.judgements = judgements
        self.command_ids, self.results = {}, {}
        self._filter()
        self.endResetModel()

    def set_problems_only(self, on: bool) -> None:
        self.beginResetModel()
        self.problems_only = on
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        if self.problems_only:
            self.shown = [at for at in range(len(self.judgements)) if self._needs_a_look(at)]
        else:
            self.shown = list(range(len(self.judgements)))

    def _needs_a_look(self, at: int) -> bool:
        """Before importing: a row not ready, or with a number to check; after: a row not
        shipped (not imported, not accepted, still on its way). Kept as filtered until the
        user toggles again, so rows do not jump away while being read."""
        if not self.command_ids:
            judged = self.judgements[at]
            return not judged.ready or judged.unusual_number
        result = self.result_of(at)
        return not isinstance(result, tuple) or result[0] != CommandState.APPLIED.value

    def set_results(self, results: dict[int, Result]) -> None:
        self.results.update(results)
        if self.shown:
            self.dataChanged.emit(self.index(0, RESULT_COLUMN), self.index(len(self.shown) - 1, NOTE_COLUMN))

    def relabel(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.shown) - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return [
            QCoreApplication.translate("TrackingImport", "Row"),
            column_label(Column.ORDER_NUMBER),
            column_label(Column.CARRIER),
            column_label(Column.TRACKING_NUMBER),
            column_label(Column.POSTAGE),
            QCoreApplication.translate("TrackingImport", "Result")
            if self.command_ids
            else QCoreApplication.translate("TrackingImport", "Check"),
            QCoreApplication.translate("TrackingImport", "Note"),
        ][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        at = self.shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = self.cells(at)
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
                row = self.judgements[at].row  # what the sheet says → what the buyer will see
                return f"{row.carrier_typed} → {row.carrier}" if row.carrier_typed != row.carrier else row.carrier
            return cells[index.column()]
        if role == TAGS_ROLE and index.column() == RESULT_COLUMN:
            return self.tags(at)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def result_of(self, at: int) -> Result | str:
        """The row's command state as last read; "" when the row was not queued."""
        command_id = self.command_ids.get(at)
        if command_id is None:
            return ""
        return self.results.get(command_id, (CommandState.PENDING.value, None, "", ""))

    def tags(self, at: int) -> list[tuple[str, Tone]]:
        return row_tags(self.judgements[at], self.result_of(at))

    def cells(self, at: int) -> list[str]:
        return row_cells(self.judgements[at], self.result_of(at))


def row_tags(judged: Judgement, result: Result | str) -> list[tuple[str, Tone]]:
    """The verdict before queuing (and for a row not queued); the command's state after."""
    if isinstance(result, str):
        return verdict_tags(judged)
    return result_tags(result[0] if result is not None else None)


def row_cells(judged: Judgement, result: Result | str) -> list[str]:
    """A row's cells as the table shows them (the export adds the invoice ID)."""
    row = judged.row
    if isinstance(result, tuple) and result[0] == CommandState.REJECTED.value:
        note = refusal_text(result[2], result[3], result[1])
    else:
        note = row_message(judged)
    return [
        str(row.line),
        order_of(judged),
        carrier_label(row.carrier),
        row.tracking_number,
        postage_label(row.postage, row.postage_typed),
        ", ".join(text for text, _tone in row_tags(judged, result)),
        note,
    ]
