"""The account rules the sandbox enforces (SPEC §9): editing the profile (R-ACC-1) and the bank
account until the revenue agreement is signed (R-ACC-2), signing the agreements (R-WDR-2), and
the onboarding steps (R-ACC-4).

Checks in API.md's order (core/preconditions.py): the body's fields (422, every bad one named with
a ``domain.account.FieldProblem``), the business state (409 BANK_ACCOUNT_LOCKED), then the
version (412).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from vendor_desktop.domain.account import (
    ONBOARDING_ORDER,
    FieldProblem,
    OnboardingStep,
    bank_account_problems,
    normalized,
    profile_problems,
)
from vendor_desktop.domain.earnings import AgreementKind

from ..core.changes import record_change
from ..core.clock import iso
from ..core.database import Vendor
from ..core.errors import ApiError
from ..core.preconditions import check_version
from ..core.schemas import text_problem
from ..money.rules import locked_money, refresh_holds
from .errors import BANK_ACCOUNT_LOCKED
from .models import Agreement, BankAccount

PROFILE_FIELDS = ("company_name", "contact_name", "contact_phone", "cs_phone", "cs_email", "cs_qq")
BANK_FIELDS = ("holder", "bank", "branch", "account_number")


def agreement_id(account_id: str, kind: str) -> str:
    return f"{account_id}:{kind}"


def onboarding(agreement_signed: bool, profile: Mapping[str, str]) -> list[dict[str, Any]]:
    """R-ACC-4's steps in order. The sandbox's vendors registered, were verified and paid the
    certification fee before they came here; "agree" is the access agreement (接入协议) and
    "fill info" a profile that passes R-ACC-1's checks."""
    done = {
        OnboardingStep.AGREE: agreement_signed,
        OnboardingStep.FILL_INFO: not profile_problems(profile),
    }
    return [{"step": step.value, "done": done.get(step, True)} for step in ONBOARDING_ORDER]


def profile_of(vendor: Vendor) -> dict[str, str]:
    return {f: getattr(vendor, f) for f in PROFILE_FIELDS}


def _checked(
    values: Mapping[str, str], problems_of: Callable[[Mapping[str, str]], dict[str, FieldProblem]]
) -> dict[str, str]:
    """The values as stored (``domain.account.normalized``), or 422 VALIDATION_FAILED naming every
    bad field with its ``FieldProblem`` (control characters and the like: API.md "Conventions")."""
    problems: dict[str, str] = {}
    for field, value in values.items():
        found = text_problem(value)
        if found is not None:
            empty = found == "must not be empty"
            problems[field] = (FieldProblem.EMPTY if empty else FieldProblem.INVALID_CHARACTERS).value
    clean = {f: normalized(f, v) for f, v in values.items()}
    for field, problem in problems_of(clean).items():
        problems.setdefault(field, problem.value)
    if problems:
        raise ApiError(422, "VALIDATION_FAILED", details={"fields": problems})
    return clean


def update_profile(s: Session, vendor: Vendor, values: Mapping[str, str], expected: int) -> Vendor:
    """R-ACC-1: company, customer-service and contact info."""
    clean = _checked(values, profile_problems)
    check_version("vendor_profile", vendor, expected)
    for field, value in clean.items():
        setattr(vendor, field, value)
    vendor.onboarding = onboarding(_signed(s, vendor.account_id, AgreementKind.ACCESS), clean)
    vendor.version += 1
    record_change(s, vendor.account_id, "vendor_profile", vendor.account_id, vendor.version)
    return vendor


def update_bank_account(
    s: Session, account_id: str, values: Mapping[str, str], expected: int, role: str, now: dt.datetime
) -> BankAccount:
    """R-ACC-2: the vendor edits its bank account until the revenue agreement is signed (then
    only through a ticket: 409 BANK_ACCOUNT_LOCKED). A vendor without one yet creates it, with
    ``If-Match: 0``."""
    clean = _checked(values, bank_account_problems)
    locked_money(s, account_id)  # a withdrawal reads the bank account: not while it changes
    account = s.get(BankAccount, account_id, with_for_update=True, populate_existing=True)
    if _signed(s, account_id, AgreementKind.REVENUE):
        raise ApiError(409, BANK_ACCOUNT_LOCKED)
    if account is None:
        if expected != 0:
            details = {"current": None, "expected_version": expected}
            raise ApiError(412, "VERSION_CONFLICT", details=details)
        account = BankAccount(account_id=account_id, locked=False, version=0, **clean, updated_at=iso(now))
        s.add(account)
    else:
        check_version("bank_account", account, expected, role)
        for field, value in clean.items():
            setattr(account, field, value)
        account.updated_at = iso(now)
    account.version += 1
    record_change(s, account_id, "bank_account", account_id, account.version)
    return account


def _signed(s: Session, account_id: str, kind: AgreementKind) -> bool:
    agreement = s.get(Agreement, agreement_id(account_id, kind.value))
    return agreement is not None and agreement.signed


def sign_agreement(s: Session, account_id: str, kind: AgreementKind, now: dt.datetime) -> Agreement:
    """The vendor signs an agreement (the marketplace records it); signing again changes nothing.
    The access agreement is onboarding's "agree" step (R-ACC-4); the revenue agreement locks the
    bank account (R-ACC-2); either may release earnings on hold (R-WDR-2)."""
    money = locked_money(s, account_id)
    agreement = s.get(Agreement, agreement_id(account_id, kind.value), with_for_update=True, populate_existing=True)
    if agreement is None:
        agreement = Agreement(id=agreement_id(account_id, kind.value), account_id=account_id, kind=kind.value,
                              signed=False, signed_at=None, version=0)  # fmt: skip
        s.add(agreement)
    if agreement.signed:
        return agreement
    agreement.signed, agreement.signed_at = True, iso(now)
    agreement.version += 1
    record_change(s, account_id, "agreement", agreement.id, agreement.version)
    if kind is AgreementKind.REVENUE:
        bank = s.get(BankAccount, account_id, with_for_update=True, populate_existing=True)
        if bank is not None and not bank.locked:
            bank.locked = True
            bank.version += 1
            record_change(s, account_id, "bank_account", account_id, bank.version)
    else:
        vendor = s.get(Vendor, account_id, with_for_update=True, populate_existing=True)
        assert vendor is not None  # the money row's foreign key
        vendor.onboarding = onboarding(True, profile_of(vendor))
        vendor.version += 1
        record_change(s, account_id, "vendor_profile", account_id, vendor.version)
    refresh_holds(s, account_id, money)
    return agreement
