"""A table model over ordered ids: the ids come from one SQL query, rows load on demand.

Anki's browser table does the same: the keyset query for ids in order is cheap even for
100,000 rows; rows are loaded only for what the view asks for, a block at a time, and kept in
a small cache. ``canFetchMore``/``fetchMore`` grow the row count in steps so the view never
asks for everything at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

#: Roles no list of ours answers, asked for every painted cell (QStyledItemDelegate): answered
#: before any row lookup, so repainting a screenful after a reload costs less of the GUI thread.
_UNANSWERED = frozenset(
    member_or_value
    for member in (
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.SizeHintRole,
    )
    for member_or_value in (member, member.value)
)

FETCH_STEP = 500  # rows exposed per fetchMore
LOAD_BLOCK = 100  # rows loaded from SQL per cache miss
ROW_CACHE = 2_000  # rows kept in memory


class HeadIds(Sequence[str]):
    """Ordered ids known to be ``total`` long of which only the first few are loaded yet.

    Opening or re-filtering a list of 100,000 rows then costs one ``LIMIT`` query and one count;
    the rest loads (one query, all at once) the first time anything past the head is asked for,
    e.g. when the user scrolls past the first ``FETCH_STEP`` rows.
    """

    def __init__(self, head: list[str], total: int, load_all: Callable[[], list[str]]) -> None:
        self._ids = head
        self._total = max(total, len(head))
        self._load_all: Callable[[], list[str]] | None = load_all

    @property
    def loaded(self) -> bool:
        return self._load_all is None

    def _all(self) -> list[str]:
        if self._load_all is not None:
            self._ids, self._load_all = self._load_all(), None
            self._total = len(self._ids)
        return self._ids

    def __len__(self) -> int:
        return self._total

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            start = index.start or 0
            if index.step is None and 0 <= start < len(self._ids):
                # A block that reaches past the head stops at its end: the rest loads when asked for.
                return self._ids[index]
            return self._all()[index]
        if 0 <= index < len(self._ids):
            return self._ids[index]
        return self._all()[index]

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        try:
            return self._ids.index(value, start, len(self._ids) if stop is None else stop)
        except ValueError:
            if self.loaded:
                raise
        return self._all().index(value, start, len(self._ids) if stop is None else stop)


def head_then_rest(
    db: Any, ids: Callable[[Any, int | None], list[str]], count: Callable[[Any], int]
) -> Sequence[str]:
    """A list's ids as ``HeadIds``: the first screenfuls (``ids(session, FETCH_STEP)``) and the
    count in one read transaction, the rest (``ids(session, None)``) when scrolled to. ``db`` is
    the cache (``db.session()``); a short list comes back whole."""
    with db.session() as session:
        head = ids(session, FETCH_STEP)
        if len(head) < FETCH_STEP:
            return head
        total = count(session)

    def rest() -> list[str]:
        with db.session() as session:
            return ids(session, None)

    return HeadIds(head, total, rest)


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Subclasses give the id query (``load_ids``, or ``ids_loader`` when it has filters), the row
    loader and how a row shows in each column."""

    def __init__(
        self,
        load_ids: Callable[[], Sequence[str]] | None,
        load_rows: Callable[[Sequence[str]], dict[str, Row]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._load_ids = load_ids
        self._load_rows = load_rows
        self._ids: Sequence[str] = []
        self._exposed = 0
        self._rows: OrderedDict[str, Row] = OrderedDict()
        # Each shown row's words, made once: a view asks for every cell at every repaint (after a
        # reload, a selection, a scroll), and formatting dates and money per cell adds up.
        self._cells: dict[str, list[Any]] = {}

    # -- what subclasses provide -------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, row: Row, column: int) -> Any:
        raise NotImplementedError

    def cells(self, row: Row) -> list[Any]:
        """Every column's text of a row at once (subclasses that format a row whole override it)."""
        return [self.display(row, column) for column in range(self.columnCount())]

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

    def row_data(self, row: Row, column: int, role: int) -> Any:
        """Other roles (tooltips, colours); None by default. A tooltip left None is the cell's text."""
        return None

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Run the id query again here and now (after a filter or a sort) and drop cached rows."""
        self.apply_ids(self.ids_loader()())

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        """The id query as it stands now, safe to run on another thread (a reload after a pull
        runs it on the reads runner): subclasses capture their filters here, on the GUI thread."""
        if self._load_ids is None:
            raise NotImplementedError
        return self._load_ids

    def loader(self) -> Callable[[], tuple[Sequence[str], dict[str, Row]]]:
        """What a reload after a pull reads, to run on the reads runner: the ids and the first
        rows, which a view paints right after the swap (so the swap itself reads nothing)."""
        ids_of, load_rows = self.ids_loader(), self._load_rows

        def load() -> tuple[Sequence[str], dict[str, Row]]:
            ids = ids_of()
            return ids, load_rows(list(ids[:LOAD_BLOCK]))

        return load

    def apply_ids(self, ids: Sequence[str], rows: dict[str, Row] | None = None) -> None:
        """Show ``ids`` (from ``ids_loader()``), dropping cached rows (they may have changed too)
        for ``rows`` read with the ids, if given."""
        self.beginResetModel()
        self._ids = ids
        self._exposed = min(len(self._ids), FETCH_STEP)
        self._rows.clear()
        self._cells.clear()
        if rows:
            self._rows.update(rows)
        self.endResetModel()

    def refresh_rows(self, ids: set[str]) -> None:
        """Rows changed in place (same ids, same order): reload just those that are cached."""
        stale = [i for i in ids if i in self._rows]
        for i in stale:
            del self._rows[i]
            self._cells.pop(i, None)
        if stale and self._exposed:
            self.dataChanged.emit(self.index(0, 0), self.index(self._exposed - 1, self.columnCount() - 1))

    def relabel(self) -> None:
        """The language changed: same rows, new words. Keeps the selection and scroll position."""
        self._cells.clear()
        columns = self.columnCount()
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self._exposed and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(self._exposed - 1, columns - 1))

    @property
    def total(self) -> int:
        """All rows matching the query, also those not yet exposed to the view."""
        return len(self._ids)

    def id_at(self, row: int) -> str | None:
        # len() too: a HeadIds loaded later may have found fewer rows (a pull committed meanwhile;
        # the reload it triggers is on its way).
        return self._ids[row] if 0 <= row < min(self._exposed, len(self._ids)) else None

    def row_at(self, row: int) -> Row | None:
        if not 0 <= row < min(self._exposed, len(self._ids)):
            return None
        row_id = self._ids[row]
        cached = self._rows.get(row_id)
        if cached is not None:
            self._rows.move_to_end(row_id)
            return cached
        start = max(0, row - LOAD_BLOCK // 4)
        block = [i for i in self._ids[start : start + LOAD_BLOCK] if i not in self._rows]
        self._rows.update(self._load_rows(block))
        while len(self._rows) > ROW_CACHE:
            self._cells.pop(self._rows.popitem(last=False)[0], None)
        return self._rows.get(row_id)

    def row_of(self, row_id: str) -> int:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return -1

    # -- Qt model API --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._exposed

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._exposed < len(self._ids)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(FETCH_STEP, len(self._ids) - self._exposed)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._exposed, self._exposed + more - 1)
        self._exposed += more
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in _UNANSWERED or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row_id = self._ids[index.row()]
            cells = self._cells.get(row_id)
            if cells is None:
                cells = self._cells[row_id] = self.cells(row)
            return cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(index.column())
        value = self.row_data(row, index.column(), role)
        if value is None and role == Qt.ItemDataRole.ToolTipRole:
            # A cell cut short in a narrow column can still be read whole (ui/core/fitting.py).
            text = self.data(index)
            return str(text) if text not in (None, "") else None
        return value
