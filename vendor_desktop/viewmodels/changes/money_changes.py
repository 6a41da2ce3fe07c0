"""Money and account changes as Pending changes lists them (issue 13): a deposit payment, a
withdrawal, the vendor profile and the bank account, each with what it moves or changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.cache.core.outbox import Command
from vendor_desktop.domain.money import format_fen

# The kinds described here (``describe`` in viewmodel.py hands them over).
MONEY_KINDS = frozenset({"deposit.pay", "withdrawal.request", "profile.update", "bank_account.update"})


def _amount(command: Command) -> str:
    value = (command.summary or {}).get("amount_fen")
    if not isinstance(value, int):
        value = (command.payload or {}).get("amount_fen", 0)
    return format_fen(value if isinstance(value, int) else 0)


def pending_change_text(command: Command) -> str:
    """A money or account change in the vendor's words: 缴纳保证金 ¥2,000.00 (至第 2 档)."""
    s = command.summary or {}
    if command.kind == "deposit.pay":
        tier = s.get("tier_after")
        if isinstance(tier, int) and tier > 0:
            return (
                QCoreApplication.translate("ChangesViewModel", "Pay %1 of deposit (up to tier %2)")
                .replace("%1", _amount(command))
                .replace("%2", str(tier))
            )
        return QCoreApplication.translate("ChangesViewModel", "Pay %1 of deposit").replace("%1", _amount(command))
    if command.kind == "withdrawal.request":
        account = str(s.get("bank_account") or "")
        if account:
            return (
                QCoreApplication.translate("ChangesViewModel", "Withdraw %1 to %2")
                .replace("%1", _amount(command))
                .replace("%2", account)
            )
        return QCoreApplication.translate("ChangesViewModel", "Withdraw %1").replace("%1", _amount(command))
    if command.kind == "profile.update":
        return QCoreApplication.translate("ChangesViewModel", "Save changes to the account information")
    if command.kind == "bank_account.update":
        return QCoreApplication.translate("ChangesViewModel", "Change the bank account")
    return command.kind
