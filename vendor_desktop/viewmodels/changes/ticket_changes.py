"""Ticket changes as Pending changes lists them (R-TKT-1): each named by the ticket's subject, an
attachment with its name and size."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.viewmodels.core.labels import file_size

# The kinds described here (``describe`` in viewmodel.py hands them over).
TICKET_KINDS = frozenset({"ticket.open", "ticket.reply", "ticket.attach", "ticket.urge", "ticket.cancel"})


def pending_change_text(command: Command) -> str:
    """提交工单：<subject>, 上传附件 <name>（<size>）：<subject>, 催单：<subject>…"""
    s = command.summary or {}
    subject = str(s.get("subject", ""))
    if command.kind == "ticket.attach":
        size = s.get("size")
        return (
            QCoreApplication.translate("ChangesViewModel", "Attach %1 (%2) to the ticket: %3")
            .replace("%1", str(s.get("name", "")))
            .replace("%2", file_size(size if isinstance(size, int) else 0))
            .replace("%3", subject)
        )
    texts = {
        "ticket.open": QCoreApplication.translate("ChangesViewModel", "Open a ticket: %1"),
        "ticket.reply": QCoreApplication.translate("ChangesViewModel", "Reply to the ticket: %1"),
        "ticket.urge": QCoreApplication.translate("ChangesViewModel", "Urge the ticket: %1"),
        "ticket.cancel": QCoreApplication.translate("ChangesViewModel", "Cancel the ticket: %1"),
    }
    return texts.get(command.kind, command.kind).replace("%1", subject)
