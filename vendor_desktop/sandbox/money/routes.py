"""Vendor commands on the money (资金管理): paying deposit (R-DEP-4..6) and withdrawing earnings
(R-WDR-2..5) (API.md "Commands (push)").

Both create an entity, so they take no If-Match; like every command they need an
``Idempotency-Key`` and a retry replays the first answer (core/idempotency.py), so a payment or a
withdrawal sent twice is made once.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import actor_name, command_errors
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import require
from ..core.schemas import EntityEnvelope
from .rules import pay_deposit, request_withdrawal
from .schemas import DepositPaymentRequest, WithdrawalRequest

router = command_router(tags=["commands"])

_AMOUNT = "VALIDATION_FAILED (details.fields.amount_fen: not a JSON integer, ≤ 0, or above the maximum)"


@router.post(
    "/deposit/payments",
    status_code=201,
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        s409="VENDOR_EXITED (details.exited_at): after exit the deposit only comes back (R-DEP-7)",
        s422="DEPOSIT_ABOVE_MAXIMUM (details.most_payable_fen: R-DEP-4, up to tier 3), INSUFFICIENT_BALANCE "
        "(details.balance_fen, details.short_fen: R-DEP-5, top up first), or " + _AMOUNT,
    ),
)
def deposit_payment(
    body: DepositPaymentRequest,
    caller: Annotated[Caller, Depends(require(Permission.DEPOSIT_PAY))],
    request: Request,
) -> Response:
    """R-DEP-4/5/6 缴纳保证金: pay deposit from the balance, all or nothing, up to tier 3; answers
    the deposit_payment with its receipt number (缴纳凭证). The deposit summary (`deposit`) and
    the earnings' hold reasons change with it (R-WDR-2). Owner and finance (SPEC §11).
    Checks: 403 → 422 VALIDATION_FAILED → 422 DEPOSIT_ABOVE_MAXIMUM → 422 INSUFFICIENT_BALANCE."""
    with command_transaction(request) as t:
        actor = actor_name(t.session, caller)
        payment = pay_deposit(t.session, caller.account_id, body.amount_fen, actor, clock_of(request).now())
        return t.answer(entities.envelope("deposit_payment", payment))


@router.post(
    "/withdrawals",
    status_code=201,
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        s422="BANK_ACCOUNT_MISSING (R-WDR-4), AGREEMENT_NOT_SIGNED (details.missing: the unsigned kinds), "
        "DEPOSIT_NOT_COVERED (details.withdrawable_fen, details.on_hold_fen, details.markets: the markets on hold "
        "whose money the amount would need, R-WDR-2), AMOUNT_EXCEEDS_WITHDRAWABLE (details.withdrawable_fen, "
        "R-WDR-5), or " + _AMOUNT,
    ),
)
def withdrawal(
    body: WithdrawalRequest,
    caller: Annotated[Caller, Depends(require(Permission.WITHDRAWALS_WRITE))],
    request: Request,
) -> Response:
    """R-WDR-2..5 提现: withdraw earnings to the bank account on file, drawn from the markets not on
    hold in SPEC §1 order (`draws`); answers the withdrawal, `requested`, with its arrival window
    (预计到账, 15–20 working days). It becomes `processing` on the next working day. Owner and
    finance (SPEC §11). Checks: 403 → 422 VALIDATION_FAILED → BANK_ACCOUNT_MISSING →
    AGREEMENT_NOT_SIGNED → DEPOSIT_NOT_COVERED / AMOUNT_EXCEEDS_WITHDRAWABLE."""
    with command_transaction(request) as t:
        actor = actor_name(t.session, caller)
        made = request_withdrawal(t.session, caller.account_id, body.amount_fen, actor, clock_of(request).now())
        return t.answer(entities.envelope("withdrawal", made))
