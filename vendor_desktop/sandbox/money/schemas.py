"""Request bodies of the money commands (资金管理) and of their sandbox controls.

Amounts are strict JSON integers (API.md "Conventions": ``"100"``, ``1.5``, ``true`` and ``1e3``
are 422 naming the field), more than 0 and at most ``domain.money.MAX_AMOUNT_FEN``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool

from vendor_desktop.domain.money import MAX_AMOUNT_FEN

from ..core.schemas import AccountId, Str200, StrictBody

#: A positive amount of money in fen, strictly an integer.
Amount = Annotated[int, Field(strict=True, gt=0, le=MAX_AMOUNT_FEN)]


class DepositPaymentRequest(StrictBody):
    """R-DEP-4/5: pay deposit from the balance."""

    amount_fen: Amount = Field(
        description="fen, a JSON integer > 0; the deposit paid plus this may reach tier 3 (¥5,000.00) at most "
        "(else 422 DEPOSIT_ABOVE_MAXIMUM), and the balance must hold all of it (else 422 INSUFFICIENT_BALANCE)"
    )


class WithdrawalRequest(StrictBody):
    """R-WDR-2..5: withdraw earnings to the bank account on file."""

    amount_fen: Amount = Field(description="fen, a JSON integer > 0 and at most the withdrawable not on hold")


class TopUpRequest(StrictBody):
    """充值: money reaches the vendor's balance (the marketplace side)."""

    account_id: AccountId
    amount_fen: Amount


class SettleWithdrawalRequest(StrictBody):
    """The marketplace pays a withdrawal out, or it fails."""

    paid: StrictBool
    reason: Str200 | None = Field(None, description="why it failed (shown to the vendor); ignored when paid")
