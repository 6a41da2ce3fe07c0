"""Error codes of the vendor's account (账户信息), with their default messages in English and Chinese."""

from __future__ import annotations

from ..core.errors import error_code

BANK_ACCOUNT_LOCKED = error_code(
    "BANK_ACCOUNT_LOCKED",
    "The revenue supplementary agreement is signed: the bank account can now be changed only through a ticket.",
    "已签署收益补充协议，银行账户只能通过工单修改。",
)
