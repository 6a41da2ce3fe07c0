"""GET /sync/changes: commit order, cursors, dedupe, tombstones, visibility (API.md "Sync (pull)")."""

from __future__ import annotations

from collections import Counter
from typing import Any

from vendor_desktop.domain.orders import OrderState
from vendor_desktop.sandbox.core.schemas import ChangesPage

from .conftest import API, assert_error, bearer, login, pull_all
from .money_helpers import MARKET_INDEX


def _page(client: Any, headers: dict[str, str], **params: Any) -> Any:
    return client.get(f"{API}/sync/changes", params=params, headers=headers)


def _place(client: Any, operator: dict[str, str], vendor: dict[str, Any], listing_id: str) -> dict[str, Any]:
    r = client.post(
        f"{API}/sandbox/orders",
        json={"account_id": vendor["account_id"], "listing_id": listing_id, "buyer_account_id": "5550001"},
        headers=operator,
    )
    assert r.status_code == 201, r.text
    return r.json()


def _manual_listing(vendor: dict[str, Any]) -> str:
    """A manual service: paid, it waits for delivery (SaaS, API and image complete when paid, R-ORD-5)."""
    return f"lst-{vendor['account_id']}-{MARKET_INDEX['custom_service']}"


def _on_sale_listing(changes: list[dict[str, Any]]) -> str:
    return next(c["id"] for c in changes if c["entity"] == "listing" and c["data"]["state"] == "on_sale")


def test_a_full_pull_delivers_every_seeded_entity_once(client, vendor):
    changes, _ = pull_all(client, bearer(login(client, vendor)))
    ChangesPage.model_validate({"cursor": "x", "has_more": False, "changes": changes})  # schema truthful
    kinds = Counter(c["entity"] for c in changes)
    assert kinds["vendor_profile"] == 1 and kinds["listing"] == 12 and kinds["order"] == 30
    paid = sum(1 for c in changes if c["entity"] == "order" and c["data"]["paid_at"])
    # One per order and payment (R-ORD-2), one per seeded review result (R-LST-6), and one per
    # invoice request and revoke (R-INV-1, R-INV-2), and one per refund request or self-service
    # refund (SPEC §5: a refund the vendor approved told nobody).
    reviewed = sum(1 for c in changes if c["entity"] == "listing" and c["data"]["state"] in {"on_sale", "rejected"})
    invoices = [c["data"] for c in changes if c["entity"] == "invoice"]
    revoked = sum(1 for i in invoices if i["state"] == "revoked")
    refunds = [c["data"] for c in changes if c["entity"] == "refund"]
    told = sum(1 for r in refunds if r["state"] == "requested" or r["decided_by"] is None)
    assert invoices and refunds and kinds["message"] == 30 + paid + reviewed + len(invoices) + revoked + told
    assert len({(c["entity"], c["id"]) for c in changes}) == len(changes)
    profile = next(c for c in changes if c["entity"] == "vendor_profile")
    assert profile["id"] == vendor["account_id"] == profile["data"]["account_id"]


def test_paging_with_the_cursor_gives_the_same_changes_in_the_same_order(client, vendor):
    headers = bearer(login(client, vendor))
    whole = _page(client, headers, limit=2000).json()["changes"]
    paged, _ = pull_all(client, headers, limit=7)
    assert [(c["entity"], c["id"]) for c in paged] == [(c["entity"], c["id"]) for c in whole]


def test_no_cursor_and_nothing_new_returns_an_empty_page_and_a_reusable_cursor(client, vendor):
    headers = bearer(login(client, vendor))
    _, cursor = pull_all(client, headers)
    r = _page(client, headers, cursor=cursor)
    assert r.status_code == 200 and r.json()["changes"] == [] and r.json()["has_more"] is False
    assert _page(client, headers, cursor=r.json()["cursor"]).status_code == 200


def test_a_change_committed_between_pages_is_not_skipped(client, vendor, operator):
    headers = bearer(login(client, vendor))
    first = _page(client, headers, limit=5).json()
    listing_id = _on_sale_listing(pull_all(client, headers)[0])
    new_order = _place(client, operator, vendor, listing_id)
    cursor, rest = first["cursor"], []
    while True:
        page = _page(client, headers, cursor=cursor, limit=5).json()
        rest += page["changes"]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert ("order", new_order["id"]) in {(c["entity"], c["id"]) for c in rest}
    # Commit order: the new order and its new_order message come last.
    assert [c["entity"] for c in rest[-2:]] == ["order", "message"]


def test_an_entity_changed_after_it_was_pulled_comes_again_at_its_latest_state(client, vendor, operator):
    headers = bearer(login(client, vendor))
    listing_id = _manual_listing(vendor)
    order = _place(client, operator, vendor, listing_id)
    _, cursor = pull_all(client, headers)
    client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    client.post(f"{API}/sandbox/orders/{order['id']}/complete", headers=operator)
    page = _page(client, headers, cursor=cursor).json()["changes"]
    orders = [c for c in page if c["entity"] == "order"]
    assert len(orders) == 1  # dedupe: once, at the position of its latest change
    assert orders[0]["version"] == 3 and orders[0]["data"]["state"] == OrderState.COMPLETED
    # After the order_paid message, which came before completion; only the order_completed message
    # (R-ORD-5) and what completing settled (R-WDR-1) follow.
    rest = [c for c in page if c["entity"] not in {"earning", "deposit", "ledger_entry"}]
    assert [c["entity"] for c in rest[-2:]] == ["order", "message"]
    assert rest[-1]["data"]["kind"] == "order_completed"


