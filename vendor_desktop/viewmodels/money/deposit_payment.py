"""*Pay deposit…* (缴纳保证金), R-DEP-1..5: up to a tier, or an amount typed in yuan.

Before anything is queued the dialog says what the payment does — the tier it reaches, the
markets it opens and the balance left — and refuses, with the reason, what the marketplace would
refuse: more than the balance can pay (R-DEP-5: top up first, no partial payment) and more than
tier 3 (R-DEP-4, ``DEPOSIT_ABOVE_MAXIMUM``). Nothing refused is queued.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.deposit import (
    MAX_TIER,
    TIER_AMOUNT_FEN,
    markets_opened,
    most_payable_fen,
    tier_covered,
    to_reach_tier_fen,
)
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.amounts import amount_text
from vendor_desktop.viewmodels.core.labels import tier_label
from vendor_desktop.viewmodels.money.amount_form import AmountForm
from vendor_desktop.viewmodels.money.figures import PAY_KIND, MoneyFigures, markets_text


def why_cannot_pay(permissions: Collection[str], figures: MoneyFigures) -> str:
    """Why *Pay deposit…* can do nothing ("" when a payment can be made): the role, no figures
    yet, or a deposit already at tier 3 (R-DEP-4)."""
    if Permission.DEPOSIT_PAY.value not in permissions:
        return QCoreApplication.translate(
            "MoneyViewModel", "Your role cannot pay the deposit. Ask the main account or finance."
        )
    if not figures.synced:
        return QCoreApplication.translate(
            "MoneyViewModel", "The deposit figures have not reached this computer yet. Sync first."
        )
    if most_payable_fen(figures.paid_with_queued_fen) == 0:
        return QCoreApplication.translate(
            "MoneyViewModel", "The deposit already covers tier 3, the highest: nothing more to pay."
        )
    return ""


@dataclass(frozen=True)
class PaymentPreview:
    """What a payment would do, in words: the deposit and tier after, the markets it opens, the
    balance left."""

    deposit_after: str
    markets_opened: str
    balance_after: str


class DepositPaymentViewModel(AmountForm):
    kind, entity, path = PAY_KIND, "deposit_payment", "/deposit/payments"

    @property
    def paid_fen(self) -> int:
        """The deposit as it will be once the payments already queued here are made."""
        return self.figures.paid_with_queued_fen

    def tier_choices(self) -> list[tuple[int, str]]:
        """(tier, text) for each tier above the one the deposit reaches: 第 3 档（¥5,000.00）：缴纳 ¥3,000.00."""
        current = tier_covered(self.paid_fen)
        return [
            (
                tier,
                QCoreApplication.translate("MoneyViewModel", "Tier %1 (%2 in all): pay %3")
                .replace("%1", str(tier))
                .replace("%2", format_fen(TIER_AMOUNT_FEN[tier]))
                .replace("%3", format_fen(to_reach_tier_fen(self.paid_fen, tier))),
            )
            for tier in range(current + 1, MAX_TIER + 1)
        ]

    def amount_for_tier(self, tier: int) -> int:
        return to_reach_tier_fen(self.paid_fen, tier)

    def amount_text_for_tier(self, tier: int) -> str:
        """What the amount field shows for a chosen tier: 3000.00."""
        return amount_text(self.amount_for_tier(tier))

    def tier_for_amount(self, amount_fen: int | None, tiers: Collection[int]) -> int | None:
        """The tier among ``tiers`` that a typed amount reaches exactly, or None (an amount of its own)."""
        return next((t for t in tiers if amount_fen is not None and self.amount_for_tier(t) == amount_fen), None)

    def balance_text(self) -> str:
        text = format_fen(self.figures.balance_fen)
        if self.figures.queued_payment_fen:
            text += " " + QCoreApplication.translate(
                "MoneyViewModel", "(%1 of it already queued for the deposit)"
            ).replace("%1", format_fen(self.figures.queued_payment_fen))
        return text

    def deposit_text(self) -> str:
        """已缴 ¥1,000.00 · 第 1 档 · 应缴 ¥5,000.00."""
        f = self.figures
        return (
            QCoreApplication.translate("MoneyViewModel", "Paid %1 · %2 · required %3")
            .replace("%1", format_fen(f.paid_fen))
            .replace(
                "%2", tier_label(f.tier) if f.tier else QCoreApplication.translate("MoneyViewModel", "no tier yet")
            )
            .replace("%3", format_fen(f.required_fen))
        )

    def preview(self, amount_fen: int | None) -> PaymentPreview | None:
        if amount_fen is None or amount_fen <= 0:
            return None
        after = self.paid_fen + amount_fen
        tier_after = tier_covered(after)
        return PaymentPreview(
            deposit_after=QCoreApplication.translate("MoneyViewModel", "%1 · %2")
            .replace("%1", format_fen(after))
            .replace(
                "%2",
                tier_label(tier_after) if tier_after else QCoreApplication.translate("MoneyViewModel", "no tier yet"),
            ),
            markets_opened=markets_text(markets_opened(self.paid_fen, amount_fen)),
            balance_after=format_fen(self.figures.balance_left_fen - amount_fen),
        )

    def why_cannot_pay(self) -> str:
        """Why no payment can be made at all ("" when one can)."""
        return why_cannot_pay(self._queue.user.permissions, self.figures)

    def problems(self, fen: int | None, text_problem: str) -> dict[str, str]:
        if why := self.why_cannot_pay():
            return {"form": why}
        if fen is None:
            return {"amount": text_problem}
        if fen > most_payable_fen(self.paid_fen):  # R-DEP-4, DEPOSIT_ABOVE_MAXIMUM
            return {
                "amount": QCoreApplication.translate(
                    "MoneyViewModel", "The deposit goes up to tier 3 (¥5,000.00): pay at most %1."
                ).replace("%1", format_fen(most_payable_fen(self.paid_fen)))
            }
        if fen > self.figures.balance_left_fen:  # R-DEP-5, INSUFFICIENT_BALANCE: top up first
            return {
                "amount": QCoreApplication.translate("MoneyViewModel", "Balance too low: top up %1 first.").replace(
                    "%1", format_fen(fen - self.figures.balance_left_fen)
                )
            }
        return {}

    def summary(self, fen: int) -> dict[str, Any]:
        return {"amount_fen": fen, "paid_fen_before": self.paid_fen, "tier_after": tier_covered(self.paid_fen + fen)}
