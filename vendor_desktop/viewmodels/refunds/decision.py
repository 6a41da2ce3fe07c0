"""The vendor's decision on a refund request (R-REF-4): approve the amount the buyer asked,
reject with a reason, or refund part of it — an amount above zero and at most what was paid
and not yet refunded.

The dialog's viewmodel checks the form with the domain's rule (``decision_problem``) and says
what is wrong under the field in the user's language, then queues ``refund.decide`` in the
durable outbox with the refund's version (sent as If-Match), so it works offline. The
marketplace may still refuse it — the buyer withdrew, or a colleague decided first (409
REFUND_STATE): the refund's detail and Pending changes say so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.refunds.queries import RefundRow
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.refunds import Decision, decision_problem
from vendor_desktop.viewmodels.core.amounts import amount_problem
from vendor_desktop.viewmodels.core.commands import CommandQueue

# API.md: a decision's reason is at most 500 characters.
REASON_MAX = 500


class DecisionViewModel(QObject):
    """*Approve…*, *Reject…* or *Partial refund…* of one request."""

    problems_changed = Signal(dict)  # "amount" / "reason" → message; empty when the form is fine
    queued = Signal(object)  # ChangeSet of the queued command, once it is on disk
    save_failed = Signal(str)  # it could not be written on this computer: why, in the user's language

    def __init__(
        self,
        queue: CommandQueue,
        refund: RefundRow,
        decision: Decision | str,
        refundable_fen: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = queue
        self.refund = refund
        self.decision = Decision(decision)
        # What was paid for the order and not yet refunded by its other requests (R-REF-4).
        self.refundable_fen = refundable_fen
        self.reason_limit = REASON_MAX

    @property
    def wants_amount(self) -> bool:
        return self.decision is Decision.PARTIAL

    @property
    def wants_reason(self) -> bool:
        """A rejection needs one; a partial refund may say what the amount is for."""
        return self.decision is not Decision.APPROVE

    @property
    def reason_required(self) -> bool:
        return self.decision is Decision.REJECT

    def limit_text(self) -> str:
        """What a partial refund may be, said before anything is typed."""
        already = self.refund.paid_fen - self.refundable_fen
        if already <= 0:
            return QCoreApplication.translate("RefundDecision", "At most %1, what was paid.").replace(
                "%1", format_fen(self.refundable_fen)
            )
        return (
            QCoreApplication.translate("RefundDecision", "At most %1: paid %2, of which %3 is already refunded.")
            .replace("%1", format_fen(self.refundable_fen))
            .replace("%2", format_fen(self.refund.paid_fen))
            .replace("%3", format_fen(already))
        )

    def approve_text(self) -> str:
        """What approving does, with the amount, for the confirmation."""
        return (
            QCoreApplication.translate(
                "RefundDecision",
                "Refund %1 to the buyer of order %2. Your earnings of the order's market go down by the same amount.",
            )
            .replace("%1", format_fen(self.refund.amount_fen))
            .replace("%2", self.refund.order_number or "—")
        )

    def check(self, amount: str = "", reason: str = "") -> dict[str, str]:
        problems: dict[str, str] = {}
        fen: int | None = None
        if self.wants_amount:
            fen, text_problem = amount_problem(amount) if amount.strip() else (None, "")
            if text_problem:
                problems["amount"] = text_problem
        code = decision_problem(self.decision, fen, reason, self.refundable_fen)
        if code == "REASON_REQUIRED":
            problems["reason"] = QCoreApplication.translate(
                "RefundDecision", "Say why you reject the refund: the buyer reads it."
            )
        elif code == "AMOUNT_REQUIRED" and "amount" not in problems:
            problems["amount"] = QCoreApplication.translate("RefundDecision", "Enter the amount to refund, in yuan.")
        elif code == "AMOUNT_EXCEEDS_PAID":
            problems["amount"] = QCoreApplication.translate(
                "RefundDecision", "At most %1 can be refunded: what was paid and not yet refunded."
            ).replace("%1", format_fen(self.refundable_fen))
        if self.wants_reason and len(reason.strip()) > REASON_MAX:
            problems["reason"] = QCoreApplication.translate(
                "RefundDecision", "Keep the reason to %1 characters."
            ).replace("%1", str(REASON_MAX))
        self.problems_changed.emit(problems)
        return problems

    def amount_fen(self, amount: str) -> int:
        """What the decision refunds: the buyer's ask when approved, the amount typed for a
        partial refund, nothing when rejected."""
        if self.decision is Decision.APPROVE:
            return self.refund.amount_fen
        if self.decision is Decision.PARTIAL:
            fen, _ = amount_problem(amount)
            return fen or 0
        return 0

    def submit(self, amount: str = "", reason: str = "") -> bool:
        if self.check(amount, reason):
            return False
        payload: dict[str, object] = {"decision": self.decision.value}
        if self.decision is Decision.PARTIAL:
            payload["amount_fen"] = self.amount_fen(amount)
        if self.wants_reason and reason.strip():
            payload["reason"] = reason.strip()
        r = self.refund
        self._queue.enqueue(
            self.queued.emit,
            self.save_failed.emit,
            kind="refund.decide",
            entity="refund",
            entity_id=r.id,
            base_version=r.version,  # sent as If-Match: the decision is about this request as seen
            method="POST",
            path=f"/refunds/{r.id}/decision",
            payload=payload,
            summary={
                "decision": self.decision.value,
                "order_number": r.order_number,
                # Pending changes says what it refunds (a rejection: what was asked).
                "amount_fen": self.amount_fen(amount) if self.decision is not Decision.REJECT else r.amount_fen,
                "asked_fen": r.amount_fen,
                "listing_name": r.listing_name,
            },
        )
        return True
