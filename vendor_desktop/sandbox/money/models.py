"""The money's tables (资金管理) and how each syncs: the vendor's money row (the ``deposit`` entity:
balance and deposit summary), earnings per market, deposit payments, withdrawals and the ledger.

Amounts are integer fen. Every movement writes a ledger entry (资金流水) in the same transaction,
so the books can be checked against the sums: the balance is the sum of its book's entries, and
each market's withdrawable the sum of its own.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vendor_desktop.domain.deposit import (
    deposit_outstanding_fen,
    deposit_required_fen,
    markets_covered,
    required_tier,
    tier_covered,
)

from ..core import entities
from ..core.base import Base


class Money(Base):
    """One per vendor: the account balance (账户余额) and the deposit paid (已缴). It is also the
    row every money move locks (DESIGN.md), so two moves of one vendor's money never interleave."""

    __tablename__ = "money"
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), primary_key=True)
    balance_fen: Mapped[int] = mapped_column(BigInteger)
    deposit_paid_fen: Mapped[int] = mapped_column(BigInteger)
    # R-DEP-2: the markets with revenue, SPEC §1 order (kept here so the summary needs no query).
    revenue_markets: Mapped[list[str]] = mapped_column(JSON)
    receipts_issued: Mapped[int] = mapped_column(Integer)  # the sequence of receipt numbers (R-DEP-6)
    ledger_written: Mapped[int] = mapped_column(Integer)  # the last ledger entry's seq
    version: Mapped[int] = mapped_column(Integer)


def deposit_data(m: Any) -> dict[str, Any]:
    """R-DEP-2/3: the summary, computed from what is paid and where there is revenue."""
    required = deposit_required_fen(m.revenue_markets)
    return {
        "balance_fen": m.balance_fen,
        "paid_fen": m.deposit_paid_fen,
        "required_fen": required,
        "outstanding_fen": deposit_outstanding_fen(required, m.deposit_paid_fen),
        "tier": tier_covered(m.deposit_paid_fen),
        "required_tier": required_tier(m.revenue_markets),
        "covered_markets": list(markets_covered(m.deposit_paid_fen)),
        "revenue_markets": list(m.revenue_markets),
    }


DEPOSIT = entities.register(entities.EntityKind("deposit", Money, Money.account_id, deposit_data))


class Earning(Base):
    """R-WDR-1/2: one market's earnings (收益), id ``<account id>:<market>``."""

    __tablename__ = "earnings"
    id: Mapped[str] = mapped_column(String(110), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    market: Mapped[str] = mapped_column(String(40))
    earned_fen: Mapped[int] = mapped_column(BigInteger)
    pending_fen: Mapped[int] = mapped_column(BigInteger)
    withdrawable_fen: Mapped[int] = mapped_column(BigInteger)
    in_flight_fen: Mapped[int] = mapped_column(BigInteger)
    paid_out_fen: Mapped[int] = mapped_column(BigInteger)
    owed_fen: Mapped[int] = mapped_column(BigInteger)
    blocked_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    version: Mapped[int] = mapped_column(Integer)


EARNING = entities.register(entities.EntityKind("earning", Earning, Earning.id, entities.synced_reader("earning")))


class DepositPayment(Base):
    """R-DEP-5/6: one payment of deposit from the balance, with its receipt (缴纳凭证)."""

    __tablename__ = "deposit_payments"
    __table_args__ = (UniqueConstraint("account_id", "receipt_number"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    receipt_number: Mapped[str] = mapped_column(String(32))
    paid_at: Mapped[str] = mapped_column(String(40))
    paid_fen_after: Mapped[int] = mapped_column(BigInteger)
    tier_after: Mapped[int] = mapped_column(Integer)
    paid_by: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)


DEPOSIT_PAYMENT = entities.register(
    entities.EntityKind("deposit_payment", DepositPayment, DepositPayment.id, entities.synced_reader("deposit_payment"))
)


class Withdrawal(Base):
    """R-WDR-2..5: a withdrawal (提现) to the bank account on file, drawn from some markets."""

    __tablename__ = "withdrawals"
    __table_args__ = (Index("ix_withdrawals_due", "account_id", "state", "processing_on"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    state: Mapped[str] = mapped_column(String(20))
    requested_at: Mapped[str] = mapped_column(String(40))
    # The Beijing date it becomes processing: the first working day after the request.
    processing_on: Mapped[str] = mapped_column(String(10))
    expected_from: Mapped[str] = mapped_column(String(10))
    expected_until: Mapped[str] = mapped_column(String(10))
    expected_approximate: Mapped[bool] = mapped_column(Boolean)
    draws: Mapped[dict[str, int]] = mapped_column(JSON)
    bank_account: Mapped[str] = mapped_column(String(200))  # bank name and masked number
    requested_by: Mapped[str] = mapped_column(String(100))
    processing_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    settled_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    failure_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)
    version: Mapped[int] = mapped_column(Integer)


WITHDRAWAL = entities.register(
    entities.EntityKind("withdrawal", Withdrawal, Withdrawal.id, entities.synced_reader("withdrawal"))
)


class LedgerEntry(Base):
    """One money movement (资金流水), domain.earnings.LedgerKind; ``seq`` orders a vendor's entries
    as they were written, which is the order ``balance_after_fen`` follows."""

    __tablename__ = "ledger_entries"
    __table_args__ = (UniqueConstraint("account_id", "seq"),)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    balance_after_fen: Mapped[int] = mapped_column(BigInteger)
    market: Mapped[str | None] = mapped_column(String(40), nullable=True)
    order_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    withdrawal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    receipt_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    at: Mapped[str] = mapped_column(String(40))
    # A refund's entry (SPEC §5, R-WDR-1; migration 0006): the refund, and what withdrawable could
    # not cover, now owed (待扣回).
    refund_id: Mapped[str | None] = mapped_column(String(64), nullable=True, default=None)
    owed_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True, default=None)
    version: Mapped[int] = mapped_column(Integer)


LEDGER_ENTRY = entities.register(
    entities.EntityKind("ledger_entry", LedgerEntry, LedgerEntry.id, entities.synced_reader("ledger_entry"))
)
