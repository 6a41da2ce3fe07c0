"""Refunds (退款, SPEC §5): which rule a buyer's request falls under (R-REF-1…3) — the review
period's day-5 boundary in Beijing time, the fifth self-service refund counted with every vendor,
API and image never refundable, manual services before and after completion — the vendor's
decision and its checks (R-REF-4), and the order's state afterwards (R-REF-5)."""

from __future__ import annotations

import datetime as dt

import pytest

from vendor_desktop.domain.workdays import SHANGHAI

from .conftest import API, START, assert_error, bearer, entity_now, login, place_order, pull_all
from .invoice_helpers import issue, request_invoice
from .money_helpers import complete, earn, money_vendor
from .refund_helpers import ask_refund, asked, decide, deliver, order_now


def _owner(client, vendor):
    return bearer(login(client, vendor))


# --- R-REF-1: SaaS, the review period and the self-service limit ---------------------------------


def test_a_saas_refund_in_the_review_period_is_refunded_at_once_and_the_vendor_is_told(client, operator, seed):
    vendor = money_vendor(seed, seed=301)
    order = earn(client, operator, vendor, "saas", 12_000)
    refund = asked(client, operator, order["id"])
    data = refund["data"]
    assert (data["state"], data["rule"], data["amount_fen"], data["refunded_fen"]) == (
        "approved",
        "saas_self_service",
        12_000,
        12_000,
    )
    assert data["decided_at"] is not None and data["decided_by"] is None and data["decide_by"] is None
    owner = _owner(client, vendor)
    after = order_now(client, owner, order["id"])
    assert (after["state"], after["refunded_fen"]) == ("refunded", 12_000)
    changes, _ = pull_all(client, owner)
    told = [c["data"] for c in changes if c["entity"] == "message" and c["data"]["refund_id"] == refund["id"]]
    assert [m["kind"] for m in told] == ["refund_refunded"]


@pytest.mark.parametrize(
    ("paid_at", "asked_at", "rule"),
    [
        # Bought 7.1 at 23:30 Beijing: the review period is 7.1–7.5.
        ((2026, 7, 1, 23, 30), (2026, 7, 5, 23, 59), "saas_self_service"),
        ((2026, 7, 1, 23, 30), (2026, 7, 6, 0, 0), "saas_outside_review_period"),
        # 7.2 01:00 Beijing is still 7.1 in UTC: the purchase day is Beijing's, 7.2.
        ((2026, 7, 2, 1, 0), (2026, 7, 6, 23, 59), "saas_self_service"),
        ((2026, 7, 2, 1, 0), (2026, 7, 7, 0, 0), "saas_outside_review_period"),
    ],
)
def test_the_review_period_ends_at_midnight_beijing_of_the_fifth_day_after_payment(
    client, operator, seed, clock, paid_at, asked_at, rule
):
    """R-REF-1: the purchase day and the 4 days after it, counted from ``paid_at`` in Asia/Shanghai."""
    vendor = money_vendor(seed, seed=302)
    clock.set(dt.datetime(*paid_at, tzinfo=SHANGHAI))
    order = earn(client, operator, vendor, "saas", 9_900)
    clock.set(dt.datetime(*asked_at, tzinfo=SHANGHAI))
    data = asked(client, operator, order["id"])["data"]
    assert data["rule"] == rule
    assert data["state"] == ("approved" if rule == "saas_self_service" else "requested")
    assert order_now(client, _owner(client, vendor), order["id"])["state"] == (
        "refunded" if rule == "saas_self_service" else "refunding"
    )


def test_the_fifth_self_service_refund_is_negotiated_counting_other_vendors_refunds(client, operator, seed):
    """R-REF-1: a buyer account has four self-service refunds, marketplace-wide."""
    first, second = money_vendor(seed, seed=303), money_vendor(seed, seed=304)
    for vendor in (first, second, first, second):
        done = asked(client, operator, earn(client, operator, vendor, "saas", 5_000)["id"])["data"]
        assert done["rule"] == "saas_self_service"
    fifth = earn(client, operator, first, "saas", 5_000)
    data = asked(client, operator, fifth["id"])["data"]
    assert (data["rule"], data["state"], data["buyer_self_service_before"]) == ("saas_limit_reached", "requested", 4)
    assert data["decide_by"] is not None
    assert order_now(client, _owner(client, first), fifth["id"])["state"] == "refunding"


# --- R-REF-2: API and image ----------------------------------------------------------------------


@pytest.mark.parametrize("market", ["api", "image"])
def test_api_and_image_orders_are_not_refundable_and_nothing_changes(client, operator, seed, market):
    vendor = money_vendor(seed, seed=305)
    order = earn(client, operator, vendor, market, 3_000)
    err = assert_error(ask_refund(client, operator, order["id"]), 409, "NOT_REFUNDABLE")
    assert err["details"]["market"] == market
    owner = _owner(client, vendor)
    after = entity_now(client, owner, "order", order["id"])
    assert after is not None and after["version"] == order["version"]
    assert (after["data"]["state"], after["data"]["refunded_fen"]) == ("completed", 0)  # when paid, R-ORD-5
    changes, _ = pull_all(client, owner)
    assert [c for c in changes if c["entity"] == "refund"] == []


