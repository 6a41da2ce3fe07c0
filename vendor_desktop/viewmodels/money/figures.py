"""The money's figures as this computer knows them (资金管理): the last pull's deposit summary,
earnings and agreements, with the changes queued here and not yet sent taken into account.

A payment or a withdrawal waiting to be sent has not moved any money at the marketplace yet,
but the vendor already decided it: the figures the dialogs check against (the balance left to
pay from, what is still withdrawable) count it as spent, so the same money is never queued twice.
A change the marketplace refused counts for nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core import outbox
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import Command, CommandState
from vendor_desktop.cache.core.sync_state import last_success_at
from vendor_desktop.cache.money import queries
from vendor_desktop.domain.deposit import to_reach_tier_fen
from vendor_desktop.domain.earnings import AgreementKind, DrawRefused, HoldReason, draw_plan
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.labels import is_chinese, market_label, tier_label

PAY_KIND = "deposit.pay"
WITHDRAW_KIND = "withdrawal.request"


def _amount(command: Command) -> int:
    value = (command.payload or {}).get("amount_fen", 0)
    return value if isinstance(value, int) else 0


def _counting(commands: Sequence[Command]) -> list[Command]:
    """Queued changes that will still move money: not those the marketplace refused."""
    return [c for c in commands if c.state != CommandState.REJECTED]


@dataclass(frozen=True)
class MoneyFigures:
    """One consistent read of the money (a pull and a queued change never half-seen)."""

    deposit: dict[str, Any] | None = None
    earnings: list[dict[str, Any]] = field(default_factory=list)
    agreements: dict[str, dict[str, Any]] = field(default_factory=dict)
    bank_account: dict[str, Any] | None = None
    payments: list[dict[str, Any]] = field(default_factory=list)
    queued_payments: list[Command] = field(default_factory=list)  # open deposit.pay, oldest first
    queued_withdrawals: list[Command] = field(default_factory=list)  # open withdrawal.request
    last_synced: dt.datetime | None = None

    # -- deposit (R-DEP-*) ---------------------------------------------------------------------
    @property
    def synced(self) -> bool:
        """Whether a pull brought the deposit summary yet (before the first, there is nothing)."""
        return self.deposit is not None

    def _int(self, name: str) -> int:
        value = (self.deposit or {}).get(name, 0)
        return value if isinstance(value, int) else 0

    @property
    def balance_fen(self) -> int:
        return self._int("balance_fen")

    @property
    def paid_fen(self) -> int:
        return self._int("paid_fen")

    @property
    def required_fen(self) -> int:
        return self._int("required_fen")

    @property
    def outstanding_fen(self) -> int:
        return self._int("outstanding_fen")

    @property
    def tier(self) -> int:
        return self._int("tier")

    @property
    def required_tier(self) -> int:
        return self._int("required_tier")

    @property
    def queued_payment_fen(self) -> int:
        return sum(_amount(c) for c in _counting(self.queued_payments))

    @property
    def balance_left_fen(self) -> int:
        """R-DEP-5: what the balance can still pay, once the payments queued here are made."""
        return self.balance_fen - self.queued_payment_fen

    @property
    def paid_with_queued_fen(self) -> int:
        """The deposit once the payments queued here are made (R-DEP-4 counts them too)."""
        return self.paid_fen + self.queued_payment_fen

    def covered_markets(self) -> list[str]:
        markets = (self.deposit or {}).get("covered_markets")
        return [m for m in markets if m in MARKETS] if isinstance(markets, list) else []

    def uncovered_revenue_markets(self) -> list[str]:
        """R-DEP-2/3: markets with revenue that the paid deposit does not cover."""
        revenue = (self.deposit or {}).get("revenue_markets")
        covered = set(self.covered_markets())
        return [m for m in revenue if m in MARKETS and m not in covered] if isinstance(revenue, list) else []

    # -- agreements (R-WDR-2) ------------------------------------------------------------------
    def missing_agreements(self) -> list[str]:
        return [k.value for k in AgreementKind if not (self.agreements.get(k.value) or {}).get("signed")]

    # -- earnings (R-WDR-1/2) ------------------------------------------------------------------
    def held_markets(self) -> list[str]:
        return [str(e.get("market")) for e in self.earnings if e.get("blocked_reason")]

    def withdrawable_by_market(self) -> dict[str, int]:
        """Each market's settled money, less what the withdrawals queued here will draw from it."""
        left = {str(e.get("market")): int(e.get("withdrawable_fen") or 0) for e in self.earnings}
        held = self.held_markets()
        for command in _counting(self.queued_withdrawals):
            try:
                plan = draw_plan(left, held, _amount(command))
            except DrawRefused:
                continue  # the marketplace will refuse it: it takes nothing
            for market, fen in plan.items():
                left[market] -= fen
        return left

    @property
    def withdrawable_fen(self) -> int:
        """待提现金额: what can be withdrawn now — settled, not on hold, not already queued."""
        held = set(self.held_markets())
        return sum(v for m, v in self.withdrawable_by_market().items() if m not in held and v > 0)

    @property
    def on_hold_fen(self) -> int:
        """暂不可提现: settled money of markets on hold (R-WDR-2)."""
        return sum(int(e.get("withdrawable_fen") or 0) for e in self.earnings if e.get("blocked_reason"))

    def total(self, name: str) -> int:
        return sum(int(e.get(name) or 0) for e in self.earnings)

    # -- texts -----------------------------------------------------------------------------------
    def release_hint(self, earning: Mapping[str, Any]) -> str:
        """Why a market's earnings are on hold, and what would release them ("" when not held)."""
        reason = earning.get("blocked_reason")
        if reason == HoldReason.AGREEMENT_NOT_SIGNED:
            return sign_agreements_text(self.missing_agreements())
        if reason == HoldReason.DEPOSIT_NOT_COVERED:
            market = MARKETS.get(str(earning.get("market")))
            tier = market.deposit_tier if market else 3
            return (
                QCoreApplication.translate("MoneyViewModel", "Deposit below tier %1: pay up to tier %1 (%2 more)")
                .replace("%1", str(tier))
                .replace("%2", format_fen(to_reach_tier_fen(self.paid_fen, tier)))
            )
        return ""

    def agreements_text(self) -> str:
        """Both agreements signed, or which is missing: withdrawals need both (R-WDR-2)."""
        if not self.agreements:
            return QCoreApplication.translate("MoneyViewModel", "The agreements' state arrives with the next sync.")
        missing = self.missing_agreements()
        if not missing:
            return QCoreApplication.translate(
                "MoneyViewModel", "Access agreement and revenue supplementary agreement signed."
            )
        return QCoreApplication.translate(
            "MoneyViewModel", "Not signed yet: %1. Withdrawals need both agreements signed."
        ).replace("%1", and_list([agreement_name(k) for k in missing]))


