"""Lock, then check, then write (DESIGN.md "The server's database", issue 9.5): a price change
racing the buyer's payment never reprices a paid order (R-ORD-3).

Over real HTTP (uvicorn's worker threads), so requests really overlap; on PostgreSQL, where
nothing serialises them but the server's own locks.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from sqlalchemy import event, text

from vendor_desktop.sandbox.embedded import EmbeddedSandbox

from .conftest import API, OPERATOR_TOKEN

OPERATOR = {"Authorization": f"Bearer {OPERATOR_TOKEN}"}
NEW_PRICE = 1234


def _url(sandbox: EmbeddedSandbox, path: str) -> str:
    return f"{sandbox.base_url}{API}{path}"


def _vendor(sandbox: EmbeddedSandbox, orders: int) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """A vendor's owner (headers) and ``orders`` new unpaid orders."""
    vendor = requests.post(_url(sandbox, "/sandbox/seed"), json={"orders": 0, "listings": 10}, headers=OPERATOR).json()
    password = next(u["password"] for u in vendor["users"] if u["role"] == "owner")
    login = {"account_id": vendor["account_id"], "username": "owner", "password": password}
    token = requests.post(_url(sandbox, "/auth/login"), json=login).json()["access_token"]
    placed = []
    for n in range(orders):
        body = {"account_id": vendor["account_id"], "listing_id": f"lst-{vendor['account_id']}-{n % 10}"}
        placed.append(
            requests.post(
                _url(sandbox, "/sandbox/orders"), json=body | {"buyer_account_id": "5550001"}, headers=OPERATOR
            ).json()
        )
    return {"Authorization": f"Bearer {token}"}, placed


def _change_price(sandbox: EmbeddedSandbox, owner: dict[str, str], order_id: str) -> requests.Response:
    headers = {**owner, "Idempotency-Key": str(uuid.uuid4()), "If-Match": "1"}
    body = {"new_price_fen": NEW_PRICE, "reason": "老客户优惠"}
    return requests.post(_url(sandbox, f"/orders/{order_id}/price-change"), json=body, headers=headers, timeout=60)


def _pay(sandbox: EmbeddedSandbox, order_id: str) -> requests.Response:
    return requests.post(_url(sandbox, f"/sandbox/orders/{order_id}/pay"), headers=OPERATOR, timeout=60)


def _assert_never_repriced_after_payment(price: requests.Response, paid: requests.Response) -> None:
    """R-ORD-3: the buyer pays what the order says when they pay. A price change that succeeded
    came first, so the payment shows the new price; one that came after was refused."""
    assert paid.status_code == 200, paid.text
    if price.status_code == 200:
        assert paid.json()["data"]["amount_fen"] == NEW_PRICE, "a paid order was repriced"
        assert paid.json()["version"] > price.json()["version"]
    else:
        assert price.status_code == 409 and price.json()["error"]["code"] == "ORDER_NOT_UNPAID", price.text


def test_fifty_price_changes_racing_payments_never_reprice_a_paid_order(sandbox):
    owner, orders = _vendor(sandbox, 50)
    with ThreadPoolExecutor(max_workers=16) as pool:
        prices = [pool.submit(_change_price, sandbox, owner, o["id"]) for o in orders]
        payments = [pool.submit(_pay, sandbox, o["id"]) for o in orders]
        for price, paid in zip(prices, payments, strict=True):
            _assert_never_repriced_after_payment(price.result(), paid.result())


def test_a_payment_during_a_price_change_waits_for_it(sandbox, database_url):
    """Deterministic: the price change is held right after it has read the order; the payment is
    sent then. It must wait for the price change (the write lock was taken before the read), so the
    buyer pays the new price; without the lock it would commit first and the order be repriced."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises the whole transaction in-process: the payment cannot start")
    owner, (order,) = _vendor(sandbox, 1)
    engine = sandbox.app.state.db.engine
    armed, held, release = threading.Event(), threading.Event(), threading.Event()

    @event.listens_for(engine, "after_cursor_execute")
    def _hold(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if armed.is_set() and statement.lstrip().upper().startswith("SELECT") and "FROM orders" in statement:
            armed.clear()
            held.set()
            release.wait(30)

    armed.set()
    with ThreadPoolExecutor(max_workers=2) as pool:
        price = pool.submit(_change_price, sandbox, owner, order["id"])
        assert held.wait(30), "the price change never read the order"
        paid = pool.submit(_pay, sandbox, order["id"])
        # Let the price change go on once the payment has either finished or is waiting for a lock.
        deadline = time.monotonic() + 30
        while not paid.done() and not _someone_waits_for_a_lock(engine) and time.monotonic() < deadline:
            time.sleep(0.01)
        release.set()
        _assert_never_repriced_after_payment(price.result(), paid.result())
    event.remove(engine, "after_cursor_execute", _hold)


def _someone_waits_for_a_lock(engine: Any) -> bool:
    with engine.connect() as conn:
        query = text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return bool(conn.execute(query).scalar())
