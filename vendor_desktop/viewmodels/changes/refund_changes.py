"""A refund decision as Pending changes lists it (issue 14, R-REF-4): what it refunds, of which
order — 同意退款 ¥300.00（订单 …）, 部分退款 …, 拒绝退款 …."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.domain.money import format_fen

KIND = "refund.decide"


def pending_change_text(command: Command) -> str:
    s = command.summary or {}
    payload = command.payload or {}
    decision = payload.get("decision") or s.get("decision")
    amount = s.get("amount_fen")
    if decision == "partial":
        amount = payload.get("amount_fen", amount)
    money = format_fen(amount) if isinstance(amount, int) else "—"
    order = str(s.get("order_number") or "—")
    if decision == "approve":
        text = QCoreApplication.translate("ChangesViewModel", "Approve refund of %1 (order %2)")
    elif decision == "partial":
        text = QCoreApplication.translate("ChangesViewModel", "Partial refund of %1 (order %2)")
    elif decision == "reject":
        text = QCoreApplication.translate("ChangesViewModel", "Reject refund of %1 (order %2)")
    else:
        return command.kind
    return text.replace("%1", money).replace("%2", order)
