"""Error codes of orders (订单管理), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

ORDER_STATE = error_code("ORDER_STATE", "The order's state does not allow this.", "订单当前状态不允许此操作。")
ORDER_NOT_UNPAID = error_code(
    "ORDER_NOT_UNPAID",
    "The buyer has already paid (or the order was cancelled): its price can no longer change.",
    "买家已支付（或订单已取消），改价未生效。原价格保持不变。",
)
INVALID_PRICE = error_code(
    "INVALID_PRICE",
    "The new price must be more than ¥0.00 and at most ¥100,000,000.00.",
    "新价格须大于 0 元且不超过 1 亿元。",
)
