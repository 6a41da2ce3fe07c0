"""The buyer's side of invoices (API.md "Sandbox-only"): asking for an invoice for a paid order,
seeing it (R-INV-4), revoking it while pending (R-INV-2).

Operator controls like the rest of ``/sandbox/*`` (routes.py): the operator token, no
Idempotency-Key, no If-Match. To get an *issued* invoice quickly in a test: ``POST
/sandbox/invoices`` for a paid order of the vendor, then ``POST /invoices/{id}/issue`` as the owner
with ``If-Match: 1`` (a new invoice is at version 1).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from ..core import entities
from ..core.auth import clock_of, db_of
from ..core.commands import EntityId
from ..core.errors import ApiError, error_responses
from ..core.schemas import EntityEnvelope, text_problem
from ..invoices.models import Invoice
from ..invoices.rules import request_invoice, revoke
from ..invoices.schemas import BuyerInvoiceView, SandboxInvoiceRequest
from ..invoices.seed import buyer_request
from ..orders.models import Order
from .routes import require_operator

router = APIRouter(prefix="/sandbox/invoices", tags=["sandbox"], dependencies=[Depends(require_operator)])

_LIMITS = {"title": 100, "mailing.recipient": 50, "mailing.address": 200}


def _checked(body: SandboxInvoiceRequest) -> dict[str, Any]:
    """The buyer's given fields, checked like a vendor's text (API.md "Conventions"): 422 naming each bad one."""
    given: dict[str, Any] = {"type": body.type, "title": body.title, "tax_id": body.tax_id}
    texts = {"title": body.title}
    if body.mailing is not None:
        given["mailing"] = {"recipient": body.mailing.recipient, "address": body.mailing.address}
        texts |= {"mailing.recipient": body.mailing.recipient, "mailing.address": body.mailing.address}
    problems = {}
    for name, value in texts.items():
        if value is None:
            continue
        problem = text_problem(value)
        if problem is None and len(value.strip()) > _LIMITS[name]:
            problem = f"must be 1 to {_LIMITS[name]} characters"
        if problem is not None:
            problems[name] = problem
        elif name == "title":
            given["title"] = value.strip()
    if problems:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": problems})
    return given


@router.post(
    "",
    status_code=201,
    response_model=EntityEnvelope,
    responses=error_responses(
        400,
        401,
        404,
        409,
        422,
        notes={
            409: "ORDER_STATE (details.state): the order is not paid (paid, delivering or completed); "
            "INVOICE_EXISTS (details.invoice_id): the order has an invoice that was not revoked",
            422: "VALIDATION_FAILED (details.fields): title, tax_id, mailing.recipient or mailing.address",
        },
    ),
)
def request(body: SandboxInvoiceRequest, request: Request) -> dict[str, Any]:
    """R-INV-1: the buyer of a paid order asks for an invoice of the amount paid; what is left out
    is made up, the same way each time for the same order (a company title with its 18-character
    tax ID, a recipient, an address; the phone is the order's virtual number, R-ORD-4). Due 10
    working days after the request (R-INV-3). The vendor's owner, finance and support get an
    `invoice_requested` message (站内信)."""
    given = _checked(body)
    with db_of(request).session(write=True) as s:
        order = s.get(Order, body.order_id, with_for_update=True)
        if order is None:
            raise ApiError(404, "NOT_FOUND", "No such order.", "订单不存在。")
        details = buyer_request(order.number, order.virtual_number, given)
        invoice = request_invoice(s, order, details, clock_of(request).now())
        return entities.envelope("invoice", invoice)


def _invoice(s: Any, invoice_id: str) -> Invoice:
    invoice = s.get(Invoice, invoice_id, with_for_update=True, populate_existing=True)
    if invoice is None:
        raise ApiError(404, "NOT_FOUND", "No such invoice.", "发票不存在。")
    return invoice


@router.get("/{invoice_id}", response_model=BuyerInvoiceView, responses=error_responses(401, 404, 422))
def buyer_view(invoice_id: EntityId, request: Request) -> dict[str, Any]:
    """What the buyer sees of its invoice (R-INV-4): the state, the invoice number once issued,
    the carrier, tracking number and postage once posted (the latest after a correction), and
    what the buyer side was told, oldest first."""
    with db_of(request).session() as s:
        invoice = s.get(Invoice, invoice_id)
        if invoice is None:
            raise ApiError(404, "NOT_FOUND", "No such invoice.", "发票不存在。")
        return {name: getattr(invoice, name) for name in BuyerInvoiceView.model_fields}


@router.post(
    "/{invoice_id}/revoke",
    response_model=EntityEnvelope,
    responses=error_responses(
        401, 404, 409, 422, notes={409: "INVOICE_STATE (details.state): only a pending invoice can be revoked"}
    ),
)
def revoke_invoice(invoice_id: EntityId, request: Request) -> dict[str, Any]:
    """R-INV-2: the buyer revokes its request while it is pending; the vendor gets an
    `invoice_revoked` message. Once issued, it is 409 INVOICE_STATE."""
    with db_of(request).session(write=True) as s:
        invoice = _invoice(s, invoice_id)
        revoke(s, invoice, clock_of(request).now())
        return entities.envelope("invoice", invoice)
