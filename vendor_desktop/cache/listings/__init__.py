"""Listings (商品管理) read from the cache."""
