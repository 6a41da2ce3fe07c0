"""Error codes of buyer discounts (指定商品折扣), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

DISCOUNT_OVERLAP = error_code(
    "DISCOUNT_OVERLAP",
    "This buyer already has a discount on this listing in that period.",
    "该买家在此期间已有此商品的折扣。",
)
DISCOUNT_STATE = error_code(
    "DISCOUNT_STATE",
    "This discount has already been revoked or has expired; there is nothing to revoke.",
    "该折扣已撤销或已过期，无需撤销。",
)
