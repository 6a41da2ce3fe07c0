"""Request and response bodies of the sandbox controls (``/sandbox/*``): seeding, buyers' orders, the clock."""

from __future__ import annotations

from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field

from vendor_desktop.domain.deposit import DEPOSIT_MAXIMUM_FEN
from vendor_desktop.domain.markets import BillingMode

from ..core.schemas import AccountId, Fen, Moment, Str64, StrictBody


class SeedRequest(StrictBody):
    orders: int = Field(200, ge=0, le=200_000)
    listings: int = Field(20, ge=0, le=2_000)
    seed: int = Field(1, ge=0, le=2**53)
    agreements: list[Literal["access", "revenue"]] = Field(default_factory=lambda: ["access", "revenue"], max_length=2)
    balance_fen: Fen = Field(0, strict=True)
    # R-DEP-4: a deposit never exceeds tier 3, seeded or paid.
    deposit_paid_fen: int = Field(0, strict=True, ge=0, le=DEPOSIT_MAXIMUM_FEN)
    account_id: AccountId | None = None
    bank_account: bool = Field(
        True, strict=True, description="a bank account on file (false: withdrawals are BANK_ACCOUNT_MISSING)"
    )
    withdrawals: int = Field(
        0, strict=True, ge=0, le=2, description="past withdrawals in its history: 1 = one paid, 2 = also one processing"
    )


class SeededUser(BaseModel):
    username: str
    password: str
    role: str


class SeedResponse(BaseModel):
    account_id: str
    company_name: str
    users: list[SeededUser]
    listings: int
    orders: int
    invoices: int = Field(description="invoice requests on its paid orders, in every state (R-INV-1)")


class SandboxOrderRequest(StrictBody):
    account_id: Str64
    listing_id: Str64
    buyer_account_id: AccountId
    billing_mode: BillingMode | None = None


class ClockRequest(StrictBody):
    now: Moment = Field(description="the moment to set, with offset, e.g. 2026-11-26T09:00:00+08:00")


class ClockResponse(BaseModel):
    now: AwareDatetime


class EpochResponse(BaseModel):
    epoch: int
