"""The demo vendor's account (账户信息): a contact phone, its agreements and a bank account on
file. Plain rows for the seeder's bulk inserts; deterministic per seed (their own random stream,
so the rest of a seed's data stays as it was)."""

from __future__ import annotations

import random
from typing import Any

from vendor_desktop.domain.earnings import AgreementKind

from .rules import agreement_id

_BANKS = ("招商银行", "中国工商银行", "中国建设银行", "中国银行", "交通银行", "浦发银行")


def contact_phone(seed: int) -> str:
    """The contact's mainland mobile number (R-ACC-1)."""
    rng = random.Random(f"contact:{seed}")
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def agreement_rows(account_id: str, signed: list[str], at: str) -> list[dict[str, Any]]:
    """Both agreements, signed as the seed asks (R-WDR-2)."""
    return [
        {
            "id": agreement_id(account_id, kind.value),
            "account_id": account_id,
            "kind": kind.value,
            "signed": kind.value in signed,
            "signed_at": at if kind.value in signed else None,
            "version": 1,
        }
        for kind in AgreementKind
    ]


def bank_account_row(seed: int, account_id: str, holder: str, city: str, locked: bool, at: str) -> dict[str, Any]:
    """A bank account on file in the company's name (R-WDR-4); locked once the revenue agreement
    is signed (R-ACC-2)."""
    rng = random.Random(f"bank:{seed}")
    return {
        "account_id": account_id,
        "holder": holder,
        "bank": rng.choice(_BANKS),
        "branch": f"{city}{rng.choice(('高新', '滨江', '城西', '开发区', '科技园'))}支行",
        "account_number": "6" + "".join(str(rng.randrange(10)) for _ in range(15 + rng.randrange(4))),
        "locked": locked,
        "updated_at": at,
        "version": 1,
    }
