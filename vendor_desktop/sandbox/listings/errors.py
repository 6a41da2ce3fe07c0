"""Error codes of listings (商品管理), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

#: R-LST-3 states as the vendor reads them in a message (GLOSSARY "States", listing); never the id.
LISTING_STATE_NAMES = {
    "draft": ("Draft", "草稿"),
    "in_review": ("In review", "审核中"),
    "on_sale": ("On sale", "已上架"),
    "rejected": ("Rejected", "审核未通过"),
    "delisted": ("Delisted", "已下架"),
}

LISTING_STATE = error_code("LISTING_STATE", "The listing's state does not allow this.", "商品当前状态不允许此操作。")
AGREEMENT_MISSING = error_code(
    "AGREEMENT_MISSING",
    "Add the listing service agreement before submitting the listing for review.",
    "提交审核前须填写商品服务协议。",
)
