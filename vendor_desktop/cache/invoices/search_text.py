"""The folded text the Invoices search scans: order number, title (抬头), tax ID, tracking number.

Folded and joined like the orders' (``cache.orders.search_text``), so one ``fold`` serves both.
Migration 0005 fills the column for invoices cached before it with this same rule.
"""

from __future__ import annotations

from vendor_desktop.cache.orders.search_text import SEPARATOR


def invoice_search_text(
    order_number: str | None, title: str | None, tax_id: str | None, tracking_number: str | None
) -> str:
    return SEPARATOR.join((order_number or "", title or "", tax_id or "", tracking_number or "")).lower()
