"""The ledger tab of the Money area (资金流水 · 对账单): every money movement from the cache,
filtered in SQL, and the monthly statement with its CSV/XLSX export (R-DEP-6, R-WDR-1).

Self-contained: built from the area's context, it reloads after a pull that brings ledger
entries (on the reads runner) and exports on the sync/exports runner, never on the GUI thread.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.money.ledger import StatementLine, first_month, ledger_markets, statement
from vendor_desktop.domain.earnings import LedgerBook, LedgerKind
from vendor_desktop.viewmodels.core.area_context import AreaContext
from vendor_desktop.viewmodels.core.date_ranges import QuickRange, beijing_today, quick_range, quick_range_label
from vendor_desktop.viewmodels.core.labels import ledger_kind_label, market_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.money.ledger_table import LedgerTableModel
from vendor_desktop.viewmodels.money.statement import (
    StatementTableModel,
    months_since,
    no_movements_text,
    words,
    write_statement,
)


def kind_choices() -> list[tuple[str, str]]:
    return [(k.value, ledger_kind_label(k.value)) for k in LedgerKind]


def book_choices() -> list[tuple[str, str]]:
    return [
        (LedgerBook.BALANCE.value, QCoreApplication.translate("LedgerViewModel", "Balance")),
        (LedgerBook.EARNINGS.value, QCoreApplication.translate("LedgerViewModel", "Earnings")),
    ]


def range_choices() -> list[tuple[str, str]]:
    return [(r.value, quick_range_label(r)) for r in QuickRange]


@dataclass(frozen=True)
class _Reloaded:
    ids: Sequence[str]
    rows: dict[str, Any]
    markets: list[str]
    months: list[str]
    lines: list[StatementLine]


class LedgerViewModel(QObject):
    count_changed = Signal(int)
    statement_changed = Signal()
    choices_changed = Signal()  # the markets or months to choose from
    export_finished = Signal(str, int)  # path, movements written
    export_failed = Signal(str)

    def __init__(self, context: AreaContext, *, today: Callable[[], dt.date] = beijing_today) -> None:
        super().__init__(context.parent)
        self.db = context.db
        self.reads = context.reads
        self._runner = context.runner  # exports: bulk disk work
        self.today = today
        self.model = LedgerTableModel(self.db, self)
        self.statement_model = StatementTableModel(self)
        self.range: str | None = None
        self.markets: list[str] = []
        self.months: list[str] = []
        self.month = today().strftime("%Y-%m")
        self.exporting = False
        self.loading = True  # until the first read is shown: the list is not empty, only not read yet
        self._refresh: Refresher[_Reloaded] = Refresher(self.reads, self._prepare, self._reloaded)
        # On the reads runner from the start: a statement sums most of the ledger (0.2–0.3 s at
        # 200,000 entries), which the tab's first paint must not wait for.
        self._refresh.request()

    # -- reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read here and now (at start, and in tests)."""
        self._refresh.supersede()
        self._reloaded(self._prepare()())

    def _prepare(self) -> Callable[[], _Reloaded]:
        list_loader, db, month, today = self.model.loader(), self.db, self.month, self.today()

        def load() -> _Reloaded:
            ids, rows = list_loader()
            with db.session() as session:
                return _Reloaded(
                    ids, rows, ledger_markets(session), months_since(first_month(session), today),
                    statement(session, month),
                )  # fmt: skip

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        self.loading = False
        self.model.apply_ids(result.ids, result.rows)
        if (result.markets, result.months) != (self.markets, self.months):
            self.markets, self.months = result.markets, result.months
            self.choices_changed.emit()
        self.statement_model.set_lines(result.lines)
        self.count_changed.emit(self.model.total)
        self.statement_changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        if "ledger_entry" in changes.entities():
            self._refresh.request()

    def set_shown(self, shown: bool) -> None:
        self._refresh.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    # -- filters -----------------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return self.model.total

    def _set_query(self, **changes: Any) -> None:
        query = dataclasses.replace(self.model.query, **changes)
        if query == self.model.query:
            return
        self.model.query = query
        self.model.reload()
        self._refresh.supersede()
        self.count_changed.emit(self.model.total)

    def set_range(self, which: str | None) -> None:
        """A quick range of Beijing days ending today (今天 · 近 7 天 · 近 30 天), or None: any time."""
        self.range = which
        if which:
            first, last = quick_range(which, self.today())
            self._set_query(date_from=first, date_to=last)
        else:
            self._set_query(date_from=None, date_to=None)

    def set_kind(self, kind: str | None) -> None:
        self._set_query(kinds=(LedgerKind(kind).value,) if kind else ())

    def set_book(self, book: str | None) -> None:
        self._set_query(book=LedgerBook(book).value if book else None)

    def set_market(self, market: str | None) -> None:
        self._set_query(market=market or None)

    def clear_filters(self) -> None:
        self.range = None
        self._set_query(date_from=None, date_to=None, kinds=(), book=None, market=None)

    @property
    def filtered(self) -> bool:
        q = self.model.query
        return bool(q.date_from or q.date_to or q.kinds or q.book or q.market)

    def market_choices(self) -> list[tuple[str, str]]:
        return [(m, market_label(m)) for m in self.markets]

    def empty_text(self) -> str:
        if self.loading:
            return QCoreApplication.translate("LedgerViewModel", "Reading the ledger on this computer…")
        if self.filtered:
            return QCoreApplication.translate(
                "LedgerViewModel", "No money movements match these filters.\nClear the filters to see every movement."
            )
        return QCoreApplication.translate(
            "LedgerViewModel",
            "No money has moved yet.\nTop-ups, deposit payments, settled orders and withdrawals show here.",
        )

    # -- the monthly statement ---------------------------------------------------------------------
    def set_month(self, month: str) -> None:
        if month == self.month or not month:
            return
        self.month = month
        self._refresh.request()  # the sums run on the reads runner, as after a pull

    @property
    def lines(self) -> list[StatementLine]:
        return self.statement_model.lines

    def statement_note(self) -> str:
        """Said under the statement: a month without movements, or no ledger at all up to it."""
        if self.loading:
            return ""
        if not self.lines:
            return QCoreApplication.translate("LedgerViewModel", "No money had moved by the end of this month.")
        if not any(line.count for line in self.lines):
            return no_movements_text()
        return ""

    def why_export_disabled(self) -> str:
        if self.exporting:
            return QCoreApplication.translate("LedgerViewModel", "An export is being written.")
        if self.loading:
            return QCoreApplication.translate("LedgerViewModel", "Reading the ledger on this computer…")
        if not self.lines:
            return QCoreApplication.translate(
                "LedgerViewModel", "Nothing to export: no money had moved by the end of this month."
            )
        return ""

    def default_export_name(self, suffix: str = ".xlsx") -> str:
        return f"statement-{self.month}{suffix}"

    def export(self, path: str) -> None:
        """The month's statement to ``path``: .xlsx by its name, else CSV. Off the GUI thread."""
        if self.why_export_disabled():
            return
        lines, labels, target = list(self.lines), words(self.month, self.lines), Path(path)
        self.exporting = True
        self.statement_changed.emit()

        def finished() -> None:
            self.exporting = False
            self.statement_changed.emit()

        def done(n: int) -> None:
            finished()
            self.export_finished.emit(path, n)

        def failed(error: BaseException) -> None:
            finished()
            self.export_failed.emit(str(error))

        if self._runner.submit(lambda: write_statement(self.db, lines, labels, target), done, failed) is None:
            finished()
