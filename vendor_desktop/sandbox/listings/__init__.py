"""Listings (商品管理): drafts, edits, review and delisting of the vendor's listings (R-LST-*)."""
