"""Error codes of refunds (退款, SPEC §5), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

REFUND_STATE = error_code(
    "REFUND_STATE",
    "This refund request was already decided.",
    "该退款申请已处理。",
)
AMOUNT_EXCEEDS_PAID = error_code(
    "AMOUNT_EXCEEDS_PAID",
    "The amount is more than the buyer paid and has not had back yet.",
    "退款金额超过买家已支付且尚未退还的金额。",
)
NOT_REFUNDABLE = error_code(
    "NOT_REFUNDABLE",
    "API and image orders cannot be refunded (R-REF-2).",
    "API 和镜像类订单不支持退款。",
)
