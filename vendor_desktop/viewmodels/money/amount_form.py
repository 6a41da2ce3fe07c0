"""What *Pay deposit…* and *Withdraw…* share: an amount typed in yuan, checked with the rules
before anything is queued, then one create queued in the durable outbox (a local id, no base
version: the outbox sends it with its Idempotency-Key, so it is never applied twice)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.domain.money import MoneyError, format_fen, parse_yuan
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.money.figures import MoneyFigures


def amount_text(fen: int) -> str:
    """An amount as the amount field shows it, ready to edit: 4000.00 (no ¥, no commas)."""
    return format_fen(fen, symbol=False).replace(",", "")


def amount_problem(text: str) -> tuple[int | None, str]:
    """The amount typed in yuan, or why it is not one."""
    try:
        fen = parse_yuan(text)
    except MoneyError as error:
        if error.code == "too_many_decimals":
            return None, QCoreApplication.translate(
                "MoneyViewModel", "At most two decimals: fen are the smallest unit."
            )
        if error.code == "too_large":
            return None, QCoreApplication.translate("MoneyViewModel", "That amount is too large.")
        return None, QCoreApplication.translate("MoneyViewModel", "Enter an amount in yuan, e.g. 2000 or 2,000.00.")
    if fen <= 0:
        return None, QCoreApplication.translate("MoneyViewModel", "Enter an amount above ¥0.00.")
    return fen, ""


class AmountForm(QObject):
    """A dialog's viewmodel: ``check`` says what is wrong ("form" or "amount" → message),
    ``submit`` queues the command when nothing is."""

    problems_changed = Signal(dict)  # "amount" / "form" → message; empty when fine
    queued = Signal(object)  # ChangeSet, once the command is on disk
    save_failed = Signal(str)  # it could not be written on this computer: why

    kind = ""  # the outbox kind
    entity = ""
    path = ""

    def __init__(self, queue: CommandQueue, figures: MoneyFigures, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self.figures = figures

    def problems(self, fen: int | None, text_problem: str) -> dict[str, str]:
        """What the rules refuse for an amount (``fen`` None: ``text_problem`` says why)."""
        raise NotImplementedError

    def summary(self, fen: int) -> dict[str, Any]:
        """What Pending changes and the lists show of the queued command."""
        raise NotImplementedError

    def check(self, text: str) -> dict[str, str]:
        problems = self.problems(*amount_problem(text))
        self.problems_changed.emit(problems)
        return problems

    def submit(self, text: str) -> bool:
        if self.check(text):
            return False
        fen, _ = amount_problem(text)
        assert fen is not None
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind=self.kind,
            entity=self.entity,
            entity_id=f"local-{uuid.uuid4()}",
            base_version=None,
            method="POST",
            path=self.path,
            payload={"amount_fen": fen},
            summary=self.summary(fen),
        )
        return True
