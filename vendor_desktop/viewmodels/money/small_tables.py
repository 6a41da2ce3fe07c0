"""The Overview's two short lists: earnings per market (one row per market with revenue, at most
ten, R-WDR-1/2) with a totals row, and the deposit payments with their receipts (缴纳凭证,
R-DEP-6; together they never pass tier 3, R-DEP-4). Both are swapped whole after each reload."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, hold_reason_label, local_time, market_label, tier_label
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone
from vendor_desktop.viewmodels.money.figures import MoneyFigures
from vendor_desktop.viewmodels.money.withdrawals_table import change_tag, refusal_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Line:
    """One row, made whole when the figures are read: its cells and, by column, a fuller
    tooltip and tags; ``change`` marks a queued row (CHANGE_ROLE)."""

    cells: list[str]
    tips: dict[int, str] = field(default_factory=dict)
    tags: dict[int, list[tuple[str, Tone]]] = field(default_factory=dict)
    change: str | None = None


class _Lines(PagedTableModel[Line]):
    """A short list held in memory and replaced whole by ``show_lines``."""

    money_columns: frozenset[int] = frozenset()

    def __init__(self, parent: Any = None) -> None:
        self._lines: dict[str, Line] = {}
        super().__init__(lambda: list(self._lines), self._by_id, parent)

    def _by_id(self, ids: Sequence[str]) -> dict[str, Line]:
        return {i: self._lines[i] for i in ids if i in self._lines}

    def show_lines(self, lines: dict[str, Line]) -> None:
        self._lines = lines
        self.apply_ids(list(lines), lines)

    def display(self, row: Line, column: int) -> Any:
        return row.cells[column]

    def cells(self, row: Line) -> list[Any]:
        return list(row.cells)

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        return RIGHT if column in self.money_columns else super().alignment(column)

    def row_data(self, row: Line, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tips.get(column)
        if role == TAGS_ROLE:
            return row.tags.get(column)
        if role == CHANGE_ROLE:
            return row.change
        return None


# -- earnings per market -----------------------------------------------------------------------
HOLD_COLUMN = 4


class EarningsModel(_Lines):
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
        lines: dict[str, Line] = {}
        for e in figures.earnings:
            held = bool(e.get("blocked_reason"))
            settled = int(e.get("withdrawable_fen") or 0)
            hint = figures.release_hint(e)
            cells = [
                market_label(str(e.get("market"))),
                format_fen(int(e.get("pending_fen") or 0)),
                format_fen(0 if held else settled),
                format_fen(settled if held else 0),
                hint or "—",
                format_fen(int(e.get("in_flight_fen") or 0)),
                format_fen(int(e.get("paid_out_fen") or 0)),
                format_fen(int(e.get("owed_fen") or 0)),
            ]
            # The reason in full beside the hint, for a cell cut short.
            tips = {HOLD_COLUMN: f"{hold_reason_label(str(e['blocked_reason']))}\n{hint}"} if held else {}
            lines[str(e.get("market"))] = Line(cells, tips)
        if lines:
            free = sum(int(e.get("withdrawable_fen") or 0) for e in figures.earnings if not e.get("blocked_reason"))
            lines["total"] = Line([
                QCoreApplication.translate("MoneyViewModel", "Total"),
                format_fen(figures.total("pending_fen")),
                format_fen(free),
                format_fen(figures.on_hold_fen),
                "",
                format_fen(figures.total("in_flight_fen")),
                format_fen(figures.total("paid_out_fen")),
                format_fen(figures.total("owed_fen")),
            ])  # fmt: skip
        self.show_lines(lines)


# -- deposit payments --------------------------------------------------------------------------
PAYMENT_STATE_COLUMN = 0  # a queued payment has no receipt yet: its state shows there


class PaymentsModel(_Lines):
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
        lines: dict[str, Line] = {}
        for c in reversed(figures.queued_payments):
            change = "rejected" if c.state in (CommandState.REJECTED, CommandState.HELD) else "pending"
            lines[f"command:{c.id}"] = Line(
                _queued_payment_cells(c), tags={PAYMENT_STATE_COLUMN: [change_tag(c)]}, change=change
            )
        for p in figures.payments:
            lines[str(p["id"])] = Line([
                str(p.get("receipt_number") or "—"),
                format_fen(int(p.get("amount_fen") or 0)),
                local_time(parse_timestamp(p.get("paid_at"))) or "—",
                tier_label(int(p.get("tier_after") or 0)),
                str(p.get("paid_by") or "—"),
                "",
            ])  # fmt: skip
        self.show_lines(lines)


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
