"""Vendor commands on invoices (发票管理): issue, record the posting, correct it (R-INV-1, R-INV-4,
R-INV-5, R-INV-6; API.md "Commands (push)").

Every route here is on a ``command_router``: it needs an ``Idempotency-Key`` and a retry replays
its first answer (core/idempotency.py). Order of checks: core/preconditions.py. Owner, finance and
support may (SPEC §11: invoices RW).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import EntityId, actor_name, command_errors
from ..core.errors import ApiError
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from .models import Invoice
from .rules import correct_shipment, issue, ship
from .schemas import IssueRequest, ShipmentCorrectionRequest, ShipmentRequest

router = command_router(prefix="/invoices", tags=["commands"])

_ISSUE = Depends(require(Permission.INVOICES_ISSUE))
_FIELDS = "VALIDATION_FAILED (details.fields names every bad field: pattern, length, control characters)"


def _own_invoice(s: Session, invoice_id: str, caller: Caller) -> Invoice:
    """The vendor's own invoice, locked until commit (a buyer's revoke waits for this command);
    another vendor's is as unknown as a missing one (404)."""
    invoice = s.get(Invoice, invoice_id, with_for_update=True, populate_existing=True)
    if invoice is None or invoice.account_id != caller.account_id:
        raise ApiError(404, "NOT_FOUND", "No such invoice.", "发票不存在。")
    return invoice


@router.post(
    "/{invoice_id}/issue",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="INVOICE_STATE (details.state): only a pending invoice can be issued (the buyer may have revoked "
        "it) — sent even when If-Match is stale",
        s422=_FIELDS,
    ),
)
def issue_invoice(
    invoice_id: EntityId,
    body: IssueRequest,
    caller: Annotated[Caller, _ISSUE],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-INV-1 开票: a pending invoice becomes issued with its invoice number (and code); the buyer
    side is told (`GET /sandbox/invoices/{id}`). Checks, in order: 403 PERMISSION_DENIED → 404 →
    428/400 If-Match → 422 VALIDATION_FAILED → 409 INVOICE_STATE → 412 VERSION_CONFLICT."""
    with command_transaction(request) as t:
        invoice = _own_invoice(t.session, invoice_id, caller)
        version = expected_version(if_match)
        now = clock_of(request).now()
        issue(t.session, invoice, body.invoice_number, body.invoice_code, version, actor_name(t.session, caller), now)
        return t.answer(entities.envelope("invoice", invoice))


@router.post(
    "/{invoice_id}/shipment",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="INVOICE_STATE (details.state): only an issued invoice can be posted — sent even when If-Match is stale",
        s422="COD_NOT_ALLOWED (details.fields.postage; R-INV-5: cash on delivery only below ¥50.00), or " + _FIELDS,
    ),
)
def record_shipment(
    invoice_id: EntityId,
    body: ShipmentRequest,
    caller: Annotated[Caller, _ISSUE],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-INV-4: record how an issued invoice was posted (carrier, tracking number, postage); it
    becomes shipped and the buyer side sees the carrier and tracking number. R-INV-5: `cod` (到付)
    only when the amount is below ¥50.00. Checks: 403 → 404 → 428/400 → 422 VALIDATION_FAILED →
    422 COD_NOT_ALLOWED → 409 INVOICE_STATE → 412."""
    with command_transaction(request) as t:
        invoice = _own_invoice(t.session, invoice_id, caller)
        version = expected_version(if_match)
        actor, now = actor_name(t.session, caller), clock_of(request).now()
        ship(t.session, invoice, body.carrier, body.tracking_number, body.postage, version, actor, now)
        return t.answer(entities.envelope("invoice", invoice))


@router.post(
    "/{invoice_id}/shipment-correction",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        404,
        412,
        428,
        s409="INVOICE_STATE (details.state): only a shipped invoice's posting can be corrected — sent even when "
        "If-Match is stale",
        s422=_FIELDS,
    ),
)
def correct_invoice_shipment(
    invoice_id: EntityId,
    body: ShipmentCorrectionRequest,
    caller: Annotated[Caller, _ISSUE],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-INV-6 (added by the project): replace a shipped invoice's carrier and tracking number,
    with a reason. The postage stays; the buyer side sees the latest; `history` keeps the posting
    it replaced and gains a `shipment_corrected` entry with the reason. Checks: 403 → 404 →
    428/400 → 422 VALIDATION_FAILED → 409 INVOICE_STATE → 412."""
    with command_transaction(request) as t:
        invoice = _own_invoice(t.session, invoice_id, caller)
        version = expected_version(if_match)
        actor, now = actor_name(t.session, caller), clock_of(request).now()
        correct_shipment(t.session, invoice, body.carrier, body.tracking_number, body.reason, version, actor, now)
        return t.answer(entities.envelope("invoice", invoice))
