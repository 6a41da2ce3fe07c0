"""The marketplace's side of the money and the agreements (API.md "Sandbox-only"): the vendor
signs an agreement, a top-up reaches the balance, a withdrawal is paid out or fails.

Operator controls like the rest of ``/sandbox/*`` (routes.py): the operator token, no
Idempotency-Key, no If-Match. Each first brings the account up to the sandbox clock
(core/catch_up.py), as a vendor's money command does.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request

from vendor_desktop.domain.earnings import AgreementKind

from ..account.rules import sign_agreement
from ..account.schemas import SignAgreementRequest
from ..core import entities
from ..core.auth import clock_of, db_of
from ..core.catch_up import catch_up
from ..core.commands import EntityId
from ..core.database import Vendor
from ..core.errors import ApiError, error_responses
from ..core.schemas import EntityEnvelope, text_problem
from ..money.models import Withdrawal
from ..money.rules import settle_withdrawal, top_up
from ..money.schemas import SettleWithdrawalRequest, TopUpRequest
from .routes import require_operator

router = APIRouter(prefix="/sandbox", tags=["sandbox"], dependencies=[Depends(require_operator)])

_NO_ACCOUNT = ("No such account.", "账号不存在。")


def _vendor_exists(s: Any, account_id: str) -> None:
    if s.get(Vendor, account_id) is None:
        raise ApiError(404, "NOT_FOUND", *_NO_ACCOUNT)


@router.post(
    "/agreements/{kind}/sign",
    response_model=EntityEnvelope,
    responses=error_responses(400, 401, 404, 422),
)
def sign(kind: Literal["access", "revenue"], body: SignAgreementRequest, request: Request) -> dict[str, Any]:
    """The vendor signs the access agreement (接入协议) or the revenue supplementary agreement
    (收益补充协议); signing again changes nothing. The revenue agreement locks the bank account
    (R-ACC-2); with both signed, earnings covered by the deposit become withdrawable (R-WDR-2);
    the access agreement is onboarding's "agree" step (R-ACC-4)."""
    with db_of(request).session(write=True) as s:
        _vendor_exists(s, body.account_id)
        now = clock_of(request).now()
        catch_up(s, body.account_id, now)
        return entities.envelope("agreement", sign_agreement(s, body.account_id, AgreementKind(kind), now))


@router.post("/balance/top-up", response_model=EntityEnvelope, responses=error_responses(400, 401, 404, 422))
def balance_top_up(body: TopUpRequest, request: Request) -> dict[str, Any]:
    """充值: money reaches the vendor's balance (a `top_up` ledger entry); answers the deposit
    summary with the new balance."""
    with db_of(request).session(write=True) as s:
        _vendor_exists(s, body.account_id)
        now = clock_of(request).now()
        catch_up(s, body.account_id, now)
        return entities.envelope("deposit", top_up(s, body.account_id, body.amount_fen, now))


@router.post(
    "/withdrawals/{withdrawal_id}/settle",
    response_model=EntityEnvelope,
    responses=error_responses(
        400,
        401,
        404,
        409,
        422,
        notes={409: "WITHDRAWAL_STATE (details.state): only a requested or processing withdrawal is settled"},
    ),
)
def settle(withdrawal_id: EntityId, body: SettleWithdrawalRequest, request: Request) -> dict[str, Any]:
    """The marketplace pays a withdrawal out (`paid: true`, 已到账) or it fails (`paid: false`,
    失败, with `reason`): a failure returns each market's draw to its withdrawable
    (`withdrawal_returned` entries). 409 WITHDRAWAL_STATE once it is paid or failed."""
    with db_of(request).session(write=True) as s:
        withdrawal = s.get(Withdrawal, withdrawal_id)
        if withdrawal is None:
            raise ApiError(404, "NOT_FOUND", "No such withdrawal.", "提现记录不存在。")
        now = clock_of(request).now()
        catch_up(s, withdrawal.account_id, now)
        reason = _failure_reason(body.reason)
        settle_withdrawal(s, withdrawal, body.paid, reason, now)
        return entities.envelope("withdrawal", withdrawal)


def _failure_reason(reason: str | None) -> str | None:
    """What the vendor reads of why a withdrawal failed: text as any other (API.md "Conventions")."""
    if reason is None:
        return None
    problem = text_problem(reason)
    if problem is not None:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": {"reason": problem}})
    return reason.strip()
