"""The marketplace's side of an exit (退出云市场, R-DEP-7; API.md "Sandbox-only"): the deposit
receipt came back. Operator controls like the rest of ``/sandbox/*`` (routes.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from ..core import entities
from ..core.auth import clock_of, db_of
from ..core.catch_up import catch_up
from ..core.database import Vendor
from ..core.errors import ApiError, error_responses
from ..core.schemas import AccountId, EntityEnvelope, StrictBody
from ..exit.rules import receipt_returned
from .routes import require_operator

router = APIRouter(prefix="/sandbox", tags=["sandbox"], dependencies=[Depends(require_operator)])


class ReceiptReturnedRequest(StrictBody):
    account_id: AccountId


@router.post(
    "/deposit/receipt-returned",
    response_model=EntityEnvelope,
    responses=error_responses(400, 401, 404, 409, 422, notes={409: "NOT_EXITED: the vendor has not left"}),
)
def deposit_receipt_returned(body: ReceiptReturnedRequest, request: Request) -> dict[str, Any]:
    """R-DEP-7: the exited vendor's deposit receipt (缴纳凭证) came back today: answers the vendor
    profile with `receipt_returned_on` (the sandbox clock's Beijing date) and `deposit_refund_on`
    (45 days later). On that date the sandbox clock pays the deposit back into the balance (a
    `deposit_refund` ledger entry, `deposit_refunded_at`, a `deposit_refunded` message)."""
    with db_of(request).session(write=True) as s:
        if s.get(Vendor, body.account_id) is None:
            raise ApiError(404, "NOT_FOUND", "No such account.", "账号不存在。")
        now = clock_of(request).now()
        catch_up(s, body.account_id, now)
        return entities.envelope("vendor_profile", receipt_returned(s, body.account_id, now))