# --- R-REF-3/4/5: manual services and the vendor's decision --------------------------------------


def test_a_manual_service_before_completion_waits_for_the_vendor_by_the_decide_by_date(client, operator, seed):
    """R-REF-3, R-REF-4: asked on Thursday 2026-11-26: decide by Tuesday 12-01 (3 working days)."""
    vendor = money_vendor(seed, seed=306)
    order = earn(client, operator, vendor, "custom_service", 80_000)
    refund = asked(client, operator, order["id"], 30_000)
    data = refund["data"]
    assert (data["state"], data["rule"], data["order_state_before"]) == (
        "requested",
        "manual_before_completion",
        "paid",
    )
    assert (data["amount_fen"], data["paid_fen"], data["refunded_fen"]) == (30_000, 80_000, 0)
    assert (data["decide_by"], data["decide_by_approximate"]) == ("2026-12-01", False)
    owner = _owner(client, vendor)
    assert order_now(client, owner, order["id"])["state"] == "refunding"
    changes, _ = pull_all(client, owner)
    told = [c["data"] for c in changes if c["entity"] == "message" and c["data"]["refund_id"] == refund["id"]]
    assert [m["kind"] for m in told] == ["refund_requested"] and "2026-12-01" in told[0]["body"]


def test_a_manual_service_after_completion_is_negotiated(client, operator, seed):
    vendor = money_vendor(seed, seed=307)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "security", 40_000)
    assert deliver(client, owner, order).status_code == 200
    complete(client, operator, order["id"])
    data = asked(client, operator, order["id"])["data"]
    assert (data["rule"], data["order_state_before"], data["amount_fen"]) == (
        "manual_after_completion",
        "completed",
        40_000,
    )


def test_approving_refunds_what_the_buyer_asked_and_a_full_refund_makes_the_order_refunded(client, operator, seed):
    vendor = money_vendor(seed, seed=308)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 50_000)
    refund = asked(client, operator, order["id"])
    r = decide(client, owner, refund, "approve")
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert (r.json()["version"], data["state"], data["refunded_fen"]) == (2, "approved", 50_000)
    assert data["decided_by"] == login(client, vendor)["user"]["display_name"]
    after = order_now(client, owner, order["id"])
    assert (after["state"], after["refunded_fen"]) == ("refunded", 50_000)  # R-REF-5


def test_a_partial_refund_leaves_the_order_as_it_was_with_its_refunded_amount(client, operator, seed):
    vendor = money_vendor(seed, seed=309)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 50_000)
    assert deliver(client, owner, order).status_code == 200
    refund = asked(client, operator, order["id"])
    r = decide(client, owner, refund, "partial", amount_fen=20_000, reason="已完成一半的实施工作")
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert (data["state"], data["refunded_fen"], data["decision_reason"]) == ("partial", 20_000, "已完成一半的实施工作")
    after = order_now(client, owner, order["id"])
    assert (after["state"], after["refunded_fen"]) == ("delivering", 20_000)  # R-REF-5
    # What is left may be asked again, and only that.
    err = assert_error(ask_refund(client, operator, order["id"], 30_001), 422, "AMOUNT_EXCEEDS_PAID")
    assert err["details"]["refundable_fen"] == 30_000
    again = asked(client, operator, order["id"])["data"]
    assert again["amount_fen"] == 30_000 and again["order_state_before"] == "delivering"


def test_a_rejection_needs_a_reason_and_returns_the_order_to_its_state(client, operator, seed):
    vendor = money_vendor(seed, seed=310)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 50_000)
    refund = asked(client, operator, order["id"])
    for reason in (None, "", "   "):
        body = {} if reason is None else {"reason": reason}
        err = assert_error(decide(client, owner, refund, "reject", **body), 422, "VALIDATION_FAILED")
        assert err["details"]["codes"] == {"reason": "REASON_REQUIRED"}
    r = decide(client, owner, refund, "reject", reason="服务已按约定交付，不符合退款条件")
    assert r.status_code == 200, r.text
    assert (r.json()["data"]["state"], r.json()["data"]["refunded_fen"]) == ("rejected", 0)
    after = order_now(client, owner, order["id"])
    assert (after["state"], after["refunded_fen"]) == ("paid", 0)  # R-REF-5


