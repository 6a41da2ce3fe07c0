"""Vendor commands on the account (账户信息): the profile (R-ACC-1) and the bank account (R-ACC-2),
both the main account's alone (SPEC §11). Each replaces the whole entity at the version it names
(``If-Match``) and needs an ``Idempotency-Key`` (core/idempotency.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from vendor_desktop.domain.roles import Permission

from ..core import entities
from ..core.auth import Caller, clock_of
from ..core.commands import command_errors
from ..core.database import Vendor
from ..core.idempotency import command_router, command_transaction
from ..core.preconditions import IfMatch, expected_version, require
from ..core.schemas import EntityEnvelope
from .rules import update_bank_account, update_profile
from .schemas import BankAccountRequest, ProfileRequest

router = command_router(prefix="/vendor", tags=["commands"])

_FIELDS = "VALIDATION_FAILED (details.fields: {field: domain.account.FieldProblem}, every bad field)"


@router.put(
    "/profile",
    response_model=EntityEnvelope,
    responses=command_errors(403, 412, 428, s422=_FIELDS),
)
def put_profile(
    body: ProfileRequest,
    caller: Annotated[Caller, Depends(require(Permission.PROFILE_WRITE))],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-ACC-1: replace the company, contact and customer-service info (values are stored
    trimmed, phone numbers without spaces); onboarding's fill_info step follows (R-ACC-4).
    Checks: 403 → 428/400 If-Match → 422 VALIDATION_FAILED → 412 VERSION_CONFLICT."""
    with command_transaction(request) as t:
        vendor = t.session.get(Vendor, caller.account_id, with_for_update=True, populate_existing=True)
        assert vendor is not None  # the caller's token names an existing account
        version = expected_version(if_match)
        update_profile(t.session, vendor, body.model_dump(), version)
        return t.answer(entities.envelope("vendor_profile", vendor, role=caller.role))


@router.put(
    "/bank-account",
    response_model=EntityEnvelope,
    responses=command_errors(
        403,
        412,
        428,
        s409="BANK_ACCOUNT_LOCKED: the revenue supplementary agreement is signed; change it through a ticket "
        "(R-ACC-2) — sent even when If-Match is stale",
        s422=_FIELDS,
    ),
)
def put_bank_account(
    body: BankAccountRequest,
    caller: Annotated[Caller, Depends(require(Permission.BANK_ACCOUNT_WRITE))],
    request: Request,
    if_match: IfMatch = None,
) -> Response:
    """R-ACC-2, R-WDR-4: replace the bank account withdrawals go to, until the revenue
    supplementary agreement is signed. A vendor with none on file creates it with `If-Match: 0`.
    Checks: 403 → 428/400 If-Match → 422 VALIDATION_FAILED → 409 BANK_ACCOUNT_LOCKED → 412."""
    with command_transaction(request) as t:
        version = expected_version(if_match)
        now = clock_of(request).now()
        account = update_bank_account(t.session, caller.account_id, body.model_dump(), version, caller.role, now)
        return t.answer(entities.envelope("bank_account", account, role=caller.role))
