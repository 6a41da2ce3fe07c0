"""The deposit (保证金, SPEC §7): what is required by the markets with revenue (R-DEP-2), the tier
the paid deposit covers (R-DEP-3), paying ahead up to tier 3 (R-DEP-4), all or nothing from the
balance (R-DEP-5), and a receipt with a ledger entry for each payment (R-DEP-6)."""

from __future__ import annotations

import re
import uuid

from .conftest import assert_error, bearer, login
from .money_helpers import (
    assert_books_balance,
    earn,
    money_of,
    money_vendor,
    owner_of,
    pay_deposit,
    top_up,
)


def test_required_deposit_follows_the_highest_tier_among_markets_with_revenue(client, operator, seed):
    """R-DEP-2: no revenue, nothing required; an image sale requires tier 1; an API sale tier 2;
    outstanding is what the paid deposit lacks of it."""
    vendor = money_vendor(seed, seed=21, balance_fen=0, deposit_paid_fen=100_000)
    owner = owner_of(client, vendor)
    summary = money_of(client, owner)["deposit"]
    assert (summary["required_fen"], summary["required_tier"], summary["outstanding_fen"]) == (0, 0, 0)
    assert summary["tier"] == 1 and summary["covered_markets"] == ["image", "ops_image_maintenance"]
    earn(client, operator, vendor, "image", 5_000)
    summary = money_of(client, owner)["deposit"]
    assert (summary["required_fen"], summary["required_tier"], summary["outstanding_fen"]) == (100_000, 1, 0)
    earn(client, operator, vendor, "api", 8_000)
    summary = money_of(client, owner)["deposit"]
    assert (summary["required_fen"], summary["required_tier"], summary["outstanding_fen"]) == (200_000, 2, 100_000)
    assert summary["revenue_markets"] == ["image", "api"]


def test_paying_ahead_reaches_tier_3_and_covers_every_market(client, operator, seed):
    """R-DEP-3/4: the vendor pays ahead for markets it plans to enter; tier 3 covers them all."""
    vendor = money_vendor(seed, seed=22, balance_fen=600_000)
    owner = owner_of(client, vendor)
    r = pay_deposit(client, owner, 200_000)
    assert r.status_code == 201, r.text
    assert r.json()["data"]["tier_after"] == 2 and r.json()["data"]["paid_fen_after"] == 200_000
    r = pay_deposit(client, owner, 300_000)
    assert r.status_code == 201, r.text
    money = money_of(client, owner)
    assert money["deposit"]["paid_fen"] == 500_000 and money["deposit"]["tier"] == 3
    assert money["deposit"]["balance_fen"] == 100_000
    assert len(money["deposit"]["covered_markets"]) == 10
    assert_books_balance(money)


def test_a_payment_above_tier_3_is_refused_with_the_most_still_payable(client, seed):
    """R-DEP-4: paid + amount may not pass ¥5,000.00; nothing changes."""
    vendor = money_vendor(seed, seed=23, balance_fen=900_000, deposit_paid_fen=200_000)
    owner = owner_of(client, vendor)
    err = assert_error(pay_deposit(client, owner, 300_001), 422, "DEPOSIT_ABOVE_MAXIMUM")
    assert err["details"]["most_payable_fen"] == 300_000
    assert money_of(client, owner)["deposit"]["paid_fen"] == 200_000
    assert pay_deposit(client, owner, 300_000).status_code == 201
    err = assert_error(pay_deposit(client, owner, 1), 422, "DEPOSIT_ABOVE_MAXIMUM")
    assert err["details"]["most_payable_fen"] == 0


def test_a_payment_the_balance_cannot_cover_is_refused_whole(client, operator, seed):
    """R-DEP-5: no partial payment: the vendor must top up first; then it goes through."""
    vendor = money_vendor(seed, seed=24, balance_fen=150_000)
    owner = owner_of(client, vendor)
    err = assert_error(pay_deposit(client, owner, 200_000), 422, "INSUFFICIENT_BALANCE")
    assert err["details"] == {"balance_fen": 150_000, "short_fen": 50_000}
    money = money_of(client, owner)
    assert (money["deposit"]["balance_fen"], money["deposit"]["paid_fen"], money["payments"]) == (150_000, 0, [])
    top_up(client, operator, vendor, 50_000)
    assert pay_deposit(client, owner, 200_000).status_code == 201
    money = money_of(client, owner)
    assert (money["deposit"]["balance_fen"], money["deposit"]["paid_fen"]) == (0, 200_000)
    assert [e["kind"] for e in money["ledger"]] == ["top_up", "top_up", "deposit_payment"]
    assert_books_balance(money)


