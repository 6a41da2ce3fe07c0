"""What the Invoices view's detail pane shows of one invoice: the buyer's request, the mailing
details as one block to copy onto the envelope, the order it belongs to, its history, and what
became of a change the vendor queued for it.

R-INV-6: when the request looks wrong (a special invoice without a tax ID, a tax ID of the wrong
length, no title, no address), the pane says how to reach the buyer — the virtual number of the
mailing details, never a real phone (R-ORD-4).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.apply import parse_timestamp
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.invoices.queries import InvoiceRow
from vendor_desktop.domain.invoices import InvoiceType, working_days_left
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import (
    carrier_label,
    invoice_type_label,
    is_chinese,
    local_time,
    postage_label,
    server_message,
    shipment_label,
    virtual_number_label,
)

# A unified social credit code (统一社会信用代码) is 18 letters and digits; older tax IDs were 15 or 20.
TAX_ID = re.compile(r"[0-9A-Za-z]{15}|[0-9A-Za-z]{18}|[0-9A-Za-z]{20}")


@dataclass(frozen=True)
class Field:
    label: str
    value: str


def request_fields(invoice: InvoiceRow, today: dt.date) -> list[Field]:
    """The buyer's request and what the vendor has done with it, as label/value pairs."""
    due = invoice.due_date.isoformat() if invoice.due_date else "—"
    if invoice.due_date and invoice.state == "pending":
        left = working_days_left(today, invoice.due_date)
        if today > invoice.due_date:
            due += " · " + QCoreApplication.translate("InvoicesViewModel", "overdue")
        elif left == 0:
            due += " · " + QCoreApplication.translate("InvoicesViewModel", "due today")
        else:
            due += " · " + (
                QCoreApplication.translate("InvoicesViewModel", "1 working day left")
                if left == 1
                else QCoreApplication.translate("InvoicesViewModel", "%1 working days left").replace("%1", str(left))
            )
    if invoice.due_date_approximate:
        due += " · " + QCoreApplication.translate(
            "InvoicesViewModel", "may move once this year's holidays are published"
        )
    fields = [
        Field(QCoreApplication.translate("InvoicesViewModel", "Invoice type"), invoice_type_label(invoice.type)),
        Field(QCoreApplication.translate("InvoicesViewModel", "Title"), invoice.title or "—"),
        Field(QCoreApplication.translate("InvoicesViewModel", "Tax ID"), invoice.tax_id or "—"),
        Field(
            QCoreApplication.translate("InvoicesViewModel", "Amount"),
            format_fen(invoice.amount_fen) if invoice.amount_fen is not None else "—",
        ),
        Field(QCoreApplication.translate("InvoicesViewModel", "Requested"), local_time(invoice.requested_at)),
        Field(QCoreApplication.translate("InvoicesViewModel", "Due date"), due),
        Field(QCoreApplication.translate("InvoicesViewModel", "Invoice number"), invoice.invoice_number or "—"),
        Field(
            QCoreApplication.translate("InvoicesViewModel", "Invoice code"),
            str(invoice.data.get("invoice_code") or "—"),
        ),
        Field(QCoreApplication.translate("InvoicesViewModel", "Carrier"), carrier_label(invoice.carrier) or "—"),
        Field(QCoreApplication.translate("InvoicesViewModel", "Tracking number"), invoice.tracking_number or "—"),
        Field(QCoreApplication.translate("InvoicesViewModel", "Postage"), postage_label(invoice.postage) or "—"),
    ]
    return fields


def mailing_block(invoice: InvoiceRow) -> str:
    """Recipient, address and virtual number, one per line: ready to paste onto a waybill."""
    m = invoice.mailing
    lines = [str(m.get(k) or "").strip() for k in ("recipient", "address")]
    lines.append(virtual_number_label(str(m.get("virtual_number") or "")))
    return "\n".join(line for line in lines if line)


def request_problems(invoice: InvoiceRow) -> list[str]:
    """What looks wrong in the buyer's request, in short phrases ("" none)."""
    problems = []
    if not (invoice.title or "").strip():
        problems.append(QCoreApplication.translate("InvoicesViewModel", "there is no title"))
    tax_id = (invoice.tax_id or "").strip()
    if invoice.type == InvoiceType.SPECIAL and not tax_id:
        problems.append(
            QCoreApplication.translate("InvoicesViewModel", "a VAT special invoice needs the buyer's tax ID")
        )
    elif tax_id and not TAX_ID.fullmatch(tax_id):
        problems.append(
            QCoreApplication.translate("InvoicesViewModel", "the tax ID is not 15, 18 or 20 letters and digits")
        )
    if not str(invoice.mailing.get("address") or "").strip():
        problems.append(QCoreApplication.translate("InvoicesViewModel", "there is no address"))
    return problems


