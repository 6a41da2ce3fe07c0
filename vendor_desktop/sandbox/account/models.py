"""The vendor's bank account (银行账户) and agreements (接入协议, 收益补充协议), and how they sync.
The profile itself is the ``vendors`` row (core/database.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from vendor_desktop.domain.account import mask_account_number
from vendor_desktop.domain.roles import Role

from ..core import entities
from ..core.base import Base


class BankAccount(Base):
    """R-ACC-2, R-WDR-4: where withdrawals go; one per vendor, id = the account id."""

    __tablename__ = "bank_accounts"
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    bank: Mapped[str] = mapped_column(String(50))
    branch: Mapped[str] = mapped_column(String(100))
    account_number: Mapped[str] = mapped_column(String(30))
    locked: Mapped[bool] = mapped_column(Boolean)  # R-ACC-2: the revenue agreement is signed
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)


def bank_account_as_seen_by(data: dict[str, Any], role: str | None) -> dict[str, Any]:
    """SPEC §11: only the main account sees the whole number; everyone else its last four digits."""
    if role == Role.OWNER:
        return data
    return {**data, "account_number": mask_account_number(data["account_number"])}


BANK_ACCOUNT = entities.register(
    entities.EntityKind(
        "bank_account",
        BankAccount,
        BankAccount.account_id,
        entities.synced_reader("bank_account"),
        view=bank_account_as_seen_by,
    )
)


class Agreement(Base):
    """R-WDR-2, R-ACC-2/4: one agreement of a vendor, id ``<account id>:<kind>``."""

    __tablename__ = "agreements"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("vendors.account_id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    signed: Mapped[bool] = mapped_column(Boolean)
    signed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    version: Mapped[int] = mapped_column(Integer)


AGREEMENT = entities.register(
    entities.EntityKind("agreement", Agreement, Agreement.id, entities.synced_reader("agreement"))
)
