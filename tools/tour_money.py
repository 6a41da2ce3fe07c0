"""The Money screens of the tour (tools/tour.py): the Overview with a deposit payment selected,
*Pay deposit…* refusing an amount under the field (more than the balance can pay, R-DEP-5, or —
with the demo's ¥8,000.00 balance — more than tier 3 takes, R-DEP-4), and *Withdraw…* refusing
more than can be withdrawn, saying what is on hold and why (R-WDR-2)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtWidgets import QWidget


def money_page(tour: Any) -> QWidget:
    """Balance and deposit, earnings per market, withdrawals, payments (one selected)."""
    money = tour.show_area("money")
    tour.wait_until(lambda: money.vm.figures.synced, "the money figures")
    if money.vm.payments_model.rowCount():
        money.payments_table.selectRow(0)
    return tour.window


def _pay_more_than_the_balance(tour: Any) -> QWidget:
    money = tour.show_area("money")
    dialog = money.open_pay_deposit()
    vm = dialog.vm
    # One yuan past what the balance can pay: refused for the balance, or for tier 3 if that comes first.
    short = vm.figures.balance_left_fen + 100
    dialog.amount.setText(f"{short // 100}.{short % 100:02d}")
    dialog.submit()
    return dialog


def _withdraw_more_than_withdrawable(tour: Any) -> QWidget:
    money = tour.show_area("money")
    dialog = money.open_withdraw()
    more = dialog.vm.withdrawable_fen + dialog.vm.figures.on_hold_fen + 100_000
    dialog.amount.setText(f"{more // 100}.{more % 100:02d}")
    dialog.submit()
    return dialog


def close_money_dialog(_tour: Any, dialog: QWidget) -> None:
    dialog.reject()  # type: ignore[attr-defined]


def money_dialogs() -> Iterator[tuple[str, Callable[[Any], QWidget]]]:
    yield "money-pay-deposit-dialog", _pay_more_than_the_balance
    yield "money-withdraw-dialog", _withdraw_more_than_withdrawable
