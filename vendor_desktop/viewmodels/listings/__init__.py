"""Listings (商品管理) and the listing editor (商品编辑)."""