def agreement_name(kind: str) -> str:
    """An agreement's name inside a sentence (接入协议, the revenue supplementary agreement)."""
    names = {
        "access": QCoreApplication.translate("MoneyViewModel", "the access agreement"),
        "revenue": QCoreApplication.translate("MoneyViewModel", "the revenue supplementary agreement"),
    }
    return names.get(kind, kind)


def sign_agreements_text(missing: Sequence[str]) -> str:
    """签署收益补充协议: what releases earnings held for unsigned agreements."""
    return QCoreApplication.translate("MoneyViewModel", "Sign %1").replace(
        "%1", and_list([agreement_name(k) for k in missing])
    )


def and_list(items: Sequence[str]) -> str:
    """接入协议和收益补充协议 / the access agreement and the revenue supplementary agreement."""
    if len(items) <= 1:
        return "".join(items)
    return (
        QCoreApplication.translate("MoneyViewModel", "%1 and %2")
        .replace("%1", list_text(items[:-1]))
        .replace("%2", items[-1])
    )


def list_text(items: Sequence[str]) -> str:
    """A list in the reader's punctuation: 镜像市场、API市场 / Image market, API market."""
    return ("、" if is_chinese() else ", ").join(items)


def markets_text(markets: Sequence[str], *, with_tier: bool = False) -> str:
    """Markets by name, in SPEC §1 order; ``with_tier`` adds the tier each needs: SaaS市场（第 3 档）."""
    if not markets:
        return "—"
    if not with_tier:
        return list_text([market_label(m) for m in markets])
    return list_text([
        QCoreApplication.translate("MoneyViewModel", "%1 (%2)").replace("%1", market_label(m)).replace("%2", tier_label(MARKETS[m].deposit_tier))
        for m in markets
    ])  # fmt: skip


def load_figures(db: CacheDatabase) -> MoneyFigures:
    """Everything the Overview and the dialogs check against, in one read transaction."""
    with db.session() as session:
        return MoneyFigures(
            deposit=queries.deposit(session),
            earnings=queries.earnings(session),
            agreements=queries.agreements(session),
            bank_account=queries.bank_account(session),
            payments=queries.deposit_payments(session),
            queued_payments=outbox.open_commands_of_kind(session, PAY_KIND),
            queued_withdrawals=outbox.open_commands_of_kind(session, WITHDRAW_KIND),
            last_synced=last_success_at(session),
        )
