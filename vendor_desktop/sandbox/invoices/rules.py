"""The invoice rules the sandbox enforces (SPEC §6): a buyer's request for a paid order and its
revoke while pending (R-INV-1, R-INV-2), the due date (R-INV-3), issuing and posting (R-INV-4),
the postage rule (R-INV-5) and correcting a posting (R-INV-6).

Checks come in API.md's order (core/preconditions.py): the body's fields (422, every bad one
named), the business rules of the body (422 COD_NOT_ALLOWED), the invoice's state (409
INVOICE_STATE, even with a stale version: "the buyer revoked it" is what the vendor must hear),
then the version (412). Each step appends to ``history`` with who did it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from vendor_desktop.domain.invoices import (
    CARRIER_MAX,
    COD_LIMIT_FEN,
    CORRECTION_REASON_MAX,
    STATE_NAMES,
    InvoiceState,
    Postage,
    can_correct_shipment,
    can_issue,
    can_revoke,
    can_ship,
    cod_allowed,
    due_date,
    invoice_code_ok,
    invoice_number_ok,
    tracking_number_ok,
)
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.orders import OrderState

from ..core.changes import record_change
from ..core.clock import iso
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..core.schemas import text_problem
from ..messages.models import Message
from ..orders.errors import ORDER_STATE
from .errors import COD_NOT_ALLOWED, INVOICE_EXISTS, INVOICE_STATE
from .models import Invoice, history_entry
from .notices import REQUESTED, REVOKED, buyer_notice, vendor_message_row

#: R-INV-1: the order states in which a buyer has paid and may ask for an invoice.
PAID_STATES = frozenset({OrderState.PAID, OrderState.DELIVERING, OrderState.COMPLETED})
BUYER = "buyer"  # the actor of a request or a revoke in the history


# --- fields (API.md "Conventions" and the invoice commands' bounds) -------------------------


def _patterned(ok: Callable[[str], bool], explained: str) -> Callable[[str], str | None]:
    def problem(value: str) -> str | None:
        return text_problem(value) or (None if ok(value) else explained)

    return problem


def _bounded(limit: int) -> Callable[[str], str | None]:
    def problem(value: str) -> str | None:
        found = text_problem(value)
        if found is not None:
            return found
        return None if len(value.strip()) <= limit else f"must be 1 to {limit} characters"

    return problem


FIELD_CHECKS: dict[str, Callable[[str], str | None]] = {
    "invoice_number": _patterned(invoice_number_ok, "must be 8 to 20 digits"),
    "invoice_code": _patterned(invoice_code_ok, "must be 10 or 12 digits"),
    "tracking_number": _patterned(tracking_number_ok, "must be 6 to 40 letters, digits or hyphens"),
    "carrier": _bounded(CARRIER_MAX),
    "reason": _bounded(CORRECTION_REASON_MAX),
}


def check_fields(**values: str | None) -> None:
    """422 VALIDATION_FAILED naming every bad field at once; None values were not sent (optional)."""
    problems = {}
    for name, value in values.items():
        if value is not None:
            problem = FIELD_CHECKS[name](value)
            if problem is not None:
                problems[name] = problem
    if problems:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": problems})


def _state_conflict(invoice: Invoice, doing_en: str, doing_zh: str) -> ApiError:
    en, zh = STATE_NAMES[invoice.state]
    return ApiError(
        409,
        INVOICE_STATE,
        f"An invoice in state “{en}” cannot be {doing_en}.",
        f"发票状态为「{zh}」，不能{doing_zh}。",
        details={"state": invoice.state},
    )


def _step(s: Session, invoice: Invoice, entry: dict[str, Any], notice: str | None = None) -> Invoice:
    """Record one step: its history entry, the buyer side's notice, a new version, the change log."""
    invoice.history = [*invoice.history, entry]
    if notice is not None:
        invoice.buyer_messages = [*invoice.buyer_messages, buyer_notice(notice, _columns(invoice), entry["at"])]
    invoice.version += 1
    record_change(s, invoice.account_id, "invoice", invoice.id, invoice.version)
    return invoice


def _columns(invoice: Invoice) -> dict[str, Any]:
    return {c.name: getattr(invoice, c.name) for c in Invoice.__table__.columns}


# --- the vendor's commands ----------------------------------------------------------------


def issue(
    s: Session, invoice: Invoice, number: str, code: str | None, expected: int, actor: str, now: dt.datetime
) -> Invoice:
    """R-INV-1: the vendor issues a pending invoice with its invoice number (and code); the buyer
    side is told (R-INV-4)."""
    check_fields(invoice_number=number, invoice_code=code)
    if not can_issue(invoice.state):
        raise _state_conflict(invoice, "issued", "开票")
    check_version("invoice", invoice, expected)
    invoice.state, invoice.invoice_number, invoice.invoice_code = InvoiceState.ISSUED.value, number, code
    invoice.issued_at = iso(now)
    entry = history_entry(invoice.issued_at, "issued", actor, invoice_number=number)
    return _step(s, invoice, entry, "invoice_issued")


