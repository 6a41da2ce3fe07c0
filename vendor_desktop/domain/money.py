"""Money (金额): integer fen (分) everywhere; only the UI formats it."""

from __future__ import annotations

import re
from decimal import Decimal

_YUAN = re.compile(r"^\s*[¥￥]?\s*(\d{1,3}(,\d{3})+|\d+)(\.(\d{1,2}))?\s*$")

#: The largest amount the marketplace accepts for a single price (¥100,000,000.00).
MAX_AMOUNT_FEN = 10_000_000_000


class MoneyError(ValueError):
    """Text that is not an amount in yuan with at most two decimals."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


def format_fen(fen: int, *, symbol: bool = True) -> str:
    """¥1,234.50 for 123450; negatives as -¥1.00. No floats on the way."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


def parse_yuan(text: str) -> int:
    """'1,234.5' → 123450 fen, exactly. Rejects a third decimal, signs and junk.

    Raises MoneyError with code ``not_a_number``, ``too_many_decimals`` or ``too_large``.
    """
    if re.match(r"^\s*[¥￥]?\s*[\d,]*\.\d{3,}\s*$", text or ""):
        raise MoneyError("too_many_decimals", text)
    match = _YUAN.match(text or "")
    if not match:
        raise MoneyError("not_a_number", text)
    whole = match.group(1).replace(",", "")
    fraction = match.group(4) or "0"
    fen = int(Decimal(whole) * 100 + Decimal(fraction.ljust(2, "0")))
    if fen > MAX_AMOUNT_FEN:
        raise MoneyError("too_large", text)
    return fen
