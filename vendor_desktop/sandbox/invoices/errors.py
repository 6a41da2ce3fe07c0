"""Error codes of invoices (发票管理), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

INVOICE_STATE = error_code(
    "INVOICE_STATE",
    "The invoice's state does not allow this.",
    "发票当前状态不允许此操作。",
)
COD_NOT_ALLOWED = error_code(
    "COD_NOT_ALLOWED",
    "Invoices of ¥50.00 or more are posted with postage paid; cash on delivery is only for smaller ones.",
    "发票金额满 ¥50.00 须寄付，不能到付。",
)
INVOICE_EXISTS = error_code(
    "INVOICE_EXISTS",
    "This order already has an invoice request that was not revoked.",
    "该订单已申请开票，且未撤销。",
)
