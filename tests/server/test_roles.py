"""What each role receives from /sync/changes: exactly what SPEC §11's table lets it read.

One test per role names the full set of entity kinds and of message kinds it receives, so a new
entity or message that leaks to a role (or goes missing for one) fails here. A message about an
entity reaches only roles that read that entity.
"""

from __future__ import annotations

import json

import pytest

from .conftest import bearer, login, pull_all, send

ORDER_MESSAGES = {"new_order", "order_paid"}
LISTING_MESSAGES = {"listing_approved", "listing_rejected"}
INVOICE_MESSAGES = {"invoice_requested", "invoice_revoked"}
REFUND_MESSAGES = {"refund_requested"}  # the seeded vendor's one request (no SaaS refund in its 30 orders)

# role → (entity kinds, message kinds) it receives from a seeded vendor. Invoices and their
# messages reach owner, finance and support (SPEC §11), not operations or viewer.
# Everyone reads the profile and the agreements; the deposit summary reaches owner, finance and
# operations; the money behind it and the bank account only owner and finance.
# Every role receives its own activity log (SPEC §11), once it has made a command.
EVERYONE = {"vendor_profile", "agreement", "message", "activity"}
MONEY = {"deposit", "deposit_payment", "earning", "withdrawal", "ledger_entry", "bank_account"}
# Tickets (R-TKT-1) reach every role but viewer.
RECEIVES = {
    "owner": (
        # R-SUB-1: the sub-accounts (its own row too) reach the owner alone.
        EVERYONE | MONEY | {"listing", "order", "discount", "invoice", "refund", "ticket", "sub_account"},
        ORDER_MESSAGES | LISTING_MESSAGES | INVOICE_MESSAGES | REFUND_MESSAGES,
    ),
    "operations": (
        EVERYONE | {"deposit", "listing", "order", "discount", "ticket"},
        ORDER_MESSAGES | LISTING_MESSAGES,
    ),
    # SPEC §11: refunds (and their messages) reach owner, finance and support.
    "finance": (EVERYONE | MONEY | {"invoice", "refund", "ticket"}, INVOICE_MESSAGES | REFUND_MESSAGES),
    "support": (
        EVERYONE | {"order", "invoice", "refund", "ticket"},
        ORDER_MESSAGES | INVOICE_MESSAGES | REFUND_MESSAGES,
    ),
    "viewer": (EVERYONE | {"listing", "order"}, ORDER_MESSAGES | LISTING_MESSAGES),
}


def _received(client, vendor, role):
    changes, _ = pull_all(client, bearer(login(client, vendor, role)))
    kinds = {c["entity"] for c in changes}
    messages = {c["data"]["kind"] for c in changes if c["entity"] == "message"}
    return changes, kinds, messages


@pytest.mark.parametrize("role", sorted(RECEIVES))
def test_each_role_receives_exactly_what_it_may_read(client, seed, role):
    # 14 listings: a rejected one too, with its message; a deposit paid and withdrawals: every money kind.
    vendor = seed(seed=1, listings=14, deposit_paid_fen=500_000, withdrawals=2)
    # One command of the role's own (refused: more than any deposit, or a role that may not pay),
    # so its activity log has an entry; the seeded vendor may have none yet.
    r = send(client, "POST", "/deposit/payments", bearer(login(client, vendor, role)), json={"amount_fen": 10**9})
    assert r.status_code in {403, 422}, r.text
    _, kinds, messages = _received(client, vendor, role)
    assert (kinds, messages) == RECEIVES[role]


def test_finance_receives_no_order_details_in_any_form(client, vendor):
    """Finance may not read orders: no order number, buyer or listing of one reaches it, not even
    inside a message's text; except the number of an order it has an invoice for, which the
    invoice carries so finance can work without reading orders (SPEC §11), and of one whose money
    settled, which its ledger entry names (资金流水, API.md ``ledger_entry``), and of one a ticket is
    about (工单: the vendor's own staff wrote it, and finance reads tickets, R-TKT-1)."""
    owner_changes, _, _ = _received(client, vendor, "owner")
    orders = [c["data"] for c in owner_changes if c["entity"] == "order"]
    finance_changes, _, _ = _received(client, vendor, "finance")
    invoiced = {c["data"]["order_number"] for c in finance_changes if c["entity"] == "invoice"}
    invoiced |= {c["data"]["order_number"] for c in finance_changes if c["entity"] == "ledger_entry"} - {None}
    invoiced |= {c["data"]["order_number"] for c in finance_changes if c["entity"] == "ticket"} - {None}
    # And of one being refunded: the refund carries it too (finance reads refunds, SPEC §11).
    invoiced |= {c["data"]["order_number"] for c in finance_changes if c["entity"] == "refund"}
    assert invoiced and len(invoiced) < len(orders)
    text = json.dumps(finance_changes, ensure_ascii=False)
    for order in orders:
        assert (order["number"] in text) is (order["number"] in invoiced)
        assert order["buyer_name"] not in text


def test_support_receives_no_listing_review_messages(client, vendor):
    _, _, messages = _received(client, vendor, "support")
    assert messages and not messages & LISTING_MESSAGES


# --- refunds, delivery and exit (SPEC §5, R-ORD-5, R-EXT-1) ---------------------------------------


@pytest.mark.parametrize("role", ["owner", "operations", "finance", "support", "viewer"])
def test_a_refund_and_its_messages_reach_only_the_roles_that_read_refunds_and_only_support_and_the_owner_decide(
    client, operator, seed, role
):
    from .conftest import entity_now
    from .money_helpers import earn, money_vendor
    from .refund_helpers import asked, decide

    vendor = money_vendor(seed, seed=81)
    order = earn(client, operator, vendor, "custom_service", 9_000)
    refund = asked(client, operator, order["id"])
    headers = bearer(login(client, vendor, role))
    reads = role in {"owner", "finance", "support"}
    assert (entity_now(client, headers, "refund", refund["id"]) is not None) is reads
    changes, _ = pull_all(client, headers)
    about = [c for c in changes if c["entity"] == "message" and c["data"]["refund_id"] == refund["id"]]
    assert len(about) == (1 if reads else 0)
    r = decide(client, headers, refund, "approve")
    assert r.status_code == (200 if role in {"owner", "support"} else 403), r.text
