"""An amount the user types in yuan, as every money form reads it (pay deposit, withdraw, a
partial refund): parsed with the domain's rules, or why it is not an amount, in the user's words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vendor_desktop.domain.money import MoneyError, format_fen, parse_yuan


def amount_text(fen: int) -> str:
    """An amount as the amount field shows it, ready to edit: 4000.00 (no ¥, no commas)."""
    return format_fen(fen, symbol=False).replace(",", "")


def amount_problem(text: str) -> tuple[int | None, str]:
    """The amount typed in yuan, or why it is not one."""
    try:
        fen = parse_yuan(text)
    except MoneyError as error:
        if error.code == "too_many_decimals":
            return None, QCoreApplication.translate(
                "MoneyViewModel", "At most two decimals: fen are the smallest unit."
            )
        if error.code == "too_large":
            return None, QCoreApplication.translate("MoneyViewModel", "That amount is too large.")
        return None, QCoreApplication.translate("MoneyViewModel", "Enter an amount in yuan, e.g. 2000 or 2,000.00.")
    if fen <= 0:
        return None, QCoreApplication.translate("MoneyViewModel", "Enter an amount above ¥0.00.")
    return fen, ""
