"""The folded text the Orders search scans (R-ORD-2: number, buyer, buyer account, listing).

One narrow column, ``orders.search_text``, with a covering index: a substring search reads the
index only (a few MB for 100,000 orders) instead of every wide row. Folding lowercases ASCII only,
like SQLite's ``lower()``, so rows folded by the migration's SQL and by Python agree; Chinese has
no case. The fields are joined by a separator no search text contains, so a match never spans two.
"""

from __future__ import annotations

SEPARATOR = "\x1f"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Lowercase ASCII letters (as SQLite's ``lower()`` does); the separator cannot be searched for."""
    return text.translate(_ASCII_LOWER).replace(SEPARATOR, "")


def order_search_text(
    number: str | None, buyer_name: str | None, buyer_account_id: str | None, listing_name: str | None
) -> str:
    return SEPARATOR.join(fold(v) if v else "" for v in (number, buyer_name, buyer_account_id, listing_name))
