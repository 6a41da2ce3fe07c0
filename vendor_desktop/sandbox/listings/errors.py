"""Error codes of listings (商品管理), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

LISTING_STATE = error_code("LISTING_STATE", "The listing's state does not allow this.", "商品当前状态不允许此操作。")
AGREEMENT_MISSING = error_code(
    "AGREEMENT_MISSING",
    "Add the listing service agreement before submitting the listing for review.",
    "提交审核前请填写商品服务协议。",
)
