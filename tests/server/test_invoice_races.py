"""Races on an invoice (R-INV-2, DESIGN.md "lock, then check, then write"): a buyer's revoke and
the vendor's issue sent at the same moment, or two issues with different keys: exactly one wins,
the other is refused (409 INVOICE_STATE, or 412 for a second issue that read the old version),
never both applied, never a 500.

Over real HTTP (uvicorn's worker threads), so requests really overlap; on PostgreSQL, where
nothing serialises them but the server's own locks, too.
"""

from __future__ import annotations

import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from sqlalchemy import event

from vendor_desktop.sandbox.embedded import EmbeddedSandbox

from .test_races import OPERATOR, _someone_waits_for_a_lock, _url
from .test_races import _vendor as _vendor_with_orders

PAIRS = 16


def _vendor(sandbox: EmbeddedSandbox, invoices: int) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """A vendor's owner (headers) and ``invoices`` new pending invoices on paid orders."""
    owner, orders = _vendor_with_orders(sandbox, invoices)
    made = []
    for order in orders:
        requests.post(_url(sandbox, f"/sandbox/orders/{order['id']}/pay"), headers=OPERATOR).raise_for_status()
        r = requests.post(_url(sandbox, "/sandbox/invoices"), json={"order_id": order["id"]}, headers=OPERATOR)
        assert r.status_code == 201, r.text
        made.append(r.json())
    return owner, made


def _issue(sandbox: EmbeddedSandbox, owner: dict[str, str], invoice_id: str, number: str) -> requests.Response:
    headers = {**owner, "Idempotency-Key": str(uuid.uuid4()), "If-Match": "1"}
    body = {"invoice_number": number}
    return requests.post(_url(sandbox, f"/invoices/{invoice_id}/issue"), json=body, headers=headers, timeout=60)


def _revoke(sandbox: EmbeddedSandbox, invoice_id: str) -> requests.Response:
    return requests.post(_url(sandbox, f"/sandbox/invoices/{invoice_id}/revoke"), headers=OPERATOR, timeout=60)


def _buyer_sees(sandbox: EmbeddedSandbox, invoice_id: str) -> dict[str, Any]:
    return requests.get(_url(sandbox, f"/sandbox/invoices/{invoice_id}"), headers=OPERATOR, timeout=60).json()


def _code(response: requests.Response) -> str:
    return response.json()["error"]["code"] if response.status_code >= 400 else "ok"


def _assert_one_of_revoke_or_issue(sandbox, invoice_id, issued: requests.Response, revoked: requests.Response) -> None:
    """R-INV-2: the buyer revokes only while pending; so exactly one of the two took effect."""
    assert issued.status_code < 500 and revoked.status_code < 500, (issued.text, revoked.text)
    outcomes = {(issued.status_code, _code(issued)), (revoked.status_code, _code(revoked))}
    assert (200, "ok") in outcomes and (409, "INVOICE_STATE") in outcomes, (issued.text, revoked.text)
    final = _buyer_sees(sandbox, invoice_id)
    if issued.status_code == 200:
        assert final["state"] == "issued" and final["revoked_at"] is None
        assert revoked.json()["error"]["details"]["state"] == "issued"
    else:
        assert final["state"] == "revoked" and final["invoice_number"] is None
        assert issued.json()["error"]["details"]["state"] == "revoked"


def test_revokes_racing_issues_leave_exactly_one_applied(sandbox):
    owner, invoices = _vendor(sandbox, PAIRS)
    with ThreadPoolExecutor(max_workers=8) as pool:
        issues = [pool.submit(_issue, sandbox, owner, i["id"], "12345678") for i in invoices]
        revokes = [pool.submit(_revoke, sandbox, i["id"]) for i in invoices]
        for invoice, issued, revoked in zip(invoices, issues, revokes, strict=True):
            _assert_one_of_revoke_or_issue(sandbox, invoice["id"], issued.result(), revoked.result())


def test_two_issues_with_different_keys_apply_once(sandbox):
    owner, invoices = _vendor(sandbox, PAIRS)
    with ThreadPoolExecutor(max_workers=8) as pool:
        firsts = [pool.submit(_issue, sandbox, owner, i["id"], "11111111") for i in invoices]
        seconds = [pool.submit(_issue, sandbox, owner, i["id"], "22222222") for i in invoices]
        for invoice, first, second in zip(invoices, firsts, seconds, strict=True):
            answers = [first.result(), second.result()]
            assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
            assert {_code(r) for r in answers} == {"ok", "INVOICE_STATE"}
            won = next(r for r in answers if r.status_code == 200).json()["data"]["invoice_number"]
            final = _buyer_sees(sandbox, invoice["id"])
            assert final["invoice_number"] == won and len(final["buyer_messages"]) == 1  # told once


def test_a_revoke_during_an_issue_waits_for_it(sandbox, database_url):
    """Deterministic: the issue is held right after it has read the invoice; the revoke is sent
    then. It must wait for the issue (the invoice's row and the write lock are held), so the
    revoke is refused; without the locks it would commit first and both would apply."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite serialises the whole transaction in-process: the revoke cannot start")
    owner, (invoice,) = _vendor(sandbox, 1)
    engine = sandbox.app.state.db.engine
    armed, held, release = threading.Event(), threading.Event(), threading.Event()

    @event.listens_for(engine, "after_cursor_execute")
    def _hold(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if armed.is_set() and statement.lstrip().upper().startswith("SELECT") and "FROM invoices" in statement:
            armed.clear()
            held.set()
            release.wait(30)

    armed.set()
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            issued = pool.submit(_issue, sandbox, owner, invoice["id"], "12345678")
            assert held.wait(30), "the issue never read the invoice"
            revoked = pool.submit(_revoke, sandbox, invoice["id"])
            deadline = time.monotonic() + 30
            while not revoked.done() and not _someone_waits_for_a_lock(engine) and time.monotonic() < deadline:
                time.sleep(0.01)
            release.set()
            assert issued.result().status_code == 200, issued.result().text
            assert _code(revoked.result()) == "INVOICE_STATE"
    finally:
        event.remove(engine, "after_cursor_execute", _hold)
    assert _buyer_sees(sandbox, invoice["id"])["state"] == "issued"
