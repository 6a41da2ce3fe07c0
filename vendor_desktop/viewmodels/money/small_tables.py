"""The Overview's two short lists: earnings per market (one row per market with revenue, at most
ten, R-WDR-1/2) with a totals row, and the deposit payments with their receipts (缴纳凭证,
R-DEP-6; together they never pass tier 3, R-DEP-4). Both are swapped whole after each reload."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, hold_reason_label, local_time, market_label, tier_label
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.money.figures import MoneyFigures
from vendor_desktop.viewmodels.money.withdrawals_table import change_tag, refusal_text

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class _Rows(QAbstractTableModel):
    """A short list of rows of cells, replaced whole by ``set_rows``."""

    money_columns: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._tooltips: list[list[str | None]] = []
        self._tags: dict[tuple[int, int], list[tuple[str, Tone]]] = {}
        self._changes: dict[int, str] = {}
        self.ids: list[str] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[row][column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column in self.money_columns else LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltips[row][column]
            return tip if tip is not None else (self._rows[row][column] or None)
        if role == TAGS_ROLE:
            return self._tags.get((row, column))
        if role == CHANGE_ROLE:
            return self._changes.get(row)
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[row] if row < len(self.ids) else None
        return None

    def _replace(
        self,
        rows: list[list[str]],
        ids: list[str],
        tooltips: list[list[str | None]] | None = None,
        tags: dict[tuple[int, int], list[tuple[str, Tone]]] | None = None,
        changes: dict[int, str] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows, self.ids = rows, ids
        self._tooltips = tooltips or [[None] * len(r) for r in rows]
        self._tags, self._changes = tags or {}, changes or {}
        self.endResetModel()


# -- earnings per market -----------------------------------------------------------------------
EARNING_FIELDS = ("pending_fen", "withdrawable_fen", "on_hold", "hold", "in_flight_fen", "paid_out_fen", "owed_fen")
HOLD_COLUMN = 4


class EarningsModel(_Rows):
    """收益 by market: pending settlement, withdrawable, on hold (why, and what releases it), in
    flight, paid out, owed; the last row adds them up."""

    money_columns = frozenset({1, 2, 3, 5, 6, 7})

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MoneyViewModel", "Market"),
            QCoreApplication.translate("MoneyViewModel", "Pending settlement"),
            QCoreApplication.translate("MoneyViewModel", "Withdrawable"),
            QCoreApplication.translate("MoneyViewModel", "On hold"),
            QCoreApplication.translate("MoneyViewModel", "Why on hold, and what releases it"),
            QCoreApplication.translate("MoneyViewModel", "Being withdrawn"),
            QCoreApplication.translate("MoneyViewModel", "Paid out"),
            QCoreApplication.translate("MoneyViewModel", "Owed"),
        ]

    def show(self, figures: MoneyFigures) -> None:
        rows: list[list[str]] = []
        tips: list[list[str | None]] = []
        for e in figures.earnings:
            held = bool(e.get("blocked_reason"))
            settled = int(e.get("withdrawable_fen") or 0)
            hint = figures.release_hint(e)
            rows.append([
                market_label(str(e.get("market"))),
                format_fen(int(e.get("pending_fen") or 0)),
                format_fen(0 if held else settled),
                format_fen(settled if held else 0),
                hint or "—",
                format_fen(int(e.get("in_flight_fen") or 0)),
                format_fen(int(e.get("paid_out_fen") or 0)),
                format_fen(int(e.get("owed_fen") or 0)),
            ])  # fmt: skip
            tip = f"{hold_reason_label(str(e.get('blocked_reason')))}\n{hint}" if held else None
            tips.append([None, None, None, None, tip, None, None, None])
        if rows:
            free = sum(int(e.get("withdrawable_fen") or 0) for e in figures.earnings if not e.get("blocked_reason"))
            rows.append([
                QCoreApplication.translate("MoneyViewModel", "Total"),
                format_fen(figures.total("pending_fen")),
                format_fen(free),
                format_fen(figures.on_hold_fen),
                "",
                format_fen(figures.total("in_flight_fen")),
                format_fen(figures.total("paid_out_fen")),
                format_fen(figures.total("owed_fen")),
            ])  # fmt: skip
            tips.append([None] * 8)
        ids = [str(e.get("market")) for e in figures.earnings] + (["total"] if rows else [])
        self._replace(rows, ids, tips)


# -- deposit payments --------------------------------------------------------------------------
PAYMENT_STATE_COLUMN = 0  # a queued payment has no receipt yet: its state shows there


class PaymentsModel(_Rows):
    """缴纳凭证: each payment's receipt number, amount, time, the tier it reached and who paid;
    a payment queued here heads the list, as a pending row."""

    money_columns = frozenset({1})

    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("MoneyViewModel", "Receipt number"),
            QCoreApplication.translate("MoneyViewModel", "Amount"),
            QCoreApplication.translate("MoneyViewModel", "Paid at"),
            QCoreApplication.translate("MoneyViewModel", "Tier after"),
            QCoreApplication.translate("MoneyViewModel", "Paid by"),
            QCoreApplication.translate("MoneyViewModel", "Note"),
        ]

    def show(self, figures: MoneyFigures) -> None:
        rows: list[list[str]] = []
        ids: list[str] = []
        tags: dict[tuple[int, int], list[tuple[str, Tone]]] = {}
        changes: dict[int, str] = {}
        for c in reversed(figures.queued_payments):
            tags[(len(rows), PAYMENT_STATE_COLUMN)] = [change_tag(c)]
            changes[len(rows)] = "rejected" if c.state in (CommandState.REJECTED, CommandState.HELD) else "pending"
            rows.append(_queued_payment_cells(c))
            ids.append(f"command:{c.id}")
        for p in figures.payments:
            rows.append([
                str(p.get("receipt_number") or "—"),
                format_fen(int(p.get("amount_fen") or 0)),
                local_time(parse_timestamp(p.get("paid_at"))) or "—",
                tier_label(int(p.get("tier_after") or 0)),
                str(p.get("paid_by") or "—"),
                "",
            ])  # fmt: skip
            ids.append(str(p["id"]))
        self._replace(rows, ids, tags=tags, changes=changes)


def _queued_payment_cells(command: Command) -> list[str]:
    s = command.summary or {}
    note = QCoreApplication.translate("MoneyViewModel", "Waiting to be sent to the marketplace")
    if command.state == CommandState.REJECTED:
        note = refusal_text(command)
    return [
        change_tag(command)[0],
        format_fen(int((command.payload or {}).get("amount_fen") or 0)),
        local_time(command.created_at),
        tier_label(int(s.get("tier_after") or 0)),
        "—",
        note,
    ]
