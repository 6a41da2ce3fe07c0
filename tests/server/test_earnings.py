"""Earnings (收益, SPEC §8 R-WDR-1/2): a paid order's money is earned in its market, pending
settlement (待结算) until it can no longer be refunded without negotiation — API and image at
once, SaaS when the review period ends, manual services when completed — then withdrawable; and
a market's earnings are on hold (暂不可提现) while an agreement is unsigned or the paid deposit
does not cover the market, released when that changes. Settling follows the sandbox clock."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import START
from .money_helpers import (
    assert_books_balance,
    complete,
    earn,
    money_of,
    money_vendor,
    owner_of,
    pay_deposit,
    set_clock,
    sign,
)


def _earning(client, headers, market):
    return money_of(client, headers)["earnings"][market]


def test_api_and_image_money_is_withdrawable_once_paid(client, operator, seed):
    vendor = money_vendor(seed, seed=31, deposit_paid_fen=200_000)
    owner = owner_of(client, vendor)
    order = earn(client, operator, vendor, "api", 12_345)
    earn(client, operator, vendor, "image", 1_000)
    money = money_of(client, owner)
    api = money["earnings"]["api"]
    assert (api["earned_fen"], api["pending_fen"], api["withdrawable_fen"], api["blocked_reason"]) == (
        12_345,
        0,
        12_345,
        None,
    )
    settled = [e for e in money["ledger"] if e["kind"] == "order_settled"]
    assert [(e["market"], e["amount_fen"], e["order_number"]) for e in settled] == [
        ("api", 12_345, order["data"]["number"]),
        ("image", 1_000, settled[1]["order_number"]),
    ]
    assert_books_balance(money)


def test_saas_money_waits_for_the_review_period_and_a_pull_settles_it(client, operator, seed, clock):
    """R-WDR-1 with R-REF-1: paid 2026-11-26 → review period 11-26 … 11-30 → withdrawable from
    12-01 00:00 Beijing time. Nothing runs in the background: the pull itself brings the account
    up to the clock."""
    vendor = money_vendor(seed, seed=32, deposit_paid_fen=500_000)
    owner = owner_of(client, vendor)
    earn(client, operator, vendor, "saas", 99_900)
    assert _earning(client, owner, "saas")["pending_fen"] == 99_900
    clock.set(dt.datetime(2026, 11, 30, 23, 59, 59, tzinfo=SHANGHAI))
    owner = owner_of(client, vendor)  # the clock moved past the access token's life
    saas = _earning(client, owner, "saas")
    assert (saas["pending_fen"], saas["withdrawable_fen"]) == (99_900, 0)
    clock.set(dt.datetime(2026, 12, 1, 0, 0, tzinfo=SHANGHAI))  # the clock alone, no control
    money = money_of(client, owner_of(client, vendor))
    assert (money["earnings"]["saas"]["pending_fen"], money["earnings"]["saas"]["withdrawable_fen"]) == (0, 99_900)
    entry = next(e for e in money["ledger"] if e["kind"] == "order_settled")
    assert entry["at"] == "2026-12-01T00:00:00+08:00" and entry["balance_after_fen"] == 99_900
    assert_books_balance(money)


def test_a_manual_service_settles_when_completed_not_by_time(client, operator, seed):
    vendor = money_vendor(seed, seed=33, deposit_paid_fen=500_000)
    owner = owner_of(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 300_000)
    set_clock(client, operator, START + dt.timedelta(days=60))
    owner = owner_of(client, vendor)  # the clock moved past the access token's life
    assert _earning(client, owner, "custom_service")["pending_fen"] == 300_000
    complete(client, operator, order["id"])
    earning = _earning(client, owner, "custom_service")
    assert (earning["pending_fen"], earning["withdrawable_fen"]) == (0, 300_000)


def test_the_clock_control_settles_every_vendor(client, operator, seed):
    first = money_vendor(seed, seed=34)
    second = money_vendor(seed, seed=35)
    for vendor in (first, second):
        earn(client, operator, vendor, "saas", 5_000)
    set_clock(client, operator, START + dt.timedelta(days=6))
    for vendor in (first, second):
        assert _earning(client, owner_of(client, vendor), "saas")["withdrawable_fen"] == 5_000


def test_earnings_are_held_until_both_agreements_are_signed_and_the_deposit_covers_the_market(client, operator, seed):
    """R-WDR-2: agreements first (without them nothing can be withdrawn anywhere), then the
    deposit's tier (R-DEP-3); each change gives every earning a new version with its reason."""
    vendor = money_vendor(seed, seed=36, agreements=[], balance_fen=500_000)
    owner = owner_of(client, vendor)
    earn(client, operator, vendor, "image", 1_000)
    earn(client, operator, vendor, "api", 2_000)
    reasons = lambda: {m: e["blocked_reason"] for m, e in money_of(client, owner)["earnings"].items()}  # noqa: E731
    assert reasons() == {"image": "agreement_not_signed", "api": "agreement_not_signed"}
    assert sign(client, operator, vendor, "access").status_code == 200
    assert reasons() == {"image": "agreement_not_signed", "api": "agreement_not_signed"}
    assert sign(client, operator, vendor, "revenue").status_code == 200
    assert reasons() == {"image": "deposit_not_covered", "api": "deposit_not_covered"}
    assert pay_deposit(client, owner, 100_000).status_code == 201  # tier 1: image only
    assert reasons() == {"image": None, "api": "deposit_not_covered"}
    assert pay_deposit(client, owner, 100_000).status_code == 201  # tier 2: api too
    assert reasons() == {"image": None, "api": None}


def test_signing_an_agreement_again_changes_nothing(client, operator, seed):
    vendor = money_vendor(seed, seed=37, agreements=["access"])
    first = sign(client, operator, vendor, "revenue")
    again = sign(client, operator, vendor, "revenue")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json() and first.json()["data"]["signed"] is True
    assert first.json()["id"] == f"{vendor['account_id']}:revenue"


def test_a_pull_with_nothing_due_stays_a_read(client, operator, seed):
    """Settling is lazy, but a pull takes the write lock only when something is due: money still
    pending before its time writes nothing."""
    vendor = money_vendor(seed, seed=38)
    earn(client, operator, vendor, "saas", 5_000)  # due only after the review period
    owner = owner_of(client, vendor)
    seen: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        seen.append(statement.split(None, 1)[0].upper())

    engine = client.app.state.db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert money_of(client, owner)["earnings"]["saas"]["pending_fen"] == 5_000
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert "SELECT" in seen and not {"UPDATE", "INSERT", "DELETE"} & set(seen)
