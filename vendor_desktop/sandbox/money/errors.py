"""Error codes of the money (资金管理), with their default messages in English and Chinese (API.md)."""

from __future__ import annotations

from ..core.errors import error_code

DEPOSIT_ABOVE_MAXIMUM = error_code(
    "DEPOSIT_ABOVE_MAXIMUM",
    "The deposit can be paid up to tier 3 (¥5,000.00) at most.",
    "保证金最多缴至第 3 档（¥5,000.00）。",
)
INSUFFICIENT_BALANCE = error_code(
    "INSUFFICIENT_BALANCE",
    "The balance is short of this payment; top up first.",
    "账户余额不足，请先充值。",
)
BANK_ACCOUNT_MISSING = error_code(
    "BANK_ACCOUNT_MISSING",
    "There is no bank account on file to withdraw to.",
    "尚未填写银行账户，不能提现。",
)
AGREEMENT_NOT_SIGNED = error_code(
    "AGREEMENT_NOT_SIGNED",
    "Withdrawals need both the access agreement and the revenue supplementary agreement signed.",
    "提现须先签署接入协议和收益补充协议。",
)
DEPOSIT_NOT_COVERED = error_code(
    "DEPOSIT_NOT_COVERED",
    "Part of this amount is in markets the paid deposit does not cover; it is on hold.",
    "部分收益所在市场未被已缴保证金覆盖，暂不可提现。",
)
AMOUNT_EXCEEDS_WITHDRAWABLE = error_code(
    "AMOUNT_EXCEEDS_WITHDRAWABLE",
    "The amount is more than the withdrawable earnings.",
    "提现金额超过待提现金额。",
)
WITHDRAWAL_STATE = error_code(
    "WITHDRAWAL_STATE",
    "The withdrawal's state does not allow this.",
    "提现当前状态不允许此操作。",
)
