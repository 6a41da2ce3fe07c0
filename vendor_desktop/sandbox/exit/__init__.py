"""Leaving the marketplace (退出云市场), R-EXT-1, and the deposit refund after it (R-DEP-7)."""
