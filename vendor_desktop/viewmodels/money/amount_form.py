"""What *Pay deposit…* and *Withdraw…* share: an amount typed in yuan, checked with the rules
before anything is queued, then one create queued in the durable outbox (a local id, no base
version: the outbox sends it with its Idempotency-Key, so it is never applied twice)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal

from vendor_desktop.viewmodels.core.amounts import amount_problem
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.money.figures import MoneyFigures


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
