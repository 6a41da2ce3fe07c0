"""The cache side of the tracking-number import: finding the invoices a file names (in chunks),
the open shipments that make a second import queue nothing, and the bulk enqueue."""

from __future__ import annotations

import datetime as dt

from tests.tracking_import_helpers import invoice_change, invoice_id, number, put_invoices
from vendor_desktop.cache.core import outbox, outbox_bulk
from vendor_desktop.cache.core.database import CacheDatabase
from vendor_desktop.cache.core.outbox import CommandState
from vendor_desktop.cache.core.outbox_results import mark_rejected
from vendor_desktop.cache.invoices.import_lookup import command_states, invoices_for_import

NOW = dt.datetime(2026, 11, 26, 2, 0, tzinfo=dt.UTC)


def _ship(n: int) -> dict:
    return {
        "kind": "invoice.ship",
        "entity": "invoice",
        "entity_id": invoice_id(n),
        "base_version": 3,
        "method": "post",
        "path": f"/invoices/{invoice_id(n)}/shipment",
        "payload": {"carrier": "顺丰", "tracking_number": f"SF{n:013d}", "postage": "vendor_paid"},
        "summary": {"order_number": number(n)},
    }


def test_a_thousand_two_hundred_keys_are_found_by_order_number_or_invoice_id(db: CacheDatabase) -> None:
    """More keys than one chunk; order numbers in the ID column (and the reverse) are found too."""
    put_invoices(db, [invoice_change(n) for n in range(1200)])
    with db.session() as s:
        found = invoices_for_import(
            s,
            [number(n) for n in range(0, 1000)] + [invoice_id(1100), "nope"],
            [invoice_id(n) for n in range(1000, 1100)] + [number(1150)],
        )
    assert len(found) == 1102
    assert found[number(7)].id == invoice_id(7) and found[number(7)].amount_fen == 12_800
    assert found[invoice_id(1050)].order_number == number(1050)
    assert found[invoice_id(1100)].id == invoice_id(1100)
    assert found[number(1150)].id == invoice_id(1150)
    assert "nope" not in found


def test_an_order_asked_again_after_a_revoke_finds_the_issued_invoice(db: CacheDatabase) -> None:
    revoked, again = invoice_change(1, state="revoked"), invoice_change(2, state="issued")
    again["data"]["order_number"] = revoked["data"]["order_number"]
    put_invoices(db, [again, revoked])
    with db.session() as s:
        found = invoices_for_import(s, [number(1)], [])
    assert found[number(1)].id == invoice_id(2) and found[number(1)].state == "issued"


def test_an_open_shipment_is_reported_and_an_applied_one_is_not(db: CacheDatabase) -> None:
    put_invoices(db, [invoice_change(n) for n in range(4)])
    with db.session(write=True) as s, s.begin():
        outbox_bulk.enqueue_many(s, [_ship(1), _ship(2)], created_by="owner", now=NOW)
        rejected = outbox.enqueue(s, created_by="owner", now=NOW, **_ship(3))
        mark_rejected(s, rejected.id, code="INVOICE_STATE", message="m", message_zh="m", details={}, now=NOW)
        other = outbox.enqueue(s, created_by="owner", now=NOW, **{**_ship(0), "kind": "invoice.issue"})
    with db.session() as s:
        found = invoices_for_import(s, [number(n) for n in range(4)], [])
    assert found[number(1)].queued == "pending" and found[number(2)].queued == "pending"
    assert found[number(3)].queued == "rejected"
    assert found[number(0)].queued is None  # an issue command is not a shipment
    assert other.kind == "invoice.issue"


def test_enqueue_many_returns_ids_in_order_and_holds_behind_a_rejected_command(db: CacheDatabase) -> None:
    """The bulk enqueue keeps enqueue's rule: nothing passes a refused change on its entity."""
    with db.session(write=True) as s, s.begin():
        first = outbox.enqueue(s, created_by="owner", now=NOW, **_ship(2))
        mark_rejected(s, first.id, code="VERSION_CONFLICT", message="m", message_zh="m", details={}, now=NOW)
    with db.session(write=True) as s, s.begin():
        ids = outbox_bulk.enqueue_many(s, [_ship(n) for n in range(1, 1201)], created_by="owner", now=NOW)
    assert len(ids) == 1200 and ids == sorted(ids) and ids[0] > first.id
    with db.session() as s:
        states = command_states(s, ids)
        held = {i for i, (state, *_rest) in states.items() if state == CommandState.HELD}
        command = outbox.get_command(s, ids[0])
    assert held == {ids[1]}  # invoice 2's shipment waits behind the refused one
    assert sum(1 for state, *_rest in states.values() if state == CommandState.PENDING) == 1199
    assert command is not None and command.method == "POST" and command.entity_id == invoice_id(1)
    assert command.payload == {"carrier": "顺丰", "tracking_number": "SF0000000000001", "postage": "vendor_paid"}


def test_command_states_leave_out_discarded_commands(db: CacheDatabase) -> None:
    with db.session(write=True) as s, s.begin():
        ids = outbox_bulk.enqueue_many(s, [_ship(1), _ship(2)], created_by="owner", now=NOW)
        outbox.discard(s, ids[0], now=NOW)
    with db.session() as s:
        assert set(command_states(s, ids)) == {ids[1]}
