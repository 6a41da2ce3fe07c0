"""What each role receives from /sync/changes: exactly what SPEC §11's table lets it read.

One test per role names the full set of entity kinds and of message kinds it receives, so a new
entity or message that leaks to a role (or goes missing for one) fails here. A message about an
entity reaches only roles that read that entity.
"""

from __future__ import annotations

import json

import pytest

from .conftest import bearer, login, pull_all

ORDER_MESSAGES = {"new_order", "order_paid"}
LISTING_MESSAGES = {"listing_approved", "listing_rejected"}

# role → (entity kinds, message kinds) it receives from a seeded vendor.
RECEIVES = {
    "owner": ({"vendor_profile", "listing", "order", "discount", "message"}, ORDER_MESSAGES | LISTING_MESSAGES),
    "operations": ({"vendor_profile", "listing", "order", "discount", "message"}, ORDER_MESSAGES | LISTING_MESSAGES),
    "finance": ({"vendor_profile"}, set()),
    "support": ({"vendor_profile", "order", "message"}, ORDER_MESSAGES),
    "viewer": ({"vendor_profile", "listing", "order", "message"}, ORDER_MESSAGES | LISTING_MESSAGES),
}


def _received(client, vendor, role):
    changes, _ = pull_all(client, bearer(login(client, vendor, role)))
    kinds = {c["entity"] for c in changes}
    messages = {c["data"]["kind"] for c in changes if c["entity"] == "message"}
    return changes, kinds, messages


@pytest.mark.parametrize("role", sorted(RECEIVES))
def test_each_role_receives_exactly_what_it_may_read(client, seed, role):
    vendor = seed(seed=1, listings=14)  # 14: a rejected listing too, with its message
    _, kinds, messages = _received(client, vendor, role)
    assert (kinds, messages) == RECEIVES[role]


def test_finance_receives_no_order_details_in_any_form(client, vendor):
    """Finance may not read orders: no order number, buyer or listing of one reaches it, not even
    inside a message's text."""
    owner_changes, _, _ = _received(client, vendor, "owner")
    orders = [c["data"] for c in owner_changes if c["entity"] == "order"]
    finance_changes, _, _ = _received(client, vendor, "finance")
    text = json.dumps(finance_changes, ensure_ascii=False)
    for order in orders:
        assert order["number"] not in text
        assert order["buyer_name"] not in text


def test_support_receives_no_listing_review_messages(client, vendor):
    _, _, messages = _received(client, vendor, "support")
    assert messages and not messages & LISTING_MESSAGES
