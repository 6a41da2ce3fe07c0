"""The deposit preview where a market is chosen (issue 13 item 4): beside a market's tier (R-DEP-1),
what the vendor would still owe to sell there, from the deposit summary of the last pull.

R-DEP-2: once a market has revenue, the required deposit is the highest tier among the markets
with revenue; R-DEP-3: a deposit at tier N covers every market of tier ≤ N. The rules are
``domain.deposit``'s; this module only says them. The summary is read on the reads runner; who
may not read it (SPEC §11: viewer, support), and everyone before the first pull, sees the tier only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.money import queries as money
from vendor_desktop.domain.deposit import TIER_AMOUNT_FEN, covers_market, still_owed_to_enter_fen
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen


@dataclass(frozen=True)
class DepositPaid:
    """What the preview needs of the cached deposit summary (``domain.synced`` "deposit")."""

    paid_fen: int  # 已缴
    revenue_markets: tuple[str, ...]  # the markets with revenue (R-DEP-2)


def deposit_loader(db: CacheDatabase) -> Callable[[], DepositPaid | None]:
    """The read, for the reads runner: the cached summary, or None before the first pull."""

    def load() -> DepositPaid | None:
        with db.session() as session:
            summary = money.deposit(session)
        if summary is None:
            return None
        revenue = summary.get("revenue_markets") or ()
        return DepositPaid(int(summary.get("paid_fen") or 0), tuple(str(m) for m in revenue if m in MARKETS))

    return load


def tier_line(market_id: str) -> str:
    """R-DEP-1: the market's tier and the deposit it requires; "" for an unknown market."""
    market = MARKETS.get(market_id)
    if market is None:
        return ""
    return (
        QCoreApplication.translate("ListingEditor", "Deposit tier %1: selling here requires a deposit of %2.")
        .replace("%1", str(market.deposit_tier))
        .replace("%2", format_fen(TIER_AMOUNT_FEN[market.deposit_tier]))
    )


def owed_line(market_id: str, deposit: DepositPaid | None) -> str:
    """What selling in ``market_id`` would still take, or that the paid deposit covers it; "" when
    nothing is known (no summary cached, or a role that may not read it).

    Covered (R-DEP-3) is said as covered even while another market's revenue leaves something
    outstanding: that sum is owed whether or not the vendor sells here, and the Workbench and
    the Money area show it. Otherwise the amount is ``still_owed_to_enter_fen`` (R-DEP-2)."""
    if deposit is None or market_id not in MARKETS:
        return ""
    if covers_market(deposit.paid_fen, market_id):
        return QCoreApplication.translate("ListingEditor", "The deposit paid already covers this market.")
    owed = still_owed_to_enter_fen(deposit.paid_fen, deposit.revenue_markets, market_id)
    return (
        QCoreApplication.translate("ListingEditor", "Deposit paid %1; selling here needs %2 more.")
        .replace("%1", format_fen(deposit.paid_fen))
        .replace("%2", format_fen(owed))
    )


def deposit_preview(market_id: str, deposit: DepositPaid | None) -> str:
    """The tier, then (when known) what the vendor would still owe: one line each."""
    return "\n".join(line for line in (tier_line(market_id), owed_line(market_id, deposit)) if line)