def contact_hint(invoice: InvoiceRow) -> tuple[str, bool]:
    """How to reach the buyer to correct the request (R-INV-6), and whether it looks wrong now."""
    number = virtual_number_label(str(invoice.mailing.get("virtual_number") or "")) or "—"
    problems = request_problems(invoice)
    if problems:
        joined = ("；" if is_chinese() else "; ").join(problems)
        return (
            QCoreApplication.translate(
                "InvoicesViewModel",
                "This request looks wrong: %1. Call the buyer on the virtual number %2 to correct it before you issue.",
            )
            .replace("%1", joined)
            .replace("%2", number),
            True,
        )
    return QCoreApplication.translate(
        "InvoicesViewModel", "To correct the request, call the buyer on the virtual number %1."
    ).replace("%1", number), False


def _actor(actor: Any) -> str:
    if actor in (None, "", "buyer"):
        return QCoreApplication.translate("InvoicesViewModel", "Buyer")
    return str(actor)


def history_line(entry: dict[str, Any]) -> str:
    """One step of the invoice's history: when, who, what (a correction with its reason)."""
    action = entry.get("action")
    if action == "requested":
        what = QCoreApplication.translate("InvoicesViewModel", "requested the invoice")
    elif action == "issued":
        what = QCoreApplication.translate("InvoicesViewModel", "issued invoice number %1").replace(
            "%1", str(entry.get("invoice_number") or "—")
        )
    elif action == "shipped":
        what = (
            QCoreApplication.translate("InvoicesViewModel", "posted it: %1 (%2)")
            .replace("%1", shipment_label(entry))
            .replace("%2", postage_label(entry.get("postage")) or "—")
        )
    elif action == "shipment_corrected":
        what = (
            QCoreApplication.translate("InvoicesViewModel", "corrected the shipment to %1. Reason: %2")
            .replace("%1", shipment_label(entry))
            .replace("%2", str(entry.get("reason") or "—"))
        )
    elif action == "revoked":
        what = QCoreApplication.translate("InvoicesViewModel", "revoked the request")
    else:
        what = str(action or "")
    moment = parse_timestamp(entry.get("at")) if isinstance(entry.get("at"), str) else None
    return f"{local_time(moment)} · {_actor(entry.get('actor'))} · {what}"


def history_lines(invoice: InvoiceRow) -> list[str]:
    """Oldest first, as the server keeps it; a corrected shipment keeps the one it replaced."""
    return [history_line(entry) for entry in invoice.history]


def describe_change(command: Command) -> str:
    """An invoice change in a few words: what it asks the marketplace to record."""
    s = command.summary or {}
    if command.kind == "invoice.issue":
        return QCoreApplication.translate("InvoicesViewModel", "issue invoice number %1").replace(
            "%1", str(s.get("invoice_number", ""))
        )
    shipment = shipment_label(s)
    if command.kind == "invoice.ship":
        return (
            QCoreApplication.translate("InvoicesViewModel", "record the shipment %1 (%2)")
            .replace("%1", shipment)
            .replace("%2", postage_label(s.get("postage")))
        )
    if command.kind == "invoice.correct_shipment":
        return QCoreApplication.translate("InvoicesViewModel", "correct the shipment to %1").replace("%1", shipment)
    return command.kind


def change_notice(command: Command) -> str:
    """A change of this invoice in a sentence: waiting, or not accepted and why (GLOSSARY:
    云市场未接受此修改：原因)."""
    what = describe_change(command)
    if command.state == CommandState.REJECTED:
        reason = server_message(command.error_message or "", command.error_message_zh or "") or command.error_code or ""
        return (
            QCoreApplication.translate("InvoicesViewModel", "The marketplace did not accept this change (%1): %2")
            .replace("%1", what)
            .replace("%2", reason)
        )
    if command.state == CommandState.HELD:
        return QCoreApplication.translate(
            "InvoicesViewModel",
            "This change (%1) waits for an earlier change of this invoice, which the marketplace did not accept.",
        ).replace("%1", what)
    return QCoreApplication.translate("InvoicesViewModel", "This change is waiting to send: %1.").replace("%1", what)


def amount_text(invoice: InvoiceRow) -> str:
    return format_fen(invoice.amount_fen) if invoice.amount_fen is not None else "—"
