"""Error codes of listings (商品管理), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

LISTING_STATE = error_code("LISTING_STATE", "The listing's state does not allow this.", "商品当前状态不允许此操作。")
AGREEMENT_MISSING = error_code(
    "AGREEMENT_MISSING",
    "Add the listing service agreement before submitting the listing for review.",
    "提交审核前请填写商品服务协议。",
)
# R-EXT-1: after the vendor left the marketplace, nothing new is sold or submitted (orders/ and
# exit/ raise it too: listings is the lowest area that needs it).
VENDOR_EXITED = error_code(
    "VENDOR_EXITED",
    "This vendor has left the marketplace: no new orders or listing submissions.",
    "该服务商已退出云市场，不再接受新订单或商品提交。",
)