def ship(
    s: Session,
    invoice: Invoice,
    carrier: str,
    tracking_number: str,
    postage: Postage,
    expected: int,
    actor: str,
    now: dt.datetime,
) -> Invoice:
    """R-INV-4: the vendor records the posting of an issued invoice; R-INV-5: cash on delivery
    (到付) only below ¥50.00. The buyer side then sees the carrier and the tracking number."""
    check_fields(carrier=carrier, tracking_number=tracking_number)
    if postage is Postage.COD and not cod_allowed(invoice.amount_fen):
        raise ApiError(
            422,
            COD_NOT_ALLOWED,
            details={
                "fields": {
                    "postage": f"cash on delivery only below {format_fen(COD_LIMIT_FEN)}; "
                    f"this invoice is {format_fen(invoice.amount_fen)}"
                },
                "amount_fen": invoice.amount_fen,
                "limit_fen": COD_LIMIT_FEN,
            },
        )
    if not can_ship(invoice.state):
        raise _state_conflict(invoice, "posted", "寄出")
    check_version("invoice", invoice, expected)
    invoice.state = InvoiceState.SHIPPED.value
    invoice.carrier, invoice.tracking_number, invoice.postage = carrier.strip(), tracking_number, postage.value
    invoice.shipped_at = iso(now)
    entry = history_entry(
        invoice.shipped_at,
        "shipped",
        actor,
        carrier=invoice.carrier,
        tracking_number=tracking_number,
        postage=postage.value,
    )
    return _step(s, invoice, entry, "invoice_shipped")


def correct_shipment(
    s: Session,
    invoice: Invoice,
    carrier: str,
    tracking_number: str,
    reason: str,
    expected: int,
    actor: str,
    now: dt.datetime,
) -> Invoice:
    """R-INV-6: replace a shipped invoice's carrier and tracking number, with a reason. The
    postage stays; the buyer sees the latest; the history keeps the posting it replaced (the
    entry before this one) and this one's reason."""
    check_fields(carrier=carrier, tracking_number=tracking_number, reason=reason)
    if not can_correct_shipment(invoice.state):
        raise _state_conflict(invoice, "corrected before it is posted", "更正快递信息")
    check_version("invoice", invoice, expected)
    if carrier.strip() == invoice.carrier and tracking_number == invoice.tracking_number:
        # Nothing to correct: no empty step in the history, no notice to the buyer.
        unchanged = "unchanged: a correction replaces the carrier or the tracking number"
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"tracking_number": unchanged}})
    invoice.carrier, invoice.tracking_number = carrier.strip(), tracking_number
    entry = history_entry(
        iso(now),
        "shipment_corrected",
        actor,
        carrier=invoice.carrier,
        tracking_number=tracking_number,
        postage=invoice.postage,
        reason=reason.strip(),
    )
    return _step(s, invoice, entry, "invoice_shipment_corrected")


# --- the buyer's side (sandbox controls) ----------------------------------------------------


def live_invoice_of(s: Session, order_id: str) -> Invoice | None:
    """The order's invoice that was not revoked, if any (one per order)."""
    query = select(Invoice).where(Invoice.order_id == order_id, Invoice.state != InvoiceState.REVOKED.value)
    return s.execute(query.limit(1)).scalar_one_or_none()


def request_invoice(s: Session, order: Any, details: dict[str, Any], now: dt.datetime) -> Invoice:
    """R-INV-1: the buyer of a paid order asks for an invoice of the paid amount; due in 10
    working days (R-INV-3); the vendor's users who read invoices get a message. ``details``:
    type, title, tax_id, mailing (already complete)."""
    if order.state not in PAID_STATES:
        raise ApiError(
            409,
            ORDER_STATE,
            "Only a paid order can have an invoice.",
            "订单尚未支付（或已取消、已退款），不能申请开票。",
            details={"state": order.state},
        )
    existing = live_invoice_of(s, order.id)
    if existing is not None:
        raise ApiError(409, INVOICE_EXISTS, details={"invoice_id": existing.id, "state": existing.state})
    due = due_date(now)
    at = iso(now)
    invoice = Invoice(
        id=uuid.uuid4().hex,
        account_id=order.account_id,
        order_id=order.id,
        order_number=order.number,
        amount_fen=order.amount_fen,
        listing_name=order.listing_name,
        buyer_account_id=order.buyer_account_id,
        state=InvoiceState.PENDING.value,
        requested_at=at,
        due_date=due.date.isoformat(),
        due_date_approximate=due.approximate,
        invoice_code=None,
        invoice_number=None,
        issued_at=None,
        carrier=None,
        tracking_number=None,
        postage=None,
        shipped_at=None,
        revoked_at=None,
        history=[history_entry(at, "requested", BUYER)],
        buyer_messages=[],
        version=1,
        **details,
    )
    s.add(invoice)
    record_change(s, invoice.account_id, "invoice", invoice.id, invoice.version)
    _tell_vendor(s, REQUESTED, invoice, at)
    return invoice


def revoke(s: Session, invoice: Invoice, now: dt.datetime) -> Invoice:
    """R-INV-2: the buyer revokes its request, only while pending; the vendor is told."""
    if not can_revoke(invoice.state):
        raise _state_conflict(invoice, "revoked", "撤销")
    invoice.state, invoice.revoked_at = InvoiceState.REVOKED.value, iso(now)
    _step(s, invoice, history_entry(invoice.revoked_at, "revoked", BUYER))
    _tell_vendor(s, REVOKED, invoice, invoice.revoked_at)
    return invoice


def _tell_vendor(s: Session, kind: str, invoice: Invoice, at: str) -> None:
    row = vendor_message_row(kind, _columns(invoice), uuid.uuid4().hex, at)
    s.add(Message(**row))
    record_change(s, invoice.account_id, "message", row["id"], 1, audience="invoice")  # SPEC §11
