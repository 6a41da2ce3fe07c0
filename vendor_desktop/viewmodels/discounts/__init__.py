"""Buyer-specific discounts (指定商品折扣)."""
