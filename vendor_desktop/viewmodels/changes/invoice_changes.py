"""Invoice changes as Pending changes lists them (issue 12): named by the invoice's order, which
is what finance and support know the invoice by (SPEC §11: they may not read orders)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.viewmodels.core.labels import postage_label, shipment_label


def pending_change_text(command: Command) -> str:
    """An invoice change as Pending changes lists it, named by its order (what finance knows)."""
    s = command.summary or {}
    texts = {
        "invoice.issue": QCoreApplication.translate(
            "ChangesViewModel", "Issue the invoice for order %1 (invoice number %2)"
        ),
        "invoice.ship": QCoreApplication.translate(
            "ChangesViewModel", "Record the shipment of the invoice for order %1: %2, %3"
        ),
        "invoice.correct_shipment": QCoreApplication.translate(
            "ChangesViewModel", "Correct the shipment of the invoice for order %1 to %2"
        ),
    }
    second = str(s.get("invoice_number", "")) if command.kind == "invoice.issue" else shipment_label(s)
    return (
        texts.get(command.kind, command.kind)
        .replace("%1", str(s.get("order_number", "")))
        .replace("%2", second)
        .replace("%3", postage_label(s.get("postage")))
    )
