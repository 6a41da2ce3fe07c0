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


#: R-DEP-4: a vendor may pay ahead, up to tier 3 — the most the deposit can ever be.
DEPOSIT_MAXIMUM_FEN = TIER_AMOUNT_FEN[MAX_TIER]


def most_payable_fen(paid_fen: int) -> int:
    """R-DEP-4: the largest payment still accepted (``DEPOSIT_ABOVE_MAXIMUM`` beyond it)."""
    return max(0, DEPOSIT_MAXIMUM_FEN - paid_fen)


def to_reach_tier_fen(paid_fen: int, tier: int) -> int:
    """What a payment must be for the deposit to cover ``tier`` (0 when it already does)."""
    return max(0, TIER_AMOUNT_FEN[tier] - paid_fen)


def markets_covered(paid_fen: int) -> tuple[str, ...]:
    """R-DEP-3: the markets a paid deposit covers, in SPEC §1 order."""
    return tuple(m for m in MARKETS if covers_market(paid_fen, m))


def markets_opened(paid_fen: int, amount_fen: int) -> tuple[str, ...]:
    """The markets a payment of ``amount_fen`` would newly cover (*Pay deposit…* says which)."""
    before = set(markets_covered(paid_fen))
    return tuple(m for m in markets_covered(paid_fen + amount_fen) if m not in before)


def still_owed_to_enter_fen(paid_fen: int, markets_with_revenue: Iterable[str], market_id: str) -> int:
    """What the vendor would still owe to sell in ``market_id`` (the listing editor's preview):
    the required deposit once that market has revenue too, less what is paid (R-DEP-2)."""
    required = deposit_required_fen([*markets_with_revenue, market_id])
    return deposit_outstanding_fen(required, paid_fen)