def test_a_full_resync_lists_an_entity_once_at_its_latest_change(client, vendor, operator):
    headers = bearer(login(client, vendor))
    listing_id = _manual_listing(vendor)
    order = _place(client, operator, vendor, listing_id)
    client.post(f"{API}/sandbox/orders/{order['id']}/pay", headers=operator)
    changes, _ = pull_all(client, headers)
    mine = [c for c in changes if c["id"] == order["id"]]
    assert len(mine) == 1 and mine[0]["data"]["state"] == "paid"
    # The order_paid message comes after the order; only the money the payment earned (R-WDR-1) follows it.
    tail = [c["entity"] for c in changes[changes.index(mine[0]) + 1 :]]
    assert tail[0] == "message" and changes[changes.index(mine[0]) + 1]["data"]["kind"] == "order_paid"
    assert set(tail[1:]) <= {"earning", "deposit", "ledger_entry"}


def test_a_removed_listing_arrives_as_a_tombstone(client, vendor, operator):
    headers = bearer(login(client, vendor))
    changes, cursor = pull_all(client, headers)
    listing = next(c for c in changes if c["entity"] == "listing")
    assert client.delete(f"{API}/sandbox/listings/{listing['id']}", headers=operator).status_code == 204
    page = _page(client, headers, cursor=cursor).json()["changes"]
    assert page == [
        {"entity": "listing", "id": listing["id"], "version": listing["version"] + 1, "deleted": True, "data": None}
    ]
    # A fresh device also learns about the deletion, at the end.
    assert pull_all(client, headers)[0][-1]["deleted"] is True


def test_finance_sees_no_orders_or_listings(client, vendor):
    """SPEC §11: finance reads no orders or listings, and so none of their messages either; it
    reads invoices, refunds and their messages, the money (SPEC §7–§9) and tickets."""
    changes = pull_all(client, bearer(login(client, vendor, "finance")))[0]
    money = {"deposit", "earning", "ledger_entry", "bank_account", "agreement"}
    # Tickets too: every role but viewer writes them (R-TKT-1).
    assert {c["entity"] for c in changes} == {"vendor_profile", "invoice", "refund", "message", "ticket"} | money
    assert all(c["data"]["invoice_id"] or c["data"]["refund_id"] for c in changes if c["entity"] == "message")


def test_viewer_sees_listings_and_orders(client, vendor):
    kinds = Counter(c["entity"] for c in pull_all(client, bearer(login(client, vendor, "viewer")))[0])
    assert kinds["listing"] == 12 and kinds["order"] == 30


def test_a_vendor_never_sees_another_vendors_changes(client, vendor, seed):
    other = seed(seed=2)
    ids = {c["id"] for c in pull_all(client, bearer(login(client, other)))[0]}
    mine = {c["id"] for c in pull_all(client, bearer(login(client, vendor)))[0]}
    assert ids and mine and not ids & mine


def test_a_cursor_from_another_vendor_is_expired(client, vendor, seed):
    other = seed(seed=3)
    _, theirs = pull_all(client, bearer(login(client, other)))
    assert_error(_page(client, bearer(login(client, vendor)), cursor=theirs), 409, "CURSOR_EXPIRED")


def test_garbage_cursors_are_expired_not_errors(client, vendor):
    headers = bearer(login(client, vendor))
    for cursor in ["garbage", "MTo5OTk5OTk5OQ", "%%%", "MToxOmFiYw", "'; DROP TABLE orders;--", "é"]:
        assert_error(_page(client, headers, cursor=cursor), 409, "CURSOR_EXPIRED")


def test_expire_cursors_forces_a_full_resync(client, vendor, operator):
    headers = bearer(login(client, vendor))
    before, cursor = pull_all(client, headers)
    r = client.post(f"{API}/sandbox/sync/expire-cursors", headers=operator)
    assert r.status_code == 200
    assert_error(_page(client, headers, cursor=cursor), 409, "CURSOR_EXPIRED")
    after, _ = pull_all(client, headers)  # starting over works and yields the same state
    assert after == before


def test_limit_outside_1_to_2000_is_rejected(client, vendor):
    headers = bearer(login(client, vendor))
    for limit in ["0", "-1", "2001", "99999999999999999999999", "abc", "1.5"]:
        err = assert_error(_page(client, headers, limit=limit), 422, "VALIDATION_FAILED")
        assert "limit" in err["details"]["fields"]
    assert len(_page(client, headers, limit=1).json()["changes"]) == 1
    assert _page(client, headers, limit=2000).status_code == 200


def test_a_refund_decision_reaches_a_pull_with_the_order_and_the_earnings_it_changed(client, operator, seed):
    """SPEC §5, R-WDR-1: after the cursor, the decided refund, its order (refunded) and the market's
    earnings arrive, each once."""
    from .money_helpers import earn, money_vendor
    from .refund_helpers import asked, decide

    vendor = money_vendor(seed, seed=91)
    headers = bearer(login(client, vendor))
    order = earn(client, operator, vendor, "custom_service", 9_000)
    refund = asked(client, operator, order["id"])
    _, cursor = pull_all(client, headers)
    assert decide(client, headers, refund, "approve").status_code == 200
    page = _page(client, headers, cursor=cursor).json()
    assert not page["has_more"]
    counts = Counter(c["entity"] for c in page["changes"])
    # And the decision's own activity entry (issue 15).
    assert counts == {"refund": 1, "order": 1, "earning": 1, "activity": 1}
    by_kind = {c["entity"]: c for c in page["changes"]}
    assert by_kind["activity"]["data"]["action"] == "refund.decide"
    assert by_kind["refund"]["version"] == 2 and by_kind["order"]["data"]["state"] == "refunded"
    assert by_kind["earning"]["data"]["pending_fen"] == 0