def test_a_partial_amount_above_what_was_paid_is_refused_and_nothing_changes(client, operator, seed):
    vendor = money_vendor(seed, seed=311)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 50_000)
    refund = asked(client, operator, order["id"], 10_000)
    err = assert_error(decide(client, owner, refund, "partial", amount_fen=50_001), 422, "AMOUNT_EXCEEDS_PAID")
    assert err["details"]["refundable_fen"] == 50_000
    for amount in (None, 0, -5):
        body = {} if amount is None else {"amount_fen": amount}
        err = assert_error(decide(client, owner, refund, "partial", **body), 422, "VALIDATION_FAILED")
        assert err["details"]["codes"] == {"amount_fen": "AMOUNT_REQUIRED"}
    now = entity_now(client, owner, "refund", refund["id"])
    assert now is not None and (now["version"], now["data"]["state"]) == (1, "requested")
    assert order_now(client, owner, order["id"])["state"] == "refunding"
    # The whole paid amount is allowed (more than the buyer asked: the vendor may be generous).
    r = decide(client, owner, refund, "partial", amount_fen=50_000)
    assert r.status_code == 200 and order_now(client, owner, order["id"])["state"] == "refunded"


def test_a_decided_refund_cannot_be_decided_again_even_with_a_stale_version(client, operator, seed):
    vendor = money_vendor(seed, seed=312)
    owner = _owner(client, vendor)
    refund = asked(client, operator, earn(client, operator, vendor, "custom_service", 9_000)["id"])
    assert decide(client, owner, refund, "approve").status_code == 200
    err = assert_error(decide(client, owner, refund, "reject", reason="改主意了"), 409, "REFUND_STATE")
    assert err["details"]["state"] == "approved"
    # A stale If-Match on an undecided refund is a version conflict.
    other = asked(client, operator, earn(client, operator, vendor, "custom_service", 9_000)["id"])
    assert_error(decide(client, owner, other, "approve", if_match=7), 412, "VERSION_CONFLICT")
    assert_error(decide(client, owner, other, "approve", if_match=None), 428, "PRECONDITION_REQUIRED")


def test_a_retried_decision_is_applied_once(client, operator, seed):
    vendor = money_vendor(seed, seed=313)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 9_000)
    refund = asked(client, operator, order["id"])
    first = decide(client, owner, refund, "partial", amount_fen=4_000, key="decide-once")
    again = decide(client, owner, refund, "partial", amount_fen=4_000, key="decide-once")
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == first.json()
    assert order_now(client, owner, order["id"])["refunded_fen"] == 4_000


@pytest.mark.parametrize("step", ["unpaid", "cancelled", "refunding", "refunded"])
def test_orders_not_paid_or_already_being_refunded_cannot_be_refunded(client, operator, seed, step):
    vendor = money_vendor(seed, seed=314)
    if step in ("unpaid", "cancelled"):
        order = place_order(client, operator, vendor, listing=f"lst-{vendor['account_id']}-9")
        if step == "cancelled":
            client.post(f"{API}/sandbox/orders/{order['id']}/cancel", headers=operator)
    else:
        order = earn(client, operator, vendor, "custom_service", 9_000)
        refund = asked(client, operator, order["id"])
        if step == "refunded":
            assert decide(client, _owner(client, vendor), refund, "approve").status_code == 200
    err = assert_error(ask_refund(client, operator, order["id"]), 409, "ORDER_STATE")
    assert err["details"]["state"] == step


def test_an_invoice_already_issued_for_the_order_is_flagged(client, operator, seed):
    vendor = money_vendor(seed, seed=315)
    owner = _owner(client, vendor)
    order = earn(client, operator, vendor, "custom_service", 9_000)
    r = issue(client, owner, request_invoice(client, operator, order["id"]))
    assert r.status_code == 200, r.text
    assert asked(client, operator, order["id"])["data"]["invoice_issued"] is True
    plain = earn(client, operator, vendor, "custom_service", 9_000)
    assert asked(client, operator, plain["id"])["data"]["invoice_issued"] is False


def test_unknown_orders_and_refunds_are_404(client, operator, seed):
    vendor = money_vendor(seed, seed=316)
    assert_error(ask_refund(client, operator, "no-such-order"), 404, "NOT_FOUND")
    fake = {"id": "no-such-refund", "version": 1}
    assert_error(decide(client, _owner(client, vendor), fake, "approve"), 404, "NOT_FOUND")


def test_the_demo_has_requests_to_decide_one_of_them_late_and_a_self_service_refund(client, seed):
    """The seeded refunds: requests for manual services, mostly recent (decide-by not passed), one
    late; one SaaS refund done at once (R-REF-1); every order being refunded has its request."""
    vendor = seed(seed=2, orders=200)
    changes, _ = pull_all(client, _owner(client, vendor))
    refunds = [c["data"] for c in changes if c["entity"] == "refund"]
    orders = {c["id"]: c["data"] for c in changes if c["entity"] == "order"}
    requested = [r for r in refunds if r["state"] == "requested"]
    assert {r["order_id"] for r in requested} == {i for i, o in orders.items() if o["state"] == "refunding"}
    assert sum(r["rule"].startswith("manual") for r in requested) >= 3
    late = [r for r in requested if r["decide_by"] < START.date().isoformat()]
    assert len(late) == 1
    assert any(r["rule"] == "saas_self_service" and r["state"] == "approved" for r in refunds)
    for r in refunds:
        assert orders[r["order_id"]]["refunded_fen"] == r["refunded_fen"]
        assert r["order_state_before"] != "refunding"
