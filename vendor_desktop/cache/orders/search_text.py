"""The folded text the Orders search scans (R-ORD-2: number, buyer, buyer account, listing).

One narrow column, ``orders.search_text``, with a covering index: a substring search reads the
index only (a few MB for 100,000 orders) instead of every wide row. Folding is Python's
``str.lower`` on both sides (rows and the search text), so "É" finds "é"; Chinese has no case.
The fields are joined by a separator no search text contains, so a match never spans two.
Migration 0003 fills the column for rows cached before it with this same rule.
"""

from __future__ import annotations

SEPARATOR = "\x1f"


def fold(text: str) -> str:
    """The search text as the column holds it: lowercased; the separator cannot be searched for."""
    return text.lower().replace(SEPARATOR, "")


def order_search_text(
    number: str | None, buyer_name: str | None, buyer_account_id: str | None, listing_name: str | None
) -> str:
    # One lower() over the joined text: a field holding the separator is too odd to care about.
    return SEPARATOR.join((number or "", buyer_name or "", buyer_account_id or "", listing_name or "")).lower()
