"""Synced money rows for the Money area's tests, written into a real cache file (issue 13)."""

from __future__ import annotations

import datetime as dt

from vendor_desktop.domain.roles import Role, permissions_for
from vendor_desktop.sync.client import SignedInUser

SH = dt.timezone(dt.timedelta(hours=8))
ACCOUNT = "V20261126"


def user(role: Role) -> SignedInUser:
    return SignedInUser(
        "u1", role.value, f"{role.value} 小王", role.value, frozenset(p.value for p in permissions_for(role)), ACCOUNT
    )


def change(entity: str, id_: str, data: dict, version: int = 1) -> dict:
    return {"entity": entity, "id": id_, "version": version, "deleted": False, "data": data}


def deposit(*, balance_fen=150_000, paid_fen=100_000, tier=1, revenue=("api", "saas")) -> dict:
    from vendor_desktop.domain.deposit import deposit_required_fen, markets_covered, required_tier

    required = deposit_required_fen(revenue)
    return change("deposit", ACCOUNT, {
        "balance_fen": balance_fen, "paid_fen": paid_fen, "required_fen": required,
        "outstanding_fen": max(0, required - paid_fen), "tier": tier, "required_tier": required_tier(revenue),
        "covered_markets": list(markets_covered(paid_fen)), "revenue_markets": list(revenue),
    })  # fmt: skip


def earning(market: str, *, withdrawable=0, pending=0, blocked=None, in_flight=0, paid_out=0, owed=0) -> dict:
    return change("earning", f"{ACCOUNT}:{market}", {
        "market": market, "earned_fen": withdrawable + pending + in_flight + paid_out, "pending_fen": pending,
        "withdrawable_fen": withdrawable, "in_flight_fen": in_flight, "paid_out_fen": paid_out, "owed_fen": owed,
        "blocked_reason": blocked,
    })  # fmt: skip


def agreement(kind: str, signed: bool = True) -> dict:
    return change("agreement", f"{ACCOUNT}:{kind}", {
        "kind": kind, "signed": signed, "signed_at": "2026-10-01T10:00:00+08:00" if signed else None,
    })  # fmt: skip


def bank_account() -> dict:
    return change("bank_account", ACCOUNT, {
        "holder": "北京云栈科技有限公司", "bank": "招商银行", "branch": "北京分行中关村支行",
        "account_number": "**** 1234", "locked": True, "updated_at": "2026-10-01T10:00:00+08:00",
    })  # fmt: skip


def payment(n: int, amount_fen: int, paid_after: int, tier_after: int) -> dict:
    return change("deposit_payment", f"dp{n}", {
        "amount_fen": amount_fen, "receipt_number": f"BZJ2026112900000{n}",
        "paid_at": f"2026-11-{10 + n:02d}T09:30:00+08:00", "paid_fen_after": paid_after, "tier_after": tier_after,
        "paid_by": "财务 小王",
    })  # fmt: skip


def withdrawal(n: int, *, amount_fen=50_000, state="paid", day=1, failure=None) -> dict:
    requested = dt.datetime(2026, 10, 1, 10, 0, tzinfo=SH) + dt.timedelta(days=day, minutes=n)
    return change("withdrawal", f"w{n:05d}", {
        "amount_fen": amount_fen, "state": state, "requested_at": requested.isoformat(),
        "expected_from": "2026-12-18", "expected_until": "2026-12-25", "expected_approximate": False,
        "draws": {"api": amount_fen}, "bank_account": "招商银行 **** 1234", "requested_by": "财务 小王",
        "processing_at": None,
        "settled_at": None if state in ("requested", "processing") else (requested + dt.timedelta(days=20)).isoformat(),
        "failure_reason": failure,
    })  # fmt: skip


def a_vendor() -> list[dict]:
    """Tier 1 paid (¥1,000.00), revenue in API (tier 2) and SaaS (tier 3) markets, ¥1,500.00 balance:
    the API market's earnings and the SaaS market's are both on hold for the deposit."""
    return [
        deposit(),
        earning("image", withdrawable=120_000, paid_out=50_000),
        earning("api", withdrawable=80_000, pending=0, blocked="deposit_not_covered"),
        earning("saas", withdrawable=30_000, pending=20_000, blocked="deposit_not_covered", owed=1_000),
        agreement("access"),
        agreement("revenue"),
        bank_account(),
        payment(1, 100_000, 100_000, 1),
        withdrawal(1, state="paid"),
        withdrawal(2, state="failed", day=2, failure="银行账户信息有误"),
        withdrawal(3, state="processing", day=3),
    ]
