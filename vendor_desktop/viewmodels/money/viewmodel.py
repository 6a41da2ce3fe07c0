"""The Money area (资金管理), issue 13: its Overview — the balance and deposit summary (R-DEP-*),
earnings per market with what holds them and what would release them (R-WDR-1/2), the
withdrawal history (R-WDR-3..5), the deposit payments with their receipts (R-DEP-6) and the
agreements (R-WDR-2) — and the two dialogs that move money, *Pay deposit…* and *Withdraw…*.

Everything reads from the cache, so the page is the same offline, and says when it last synced.
After a pull or a queued change it reloads on the reads runner and swaps the result in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from vendor_desktop.cache.core.changes import ChangeSet
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.domain.money import format_fen
from vendor_desktop.viewmodels.core.background import BackgroundRunner
from vendor_desktop.viewmodels.core.commands import CommandQueue
from vendor_desktop.viewmodels.core.date_ranges import beijing_today
from vendor_desktop.viewmodels.core.labels import business_time, tier_label
from vendor_desktop.viewmodels.core.refresh import Refresher
from vendor_desktop.viewmodels.money.deposit_payment import DepositPaymentViewModel, why_cannot_pay
from vendor_desktop.viewmodels.money.figures import MoneyFigures, load_figures, markets_text
from vendor_desktop.viewmodels.money.ledger import LedgerViewModel
from vendor_desktop.viewmodels.money.receipt import Receipt, receipt_for
from vendor_desktop.viewmodels.money.small_tables import EarningsModel, PaymentsModel
from vendor_desktop.viewmodels.money.withdrawal import WithdrawalViewModel, why_no_withdrawal
from vendor_desktop.viewmodels.money.withdrawals_table import WithdrawalLine, WithdrawalsTableModel

# Entity kinds the Overview shows (the area listens to these and ``command``).
LISTENS = frozenset(
    {"deposit", "deposit_payment", "earning", "withdrawal", "ledger_entry", "agreement", "bank_account"}
)


@dataclass(frozen=True)
class _Reloaded:
    figures: MoneyFigures
    withdrawal_ids: Sequence[str]
    withdrawal_rows: dict[str, WithdrawalLine]


class MoneyViewModel(QObject):
    """The Overview's figures and lists; the dialogs' viewmodels are made here."""

    changed = Signal()  # the figures were (re)read: every text below may differ

    def __init__(
        self,
        db: CacheDatabase,
        queue: CommandQueue | None,
        reads: BackgroundRunner | None = None,
        permissions: Collection[str] = (),
        parent: QObject | None = None,
        *,
        company: Callable[[], str] = str,
        account_id: str = "",
        today: Callable[[], dt.date] = beijing_today,
        ledger: LedgerViewModel | None = None,
    ) -> None:
        super().__init__(parent)
        # The ledger tab (资金流水 · 对账单) has its own viewmodel; the area reaches it through this
        # one, which passes on what the shell tells the area.
        self.ledger = ledger
        self.db = db
        self.queue = queue
        self.reads = reads if reads is not None else BackgroundRunner(self, name="vendor-desktop-reads")
        self.permissions = frozenset(permissions)
        self._company = company
        self.account_id = account_id
        self.today = today
        self.earnings_model = EarningsModel(self)
        self.payments_model = PaymentsModel(self)
        self.withdrawals_model = WithdrawalsTableModel(db, self)
        self.figures = MoneyFigures()
        self._refresh: Refresher[_Reloaded] = Refresher(self.reads, self._prepare_reload, self._reloaded)
        self.reload_now()

    # -- reading ---------------------------------------------------------------------------------
    def reload_now(self) -> None:
        """Read here and now (at start: the page opens with its figures)."""
        self._refresh.supersede()
        self._reloaded(self._prepare_reload()())

    def _prepare_reload(self) -> Callable[[], _Reloaded]:
        db, load_withdrawals = self.db, self.withdrawals_model.loader()

        def load() -> _Reloaded:
            figures = load_figures(db)
            ids, rows = load_withdrawals()
            return _Reloaded(figures, ids, rows)

        return load

    def _reloaded(self, result: _Reloaded) -> None:
        self.figures = result.figures
        self.earnings_model.show(result.figures)
        self.payments_model.show(result.figures)
        self.withdrawals_model.apply_ids(result.withdrawal_ids, result.withdrawal_rows)
        self.changed.emit()

    def on_data_changed(self, changes: ChangeSet) -> None:
        if (LISTENS | {"command"}) & changes.entities():
            self._refresh.request()
        if self.ledger is not None:
            self.ledger.on_data_changed(changes)

    def set_shown(self, shown: bool) -> None:
        """Whether the Money page is on screen: hidden, a pull only marks it stale. Shown, it
        reads again (a few small rows): "as of the last sync" then names the latest sync, also
        after pulls that changed no money."""
        self._refresh.set_shown(shown)
        if shown and not self._refresh.busy:
            self._refresh.request()
        if self.ledger is not None:
            self.ledger.set_shown(shown)

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    def relabel(self) -> None:
        """The language changed: the same figures in the new words."""
        self.earnings_model.show(self.figures)
        self.payments_model.show(self.figures)
        self.withdrawals_model.relabel()
        self.changed.emit()

    # -- the summary -------------------------------------------------------------------------------
    def summary(self) -> list[tuple[str, str]]:
        """(label, value) of the balance and the deposit: 账户余额, 已缴, 应缴, 待缴, the tier covered."""
        f = self.figures
        if not f.synced:
            return []
        required = format_fen(f.required_fen)
        if f.required_tier:
            required = (
                QCoreApplication.translate("MoneyViewModel", "%1 (%2)")
                .replace("%1", required)
                .replace("%2", tier_label(f.required_tier))
            )
        return [
            (QCoreApplication.translate("MoneyViewModel", "Balance"), format_fen(f.balance_fen)),
            (QCoreApplication.translate("MoneyViewModel", "Deposit paid"), format_fen(f.paid_fen)),
            (QCoreApplication.translate("MoneyViewModel", "Deposit required"), required),
            (QCoreApplication.translate("MoneyViewModel", "Deposit outstanding"), format_fen(f.outstanding_fen)),
            (
                QCoreApplication.translate("MoneyViewModel", "Tier covered"),
                tier_label(f.tier) if f.tier else QCoreApplication.translate("MoneyViewModel", "none yet"),
            ),
        ]

    def markets_lines(self) -> list[tuple[str, str]]:
        """The markets the deposit covers, and those with revenue it does not (with their tier)."""
        f = self.figures
        if not f.synced:
            return []
        return [
            (QCoreApplication.translate("MoneyViewModel", "Markets covered"), markets_text(f.covered_markets())),
            (
                QCoreApplication.translate("MoneyViewModel", "Revenue markets not covered"),
                markets_text(f.uncovered_revenue_markets(), with_tier=True),
            ),
        ]

    def earnings_figures(self) -> list[tuple[str, str]]:
        """待提现金额 and 暂不可提现: what can be withdrawn now, and what is on hold."""
        f = self.figures
        return [
            (QCoreApplication.translate("MoneyViewModel", "Withdrawable now"), format_fen(f.withdrawable_fen)),
            (QCoreApplication.translate("MoneyViewModel", "On hold"), format_fen(f.on_hold_fen)),
        ]

    def agreements_text(self) -> str:
        return self.figures.agreements_text()

    @property
    def agreements_missing(self) -> bool:
        return bool(self.figures.agreements) and bool(self.figures.missing_agreements())

    def synced_text(self) -> str:
        """When these figures came from the marketplace (the page works offline on them)."""
        last = self.figures.last_synced
        if last is None:
            return QCoreApplication.translate(
                "MoneyViewModel", "Not synced yet: the figures arrive with the first sync."
            )
        return QCoreApplication.translate("MoneyViewModel", "As of the last sync, %1").replace(
            "%1", business_time(last)
        )

    def empty_earnings_text(self) -> str:
        return QCoreApplication.translate(
            "MoneyViewModel", "No earnings yet. Paid orders bring earnings to their market."
        )

    def empty_withdrawals_text(self) -> str:
        return QCoreApplication.translate("MoneyViewModel", "No withdrawals yet.")

    def empty_payments_text(self) -> str:
        return QCoreApplication.translate("MoneyViewModel", "No deposit paid yet.")

    # -- what the user may do ----------------------------------------------------------------------
    def why_cannot_pay(self) -> str:
        return why_cannot_pay(self._acting_permissions(), self.figures)

    def why_cannot_withdraw(self) -> str:
        return why_no_withdrawal(self._acting_permissions(), self.figures)

    def _acting_permissions(self) -> frozenset[str]:
        return self.permissions if self.queue is not None else frozenset()

    def new_deposit_payment(self) -> DepositPaymentViewModel:
        assert self.queue is not None
        return DepositPaymentViewModel(self.queue, self.figures, self)

    def new_withdrawal(self) -> WithdrawalViewModel:
        assert self.queue is not None
        return WithdrawalViewModel(self.queue, self.figures, self, today=self.today)

    # -- receipts ----------------------------------------------------------------------------------
    def receipt(self, row: int) -> Receipt | None:
        """The receipt of the payment on ``row`` of the payments list; None for a queued one."""
        payment_id = self.payments_model.id_at(row)
        payment: dict[str, Any] | None = next((p for p in self.figures.payments if p["id"] == payment_id), None)
        if payment is None:
            return None
        return receipt_for(payment, self._company(), self.account_id)

    def why_no_receipt(self, row: int) -> str:
        if row < 0:
            return QCoreApplication.translate("MoneyViewModel", "Select a deposit payment to print its receipt.")
        if self.receipt(row) is None:
            return QCoreApplication.translate(
                "MoneyViewModel", "The receipt comes once the marketplace has the payment."
            )
        return ""
