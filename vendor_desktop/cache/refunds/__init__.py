"""Refund requests in the cache (SPEC §5): the Refunds area pages, a buyer's history, an order's refund."""