def test_each_payment_has_its_own_receipt_and_ledger_entry(client, seed):
    """R-DEP-6: receipt numbers are unique per vendor (BZJ, the Beijing date, a sequence), and the
    ledger entry names the receipt; the payment says who paid it."""
    vendor = money_vendor(seed, seed=25, balance_fen=300_000)
    finance = bearer(login(client, vendor, "finance"))
    answers = [pay_deposit(client, finance, amount) for amount in (100_000, 50_000, 50_000)]
    assert [a.status_code for a in answers] == [201, 201, 201]
    receipts = [a.json()["data"]["receipt_number"] for a in answers]
    assert len(set(receipts)) == 3 and all(re.fullmatch(r"BZJ20261126\d{6}", r) for r in receipts)
    money = money_of(client, owner_of(client, vendor))
    assert [e["receipt_number"] for e in money["ledger"] if e["kind"] == "deposit_payment"] == receipts
    assert {p["paid_by"] for p in money["payments"]} == {login(client, vendor, "finance")["user"]["display_name"]}
    assert [p["paid_fen_after"] for p in money["payments"]] == [100_000, 150_000, 200_000]


def test_a_seeded_vendor_starts_with_its_balance_and_deposit_explained(client, seed):
    """A seed's balance and deposit arrive as a top-up and a deposit payment, so the books balance."""
    vendor = money_vendor(seed, seed=26, balance_fen=800_000, deposit_paid_fen=200_000)
    money = money_of(client, owner_of(client, vendor))
    assert (money["deposit"]["balance_fen"], money["deposit"]["paid_fen"], money["deposit"]["tier"]) == (
        800_000,
        200_000,
        2,
    )
    assert [(e["kind"], e["amount_fen"]) for e in money["ledger"]] == [
        ("top_up", 1_000_000),
        ("deposit_payment", -200_000),
    ]
    assert len(money["payments"]) == 1 and money["payments"][0]["receipt_number"].startswith("BZJ")
    assert_books_balance(money)


def test_only_owner_and_finance_pay_and_operations_reads_only_the_summary(client, seed):
    """SPEC §11: operations reads the deposit summary (for the deposit preview) but not the money
    behind it, and may not pay; support and viewer see none of it."""
    vendor = money_vendor(seed, seed=27, balance_fen=300_000)
    for role in ("operations", "support", "viewer"):
        assert_error(pay_deposit(client, owner_of(client, vendor, role), 100_000), 403, "PERMISSION_DENIED")
    operations = money_of(client, owner_of(client, vendor, "operations"))
    assert operations["deposit"]["balance_fen"] == 300_000
    assert operations["ledger"] == [] and operations["payments"] == [] and operations["bank_account"] is None
    assert money_of(client, owner_of(client, vendor, "support"))["deposit"] is None
    assert money_of(client, owner_of(client, vendor))["deposit"]["paid_fen"] == 0


def test_a_payment_retried_with_the_same_key_is_made_once(client, seed):
    """A payment whose answer was lost is sent again with its key: the first answer comes back
    (the same receipt) and the balance is drawn once."""
    vendor = money_vendor(seed, seed=28, balance_fen=300_000)
    owner = owner_of(client, vendor)
    key = str(uuid.uuid4())
    first, again = pay_deposit(client, owner, 100_000, key=key), pay_deposit(client, owner, 100_000, key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers.get("Idempotent-Replayed") == "true"
    money = money_of(client, owner)
    assert (money["deposit"]["balance_fen"], money["deposit"]["paid_fen"], len(money["payments"])) == (
        200_000,
        100_000,
        1,
    )
