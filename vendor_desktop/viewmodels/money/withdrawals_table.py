"""Withdrawal history (提现记录), R-WDR-3..5: paged from the ``withdrawals`` table, newest first.

A withdrawal queued on this computer and not sent yet heads the list as a pending row, as the
other areas show their queued changes; one the marketplace did not accept stays there with its
reason until the user settles it in Pending changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.money.withdrawals import WithdrawalRow, count_withdrawals, withdrawal_ids, withdrawals_by_id
from vendor_desktop.domain.earnings import arrival_window
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.workdays import business_date
from vendor_desktop.viewmodels.core.labels import CHANGE_ROLE, local_time, server_message, withdrawal_state_label
from vendor_desktop.viewmodels.core.paged_table import PagedTableModel, head_then_rest
from vendor_desktop.viewmodels.core.states import TAGS_ROLE, Tone, tone
from vendor_desktop.viewmodels.money.figures import WITHDRAW_KIND

PENDING_PREFIX = "command:"
AMOUNT_COLUMN, STATE_COLUMN = 0, 1


def window_text(first: dt.date | None, last: dt.date | None, approximate: bool) -> str:
    """R-WDR-3: 2026-12-18 – 2026-12-25, marked when a year's holidays were not known yet."""
    if first is None or last is None:
        return "—"
    text = f"{first.isoformat()} – {last.isoformat()}"
    return text + " " + QCoreApplication.translate("MoneyViewModel", "(approximate)") if approximate else text


def refusal_text(command: Command) -> str:
    reason = server_message(command.error_message or "", command.error_message_zh or "") or command.error_code or ""
    return QCoreApplication.translate("MoneyViewModel", "The marketplace did not accept this change: %1").replace(
        "%1", reason
    )


def change_tag(command: Command) -> tuple[str, Tone]:
    """A queued change's state as a tag (GLOSSARY "queued change")."""
    if command.state == CommandState.REJECTED:
        return QCoreApplication.translate("MoneyViewModel", "Not accepted"), Tone.URGENT
    if command.state == CommandState.HELD:
        return QCoreApplication.translate("MoneyViewModel", "Waiting for an earlier change"), Tone.TODO
    if command.state == CommandState.SENDING:
        return QCoreApplication.translate("MoneyViewModel", "Sending"), Tone.WAITING
    return QCoreApplication.translate("MoneyViewModel", "Waiting to send"), Tone.WAITING


@dataclass(frozen=True)
class WithdrawalLine:
    """A row of the history: a withdrawal the marketplace has, or one queued here."""

    withdrawal: WithdrawalRow | None
    command: Command | None

    def tags(self) -> list[tuple[str, Tone]]:
        if self.withdrawal is not None:
            state = self.withdrawal.state
            return [(withdrawal_state_label(state), tone("withdrawal", state))]
        assert self.command is not None
        return [change_tag(self.command)]

    def cells(self) -> list[str]:
        state = " · ".join(text for text, _tone in self.tags())
        w = self.withdrawal
        if w is not None:
            note = w.failure_reason
            return [
                format_fen(w.amount_fen),
                state,
                local_time(w.requested_at) or "—",
                window_text(w.expected_from, w.expected_until, w.expected_approximate),
                local_time(w.settled_at) or "—",
                w.bank_account or "—",
                note or "—",
            ]
        c = self.command
        assert c is not None
        s = c.summary or {}
        # Not requested yet: the window the marketplace would give it if it were sent today.
        window = arrival_window(business_date(c.created_at))
        note = (
            refusal_text(c)
            if c.state == CommandState.REJECTED
            else QCoreApplication.translate("MoneyViewModel", "Waiting to be sent to the marketplace")
        )
        return [
            format_fen(int(s.get("amount_fen") or 0)),
            state,
            local_time(c.created_at),
            window_text(window.first, window.last, window.approximate),
            "—",
            str(s.get("bank_account") or "—"),
            note,
        ]

    @property
    def change_state(self) -> str | None:
        if self.command is None:
            return None
        return "rejected" if self.command.state in (CommandState.REJECTED, CommandState.HELD) else "pending"


def headers() -> list[str]:
    return [
        QCoreApplication.translate("MoneyViewModel", "Amount"),
        QCoreApplication.translate("MoneyViewModel", "State"),
        QCoreApplication.translate("MoneyViewModel", "Requested at"),
        QCoreApplication.translate("MoneyViewModel", "Expected"),
        QCoreApplication.translate("MoneyViewModel", "Settled at"),
        QCoreApplication.translate("MoneyViewModel", "Bank account"),
        QCoreApplication.translate("MoneyViewModel", "Note"),
    ]


class WithdrawalsTableModel(PagedTableModel[WithdrawalLine]):
    """Queued withdrawals first (newest first), then the marketplace's, newest request first."""

    def __init__(self, db: CacheDatabase, parent: QObject | None = None) -> None:
        self._db = db
        super().__init__(None, self._lines, parent)

    def ids_loader(self) -> Callable[[], Sequence[str]]:
        return self._ids_now

    def _ids_now(self) -> Sequence[str]:
        with self._db.session() as session:
            queued = outbox.open_commands_of_kind(session, WITHDRAW_KIND)
        pending = [f"{PENDING_PREFIX}{c.id}" for c in reversed(queued)]
        synced = head_then_rest(
            self._db, lambda s, limit: withdrawal_ids(s, limit=limit), lambda s: count_withdrawals(s)
        )
        return pending + list(synced) if pending else synced

    def _lines(self, ids: Sequence[str]) -> dict[str, WithdrawalLine]:
        command_ids = {int(i.removeprefix(PENDING_PREFIX)) for i in ids if i.startswith(PENDING_PREFIX)}
        synced = [i for i in ids if not i.startswith(PENDING_PREFIX)]
        with self._db.session() as session:
            queued = [c for c in outbox.open_commands_of_kind(session, WITHDRAW_KIND) if c.id in command_ids]
            rows = withdrawals_by_id(session, synced)
        lines = {f"{PENDING_PREFIX}{c.id}": WithdrawalLine(None, c) for c in queued}
        lines.update({i: WithdrawalLine(w, None) for i, w in rows.items()})
        return lines

    def headers(self) -> list[str]:
        return headers()

    def display(self, row: WithdrawalLine, column: int) -> Any:
        return row.cells()[column]

    def cells(self, row: WithdrawalLine) -> list[Any]:
        return row.cells()

    def alignment(self, column: int) -> Qt.AlignmentFlag:
        if column == AMOUNT_COLUMN:  # money lines up on the decimal point
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return super().alignment(column)

    def row_data(self, row: WithdrawalLine, column: int, role: int) -> Any:
        if role == CHANGE_ROLE:
            return row.change_state
        if role == TAGS_ROLE and column == STATE_COLUMN:
            return row.tags()
        return None
