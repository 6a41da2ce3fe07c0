"""Request bodies of the invoice commands (发票管理) and of the buyer's sandbox controls.

Types are checked by the schema (a number for a text is 422 at once); the documented bounds
(patterns, lengths, no control characters, API.md "Conventions") are checked in the route by
``rules.check_fields``, after permission, existence and If-Match (core/preconditions.py's
order), and answer 422 VALIDATION_FAILED naming every bad field.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StrictStr, StringConstraints

from vendor_desktop.domain.invoices import CARRIER_MAX, CORRECTION_REASON_MAX, InvoiceType, Postage

from ..core.schemas import Str64, StrictBody, Timestamp

_INVOICE_NUMBER = {"pattern": "^[0-9]{8,20}$", "minLength": 8, "maxLength": 20}
_INVOICE_CODE = {"pattern": "^([0-9]{10}|[0-9]{12})$", "minLength": 10, "maxLength": 12}
_TRACKING_NUMBER = {"pattern": "^[A-Za-z0-9-]{6,40}$", "minLength": 6, "maxLength": 40}
_CARRIER = {"minLength": 1, "maxLength": CARRIER_MAX}
_NO_CONTROLS = "; no control characters, not blank (API.md), else 422 VALIDATION_FAILED naming the field"


class IssueRequest(StrictBody):
    """R-INV-1: issue a pending invoice (开票)."""

    invoice_number: StrictStr = Field(
        description="发票号码: 8–20 digits" + _NO_CONTROLS, json_schema_extra=_INVOICE_NUMBER
    )
    invoice_code: StrictStr | None = Field(
        None, description="发票代码 (optional): 10 or 12 digits" + _NO_CONTROLS, json_schema_extra=_INVOICE_CODE
    )


class ShipmentRequest(StrictBody):
    """R-INV-4, R-INV-5: the posting of an issued invoice."""

    carrier: StrictStr = Field(
        description="快递公司, free text of 1–20 characters once trimmed (the app offers 顺丰, EMS, 中通, 圆通, "
        "申通, 韵达, 京东, 极兔)" + _NO_CONTROLS,
        json_schema_extra=_CARRIER,
    )
    tracking_number: StrictStr = Field(
        description="快递单号: 6–40 letters, digits or hyphens" + _NO_CONTROLS, json_schema_extra=_TRACKING_NUMBER
    )
    postage: Postage = Field(
        description="vendor_paid (寄付) or cod (到付); cod on an invoice of ¥50.00 or more is 422 COD_NOT_ALLOWED "
        "(R-INV-5)"
    )


class ShipmentCorrectionRequest(StrictBody):
    """R-INV-6: replace a shipped invoice's carrier and tracking number; the postage stays."""

    carrier: StrictStr = Field(
        description="the new carrier, 1–20 characters" + _NO_CONTROLS, json_schema_extra=_CARRIER
    )
    tracking_number: StrictStr = Field(
        description="the new tracking number, 6–40 letters, digits or hyphens" + _NO_CONTROLS,
        json_schema_extra=_TRACKING_NUMBER,
    )
    reason: StrictStr = Field(
        description=f"why (kept in the history), 1–{CORRECTION_REASON_MAX} characters once trimmed" + _NO_CONTROLS,
        json_schema_extra={"minLength": 1, "maxLength": CORRECTION_REASON_MAX},
    )


# --- the buyer's side (sandbox controls) ----------------------------------------------------

TaxId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{15,20}$")]


class MailingRequest(StrictBody):
    recipient: StrictStr = Field(description="1–50 characters", json_schema_extra={"minLength": 1, "maxLength": 50})
    address: StrictStr = Field(description="1–200 characters", json_schema_extra={"minLength": 1, "maxLength": 200})


class SandboxInvoiceRequest(StrictBody):
    """A buyer asks for an invoice for a paid order (R-INV-1); what is left out is made up,
    deterministically per order."""

    order_id: Str64
    type: InvoiceType | None = Field(None, description="ordinary (增值税普通发票, default) or special (增值税专用发票)")
    title: StrictStr | None = Field(
        None, description="抬头, 1–100 characters", json_schema_extra={"minLength": 1, "maxLength": 100}
    )
    tax_id: TaxId | None = Field(None, description="税号: 15–20 digits or capital letters (统一社会信用代码 has 18)")
    mailing: MailingRequest | None = Field(
        None, description="recipient and address; the phone is always the order's virtual number (R-ORD-4)"
    )


class BuyerNotice(BaseModel):
    at: Timestamp
    kind: str = Field(description="invoice_issued, invoice_shipped, invoice_shipment_corrected")
    text: str
    text_en: str


class BuyerInvoiceView(BaseModel):
    """What the buyer sees of its invoice (R-INV-4): its state and, once posted, how to follow it."""

    id: str
    order_id: str
    order_number: str
    state: str
    amount_fen: int
    type: str
    title: str
    invoice_number: str | None
    issued_at: Timestamp | None
    carrier: str | None
    tracking_number: str | None
    postage: str | None
    shipped_at: Timestamp | None
    revoked_at: Timestamp | None
    buyer_messages: list[BuyerNotice] = Field(description="what the buyer side was told, oldest first (R-INV-4)")
