"""*Withdraw…* (提现), R-WDR-2..5: how much, to which bank account, and when it should arrive.

The dialog shows what can be withdrawn now (markets not on hold, less what is already queued
here), the bank account on file as the role may see it, and the expected arrival window as
dates. It refuses up front, with the reason, what the marketplace would refuse: an agreement
not signed (R-WDR-2), no bank account (R-WDR-4), an amount above what can be withdrawn — saying
how much is on hold and why (R-WDR-2/5). Nothing refused is queued.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from vendor_desktop.domain.account import mask_account_number
from vendor_desktop.domain.deposit import to_reach_tier_fen
from vendor_desktop.domain.earnings import ARRIVAL_WORKING_DAYS, DrawRefused, HoldReason, arrival_window, draw_plan
from vendor_desktop.domain.markets import MARKETS
from vendor_desktop.domain.money import format_fen
from vendor_desktop.domain.roles import Permission
from vendor_desktop.viewmodels.core.amounts import amount_text
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.date_ranges import beijing_today
from vendor_desktop.viewmodels.money.amount_form import AmountForm
from vendor_desktop.viewmodels.money.figures import (
    WITHDRAW_KIND,
    MoneyFigures,
    agreement_name,
    and_list,
    markets_text,
    sign_agreements_text,
)


def bank_account_text(account: dict | None) -> str:
    """招商银行 北京分行 **** 1234 · 北京云栈科技有限公司 — as synced (masked for all but the main account)."""
    if not account:
        return ""
    place = " ".join(str(account.get(k) or "") for k in ("bank", "branch")).strip()
    number = str(account.get("account_number") or "")
    holder = str(account.get("holder") or "")
    return " · ".join(part for part in (f"{place} {number}".strip(), holder) if part)


def _masked(account: dict | None) -> dict | None:
    if not account:
        return account
    return {**account, "account_number": mask_account_number(str(account.get("account_number") or ""))}


def why_no_withdrawal(permissions: Collection[str], figures: MoneyFigures) -> str:
    """What disables *Withdraw…* itself: the role, or no figures yet. The dialog says the rest
    (agreements, bank account, what is on hold), which the vendor needs to read."""
    if Permission.WITHDRAWALS_WRITE.value not in permissions:
        return QCoreApplication.translate(
            "MoneyViewModel", "Your role cannot withdraw earnings. Ask the main account or finance."
        )
    if not figures.synced:
        return QCoreApplication.translate(
            "MoneyViewModel", "The earnings have not reached this computer yet. Sync first."
        )
    return ""


class WithdrawalViewModel(AmountForm):
    kind, entity, path = WITHDRAW_KIND, "withdrawal", "/withdrawals"

    def __init__(
        self,
        queue: CommandQueue,
        figures: MoneyFigures,
        parent: QObject | None = None,
        *,
        today: Callable[[], dt.date] = beijing_today,
    ) -> None:
        super().__init__(queue, figures, parent)
        self.today = today

    @property
    def withdrawable_fen(self) -> int:
        return self.figures.withdrawable_fen

    def withdrawable_text(self) -> str:
        """待提现金额, and what part of it is already queued here."""
        text = format_fen(self.withdrawable_fen)
        queued = sum(int((c.payload or {}).get("amount_fen") or 0) for c in self.figures.queued_withdrawals
                     if c.state != "rejected")  # fmt: skip
        if queued:
            text += " " + QCoreApplication.translate("MoneyViewModel", "(after %1 already queued)").replace(
                "%1", format_fen(queued)
            )
        return text

    def default_amount(self) -> str:
        """All that can be withdrawn now, as the amount field shows it (no ¥, no commas)."""
        return amount_text(self.withdrawable_fen)

    def bank_account(self) -> str:
        return bank_account_text(self.figures.bank_account) or QCoreApplication.translate(
            "MoneyViewModel", "No bank account on file"
        )

    def arrival_text(self) -> str:
        """R-WDR-3: 预计 2026-12-18 至 2026-12-25 到账（15–20 个工作日）, from today's Beijing date."""
        window = arrival_window(self.today())
        text = (
            QCoreApplication.translate("MoneyViewModel", "Expected %1 to %2 (%3–%4 working days)")
            .replace("%1", window.first.isoformat())
            .replace("%2", window.last.isoformat())
            .replace("%3", str(ARRIVAL_WORKING_DAYS[0]))
            .replace("%4", str(ARRIVAL_WORKING_DAYS[1]))
        )
        if window.approximate:
            text += " " + QCoreApplication.translate(
                "MoneyViewModel", "— may move once next year's holidays are published"
            )
        return text

    def on_hold_text(self) -> str:
        """How much is on hold, why, and what would release it ("" when nothing is), R-WDR-2:
        what a refused amount says."""
        reasons = self.hold_reasons()
        if not reasons:
            return ""
        return (
            QCoreApplication.translate("MoneyViewModel", "%1 is on hold. %2")
            .replace("%1", format_fen(self.figures.on_hold_fen))
            .replace("%2", reasons)
        )

    def on_hold_field(self) -> str:
        """The dialog's *On hold* line: the amount, and under it why and what would release it."""
        reasons = self.hold_reasons()
        return f"{format_fen(self.figures.on_hold_fen)}\n{reasons}" if reasons else format_fen(0)

    def hold_reasons(self) -> str:
        """Why earnings are on hold and what releases them, in one sentence ("" when none are)."""
        f = self.figures
        held = [e for e in f.earnings if e.get("blocked_reason") and int(e.get("withdrawable_fen") or 0)]
        if not held:
            return ""
        parts = []
        if any(e["blocked_reason"] == HoldReason.AGREEMENT_NOT_SIGNED for e in held):
            parts.append(
                QCoreApplication.translate("MoneyViewModel", "%1.").replace(
                    "%1", sign_agreements_text(f.missing_agreements())
                )
            )
        uncovered = [str(e["market"]) for e in held if e["blocked_reason"] == HoldReason.DEPOSIT_NOT_COVERED]
        if uncovered:
            tier = max(MARKETS[m].deposit_tier for m in uncovered if m in MARKETS)
            parts.append(
                QCoreApplication.translate(
                    "MoneyViewModel", "The deposit does not cover %1: pay up to tier %2 (%3 more) to release it."
                )
                .replace("%1", markets_text(uncovered))
                .replace("%2", str(tier))
                .replace("%3", format_fen(to_reach_tier_fen(f.paid_fen, tier)))
            )
        return " ".join(parts)

    def why_cannot_withdraw(self) -> str:
        """Why no withdrawal can be requested at all ("" when one can): role, bank account, agreements."""
        if why := why_no_withdrawal(self._queue.user.permissions, self.figures):
            return why
        # In the marketplace's order: the bank account first, then the agreements.
        if not self.figures.bank_account:  # R-WDR-4
            return QCoreApplication.translate(
                "MoneyViewModel",
                "No bank account on file to receive the money. The main account adds it under Account.",
            )
        missing = self.figures.missing_agreements()
        if missing:  # R-WDR-2
            return QCoreApplication.translate(
                "MoneyViewModel", "Withdrawals need both agreements signed. Not signed yet: %1."
            ).replace("%1", and_list([agreement_name(k) for k in missing]))
        return ""

    def problems(self, fen: int | None, text_problem: str) -> dict[str, str]:
        if why := self.why_cannot_withdraw():
            return {"form": why}
        if fen is None:
            return {"amount": text_problem}
        try:
            draw_plan(self.figures.withdrawable_by_market(), self.figures.held_markets(), fen)
        except DrawRefused as refused:  # R-WDR-5, R-WDR-2
            return {"amount": self._refusal(refused)}
        return {}

    def _refusal(self, refused: DrawRefused) -> str:
        text = QCoreApplication.translate("MoneyViewModel", "At most %1 can be withdrawn now.").replace(
            "%1", format_fen(refused.withdrawable_fen)
        )
        if refused.on_hold_fen:
            text += " " + self.on_hold_text()
        return text

    def summary(self, fen: int) -> dict[str, Any]:
        window = arrival_window(self.today())
        return {
            "amount_fen": fen,
            # On disk in the outbox and shown in Pending changes: masked even for the main account,
            # as the marketplace's own withdrawal record is.
            "bank_account": bank_account_text(_masked(self.figures.bank_account)),
            "expected_from": window.first.isoformat(),
            "expected_until": window.last.isoformat(),
        }
