"""Starting a delivery (R-ORD-5) and applying to leave the marketplace (R-EXT-1) as Pending changes
lists them: which order and the start of its delivery note; which company leaves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command

# The kinds described here (``describe`` in viewmodel.py hands them over).
KINDS = frozenset({"order.deliver", "vendor.exit"})
# How much of the delivery note the line shows before "…".
NOTE_SHOWN = 40


def pending_change_text(command: Command) -> str:
    """开始交付订单 2026…：工程师今天联系您… / 申请退出云市场（杭州云帆科技有限公司）."""
    s = command.summary or {}
    if command.kind == "order.deliver":
        note = " ".join(str(s.get("note") or "").split())  # one line: the note may have several
        if len(note) > NOTE_SHOWN:
            note = note[:NOTE_SHOWN] + "…"
        return (
            QCoreApplication.translate("ChangesViewModel", "Start delivering order %1: %2")
            .replace("%1", str(s.get("number") or command.entity_id))
            .replace("%2", note)
        )
    if command.kind == "vendor.exit":
        company = str(s.get("company") or "")
        if company:
            return QCoreApplication.translate("ChangesViewModel", "Apply to leave the marketplace (%1)").replace(
                "%1", company
            )
        return QCoreApplication.translate("ChangesViewModel", "Apply to leave the marketplace")
    return command.kind
