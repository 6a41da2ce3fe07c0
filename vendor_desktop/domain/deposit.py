"""Deposit (保证金) tiers and the required / outstanding amounts: R-DEP-1..3."""

from __future__ import annotations

from collections.abc import Iterable

from .markets import MARKETS

# R-DEP-1: tier → amount in fen.
TIER_AMOUNT_FEN: dict[int, int] = {1: 100_000, 2: 200_000, 3: 500_000}
MAX_TIER = 3


def required_tier(markets_with_revenue: Iterable[str]) -> int:
    """R-DEP-2: the highest tier among the markets with revenue; 0 when there are none."""
    return max((MARKETS[m].deposit_tier for m in markets_with_revenue), default=0)


def deposit_required_fen(markets_with_revenue: Iterable[str]) -> int:
    """R-DEP-2 最大应缴保证金."""
    tier = required_tier(markets_with_revenue)
    return TIER_AMOUNT_FEN.get(tier, 0)


def deposit_outstanding_fen(required_fen: int, paid_fen: int) -> int:
    """R-DEP-2 待缴 = max(0, required − paid)."""
    return max(0, required_fen - paid_fen)


def tier_covered(paid_fen: int) -> int:
    """R-DEP-3 就高原则: the highest tier a paid deposit covers (0 if none)."""
    return max((t for t, amount in TIER_AMOUNT_FEN.items() if paid_fen >= amount), default=0)


def covers_market(paid_fen: int, market_id: str) -> bool:
    """R-DEP-3: a deposit at tier N covers every market of tier ≤ N."""
    return MARKETS[market_id].deposit_tier <= tier_covered(paid_fen)
